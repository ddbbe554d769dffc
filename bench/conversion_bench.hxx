// The ledger conversion benchmark: an N-row messy source converted by fr.relance:convertLedger,
// timed against one setDataArray of it, then the converted workbook's recalculation.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bench_support.hxx"
#include "office_session.hxx"

namespace bench
{

constexpr sal_Int32 kSourceColumns = 7;
constexpr sal_Int32 kSourceHeaderRows = 3; // title, blank, headers

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

ConversionResult benchmarkConversion(const OfficeSession& session,
                                     const std::vector<Invoice>& invoices, const Options& options);
bool conversionFailed(const ConversionResult& conversion);

} // namespace bench
