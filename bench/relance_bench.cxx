// Benchmark: Relance add-in functions against the native Calc formulas a user would write
// instead, on one sheet of N invoice rows (100 000 by default), in one headless LibreOffice
// with an English UI and the built extension installed (the calc tests' OfficeSession); then the
// ledger conversion (fr.relance:convertLedger) of a messy N-row source sheet against writing the
// same cells with one setDataArray.
//
// For every case and each side in turn, the formulas are written (API grammar, automatic
// calculation off: the first row's formula filled down, see Write), then only
// XCalculatable::calculateAll() is timed, a few times, and the median kept; the cells are then
// read and cleared, so that each calculateAll() computes only that side's cells. The two sides'
// results are compared cell by cell, every cell: a ratio is only meaningful with 0 mismatches.
// Ratios matter, absolute times are informative only.
//
// Adding a case: one row in cases() below.
#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/FillDirection.hpp>
#include <com/sun/star/sheet/FormulaResult.hpp>
#include <com/sun/star/sheet/XArrayFormulaRange.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XCellSeries.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/uno/Exception.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include "uno/functions/function_table.hxx"
#include "uno/ledger/ledger_layout.hxx"
#include "uno/functions/used_area.hxx"
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
//   H customer (25 names)                 J due date (values, computed by this program with
//                                           the same rules as the terms)
// Per-row results go to column L (add-in side) and M (native side), from row 2. An aggregate
// case writes one row of cells from column L: row 2 for the add-in side, row 3 for the native
// side (one cell, or one cell per result: the add-in side is then ONE array formula over the
// cells, the native side one formula per cell).

enum class Kind
{
    PerRow,    // one formula per invoice row: a column of N formulas
    Aggregate, // formulas over the N-row ranges: one row of a few cells
};

struct Case
{
    std::string name;
    Kind kind;
    std::string addIn;
    // What a user would write without Relance, computing the same thing: one formula (per-row
    // cases, single-cell aggregates) or one per result cell (the add-in is then an array formula).
    std::vector<std::string> native;
};

// A data column's rows in an aggregate formula, e.g. J{first}:J{last}.
std::string rows(const char* column)
{
    return std::string(column) + "{first}:" + column + "{last}";
}

// The customer the *IF cases select (about 1/25 of the rows).
const char* const kCustomer = "Boulangerie Martin";

// Native formulas over the ranges, `filter` being "" or a customer criterion such as
// (H2:H100001="Boulangerie Martin")* in front of every product.
//   outstanding at B1: unpaid (F blank) or paid after B1 (outstandingAsOf, no paid amounts)
//   days past due: B1 - J; overdue when > 0 (overdueAmount, min days 0)
std::vector<std::string> nativeAgedBalance(const std::string& filter)
{
    const std::string J = rows("J"), E = rows("E"), F = rows("F");
    const std::string open = "((" + F + "=\"\")+(" + F + ">$B$1))";
    const std::string age = "($B$1-" + J + ")";
    const std::vector<std::string> buckets = {"(" + J + ">=$B$1)", // not due: age <= 0
                                              "(" + age + ">0)*(" + age + "<=30)",  // 1-30
                                              "(" + age + ">30)*(" + age + "<=60)", // 31-60
                                              "(" + age + ">60)*(" + age + "<=90)", // 61-90
                                              "(" + age + ">90)"};                  // > 90
    std::vector<std::string> formulas;
    for (const std::string& bucket : buckets)
        formulas.push_back("SUMPRODUCT(" + filter + open + "*" + bucket + "*" + E + ")");
    return formulas;
}

std::string nativeOverdue(const std::string& filter)
{
    const std::string J = rows("J"), E = rows("E"), F = rows("F");
    return "SUMPRODUCT(" + filter + "(" + J + "<$B$1)*(" + F + "=\"\")*" + E + ")+SUMPRODUCT(" +
           filter + "(" + J + "<$B$1)*(" + F + ">$B$1)*" + E + ")";
}

// Amount-weighted days late: a payment on or before B1 stops the count, else B1; 0 when not
// late (daysLate); every invoice weighs its amount (weightedAverageDays).
std::string nativeAverageDaysLate(const std::string& filter)
{
    const std::string J = rows("J"), E = rows("E"), F = rows("F");
    const std::string late = "(IF((" + F + "<>\"\")*(" + F + "<=$B$1);" + F + ";$B$1)-" + J + ")";
    return "SUMPRODUCT(" + filter + E + "*(" + late + ">0)*" + late + ")/" +
           (filter.empty() ? "SUM(" + E + ")" : "SUMPRODUCT(" + filter + E + ")");
}

const std::vector<Case>& cases()
{
    const std::string customer = "(" + rows("H") + "=\"" + kCustomer + "\")*";
    const std::string ranges = rows("J") + ";" + rows("E") + ";" + rows("F");
    const std::string customerRanges = rows("H") + ";\"" + kCustomer + "\";" + ranges;
    static const std::vector<Case> list = {
        {"AR.DUEDATE (terms column)",
         Kind::PerRow,
         "AR.DUEDATE(C{r};D{r})",
         // End of month without EOMONTH: DATE(year; month + 1; 0) is the month's last day.
         {"IF(D{r}=\"30 jours\";C{r}+30;IF(D{r}=\"45 jours fin de mois\";"
          "DATE(YEAR(C{r}+45);MONTH(C{r}+45)+1;0);IF(D{r}=\"60 jours date de facture\";C{r}+60;"
          "DATE(YEAR(C{r});MONTH(C{r})+1;10))))"}},
        {"AR.DUEDATE vs EOMONTH chain",
         Kind::PerRow,
         "AR.DUEDATE(C{r};D{r})",
         // The same with EOMONTH, which LibreOffice implements in its Analysis add-in.
         {"IF(D{r}=\"30 jours\";C{r}+30;IF(D{r}=\"45 jours fin de mois\";EOMONTH(C{r}+45;0);"
          "IF(D{r}=\"60 jours date de facture\";C{r}+60;EOMONTH(C{r};0)+10)))"}},
        {"AR.DAYSLATE",
         Kind::PerRow,
         "AR.DAYSLATE(J{r};F{r};$B$1)",
         {"MAX(0;IF(F{r}=\"\";$B$1;MIN(F{r};$B$1))-J{r})"}},
        {"AR.AGINGBUCKET",
         Kind::PerRow,
         "AR.AGINGBUCKET(J{r};F{r};$B$1)",
         {"IF(AND(F{r}<>\"\";F{r}<=$B$1);\"Paid\";IF($B$1-J{r}<=0;\"Not due\";"
          "IF($B$1-J{r}<=30;\"1-30 days\";IF($B$1-J{r}<=60;\"31-60 days\";"
          "IF($B$1-J{r}<=90;\"61-90 days\";\"> 90 days\")))))"}},

        // Aggregates: one result (or one row of results) over the whole ranges.
        {"AR.AGEDBALANCE (5 buckets)", Kind::Aggregate, "AR.AGEDBALANCE(" + ranges + ";;$B$1)",
         nativeAgedBalance("")},
        {"AR.OVERDUE", Kind::Aggregate, "AR.OVERDUE(" + ranges + ";;$B$1)", {nativeOverdue("")}},
        {"AR.AVGDAYSLATE",
         Kind::Aggregate,
         "AR.AVGDAYSLATE(" + ranges + ";$B$1)",
         {nativeAverageDaysLate("")}},
        {"AR.AGEDBALANCEIF (1 customer, 5 buckets)", Kind::Aggregate,
         "AR.AGEDBALANCEIF(" + customerRanges + ";;$B$1)", nativeAgedBalance(customer)},
        {"AR.OVERDUEIF (1 customer)",
         Kind::Aggregate,
         "AR.OVERDUEIF(" + customerRanges + ";;$B$1)",
         {nativeOverdue(customer)}},
        {"AR.AVGDAYSLATEIF (1 customer)",
         Kind::Aggregate,
         "AR.AVGDAYSLATEIF(" + customerRanges + ";$B$1)",
         {nativeAverageDaysLate(customer)}},

        // The floor: LibreOffice's own C++ add-in (Analysis, shipped with Calc) on the "add-in"
        // side, a native formula computing the same on the other. Calc calls every add-in
        // function the same way (arguments converted to UNO values, the method invoked through
        // reflection, one cell at a time); what these cost is what any add-in pays before doing
        // anything, whoever wrote it.
        {"Floor: EOMONTH (LibreOffice's own add-in) vs DATE",
         Kind::PerRow,
         "EOMONTH(C{r};0)",
         {"DATE(YEAR(C{r});MONTH(C{r})+1;0)"}},
        // x = 1, n = 0, m = 0: every power is 1, the series is the sum of its coefficients.
        {"Floor: SERIESSUM (LibreOffice's own add-in, 1 range) vs SUM",
         Kind::Aggregate,
         "SERIESSUM(1;0;0;" + rows("E") + ")",
         {"SUM(" + rows("E") + ")"}},
    };
    return list;
}

// ---------------------------------------------------------------------------------------------

constexpr sal_Int32 kFirstRow = 2; // first data row, as written in formulas (1-based)
constexpr sal_Int32 kColumnInvoice = 2, kColumnPayment = 5, kColumnCustomer = 7,
                    kColumnDue = 9; // 0-based
constexpr sal_Int32 kColumnAddIn = 11, kColumnNative = 12, kColumnScratch = 14;
constexpr sal_Int32 kAggregateAddInRow = 1, kAggregateNativeRow = 2; // 0-based
constexpr double kSlowSeconds = 180;     // one calculation longer than this is not repeated
constexpr double kConversionLimit = 600; // one conversion (or recalculation) is stopped then

const char* const kTerms[] = {"30 jours", "45 jours fin de mois", "60 jours date de facture",
                              "fin de mois le 10"};

// Customers of the sample workbook (scripts/make_sample.py).
const char* const kCustomers[] = {"Boulangerie Martin",
                                  "SCI Les Tilleuls",
                                  "Garage Lefèvre SAS",
                                  "Hôtel du Parc SARL",
                                  "Restaurant L'Étoile d'Or",
                                  "Cabinet Moreau & Associés",
                                  "Pharmacie Girard",
                                  "EURL Rousseau Rénovation",
                                  "Mairie de Saint-Aubin",
                                  "SAS Bâtiments Fournier",
                                  "Crêperie Le Goéland",
                                  "Agence Immobilière Bonnet",
                                  "Camping Les Pins SARL",
                                  "SARL Dubois Frères",
                                  "École Sainte-Thérèse",
                                  "Fromagerie Chevalier",
                                  "M. et Mme Laurent",
                                  "Charpentes Mercier EURL",
                                  "Clinique vétérinaire des Ormes",
                                  "SCI Mont-Blanc",
                                  "Cave Perrin & Fils",
                                  "Auberge de la Forêt",
                                  "Cuisines Leroy SAS",
                                  "Gîte de l'Écluse",
                                  "Librairie Lambert EURL"};
constexpr int kCustomerCount = static_cast<int>(std::size(kCustomers));

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
    // One aggregate calculation is a few tenths of a second and its time is bimodal on a busy
    // machine (the same cell: 0.16 s or 0.4 s, CPU time included): more runs, still cheap.
    int aggregateRepeat = 9;
    int conversionRuns = 2; // pairs of conversions: automatic calculation on, then off
    bool conversion = true;
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

std::string lower(std::string text)
{
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
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

std::string fixed(double value, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return std::nan("");
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
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
    int customer; // index into kCustomers
};

class Random // splitmix64: the same sequence everywhere
{
public:
    explicit Random(std::uint64_t seed = 20240131) : state_(seed) {}
    std::uint64_t next()
    {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int below(int bound) { return static_cast<int>(next() % static_cast<std::uint64_t>(bound)); }

private:
    std::uint64_t state_;
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
const char* const kAsOfText = "2024-12-31"; // the conversion's AsOf argument, the same day

std::vector<Invoice> makeInvoices(long count)
{
    Random random;
    Random customers(20261115); // a separate stream: the other columns stay as they were
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
        invoice.customer = customers.below(kCustomerCount);
        invoices.push_back(invoice);
    }
    return invoices;
}

// ----- The sheet -----------------------------------------------------------------------------

uno::Any text(const char* value)
{
    return uno::Any(ustr(value));
}

void setData(const uno::Reference<table::XCellRange>& target,
             const uno::Sequence<uno::Sequence<uno::Any>>& data)
{
    uno::Reference<sheet::XCellRangeData>(target, uno::UNO_QUERY_THROW)->setDataArray(data);
}

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
        // An empty string leaves the cell blank; a void Any would make it #N/A (and crashes
        // LibreOffice 7.4's setDataArray).
        const uno::Any blank(OUString{});
        const auto header = sequenceOf<uno::Sequence<uno::Any>>(
            {sequenceOf<uno::Any>({text("As of"), uno::Any(double(kAsOf)), text("Invoice date"),
                                   text("Terms"), text("Amount"), text("Payment date"), blank,
                                   text("Customer"), blank, text("Due date")})});
        setData(range(0, 0, kColumnDue, 0), header);

        uno::Sequence<uno::Sequence<uno::Any>> data(rows);
        uno::Sequence<uno::Sequence<uno::Any>> customer(rows);
        uno::Sequence<uno::Sequence<uno::Any>> due(rows);
        auto* dataRows = data.getArray();
        auto* customerRows = customer.getArray();
        auto* dueRows = due.getArray();
        for (sal_Int32 i = 0; i < rows; ++i)
        {
            const Invoice& invoice = invoices[static_cast<std::size_t>(i)];
            dataRows[i] = sequenceOf<uno::Any>(
                {uno::Any(double(invoice.date)), text(kTerms[invoice.terms]),
                 uno::Any(invoice.amount),
                 invoice.payment ? uno::Any(double(*invoice.payment)) : blank});
            customerRows[i] = sequenceOf<uno::Any>({text(kCustomers[invoice.customer])});
            dueRows[i] = sequenceOf<uno::Any>({uno::Any(double(invoice.due))});
        }
        setData(range(kColumnInvoice, 1, kColumnInvoice + 3, rows), data);
        setData(range(kColumnCustomer, 1, kColumnCustomer, rows), customer);
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

    // The range's cells, row by row.
    static std::vector<uno::Any> values(const uno::Reference<table::XCellRange>& target)
    {
        std::vector<uno::Any> cells;
        for (const auto& row :
             uno::Reference<sheet::XCellRangeData>(target, uno::UNO_QUERY_THROW)->getDataArray())
            for (const uno::Any& cell : row)
                cells.push_back(cell);
        return cells;
    }

    static std::string formula(const uno::Reference<table::XCellRange>& target, sal_Int32 column,
                               sal_Int32 row)
    {
        return utf8(target->getCellByPosition(column, row)->getFormula());
    }

    // Cells of the range whose formula ends in an error, row by row.
    static std::vector<bool> errors(const uno::Reference<table::XCellRange>& target)
    {
        const table::CellRangeAddress whole =
            uno::Reference<sheet::XCellRangeAddressable>(target, uno::UNO_QUERY_THROW)
                ->getRangeAddress();
        const long width = whole.EndColumn - whole.StartColumn + 1;
        std::vector<bool> failed(
            static_cast<std::size_t>(width * (whole.EndRow - whole.StartRow + 1L)), false);
        const auto found = uno::Reference<sheet::XCellRangesQuery>(target, uno::UNO_QUERY_THROW)
                               ->queryFormulaCells(sheet::FormulaResult::ERROR);
        for (const table::CellRangeAddress& address : found->getRangeAddresses())
            for (sal_Int32 row = address.StartRow; row <= address.EndRow; ++row)
                for (sal_Int32 column = address.StartColumn; column <= address.EndColumn; ++column)
                    failed[static_cast<std::size_t>((row - whole.StartRow) * width + column -
                                                    whole.StartColumn)] = true;
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
    uno::Reference<lang::XComponent> document_;
    uno::Reference<sheet::XSpreadsheet> sheet_;
    uno::Reference<sheet::XCalculatable> calculatable_;
};

// The office's processes (soffice, soffice.bin), found once it has started.
std::vector<pid_t> officeProcesses;

// CPU seconds (user + system, nanosecond clocks) used so far by this program and the office:
// what a call cost, less disturbed than its wall-clock time by other work on the machine.
double cpuSeconds()
{
    auto seconds = [](clockid_t clock)
    {
        timespec time{};
        return clock_gettime(clock, &time) == 0 ? time.tv_sec + time.tv_nsec * 1e-9 : 0.0;
    };
    double total = seconds(CLOCK_PROCESS_CPUTIME_ID);
    for (pid_t pid : officeProcesses)
        if (clockid_t clock{}; clock_getcpuclockid(pid, &clock) == 0)
            total += seconds(clock);
    return total;
}

// ----- Measuring -----------------------------------------------------------------------------

struct Side
{
    double median = 0;
    std::vector<double> runs;
    double cpuMedian = 0; // CPU time of the office (and this program) over the same calls
    std::vector<double> cpuRuns;
    bool slow = false; // one calculation took longer than kSlowSeconds: not repeated
    std::vector<uno::Any> values;
    std::vector<bool> errors;
    // As Calc reads them back, to show what was parsed: the first cell's (per-row cases), every
    // cell's (aggregates; an array formula once, in braces).
    std::vector<std::string> formulas;
};

struct Result
{
    const Case* spec;
    long cells = 0; // result cells per side
    Side addIn, native;
    long mismatches = 0;
    long errorCells = 0; // cells in error on either side (counted as mismatches too)
    std::string example; // first mismatching cell, for diagnosis
};

void expectFormula(const std::string& where, const std::string& actual, const std::string& expected)
{
    if (actual != expected || (expected.rfind('=', 0) != 0 && expected.rfind("{=", 0) != 0))
        throw std::runtime_error(where + " holds " + actual + ", expected " + expected);
}

Side measure(const Workbook& book, const Case& spec, bool addInSide, const Options& options)
{
    const long first = kFirstRow, last = kFirstRow + options.rows - 1;
    auto formulaFor = [&](const std::string& formula, long row)
    { return "=" + instantiate(apiFormula(formula), row, first, last); };

    Side side;
    uno::Reference<table::XCellRange> target;
    const auto written = steady_clock::now();
    long cells = 0;
    if (spec.kind == Kind::PerRow)
    {
        const std::string& formula = addInSide ? spec.addIn : spec.native.front();
        const sal_Int32 column = addInSide ? kColumnAddIn : kColumnNative;
        cells = options.rows;
        target = book.range(column, first - 1, column, static_cast<sal_Int32>(last - 1));
        const std::string expectedLast = book.parsed(formulaFor(formula, last));
        if (options.write == Write::Fill)
            Workbook::writeFilled(target, formulaFor(formula, first), cells);
        else
        {
            std::vector<std::string> formulas;
            for (long row = first; row <= last; ++row)
                formulas.push_back(formulaFor(formula, row));
            Workbook::writeArray(target, formulas);
        }
        // The last row holds the formula the case asks for (and a formula, not text).
        expectFormula("row " + std::to_string(last),
                      Workbook::formula(target, 0, static_cast<sal_Int32>(cells - 1)),
                      expectedLast);
    }
    else
    {
        const auto width = static_cast<sal_Int32>(spec.native.size());
        const sal_Int32 row = addInSide ? kAggregateAddInRow : kAggregateNativeRow;
        cells = width;
        target = book.range(kColumnAddIn, row, kColumnAddIn + width - 1, row);
        if (addInSide && width > 1)
        {
            // ONE array formula over the row of cells, as a user enters it (Ctrl+Shift+Enter).
            const std::string formula = formulaFor(spec.addIn, first);
            const std::string expected = book.parsed(formula);
            uno::Reference<sheet::XArrayFormulaRange>(target, uno::UNO_QUERY_THROW)
                ->setArrayFormula(ustr(formula));
            // Each cell of the array reads back as {=...} (the API grammar, in braces).
            for (sal_Int32 c = 0; c < width; ++c)
                expectFormula("array cell " + std::to_string(c + 1),
                              Workbook::formula(target, c, 0), "{" + expected + "}");
        }
        else
            for (sal_Int32 c = 0; c < width; ++c)
            {
                const std::string formula = formulaFor(
                    addInSide ? spec.addIn : spec.native[static_cast<std::size_t>(c)], first);
                const std::string expected = book.parsed(formula);
                target->getCellByPosition(c, 0)->setFormula(ustr(formula));
                expectFormula("result cell " + std::to_string(c + 1),
                              Workbook::formula(target, c, 0), expected);
            }
    }
    std::cerr << "    write " << cells
              << " cell(s): " << duration<double>(steady_clock::now() - written).count() << " s\n";

    const int repeat = spec.kind == Kind::PerRow ? options.repeat : options.aggregateRepeat;
    for (int i = 0; i < repeat; ++i)
    {
        const double cpu = cpuSeconds();
        side.runs.push_back(book.timeCalculateAll());
        side.cpuRuns.push_back(cpuSeconds() - cpu);
        std::cerr << "    calculateAll: " << side.runs.back() << " s (CPU " << side.cpuRuns.back()
                  << " s)\n";
        if (side.runs.back() > kSlowSeconds)
        {
            side.slow = true;
            break;
        }
    }
    side.median = median(side.runs);
    side.cpuMedian = median(side.cpuRuns);
    side.values = Workbook::values(target);
    side.errors = Workbook::errors(target);
    if (spec.kind == Kind::PerRow)
        side.formulas.push_back(Workbook::formula(target, 0, 0));
    else if (addInSide && spec.native.size() > 1)
        side.formulas.push_back(Workbook::formula(target, 0, 0));
    else
        for (std::size_t c = 0; c < spec.native.size(); ++c)
            side.formulas.push_back(Workbook::formula(target, static_cast<sal_Int32>(c), 0));
    Workbook::clear(target);
    for (const std::string& formula : side.formulas)
        if (formula.find('=') > 1) // "=..." or "{=...}"
            throw std::runtime_error("not read as a formula: " + formula);
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

std::string cellName(const Case& spec, long index)
{
    return spec.kind == Kind::PerRow ? "row " + std::to_string(kFirstRow + index)
                                     : "result " + std::to_string(index + 1);
}

Result run(const Workbook& book, const Case& spec, const Options& options)
{
    Result result;
    result.spec = &spec;
    result.cells = spec.kind == Kind::PerRow ? options.rows : static_cast<long>(spec.native.size());
    std::cerr << spec.name << "\n  add-in: " << apiFormula(spec.addIn) << "\n";
    result.addIn = measure(book, spec, true, options);
    std::cerr << "  native: " << spec.native.front() << (spec.native.size() > 1 ? " ..." : "")
              << "\n";
    result.native = measure(book, spec, false, options);

    // Every cell is compared, not a sample: it costs one getDataArray per side.
    for (long i = 0; i < result.cells; ++i)
    {
        const auto index = static_cast<std::size_t>(i);
        const bool error = result.addIn.errors[index] || result.native.errors[index];
        const uno::Any& a = result.addIn.values[index];
        const uno::Any& b = result.native.values[index];
        if (error)
            ++result.errorCells;
        if (error || !same(a, b))
        {
            if (result.mismatches++ == 0)
                result.example = cellName(spec, i) + ": add-in " +
                                 (result.addIn.errors[index] ? "error" : show(a)) + ", native " +
                                 (result.native.errors[index] ? "error" : show(b));
        }
    }
    return result;
}

// ----- The ledger conversion -----------------------------------------------------------------
//
// A messy French source sheet (title row, blank row, headers, then one row per invoice, with
// some dates and amounts typed as text) is written into a fresh document with ONE setDataArray
// (timed: the reference), then fr.relance:convertLedger is dispatched silently with a fixed
// AsOf (timed). Automatic calculation is switched off inside the converter and restored after;
// one run of each pair leaves it on in the document (the default: whatever restoring it costs is
// inside the dispatch), the other switches it off beforehand (the conversion alone), and then
// times the full recalculation of the ledger it built.

const char* const kMonths[] = {"janvier",   "février", "mars",     "avril",
                               "mai",       "juin",    "juillet",  "août",
                               "septembre", "octobre", "novembre", "décembre"};
const char* const kSourceHeaders[] = {"N° fact.",    "Client",   "Date",    "Conditions",
                                      "Montant TTC", "Réglé le", "Reste dû"};
constexpr sal_Int32 kSourceColumns = 7;
constexpr sal_Int32 kSourceHeaderRows = 3; // title, blank, headers

struct LedgerSource
{
    uno::Sequence<uno::Sequence<uno::Any>> grid;
    long invoices = 0;
    long textDates = 0, textAmounts = 0, textPayments = 0;
    long long amountCents = 0; // what the ledger's amount column must sum to
    long long dateSum = 0;     // and its invoice date column
};

std::string dateText(int serial, bool words)
{
    const year_month_day date = civil(serial);
    const unsigned d = static_cast<unsigned>(date.day()), m = static_cast<unsigned>(date.month());
    const int y = static_cast<int>(date.year());
    char buffer[64];
    if (words)
        std::snprintf(buffer, sizeof buffer, "%u %s %d", d, kMonths[m - 1], y);
    else
        std::snprintf(buffer, sizeof buffer, "%02u/%02u/%d", d, m, y);
    return buffer;
}

// 1234.56 -> "1 234,56 €", with a space or a no-break space between thousands.
std::string moneyText(double amount, bool noBreak)
{
    const long long cents = std::llround(amount * 100);
    std::string euros = std::to_string(cents / 100);
    for (int at = static_cast<int>(euros.size()) - 3; at > 0; at -= 3)
        euros.insert(static_cast<std::size_t>(at), noBreak ? "\u00a0" : " ");
    char decimals[8];
    std::snprintf(decimals, sizeof decimals, ",%02lld", cents % 100);
    return euros + decimals + " €";
}

LedgerSource makeLedgerSource(const std::vector<Invoice>& invoices)
{
    Random mess(77);
    LedgerSource source;
    source.invoices = static_cast<long>(invoices.size());
    const auto rows = static_cast<sal_Int32>(invoices.size()) + kSourceHeaderRows;
    source.grid.realloc(rows);
    auto* out = source.grid.getArray();
    const uno::Any blank(OUString{});
    auto row = [&](std::initializer_list<uno::Any> cells)
    {
        uno::Sequence<uno::Any> line(kSourceColumns);
        std::fill(line.getArray(), line.getArray() + kSourceColumns, blank);
        std::copy(cells.begin(), cells.end(), line.getArray());
        return line;
    };
    out[0] = row({text("Menuiserie Dupont SARL — Suivi des factures clients")});
    out[1] = row({});
    out[2] = uno::Sequence<uno::Any>(kSourceColumns);
    for (sal_Int32 c = 0; c < kSourceColumns; ++c)
        out[2].getArray()[c] = text(kSourceHeaders[c]);
    std::map<int, int> perYear;
    for (std::size_t i = 0; i < invoices.size(); ++i)
    {
        const Invoice& invoice = invoices[i];
        const int year = static_cast<int>(civil(invoice.date).year());
        char number[32];
        std::snprintf(number, sizeof number, "F%d-%06d", year, ++perYear[year]);
        uno::Any date(double(invoice.date));
        if (const int draw = mess.below(100); draw < 5) // 5 % of the dates typed as text
        {
            date = text(dateText(invoice.date, draw < 2).c_str());
            ++source.textDates;
        }
        uno::Any amount(invoice.amount);
        if (const int draw = mess.below(100); draw < 5) // 5 % of the amounts typed as text
        {
            amount = text(moneyText(invoice.amount, draw < 2).c_str());
            ++source.textAmounts;
        }
        uno::Any payment = blank;
        if (invoice.payment)
        {
            payment <<= double(*invoice.payment);
            if (mess.below(100) < 2)
            {
                payment = text(dateText(*invoice.payment, false).c_str());
                ++source.textPayments;
            }
        }
        const bool paid = invoice.payment && *invoice.payment <= kAsOf;
        out[kSourceHeaderRows + static_cast<sal_Int32>(i)] = sequenceOf<uno::Any>(
            {text(number), text(kCustomers[invoice.customer]), date, text(kTerms[invoice.terms]),
             amount, payment, uno::Any(paid ? 0.0 : invoice.amount)});
        source.amountCents += std::llround(invoice.amount * 100);
        source.dateSum += invoice.date;
    }
    return source;
}

struct ConversionRun
{
    bool autoCalcBefore = true;
    double write = 0;                    // setDataArray of the source, s
    double dispatch = 0;                 // the conversion command, s
    std::optional<double> recalculation; // calculateAll on the converted document, s
    std::optional<double> floor;         // writeLedgerAgain: Calc's share of the conversion, s
    // CPU time (user + system) of this program and the office over the same calls: less
    // sensitive than the wall-clock times to other work on the machine.
    double writeCpu = 0, dispatchCpu = 0;
    std::optional<double> recalculationCpu;
    bool success = false;
    bool autoCalcAfter = false;
    std::string message; // the command's own report
    std::string check;   // what this program verified in the ledger
    bool checked = false;
};

struct ConversionResult
{
    bool ran = false;
    long invoices = 0;
    long textDates = 0, textAmounts = 0, textPayments = 0;
    double warmUp = 0; // an untimed first conversion of a small source
    std::vector<ConversionRun> runs;
    std::string failure; // why the benchmark stopped, if it did
    bool timedOut = false;
};

// Processes this program started (the office: soffice, oosplash, soffice.bin), by id.
std::vector<pid_t> descendants()
{
    std::map<pid_t, std::vector<pid_t>> children;
    for (const auto& entry : std::filesystem::directory_iterator("/proc"))
    {
        const std::string name = entry.path().filename().string();
        if (name.empty() || !std::all_of(name.begin(), name.end(), ::isdigit))
            continue;
        std::ifstream stat(entry.path() / "stat");
        std::string line;
        if (!std::getline(stat, line))
            continue;
        const auto close = line.rfind(')');
        if (close == std::string::npos)
            continue;
        std::istringstream rest(line.substr(close + 1));
        std::string state;
        long parent = 0;
        rest >> state >> parent;
        children[static_cast<pid_t>(parent)].push_back(static_cast<pid_t>(std::stol(name)));
    }
    std::vector<pid_t> found;
    std::vector<pid_t> pending = {getpid()};
    while (!pending.empty())
    {
        const pid_t parent = pending.back();
        pending.pop_back();
        for (pid_t child : children[parent])
        {
            found.push_back(child);
            pending.push_back(child);
        }
    }
    return found;
}

// Stops the office when one call takes longer than the limit: the call then fails with a
// disposed bridge and the benchmark reports what it has.
class Watchdog
{
public:
    Watchdog(double seconds, std::string what)
        : what_(std::move(what)), thread_([this, seconds] { watch(seconds); })
    {
    }
    ~Watchdog()
    {
        {
            const std::lock_guard lock(mutex_);
            done_ = true;
        }
        wake_.notify_all();
        thread_.join();
    }
    bool fired() const { return fired_; }

private:
    void watch(double seconds)
    {
        std::unique_lock lock(mutex_);
        if (wake_.wait_for(lock, duration<double>(seconds), [this] { return done_; }))
            return;
        fired_ = true;
        std::cerr << "  " << what_ << " still running after " << seconds
                  << " s: stopping the office\n";
        for (pid_t pid : descendants())
            ::kill(pid, SIGKILL);
    }

    std::string what_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool done_ = false;
    std::atomic<bool> fired_ = false;
    std::thread thread_; // last: started once the rest is ready
};

uno::Reference<sheet::XSpreadsheets> sheetsOf(const uno::Reference<lang::XComponent>& document)
{
    return uno::Reference<sheet::XSpreadsheetDocument>(document, uno::UNO_QUERY_THROW)->getSheets();
}

class Document
{
public:
    explicit Document(uno::Reference<lang::XComponent> document) : document_(std::move(document)) {}
    ~Document()
    {
        try
        {
            uno::Reference<util::XCloseable>(document_, uno::UNO_QUERY_THROW)->close(true);
        }
        catch (const uno::Exception&)
        {
        }
    }
    const uno::Reference<lang::XComponent>& get() const { return document_; }
    uno::Reference<sheet::XCalculatable> calculation() const
    {
        return uno::Reference<sheet::XCalculatable>(document_, uno::UNO_QUERY_THROW);
    }

private:
    uno::Reference<lang::XComponent> document_;
};

// A fresh document holding the source on a sheet named "Factures"; returns the setDataArray
// time.
double writeSource(const Document& document, const LedgerSource& source)
{
    const uno::Reference<container::XIndexAccess> sheets(sheetsOf(document.get()),
                                                         uno::UNO_QUERY_THROW);
    const uno::Reference<sheet::XSpreadsheet> sheet(sheets->getByIndex(0), uno::UNO_QUERY_THROW);
    uno::Reference<container::XNamed>(sheet, uno::UNO_QUERY_THROW)->setName("Factures");
    const auto target =
        sheet->getCellRangeByPosition(0, 0, kSourceColumns - 1, source.grid.getLength() - 1);
    const auto start = steady_clock::now();
    setData(target, source.grid);
    return duration<double>(steady_clock::now() - start).count();
}

std::pair<bool, std::string> dispatchConversion(const OfficeSession& session,
                                                const Document& document)
{
    const uno::Reference<frame::XModel> model(document.get(), uno::UNO_QUERY_THROW);
    const uno::Reference<frame::XDispatchProvider> provider(
        model->getCurrentController()->getFrame(), uno::UNO_QUERY_THROW);
    auto argument = [](const char* name, const uno::Any& value)
    {
        return beans::PropertyValue(OUString::createFromAscii(name), 0, value,
                                    beans::PropertyState_DIRECT_VALUE);
    };
    const uno::Any result =
        frame::DispatchHelper::create(session.context())
            ->executeDispatch(provider, "fr.relance:convertLedger", "", 0,
                              sequenceOf<beans::PropertyValue>(
                                  {argument("Silent", uno::Any(true)),
                                   argument("AsOf", uno::Any(OUString::createFromAscii(kAsOfText))),
                                   argument("SourceSheet", uno::Any(OUString("Factures")))}));
    frame::DispatchResultEvent event;
    OUString message;
    bool success = false;
    if (result >>= event)
    {
        success = event.State == frame::DispatchResultState::SUCCESS;
        event.Result >>= message;
    }
    return {success, utf8(message)};
}

// The ledger's invoice rows: count, amounts and invoice dates against the source's.
std::string checkLedger(const Document& document, const LedgerSource& source, bool& ok)
{
    using namespace relance::addin;
    const std::string name = sheetName(LedgerSheet::Invoices).in(relance::Language::English);
    const uno::Reference<sheet::XSpreadsheet> ledger(
        sheetsOf(document.get())->getByName(ustr(name)), uno::UNO_QUERY_THROW);
    const long rows = relance::addin::lastUsedRow(ledger); // header in row 0
    const auto& columns = invoiceColumns();
    auto sum = [&](const char* key, double scale)
    {
        const auto column = static_cast<sal_Int32>(columnIndex(columns, key));
        long long total = 0;
        long numbers = 0;
        for (const uno::Any& cell : Workbook::values(
                 ledger->getCellRangeByPosition(column, 1, column, static_cast<sal_Int32>(rows))))
            if (double value = 0; cell >>= value)
            {
                total += std::llround(value * scale);
                ++numbers;
            }
        return std::pair{total, numbers};
    };
    const auto [cents, amounts] = sum("amount", 100);
    const auto [dates, invoiceDates] = sum("invoice_date", 1);
    ok = rows == source.invoices && amounts == source.invoices && invoiceDates == source.invoices &&
         cents == source.amountCents && dates == source.dateSum;
    std::ostringstream out;
    out << rows << " ledger rows, " << amounts << " amounts and " << invoiceDates
        << " invoice dates read as numbers, amounts and dates "
        << (cents == source.amountCents && dates == source.dateSum ? "sum as in the source"
                                                                   : "DIFFER from the source");
    return out.str();
}

// Calc's own share of the conversion: the ledger's Invoices and Payments sheets written again,
// cell for cell, with the calls the converter makes (one setDataArray per run of value columns,
// each run of formula columns as its row-2 formula filled down), onto fresh sheets of the
// converted document, so that the formulas find the same names. Nothing else of the conversion
// is in it (reading and parsing the source, keys, allocation, names, formats, autofilter,
// conditional format, customers, dashboard, one undo step): a floor, not an estimate. Written
// from this program, like the setDataArray it is compared with.
double writeLedgerAgain(const Document& document)
{
    using namespace relance::addin;
    const uno::Reference<sheet::XSpreadsheets> sheets = sheetsOf(document.get());
    double seconds = 0;
    const std::pair<LedgerSheet, const std::vector<LedgerColumn>*> tables[] = {
        {LedgerSheet::Invoices, &invoiceColumns()}, {LedgerSheet::Payments, &paymentColumns()}};
    for (const auto& [which, columns] : tables)
    {
        const OUString name = ustr(sheetName(which).in(relance::Language::English));
        const uno::Reference<sheet::XSpreadsheet> ledger(sheets->getByName(name),
                                                         uno::UNO_QUERY_THROW);
        const sal_Int32 lastRow = relance::addin::lastUsedRow(ledger);
        if (lastRow < 1)
            continue;
        const OUString copyName = name + "_again";
        sheets->insertNewByName(copyName, sheets->getElementNames().getLength());
        const uno::Reference<sheet::XSpreadsheet> copy(sheets->getByName(copyName),
                                                       uno::UNO_QUERY_THROW);
        // Runs of value columns and of formula columns, read beforehand (not timed).
        struct Run
        {
            sal_Int32 first, last;
            bool formulas;
            uno::Sequence<uno::Sequence<uno::Any>> values;
            std::vector<OUString> firstRow;
        };
        std::vector<Run> runs;
        for (std::size_t c = 0; c < columns->size(); ++c)
        {
            const bool formula = (*columns)[c].source == ColumnSource::Formula;
            const auto column = static_cast<sal_Int32>(c);
            if (runs.empty() || runs.back().formulas != formula)
                runs.push_back({column, column, formula, {}, {}});
            else
                runs.back().last = column;
        }
        for (Run& run : runs)
            if (run.formulas)
                for (sal_Int32 c = run.first; c <= run.last; ++c)
                    run.firstRow.push_back(ledger->getCellByPosition(c, 1)->getFormula());
            else
                run.values = uno::Reference<sheet::XCellRangeData>(
                                 ledger->getCellRangeByPosition(run.first, 1, run.last, lastRow),
                                 uno::UNO_QUERY_THROW)
                                 ->getDataArray();
        const auto start = steady_clock::now();
        for (const Run& run : runs)
            if (!run.formulas)
                setData(copy->getCellRangeByPosition(run.first, 1, run.last, lastRow), run.values);
        for (const Run& run : runs)
            if (run.formulas)
            {
                for (sal_Int32 c = run.first; c <= run.last; ++c)
                    copy->getCellByPosition(c, 1)->setFormula(
                        run.firstRow[static_cast<std::size_t>(c - run.first)]);
                uno::Reference<sheet::XCellSeries>(
                    copy->getCellRangeByPosition(run.first, 1, run.last, lastRow),
                    uno::UNO_QUERY_THROW)
                    ->fillAuto(sheet::FillDirection_TO_BOTTOM, 1);
            }
        seconds += duration<double>(steady_clock::now() - start).count();
        sheets->removeByName(copyName);
    }
    return seconds;
}

ConversionRun convertOnce(const OfficeSession& session, const LedgerSource& source, bool autoCalc,
                          ConversionResult& result)
{
    ConversionRun run;
    run.autoCalcBefore = autoCalc;
    const Document document(session.newSpreadsheet());
    double cpu = cpuSeconds();
    run.write = writeSource(document, source);
    run.writeCpu = cpuSeconds() - cpu;
    std::cerr << "  setDataArray of " << source.grid.getLength() << " x " << kSourceColumns
              << " cells: " << run.write << " s\n";
    document.calculation()->enableAutomaticCalculation(autoCalc);
    {
        const Watchdog watchdog(kConversionLimit, "conversion");
        cpu = cpuSeconds();
        const auto start = steady_clock::now();
        try
        {
            std::tie(run.success, run.message) = dispatchConversion(session, document);
        }
        catch (const uno::Exception& error)
        {
            if (!watchdog.fired())
                throw;
            result.timedOut = true;
            throw std::runtime_error("conversion stopped after " + fixed(kConversionLimit, 0) +
                                     " s (" + utf8(error.Message) + ")");
        }
        run.dispatch = duration<double>(steady_clock::now() - start).count();
        run.dispatchCpu = cpuSeconds() - cpu;
    }
    std::cerr << "  conversion (automatic calculation " << (autoCalc ? "on" : "off")
              << " before): " << run.dispatch << " s: " << run.message << "\n";
    run.autoCalcAfter = document.calculation()->isAutomaticCalculationEnabled();
    if (run.success)
        run.check = checkLedger(document, source, run.checked);
    if (!autoCalc && run.success)
    {
        const Watchdog watchdog(kConversionLimit, "recalculation");
        cpu = cpuSeconds();
        const auto start = steady_clock::now();
        try
        {
            document.calculation()->calculateAll();
        }
        catch (const uno::Exception& error)
        {
            if (!watchdog.fired())
                throw;
            result.timedOut = true;
            throw std::runtime_error("recalculation stopped after " + fixed(kConversionLimit, 0) +
                                     " s (" + utf8(error.Message) + ")");
        }
        run.recalculation = duration<double>(steady_clock::now() - start).count();
        run.recalculationCpu = cpuSeconds() - cpu;
        std::cerr << "  calculateAll of the converted document: " << *run.recalculation << " s\n";
        run.floor = writeLedgerAgain(document);
        std::cerr << "  the ledger's cells written again: " << *run.floor << " s\n";
    }
    return run;
}

ConversionResult benchmarkConversion(const OfficeSession& session,
                                     const std::vector<Invoice>& invoices, const Options& options)
{
    ConversionResult result;
    result.ran = true;
    std::cerr << "Ledger conversion\n";
    const LedgerSource source = makeLedgerSource(invoices);
    result.invoices = source.invoices;
    result.textDates = source.textDates;
    result.textAmounts = source.textAmounts;
    result.textPayments = source.textPayments;
    try
    {
        {
            // The first conversion loads the dispatch code and its tables: not counted.
            const std::vector<Invoice> few(invoices.begin(),
                                           invoices.begin() +
                                               std::min<std::ptrdiff_t>(200, invoices.size()));
            const Document document(session.newSpreadsheet());
            writeSource(document, makeLedgerSource(few));
            const auto start = steady_clock::now();
            const auto [success, message] = dispatchConversion(session, document);
            result.warmUp = duration<double>(steady_clock::now() - start).count();
            if (!success)
                throw std::runtime_error("warm-up conversion failed: " + message);
            std::cerr << "  warm-up conversion of " << few.size() << " rows: " << result.warmUp
                      << " s\n";
        }
        for (int i = 0; i < options.conversionRuns; ++i)
            for (const bool autoCalc : {true, false})
                result.runs.push_back(convertOnce(session, source, autoCalc, result));
    }
    catch (const uno::Exception& error)
    {
        result.failure = "UNO exception: " + utf8(error.Message);
    }
    catch (const std::exception& error)
    {
        result.failure = error.what();
    }
    if (!result.failure.empty())
        std::cerr << "  stopped: " << result.failure << "\n";
    return result;
}

bool conversionFailed(const ConversionResult& conversion)
{
    if (!conversion.ran)
        return false;
    if (!conversion.failure.empty() || conversion.runs.empty())
        return true;
    for (const ConversionRun& run : conversion.runs)
        if (!run.success || !run.checked)
            return true;
    return false;
}

// ----- Reporting -----------------------------------------------------------------------------

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

std::string ratioText(double addIn, double native)
{
    return native > 0 ? fixed(addIn / native, 2) : "n/a";
}

std::string runsText(const Side& side)
{
    std::string runs;
    for (double seconds : side.runs)
        runs += (runs.empty() ? "" : ", ") + fixed(seconds, 3);
    return runs;
}

struct Context
{
    std::string version;
    std::string threaded;
    std::string load;            // at start
    std::string conversionLoad;  // before the conversion
    double emptyCalculation = 0; // calculateAll of the data sheet without formulas (median)
};

std::string report(const std::vector<Result>& results, const ConversionResult& conversion,
                   const Options& options, const Context& context)
{
    std::ostringstream out;
    out << "# Relance benchmark: add-in functions against native Calc formulas\n\n"
        << "- Date: " << today() << "\n"
        << "- LibreOffice: " << context.version
        << " (headless, English UI, automatic calculation off, "
        << "threaded formula-group calculation: " << context.threaded << ")\n"
        << "- Machine: " << std::thread::hardware_concurrency() << " CPUs (nproc), " << cpuModel()
        << ", load average at start " << context.load
        << " (other work on the machine adds noise: compare ratios, rerun when in doubt)\n"
        << "- Rows: " << options.rows
        << " invoices; each side of a per-row case timed with `calculateAll()` " << options.repeat
        << " times (aggregates: " << options.aggregateRepeat
        << "), median kept; formulas written beforehand (API grammar) "
        << (options.write == Write::Fill
                ? "in the first row with `XCell::setFormula`, then filled down with "
                  "`XCellSeries::fillAuto`"
                : "with one `XCellRangeFormula::setFormulaArray` call")
        << "\n\n"
        << "Ratios are what matters: both sides run in the same office, on the same data, in "
           "the same run. Absolute times depend on the machine and are informative only.\n\n";

    std::vector<const Result*> perRow, aggregates;
    for (const Result& result : results)
        (result.spec->kind == Kind::PerRow ? perRow : aggregates).push_back(&result);

    if (!perRow.empty())
    {
        out << "| Case | Rows | Add-in median (s) | Native median (s) | Ratio add-in/native | "
               "Mismatches |\n"
            << "| --- | ---: | ---: | ---: | ---: | ---: |\n";
        for (const Result* result : perRow)
            out << "| " << escapeCell(result->spec->name) << " | " << options.rows << " | "
                << fixed(result->addIn.median, 3) << (result->addIn.slow ? " (1 run, > 3 min)" : "")
                << " | " << fixed(result->native.median, 3)
                << (result->native.slow ? " (1 run, > 3 min)" : "") << " | "
                << ratioText(result->addIn.median, result->native.median) << " | "
                << result->mismatches << " / " << result->cells << " |\n";
        out << "\n";
    }

    if (!aggregates.empty())
    {
        out << "## Aggregates: one range function against the native formulas over the same "
            << options.rows << " rows\n\n"
            << "Each side alone on the sheet, then `calculateAll()` " << options.aggregateRepeat
            << " times, median kept (the same cell's time is bimodal here, e.g. 0.16 s or 0.4 s, "
               "CPU time included: more runs than for the columns): the add-in side is one formula "
               "(the aged balances: ONE "
               "array formula over five cells, L2:P2), the native side what a user would write "
               "instead (the aged balances: five `SUMPRODUCT` cells, L3:P3, computed together). "
               "`calculateAll()` of the same sheet without any formula takes "
            << fixed(context.emptyCalculation * 1000, 1)
            << " ms (median), a floor included in both sides. One calculation of one cell is a "
               "few tenths of a second: the machine's load moves single wall-clock runs by tens "
               "of percent (every run is in the Formulas section), so the CPU time of the office "
               "over the same calls is given too (one thread computes one cell), and *Faster* "
               "goes by the CPU ratio; read ratios to one significant digit.\n\n"
            << "| Case | Result cells | Add-in median (s) | Native median (s) | Ratio "
               "add-in/native "
               "| Add-in CPU (s) | Native CPU (s) | CPU ratio | Faster (CPU) | Mismatches | "
               "Result (add-in) |\n"
            << "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |\n";
        for (const Result* result : aggregates)
        {
            const double ratio = result->native.cpuMedian > 0
                                     ? result->addIn.cpuMedian / result->native.cpuMedian
                                     : std::nan("");
            std::string values;
            for (std::size_t i = 0; i < result->addIn.values.size(); ++i)
            {
                double number = 0;
                std::string shown = show(result->addIn.values[i]);
                if (result->addIn.errors[i])
                    shown = "error";
                else if (result->addIn.values[i] >>= number)
                    shown = fixed(number, 2);
                values += (values.empty() ? "" : " / ") + shown;
            }
            out << "| " << escapeCell(result->spec->name) << " | " << result->cells << " | "
                << fixed(result->addIn.median, 3) << " | " << fixed(result->native.median, 3)
                << " | " << ratioText(result->addIn.median, result->native.median) << " | "
                << fixed(result->addIn.cpuMedian, 3) << " | " << fixed(result->native.cpuMedian, 3)
                << " | " << fixed(ratio, 2) << " | "
                << (std::isnan(ratio)           ? "?"
                    : std::abs(ratio - 1) < 0.1 ? "about even"
                    : ratio < 1                 ? "add-in, " + fixed(1 / ratio, 1) + "×"
                                                : "native, " + fixed(ratio, 1) + "×")
                << " | " << result->mismatches << " / " << result->cells << " | " << values
                << " |\n";
        }
        out << "\n";
    }

    out << "Mismatches count cells (all of them, not a sample) where the two sides differ "
           "(beyond 1e-9 relative) or either is an error; a ratio is meaningful only when they "
           "are 0.\n";
    bool listed = false;
    for (const Result& result : results)
        if (result.mismatches > 0)
        {
            out << (listed ? "" : "\n") << "- **" << result.spec->name
                << "**: " << result.mismatches << " mismatches (" << result.errorCells
                << " in error), first at " << result.example << "\n";
            listed = true;
        }

    if (conversion.ran)
    {
        const long sourceRows = conversion.invoices + kSourceHeaderRows;
        out << "\n## Ledger conversion against one setDataArray\n\n"
            << "Product rule: a 100 000-row source converts within 2× the time of writing the "
               "same data with one `setDataArray`.\n\n"
            << "- Source: sheet `Factures`, A1:G" << sourceRows
            << ": a title row, a blank row, the headers `N° fact.`, `Client`, `Date`, "
               "`Conditions`, `Montant TTC`, `Réglé le`, `Reste dû`, then "
            << conversion.invoices << " invoice rows (25 customers, 4 payment terms, ~40 % "
            << "unpaid); " << conversion.textDates
            << " invoice dates typed as text (`05/03/2024`, `5 mars 2024`), "
            << conversion.textAmounts << " amounts as text (`1 234,56 €`, some with a no-break "
            << "space), " << conversion.textPayments << " payment dates as text.\n"
            << "- setDataArray: the whole grid (" << sourceRows << " × " << kSourceColumns
            << " cells) in ONE `XCellRangeData::setDataArray` call into a fresh document, from "
               "this program over the UNO bridge (the cells cross the pipe; the converter then "
               "runs inside the office).\n"
            << "- Conversion: `DispatchHelper::executeDispatch` of `fr.relance:convertLedger` "
               "(`Silent`, `AsOf` "
            << kAsOfText
            << ", `SourceSheet` Factures) on that document, timed around the call: it reads the "
               "source, writes the six ledger sheets (values, formula columns filled down, "
               "names, autofilter, conditional format, chart) and returns. English UI: the "
               "ledger is in English.\n"
            << "- Each pair of runs: automatic calculation left on in the document (the default; "
               "whatever restoring it costs inside the command is in the time), then switched off "
               "on the document beforehand (the conversion alone), followed by a timed "
               "`calculateAll()` (the full recalculation of the workbook the conversion built).\n"
            << "- A first conversion of a 200-row source, " << fixed(conversion.warmUp, 2)
            << " s, loaded the code; it is not counted. Load average before the conversions: "
            << context.conversionLoad << ".\n\n";
        if (!conversion.runs.empty())
        {
            out << "Wall-clock times, and in brackets the CPU time (user + system) of the office "
                   "and this program over the same call, which other work on the machine "
                   "disturbs less (setDataArray's CPU includes both ends of the bridge).\n\n"
                << "| Run | Automatic calculation before → after | setDataArray (s) | "
                   "Conversion (s) | Conversion / setDataArray | calculateAll after (s) | "
                   "Command's report | Ledger check |\n"
                << "| ---: | --- | ---: | ---: | ---: | ---: | --- | --- |\n";
            int number = 0;
            for (const ConversionRun& run : conversion.runs)
                out << "| " << ++number << " | " << (run.autoCalcBefore ? "on" : "off") << " → "
                    << (run.autoCalcAfter ? "on" : "off") << " | " << fixed(run.write, 2) << " ["
                    << fixed(run.writeCpu, 2) << "] | " << fixed(run.dispatch, 2) << " ["
                    << fixed(run.dispatchCpu, 2) << "] | " << ratioText(run.dispatch, run.write)
                    << " [" << ratioText(run.dispatchCpu, run.writeCpu) << "] | "
                    << (run.recalculation ? fixed(*run.recalculation, 2) + " [" +
                                                fixed(run.recalculationCpu.value_or(0), 2) + "]"
                                          : "–")
                    << " | " << escapeCell(run.success ? run.message : "FAILED: " + run.message)
                    << " | " << (run.checked ? "" : "**") << escapeCell(run.check)
                    << (run.checked ? "" : "**") << " |\n";
            std::vector<double> writes, writesCpu, on, onCpu, off, offCpu, recalculations,
                recalculationsCpu;
            for (const ConversionRun& run : conversion.runs)
            {
                writes.push_back(run.write);
                writesCpu.push_back(run.writeCpu);
                (run.autoCalcBefore ? on : off).push_back(run.dispatch);
                (run.autoCalcBefore ? onCpu : offCpu).push_back(run.dispatchCpu);
                if (run.recalculation)
                {
                    recalculations.push_back(*run.recalculation);
                    recalculationsCpu.push_back(run.recalculationCpu.value_or(0));
                }
            }
            const double write = median(writes), writeCpu = median(writesCpu);
            auto rule = [](double ratio) { return ratio <= 2 ? "within" : "OUTSIDE"; };
            out << "\n- setDataArray: median " << fixed(write, 2) << " s [CPU "
                << fixed(writeCpu, 2) << " s] over " << writes.size() << " runs.\n";
            if (!on.empty())
                out << "- Conversion with automatic calculation on: median " << fixed(median(on), 2)
                    << " s [CPU " << fixed(median(onCpu), 2) << " s] over " << on.size()
                    << " run(s): **" << ratioText(median(on), write) << "× setDataArray** [CPU "
                    << ratioText(median(onCpu), writeCpu) << "×], " << rule(median(on) / write)
                    << " the 2× rule.\n";
            if (!off.empty())
                out << "- Conversion alone (automatic calculation off beforehand): median "
                    << fixed(median(off), 2) << " s [CPU " << fixed(median(offCpu), 2)
                    << " s] over " << off.size() << " run(s): **" << ratioText(median(off), write)
                    << "× setDataArray** [CPU " << ratioText(median(offCpu), writeCpu) << "×], "
                    << rule(median(off) / write) << " the 2× rule.\n";
            std::vector<double> floors;
            for (const ConversionRun& run : conversion.runs)
                if (run.floor)
                    floors.push_back(*run.floor);
            if (!floors.empty() && !off.empty())
                out << "- Calc's own share, a floor: the converted ledger's Invoices and Payments "
                       "cells written again onto fresh sheets of the same document with the "
                       "converter's calls (a setDataArray per run of value columns, the formula "
                       "columns filled down), nothing else: median "
                    << fixed(median(floors), 2) << " s over " << floors.size() << " run(s), **"
                    << ratioText(median(floors), write)
                    << "× setDataArray** of the source. Any conversion that builds this ledger "
                       "pays at least that; the conversion alone is "
                    << ratioText(median(off), median(floors)) << "× this floor.\n";
            if (!recalculations.empty())
            {
                const double recalculation = median(recalculations);
                const double recalculationCpu = median(recalculationsCpu);
                out << "- Full recalculation of the converted workbook (`calculateAll()`): median "
                    << fixed(recalculation, 2) << " s [CPU " << fixed(recalculationCpu, 2)
                    << " s]; conversion alone + recalculation = "
                    << ratioText(median(off) + recalculation, write) << "× setDataArray.\n";
                if (!on.empty())
                {
                    // CPU times: the office's work inside the command, whatever the load.
                    const double extra = median(onCpu) - median(offCpu);
                    out << "- Recalculation inside the dispatch? With automatic calculation on "
                           "the command used "
                        << fixed(median(onCpu), 2) << " s of CPU, with it off "
                        << fixed(median(offCpu), 2) << " s (difference " << fixed(extra, 2)
                        << " s), while a full recalculation uses " << fixed(recalculationCpu, 2)
                        << " s: "
                        << (extra >= 0.7 * recalculationCpu
                                ? "restoring automatic calculation appears to recalculate the "
                                  "workbook inside the command."
                            : extra <= 0.2 * recalculationCpu
                                ? "no full recalculation happens inside the command; Calc "
                                  "computes the ledger's formulas later, when their values are "
                                  "needed (the first read, or a hard recalculation)."
                                : "unclear (part of a recalculation, or noise): see the runs "
                                  "above.")
                        << "\n";
                }
            }
        }
        if (!conversion.failure.empty())
            out << "\n**The conversion benchmark stopped: " << escapeCell(conversion.failure)
                << "**" << (conversion.timedOut ? " (limit: 10 minutes per call)" : "") << "\n";
    }

    out << "\n## Formulas (as Calc reads them back in the API grammar)\n\n"
        << "Inputs: B1 as-of date, C invoice date, D terms, E amount, F payment date (blank for "
           "~40 %), H customer, J due date (values). Per-row cases: row 2. Aggregates: every "
           "result cell; the native aged balances are five cells, the add-in's one array formula "
           "(in braces).\n\n"
        << "| Case | Side | Formula | Calculations (s) |\n| --- | --- | --- | --- |\n";
    for (const Result& result : results)
        for (const auto& [label, side] :
             {std::pair<const char*, const Side*>{"add-in", &result.addIn},
              {"native", &result.native}})
            for (std::size_t i = 0; i < side->formulas.size(); ++i)
                out << "| " << escapeCell(result.spec->name) << " | " << label
                    << (side->formulas.size() > 1 ? " (cell " + std::to_string(i + 1) + ")" : "")
                    << " | `" << escapeCell(side->formulas[i]) << "` | "
                    << (i == 0 ? runsText(*side) : "(together)") << " |\n";
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
        else if (argument == "--aggregate-repeat")
            options.aggregateRepeat = std::stoi(value());
        else if (argument == "--conversion-runs")
            options.conversionRuns = std::stoi(value());
        else if (argument == "--no-conversion")
            options.conversion = false;
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
                "usage: relance_bench [--rows N] [--repeat K] [--aggregate-repeat K] "
                "[--results FILE.md] "
                "[--only CASE-NAME-PART|conversion] [--write fill|array] "
                "[--conversion-runs PAIRS] [--no-conversion]");
    }
    if (options.rows < 1 || options.rows > 1000000 || options.repeat < 1 ||
        options.aggregateRepeat < 1 || options.conversionRuns < 1)
        throw std::runtime_error(
            "--rows must be 1..1000000, the repeats and --conversion-runs at least 1");
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

        Context context;
        context.load = loadAverage();
        std::cerr << "Starting LibreOffice with the extension...\n";
        const OfficeSession session(office);
        officeProcesses = descendants();
        context.version =
            configValue(session.context(), "/org.openoffice.Setup/Product", "ooName") + " " +
            configValue(session.context(), "/org.openoffice.Setup/Product",
                        "ooSetupVersionAboutBox");
        context.threaded =
            env("SC_NO_THREADED_CALCULATION").empty()
                ? configValue(session.context(), "/org.openoffice.Office.Calc/Formula/Calculation",
                              "UseThreadedCalculationForFormulaGroups")
                : "off (SC_NO_THREADED_CALCULATION)";

        const std::vector<Invoice> invoices = makeInvoices(options.rows);
        std::vector<Result> results;
        std::vector<const Case*> selected;
        for (const Case& spec : cases())
            if (options.only.empty() || spec.name.find(options.only) != std::string::npos)
                selected.push_back(&spec);
        if (!selected.empty())
        {
            const Workbook book(session.newSpreadsheet());
            const auto filled = steady_clock::now();
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
            std::vector<double> empty;
            for (int i = 0; i < options.repeat; ++i)
                empty.push_back(book.timeCalculateAll());
            context.emptyCalculation = median(empty);
            std::cerr << "calculateAll without formulas: " << context.emptyCalculation << " s\n";
            for (const Case* spec : selected)
                results.push_back(run(book, *spec, options));
        }

        ConversionResult conversion;
        if (options.conversion &&
            (options.only.empty() ||
             std::string("ledger conversion").find(lower(options.only)) != std::string::npos))
        {
            context.conversionLoad = loadAverage();
            conversion = benchmarkConversion(session, invoices, options);
        }

        const std::string markdown = report(results, conversion, options, context);
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
        return conversionFailed(conversion) ? 3 : 0;
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
