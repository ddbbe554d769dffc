// The add-in function cases and their measurement: each side's formulas written, calculateAll()
// timed, the cells read back and compared, every cell, with the other side's.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <com/sun/star/sheet/XArrayFormulaRange.hpp>
#include <com/sun/star/table/XCellRange.hpp>

#include "uno/functions/function_table.hxx"
#include "functions_bench.hxx"

using namespace css;

namespace bench
{
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

} // namespace

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

namespace
{

constexpr double kSlowSeconds = 180; // one calculation longer than this is not repeated

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

// ----- Measuring -----------------------------------------------------------------------------

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

} // namespace

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

namespace
{

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

} // namespace

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

} // namespace bench
