// The invoice corpus (tests/corpus/make_corpus.py, written into the build folder) converted
// in a real Calc, file by file: each file loaded as a user opens it (CSV with the office's
// import filter), converted as it is and after a round trip through .xlsx or .ods, with the
// silent command and no mapping; then the ledger read back against manifest.json: invoice
// count, outstanding per invoice and in total, customers, due dates, statuses, the file's own
// days-late column, the remarks of the command's report by key, and a second conversion with
// the fixes the manifest names.
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <sstream>

// Boost 1.74's JSON reader includes the old bind header: keep its placeholders quiet.
#define BOOST_BIND_GLOBAL_PLACEHOLDERS
#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <gtest/gtest.h>

#include "calc_support.hxx"
#include "ledger/ledger_commands.hxx"

using namespace relance_test;
namespace fs = std::filesystem;
namespace pt = boost::property_tree;

namespace
{

// --- The manifest ---------------------------------------------------------------------------

fs::path corpusDir()
{
    return env("RELANCE_CORPUS_DIR");
}

const pt::ptree& manifest()
{
    static const pt::ptree tree = []
    {
        pt::ptree read;
        const fs::path path = corpusDir() / "manifest.json";
        if (!corpusDir().empty() && fs::exists(path))
            pt::read_json(path.string(), read);
        return read;
    }();
    return tree;
}

// JSON null reads as the text "null" in a property tree.
bool isNull(const pt::ptree& node)
{
    return node.empty() && node.data() == "null";
}

std::optional<std::string> optionalText(const pt::ptree& node, const std::string& path)
{
    const auto child = node.get_child_optional(path);
    if (!child || isNull(*child))
        return std::nullopt;
    return child->data();
}

std::vector<std::string> textList(const pt::ptree& node, const std::string& path)
{
    std::vector<std::string> items;
    if (const auto child = node.get_child_optional(path))
        for (const auto& [key, item] : *child)
            items.push_back(item.data());
    return items;
}

std::string joined(const std::vector<std::string>& items)
{
    std::string text;
    for (const std::string& item : items)
        text += (text.empty() ? "" : ";") + item;
    return text;
}

struct CorpusCase
{
    std::string file;
    std::string saveAs; // "as_is", "xlsx" or "ods"
};

void PrintTo(const CorpusCase& corpusCase, std::ostream* out)
{
    *out << corpusCase.file << " (" << corpusCase.saveAs << ")";
}

std::vector<CorpusCase> corpusCases()
{
    std::vector<CorpusCase> cases;
    if (const auto files = manifest().get_child_optional("files"))
        for (const auto& [key, entry] : *files)
            for (const std::string& saveAs : textList(entry, "save_as"))
                cases.push_back({entry.get<std::string>("file"), saveAs});
    return cases;
}

const pt::ptree& entryOf(const std::string& file)
{
    for (const auto& [key, entry] : manifest().get_child("files"))
        if (entry.get<std::string>("file") == file)
            return entry;
    throw std::runtime_error("no manifest entry for " + file);
}

// --- The office -----------------------------------------------------------------------------

// Where this run keeps its copies and round trips: beside the profile, one per language.
fs::path workDir()
{
    const fs::path dir = fs::path(env("RELANCE_TEST_PROFILE")).parent_path() /
                         ("corpus-work-" + env("RELANCE_TEST_LANGUAGE"));
    fs::create_directories(dir);
    return dir;
}

uno::Reference<lang::XComponent> loadAsAUserDoes(const pt::ptree& entry)
{
    const fs::path source = corpusDir() / entry.get<std::string>("file");
    const auto filter = optionalText(entry, "load.filter");
    if (!filter)
        return office().load(source.string());
    // A copy, like OfficeSession::load: the build folder's file keeps no lock.
    const fs::path copy = workDir() / source.filename();
    fs::copy_file(source, copy, fs::copy_options::overwrite_existing);
    const auto arguments = sequenceOf<beans::PropertyValue>(
        {argument("Hidden", uno::Any(true)), argument("FilterName", uno::Any(ustr(*filter))),
         argument("FilterOptions",
                  uno::Any(ustr(optionalText(entry, "load.filter_options").value_or(""))))});
    const uno::Reference<lang::XComponent> document = office().desktop()->loadComponentFromURL(
        ustr(fileUrl(copy.string())), "_blank", 0, arguments);
    if (!document.is())
        throw std::runtime_error("cannot open " + copy.string());
    return document;
}

// The document as converted: as loaded, or stored as .xlsx / .ods and opened again.
uno::Reference<lang::XComponent> documentFor(const pt::ptree& entry, const std::string& saveAs)
{
    uno::Reference<lang::XComponent> loaded = loadAsAUserDoes(entry);
    if (saveAs == "as_is")
        return loaded;
    const Sheet original(loaded); // closed once stored
    const fs::path target =
        workDir() / (fs::path(entry.get<std::string>("file")).stem().string() + "." + saveAs);
    const char* filter = saveAs == "xlsx" ? "Calc MS Excel 2007 XML" : "calc8";
    uno::Reference<frame::XStorable>(loaded, uno::UNO_QUERY_THROW)
        ->storeToURL(ustr(fileUrl(target.string())),
                     sequenceOf<beans::PropertyValue>(
                         {argument("FilterName", uno::Any(OUString::createFromAscii(filter))),
                          argument("Overwrite", uno::Any(true))}));
    return office().load(target.string());
}

std::vector<beans::PropertyValue> conversionArguments(const pt::ptree& entry)
{
    std::vector<beans::PropertyValue> arguments{
        argument("AsOf", uno::Any(ustr(entry.get<std::string>("as_of"))))};
    if (const auto sheets = textList(entry, "sheets"); !sheets.empty())
        arguments.push_back(argument("SourceSheets", uno::Any(ustr(joined(sheets)))));
    return arguments;
}

// --- Reading cells --------------------------------------------------------------------------

using Grid = uno::Sequence<uno::Sequence<uno::Any>>;

Grid usedCells(const uno::Reference<sheet::XSpreadsheet>& sheet, sal_Int32 lastColumn)
{
    const sal_Int32 rows = usedRows(sheet);
    return uno::Reference<sheet::XCellRangeData>(
               sheet->getCellRangeByPosition(0, 0, lastColumn, std::max<sal_Int32>(rows - 1, 0)),
               uno::UNO_QUERY_THROW)
        ->getDataArray();
}

std::optional<double> number(const uno::Any& cell)
{
    double value = 0;
    if (cell >>= value)
        return value;
    return std::nullopt;
}

// A cell as its text: numbers written like the converter writes invoice numbers (no ".0").
std::string text(const uno::Any& cell)
{
    if (const auto value = number(cell))
    {
        std::ostringstream out;
        if (*value == std::floor(*value) && std::fabs(*value) < 1e15)
            out << static_cast<long long>(*value);
        else
            out << *value;
        return out.str();
    }
    OUString string;
    cell >>= string;
    return utf8(string);
}

long long cents(double euros)
{
    return std::llround(euros * 100);
}

double serialOf(const std::string& iso)
{
    int year = 0;
    unsigned month = 0, day = 0;
    if (std::sscanf(iso.c_str(), "%d-%u-%u", &year, &month, &day) != 3)
        throw std::runtime_error("not an ISO date: " + iso);
    return serial(year, month, day);
}

std::string ledgerName()
{
    return relance::addin::sheetName(relance::addin::LedgerSheet::Invoices)
        .in(french() ? relance::Language::French : relance::Language::English);
}

// The Registre as read back: its rows by invoice number.
struct Ledger
{
    Grid cells;
    std::map<std::string, sal_Int32> rowOf;

    explicit Ledger(const uno::Reference<lang::XComponent>& document)
    {
        const uno::Reference<sheet::XSpreadsheet> sheet(
            uno::Reference<sheet::XSpreadsheetDocument>(document, uno::UNO_QUERY_THROW)
                ->getSheets()
                ->getByName(ustr(ledgerName())),
            uno::UNO_QUERY_THROW);
        cells = usedCells(sheet, column("follow_up"));
        for (sal_Int32 r = 1; r < cells.getLength(); ++r)
            rowOf.emplace(text(cells[r][column("number")]), r);
    }
    sal_Int32 invoices() const { return cells.getLength() - 1; }
    const uno::Any& at(sal_Int32 row, const char* key) const { return cells[row][column(key)]; }
    long long outstandingCents() const
    {
        long long total = 0;
        for (sal_Int32 r = 1; r < cells.getLength(); ++r)
            if (const auto balance = number(at(r, "balance")))
                total += cents(*balance);
        return total;
    }
};

// --- The report -----------------------------------------------------------------------------

// The count the report gives a remark: the first number after "[key]"; 0 when not named.
long long remarkCount(const std::string& report, const std::string& key)
{
    const std::size_t at = report.find("[" + key + "]");
    if (at == std::string::npos)
        return 0;
    const std::size_t digits = report.find_first_of("0123456789", at + key.size() + 2);
    if (digits == std::string::npos)
        return -1;
    return std::stoll(report.substr(digits));
}

// The number just before "row(s) skipped" / "ligne(s) ignorée(s)", or nullopt.
std::optional<long long> skippedRows(const std::string& report)
{
    for (const char* phrase : {" row(s) skipped", " ligne(s) ignorée(s)"})
        if (const std::size_t at = report.find(phrase); at != std::string::npos && at > 0)
        {
            std::size_t start = at;
            while (start > 0 && std::isdigit(static_cast<unsigned char>(report[start - 1])))
                --start;
            if (start < at)
                return std::stoll(report.substr(start, at - start));
        }
    return std::nullopt;
}

// --- Checks ---------------------------------------------------------------------------------

// The file's own days-late column against the ledger's, row by row, by invoice number: every
// difference is a failure (the first ten are told). Returns the rows compared.
long long compareDaysLate(const pt::ptree& daysLate,
                          const uno::Reference<sheet::XSpreadsheet>& source, const Ledger& ledger,
                          bool fixed)
{
    const Grid cells = usedCells(source, 40);
    const sal_Int32 headerRow = daysLate.get<sal_Int32>("header_row") - 1;
    const auto columnNamed = [&](const std::string& name)
    {
        for (sal_Int32 c = 0; c < cells[headerRow].getLength(); ++c)
            if (text(cells[headerRow][c]) == name)
                return c;
        throw std::runtime_error("no column " + name + " in the source");
    };
    const sal_Int32 numberColumn = columnNamed(daysLate.get<std::string>("number_column"));
    const sal_Int32 lateColumn = columnNamed(daysLate.get<std::string>("column"));
    std::set<std::string> excluded;
    if (!fixed)
        for (const std::string& number : textList(daysLate, "differs_until_fixed"))
            excluded.insert(number);
    long long compared = 0;
    long long mismatches = 0;
    for (sal_Int32 r = headerRow + 1; r < cells.getLength(); ++r)
    {
        const std::string invoice = text(cells[r][numberColumn]);
        const auto fileLate = number(cells[r][lateColumn]);
        if (invoice.empty() || !fileLate || excluded.count(invoice))
            continue;
        ++compared;
        const auto found = ledger.rowOf.find(invoice);
        const auto ledgerLate = found == ledger.rowOf.end()
                                    ? std::nullopt
                                    : number(ledger.at(found->second, "days_late"));
        if (ledgerLate && *ledgerLate == *fileLate)
            continue;
        if (++mismatches > 10)
            continue;
        std::ostringstream ledgerSays;
        if (ledgerLate)
            ledgerSays << *ledgerLate;
        else
            ledgerSays << "nothing";
        ADD_FAILURE() << invoice << ": the file says " << *fileLate << " days late, the ledger "
                      << ledgerSays.str();
    }
    EXPECT_EQ(mismatches, 0) << "rows whose days late differ, of " << compared << " compared";
    return compared;
}

void checkSpot(const pt::ptree& spot, const Ledger& ledger, const char* outstandingKey)
{
    const std::string invoice = spot.get<std::string>("number");
    SCOPED_TRACE(invoice);
    const auto found = ledger.rowOf.find(invoice);
    ASSERT_NE(found, ledger.rowOf.end()) << "not in the ledger";
    const sal_Int32 row = found->second;
    const auto balance = number(ledger.at(row, "balance"));
    ASSERT_TRUE(balance.has_value());
    EXPECT_EQ(cents(*balance), spot.get<long long>(outstandingKey));
    EXPECT_EQ(text(ledger.at(row, "customer")), spot.get<std::string>("customer"));
    if (const auto due = optionalText(spot, "due_date"))
    {
        EXPECT_EQ(number(ledger.at(row, "due_date")), serialOf(*due));
    }
    else
    {
        EXPECT_EQ(text(ledger.at(row, "due_date")), "");
    }
    if (const auto invoiceDate = optionalText(spot, "invoice_date"))
    {
        EXPECT_EQ(number(ledger.at(row, "invoice_date")), serialOf(*invoiceDate));
    }
    if (std::string(outstandingKey) == "outstanding_cents")
    {
        if (const auto status = optionalText(spot, french() ? "status.fr" : "status.en"))
        {
            EXPECT_EQ(text(ledger.at(row, "status")), *status);
        }
        if (const auto level = optionalText(spot, "level"))
        {
            EXPECT_EQ(number(ledger.at(row, "level")), std::stod(*level));
        }
    }
    for (const char* key : {"legal_name", "siren"})
    {
        if (const auto expected = optionalText(spot, key))
        {
            EXPECT_EQ(text(ledger.at(row, key)), *expected) << key;
        }
    }
}

class Corpus : public ::testing::TestWithParam<CorpusCase>
{
};

std::string caseName(const ::testing::TestParamInfo<CorpusCase>& info)
{
    std::string name = info.param.file + "_" + info.param.saveAs;
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)))
            c = '_';
    return name;
}

} // namespace

TEST(CorpusManifest, ListsTheTenFiles)
{
    ASSERT_FALSE(corpusDir().empty()) << "RELANCE_CORPUS_DIR is not set";
    ASSERT_TRUE(fs::exists(corpusDir() / "manifest.json")) << corpusDir();
    EXPECT_GE(manifest().get_child("files").size(), 10u);
    for (const auto& [key, entry] : manifest().get_child("files"))
    {
        EXPECT_TRUE(fs::exists(corpusDir() / entry.get<std::string>("file")))
            << entry.get<std::string>("file");
    }
}

// One conversion of the file as the case has it, its document open while it is checked.
struct Conversion
{
    Sheet document;
    uno::Reference<sheet::XSpreadsheet> source; // the first sheet, as the command takes it
    CommandResult result;

    Conversion(const pt::ptree& entry, const std::string& saveAs,
               std::vector<beans::PropertyValue> arguments)
        : document(documentFor(entry, saveAs))
    {
        source.set(
            uno::Reference<container::XIndexAccess>(uno::Reference<sheet::XSpreadsheetDocument>(
                                                        document.document(), uno::UNO_QUERY_THROW)
                                                        ->getSheets(),
                                                    uno::UNO_QUERY_THROW)
                ->getByIndex(0),
            uno::UNO_QUERY_THROW);
        result = runCommand(document.document(), std::move(arguments));
        if (result.success)
            document.recalculate();
    }
};

TEST_P(Corpus, ConvertsEachFileCellByCell)
{
    const pt::ptree& entry = entryOf(GetParam().file);
    const pt::ptree& expected = entry.get_child("expected");
    const pt::ptree& daysLate = expected.get_child("days_late");
    {
        const Conversion conversion(entry, GetParam().saveAs, conversionArguments(entry));
        const std::string& report = conversion.result.message;
        ASSERT_TRUE(conversion.result.success) << report;
        SCOPED_TRACE(report);
        const Ledger ledger(conversion.document.document());

        EXPECT_EQ(ledger.invoices(), expected.get<sal_Int32>("invoices"));
        EXPECT_EQ(ledger.outstandingCents(), expected.get<long long>("outstanding_cents"));
        if (const auto creditNotes = optionalText(expected, "credit_notes"))
        {
            long long negative = 0;
            for (sal_Int32 r = 1; r <= ledger.invoices(); ++r)
                negative += number(ledger.at(r, "amount")).value_or(0) < 0;
            EXPECT_EQ(negative, std::stoll(*creditNotes));
        }
        for (const auto& [key, spot] : expected.get_child("spot_checks"))
            checkSpot(spot, ledger, "outstanding_cents");

        // The report: every remark key with its count, the rows skipped.
        for (const auto& [index, key] : manifest().get_child("remark_keys"))
        {
            EXPECT_EQ(remarkCount(report, key.data()),
                      expected.get<long long>("remarks." + key.data()))
                << "[" << key.data() << "]";
        }
        const auto skipped = skippedRows(report);
        EXPECT_TRUE(skipped.has_value()) << "the report does not count the rows skipped";
        if (skipped)
        {
            EXPECT_EQ(*skipped, expected.get<long long>("skipped_rows"));
        }
        if (!isNull(daysLate))
        {
            EXPECT_EQ(compareDaysLate(daysLate, conversion.source, ledger, false),
                      daysLate.get<long long>("compared"));
        }
    } // closed: the fixed conversion below opens copies of the same names

    // The fixes the manifest names, accepted on a fresh copy of the file.
    const auto fixes = entry.get_child_optional("fixes");
    if (!fixes)
        return;
    const std::string keys = joined(textList(*fixes, "keys"));
    SCOPED_TRACE("with the fixes " + keys);
    auto arguments = conversionArguments(entry);
    arguments.push_back(argument("Fixes", uno::Any(ustr(keys))));
    const Conversion fixed(entry, GetParam().saveAs, arguments);
    ASSERT_TRUE(fixed.result.success) << fixed.result.message;
    const Ledger ledger(fixed.document.document());
    EXPECT_EQ(ledger.invoices(), expected.get<sal_Int32>("invoices"));
    EXPECT_EQ(ledger.outstandingCents(), fixes->get<long long>("outstanding_cents"));
    for (const auto& [key, spot] : expected.get_child("spot_checks"))
    {
        if (spot.get_child_optional("outstanding_cents_after_fixes"))
            checkSpot(spot, ledger, "outstanding_cents_after_fixes");
    }
    if (!isNull(daysLate))
    {
        EXPECT_EQ(compareDaysLate(daysLate, fixed.source, ledger, true),
                  fixes->get<long long>("days_late_compared"));
    }
}

// A workbook kept as a sheet per month: one ledger whose rows say their sheet, and a re-sync
// on the same sheets that finds every invoice again (nothing added, nothing changed).
TEST(CorpusWorkbook, SheetPerMonthNamesItsRowsAndResyncs)
{
    const pt::ptree& entry = entryOf("tableau_mensuel_2026.fods");
    Conversion first(entry, "as_is", conversionArguments(entry));
    ASSERT_TRUE(first.result.success) << first.result.message;
    EXPECT_NE(first.result.message.find(french() ? "de 6 feuilles (Janvier, Février, Mars, Avril, "
                                                   "Mai, Juin)"
                                                 : "from 6 sheets (Janvier, Février, Mars, Avril, "
                                                   "Mai, Juin)"),
              std::string::npos)
        << first.result.message;
    const uno::Reference<sheet::XSpreadsheet> ledger(
        uno::Reference<sheet::XSpreadsheetDocument>(first.document.document(), uno::UNO_QUERY_THROW)
            ->getSheets()
            ->getByName(ustr(ledgerName())),
        uno::UNO_QUERY_THROW);
    const sal_Int32 invoices = Ledger(first.document.document()).invoices();
    std::map<std::string, int> rowsPerSheet;
    for (sal_Int32 r = 1; r <= invoices; ++r)
    {
        const std::string source = cellText(ledger, column("source_row"), r);
        rowsPerSheet[source.substr(0, source.find(", "))] += 1;
    }
    EXPECT_EQ(rowsPerSheet.size(), 6u);
    EXPECT_GT(rowsPerSheet["Février"], 10);

    const std::string februaryRow = [&]
    {
        for (sal_Int32 r = 1; r <= invoices; ++r)
            if (const std::string source = cellText(ledger, column("source_row"), r);
                source.rfind("Février, ", 0) == 0)
                return source;
        return std::string();
    }();
    const CommandResult again = runCommand(first.document.document(), conversionArguments(entry));
    ASSERT_TRUE(again.success) << again.message;
    // Each row still says where it comes from.
    bool found = false;
    for (sal_Int32 r = 1; r <= invoices; ++r)
        found |= cellText(ledger, column("source_row"), r) == februaryRow;
    EXPECT_TRUE(found) << februaryRow;
    EXPECT_NE(again.message.find(french() ? "0 ajoutée(s), 0 mise(s) à jour, " +
                                                std::to_string(invoices) + " inchangée(s)"
                                          : "0 added, 0 updated, " + std::to_string(invoices) +
                                                " unchanged"),
              std::string::npos)
        << again.message;
}

INSTANTIATE_TEST_SUITE_P(Files, Corpus, ::testing::ValuesIn(corpusCases()), caseName);
// Without the manifest, CorpusManifest.ListsTheTenFiles fails and says why.
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Corpus);
