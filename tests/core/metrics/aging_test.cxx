#include "core/metrics/aging.hxx"
#include "core/common/input_error.hxx"

#include <gtest/gtest.h>

using namespace relance;

namespace
{
DayNumber day(int y, unsigned m, unsigned d)
{
    return toDayNumber({y, m, d});
}
} // namespace

TEST(Aging, DaysLate)
{
    const DayNumber due = day(2024, 2, 28);
    EXPECT_EQ(daysLate(due, std::nullopt, day(2024, 2, 28)), 0);
    EXPECT_EQ(daysLate(due, std::nullopt, day(2024, 2, 29)), 1);
    EXPECT_EQ(daysLate(due, std::nullopt, day(2024, 3, 1)), 2);
    EXPECT_EQ(daysLate(due, std::nullopt, day(2024, 1, 1)), 0);
    EXPECT_EQ(daysLate(due, std::nullopt, day(2025, 2, 28)), 366);
    // paid late, seen after payment: frozen at the payment date
    EXPECT_EQ(daysLate(due, day(2024, 3, 10), day(2024, 12, 31)), 11);
    // paid early
    EXPECT_EQ(daysLate(due, day(2024, 2, 1), day(2024, 12, 31)), 0);
    // paid after the as-of date: still open then
    EXPECT_EQ(daysLate(due, day(2024, 4, 1), day(2024, 3, 10)), 11);
}

TEST(Aging, DefaultBuckets)
{
    const AgingBounds bounds;
    struct Row
    {
        int days;
        const char* french;
        const char* english;
    };
    const Row rows[] = {{-5, "Non échu", "Not due"},   {0, "Non échu", "Not due"},
                        {1, "1-30 j", "1-30 days"},    {30, "1-30 j", "1-30 days"},
                        {31, "31-60 j", "31-60 days"}, {60, "31-60 j", "31-60 days"},
                        {61, "61-90 j", "61-90 days"}, {90, "61-90 j", "61-90 days"},
                        {91, "> 90 j", "> 90 days"},   {5000, "> 90 j", "> 90 days"}};
    for (const Row& row : rows)
    {
        EXPECT_EQ(bounds.label(bounds.bucketOf(row.days), Language::French), row.french)
            << row.days;
        EXPECT_EQ(bounds.label(bounds.bucketOf(row.days), Language::English), row.english)
            << row.days;
    }
    EXPECT_EQ(bounds.bucketCount(), 5u);
}

TEST(Aging, UserBounds)
{
    const double values[] = {15, 45};
    const AgingBounds bounds = AgingBounds::fromValues(values);
    EXPECT_EQ(bounds.bucketCount(), 4u);
    EXPECT_EQ(bounds.label(bounds.bucketOf(15), Language::French), "1-15 j");
    EXPECT_EQ(bounds.label(bounds.bucketOf(16), Language::French), "16-45 j");
    EXPECT_EQ(bounds.label(bounds.bucketOf(46), Language::English), "> 45 days");

    const double single[] = {30};
    EXPECT_EQ(AgingBounds::fromValues(single).label(2, Language::French), "> 30 j");
}

TEST(Aging, RejectsBadBounds)
{
    const double decreasing[] = {60, 30};
    const double equal[] = {30, 30};
    const double zero[] = {0, 30};
    const double fraction[] = {30.5};
    const double nan[] = {std::numeric_limits<double>::quiet_NaN()};
    EXPECT_THROW(AgingBounds::fromValues(decreasing), InputError);
    EXPECT_THROW(AgingBounds::fromValues(equal), InputError);
    EXPECT_THROW(AgingBounds::fromValues(zero), InputError);
    EXPECT_THROW(AgingBounds::fromValues(fraction), InputError);
    EXPECT_THROW(AgingBounds::fromValues(nan), InputError);
    std::vector<double> many(25);
    for (std::size_t i = 0; i < many.size(); ++i)
        many[i] = static_cast<double>(i + 1);
    EXPECT_THROW(AgingBounds::fromValues(many), InputError);
}
