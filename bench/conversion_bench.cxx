// The ledger conversion benchmark's runs: the messy source, the timed dispatch, the check of the
// ledger it built, Calc's floor (the ledger's cells written again) and the recalculation, each
// call stopped by a watchdog after 10 minutes.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <map>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <signal.h>

#include "uno/ledger/ledger_layout.hxx"
#include "uno/functions/used_area.hxx"
#include "conversion_bench.hxx"

using namespace css;

namespace bench
{

// ----- The ledger conversion -----------------------------------------------------------------
//
// A messy French source sheet (title row, blank row, headers, then one row per invoice, with
// some dates and amounts typed as text) is written into a fresh document with ONE setDataArray
// (timed: the reference), then fr.relance:convertLedger is dispatched silently with a fixed
// AsOf (timed). Automatic calculation is switched off inside the converter and restored after;
// one run of each pair leaves it on in the document (the default: whatever restoring it costs is
// inside the dispatch), the other switches it off beforehand (the conversion alone), and then
// times the full recalculation of the ledger it built.

static const char* const kMonths[] = {"janvier",   "février", "mars",     "avril",
                                      "mai",       "juin",    "juillet",  "août",
                                      "septembre", "octobre", "novembre", "décembre"};
static const char* const kSourceHeaders[] = {"N° fact.",    "Client",   "Date",    "Conditions",
                                             "Montant TTC", "Réglé le", "Reste dû"};

static std::string dateText(int serial, bool words)
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
static std::string moneyText(double amount, bool noBreak)
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

uno::Reference<sheet::XSpreadsheets> sheetsOf(const uno::Reference<lang::XComponent>& document)
{
    return uno::Reference<sheet::XSpreadsheetDocument>(document, uno::UNO_QUERY_THROW)->getSheets();
}

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

std::pair<bool, std::string>
dispatchCommand(const OfficeSession& session, const Document& document, const char* command,
                const std::vector<std::pair<const char*, uno::Any>>& arguments)
{
    const uno::Reference<frame::XModel> model(document.get(), uno::UNO_QUERY_THROW);
    const uno::Reference<frame::XDispatchProvider> provider(
        model->getCurrentController()->getFrame(), uno::UNO_QUERY_THROW);
    uno::Sequence<beans::PropertyValue> properties(static_cast<sal_Int32>(arguments.size()) + 1);
    properties.getArray()[0] =
        beans::PropertyValue("Silent", 0, uno::Any(true), beans::PropertyState_DIRECT_VALUE);
    for (std::size_t i = 0; i < arguments.size(); ++i)
        properties.getArray()[i + 1] =
            beans::PropertyValue(OUString::createFromAscii(arguments[i].first), 0,
                                 arguments[i].second, beans::PropertyState_DIRECT_VALUE);
    const uno::Any result =
        frame::DispatchHelper::create(session.context())
            ->executeDispatch(provider, OUString::createFromAscii(command), "", 0, properties);
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

std::pair<bool, std::string> dispatchConversion(const OfficeSession& session,
                                                const Document& document)
{
    return dispatchCommand(session, document, "fr.relance:convertLedger",
                           {{"AsOf", uno::Any(OUString::createFromAscii(kAsOfText))},
                            {"SourceSheet", uno::Any(OUString("Factures"))}});
}

namespace
{

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

} // namespace

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

} // namespace bench
