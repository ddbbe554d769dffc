#include "core/reminders/reminder_effect.hxx"

#include <gtest/gtest.h>

#include <vector>

using namespace relance;

namespace
{

DayNumber day(int y, unsigned m, unsigned d)
{
    return toDayNumber({y, m, d});
}

InvoiceLine invoice(DayNumber due, Cents amount, std::optional<DayNumber> paidOn = std::nullopt,
                    std::optional<Cents> paid = std::nullopt)
{
    return {due - 30, due, amount, paidOn ? paid.value_or(amount) : paid, paidOn};
}

} // namespace

// Four first reminders on 01/06: paid on day 5, on day 12, on day 40, never. A payment dated
// before its letter is not the letter's success, and a letter of 25/06 cannot be judged on
// 8 days until 03/07.
TEST(ReminderEffect, SharePaidWithinEachWindowAfterTheLetter)
{
    const DayNumber sent = day(2026, 6, 1);
    const std::vector<InvoiceLine> invoices = {
        invoice(day(2026, 5, 1), 1000, sent + 5),      invoice(day(2026, 5, 1), 1000, sent + 12),
        invoice(day(2026, 5, 1), 1000, sent + 40),     invoice(day(2026, 5, 1), 1000),
        invoice(day(2026, 5, 1), 1000, sent - 3),      invoice(day(2026, 5, 1), 1000, sent + 2),
        invoice(day(2026, 5, 1), 1000, sent + 3, 400), // part-paid: not a success
    };
    const DayNumber asOf = day(2026, 7, 31);
    const std::vector<SentLetter> letters = {
        {sent, 1, {0}},
        {sent, 1, {1}},
        {sent, 1, {2}},
        {sent, 1, {3}},
        {sent, 1, {4}},             // paid before the letter
        {day(2026, 7, 25), 2, {5}}, // 6 days before the as-of date
        {sent, 3, {5, 6}},          // one of its two invoices part-paid
        {day(2026, 8, 2), 1, {0}},  // after the as-of date: not counted
        {sent, 0, {}}};             // no known invoice
    const auto effects = reminderEffect(letters, invoices, asOf);
    ASSERT_EQ(effects.size(), 4u);
    const LevelEffect& first = effects[1];
    EXPECT_EQ(first.letters, 5);
    EXPECT_EQ(first.judged[0], 5);
    EXPECT_DOUBLE_EQ(*first.paidWithin[0], 1.0 / 5);
    EXPECT_DOUBLE_EQ(*first.paidWithin[1], 2.0 / 5);
    EXPECT_DOUBLE_EQ(*first.paidWithin[2], 2.0 / 5);
    EXPECT_DOUBLE_EQ(*first.medianDaysToPayment, 12.0); // 5, 12, 40
    // The second reminder: its windows are not over yet, and its invoice was paid before it.
    EXPECT_EQ(effects[2].letters, 1);
    EXPECT_EQ(effects[2].judged[0], 0);
    EXPECT_FALSE(effects[2].paidWithin[0]);
    EXPECT_FALSE(effects[2].medianDaysToPayment);
    EXPECT_EQ(effects[3].letters, 1);
    EXPECT_DOUBLE_EQ(*effects[3].paidWithin[2], 0.0);
    EXPECT_EQ(effects[0].letters, 0);
    EXPECT_FALSE(effects[0].paidWithin[0]);
}

TEST(ReminderEffect, MedianOfAnEvenCountIsTheMiddlePair)
{
    const DayNumber sent = day(2026, 6, 1);
    const std::vector<InvoiceLine> invoices = {invoice(sent, 1000, sent + 3),
                                               invoice(sent, 1000, sent + 10)};
    const auto effects = reminderEffect(std::vector<SentLetter>{{sent, 2, {0}}, {sent, 2, {1}}},
                                        invoices, day(2026, 12, 31));
    EXPECT_DOUBLE_EQ(*effects[2].medianDaysToPayment, 6.5);
    EXPECT_THROW(reminderEffect(std::vector<SentLetter>{{sent, 4, {0}}}, invoices, sent),
                 std::invalid_argument);
}

// Of the invoices dated in the period and due by the as-of date, those named in a letter of
// level 1 or more.
TEST(ReminderEffect, RemindedShareCountsInvoicesOfThePeriod)
{
    const std::vector<InvoiceLine> invoices = {
        {day(2026, 1, 10), day(2026, 2, 10), 1000, std::nullopt, std::nullopt},
        {day(2026, 1, 20), day(2026, 2, 20), 1000, std::nullopt, std::nullopt},
        {day(2026, 2, 5), day(2026, 3, 5), 1000, std::nullopt, std::nullopt},
        {day(2026, 2, 6), day(2026, 3, 6), 1000, std::nullopt, std::nullopt},
        {day(2026, 3, 1), day(2026, 4, 1), 1000, std::nullopt, std::nullopt},
        {day(2026, 2, 7), day(2026, 3, 7), -500, std::nullopt, std::nullopt},  // credit note
        {day(2026, 2, 20), day(2026, 8, 1), 1000, std::nullopt, std::nullopt}, // due in August
    };
    const std::vector<SentLetter> letters = {
        {day(2026, 3, 1), 1, {0, 2}}, {day(2026, 2, 25), 0, {3}}, {day(2026, 9, 1), 2, {1}}};
    const DayNumber asOf = day(2026, 6, 30);
    EXPECT_DOUBLE_EQ(*remindedShare(letters, invoices, day(2026, 1, 1), day(2026, 2, 28), asOf),
                     2.0 / 4);
    EXPECT_DOUBLE_EQ(
        *remindedShare(letters, invoices, day(2026, 1, 1), day(2026, 2, 28), day(2026, 12, 31)),
        3.0 / 5);
    EXPECT_FALSE(remindedShare(letters, invoices, day(2025, 1, 1), day(2025, 12, 31), asOf));
}
