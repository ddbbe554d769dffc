// The ledger conversion benchmark: an N-row messy source converted by fr.relance:convertLedger,
// timed against one setDataArray of it, then the converted workbook's recalculation.
#pragma once

#include <atomic>
#include <condition_variable>
#include <csignal>
#include <iostream>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <signal.h>

#include <com/sun/star/sheet/XSpreadsheets.hpp>

#include "bench_support.hxx"
#include "office_session.hxx"

namespace bench
{

constexpr sal_Int32 kSourceColumns = 7;
constexpr sal_Int32 kSourceHeaderRows = 3; // title, blank, headers

// The messy source sheet of N invoices (bench/conversion_bench.cxx), as one grid.
struct LedgerSource
{
    uno::Sequence<uno::Sequence<uno::Any>> grid;
    long invoices = 0;
    long textDates = 0, textAmounts = 0, textPayments = 0;
    long long amountCents = 0; // what the ledger's amount column must sum to
    long long dateSum = 0;     // and its invoice date column
};

LedgerSource makeLedgerSource(const std::vector<Invoice>& invoices);

constexpr double kConversionLimit = 600; // one conversion (or recalculation) is stopped then

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

uno::Reference<sheet::XSpreadsheets> sheetsOf(const uno::Reference<lang::XComponent>& document);
// A fresh document holding the source on a sheet named "Factures"; returns the setDataArray
// time.
double writeSource(const Document& document, const LedgerSource& source);
// A Relance command, silently, with these arguments: success and the command's report.
std::pair<bool, std::string>
dispatchCommand(const OfficeSession& session, const Document& document, const char* command,
                const std::vector<std::pair<const char*, uno::Any>>& arguments);
// fr.relance:convertLedger, silently, as of kAsOfText: success and the command's report.
std::pair<bool, std::string> dispatchConversion(const OfficeSession& session,
                                                const Document& document);

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
