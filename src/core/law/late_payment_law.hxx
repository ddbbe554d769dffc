// French statutory late-payment rules, as pure computations.
//  - Penalties, Code de commerce L441-10 II: simple interest on the amount incl. VAT, from the
//    day after the due date to the payment date included; default rate = ECB main refinancing
//    rate in force on 1 January (days of January-June) or 1 July (days of July-December)
//    + 10 percentage points; a contractual rate may replace it but not below 3 x the legal
//    interest rate ("taux de l'intérêt légal", creditors other than individuals).
//  - Recovery indemnity, D441-5: 40 EUR per late invoice, whole, not prorated.
//  - Payment terms, L441-10 I: at most 60 days from the invoice date, or 45 days end of
//    month when expressly agreed.
// Rates are data (data/*.csv, compiled in) and can be extended by the user's own rows.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/calendar/civil_date.hxx"
#include "core/common/money.hxx"
#include "core/calendar/payment_terms.hxx"

namespace relance
{

// Annual rates in parts per million: 12.15 % = 121'500.
using RatePpm = std::int64_t;
inline constexpr RatePpm kPenaltyMarginPpm = 100'000; // + 10 points

struct HalfYear
{
    int year = 2000;
    int half = 1; // 1: January-June, 2: July-December

    friend auto operator<=>(const HalfYear&, const HalfYear&) = default;
};

HalfYear halfYearOf(DayNumber day);
DayNumber firstDayOf(HalfYear period);
std::string toString(HalfYear period); // "2026-S1"

// One rate per half-year.
class RateTable
{
public:
    struct Row
    {
        HalfYear period;
        RatePpm rate;
    };

    // ECB main refinancing operations rate in force on each half-year's first day, 2012-S1 on.
    static const RateTable& ecbMainRefinancing();
    // French legal interest rate, creditors other than individuals ("autres cas"), 2012-S1 on.
    static const RateTable& legalInterest();

    explicit RateTable(std::vector<Row> rows); // sorted, one row per half-year (last wins)

    // A copy where the user's rows replace or extend the shipped ones.
    RateTable withOverrides(std::span<const Row> rows) const;

    std::optional<RatePpm> rateFor(HalfYear period) const;
    // Throws InputError naming the half-year ("no ECB rate for 2026-S2: add it ...").
    RatePpm requireRateFor(HalfYear period, const char* tableName) const;
    const std::vector<Row>& rows() const { return rows_; }

private:
    std::vector<Row> rows_;
};

// The shipped rows, compiled in from data/*.csv by cmake/EmbedRates.cmake.
namespace embedded_rates
{
std::span<const RateTable::Row> ecbMainRefinancing();
std::span<const RateTable::Row> legalInterest();
} // namespace embedded_rates

struct PenaltySegment
{
    HalfYear period;
    int days = 0;
    RatePpm rate = 0; // the annual rate applied to these days
};

struct Penalty
{
    Cents amount = 0; // rounded to the cent once, half away from zero
    int days = 0;     // days of lateness counted
    std::vector<PenaltySegment> segments;
};

// Days counted: the day after dueDate up to endDate included (none when endDate <= dueDate).
// Statutory: each half-year's days at that half-year's ECB rate + 10 points.
Penalty statutoryPenalty(Cents amount, DayNumber dueDate, DayNumber endDate, const RateTable& ecb);
// Contractual: one annual rate for every day.
Penalty contractualPenalty(Cents amount, DayNumber dueDate, DayNumber endDate, RatePpm rate);

// The statutory penalty rate that applies on a date (ECB rate of its half-year + 10 points).
RatePpm statutoryPenaltyRate(DayNumber day, const RateTable& ecb);

inline constexpr Cents kRecoveryIndemnity = 4000;
Cents recoveryIndemnity(int daysLate); // 40 EUR when daysLate > 0, else 0

// Contractual rate >= 3 x the legal interest rate of the date's half-year.
bool respectsLegalFloor(RatePpm contractualRate, DayNumber day, const RateTable& legal);

struct TermsCompliance
{
    bool compliant = true;
    int longestDays = 0; // longest delay from invoice date to due date these terms give
    int limitDays = 0;   // the legal maximum for the same invoice date(s)
};

// With an invoice date: that invoice's delay against max(60 days, 45 days end of month when
// the terms are end-of-month terms). Without: the worst case over every invoice date of a
// four-year cycle (all month lengths and leap years).
TermsCompliance checkTermsCompliance(const PaymentTerms& terms, EndOfMonthReading reading,
                                     std::optional<DayNumber> invoiceDate);

} // namespace relance
