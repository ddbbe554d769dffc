// The ledger at scale. For each size, one messy source is converted by Relance (timed against one
// setDataArray of it), the workbook recalculated (timed) and saved; then, in the same document,
// every column that Calc's own formulas can compute exactly is rewritten as an accountant fluent
// in spreadsheets would write it (helper columns, SUMIF, SUMIFS, SUMPRODUCT over a half-year rate
// table), recalculated (timed) and compared with Relance's values cell by cell, and saved too.
// Both files are then loaded and recalculated (timed), and the reminders' plan is timed against
// reading the sheets it reads once.
//
// What the native ledger keeps from Relance, because no native formula reads it exactly: the
// status (it parses the follow-up notes), the risk score and flags (per customer, as a user
// writes them), the countback DSO, and the penalty rate of each half-year (AR.PENALTYRATE, once
// per half-year in the rate table: the rates' source, not a per-row call).
#include "ledger_bench.hxx"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>
#include <iostream>
#include <sstream>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XNamedRanges.hpp>
#include <com/sun/star/table/CellAddress.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>

#include "conversion_bench.hxx"
#include "uno/functions/used_area.hxx"
#include "uno/ledger/ledger_layout.hxx"

using namespace css;

namespace bench
{
namespace
{

namespace fs = std::filesystem;
using relance::addin::LedgerSheet;

uno::Reference<sheet::XSpreadsheet> ledgerSheet(const Document& document, LedgerSheet which)
{
    return uno::Reference<sheet::XSpreadsheet>(
        sheetsOf(document.get())
            ->getByName(ustr(relance::addin::sheetName(which).in(relance::Language::English))),
        uno::UNO_QUERY_THROW);
}

double timed(const std::function<void()>& call)
{
    const auto start = steady_clock::now();
    call();
    return duration<double>(steady_clock::now() - start).count();
}

double timedRecalculation(const Document& document, const char* what)
{
    const Watchdog watchdog(kConversionLimit, what);
    return timed([&] { document.calculation()->calculateAll(); });
}

std::string replaced(std::string text, const std::string& from, const std::string& to)
{
    replaceAll(text, from, to);
    return text;
}

void fillDown(const uno::Reference<sheet::XSpreadsheet>& sheet, sal_Int32 column, sal_Int32 lastRow,
              const std::string& formula)
{
    Workbook::writeFilled(sheet->getCellRangeByPosition(column, 1, column, lastRow), formula,
                          lastRow);
}

// ----- The native ledger ---------------------------------------------------------------------

// A first due date a year before the oldest invoice is far enough back for the rate table.
constexpr int kFirstRateYear = 2012;

// The half-year rate table: start, end, statutory rate in ppm (ECB + 10 points).
void writeRateTable(const Document& document, int lastYear)
{
    const auto sheets = sheetsOf(document.get());
    sheets->insertNewByName("NativeRates", sheets->getElementNames().getLength());
    const uno::Reference<sheet::XSpreadsheet> rates(sheets->getByName("NativeRates"),
                                                    uno::UNO_QUERY_THROW);
    sal_Int32 row = 0;
    for (int year = kFirstRateYear; year <= lastYear; ++year)
        for (int half = 0; half < 2; ++half, ++row)
        {
            const std::string r = std::to_string(row + 1);
            rates->getCellByPosition(0, row)->setFormula(
                ustr("=DATE(" + std::to_string(year) + ";" + (half ? "7" : "1") + ";1)"));
            rates->getCellByPosition(1, row)->setFormula(
                ustr(half ? "=DATE(" + std::to_string(year + 1) + ";1;1)-1"
                          : "=DATE(" + std::to_string(year) + ";7;1)-1"));
            rates->getCellByPosition(2, row)->setFormula(
                ustr("=ROUND(FR.RELANCE.FUNCTIONS.PENALTYRATE(A" + r + ";TauxBCE)*1000000;0)"));
        }
    const std::string last = std::to_string(row);
    const std::pair<const char*, const char*> names[] = {{"NR_Debut", "$NativeRates.$A$1:$A$"},
                                                         {"NR_Fin", "$NativeRates.$B$1:$B$"},
                                                         {"NR_Taux", "$NativeRates.$C$1:$C$"}};
    const uno::Reference<sheet::XNamedRanges> named(
        uno::Reference<beans::XPropertySet>(document.get(), uno::UNO_QUERY_THROW)
            ->getPropertyValue("NamedRanges"),
        uno::UNO_QUERY_THROW);
    for (const auto& [name, range] : names)
        named->addNewByName(OUString::createFromAscii(name), ustr(range + last),
                            table::CellAddress(0, 0, 0), 0);
}

// Every column Calc computes exactly, rewritten with native formulas; the rest kept.
void writeNativeLedger(const Document& document)
{
    using namespace relance::addin;
    const auto ledger = ledgerSheet(document, LedgerSheet::Invoices);
    const sal_Int32 lastRow = lastUsedRow(ledger);
    const std::string end = std::to_string(lastRow + 1);
    auto column = [](const char* key)
    { return static_cast<sal_Int32>(columnIndex(invoiceColumns(), key)); };
    const std::string sheetPrefix =
        "$'" + std::string(sheetName(LedgerSheet::Invoices).in(relance::Language::English)) + "'.";
    auto whole = [&](const char* letter)
    { return sheetPrefix + "$" + letter + "$2:$" + letter + "$" + end; };

    // Helper columns after the ledger's own (AB..AG; its AA, the delivery date, is empty in
    // this source), as an accountant adds them.
    //  AB open at the as-of date (by due date, as AR.OVERDUE reads it), AC overdue part of it,
    //  AD amount × days late and AE its weight (AR.AVGDAYSLATE), AF open at the as-of date
    //  counting the invoice date (AR.AGEDBALANCE), AG days past due (due date, else invoice date).
    const std::string openBy = "IF(H2=\"\";F2-N(G2);IF(H2>DateSituation;F2;IF(G2=\"\";0;F2-G2)))";
    const std::string daysLate = "MAX(0;IF(AND(H2<>\"\";H2<=DateSituation);H2;DateSituation)-E2)";
    const std::pair<sal_Int32, std::string> helpers[] = {
        {27, "=IF(AND(E2=\"\";H2=\"\");0;" + openBy + ")"},
        {28, "=IF(AND(E2<>\"\";DateSituation-E2>0);AB2;0)"},
        {29, "=IF(AND(E2<>\"\";F2>0);F2*" + daysLate + ";0)"},
        {30, "=IF(AND(E2<>\"\";F2>0);F2;0)"},
        {31,
         "=IF(AND(C2=\"\";E2=\"\";H2=\"\");0;IF(AND(C2<>\"\";C2>DateSituation);0;" + openBy + "))"},
        {32, "=IF(AND(E2=\"\";C2=\"\");\"\";DateSituation-IF(E2<>\"\";E2;C2))"}};
    for (const auto& [at, formula] : helpers)
        fillDown(ledger, at, lastRow, formula);

    // The end of lateness of each row as the ledger reads it: its payment when fully paid.
    const std::string stop = "IF(AND(I2<=0;H2<>\"\";H2<=DateSituation);H2;DateSituation)";
    const std::string overlap =
        "(IF(" + stop + "<NR_Fin;" + stop + ";NR_Fin)-IF(E2+1>NR_Debut;E2+1;" + "NR_Debut)+1)";
    const std::string base = "IF(I2>0;I2;F2)";
    const std::pair<const char*, std::string> columns[] = {
        {"days_late", "=IF(OR(E2=\"\";F2=\"\");\"\";MAX(0;" + stop + "-E2))"},
        {"bucket", "=IF(OR(E2=\"\";F2=\"\");\"\";IF(I2<=0;\"Paid\";IF(DateSituation-E2<=0;\"Not "
                   "due\";IF(DateSituation-E2<=30;\"1-30 days\";IF(DateSituation-E2<=60;\"31-60 "
                   "days\";IF(DateSituation-E2<=90;\"61-90 days\";\"> 90 days\"))))))"},
        // Simple interest on the cents, each half-year's days at its rate, rounded once.
        {"penalty", "=IF(N(J2)<=0;0;IF(" + base + "<=0;0;IF(N(TauxContractuel)>0;ROUND(ROUND(" +
                        base + "*100;0)*ROUND(TauxContractuel*1000000;0)*(" + stop +
                        "-E2)/365000000;0)/100;ROUND(ROUND(" + base + "*100;0)*SUMPRODUCT((" +
                        overlap + ">0)*" + overlap + "*NR_Taux)/365000000;0)/100)))"},
        {"indemnity", "=IF(N(J2)<=0;0;40)"}};
    for (const auto& [key, formula] : columns)
        fillDown(ledger, column(key), lastRow, formula);

    // Customers: overdue and weighted days late from the helpers; the risk kept per customer.
    const auto customers = ledgerSheet(document, LedgerSheet::Customers);
    const sal_Int32 lastCustomer = lastUsedRow(customers);
    const auto figures = static_cast<sal_Int32>(columnIndex(customerColumns(), "overdue"));
    Workbook::clear(customers->getCellRangeByPosition(figures, 1, figures + 3, lastCustomer));
    const std::string risk = "(Registre_Client;A2;Registre_Echeance;Registre_Montant;"
                             "Registre_DateReglement;Registre_Regle;Registre_Suivi;DateSituation;"
                             "H2;G2;;Registre_DateFacture)";
    const std::string perCustomer[] = {"=SUMIF(Registre_Client;A2;" + whole("AC") + ")",
                                       "=IFERROR(SUMIF(Registre_Client;A2;" + whole("AD") +
                                           ")/SUMIF(Registre_Client;A2;" + whole("AE") + ");\"\")",
                                       "=FR.RELANCE.FUNCTIONS.RISKSCORE" + risk,
                                       "=FR.RELANCE.FUNCTIONS.RISKFLAGS" + risk};
    for (sal_Int32 k = 0; k < 4; ++k)
        fillDown(customers, figures + k, lastCustomer, perCustomer[k]);

    // Dashboard: the overdue total, the weighted days late and the aged balance from the
    // helpers (SUMIFS per bucket of the default bounds 30, 60, 90).
    const auto dashboard = ledgerSheet(document, LedgerSheet::Dashboard);
    const sal_Int32 lastDashboard = lastUsedRow(dashboard);
    const auto formulas =
        uno::Reference<sheet::XCellRangeFormula>(
            dashboard->getCellRangeByPosition(0, 0, 12, lastDashboard), uno::UNO_QUERY_THROW)
            ->getFormulaArray();
    std::vector<std::pair<sal_Int32, sal_Int32>> buckets;
    for (sal_Int32 r = 0; r < formulas.getLength(); ++r)
        for (sal_Int32 c = 0; c < formulas[r].getLength(); ++c)
        {
            const std::string formula = utf8(formulas[r][c]);
            const auto cell = dashboard->getCellByPosition(c, r);
            if (formula.find("FUNCTIONS.OVERDUE(") != std::string::npos)
                cell->setFormula(ustr("=SUM(" + whole("AC") + ")"));
            else if (formula.find("FUNCTIONS.AVERAGEDAYSLATE(") != std::string::npos)
                cell->setFormula(
                    ustr("=IFERROR(SUM(" + whole("AD") + ")/SUM(" + whole("AE") + ");\"\")"));
            else if (formula.find("FUNCTIONS.AGEDBALANCE(") != std::string::npos)
                buckets.emplace_back(c, r);
        }
    if (buckets.size() != 5)
        throw std::runtime_error("the dashboard's aged balance has " +
                                 std::to_string(buckets.size()) + " cells, 5 expected");
    Workbook::clear(dashboard->getCellRangeByPosition(buckets.front().first, buckets.front().second,
                                                      buckets.back().first, buckets.back().second));
    const std::string open = whole("AF"), days = whole("AG");
    const std::string bucketFormulas[] = {
        "=SUMIFS(" + open + ";" + days + ";\"<=0\")",
        "=SUMIFS(" + open + ";" + days + ";\">0\";" + days + ";\"<=30\")",
        "=SUMIFS(" + open + ";" + days + ";\">30\";" + days + ";\"<=60\")",
        "=SUMIFS(" + open + ";" + days + ";\">60\";" + days + ";\"<=90\")",
        "=SUMIFS(" + open + ";" + days + ";\">90\")"};
    for (std::size_t k = 0; k < buckets.size(); ++k)
        dashboard->getCellByPosition(buckets[k].first, buckets[k].second)
            ->setFormula(ustr(bucketFormulas[k]));
}

// ----- Comparing the two ledgers -------------------------------------------------------------

struct Snapshot
{
    std::string sheet;
    uno::Sequence<uno::Sequence<uno::Any>> values;
    std::vector<bool> errors;
};

std::vector<Snapshot> snapshot(const Document& document)
{
    std::vector<Snapshot> shots;
    const std::pair<LedgerSheet, sal_Int32> sheets[] = {
        {LedgerSheet::Invoices, 25}, {LedgerSheet::Customers, 13}, {LedgerSheet::Dashboard, 12}};
    for (const auto& [which, lastColumn] : sheets)
    {
        const auto sheet = ledgerSheet(document, which);
        const auto range =
            sheet->getCellRangeByPosition(0, 0, lastColumn, relance::addin::lastUsedRow(sheet));
        shots.push_back(
            {relance::addin::sheetName(which).in(relance::Language::English),
             uno::Reference<sheet::XCellRangeData>(range, uno::UNO_QUERY_THROW)->getDataArray(),
             Workbook::errors(range)});
    }
    return shots;
}

void compare(const std::vector<Snapshot>& relance, const std::vector<Snapshot>& native,
             LedgerScalePoint& point)
{
    for (std::size_t s = 0; s < relance.size(); ++s)
    {
        const auto& a = relance[s].values;
        const auto& b = native[s].values;
        if (a.getLength() != b.getLength())
        {
            ++point.mismatches;
            point.examples.push_back(relance[s].sheet + ": " + std::to_string(a.getLength()) +
                                     " rows against " + std::to_string(b.getLength()));
            continue;
        }
        for (sal_Int32 r = 0; r < a.getLength(); ++r)
            for (sal_Int32 c = 0; c < a[r].getLength(); ++c)
            {
                ++point.compared;
                const std::size_t at = static_cast<std::size_t>(r * a[r].getLength() + c);
                double x = 0, y = 0;
                OUString p, q;
                bool same = relance[s].errors[at] == native[s].errors[at] && !relance[s].errors[at];
                if (same && (a[r][c] >>= x) && (b[r][c] >>= y))
                    same = std::fabs(x - y) <= 1e-9 * std::max(1.0, std::fabs(x));
                else if (same)
                    same = (a[r][c] >>= p) == (b[r][c] >>= q) && p == q;
                if (same)
                    continue;
                ++point.mismatches;
                if (point.examples.size() < 30)
                    point.examples.push_back(
                        relance[s].sheet + " " +
                        relance::addin::columnLetter(static_cast<std::size_t>(c)) +
                        std::to_string(r + 1) + ": " + utf8(p) + fixed(x, 4) + " against " +
                        utf8(q) + fixed(y, 4));
            }
    }
}

// ----- The saved files and the reminders' plan ----------------------------------------------

void store(const Document& document, const fs::path& file)
{
    uno::Reference<frame::XStorable>(document.get(), uno::UNO_QUERY_THROW)
        ->storeToURL(
            ustr("file://" + file.string()),
            sequenceOf<beans::PropertyValue>({beans::PropertyValue(
                "FilterName", 0, uno::Any(OUString("calc8")), beans::PropertyState_DIRECT_VALUE)}));
}

std::pair<double, double> loadAndRecalculate(const OfficeSession& session, const fs::path& file)
{
    uno::Reference<lang::XComponent> loaded;
    const double load = timed(
        [&]
        {
            loaded = session.desktop()->loadComponentFromURL(
                ustr("file://" + file.string()), "_blank", 0,
                sequenceOf<beans::PropertyValue>({beans::PropertyValue(
                    "Hidden", 0, uno::Any(true), beans::PropertyState_DIRECT_VALUE)}));
        });
    const Document document(loaded);
    return {load, timedRecalculation(document, "recalculation after loading")};
}

std::pair<double, std::string> timedPlan(const OfficeSession& session, const Document& document)
{
    std::pair<bool, std::string> outcome;
    const double seconds = timed(
        [&]
        {
            outcome = dispatchCommand(session, document, "fr.relance:generateReminders",
                                      {{"PlanOnly", uno::Any(true)},
                                       {"AsOf", uno::Any(OUString::createFromAscii(kAsOfText))}});
        });
    if (!outcome.first)
        throw std::runtime_error("the reminders' plan failed: " + outcome.second);
    return {seconds, outcome.second};
}

// What any reader of the ledger pays at least: the sheets the plan reads (ledger, customers,
// log, settings), each read once with one getDataArray.
double readPlanSheets(const Document& document)
{
    return timed(
        [&]
        {
            for (const LedgerSheet which : {LedgerSheet::Invoices, LedgerSheet::Customers,
                                            LedgerSheet::Reminders, LedgerSheet::Settings})
            {
                const auto sheet = ledgerSheet(document, which);
                uno::Reference<sheet::XCellRangeData>(
                    sheet->getCellRangeByPosition(
                        0, 0, 25, std::max<sal_Int32>(1, relance::addin::lastUsedRow(sheet))),
                    uno::UNO_QUERY_THROW)
                    ->getDataArray();
            }
        });
}

LedgerScalePoint measure(const OfficeSession& session, long size, const Options& options,
                         const fs::path& folder)
{
    LedgerScalePoint point;
    point.invoices = size;
    std::cerr << "Ledger at " << size << " invoices\n";
    const LedgerSource source = makeLedgerSource(makeInvoices(size));
    const fs::path relanceFile = folder / ("relance-" + std::to_string(size) + ".ods");
    const fs::path nativeFile = folder / ("native-" + std::to_string(size) + ".ods");
    const int repeat = size >= 500000 ? 1 : options.repeat;
    {
        const Document document(session.newSpreadsheet());
        point.write = writeSource(document, source);
        document.calculation()->enableAutomaticCalculation(false);
        bool success = false;
        std::string message;
        {
            const Watchdog watchdog(kConversionLimit, "conversion");
            point.conversion =
                timed([&] { std::tie(success, message) = dispatchConversion(session, document); });
        }
        if (!success)
            throw std::runtime_error("conversion failed: " + message);
        std::cerr << "  conversion " << point.conversion << " s\n";
        for (int i = 0; i < repeat; ++i)
            point.relanceRecalc.push_back(timedRecalculation(document, "recalculation"));
        std::cerr << "  Relance recalculation " << median(point.relanceRecalc) << " s\n";
        std::tie(point.plan, point.planMessage) = timedPlan(session, document);
        point.planFloor = readPlanSheets(document);
        std::cerr << "  plan " << point.plan << " s, reading its sheets " << point.planFloor
                  << " s\n";
        const std::vector<Snapshot> relance = snapshot(document);
        store(document, relanceFile);

        writeRateTable(document, 2025);
        writeNativeLedger(document);
        for (int i = 0; i < repeat; ++i)
            point.nativeRecalc.push_back(timedRecalculation(document, "native recalculation"));
        std::cerr << "  native recalculation " << median(point.nativeRecalc) << " s\n";
        compare(relance, snapshot(document), point);

        std::cerr << "  " << point.mismatches << " mismatches in " << point.compared << " cells\n";
        store(document, nativeFile);

        // The stricter comparison: the native ledger without the risk columns it keeps from
        // Relance (one AR.RISKSCORE and one AR.RISKFLAGS per customer), Relance's with them.
        const auto customers = ledgerSheet(document, LedgerSheet::Customers);
        const auto risk = static_cast<sal_Int32>(
            relance::addin::columnIndex(relance::addin::customerColumns(), "risk_score"));
        Workbook::clear(customers->getCellRangeByPosition(risk, 1, risk + 1,
                                                          relance::addin::lastUsedRow(customers)));
        for (int i = 0; i < repeat; ++i)
            point.nativeWithoutRisk.push_back(
                timedRecalculation(document, "native recalculation without risk"));
        std::cerr << "  native recalculation without the risk columns "
                  << median(point.nativeWithoutRisk) << " s\n";
    }
    std::tie(point.relanceLoad, point.relanceLoadRecalc) = loadAndRecalculate(session, relanceFile);
    std::tie(point.nativeLoad, point.nativeLoadRecalc) = loadAndRecalculate(session, nativeFile);
    std::cerr << "  load + recalculation: Relance " << point.relanceLoad << " + "
              << point.relanceLoadRecalc << " s, native " << point.nativeLoad << " + "
              << point.nativeLoadRecalc << " s\n";
    fs::remove(relanceFile);
    fs::remove(nativeFile);
    return point;
}

std::string ratio(double a, double b)
{
    return b > 0 ? fixed(a / b, 2) : "–";
}

} // namespace

LedgerScaleResult benchmarkLedgerScale(const OfficeSession& session, const std::vector<long>& sizes,
                                       const Options& options)
{
    LedgerScaleResult result;
    result.ran = true;
    const fs::path folder = fs::temp_directory_path() / "relance-ledger-bench";
    fs::create_directories(folder);
    for (const long size : sizes)
    {
        try
        {
            result.points.push_back(measure(session, size, options, folder));
        }
        catch (const uno::Exception& error)
        {
            result.points.push_back({});
            result.points.back().invoices = size;
            result.points.back().failure = "UNO exception: " + utf8(error.Message);
        }
        catch (const std::exception& error)
        {
            result.points.push_back({});
            result.points.back().invoices = size;
            result.points.back().failure = error.what();
        }
        if (!result.points.back().failure.empty())
        {
            std::cerr << "  stopped: " << result.points.back().failure << "\n";
            break;
        }
    }
    return result;
}

bool ledgerScaleFailed(const LedgerScaleResult& result)
{
    for (const LedgerScalePoint& point : result.points)
        if (!point.failure.empty() || point.mismatches > 0 || point.compared == 0)
            return true;
    return false;
}

std::string ledgerScaleReport(const LedgerScaleResult& result)
{
    std::ostringstream out;
    out << "\n## The ledger at scale: Relance's ledger against the same ledger in native "
           "formulas\n\n"
        << "Product rule: the ledger Relance builds recalculates within 1.2× the same ledger "
           "written with Calc's own formulas, at 100 000 invoices.\n\n"
        << "- For each size, the messy source is converted (automatic calculation off; the time "
           "against one setDataArray of the source), the workbook recalculated with "
           "`calculateAll()` (median of the runs shown), the reminders' plan timed "
           "(`generateReminders` with `PlanOnly`: the ledger read, every customer's letter "
           "planned, nothing written) against reading the four sheets it reads once with one "
           "`getDataArray` each over the bridge, and the workbook saved as `.ods`.\n"
        << "- Then, in the same document, the **native ledger**: every column Calc computes "
           "exactly is rewritten as a spreadsheet-fluent accountant would, with six helper "
           "columns (open amount at the as-of date, its overdue part, amount × days late and "
           "its weight, the open amount counting the invoice date, days past due), `MAX`/`IF` "
           "for days late and the bucket, the penalty as simple interest over a half-year rate "
           "table with `SUMPRODUCT` (rounded once, on the cents), `IF` for the 40 € indemnity, "
           "`SUMIF` per customer, `SUM` and `SUMIFS` per bucket on the dashboard. It keeps "
           "Relance's functions where no native formula reads the data exactly: the status "
           "(`AR.STATUS`, which parses the follow-up notes), the risk score and flags "
           "(`AR.RISKSCORE`/`AR.RISKFLAGS` per customer, as a user writes them), the countback "
           "DSO, and the rate of each half-year in the rate table (`AR.PENALTYRATE`, once per "
           "half-year). It is recalculated the same way and compared with Relance's ledger cell "
           "by cell (Ledger A:Z, Customers A:N, Dashboard A:M, every row; numbers within 1e-9 "
           "relative, text equal, errors counted as mismatches).\n"
        << "- The stricter comparison: the native ledger recalculated again without the two "
           "risk columns it keeps from Relance (one `AR.RISKSCORE` and one `AR.RISKFLAGS` per "
           "customer), against Relance's ledger with them.\n"
        << "- Both saved files are then loaded (hidden) and recalculated.\n\n"
        << "| Invoices | setDataArray (s) | Conversion (s) | Conv. / setDataArray | Relance recalc "
           "(s) | Native recalc (s) | **Recalc Relance / native** | Native without its risk "
           "columns "
           "(s) | Relance / that | Load + recalc Relance (s) | "
           "Load + recalc native (s) | Load + recalc ratio | Plan (s) | Reading its sheets (s) | "
           "Plan / reading | Mismatches |\n"
        << "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | "
           "---: | ---: | ---: | ---: |\n";
    for (const LedgerScalePoint& p : result.points)
    {
        if (!p.failure.empty())
        {
            out << "| " << p.invoices << " | FAILED: " << p.failure
                << " | | | | | | | | | | | | | | |\n";
            continue;
        }
        const double relance = median(p.relanceRecalc), native = median(p.nativeRecalc);
        const double relanceLoad = p.relanceLoad + p.relanceLoadRecalc;
        const double nativeLoad = p.nativeLoad + p.nativeLoadRecalc;
        out << "| " << p.invoices << " | " << fixed(p.write, 2) << " | " << fixed(p.conversion, 2)
            << " | " << ratio(p.conversion, p.write) << " | " << fixed(relance, 2) << " | "
            << fixed(native, 2) << " | **" << ratio(relance, native) << "** | "
            << fixed(median(p.nativeWithoutRisk), 2) << " | "
            << ratio(relance, median(p.nativeWithoutRisk)) << " | " << fixed(p.relanceLoad, 2)
            << " + " << fixed(p.relanceLoadRecalc, 2) << " | " << fixed(p.nativeLoad, 2) << " + "
            << fixed(p.nativeLoadRecalc, 2) << " | " << ratio(relanceLoad, nativeLoad) << " | "
            << fixed(p.plan, 3) << " | " << fixed(p.planFloor, 3) << " | "
            << ratio(p.plan, p.planFloor) << " | " << p.mismatches << " / " << p.compared << " |\n";
    }
    for (const LedgerScalePoint& p : result.points)
    {
        if (!p.examples.empty())
        {
            out << "\nMismatches at " << p.invoices << " invoices:";
            for (const std::string& example : p.examples)
                out << " " << example << ";";
            out << "\n";
        }
        if (!p.planMessage.empty() && &p == &result.points.back())
            out << "\nThe plan at " << p.invoices
                << " invoices: " << replaced(p.planMessage, "\n", "; ") << "\n";
    }
    return out.str();
}

} // namespace bench
