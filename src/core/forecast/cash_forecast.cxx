#include "core/forecast/cash_forecast.hxx"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <stdexcept>

#include <unicode/datefmt.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/unistr.h>

namespace relance
{

namespace
{

// Fully paid on or before the date, with a due date to measure the delay from.
std::optional<int> daysPastDueWhenSettled(const InvoiceLine& line, DayNumber asOf)
{
    if (line.amount <= 0 || !line.dueDate || !line.paymentDate || *line.paymentDate > asOf)
        return std::nullopt;
    if (line.invoiceDate && *line.invoiceDate > asOf)
        return std::nullopt;
    if (outstandingAsOf(line, asOf) != 0)
        return std::nullopt;
    return *line.paymentDate - *line.dueDate;
}

// The amount-weighted delays of settled invoices: their mean, and how the amount spreads over
// the distinct delays (shares summing to 1).
struct Weighted
{
    double amountDays = 0;
    double amount = 0;
    int count = 0;
    std::map<int, double> amountByDays;

    void add(Cents amount_, int days)
    {
        amountDays += static_cast<double>(amount_) * days;
        amount += static_cast<double>(amount_);
        amountByDays[days] += static_cast<double>(amount_);
        ++count;
    }
    double average() const { return amount > 0 ? amountDays / amount : 0; }
    std::vector<std::pair<int, double>> shares() const
    {
        std::vector<std::pair<int, double>> out;
        for (const auto& [days, part] : amountByDays)
            out.emplace_back(days, part / amount);
        return out;
    }
};

bool isApart(const FollowUpFlags& flags)
{
    return flags.disputed || flags.litigation || flags.writtenOff;
}

std::size_t periodOf(DayNumber expected, const std::vector<ForecastBucket>& buckets)
{
    const std::size_t later = buckets.size() - 2;
    for (std::size_t b = 1; b < later; ++b)
        if (expected <= *buckets[b].to)
            return b;
    return later;
}

// Where the open amount of an invoice goes, bucket by bucket (indices into forecastCashIn's
// list), in cents that add up to it exactly.
std::vector<std::pair<std::size_t, Cents>> spread(const ForecastInvoice& invoice, Cents open,
                                                  const PaymentHabit& habit, DayNumber asOf,
                                                  const std::vector<ForecastBucket>& buckets)
{
    const std::size_t later = buckets.size() - 2;
    if (isApart(invoice.flags))
        return {{buckets.size() - 1, open}};
    if (invoice.flags.promised && invoice.flags.promiseDate && *invoice.flags.promiseDate >= asOf)
        return {{periodOf(*invoice.flags.promiseDate, buckets), open}};
    const auto due = invoice.line.dueDate ? invoice.line.dueDate : invoice.line.invoiceDate;
    if (!due)
        return {{later, open}}; // no date to expect anything from
    if (*due < asOf)
        return {{0, open}};
    if (habit.delays.empty() || open < 0) // no history; a credit note is set off, not paid
        return {{periodOf(std::max(asOf, *due), buckets), open}};
    // Each past delay of the customer, with its share of the amounts, gives a part of the money
    // a date: the expected cash per period, rather than all of it in one period.
    std::map<std::size_t, double> parts;
    for (const auto& [days, share] : habit.delays)
        parts[periodOf(std::max(asOf, *due + days), buckets)] += share;
    std::vector<std::pair<std::size_t, Cents>> out;
    std::vector<std::pair<double, std::size_t>> remainders;
    Cents given = 0;
    for (const auto& [bucket, share] : parts)
    {
        const double exact = share * static_cast<double>(open);
        const auto whole = static_cast<Cents>(std::floor(exact));
        out.emplace_back(bucket, whole);
        remainders.emplace_back(exact - static_cast<double>(whole), out.size() - 1);
        given += whole;
    }
    std::sort(remainders.begin(), remainders.end(), std::greater<>());
    for (std::size_t k = 0; given < open; ++k, ++given)
        ++out[remainders[k % remainders.size()].second].second;
    return out;
}

std::vector<ForecastBucket> emptyBuckets(DayNumber asOf, ForecastPeriod period, int periods)
{
    if (periods < 1 || periods > 60)
        throw std::invalid_argument("forecastCashIn: 1 to 60 periods");
    std::vector<ForecastBucket> buckets;
    buckets.push_back({ForecastBucketKind::Overdue, std::nullopt, asOf - 1, 0, 0});
    DayNumber from = asOf;
    for (int k = 0; k < periods; ++k)
    {
        const DayNumber to = period == ForecastPeriod::Week ? from + 6 : endOfMonth(from);
        buckets.push_back({ForecastBucketKind::Period, from, to, 0, 0});
        from = to + 1;
    }
    buckets.push_back({ForecastBucketKind::Later, from, std::nullopt, 0, 0});
    buckets.push_back({ForecastBucketKind::Apart, std::nullopt, std::nullopt, 0, 0});
    return buckets;
}

std::string monthAndYear(DayNumber day, Language language)
{
    const CivilDate date = toCivil(day);
    const icu::Locale locale =
        language == Language::French ? icu::Locale::getFrance() : icu::Locale::getUS();
    UErrorCode status = U_ZERO_ERROR;
    icu::SimpleDateFormat format(icu::UnicodeString("LLLL y"), locale, status);
    format.adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
    icu::UnicodeString text;
    if (U_SUCCESS(status))
        format.format(static_cast<UDate>(day) * 86400000.0, text);
    std::string out;
    if (U_FAILURE(status) || text.isEmpty())
        return std::to_string(date.month) + "/" + std::to_string(date.year);
    text.toUTF8String(out);
    return out;
}

} // namespace

std::vector<PaymentHabit> paymentHabits(std::span<const ForecastInvoice> invoices,
                                        std::size_t customerCount, DayNumber asOf)
{
    std::vector<Weighted> own(customerCount);
    Weighted portfolio;
    for (const ForecastInvoice& invoice : invoices)
        if (const auto days = daysPastDueWhenSettled(invoice.line, asOf))
        {
            portfolio.add(invoice.line.amount, *days);
            if (invoice.customer < customerCount)
                own[invoice.customer].add(invoice.line.amount, *days);
        }
    std::vector<PaymentHabit> habits(customerCount);
    for (std::size_t c = 0; c < customerCount; ++c)
    {
        habits[c].settledInvoices = own[c].count;
        habits[c].ownHistory = own[c].count >= kMinimumPaymentHistory;
        const Weighted& source = habits[c].ownHistory ? own[c] : portfolio;
        habits[c].daysPastDue = source.average();
        habits[c].delays = source.shares();
    }
    return habits;
}

PaymentHabit portfolioHabit(std::span<const ForecastInvoice> invoices, DayNumber asOf)
{
    Weighted portfolio;
    for (const ForecastInvoice& invoice : invoices)
        if (const auto days = daysPastDueWhenSettled(invoice.line, asOf))
            portfolio.add(invoice.line.amount, *days);
    return {portfolio.average(), portfolio.count, false, portfolio.shares()};
}

std::vector<ForecastBucket> forecastCashIn(std::span<const ForecastInvoice> invoices,
                                           std::size_t customerCount, DayNumber asOf,
                                           ForecastPeriod period, int periods)
{
    std::vector<ForecastBucket> buckets = emptyBuckets(asOf, period, periods);
    const std::vector<PaymentHabit> habits = paymentHabits(invoices, customerCount, asOf);
    const PaymentHabit pooled = portfolioHabit(invoices, asOf);
    for (const ForecastInvoice& invoice : invoices)
    {
        const Cents open = outstandingAsOf(invoice.line, asOf);
        if (open == 0)
            continue;
        const PaymentHabit& habit =
            invoice.customer < customerCount ? habits[invoice.customer] : pooled;
        for (const auto& [b, cents] : spread(invoice, open, habit, asOf, buckets))
            if (cents != 0 || buckets[b].kind != ForecastBucketKind::Period)
            {
                buckets[b].amount += cents;
                ++buckets[b].invoices;
            }
    }
    return buckets;
}

std::string bucketLabel(const ForecastBucket& bucket, int index, ForecastPeriod period,
                        Language language)
{
    const bool fr = language == Language::French;
    switch (bucket.kind)
    {
    case ForecastBucketKind::Overdue:
        return fr ? "Échu" : "Overdue";
    case ForecastBucketKind::Period:
        if (period == ForecastPeriod::Week)
            return (fr ? "Semaine " : "Week ") + std::to_string(index);
        return monthAndYear(*bucket.from, language);
    case ForecastBucketKind::Later:
        return fr ? "Au-delà" : "Later";
    case ForecastBucketKind::Apart:
        return fr ? "À part (litige, contentieux, perte)"
                  : "Apart (dispute, litigation, written off)";
    }
    return {};
}

Backtest backtestForecast(std::span<const ForecastInvoice> invoices, std::size_t customerCount,
                          DayNumber pastDate, ForecastPeriod period, int periods)
{
    const std::vector<ForecastBucket> buckets = emptyBuckets(pastDate, period, periods);
    const std::vector<PaymentHabit> habits = paymentHabits(invoices, customerCount, pastDate);
    const PaymentHabit pooled = portfolioHabit(invoices, pastDate);
    const std::size_t later = buckets.size() - 2;
    const DayNumber horizonEnd = *buckets[later - 1].to;
    Backtest result;
    result.periods.resize(static_cast<std::size_t>(periods));
    for (const ForecastInvoice& invoice : invoices)
    {
        const Cents open = outstandingAsOf(invoice.line, pastDate);
        if (open <= 0)
            continue;
        const PaymentHabit& habit =
            invoice.customer < customerCount ? habits[invoice.customer] : pooled;
        const auto parts = spread(invoice, open, habit, pastDate, buckets);
        const std::size_t b = parts.front().first; // the one bucket of the non-spread cases
        // What of it was paid afterwards, and when (the ledger knows the last payment's date).
        Cents collected = 0;
        std::optional<DayNumber> paidOn;
        if (invoice.line.paymentDate && *invoice.line.paymentDate > pastDate)
        {
            collected = open - outstandingAsOf(invoice.line, *invoice.line.paymentDate);
            paidOn = invoice.line.paymentDate;
        }
        if (b == 0 && parts.size() == 1)
        {
            result.overdueThen += open;
            if (paidOn && *paidOn <= horizonEnd)
                result.overdueCollected += collected;
            continue;
        }
        if (b == buckets.size() - 1)
            continue;
        for (const auto& [part, cents] : parts)
            if (part >= 1 && part < later)
                result.periods[part - 1].forecast += cents;
        if (paidOn && *paidOn <= horizonEnd)
            for (std::size_t p = 1; p < later; ++p)
                if (*paidOn <= *buckets[p].to)
                {
                    result.periods[p - 1].actual += collected;
                    break;
                }
    }
    double actual = 0, forecast = 0, absolute = 0;
    for (const BacktestPeriod& p : result.periods)
    {
        actual += static_cast<double>(p.actual);
        forecast += static_cast<double>(p.forecast);
        absolute += std::abs(static_cast<double>(p.forecast - p.actual));
    }
    if (actual > 0)
    {
        result.weightedError = absolute / actual;
        result.totalError = std::abs(forecast - actual) / actual;
    }
    return result;
}

} // namespace relance
