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
// Adding a case: one row in cases() (functions_bench.cxx).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>

#include "office_session.hxx"
#include "bench_support.hxx"
#include "conversion_bench.hxx"
#include "functions_bench.hxx"
#include "ledger_bench.hxx"

using namespace css;
using namespace bench;

namespace
{

std::string env(const char* name)
{
    const char* value = std::getenv(name);
    return value ? value : "";
}

std::string lower(std::string text)
{
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
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
        else if (argument == "--scale")
        {
            // "1000,10000" or "none"
            options.scale.clear();
            std::istringstream sizes(value());
            for (std::string size; std::getline(sizes, size, ',');)
                if (size != "none")
                    options.scale.push_back(std::stol(size));
        }
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
                "[--conversion-runs PAIRS] [--no-conversion] [--scale N,N,...|none]");
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

        LedgerScaleResult scale;
        if (!options.scale.empty() &&
            (options.only.empty() ||
             std::string("ledger scale").find(lower(options.only)) != std::string::npos))
            scale = benchmarkLedgerScale(session, options.scale, options);

        std::string markdown = report(results, conversion, options, context);
        if (scale.ran)
            markdown += ledgerScaleReport(scale);
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
        if (conversionFailed(conversion))
            return 3;
        return ledgerScaleFailed(scale) ? 4 : 0;
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
