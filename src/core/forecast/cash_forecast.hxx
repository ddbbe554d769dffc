// When the cash will come in: each open invoice's expected payment date from its customer's own
// habit, summed per week or per month ahead. What is already overdue is a bar of its own (the
// money is late: it comes when chased, not on a date), and invoices in dispute, in litigation
// or written off are apart (no date can be expected). The buckets sum to the receivables.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/common/language.hxx"
#include "core/metrics/receivables_metrics.hxx"
#include "core/risk/customer_summary.hxx"
#include "core/risk/invoice_status.hxx"

namespace relance
{

struct ForecastInvoice
{
    InvoiceLine line;
    FollowUpFlags flags;
    std::size_t customer = kNoCustomer; // index of the customer, or kNoCustomer
};

// A customer's habit is its own once it has this many settled invoices; before, the
// portfolio's.
inline constexpr int kMinimumPaymentHistory = 3;

struct PaymentHabit
{
    double daysPastDue = 0; // amount-weighted, from due date to payment; negative when early
    int settledInvoices = 0;
    bool ownHistory = false; // false: the portfolio's habit
    // How the settled amounts spread over their delays: (days past due, share of the amount),
    // shares summing to 1; empty without history.
    std::vector<std::pair<int, double>> delays;
};

// The habit of every customer (customerCount of them) as of a date: the amount-weighted days
// from due date to payment of its invoices fully paid on or before that date; the portfolio's
// (all invoices) for a customer with fewer than kMinimumPaymentHistory; 0 when nobody has any.
std::vector<PaymentHabit> paymentHabits(std::span<const ForecastInvoice> invoices,
                                        std::size_t customerCount, DayNumber asOf);

// The same over every invoice, whoever the customer.
PaymentHabit portfolioHabit(std::span<const ForecastInvoice> invoices, DayNumber asOf);

enum class ForecastPeriod
{
    Week,  // 7 days from the as-of date on
    Month, // calendar months, the first from the as-of date to the end of its month
};

enum class ForecastBucketKind
{
    Overdue, // past due at the as-of date, no promise still running
    Period,
    Later, // expected after the last period
    Apart, // disputed, litigation, written off
};

struct ForecastBucket
{
    ForecastBucketKind kind = ForecastBucketKind::Period;
    std::optional<DayNumber> from; // the period's first and last day (Period, Later: from only)
    std::optional<DayNumber> to;
    Cents amount = 0;
    int invoices = 0;
};

// Overdue, then `periods` periods, then Later and Apart: periods + 3 buckets. An invoice not
// yet due is spread over the delays its customer's settled invoices took (never before the
// as-of date): if a third of that money came 10 days late and the rest 30 days late, a third of
// the invoice is expected 10 days after its due date and the rest 30 days after, in cents that
// add up exactly; without any history, at its due date. A promise still running gives its
// date instead, overdue or not. `invoices` counts each invoice in every bucket that expects a
// part of it. Amounts are what is
// outstanding at the as-of date (payments dated after it had not happened then), credit notes
// included where they fall. Throws std::invalid_argument when periods is not 1..60.
std::vector<ForecastBucket> forecastCashIn(std::span<const ForecastInvoice> invoices,
                                           std::size_t customerCount, DayNumber asOf,
                                           ForecastPeriod period, int periods);

// "Échu" / "Overdue", "Semaine 1" / "Week 1", "décembre 2026" / "December 2026", "Au-delà" /
// "Later", "À part (litige, contentieux, perte)" / "Apart (dispute, litigation, written off)".
std::string bucketLabel(const ForecastBucket& bucket, int index, ForecastPeriod period,
                        Language language);

// The forecast as of a past date against what was actually paid afterwards, period by period
// (the invoices open then; a payment counts in the period of its date).
struct BacktestPeriod
{
    Cents forecast = 0;
    Cents actual = 0;
};

struct Backtest
{
    std::vector<BacktestPeriod> periods;
    Cents overdueThen = 0;      // the Overdue bar at the past date
    Cents overdueCollected = 0; // of which paid within the periods
    // Sum of |forecast - actual| over the periods / sum of actual: 0 is perfect; none when
    // nothing was paid.
    std::optional<double> weightedError;
    std::optional<double> totalError; // |sum forecast - sum actual| / sum actual
};

Backtest backtestForecast(std::span<const ForecastInvoice> invoices, std::size_t customerCount,
                          DayNumber pastDate, ForecastPeriod period, int periods);

} // namespace relance
