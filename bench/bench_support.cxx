// The shared helpers' definitions: strings, the deterministic invoices, the sheet's cells, and
// the office's processes and CPU time.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <time.h>
#include <unistd.h>

#include "bench_support.hxx"

using namespace css;

namespace bench
{

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

namespace
{

constexpr sys_days kNullDate = sys_days{year{1899} / December / 30}; // Calc's default

int serialOf(year_month_day date)
{
    return static_cast<int>((sys_days{date} - kNullDate).count());
}

} // namespace

year_month_day civil(int serial)
{
    return year_month_day{kNullDate + days{serial}};
}

namespace
{

int endOfMonth(int serial)
{
    const year_month_day date = civil(serial);
    return serialOf(year_month_day{date.year() / date.month() / last});
}

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

} // namespace

const int kAsOf = serialOf(year{2024} / December / 31);

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

std::vector<pid_t> officeProcesses;

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

} // namespace bench
