#include "core/law/late_payment_law.hxx"

#include <algorithm>
#include <utility>

#include "core/common/input_error.hxx"

namespace relance
{
namespace
{

// A rate above 100 % a year is a typing error (12.15 typed as a fraction, or in basis points),
// and the bound keeps every product cents x rate x days far inside __int128.
constexpr RatePpm kMaxRatePpm = 1'000'000;

// Penalties are simple interest over a 365-day year, leap years included: L441-10 II gives an
// annual rate and no day-count convention, and 365 is the practice (and the CEPC's examples).
constexpr std::int64_t kDaysPerYear = 365;
constexpr std::int64_t kPpm = 1'000'000;

HalfYear nextHalfYear(HalfYear period)
{
    return period.half == 1 ? HalfYear{period.year, 2} : HalfYear{period.year + 1, 1};
}

void requireValidPeriod(HalfYear period)
{
    if (period.half != 1 && period.half != 2)
        throw InputError("half-year " + toString(period) + ": the half must be S1 or S2");
    if (period.year < kMinYear || period.year > kMaxYear)
        throw InputError("half-year " + toString(period) + ": year out of range");
}

void requireValidRate(RatePpm rate, const std::string& what)
{
    if (rate < 0 || rate > kMaxRatePpm)
        throw InputError(what + " must be from 0 to 100 %");
}

void requireSupportedDate(DayNumber day, const char* what)
{
    if (!isInSupportedRange(day))
        throw InputError(std::string(what) + " out of range (years " + std::to_string(kMinYear) +
                         " to " + std::to_string(kMaxYear) + ")");
}

void requireAmountInRange(Cents amount)
{
    if (amount > kMaxCents || amount < -kMaxCents)
        throw InputError("amount out of range");
}

// Simple interest, L441-10 II: the days from the day after the due date to endDate included,
// each at the rate of its own half-year; summed exactly and rounded to the cent once.
template <typename RateOfPeriod>
Penalty accrue(Cents amount, DayNumber dueDate, DayNumber endDate, RateOfPeriod rateOf)
{
    requireAmountInRange(amount);
    requireSupportedDate(dueDate, "due date");
    requireSupportedDate(endDate, "end date");
    Penalty penalty;
    // A credit note (or nothing left to pay) owes no interest: no rate is needed either.
    if (amount <= 0 || endDate <= dueDate)
        return penalty;

    __int128 numerator = 0;
    for (DayNumber first = dueDate + 1; first <= endDate;)
    {
        const HalfYear period = halfYearOf(first);
        const DayNumber last = std::min(endDate, firstDayOf(nextHalfYear(period)) - 1);
        const int days = last - first + 1;
        const RatePpm rate = rateOf(period);
        penalty.segments.push_back({period, days, rate});
        penalty.days += days;
        numerator += static_cast<__int128>(amount) * rate * days;
        first = last + 1;
    }
    penalty.amount = divideRounded(numerator, static_cast<__int128>(kPpm) * kDaysPerYear);
    return penalty;
}

struct Delays
{
    int longest = 0;
    int limit = 0;
};

// L441-10 I: at most 60 days from the invoice date, or 45 days end of month when expressly
// agreed. End-of-month terms are read as that agreement, so their limit is the later of the
// two, "45 jours fin de mois" computed under the same reading as the terms themselves.
Delays delaysFor(DayNumber invoiceDate, const PaymentTerms& terms, EndOfMonthReading reading)
{
    constexpr int kMaxDaysNet = 60;
    const DayNumber due = dueDate(invoiceDate, terms, reading);
    DayNumber limit = invoiceDate + kMaxDaysNet;
    if (terms.endOfMonth)
    {
        const PaymentTerms fortyFiveDaysEndOfMonth{45, true, {}, {}};
        limit = std::max(limit, dueDate(invoiceDate, fortyFiveDaysEndOfMonth,
                                        terms.statedReading.value_or(reading)));
    }
    return {due - invoiceDate, limit - invoiceDate};
}

} // namespace

HalfYear halfYearOf(DayNumber day)
{
    const CivilDate date = toCivil(day);
    return {date.year, date.month <= 6 ? 1 : 2};
}

DayNumber firstDayOf(HalfYear period)
{
    requireValidPeriod(period);
    return toDayNumber({period.year, period.half == 1 ? 1u : 7u, 1});
}

std::string toString(HalfYear period)
{
    return std::to_string(period.year) + "-S" + std::to_string(period.half);
}

RateTable::RateTable(std::vector<Row> rows) : rows_(std::move(rows))
{
    for (const Row& row : rows_)
    {
        requireValidPeriod(row.period);
        requireValidRate(row.rate, "the rate for " + toString(row.period));
    }
    std::stable_sort(rows_.begin(), rows_.end(),
                     [](const Row& a, const Row& b) { return a.period < b.period; });
    // Keep the last row given for a half-year: a user's correction follows the shipped row.
    std::vector<Row> unique;
    unique.reserve(rows_.size());
    for (const Row& row : rows_)
    {
        if (!unique.empty() && unique.back().period == row.period)
            unique.back() = row;
        else
            unique.push_back(row);
    }
    rows_ = std::move(unique);
}

const RateTable& RateTable::ecbMainRefinancing()
{
    static const RateTable table(std::vector<Row>(embedded_rates::ecbMainRefinancing().begin(),
                                                  embedded_rates::ecbMainRefinancing().end()));
    return table;
}

const RateTable& RateTable::legalInterest()
{
    static const RateTable table(std::vector<Row>(embedded_rates::legalInterest().begin(),
                                                  embedded_rates::legalInterest().end()));
    return table;
}

RateTable RateTable::withOverrides(std::span<const Row> rows) const
{
    std::vector<Row> merged = rows_;
    merged.insert(merged.end(), rows.begin(), rows.end());
    return RateTable(std::move(merged));
}

std::optional<RatePpm> RateTable::rateFor(HalfYear period) const
{
    const auto found = std::lower_bound(rows_.begin(), rows_.end(), period,
                                        [](const Row& row, const HalfYear& wanted)
                                        { return row.period < wanted; });
    if (found == rows_.end() || found->period != period)
        return std::nullopt;
    return found->rate;
}

RatePpm RateTable::requireRateFor(HalfYear period, const char* tableName) const
{
    if (const std::optional<RatePpm> rate = rateFor(period))
        return *rate;
    // Rates are published each half-year; the user adds the new one without waiting a release.
    const bool ecb = std::string_view(tableName) == "ECB";
    throw InputError(
        "no " + std::string(tableName) + " rate for " + toString(period) +
            ": add it to the rates table",
        (ecb ? "pas de taux BCE pour le semestre " : "pas de taux légal pour le semestre ") +
            toString(period) +
            (ecb ? " : ajoutez-le dans Paramètres, sous « Taux BCE à ajouter »"
                 : " : ajoutez-le à la table des taux"));
}

Penalty statutoryPenalty(Cents amount, DayNumber dueDate, DayNumber endDate, const RateTable& ecb)
{
    return accrue(amount, dueDate, endDate,
                  [&](HalfYear period)
                  { return ecb.requireRateFor(period, "ECB") + kPenaltyMarginPpm; });
}

Penalty contractualPenalty(Cents amount, DayNumber dueDate, DayNumber endDate, RatePpm rate)
{
    requireValidRate(rate, "the contractual penalty rate");
    return accrue(amount, dueDate, endDate, [&](HalfYear) { return rate; });
}

RatePpm statutoryPenaltyRate(DayNumber day, const RateTable& ecb)
{
    requireSupportedDate(day, "date");
    // L441-10 II: ECB rate in force on 1 January / 1 July, plus 10 percentage points.
    return ecb.requireRateFor(halfYearOf(day), "ECB") + kPenaltyMarginPpm;
}

Cents recoveryIndemnity(int daysLate)
{
    // D441-5: due whole from the first day of lateness, whatever the amount or partial payments.
    return daysLate > 0 ? kRecoveryIndemnity : 0;
}

bool respectsLegalFloor(RatePpm contractualRate, DayNumber day, const RateTable& legal)
{
    requireSupportedDate(day, "date");
    // L441-10 II: a contractual rate may not be below three times the legal interest rate.
    return contractualRate >= 3 * legal.requireRateFor(halfYearOf(day), "legal interest");
}

TermsCompliance checkTermsCompliance(const PaymentTerms& terms, EndOfMonthReading reading,
                                     std::optional<DayNumber> invoiceDate)
{
    if (terms.days < 0 || terms.days > kMaxTermDays)
        throw InputError("payment terms: days must be 0 to " + std::to_string(kMaxTermDays));
    if (terms.dayOfMonth && (*terms.dayOfMonth < 1 || *terms.dayOfMonth > 31))
        throw InputError("payment terms: day of month must be 1 to 31");

    if (invoiceDate)
    {
        requireSupportedDate(*invoiceDate, "invoice date");
        const Delays delays = delaysFor(*invoiceDate, terms, reading);
        return {delays.longest <= delays.limit, delays.longest, delays.limit};
    }

    // Four consecutive years hold every month length and one 29 February, hence every case the
    // calendar can give. The worst invoice date is the one furthest over (or least under) its
    // limit; among equals, the longest delay, which is what a user wants to see.
    constexpr int kFourYearCycleDays = 4 * 365 + 1;
    const DayNumber cycleStart = toDayNumber({2024, 1, 1});
    Delays worst = delaysFor(cycleStart, terms, reading);
    for (DayNumber day = cycleStart + 1; day < cycleStart + kFourYearCycleDays; ++day)
    {
        const Delays delays = delaysFor(day, terms, reading);
        const int excess = delays.longest - delays.limit;
        const int worstExcess = worst.longest - worst.limit;
        if (excess > worstExcess || (excess == worstExcess && delays.longest > worst.longest))
            worst = delays;
    }
    return {worst.longest <= worst.limit, worst.longest, worst.limit};
}

} // namespace relance
