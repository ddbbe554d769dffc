// Benchmark: Relance add-in functions against the native Calc formulas a user would write
// instead, on one sheet of N invoice rows (100 000 by default), in one headless LibreOffice
// with an English UI and the built extension installed (the calc tests' OfficeSession).
//
// For every case and each side in turn, the formulas are written (API grammar, automatic
// calculation off: the first row's formula filled down, see Write), then only
// XCalculatable::calculateAll() is timed, a few times, and the median kept; the column is then
// read and cleared. The two sides' results are compared cell by cell, every cell: a ratio is only
// meaningful with 0 mismatches. Ratios matter, absolute times are informative only.
//
// Adding a case: one row in cases() below.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/FillDirection.hpp>
#include <com/sun/star/sheet/FormulaResult.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XCellSeries.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/uno/Exception.hpp>
#include <com/sun/star/util/XCloseable.hpp>

#include "function_table.hxx"
#include "office_session.hxx"

using namespace css;

namespace
{

// ---------------------------------------------------------------------------------------------
// The cases. Formulas use Calc's API grammar (what XCell::setFormula and setFormulaArray parse):
// English function names, ';' between arguments, without the leading '='. Relance functions are
// written with their English display names (AR.DUEDATE...); apiFormula() turns them into their
// programmatic names (FR.RELANCE.FUNCTIONS.DUEDATE), which the API grammar always knows (the
// English display name parses only because the UI is English; CREANCES.ECHEANCE gives #NAME?).
// Built-in add-ins such as EOMONTH parse by their English names. Placeholders: {r} the row of the
// invoice (per-row cases), {first} and {last} the first and last data rows (aggregate cases).
//
// Sheet layout (row 1 holds headers):
//   B1 as-of date (date de situation)     C invoice date (serial)   D payment terms (text)
//   E amount                              F payment date (blank for ~40 % of the invoices)
//   J due date (values, computed by this program with the same rules as the terms)
// Results go to column L (add-in side) and M (native side), from row 2; an aggregate case
// writes one cell, L2 and M2.

enum class Kind
{
    PerRow,    // one formula per invoice row: a column of N formulas
    Aggregate, // one formula over the N-row ranges
};

struct Case
{
    const char* name;
    Kind kind;
    const char* addIn;
    const char* native; // what a user would write without Relance, computing the same thing
};

const std::vector<Case>& cases()
{
    static const std::vector<Case> list = {
        {"AR.DUEDATE (terms column)", Kind::PerRow, "AR.DUEDATE(C{r};D{r})",
         // End of month without EOMONTH: DATE(year; month + 1; 0) is the month's last day.
         "IF(D{r}=\"30 jours\";C{r}+30;IF(D{r}=\"45 jours fin de mois\";"
         "DATE(YEAR(C{r}+45);MONTH(C{r}+45)+1;0);IF(D{r}=\"60 jours date de facture\";C{r}+60;"
         "DATE(YEAR(C{r});MONTH(C{r})+1;10))))"},
        {"AR.DUEDATE vs EOMONTH chain", Kind::PerRow, "AR.DUEDATE(C{r};D{r})",
         // The same with EOMONTH, which LibreOffice implements in its Analysis add-in.
         "IF(D{r}=\"30 jours\";C{r}+30;IF(D{r}=\"45 jours fin de mois\";EOMONTH(C{r}+45;0);"
         "IF(D{r}=\"60 jours date de facture\";C{r}+60;EOMONTH(C{r};0)+10)))"},
        {"AR.DAYSLATE", Kind::PerRow, "AR.DAYSLATE(J{r};F{r};$B$1)",
         "MAX(0;IF(F{r}=\"\";$B$1;MIN(F{r};$B$1))-J{r})"},
        {"AR.AGINGBUCKET", Kind::PerRow, "AR.AGINGBUCKET(J{r};F{r};$B$1)",
         "IF(AND(F{r}<>\"\";F{r}<=$B$1);\"Paid\";IF($B$1-J{r}<=0;\"Not due\";"
         "IF($B$1-J{r}<=30;\"1-30 days\";IF($B$1-J{r}<=60;\"31-60 days\";"
         "IF($B$1-J{r}<=90;\"61-90 days\";\"> 90 days\")))))"},
    };
    return list;
}

// ---------------------------------------------------------------------------------------------

constexpr sal_Int32 kFirstRow = 2; // first data row, as written in formulas (1-based)
constexpr sal_Int32 kColumnInvoice = 2, kColumnPayment = 5, kColumnDue = 9; // 0-based
constexpr sal_Int32 kColumnAddIn = 11, kColumnNative = 12, kColumnScratch = 14;
constexpr double kSlowSeconds = 180; // one calculation longer than this is not repeated

const char* const kTerms[] = {"30 jours", "45 jours fin de mois", "60 jours date de facture",
                              "fin de mois le 10"};

// How a column of formulas is written. setFormulaArray, one formula per cell, is quadratic in
// the column's length in LibreOffice 7.4 (about 20 s for 20 000 cells, over 10 min for 100 000);
// filling the first formula down (XCellSeries::fillAuto) takes a fraction of a second.
enum class Write
{
    Fill,
    Array,
};

struct Options
{
    long rows = 100000;
    int repeat = 3;
    Write write = Write::Fill;
    std::string results; // Markdown file to write, if any
    std::string only;    // run the cases whose name contains this
};

std::string env(const char* name)
{
    const char* value = std::getenv(name);
    return value ? value : "";
}

std::string utf8(const OUString& text)
{
    return OUStringToOString(text, RTL_TEXTENCODING_UTF8).getStr();
}

OUString ustr(const std::string& text)
{
    return OStringToOUString(OString(text.c_str()), RTL_TEXTENCODING_UTF8);
}

void replaceAll(std::string& text, const std::string& from, const std::string& to)
{
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

std::string upper(std::string text)
{
    for (char& c : text)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

// In the API grammar an add-in function is known by its service and method names.
std::string apiFormula(std::string formula)
{
    for (const auto& function : relance::addin::functionTable())
        replaceAll(
            formula, std::string(function.displayName.english) + "(",
            upper(std::string(relance::addin::kServiceName) + "." + function.programmaticName) +
                "(");
    return formula;
}

std::string instantiate(std::string formula, long row, long first, long last)
{
    replaceAll(formula, "{r}", std::to_string(row));
    replaceAll(formula, "{first}", std::to_string(first));
    replaceAll(formula, "{last}", std::to_string(last));
    return formula;
}

// ----- Deterministic invoice data ------------------------------------------------------------

using namespace std::chrono;

constexpr sys_days kNullDate = sys_days{year{1899} / December / 30}; // Calc's default

int serialOf(year_month_day date)
{
    return static_cast<int>((sys_days{date} - kNullDate).count());
}

year_month_day civil(int serial)
{
    return year_month_day{kNullDate + days{serial}};
}

int endOfMonth(int serial)
{
    const year_month_day date = civil(serial);
    return serialOf(year_month_day{date.year() / date.month() / last});
}

struct Invoice
{
    int date;
    int terms; // index into kTerms
    double amount;
    std::optional<int> payment;
    int due;
};

class Random // splitmix64: the same sequence everywhere
{
public:
    std::uint64_t next()
    {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int below(int bound) { return static_cast<int>(next() % static_cast<std::uint64_t>(bound)); }

private:
    std::uint64_t state_ = 20240131;
};

int dueDateOf(int invoiceDate, int terms)
{
    switch (terms)
    {
    case 0:
        return invoiceDate + 30;
    case 1:
        return endOfMonth(invoiceDate + 45);
    case 2:
        return invoiceDate + 60;
    default:
        return endOfMonth(invoiceDate) + 10;
    }
}

const int kAsOf = serialOf(year{2024} / December / 31);

std::vector<Invoice> makeInvoices(long count)
{
    Random random;
    const int start = serialOf(year{2023} / January / 1);
    std::vector<Invoice> invoices;
    invoices.reserve(static_cast<std::size_t>(count));
    for (long i = 0; i < count; ++i)
    {
        Invoice invoice{};
        invoice.date = start + random.below(730);
        invoice.terms = random.below(4);
        invoice.amount = 50 + random.below(1000000) / 100.0;
        invoice.due = dueDateOf(invoice.date, invoice.terms);
        if (random.below(100) >= 40) // ~60 % paid, from 40 days early to 80 days late
            invoice.payment = std::max(invoice.date, invoice.due - 40 + random.below(121));
        invoices.push_back(invoice);
    }
    return invoices;
}

// ----- The sheet -----------------------------------------------------------------------------

class Workbook
{
public:
    explicit Workbook(uno::Reference<lang::XComponent> document) : document_(std::move(document))
    {
        const uno::Reference<sheet::XSpreadsheetDocument> spreadsheet(document_,
                                                                      uno::UNO_QUERY_THROW);
        const uno::Reference<container::XIndexAccess> sheets(spreadsheet->getSheets(),
                                                             uno::UNO_QUERY_THROW);
        sheet_.set(sheets->getByIndex(0), uno::UNO_QUERY_THROW);
        calculatable_.set(document_, uno::UNO_QUERY_THROW);
        // Writing formulas must not compute them: only calculateAll() is timed.
        calculatable_->enableAutomaticCalculation(false);
    }
    ~Workbook()
    {
        try
        {
            uno::Reference<util::XCloseable>(document_, uno::UNO_QUERY_THROW)->close(true);
        }
        catch (const uno::Exception&)
        {
        }
    }

    // 0-based, inclusive.
    uno::Reference<table::XCellRange> range(sal_Int32 left, sal_Int32 top, sal_Int32 right,
                                            sal_Int32 bottom) const
    {
        return uno::Reference<table::XCellRange>(sheet_, uno::UNO_QUERY_THROW)
            ->getCellRangeByPosition(left, top, right, bottom);
    }

    void fill(const std::vector<Invoice>& invoices) const
    {
        const auto rows = static_cast<sal_Int32>(invoices.size());
        auto text = [](const char* value) { return uno::Any(OUString::createFromAscii(value)); };
        // An empty string leaves the cell blank; a void Any would make it #N/A (and crashes
        // LibreOffice 7.4's setDataArray).
        const uno::Any blank(OUString{});
        const auto header = sequenceOf<uno::Sequence<uno::Any>>({sequenceOf<uno::Any>(
            {text("As of"), uno::Any(double(kAsOf)), text("Invoice date"), text("Terms"),
             text("Amount"), text("Payment date"), blank, blank, blank, text("Due date")})});
        setData(range(0, 0, kColumnDue, 0), header);

        uno::Sequence<uno::Sequence<uno::Any>> data(rows);
        uno::Sequence<uno::Sequence<uno::Any>> due(rows);
        auto* dataRows = data.getArray();
        auto* dueRows = due.getArray();
        for (sal_Int32 i = 0; i < rows; ++i)
        {
            const Invoice& invoice = invoices[static_cast<std::size_t>(i)];
            dataRows[i] = sequenceOf<uno::Any>(
                {uno::Any(double(invoice.date)), text(kTerms[invoice.terms]),
                 uno::Any(invoice.amount),
                 invoice.payment ? uno::Any(double(*invoice.payment)) : blank});
            dueRows[i] = sequenceOf<uno::Any>({uno::Any(double(invoice.due))});
        }
        setData(range(kColumnInvoice, 1, kColumnInvoice + 3, rows), data);
        setData(range(kColumnDue, 1, kColumnDue, rows), due);
    }

    // One formula per cell of a one-column range, in one setFormulaArray call.
    static void writeArray(const uno::Reference<table::XCellRange>& target,
                           const std::vector<std::string>& formulas)
    {
        uno::Sequence<uno::Sequence<OUString>> rows(static_cast<sal_Int32>(formulas.size()));
        auto* row = rows.getArray();
        for (const std::string& formula : formulas)
            *row++ = sequenceOf<OUString>({ustr(formula)});
        uno::Reference<sheet::XCellRangeFormula>(target, uno::UNO_QUERY_THROW)
            ->setFormulaArray(rows);
    }

    // The first cell's formula, filled down the range as a user would (relative references
    // follow the row).
    static void writeFilled(const uno::Reference<table::XCellRange>& target,
                            const std::string& firstFormula, long cells)
    {
        target->getCellByPosition(0, 0)->setFormula(ustr(firstFormula));
        if (cells > 1)
            uno::Reference<sheet::XCellSeries>(target, uno::UNO_QUERY_THROW)
                ->fillAuto(sheet::FillDirection_TO_BOTTOM, 1);
    }

    // How Calc reads a formula back once parsed (names normalised), from a scratch cell.
    std::string parsed(const std::string& formula) const
    {
        const auto scratch = range(kColumnScratch, 0, kColumnScratch, 0);
        scratch->getCellByPosition(0, 0)->setFormula(ustr(formula));
        const std::string result = utf8(scratch->getCellByPosition(0, 0)->getFormula());
        clear(scratch);
        return result;
    }

    double timeCalculateAll() const
    {
        const auto start = steady_clock::now();
        calculatable_->calculateAll();
        return duration<double>(steady_clock::now() - start).count();
    }

    static uno::Sequence<uno::Sequence<uno::Any>>
    values(const uno::Reference<table::XCellRange>& target)
    {
        return uno::Reference<sheet::XCellRangeData>(target, uno::UNO_QUERY_THROW)->getDataArray();
    }

    static uno::Sequence<uno::Sequence<OUString>>
    formulas(const uno::Reference<table::XCellRange>& target)
    {
        return uno::Reference<sheet::XCellRangeFormula>(target, uno::UNO_QUERY_THROW)
            ->getFormulaArray();
    }

    // Rows of the range whose formula ends in an error, 0-based within the range.
    static std::vector<bool> errors(const uno::Reference<table::XCellRange>& target, long rows)
    {
        std::vector<bool> failed(static_cast<std::size_t>(rows), false);
        const auto top = uno::Reference<sheet::XCellRangeAddressable>(target, uno::UNO_QUERY_THROW)
                             ->getRangeAddress()
                             .StartRow;
        const auto found = uno::Reference<sheet::XCellRangesQuery>(target, uno::UNO_QUERY_THROW)
                               ->queryFormulaCells(sheet::FormulaResult::ERROR);
        for (const table::CellRangeAddress& address : found->getRangeAddresses())
            for (sal_Int32 row = address.StartRow; row <= address.EndRow; ++row)
                failed[static_cast<std::size_t>(row - top)] = true;
        return failed;
    }

    static long blankCells(const uno::Reference<table::XCellRange>& target)
    {
        long count = 0;
        for (const table::CellRangeAddress& address :
             uno::Reference<sheet::XCellRangesQuery>(target, uno::UNO_QUERY_THROW)
                 ->queryEmptyCells()
                 ->getRangeAddresses())
            count += (address.EndRow - address.StartRow + 1L) *
                     (address.EndColumn - address.StartColumn + 1L);
        return count;
    }

    static void clear(const uno::Reference<table::XCellRange>& target)
    {
        uno::Reference<sheet::XSheetOperation>(target, uno::UNO_QUERY_THROW)
            ->clearContents(sheet::CellFlags::VALUE | sheet::CellFlags::DATETIME |
                            sheet::CellFlags::STRING | sheet::CellFlags::FORMULA);
    }

private:
    static void setData(const uno::Reference<table::XCellRange>& target,
                        const uno::Sequence<uno::Sequence<uno::Any>>& data)
    {
        uno::Reference<sheet::XCellRangeData>(target, uno::UNO_QUERY_THROW)->setDataArray(data);
    }

    uno::Reference<lang::XComponent> document_;
    uno::Reference<sheet::XSpreadsheet> sheet_;
    uno::Reference<sheet::XCalculatable> calculatable_;
};

// ----- Measuring -----------------------------------------------------------------------------

struct Side
{
    double median = 0;
    std::vector<double> runs;
    bool slow = false; // one calculation took longer than kSlowSeconds: not repeated
    uno::Sequence<uno::Sequence<uno::Any>> values;
    std::vector<bool> errors;
    std::string firstFormula; // as Calc reads it back, to show what was parsed
};

struct Result
{
    const Case* spec;
    long cells = 0; // formula cells per side
    Side addIn, native;
    long mismatches = 0;
    long errorCells = 0; // cells in error on either side (counted as mismatches too)
    std::string example; // first mismatching row, for diagnosis
};

Side measure(const Workbook& book, const Case& spec, const std::string& formula, sal_Int32 column,
             const Options& options)
{
    const long rows = options.rows;
    const long first = kFirstRow, last = kFirstRow + rows - 1;
    const long cells = spec.kind == Kind::PerRow ? rows : 1;
    const auto target = book.range(column, first - 1, column, first - 1 + cells - 1);
    auto formulaFor = [&](long row)
    { return "=" + instantiate(apiFormula(formula), row, first, last); };
    const std::string expectedLast = book.parsed(formulaFor(first + cells - 1));

    const auto written = steady_clock::now();
    if (options.write == Write::Fill)
        Workbook::writeFilled(target, formulaFor(first), cells);
    else
    {
        std::vector<std::string> formulas;
        for (long i = 0; i < cells; ++i)
            formulas.push_back(formulaFor(first + i));
        Workbook::writeArray(target, formulas);
    }
    std::cerr << "    write " << cells
              << " formula(s): " << duration<double>(steady_clock::now() - written).count()
              << " s\n";
    // The last row holds the formula the case asks for (and a formula, not text).
    const auto lastCell = target->getCellByPosition(0, static_cast<sal_Int32>(cells - 1));
    if (utf8(lastCell->getFormula()) != expectedLast || expectedLast.rfind('=', 0) != 0)
        throw std::runtime_error("row " + std::to_string(first + cells - 1) + " holds " +
                                 utf8(lastCell->getFormula()) + ", expected " + expectedLast);

    Side side;
    for (int i = 0; i < options.repeat; ++i)
    {
        side.runs.push_back(book.timeCalculateAll());
        std::cerr << "    calculateAll: " << side.runs.back() << " s\n";
        if (side.runs.back() > kSlowSeconds)
        {
            side.slow = true;
            break;
        }
    }
    std::vector<double> sorted = side.runs;
    std::sort(sorted.begin(), sorted.end());
    side.median = sorted[sorted.size() / 2];
    side.values = Workbook::values(target);
    side.errors = Workbook::errors(target, cells);
    side.firstFormula = utf8(Workbook::formulas(book.range(column, first - 1, column, first - 1))
                                 .getConstArray()[0]
                                 .getConstArray()[0]);
    Workbook::clear(target);
    if (side.firstFormula.rfind('=', 0) != 0)
        throw std::runtime_error("not read as a formula: " + side.firstFormula);
    return side;
}

std::string show(const uno::Any& value)
{
    if (double number; value >>= number)
    {
        std::ostringstream out;
        out.precision(15);
        out << number;
        return out.str();
    }
    if (OUString text; value >>= text)
        return "\"" + utf8(text) + "\"";
    return "(empty)";
}

bool same(const uno::Any& a, const uno::Any& b)
{
    double x = 0, y = 0;
    if ((a >>= x) && (b >>= y))
        return std::abs(x - y) <= 1e-9 * std::max({1.0, std::abs(x), std::abs(y)});
    return a == b;
}

Result run(const Workbook& book, const Case& spec, const Options& options)
{
    Result result;
    result.spec = &spec;
    result.cells = spec.kind == Kind::PerRow ? options.rows : 1;
    std::cerr << spec.name << "\n  add-in: " << apiFormula(spec.addIn) << "\n";
    result.addIn = measure(book, spec, spec.addIn, kColumnAddIn, options);
    std::cerr << "  native: " << spec.native << "\n";
    result.native = measure(book, spec, spec.native, kColumnNative, options);

    // Every cell is compared, not a sample: it costs one getDataArray per side.
    const auto* addIn = result.addIn.values.getConstArray();
    const auto* native = result.native.values.getConstArray();
    for (long i = 0; i < result.cells; ++i)
    {
        const auto index = static_cast<std::size_t>(i);
        const bool error = result.addIn.errors[index] || result.native.errors[index];
        const uno::Any& a = addIn[i].getConstArray()[0];
        const uno::Any& b = native[i].getConstArray()[0];
        if (error)
            ++result.errorCells;
        if (error || !same(a, b))
        {
            if (result.mismatches++ == 0)
                result.example = "row " + std::to_string(kFirstRow + i) + ": add-in " +
                                 (result.addIn.errors[index] ? "error" : show(a)) + ", native " +
                                 (result.native.errors[index] ? "error" : show(b));
        }
    }
    return result;
}

// ----- Reporting -----------------------------------------------------------------------------

std::string fixed(double value, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string configValue(const uno::Reference<uno::XComponentContext>& context, const char* node,
                        const char* property)
{
    try
    {
        const auto provider = configuration::theDefaultProvider::get(context);
        const auto arguments = sequenceOf<uno::Any>(
            {uno::Any(beans::NamedValue("nodepath", uno::Any(OUString::createFromAscii(node))))});
        const uno::Reference<container::XNameAccess> access(
            provider->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess",
                                                  arguments),
            uno::UNO_QUERY_THROW);
        const uno::Any value = access->getByName(OUString::createFromAscii(property));
        if (OUString text; value >>= text)
            return utf8(text);
        if (bool flag = false; value >>= flag)
            return flag ? "true" : "false";
        return "?";
    }
    catch (const uno::Exception& error)
    {
        return "? (" + utf8(error.Message) + ")";
    }
}

std::string cpuModel()
{
    std::ifstream in("/proc/cpuinfo");
    for (std::string line; std::getline(in, line);)
        if (line.rfind("model name", 0) == 0)
            if (const auto colon = line.find(':'); colon != std::string::npos)
                return line.substr(line.find_first_not_of(' ', colon + 1));
    return "unknown CPU";
}

std::string loadAverage()
{
    std::ifstream in("/proc/loadavg");
    std::string one, five;
    in >> one >> five;
    return one + " / " + five;
}

std::string today()
{
    const std::time_t now = std::time(nullptr);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M UTC", std::gmtime(&now));
    return buffer;
}

std::string escapeCell(std::string text)
{
    replaceAll(text, "|", "\\|");
    return text;
}

std::string report(const std::vector<Result>& results, const Options& options,
                   const std::string& version, const std::string& threaded, const std::string& load)
{
    std::ostringstream out;
    out << "# Relance benchmark: add-in functions against native Calc formulas\n\n"
        << "- Date: " << today() << "\n"
        << "- LibreOffice: " << version << " (headless, English UI, automatic calculation off, "
        << "threaded formula-group calculation: " << threaded << ")\n"
        << "- Machine: " << std::thread::hardware_concurrency() << " CPUs (nproc), " << cpuModel()
        << ", load average at start " << load
        << " (other work on the machine adds noise: compare ratios, rerun when in doubt)\n"
        << "- Rows: " << options.rows << " invoices; each side timed with `calculateAll()` "
        << options.repeat << " times, median kept; formulas written beforehand (API grammar) "
        << (options.write == Write::Fill
                ? "in the first row with `XCell::setFormula`, then filled down with "
                  "`XCellSeries::fillAuto`"
                : "with one `XCellRangeFormula::setFormulaArray` call")
        << "\n\n"
        << "Ratios are what matters: both sides run in the same office, on the same data, in "
           "the same run. Absolute times depend on the machine and are informative only.\n\n"
        << "| Case | Rows | Add-in median (s) | Native median (s) | Ratio add-in/native | "
           "Mismatches |\n"
        << "| --- | ---: | ---: | ---: | ---: | ---: |\n";
    for (const Result& result : results)
    {
        const double ratio =
            result.native.median > 0 ? result.addIn.median / result.native.median : std::nan("");
        out << "| " << escapeCell(result.spec->name) << " | " << options.rows << " | "
            << fixed(result.addIn.median, 3) << (result.addIn.slow ? " (1 run, > 3 min)" : "")
            << " | " << fixed(result.native.median, 3)
            << (result.native.slow ? " (1 run, > 3 min)" : "") << " | " << fixed(ratio, 2) << " | "
            << result.mismatches << " / " << result.cells << " |\n";
    }
    out << "\nMismatches count cells (all of them, not a sample) where the two sides differ or "
           "either is an error; a ratio is meaningful only when they are 0.\n";
    bool listed = false;
    for (const Result& result : results)
        if (result.mismatches > 0)
        {
            out << (listed ? "" : "\n") << "- **" << result.spec->name
                << "**: " << result.mismatches << " mismatches (" << result.errorCells
                << " in error), first at " << result.example << "\n";
            listed = true;
        }

    out << "\n## Formulas (row 2, as Calc reads them back in the API grammar)\n\n"
        << "Inputs: B1 as-of date, C invoice date, D terms, E amount, F payment date (blank for "
           "~40 %), J due date (values).\n\n"
        << "| Case | Side | Formula | Calculations (s) |\n| --- | --- | --- | --- |\n";
    for (const Result& result : results)
        for (const auto& [label, side] :
             {std::pair<const char*, const Side*>{"add-in", &result.addIn},
              {"native", &result.native}})
        {
            std::string runs;
            for (double seconds : side->runs)
                runs += (runs.empty() ? "" : ", ") + fixed(seconds, 3);
            out << "| " << escapeCell(result.spec->name) << " | " << label << " | `"
                << escapeCell(side->firstFormula) << "` | " << runs << " |\n";
        }
    return out.str();
}

Options parse(int argc, char** argv)
{
    Options options;
    for (int i = 1; i < argc; ++i)
    {
        const std::string argument = argv[i];
        auto value = [&]() -> std::string
        {
            if (i + 1 >= argc)
                throw std::runtime_error(argument + " needs a value");
            return argv[++i];
        };
        if (argument == "--rows")
            options.rows = std::stol(value());
        else if (argument == "--repeat")
            options.repeat = std::stoi(value());
        else if (argument == "--results")
            options.results = value();
        else if (argument == "--only")
            options.only = value();
        else if (argument == "--write")
        {
            const std::string how = value();
            if (how != "fill" && how != "array")
                throw std::runtime_error("--write is fill or array");
            options.write = how == "fill" ? Write::Fill : Write::Array;
        }
        else
            throw std::runtime_error(
                "usage: relance_bench [--rows N] [--repeat K] [--results FILE.md] "
                "[--only CASE-NAME-PART] [--write fill|array]");
    }
    if (options.rows < 1 || options.rows > 1000000 || options.repeat < 1)
        throw std::runtime_error("--rows must be 1..1000000 and --repeat at least 1");
    return options;
}

} // namespace

int main(int argc, char** argv)
{
    try
    {
        const Options options = parse(argc, argv);
        if (const std::string language = env("RELANCE_TEST_LANGUAGE");
            !language.empty() && language != "en")
            throw std::runtime_error("the benchmark runs with an English UI "
                                     "(the native formulas produce English labels)");
        OfficeOptions office;
        office.sourceDir = env("RELANCE_SOURCE_DIR");
        office.programDir = env("LO_PROGRAM_DIR");
        office.profileDir = env("RELANCE_TEST_PROFILE");
        office.extension = env("RELANCE_OXT");
        office.uiLanguage = "en-US";
        if (office.sourceDir.empty() || office.programDir.empty() || office.profileDir.empty() ||
            office.extension.empty())
            throw std::runtime_error("set RELANCE_SOURCE_DIR, LO_PROGRAM_DIR, "
                                     "RELANCE_TEST_PROFILE and RELANCE_OXT (bench/run does)");

        const std::string load = loadAverage();
        std::cerr << "Starting LibreOffice with the extension...\n";
        const OfficeSession session(office);
        const std::string version =
            configValue(session.context(), "/org.openoffice.Setup/Product", "ooName") + " " +
            configValue(session.context(), "/org.openoffice.Setup/Product",
                        "ooSetupVersionAboutBox");
        const std::string threaded =
            env("SC_NO_THREADED_CALCULATION").empty()
                ? configValue(session.context(), "/org.openoffice.Office.Calc/Formula/Calculation",
                              "UseThreadedCalculationForFormulaGroups")
                : "off (SC_NO_THREADED_CALCULATION)";

        std::vector<Result> results;
        {
            const Workbook book(session.newSpreadsheet());
            const auto filled = steady_clock::now();
            const std::vector<Invoice> invoices = makeInvoices(options.rows);
            book.fill(invoices);
            const long unpaid = std::count_if(invoices.begin(), invoices.end(),
                                              [](const Invoice& i) { return !i.payment; });
            const long blank = Workbook::blankCells(
                book.range(kColumnPayment, kFirstRow - 1, kColumnPayment,
                           static_cast<sal_Int32>(kFirstRow - 2 + options.rows)));
            if (blank != unpaid)
                throw std::runtime_error("payment column: " + std::to_string(blank) +
                                         " blank cells, expected " + std::to_string(unpaid));
            std::cerr << "Wrote " << options.rows << " invoice rows in "
                      << duration<double>(steady_clock::now() - filled).count() << " s\n";
            for (const Case& spec : cases())
                if (options.only.empty() ||
                    std::string(spec.name).find(options.only) != std::string::npos)
                    results.push_back(run(book, spec, options));
        }

        const std::string markdown = report(results, options, version, threaded, load);
        std::cout << markdown << std::flush;
        if (!options.results.empty())
        {
            std::ofstream out(options.results);
            out << markdown;
            if (!out)
                throw std::runtime_error("cannot write " + options.results);
        }
        for (const Result& result : results)
            if (result.mismatches > 0)
                return 2;
        return 0;
    }
    catch (const uno::Exception& error)
    {
        std::cerr << "relance_bench: UNO exception: " << utf8(error.Message) << "\n";
    }
    catch (const std::exception& error)
    {
        std::cerr << "relance_bench: " << error.what() << "\n";
    }
    return 1;
}
