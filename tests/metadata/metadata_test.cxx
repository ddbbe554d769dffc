// The function table is the single source of the add-in's names; these tests keep the IDL
// (as compiled into relance.rdb), the packaging files, the README and the layering in line.
#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "uno/fec/fec_import.hxx"
#include "uno/functions/function_table.hxx"
#include "uno/litigation/litigation_file.hxx"
#include "uno/ledger/ledger_dialog.hxx"
#include "uno/common/progress_dialog.hxx"
#include "uno/reminders/reminder_dialog.hxx"

using namespace relance::addin;
namespace fs = std::filesystem;

namespace
{

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string runCommand(const std::string& command)
{
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe)
        return {};
    std::string output;
    std::array<char, 4096> chunk{};
    while (std::size_t read = fread(chunk.data(), 1, chunk.size(), pipe.get()))
        output.append(chunk.data(), read);
    return output;
}

// method name -> parameter names, read back from the compiled type library.
std::map<std::string, std::vector<std::string>> idlMethods()
{
    const std::string idl = runCommand(std::string(UNOIDL_READ) + " " + LO_TYPES_RDB + " " +
                                       LO_OFFAPI_RDB + " " + RELANCE_RDB_PATH + " 2>&1");
    std::map<std::string, std::vector<std::string>> methods;
    // "name([in] type a, [in] type b)": every method of the interface takes [in] parameters.
    const std::regex method(R"((\w+)\s*\((\s*\[in\][^)]*)\))");
    const std::regex parameter(R"(\[in\]\s+[\w:]+\s+(\w+))");
    for (std::sregex_iterator it(idl.begin(), idl.end(), method), end; it != end; ++it)
    {
        const std::string parameters = (*it)[2];
        std::vector<std::string>& names = methods[(*it)[1]];
        for (std::sregex_iterator p(parameters.begin(), parameters.end(), parameter); p != end; ++p)
            names.push_back((*p)[1]);
    }
    return methods;
}

} // namespace

TEST(Metadata, TableMatchesTheCompiledIdl)
{
    const auto methods = idlMethods();
    ASSERT_FALSE(methods.empty()) << "unoidl-read printed nothing usable";
    for (const FunctionSpec& function : functionTable())
    {
        const auto found = methods.find(function.programmaticName);
        ASSERT_NE(found, methods.end()) << function.programmaticName << " is not in the IDL";
        const std::vector<std::string>& parameters = found->second;
        ASSERT_EQ(parameters.size(), function.arguments.size() + 1) << function.programmaticName;
        EXPECT_EQ(parameters[0], "options") << "the hidden document argument comes first";
        for (std::size_t i = 0; i < function.arguments.size(); ++i)
            EXPECT_EQ(parameters[i + 1], function.arguments[i].programmaticName)
                << function.programmaticName;
    }
    EXPECT_EQ(methods.size(), functionTable().size()) << "an IDL method is missing from the table";
}

TEST(Metadata, EveryTextExistsInFrenchAndEnglish)
{
    std::set<std::string> names;
    const std::regex french(R"(CREANCES(\.[A-Z0-9]+)+)");
    const std::regex english(R"(AR(\.[A-Z0-9]+)+)");
    for (const FunctionSpec& function : functionTable())
    {
        SCOPED_TRACE(function.programmaticName);
        EXPECT_TRUE(std::regex_match(function.displayName.french, french));
        EXPECT_TRUE(std::regex_match(function.displayName.english, english));
        EXPECT_TRUE(names.insert(function.displayName.french).second) << "duplicate name";
        EXPECT_TRUE(names.insert(function.displayName.english).second) << "duplicate name";
        EXPECT_GT(std::string(function.description.french).size(), 20u);
        EXPECT_GT(std::string(function.description.english).size(), 20u);
        EXPECT_NE(std::string(function.description.french), function.description.english);
        for (const ArgumentSpec& argument : function.arguments)
        {
            EXPECT_FALSE(std::string(argument.displayName.french).empty());
            EXPECT_FALSE(std::string(argument.displayName.english).empty());
            EXPECT_GT(std::string(argument.description.french).size(), 10u);
            EXPECT_GT(std::string(argument.description.english).size(), 10u);
        }
    }
}

TEST(Metadata, PackagingRegistersTheTableService)
{
    const std::string components = readFile(fs::path(SOURCE_DIR) / "extension/relance.components");
    EXPECT_NE(components.find(std::string("name=\"") + kImplementationName + "\""),
              std::string::npos);
    EXPECT_NE(components.find(std::string("name=\"") + kServiceName + "\""), std::string::npos);
    EXPECT_NE(components.find("com.sun.star.sheet.AddIn"), std::string::npos);
    const std::string idl = readFile(fs::path(SOURCE_DIR) / "idl/relance.idl");
    EXPECT_NE(idl.find("service Functions"), std::string::npos);
    const std::string description = readFile(fs::path(SOURCE_DIR) / "extension/description.xml.in");
    EXPECT_NE(description.find("lang=\"fr\""), std::string::npos);
    EXPECT_NE(description.find("lang=\"en\""), std::string::npos);
}

TEST(Metadata, ReadmeDocumentsEveryFunction)
{
    const std::string readme = readFile(fs::path(SOURCE_DIR) / "README.md");
    for (const FunctionSpec& function : functionTable())
    {
        EXPECT_NE(readme.find(function.displayName.french), std::string::npos)
            << function.displayName.french << " is not in README.md";
        EXPECT_NE(readme.find(function.displayName.english), std::string::npos)
            << function.displayName.english << " is not in README.md";
    }
}

TEST(Metadata, CoreIncludesNoUno)
{
    const std::regex unoInclude(R"(#\s*include\s*[<"](com/|cppu|cppuhelper/|rtl/|sal/|osl/|uno/))");
    std::size_t files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(SOURCE_DIR) / "src/core"))
    {
        if (!entry.is_regular_file())
            continue;
        ++files;
        const std::string text = readFile(entry.path());
        EXPECT_FALSE(std::regex_search(text, unoInclude)) << entry.path() << " includes UNO";
    }
    EXPECT_GT(files, 0u);
}

// The README's map names every feature folder of both floors, and only folders that exist.
TEST(Metadata, ReadmeMapMatchesTheTree)
{
    const std::string readme = readFile(fs::path(SOURCE_DIR) / "README.md");
    std::size_t folders = 0;
    for (const char* floor : {"src/core", "src/uno"})
        for (const auto& entry : fs::directory_iterator(fs::path(SOURCE_DIR) / floor))
            if (entry.is_directory())
            {
                ++folders;
                const std::string named =
                    std::string(floor) + "/" + entry.path().filename().string() + "/";
                EXPECT_NE(readme.find(named), std::string::npos) << named << " is not in README.md";
            }
    EXPECT_GE(folders, 8u);
    const std::regex mapped(R"(src/(core|uno)/([a-z_]+)/)");
    for (auto match = std::sregex_iterator(readme.begin(), readme.end(), mapped);
         match != std::sregex_iterator(); ++match)
        EXPECT_TRUE(fs::is_directory(fs::path(SOURCE_DIR) / match->str()))
            << "README.md names " << match->str() << ", which does not exist";
}

// README's pictures exist, are PNG files, and are the ones scripts/screenshots makes from the
// real windows: every picture README shows is in docs/screenshots/, and every one there is shown.
TEST(Metadata, ReadmeScreenshotsExist)
{
    const fs::path source(SOURCE_DIR);
    ASSERT_TRUE(fs::exists(source / "scripts" / "screenshots"));
    const std::string readme = readFile(source / "README.md");
    EXPECT_NE(readme.find("scripts/screenshots"), std::string::npos);
    std::size_t shown = 0;
    const std::regex picture(R"(\]\((docs/screenshots/[a-z0-9-]+\.png)\))");
    for (auto match = std::sregex_iterator(readme.begin(), readme.end(), picture);
         match != std::sregex_iterator(); ++match)
    {
        ++shown;
        const fs::path file = source / (*match)[1].str();
        ASSERT_TRUE(fs::exists(file)) << file;
        EXPECT_EQ(readFile(file).substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8)) << file;
        EXPECT_GT(fs::file_size(file), 10'000u) << file << ": an empty window?";
    }
    EXPECT_GE(shown, 5u);
    for (const auto& entry : fs::directory_iterator(source / "docs" / "screenshots"))
        EXPECT_NE(readme.find("docs/screenshots/" + entry.path().filename().string()),
                  std::string::npos)
            << entry.path() << " is not shown in README.md";
}

// A file a newcomer reads in one sitting: no source file above 850 lines.
TEST(Metadata, NoSourceFileTooLong)
{
    constexpr std::size_t maximumLines = 850;
    std::size_t files = 0;
    for (const char* folder : {"src", "tests", "bench", "tools"})
        for (const auto& entry : fs::recursive_directory_iterator(fs::path(SOURCE_DIR) / folder))
        {
            const std::string extension = entry.path().extension().string();
            if (!entry.is_regular_file() || (extension != ".cxx" && extension != ".hxx"))
                continue;
            ++files;
            const std::string text = readFile(entry.path());
            const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
            EXPECT_LE(lines, maximumLines)
                << entry.path() << " has " << lines << " lines: split it";
        }
    EXPECT_GT(files, 50u);
}

// Dialog event handlers are named in the .xdl and implemented in code: the two lists must agree,
// and every string resource the dialog uses must exist in both languages.
TEST(Metadata, DialogHandlersAndStringsAgree)
{
    struct Dialog
    {
        const char* name;
        std::set<std::string> handlers;
    };
    const Dialog dialogs[] = {
        {"ConvertLedger", {kConvertLedgerHandlers.begin(), kConvertLedgerHandlers.end()}},
        {"Reminders", {kReminderHandlers.begin(), kReminderHandlers.end()}},
        {"Progress", {kProgressHandlers.begin(), kProgressHandlers.end()}},
        {"ImportFec", {kImportFecHandlers.begin(), kImportFecHandlers.end()}},
        {"LitigationFile", {kLitigationHandlers.begin(), kLitigationHandlers.end()}}};
    const std::regex handler(R"(vnd\.sun\.star\.UNO:(\w+))");
    const std::regex resource(R"(&amp;(\d+\.[\w.]+))");
    for (const Dialog& dialog : dialogs)
    {
        SCOPED_TRACE(dialog.name);
        const fs::path folder = fs::path(SOURCE_DIR) / "dialogs";
        const std::string xdl = readFile(folder / (std::string(dialog.name) + ".xdl"));
        ASSERT_FALSE(xdl.empty());
        std::set<std::string> named;
        for (std::sregex_iterator it(xdl.begin(), xdl.end(), handler), end; it != end; ++it)
            named.insert((*it)[1]);
        EXPECT_EQ(named, dialog.handlers);
        for (const char* language : {"fr_FR", "en_US"})
        {
            const std::string strings =
                readFile(folder / (std::string(dialog.name) + "_" + language + ".properties"));
            for (std::sregex_iterator it(xdl.begin(), xdl.end(), resource), end; it != end; ++it)
                EXPECT_NE(strings.find(std::string((*it)[1]) + "="), std::string::npos)
                    << (*it)[1] << " missing in " << language;
        }
    }
}
