#include "core/calendar/civil_date.hxx"

#include <gtest/gtest.h>

using namespace relance;

TEST(CivilDate, KnownDayNumbers)
{
    struct Row
    {
        CivilDate date;
        DayNumber dayNumber;
    };
    const Row rows[] = {
        {{1970, 1, 1}, 0},      {{1969, 12, 31}, -1},      {{1899, 12, 30}, -25569},
        {{1904, 1, 1}, -24107}, {{2000, 2, 29}, 11016},    {{2000, 3, 1}, 11017},
        {{2024, 2, 29}, 19782}, {{2024, 12, 31}, 20088},   {{2025, 1, 1}, 20089},
        {{1900, 3, 1}, -25508}, {{9999, 12, 31}, 2932896}, {{1600, 2, 29}, -135081},
    };
    for (const Row& row : rows)
    {
        EXPECT_EQ(toDayNumber(row.date), row.dayNumber) << toIsoString(row.dayNumber);
        EXPECT_EQ(toCivil(row.dayNumber), row.date) << row.dayNumber;
    }
}

TEST(CivilDate, RoundTripsEveryDayOfFourCenturies)
{
    DayNumber expected = toDayNumber({1800, 1, 1});
    for (int year = 1800; year < 2200; ++year)
        for (unsigned month = 1; month <= 12; ++month)
            for (unsigned day = 1; day <= lastDayOfMonth(year, month); ++day)
            {
                const CivilDate date{year, month, day};
                ASSERT_EQ(toDayNumber(date), expected);
                ASSERT_EQ(toCivil(expected), date);
                ++expected;
            }
}

TEST(CivilDate, LeapYearsAndMonthEnds)
{
    EXPECT_TRUE(isLeapYear(2024));
    EXPECT_TRUE(isLeapYear(2000));
    EXPECT_FALSE(isLeapYear(1900));
    EXPECT_FALSE(isLeapYear(2100));
    EXPECT_EQ(lastDayOfMonth(2024, 2), 29u);
    EXPECT_EQ(lastDayOfMonth(2023, 2), 28u);
    EXPECT_EQ(lastDayOfMonth(2023, 4), 30u);
    EXPECT_EQ(lastDayOfMonth(2023, 12), 31u);
    EXPECT_EQ(endOfMonth(toDayNumber({2024, 2, 10})), toDayNumber({2024, 2, 29}));
    EXPECT_EQ(endOfMonth(toDayNumber({2023, 12, 31})), toDayNumber({2023, 12, 31}));
    EXPECT_EQ(dayOfMonthClamped(2023, 2, 31), toDayNumber({2023, 2, 28}));
    EXPECT_FALSE(isValid({2023, 2, 29}));
    EXPECT_FALSE(isValid({2023, 13, 1}));
}

TEST(CivilDate, AddMonthsAcrossYears)
{
    EXPECT_EQ(addMonths({2024, 12, 1}, 1), (CivilDate{2025, 1, 1}));
    EXPECT_EQ(addMonths({2024, 1, 1}, -1), (CivilDate{2023, 12, 1}));
    EXPECT_EQ(addMonths({2024, 1, 1}, -13), (CivilDate{2022, 12, 1}));
    EXPECT_EQ(addMonths({2024, 1, 1}, 24), (CivilDate{2026, 1, 1}));
}

TEST(CivilDate, IsoWeekday)
{
    EXPECT_EQ(isoWeekday(toDayNumber({1970, 1, 1})), 3u);   // Thursday
    EXPECT_EQ(isoWeekday(toDayNumber({2026, 11, 28})), 5u); // Saturday
    EXPECT_EQ(isoWeekday(toDayNumber({1969, 12, 29})), 0u); // Monday
}
