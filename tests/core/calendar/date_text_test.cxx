#include "core/calendar/date_text.hxx"

#include <gtest/gtest.h>

using namespace relance;

TEST(DateText, AcceptedForms)
{
    struct Row
    {
        const char* text;
        DateOrder order;
        CivilDate expected;
    };
    const auto DMY = DateOrder::DayMonthYear;
    const auto MDY = DateOrder::MonthDayYear;
    const Row rows[] = {
        {"12/03/2024", DMY, {2024, 3, 12}},      {"12/03/2024", MDY, {2024, 12, 3}},
        {"12-03-2024", DMY, {2024, 3, 12}},      {"12.03.24", DMY, {2024, 3, 12}},
        {"1/2/99", DMY, {1999, 2, 1}},           {"2024-03-12", MDY, {2024, 3, 12}},
        {"29/02/2024", DMY, {2024, 2, 29}},      {"12 mars 2024", DMY, {2024, 3, 12}},
        {"1er février 2024", DMY, {2024, 2, 1}}, {"1 fevrier 2024", DMY, {2024, 2, 1}},
        {"3 févr. 2025", DMY, {2025, 2, 3}},     {"mardi 12 mars 2024", DMY, {2024, 3, 12}},
        {"15 août 2024", DMY, {2024, 8, 15}},    {"15 aout 2024", DMY, {2024, 8, 15}},
        {"31 DÉC 2023", DMY, {2023, 12, 31}},    {"March 12, 2024", DMY, {2024, 3, 12}},
        {"12 March 2024", MDY, {2024, 3, 12}},   {"12-Mar-2024", DMY, {2024, 3, 12}},
        {"Sept 5 2024", DMY, {2024, 9, 5}},      {"\u00a012/03/2024\u00a0", DMY, {2024, 3, 12}},
    };
    for (const Row& row : rows)
    {
        const auto parsed = parseDateText(row.text, row.order);
        ASSERT_TRUE(parsed.has_value()) << row.text;
        EXPECT_EQ(toCivil(*parsed), row.expected) << row.text;
    }
}

TEST(DateText, RejectedForms)
{
    const char* rejected[] = {"",
                              "31/02/2024",
                              "29/02/2023",
                              "00/01/2024",
                              "12/13/2024",
                              "mars 2024",
                              "12 mars",
                              "12/03",
                              "hier",
                              "12 foo 2024",
                              "12/03/2024/5",
                              "0001-01-01",
                              "12 mars avril 2024",
                              "123/03/2024",
                              "12/03/12345"};
    for (const char* text : rejected)
        EXPECT_FALSE(parseDateText(text).has_value()) << text;
}
