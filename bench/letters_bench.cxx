// Benchmark: N reminder letters to PDF with Relance against LibreOffice's own mail merge
// service (com.sun.star.text.MailMerge) producing the same count, in one headless office.
//
// Both sides fill the SAME template, the shipped first-reminder letter: Relance fills its
// {{fields}} and its invoice table itself; for the mail merge, a copy of that template has each
// {{field}} turned into a database field bound to a CSV column (sdbc flat driver), and the
// CSV holds one record per customer. Each customer has one overdue invoice, so both letters
// have the same text and a one-row table. Relance's side is the menu command's code path
// (fr.relance:generateReminders, Silent, Formats=pdf): one PDF per customer, the log rows, and
// the combined PDF for printing on top; the mail merge writes one PDF per record
// (SaveAsSingleFile=false). Timed: the dispatch call and MailMerge::execute(), alternately,
// median kept. Writes bench/LETTERS.md.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XSingleServiceFactory.hpp>
#include <com/sun/star/sdb/CommandType.hpp>
#include <com/sun/star/sdbc/XConnection.hpp>
#include <com/sun/star/sdbc/XDataSource.hpp>
#include <com/sun/star/sdbc/XRowSet.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/task/XJob.hpp>
#include <com/sun/star/text/MailMergeType.hpp>
#include <com/sun/star/text/XDependentTextField.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/util/XReplaceable.hpp>
#include <com/sun/star/util/XSearchDescriptor.hpp>
#include <osl/file.hxx>

#include "office_session.hxx"

using namespace css;
namespace fs = std::filesystem;

namespace
{

std::string env(const char* name)
{
    const char* value = std::getenv(name);
    return value ? value : "";
}
OUString ustr(const std::string& text)
{
    return OUString::fromUtf8(text.c_str());
}
std::string utf8(const OUString& text)
{
    return OUStringToOString(text, RTL_TEXTENCODING_UTF8).getStr();
}

OUString urlOf(const fs::path& path)
{
    OUString url;
    osl::FileBase::getFileURLFromSystemPath(ustr(fs::absolute(path).string()), url);
    return url;
}

template <typename T> uno::Sequence<T> sequenceOf(std::initializer_list<T> items)
{
    return uno::Sequence<T>(items.begin(), static_cast<sal_Int32>(items.size()));
}

beans::PropertyValue property(const char* name, const uno::Any& value)
{
    return beans::PropertyValue(OUString::createFromAscii(name), 0, value,
                                beans::PropertyState_DIRECT_VALUE);
}

using Clock = std::chrono::steady_clock;
double seconds(Clock::time_point from)
{
    return std::chrono::duration<double>(Clock::now() - from).count();
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

std::size_t pdfCount(const fs::path& folder)
{
    std::size_t count = 0;
    if (fs::exists(folder))
        for (const auto& entry : fs::directory_iterator(folder))
            count += entry.path().extension() == ".pdf";
    return count;
}

std::string customerName(int i)
{
    char name[64];
    std::snprintf(name, sizeof name, "Client %04d SARL", i);
    return name;
}

// ---- Relance's side ---------------------------------------------------------------------

struct Ledger
{
    uno::Reference<lang::XComponent> document;
    uno::Reference<frame::XFrame> frame;
};

std::pair<bool, std::string> dispatch(const uno::Reference<uno::XComponentContext>& context,
                                      const uno::Reference<frame::XFrame>& frame, const char* url,
                                      std::vector<beans::PropertyValue> arguments)
{
    arguments.push_back(property("Silent", uno::Any(true)));
    const uno::Any result = frame::DispatchHelper::create(context)->executeDispatch(
        uno::Reference<frame::XDispatchProvider>(frame, uno::UNO_QUERY_THROW),
        OUString::createFromAscii(url), "", 0,
        uno::Sequence<beans::PropertyValue>(arguments.data(),
                                            static_cast<sal_Int32>(arguments.size())));
    frame::DispatchResultEvent event;
    OUString message;
    if (!(result >>= event))
        return {false, "no result"};
    event.Result >>= message;
    return {event.State == frame::DispatchResultState::SUCCESS, utf8(message)};
}

// A source sheet of N customers with one invoice each, 45 days overdue on the as-of date,
// converted into a ledger by the menu command; the company's details typed in Settings.
Ledger makeLedger(const OfficeSession& office, int customers)
{
    Ledger ledger;
    ledger.document = office.desktop()->loadComponentFromURL(
        "private:factory/scalc", "_blank", 0,
        sequenceOf<beans::PropertyValue>({property("Hidden", uno::Any(true))}));
    ledger.frame = uno::Reference<frame::XModel>(ledger.document, uno::UNO_QUERY_THROW)
                       ->getCurrentController()
                       ->getFrame();
    const uno::Reference<sheet::XSpreadsheet> sheet(
        uno::Reference<container::XIndexAccess>(
            uno::Reference<sheet::XSpreadsheetDocument>(ledger.document, uno::UNO_QUERY_THROW)
                ->getSheets(),
            uno::UNO_QUERY_THROW)
            ->getByIndex(0),
        uno::UNO_QUERY_THROW);
    uno::Sequence<uno::Sequence<uno::Any>> rows(customers + 1);
    rows.getArray()[0] =
        sequenceOf<uno::Any>({uno::Any(OUString("Invoice no.")), uno::Any(OUString("Customer")),
                              uno::Any(OUString("Date")), uno::Any(OUString("Terms")),
                              uno::Any(OUString("Amount incl. VAT"))});
    const double invoiceDate = 45500; // 2024-07-27 with the default null date
    for (int i = 0; i < customers; ++i)
        rows.getArray()[i + 1] = sequenceOf<uno::Any>(
            {uno::Any(ustr("F-" + std::to_string(10000 + i))), uno::Any(ustr(customerName(i))),
             uno::Any(invoiceDate), uno::Any(OUString("30 jours")), uno::Any(1000.0 + i + 0.25)});
    uno::Reference<sheet::XCellRangeData>(sheet->getCellRangeByPosition(0, 0, 4, customers),
                                          uno::UNO_QUERY_THROW)
        ->setDataArray(rows);
    const auto converted = dispatch(office.context(), ledger.frame, "fr.relance:convertLedger",
                                    {property("AsOf", uno::Any(OUString("2024-10-10")))});
    if (!converted.first)
        throw std::runtime_error("conversion failed: " + converted.second);
    return ledger;
}

double relanceLetters(const OfficeSession& office, const Ledger& ledger, const fs::path& out,
                      int expected, bool combined)
{
    fs::remove_all(out);
    const auto start = Clock::now();
    const auto result =
        dispatch(office.context(), ledger.frame, "fr.relance:generateReminders",
                 {property("AsOf", uno::Any(OUString("2024-10-10"))),
                  property("OutputDir", uno::Any(ustr(out.string()))),
                  property("Formats", uno::Any(OUString("pdf"))),
                  property("Combined", uno::Any(combined)), property("Force", uno::Any(true))});
    const double elapsed = seconds(start);
    if (!result.first)
        throw std::runtime_error("generateReminders failed: " + result.second);
    // One PDF per customer, plus the combined one when asked.
    const std::size_t pdfs = pdfCount(out / "2024-10-10");
    const std::size_t wanted = static_cast<std::size_t>(expected) + (combined ? 1 : 0);
    if (pdfs != wanted)
        throw std::runtime_error("Relance wrote " + std::to_string(pdfs) + " PDFs, not " +
                                 std::to_string(wanted) + ": " + result.second);
    return elapsed;
}

// ---- the mail merge's side --------------------------------------------------------------

constexpr const char* kDataSource = "relance_bench_letters"; // equals the fields' DataBaseName
constexpr const char* kTable = "letters";                    // the CSV file's name

std::string column(const std::string& placeholder)
{
    std::string name;
    for (char c : placeholder)
        name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return name;
}

// A copy of the shipped template with each {{field}} replaced by a database field; returns
// the columns in the order found.
std::vector<std::string> mailMergeTemplate(const OfficeSession& office, const fs::path& shipped,
                                           const fs::path& target)
{
    const uno::Reference<lang::XComponent> document = office.desktop()->loadComponentFromURL(
        urlOf(shipped), "_blank", 0,
        sequenceOf<beans::PropertyValue>(
            {property("Hidden", uno::Any(true)), property("AsTemplate", uno::Any(true))}));
    const uno::Reference<lang::XMultiServiceFactory> factory(document, uno::UNO_QUERY_THROW);
    const uno::Reference<util::XReplaceable> replaceable(document, uno::UNO_QUERY_THROW);
    const uno::Reference<util::XReplaceDescriptor> search = replaceable->createReplaceDescriptor();
    search->setSearchString("\\{\\{[^{}]*\\}\\}");
    search->setPropertyValue("SearchRegularExpression", uno::Any(true));
    const uno::Reference<container::XIndexAccess> found =
        replaceable->findAll(uno::Reference<util::XSearchDescriptor>(search, uno::UNO_QUERY_THROW));
    std::vector<std::string> columns;
    for (sal_Int32 i = 0; i < found->getCount(); ++i)
    {
        const uno::Reference<text::XTextRange> range(found->getByIndex(i), uno::UNO_QUERY_THROW);
        const std::string placeholder = utf8(range->getString());
        const std::string name = column(placeholder.substr(2, placeholder.size() - 4));
        if (std::find(columns.begin(), columns.end(), name) == columns.end())
            columns.push_back(name);
        const uno::Reference<beans::XPropertySet> master(
            factory->createInstance("com.sun.star.text.FieldMaster.Database"),
            uno::UNO_QUERY_THROW);
        master->setPropertyValue("DataBaseName", uno::Any(OUString::createFromAscii(kDataSource)));
        master->setPropertyValue("DataTableName", uno::Any(OUString::createFromAscii(kTable)));
        master->setPropertyValue("DataColumnName", uno::Any(ustr(name)));
        master->setPropertyValue("DataCommandType", uno::Any(sdb::CommandType::TABLE));
        const uno::Reference<text::XDependentTextField> field(
            factory->createInstance("com.sun.star.text.TextField.Database"), uno::UNO_QUERY_THROW);
        field->attachTextFieldMaster(master);
        range->setString("");
        range->getText()->insertTextContent(
            range, uno::Reference<text::XTextContent>(field, uno::UNO_QUERY_THROW), true);
    }
    uno::Reference<frame::XStorable>(document, uno::UNO_QUERY_THROW)
        ->storeToURL(urlOf(target), sequenceOf<beans::PropertyValue>(
                                        {property("FilterName", uno::Any(OUString("writer8")))}));
    uno::Reference<util::XCloseable>(document, uno::UNO_QUERY_THROW)->close(true);
    return columns;
}

// Values of about the length Relance writes: the customer's name where the field is one.
std::string valueFor(const std::string& column, int record)
{
    if (column.find("nom") != std::string::npos || column.find("raison") != std::string::npos ||
        column.find("name") != std::string::npos)
        return customerName(record);
    if (column.find("adresse") != std::string::npos || column.find("address") != std::string::npos)
        return std::to_string(record + 1) + " rue de la Paix, 75002 Paris";
    return "1 " + std::to_string(100 + record % 900) + ",25 €";
}

double mailMerge(const OfficeSession& office, const fs::path& work, const fs::path& shipped,
                 int records)
{
    const uno::Reference<uno::XComponentContext>& context = office.context();
    const fs::path data = work / "data", out = work / "out", templ = work / "template.odt";
    fs::remove_all(work);
    fs::create_directories(data);
    fs::create_directories(out); // the mail merge wants the output folder to exist
    const std::vector<std::string> columns = mailMergeTemplate(office, shipped, templ);
    {
        std::ofstream csv(data / (std::string(kTable) + ".csv"), std::ios::binary);
        for (std::size_t c = 0; c < columns.size(); ++c)
            csv << (c ? "," : "") << '"' << columns[c] << '"';
        csv << "\n";
        for (int i = 0; i < records; ++i)
        {
            for (std::size_t c = 0; c < columns.size(); ++c)
                csv << (c ? "," : "") << '"' << valueFor(columns[c], i) << '"';
            csv << "\n";
        }
    }
    const uno::Reference<lang::XMultiComponentFactory> services = context->getServiceManager();
    const uno::Reference<lang::XSingleServiceFactory> databases(
        services->createInstanceWithContext("com.sun.star.sdb.DatabaseContext", context),
        uno::UNO_QUERY_THROW);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    // A data source neither stored nor registered: the mail merge gets the live connection.
    const uno::Reference<beans::XPropertySet> source(databases->createInstance(),
                                                     uno::UNO_QUERY_THROW);
#pragma GCC diagnostic pop
    source->setPropertyValue("URL", uno::Any(OUString("sdbc:flat:") + urlOf(data)));
    source->setPropertyValue("Info", uno::Any(sequenceOf<beans::PropertyValue>(
                                         {property("Extension", uno::Any(OUString("csv"))),
                                          property("HeaderLine", uno::Any(true)),
                                          property("FieldDelimiter", uno::Any(OUString(","))),
                                          property("StringDelimiter", uno::Any(OUString("\""))),
                                          property("CharSet", uno::Any(OUString("UTF-8")))})));
    const uno::Reference<sdbc::XConnection> connection =
        uno::Reference<sdbc::XDataSource>(source, uno::UNO_QUERY_THROW)->getConnection("", "");
    const uno::Reference<beans::XPropertySet> rows(
        services->createInstanceWithContext("com.sun.star.sdb.RowSet", context),
        uno::UNO_QUERY_THROW);
    rows->setPropertyValue("ActiveConnection", uno::Any(connection));
    rows->setPropertyValue("Command", uno::Any(OUString::createFromAscii(kTable)));
    rows->setPropertyValue("CommandType", uno::Any(sdb::CommandType::TABLE));
    uno::Reference<sdbc::XRowSet>(rows, uno::UNO_QUERY_THROW)->execute();
    const uno::Reference<task::XJob> merge(
        services->createInstanceWithContext("com.sun.star.text.MailMerge", context),
        uno::UNO_QUERY_THROW);
    const auto named = [](const char* name, const uno::Any& value)
    { return beans::NamedValue(OUString::createFromAscii(name), value); };
    const uno::Sequence<beans::NamedValue> arguments = sequenceOf<beans::NamedValue>(
        {named("DataSourceName", uno::Any(OUString::createFromAscii(kDataSource))),
         named("Command", uno::Any(OUString::createFromAscii(kTable))),
         named("CommandType", uno::Any(sdb::CommandType::TABLE)),
         named("ActiveConnection", uno::Any(connection)),
         named("ResultSet", uno::Any(uno::Reference<sdbc::XRowSet>(rows, uno::UNO_QUERY_THROW))),
         named("DocumentURL", uno::Any(urlOf(templ))),
         named("OutputType", uno::Any(text::MailMergeType::FILE)),
         named("OutputURL", uno::Any(urlOf(out))),
         named("SaveFilter", uno::Any(OUString("writer_pdf_Export"))),
         named("SaveAsSingleFile", uno::Any(false)),
         named("FileNamePrefix", uno::Any(OUString("letter")))});
    const auto start = Clock::now();
    merge->execute(arguments);
    const double elapsed = seconds(start);
    uno::Reference<lang::XComponent>(rows, uno::UNO_QUERY_THROW)->dispose();
    connection->close();
    if (const uno::Reference<lang::XComponent> job{merge, uno::UNO_QUERY}; job.is())
        job->dispose();
    if (pdfCount(out) != static_cast<std::size_t>(records))
        throw std::runtime_error("the mail merge wrote " + std::to_string(pdfCount(out)) +
                                 " PDFs, not " + std::to_string(records));
    return elapsed;
}

std::string pdfText(const fs::path& pdf)
{
    std::string text;
    if (FILE* pipe = popen(("pdftotext '" + pdf.string() + "' - 2>/dev/null").c_str(), "r"))
    {
        char chunk[4096];
        std::size_t n;
        while ((n = fread(chunk, 1, sizeof chunk, pipe)) > 0)
            text.append(chunk, n);
        pclose(pipe);
    }
    return text;
}

std::string fixed(double value, int decimals)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

} // namespace

int main(int argc, char** argv)
{
    int letters = 500, runs = 3;
    std::string results;
    for (int i = 1; i < argc; ++i)
    {
        const std::string argument = argv[i];
        if (argument == "--letters" && i + 1 < argc)
            letters = std::stoi(argv[++i]);
        else if (argument == "--runs" && i + 1 < argc)
            runs = std::stoi(argv[++i]);
        else if (argument == "--results" && i + 1 < argc)
            results = argv[++i];
    }
    try
    {
        OfficeOptions options;
        options.sourceDir = env("RELANCE_SOURCE_DIR");
        options.programDir = env("LO_PROGRAM_DIR");
        options.profileDir = env("RELANCE_TEST_PROFILE");
        options.extension = env("RELANCE_OXT");
        options.uiLanguage = "fr-FR";
        OfficeSession office(options);
        const fs::path work = fs::path(options.profileDir) / "letters-bench";
        const fs::path shipped = fs::path(env("RELANCE_TEMPLATES")) / "fr" / "relance-1.odt";

        std::cout << "building a ledger of " << letters << " customers\n";
        const Ledger ledger = makeLedger(office, letters);
        // Warm-up: the code and the templates loaded once on each side.
        const Ledger warm = makeLedger(office, 5);
        relanceLetters(office, warm, work / "warm-relance", 5, true);
        mailMerge(office, work / "warm-merge", shipped, 5);

        std::vector<double> relance, merge, printing;
        for (int run = 0; run < runs; ++run)
        {
            relance.push_back(relanceLetters(office, ledger, work / "relance", letters, false));
            std::cout << "Relance: " << fixed(relance.back(), 2) << " s\n";
            merge.push_back(mailMerge(office, work / "merge", shipped, letters));
            std::cout << "MailMerge: " << fixed(merge.back(), 2) << " s\n";
            printing.push_back(
                relanceLetters(office, ledger, work / "relance-print", letters, true));
            std::cout << "Relance with the combined PDF: " << fixed(printing.back(), 2) << " s\n";
        }
        // The same letter on both sides: the customer, the amount, the shipped wording.
        const std::string ours =
            pdfText(work / "relance" / "2024-10-10" / ("relance-1_client-0007-sarl.pdf"));
        const std::string theirs = pdfText(work / "merge" / "out" / "letter7.pdf");
        const bool sameLetter = ours.find(customerName(7)) != std::string::npos &&
                                theirs.find(customerName(7)) != std::string::npos;
        const double ratio = median(relance) / median(merge);
        std::ostringstream report;
        report
            << "# Relance benchmark: reminder letters against LibreOffice's MailMerge service\n\n"
            << "Product rule: " << letters
            << " letters to PDF are not slower than LibreOffice's own MailMerge service "
               "doing the same count.\n\n"
            << "- Both sides fill the shipped first-reminder template "
               "(`templates/fr/relance-1`): Relance fills its `{{fields}}` and invoice table; "
               "for the mail merge each `{{field}}` of a copy became a database field on a "
               "CSV column (sdbc flat driver, one record per customer). One overdue invoice "
               "per customer: the same text and a one-row table on both sides.\n"
            << "- Relance: `fr.relance:generateReminders` (`Silent`, `Formats=pdf`, "
               "`Combined=false`, `Force`) on a ledger of "
            << letters
            << " customers: one PDF per customer and a log row each, the mail merge's "
               "output; then the same with the combined PDF for printing too (the default), "
               "shown apart. Mail merge: `MailMerge::execute()`, OutputType FILE, "
               "`writer_pdf_Export`, one PDF per record.\n"
            << "- One headless office, French UI; both warmed up on 5 letters; " << runs
            << " runs each, alternating, median kept.\n\n"
            << "| Side | Runs (s) | Median (s) | Per letter (ms) |\n| --- | --- | ---: | ---: |\n";
        const auto row = [&](const char* side, const std::vector<double>& times)
        {
            std::string all;
            for (double t : times)
                all += (all.empty() ? "" : ", ") + fixed(t, 2);
            report << "| " << side << " | " << all << " | " << fixed(median(times), 2) << " | "
                   << fixed(median(times) * 1000 / letters, 1) << " |\n";
        };
        row("Relance, one PDF per customer", relance);
        row("MailMerge service, one PDF per record", merge);
        row("Relance, plus the combined PDF", printing);
        report << "\n**Relance / MailMerge: " << fixed(ratio, 2) << "** ("
               << (ratio <= 1.0 ? "within" : "OUTSIDE") << " the rule); with the combined PDF too: "
               << fixed(median(printing) / median(merge), 2)
               << ". Letter 7 names its customer on both sides: " << (sameLetter ? "yes" : "NO")
               << ".\n";
        std::cout << report.str();
        if (!results.empty())
            std::ofstream(results) << report.str();
        uno::Reference<util::XCloseable>(ledger.document, uno::UNO_QUERY_THROW)->close(true);
        uno::Reference<util::XCloseable>(warm.document, uno::UNO_QUERY_THROW)->close(true);
        return sameLetter ? 0 : 2;
    }
    catch (const uno::Exception& error)
    {
        std::cerr << "error: " << utf8(error.Message) << "\n";
    }
    catch (const std::exception& error)
    {
        std::cerr << "error: " << error.what() << "\n";
    }
    return 1;
}
