// Receivables metrics over an invoice list: outstanding amounts as of a date, aged balance,
// DSO (standard and countback), Best Possible DSO, ADD, CEI and amount-weighted averages.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "core/metrics/aging.hxx"
#include "core/calendar/civil_date.hxx"
#include "core/common/money.hxx"

namespace relance
{

// One invoice as the range functions see it. Rows with neither amount nor dates are skipped
// before reaching here.
struct InvoiceLine
{
    std::optional<DayNumber> invoiceDate;
    std::optional<DayNumber> dueDate;
    Cents amount = 0;                     // incl. VAT
    std::optional<Cents> paid;            // amount paid so far, when known
    std::optional<DayNumber> paymentDate; // date of (the last) payment, when known
};

// What was still due on the invoice at the as-of date:
//  - an invoice issued after the as-of date did not exist yet: 0;
//  - a payment dated after the as-of date had not happened: the whole amount;
//  - a payment dated on or before it: amount - paid (paid defaults to the whole amount);
//  - no payment date: amount - paid (paid defaults to 0).
Cents outstandingAsOf(const InvoiceLine& line, DayNumber asOf);

// Bucket totals for the given bounds (AgingBounds::bucketCount() entries); every invoice with
// something outstanding lands in exactly one bucket, so the buckets sum to the outstanding.
// Ageing counts from the due date (an invoice without one is aged from its invoice date).
std::vector<Cents> agedBalance(std::span<const InvoiceLine> lines, DayNumber asOf,
                               const AgingBounds& bounds);

// Outstanding amounts more than minDaysLate days past due at the as-of date.
Cents overdueAmount(std::span<const InvoiceLine> lines, DayNumber asOf, int minDaysLate = 0);
Cents totalOutstanding(std::span<const InvoiceLine> lines, DayNumber asOf);

// Standard DSO: receivables / sales x days of the period. Throws InputError when sales <= 0.
double dsoStandard(Cents receivables, Cents sales, double periodDays);

// Countback DSO ("par épuisement du chiffre d'affaires"): from the receivables at the closing
// date, subtract each month's sales going backwards (the closing month counts its days up to
// the closing date), adding each fully consumed month's days, then the remaining fraction of
// the last month. Monthly sales come from the invoices' dates and amounts. Throws InputError
// when the receivables exceed all the sales before the closing date.
double dsoCountback(Cents receivables, std::span<const InvoiceLine> invoices, DayNumber closing);

// Collection effectiveness index, in percent, over a period of `months` months.
double collectionEffectiveness(Cents openingReceivables, Cents sales, Cents closingReceivables,
                               Cents closingCurrentReceivables, int months);

// Amount-weighted days from delivery (or service) to invoice, over the invoices with both dates
// and a positive amount, issued within [from, to] when given; deliveries[i] belongs to lines[i].
// An invoice issued before its delivery (a deposit, an advance invoice) counts 0 days: no cash
// was lost. nullopt when no invoice has both dates.
std::optional<double> averageInvoicingDelay(std::span<const InvoiceLine> lines,
                                            std::span<const std::optional<DayNumber>> deliveries,
                                            std::optional<DayNumber> from,
                                            std::optional<DayNumber> to);

// Sigma(amount x days) / Sigma(amount) over the pairs with a positive amount; nullopt when none.
std::optional<double> weightedAverageDays(std::span<const std::pair<Cents, int>> amountDays);

} // namespace relance
