#include "core/forecast/cash_forecast.hxx"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <vector>

using namespace relance;

namespace
{

DayNumber day(int y, unsigned m, unsigned d)
{
    return toDayNumber({y, m, d});
}

const DayNumber kAsOf = day(2026, 6, 30); // a Tuesday

// Issued before the as-of date (an invoice issued after it did not exist yet).
ForecastInvoice open(std::size_t customer, DayNumber due, Cents amount, FollowUpFlags flags = {})
{
    return {InvoiceLine{std::min(due - 30, kAsOf - 1), due, amount, std::nullopt, std::nullopt},
            flags, customer};
}

ForecastInvoice settled(std::size_t customer, DayNumber due, Cents amount, int daysPastDue)
{
    return {InvoiceLine{due - 30, due, amount, amount, due + daysPastDue}, {}, customer};
}

Cents sum(const std::vector<ForecastBucket>& buckets)
{
    return std::accumulate(buckets.begin(), buckets.end(), Cents{0},
                           [](Cents s, const ForecastBucket& b) { return s + b.amount; });
}

} // namespace

// Customer 0 pays 22 days late on average weighted by amount ((1000x10 + 3000x30 + 1000x10) /
// 5000 = 22); customer 1 has one settled invoice only, so it gets the portfolio's habit
// ((1000x10 + 3000x30 + 1000x10 + 2000x0) / 7000 = 15.71...).
TEST(CashForecast, HabitIsTheCustomersOwnOrThePortfolios)
{
    const std::vector<ForecastInvoice> invoices = {
        settled(0, day(2026, 3, 1), 100000, 10), settled(0, day(2026, 4, 1), 300000, 30),
        settled(0, day(2026, 5, 1), 100000, 10), settled(1, day(2026, 5, 1), 200000, 0),
        open(1, day(2026, 7, 15), 50000)};
    const auto habits = paymentHabits(invoices, 2, kAsOf);
    ASSERT_EQ(habits.size(), 2u);
    EXPECT_TRUE(habits[0].ownHistory);
    EXPECT_EQ(habits[0].settledInvoices, 3);
    EXPECT_DOUBLE_EQ(habits[0].daysPastDue, 22.0);
    EXPECT_FALSE(habits[1].ownHistory);
    EXPECT_EQ(habits[1].settledInvoices, 1);
    EXPECT_NEAR(habits[1].daysPastDue, 110000.0 / 7000.0, 1e-12);
    // A payment after the as-of date had not happened: it is not history yet.
    EXPECT_EQ(paymentHabits(invoices, 2, day(2026, 5, 5)).at(0).settledInvoices, 2);
}

TEST(CashForecast, WeeksOverdueLaterAndApart)
{
    FollowUpFlags disputed;
    disputed.disputed = true;
    FollowUpFlags promised;
    promised.promised = true;
    promised.promiseDate = day(2026, 7, 20);
    FollowUpFlags brokenPromise;
    brokenPromise.promised = true;
    brokenPromise.promiseDate = day(2026, 6, 20);
    const std::vector<ForecastInvoice> invoices = {
        settled(0, day(2026, 3, 1), 100000, 10), settled(0, day(2026, 4, 1), 300000, 30),
        settled(0, day(2026, 5, 1), 100000, 10),
        // 2/5 of customer 0's money came 10 days late, 3/5 30 days late: 11/07 (week 2) and
        // 31/07 (week 5), the odd cent where the larger remainder is.
        open(0, day(2026, 7, 1), 11101), open(0, day(2026, 6, 10), 22200), // overdue
        open(1, day(2026, 6, 29), 33300, promised),     // promise running: 20/07, week 3
        open(1, day(2026, 6, 1), 44400, brokenPromise), // promise broken: overdue
        open(1, day(2026, 7, 1), 55500, disputed),      // apart
        open(0, day(2026, 12, 1), 66600),               // later than 8 weeks
        open(kNoCustomer, day(2026, 6, 30), 7700),      // due today, the portfolio's: 10/07, 30/07
    };
    const auto buckets = forecastCashIn(invoices, 2, kAsOf, ForecastPeriod::Week, 8);
    ASSERT_EQ(buckets.size(), 11u);
    EXPECT_EQ(buckets[0].kind, ForecastBucketKind::Overdue);
    EXPECT_EQ(buckets[0].amount, 22200 + 44400);
    EXPECT_EQ(buckets[0].invoices, 2);
    EXPECT_EQ(*buckets[1].from, kAsOf);
    EXPECT_EQ(*buckets[1].to, day(2026, 7, 6));
    EXPECT_EQ(buckets[2].amount, 4440 + 3080);
    EXPECT_EQ(buckets[2].invoices, 2);
    EXPECT_EQ(buckets[3].amount, 33300);
    EXPECT_EQ(buckets[4].amount, 0);
    EXPECT_EQ(buckets[4].invoices, 0);
    EXPECT_EQ(buckets[5].amount, 6661 + 4620);
    EXPECT_EQ(buckets[5].invoices, 2);
    EXPECT_EQ(*buckets[8].to, day(2026, 8, 24));
    EXPECT_EQ(buckets[9].kind, ForecastBucketKind::Later);
    EXPECT_EQ(buckets[9].amount, 66600); // both of its dates are later: one part
    EXPECT_EQ(buckets[9].invoices, 1);
    EXPECT_EQ(*buckets[9].from, day(2026, 8, 25));
    EXPECT_EQ(buckets[10].kind, ForecastBucketKind::Apart);
    EXPECT_EQ(buckets[10].amount, 55500);
    // Every open cent lands in one bucket; the settled invoices in none.
    EXPECT_EQ(sum(buckets), 11101 + 22200 + 33300 + 44400 + 55500 + 66600 + 7700);
}

TEST(CashForecast, MonthsFollowTheCalendarAndEarlyPayersComeNow)
{
    const std::vector<ForecastInvoice> invoices = {
        settled(0, day(2026, 3, 1), 100000, -10),
        settled(0, day(2026, 4, 1), 100000, -10),
        settled(0, day(2026, 5, 1), 100000, -10),
        open(0, day(2026, 7, 5), 1000),   // expected 25/06, before the as-of date: now
        open(0, day(2026, 8, 15), 2000),  // 05/08
        open(0, day(2026, 12, 10), 4000), // 30/11: the sixth month
        open(0, day(2027, 1, 10), 8000),  // 31/12: later
    };
    const auto buckets = forecastCashIn(invoices, 1, kAsOf, ForecastPeriod::Month, 6);
    ASSERT_EQ(buckets.size(), 9u);
    EXPECT_EQ(*buckets[1].from, kAsOf);
    EXPECT_EQ(*buckets[1].to, day(2026, 6, 30));
    EXPECT_EQ(buckets[1].amount, 1000);
    EXPECT_EQ(*buckets[2].from, day(2026, 7, 1));
    EXPECT_EQ(buckets[3].amount, 2000);
    EXPECT_EQ(*buckets[6].to, day(2026, 11, 30));
    EXPECT_EQ(buckets[6].amount, 4000);
    EXPECT_EQ(buckets[7].amount, 8000);
    EXPECT_EQ(bucketLabel(buckets[3], 3, ForecastPeriod::Month, Language::French), "août 2026");
    EXPECT_EQ(bucketLabel(buckets[3], 3, ForecastPeriod::Month, Language::English), "August 2026");
    EXPECT_EQ(bucketLabel(buckets[0], 0, ForecastPeriod::Month, Language::French), "Échu");
    EXPECT_THROW(forecastCashIn(invoices, 1, kAsOf, ForecastPeriod::Week, 0),
                 std::invalid_argument);
}

// A payment after the as-of date had not happened: the invoice was open then, and the
// backtest compares where the forecast put it with the week it was actually paid.
TEST(CashForecast, BacktestComparesWithWhatWasPaidAfterwards)
{
    const std::vector<ForecastInvoice> invoices = {
        settled(0, day(2026, 3, 1), 100000, 10),
        settled(0, day(2026, 4, 1), 100000, 10),
        settled(0, day(2026, 5, 1), 100000, 10),
        settled(0, day(2026, 7, 1), 50000, 10),  // forecast 11/07 (week 2), paid 11/07
        settled(0, day(2026, 7, 10), 30000, 20), // forecast 20/07 (week 3), paid 30/07 (week 5)
        settled(0, day(2026, 6, 1), 20000, 40),  // overdue at 30/06, paid 11/07
    };
    const Backtest test = backtestForecast(invoices, 1, kAsOf, ForecastPeriod::Week, 8);
    ASSERT_EQ(test.periods.size(), 8u);
    EXPECT_EQ(test.periods[1].forecast, 50000);
    EXPECT_EQ(test.periods[1].actual, 50000);
    EXPECT_EQ(test.periods[2].forecast, 30000);
    EXPECT_EQ(test.periods[2].actual, 0);
    EXPECT_EQ(test.periods[4].actual, 30000);
    EXPECT_EQ(test.overdueThen, 20000);
    EXPECT_EQ(test.overdueCollected, 20000);
    ASSERT_TRUE(test.weightedError && test.totalError);
    EXPECT_DOUBLE_EQ(*test.weightedError, 60000.0 / 80000.0);
    EXPECT_DOUBLE_EQ(*test.totalError, 0.0);
}
