#include "core/common/input_error.hxx"
#include "core/metrics/receivables_metrics.hxx"

#include <gtest/gtest.h>

#include <numeric>
#include <optional>
#include <utility>
#include <vector>

using namespace relance;

namespace
{

DayNumber day(int y, unsigned m, unsigned d)
{
    return toDayNumber({y, m, d});
}

// An invoice known only by its date and amount, as the countback DSO reads sales.
InvoiceLine sale(int y, unsigned m, unsigned d, Cents amount)
{
    return InvoiceLine{day(y, m, d), std::nullopt, amount, std::nullopt, std::nullopt};
}

} // namespace

TEST(ReceivablesMetrics, OutstandingAsOf)
{
    const DayNumber asOf = day(2024, 6, 30);
    const std::optional<DayNumber> none;
    const std::optional<Cents> unknown;
    struct Row
    {
        const char* name;
        InvoiceLine line;
        Cents expected;
    };
    const Row rows[] = {
        // issued after the as-of date: did not exist yet, whatever the payment says
        {"issued the day after", {day(2024, 7, 1), day(2024, 7, 31), 1000, unknown, none}, 0},
        {"issued after, paid after", {day(2024, 7, 1), none, 1000, 1000, day(2024, 7, 2)}, 0},
        {"issued on the as-of date",
         {day(2024, 6, 30), day(2024, 7, 30), 1000, unknown, none},
         1000},
        // payment dated after the as-of date: had not happened, the whole amount is due
        {"paid in full after", {day(2024, 5, 1), none, 1000, 1000, day(2024, 7, 1)}, 1000},
        {"paid in part after", {day(2024, 5, 1), none, 1000, 400, day(2024, 7, 1)}, 1000},
        {"payment date after, paid unknown",
         {day(2024, 5, 1), none, 1000, unknown, day(2024, 7, 1)},
         1000},
        // payment dated on or before: amount - paid, paid defaulting to the whole amount
        {"paid in part on the as-of date",
         {day(2024, 5, 1), none, 1000, 400, day(2024, 6, 30)},
         600},
        {"paid in full before", {day(2024, 5, 1), none, 1000, 1000, day(2024, 6, 1)}, 0},
        {"payment date before, paid unknown",
         {day(2024, 5, 1), none, 1000, unknown, day(2024, 6, 1)},
         0},
        {"overpaid before", {day(2024, 5, 1), none, 1000, 1200, day(2024, 6, 1)}, -200},
        // no payment date: amount - paid, paid defaulting to 0
        {"no payment date, paid in part", {day(2024, 5, 1), none, 1000, 250, none}, 750},
        {"no payment date, paid unknown", {day(2024, 5, 1), none, 1000, unknown, none}, 1000},
        {"no payment date, paid in full", {day(2024, 5, 1), none, 1000, 1000, none}, 0},
        {"no dates at all", {none, none, 1000, unknown, none}, 1000},
        {"no invoice date, paid after", {none, day(2024, 6, 1), 1000, 1000, day(2024, 7, 1)}, 1000},
    };
    for (const Row& row : rows)
        EXPECT_EQ(outstandingAsOf(row.line, asOf), row.expected) << row.name;
}

namespace
{

// As of 2024-06-30 with the default bounds (not due / 1-30 / 31-60 / 61-90 / > 90).
const std::vector<InvoiceLine>& mixedInvoices()
{
    const std::optional<DayNumber> none;
    const std::optional<Cents> unknown;
    static const std::vector<InvoiceLine> lines = {
        // not due: due in the future, and due exactly on the as-of date (0 days)
        {day(2024, 6, 15), day(2024, 7, 15), 1000, unknown, none},
        {day(2024, 5, 31), day(2024, 6, 30), 500, unknown, none},
        // 1 day late: first overdue bucket
        {day(2024, 5, 30), day(2024, 6, 29), 300, unknown, none},
        // 30 days late (May 31 -> June 30): still 1-30
        {day(2024, 5, 1), day(2024, 5, 31), 200, unknown, none},
        // 31 days late, 100 paid without a date: 600 in 31-60
        {day(2024, 4, 30), day(2024, 5, 30), 700, 100, none},
        // 90 days late (April 1 -> June 30 = 29 + 31 + 30): still 61-90
        {day(2024, 3, 1), day(2024, 4, 1), 400, unknown, none},
        // no due date: aged from its invoice date, March 1 -> June 30 = 30 + 30 + 31 + 30 = 121
        {day(2024, 3, 1), none, 800, unknown, none},
        // 91 days late (March 31 -> June 30), paid after the as-of date: wholly open then
        {day(2024, 3, 1), day(2024, 3, 31), 900, 900, day(2024, 7, 10)},
        // settled before the as-of date: nothing outstanding
        {day(2024, 4, 1), day(2024, 5, 1), 5000, unknown, day(2024, 5, 20)},
        // issued after the as-of date
        {day(2024, 7, 2), day(2024, 8, 1), 5000, unknown, none},
        // nothing outstanding and no dates: skipped, not an error
        {none, none, 1000, 1000, none},
    };
    return lines;
}

} // namespace

TEST(ReceivablesMetrics, AgedBalanceSumsToTheOutstanding)
{
    const DayNumber asOf = day(2024, 6, 30);
    const std::vector<Cents> buckets = agedBalance(mixedInvoices(), asOf, AgingBounds());
    // not due 1000 + 500; 1-30: 300 + 200; 31-60: 600; 61-90: 400; > 90: 800 + 900
    const std::vector<Cents> expected = {1500, 500, 600, 400, 1700};
    EXPECT_EQ(buckets, expected);
    EXPECT_EQ(totalOutstanding(mixedInvoices(), asOf), 4700);
    EXPECT_EQ(std::accumulate(buckets.begin(), buckets.end(), Cents{0}),
              totalOutstanding(mixedInvoices(), asOf));

    // user bounds {15, 45}: not due / 1-15 / 16-45 / > 45
    const double values[] = {15, 45};
    const std::vector<Cents> user =
        agedBalance(mixedInvoices(), asOf, AgingBounds::fromValues(values));
    // 1-15: 300 (1 day); 16-45: 200 (30) + 600 (31); > 45: 400 + 800 + 900
    EXPECT_EQ(user, (std::vector<Cents>{1500, 300, 800, 2100}));
    EXPECT_EQ(std::accumulate(user.begin(), user.end(), Cents{0}), 4700);

    // an earlier as-of date: the invoice paid on May 20 was open on May 10 (9 days late)
    const DayNumber earlier = day(2024, 5, 10);
    const std::vector<Cents> past = agedBalance(mixedInvoices(), earlier, AgingBounds());
    EXPECT_EQ(std::accumulate(past.begin(), past.end(), Cents{0}),
              totalOutstanding(mixedInvoices(), earlier));
}

TEST(ReceivablesMetrics, AgedBalanceNeedsADateForWhatIsOpen)
{
    const std::optional<DayNumber> none;
    const std::vector<InvoiceLine> lines = {{none, none, 1000, std::nullopt, none}};
    EXPECT_THROW(agedBalance(lines, day(2024, 6, 30), AgingBounds()), InputError);
    EXPECT_EQ(agedBalance({}, day(2024, 6, 30), AgingBounds()), (std::vector<Cents>(5, 0)));
}

TEST(ReceivablesMetrics, OverdueAmountCountsMoreThanMinDaysLate)
{
    const DayNumber asOf = day(2024, 6, 30);
    struct Row
    {
        int minDaysLate;
        Cents expected;
    };
    // days late of the open invoices: 0 (1500), 1 (300), 30 (200), 31 (600), 90 (400),
    // 121 (800), 91 (900)
    const Row rows[] = {
        {0, 3200},  // 300 + 200 + 600 + 400 + 800 + 900
        {1, 2900},  // exactly 1 day is not more than 1
        {30, 2700}, // the 30-day invoice is excluded
        {31, 2100}, // 400 + 800 + 900
        {90, 1700}, // 800 + 900
        {91, 800},  {121, 0},
    };
    for (const Row& row : rows)
        EXPECT_EQ(overdueAmount(mixedInvoices(), asOf, row.minDaysLate), row.expected)
            << "minDaysLate " << row.minDaysLate;
    EXPECT_EQ(overdueAmount(mixedInvoices(), asOf), 3200);

    // an open invoice without any date is not past due (and, unlike agedBalance, no error)
    const std::vector<InvoiceLine> undated = {
        {std::nullopt, std::nullopt, 1000, std::nullopt, std::nullopt}};
    EXPECT_EQ(overdueAmount(undated, asOf), 0);
    EXPECT_EQ(totalOutstanding(undated, asOf), 1000);
}

TEST(ReceivablesMetrics, DsoStandard)
{
    EXPECT_DOUBLE_EQ(dsoStandard(100'000, 400'000, 365), 91.25); // 1/4 x 365
    EXPECT_DOUBLE_EQ(dsoStandard(100'000, 400'000, 360), 90.0);  // French 360-day practice
    EXPECT_DOUBLE_EQ(dsoStandard(0, 400'000, 365), 0.0);
    EXPECT_DOUBLE_EQ(dsoStandard(800'000, 400'000, 90), 180.0); // receivables above sales
    EXPECT_THROW(dsoStandard(100'000, 0, 365), InputError);
    EXPECT_THROW(dsoStandard(100'000, -1, 365), InputError);
    EXPECT_THROW(dsoStandard(100'000, 400'000, 0), InputError);
}

TEST(ReceivablesMetrics, DsoCountback)
{
    // Closing on May 20: May counts 20 days. Sales: May 2000 (an invoice after the closing
    // date is excluded), no sales in April, March 1000, February 4000 (2024: 29 days).
    const std::vector<InvoiceLine> invoices = {
        sale(2024, 5, 3, 1500),
        sale(2024, 5, 18, 500),
        sale(2024, 5, 25, 99'999),
        sale(2024, 3, 10, 1000),
        sale(2024, 2, 1, 4000),
        {std::nullopt, std::nullopt, 77'777, std::nullopt, std::nullopt}, // no date: not a sale
    };
    const DayNumber closing = day(2024, 5, 20);
    struct Row
    {
        Cents receivables;
        double expected;
    };
    const Row rows[] = {
        {0, 0.0},      {-500, 0.0}, {1000, 10.0}, // 1000 / 2000 x 20
        {2000, 20.0},                             // May exactly consumed
        {2500, 65.5},                             // 20 + April 30 (no sales) + 500 / 1000 x 31
        {3000, 81.0},                             // 20 + 30 + 31
        {4000, 88.25},                            // 81 + 1000 / 4000 x 29
        {7000, 110.0},                            // every sale consumed: 20 + 30 + 31 + 29
    };
    for (const Row& row : rows)
        EXPECT_DOUBLE_EQ(dsoCountback(row.receivables, invoices, closing), row.expected)
            << "receivables " << row.receivables;
    EXPECT_THROW(dsoCountback(7001, invoices, closing), InputError);
    EXPECT_THROW(dsoCountback(1, {}, closing), InputError);
    EXPECT_DOUBLE_EQ(dsoCountback(0, {}, closing), 0.0);
}

TEST(ReceivablesMetrics, DsoCountbackAcrossAYearEndAndALeapFebruary)
{
    // Closing 2024-03-10. Monthly sales: March (to the 10th) 1000, the March 20 invoice is
    // after the closing; February 2024 2000 (29 days); January none (31 days); December 2023
    // 4000 (31 days); November 2023 500.
    const std::vector<InvoiceLine> invoices = {
        sale(2024, 3, 5, 1000),  sale(2024, 3, 20, 5000),  sale(2024, 2, 14, 2000),
        sale(2023, 12, 1, 1500), sale(2023, 12, 31, 2500), sale(2023, 11, 15, 500),
    };
    // 5000: March 1000 (10 days, 4000 left), February 2000 (39 days, 2000 left), January
    // nothing (70 days), December 2000 / 4000 x 31 = 15.5 -> 85.5 days
    EXPECT_DOUBLE_EQ(dsoCountback(5000, invoices, day(2024, 3, 10)), 85.5);
    // 7250: ... December consumed (101 days, 250 left), November 250 / 500 x 30 = 15 -> 116
    EXPECT_DOUBLE_EQ(dsoCountback(7250, invoices, day(2024, 3, 10)), 116.0);
    EXPECT_THROW(dsoCountback(7501, invoices, day(2024, 3, 10)), InputError);

    // closing on the last day of a non-leap February: the whole 28 days
    const std::vector<InvoiceLine> february = {sale(2023, 2, 1, 1000), sale(2023, 1, 15, 1000)};
    EXPECT_DOUBLE_EQ(dsoCountback(1000, february, day(2023, 2, 28)), 28.0);
    EXPECT_DOUBLE_EQ(dsoCountback(1500, february, day(2023, 2, 28)), 43.5); // 28 + 31 / 2
}

TEST(ReceivablesMetrics, CollectionEffectiveness)
{
    // (opening + sales / N - closing) / (opening + sales / N - closing current) x 100
    // 100000 + 300000 / 3 = 200000; (200000 - 100000) / (200000 - 40000) = 62.5 %
    EXPECT_DOUBLE_EQ(collectionEffectiveness(100'000, 300'000, 100'000, 40'000, 3), 62.5);
    // everything collected: 100 %
    EXPECT_DOUBLE_EQ(collectionEffectiveness(0, 120'000, 0, 0, 12), 100.0);
    // nothing collected, nothing current: 0 %
    EXPECT_DOUBLE_EQ(collectionEffectiveness(50'000, 60'000, 110'000, 0, 1), 0.0);
    // one month: (10000 + 30000 - 20000) / (40000 - 20000) = 100 %
    EXPECT_DOUBLE_EQ(collectionEffectiveness(10'000, 30'000, 20'000, 20'000, 1), 100.0);
    EXPECT_THROW(collectionEffectiveness(100'000, 300'000, 100'000, 40'000, 0), InputError);
    EXPECT_THROW(collectionEffectiveness(100'000, 300'000, 100'000, 40'000, -1), InputError);
    // nothing was collectible
    EXPECT_THROW(collectionEffectiveness(0, 0, 0, 0, 1), InputError);
}

TEST(ReceivablesMetrics, WeightedAverageDays)
{
    using Pairs = std::vector<std::pair<Cents, int>>;
    // (100 x 10 + 300 x 30) / 400 = 10000 / 400 = 25
    EXPECT_EQ(weightedAverageDays(Pairs{{100, 10}, {300, 30}}), 25.0);
    // non-positive amounts are ignored
    EXPECT_EQ(weightedAverageDays(Pairs{{100, 10}, {-50, 1000}, {0, 500}, {300, 30}}), 25.0);
    // negative days (paid early) count
    EXPECT_EQ(weightedAverageDays(Pairs{{100, -5}}), -5.0);
    EXPECT_EQ(weightedAverageDays(Pairs{{100, -10}, {100, 20}}), 5.0);
    // no overflow at the largest amounts: (1e14 x 36500 + 1e14 x 0) / 2e14 = 18250
    EXPECT_EQ(weightedAverageDays(Pairs{{kMaxCents, 36500}, {kMaxCents, 0}}), 18250.0);
    EXPECT_EQ(weightedAverageDays(Pairs{}), std::nullopt);
    EXPECT_EQ(weightedAverageDays(Pairs{{0, 10}, {-100, 20}}), std::nullopt);
}

// Delivered 10/03, invoiced 20/03 (10 days, 1 000 EUR); delivered 01/03, invoiced 31/03 (30 days,
// 3 000 EUR); an advance invoice of 05/03 for a delivery of 15/03 (0 days, 1 000 EUR); one
// without a delivery date: (10 000 + 90 000 + 0) / 5 000 = 20 days.
TEST(Metrics, InvoicingDelayIsAmountWeighted)
{
    const auto day = [](unsigned m, unsigned d) { return toDayNumber({2026, m, d}); };
    const std::vector<InvoiceLine> lines = {
        {day(3, 20), std::nullopt, 100000, std::nullopt, std::nullopt},
        {day(3, 31), std::nullopt, 300000, std::nullopt, std::nullopt},
        {day(3, 5), std::nullopt, 100000, std::nullopt, std::nullopt},
        {day(3, 25), std::nullopt, 900000, std::nullopt, std::nullopt},
        {std::nullopt, std::nullopt, 900000, std::nullopt, std::nullopt}};
    const std::vector<std::optional<DayNumber>> delivered = {day(3, 10), day(3, 1), day(3, 15),
                                                             std::nullopt, day(3, 1)};
    EXPECT_DOUBLE_EQ(*averageInvoicingDelay(lines, delivered, std::nullopt, std::nullopt), 20.0);
    // Issued from 21/03 on: the 30-day one only.
    EXPECT_DOUBLE_EQ(*averageInvoicingDelay(lines, delivered, day(3, 21), std::nullopt), 30.0);
    EXPECT_FALSE(averageInvoicingDelay(lines, delivered, day(4, 1), std::nullopt));
    EXPECT_THROW(averageInvoicingDelay(lines, std::vector<std::optional<DayNumber>>(2), {}, {}),
                 std::invalid_argument);
}
