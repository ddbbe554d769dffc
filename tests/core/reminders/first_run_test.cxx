// What a first run proposes when there is no history, only lateness, and what a formal notice
// does when a half-year's ECB rate is not known.
#include "core/reminders/reminder_plan.hxx"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace relance;

namespace
{

DayNumber day(int y, unsigned m, unsigned d)
{
    return toDayNumber({y, m, d});
}

const DayNumber kAsOf = day(2026, 6, 30);

ReminderInvoice invoice(std::string number, std::string customer, int daysLate,
                        Cents balance = 100'000)
{
    ReminderInvoice result;
    result.number = std::move(number);
    result.customer = std::move(customer);
    result.dueDate = kAsOf - daysLate;
    result.invoiceDate = result.dueDate - 30;
    result.amountInclVat = balance;
    result.balance = balance;
    return result;
}

const CustomerReminder* letterOf(const ReminderPlan& plan, const std::string& customer)
{
    for (const CustomerReminder& letter : plan.letters)
        if (letter.customer.name == customer)
            return &letter;
    return nullptr;
}

} // namespace

TEST(FirstRun, LatenessSetsTheLevelOfCustomersNeverReminded)
{
    ReminderInput input;
    input.asOf = kAsOf;
    input.invoices = {invoice("F1", "Old debt", 400), invoice("F2", "Fortnight", 20),
                      invoice("F3", "Days", 3), invoice("F4", "Chased", 45)};
    input.invoices[3].lastLevelSent = 1;
    input.invoices[3].lastReminderDate = kAsOf - 20;

    // The one-step ladder: whoever was never reminded gets reminder 1, even 400 days late.
    const ReminderPlan ladder = planReminders(input, ReminderPolicy{});
    ASSERT_EQ(ladder.letters.size(), 4u);
    EXPECT_EQ(letterOf(ladder, "Old debt")->level, ReminderLevel::First);
    EXPECT_FALSE(letterOf(ladder, "Old debt")->levelFromLateness);
    EXPECT_TRUE(hasReminderHistory(input));

    input.startFromLateness = true;
    const ReminderPlan proposed = planReminders(input, ReminderPolicy{});
    ASSERT_EQ(proposed.letters.size(), 4u);
    const CustomerReminder& old = *letterOf(proposed, "Old debt");
    EXPECT_EQ(old.level, ReminderLevel::FormalNotice);
    EXPECT_TRUE(old.levelFromLateness);
    ASSERT_EQ(old.invoices.size(), 1u);
    ASSERT_TRUE(old.invoices[0].penalty.has_value()) << "a formal notice claims its penalties";
    EXPECT_GT(old.totalPenalties, 0);
    EXPECT_EQ(old.totalIndemnities, 4'000);
    EXPECT_EQ(letterOf(proposed, "Fortnight")->level, ReminderLevel::Second);
    EXPECT_TRUE(letterOf(proposed, "Fortnight")->levelFromLateness);
    // Lateness of reminder 1 changes nothing, and says so.
    EXPECT_EQ(letterOf(proposed, "Days")->level, ReminderLevel::First);
    EXPECT_FALSE(letterOf(proposed, "Days")->levelFromLateness);
    // A customer with history keeps the ladder: reminder 2 after reminder 1, not the notice.
    EXPECT_EQ(letterOf(proposed, "Chased")->level, ReminderLevel::Second);
    EXPECT_FALSE(letterOf(proposed, "Chased")->levelFromLateness);
}

TEST(FirstRun, AnyLogEntryOrRecordedLevelIsHistory)
{
    ReminderInput input;
    input.asOf = kAsOf;
    input.invoices = {invoice("F1", "Dupont", 60)};
    input.startFromLateness = true;
    EXPECT_FALSE(hasReminderHistory(input));
    EXPECT_EQ(planReminders(input, ReminderPolicy{}).letters.at(0).level,
              ReminderLevel::FormalNotice);

    // The log names the customer (another spelling): the ladder applies, from the invoice's
    // own last level.
    input.log = {{"DUPONT", kAsOf - 30, ReminderLevel::First}};
    EXPECT_TRUE(hasReminderHistory(input));
    EXPECT_EQ(planReminders(input, ReminderPolicy{}).letters.at(0).level, ReminderLevel::First);

    // A date alone on an invoice (reminded, level not typed) is history too.
    input.log.clear();
    input.invoices[0].lastReminderDate = kAsOf - 30;
    EXPECT_TRUE(hasReminderHistory(input));
    EXPECT_EQ(planReminders(input, ReminderPolicy{}).letters.at(0).level, ReminderLevel::First);

    // A level the user chose wins over the proposal.
    input.invoices[0].lastReminderDate.reset();
    input.levelOverrides["dupont"] = ReminderLevel::Second;
    const ReminderPlan chosen = planReminders(input, ReminderPolicy{});
    EXPECT_EQ(chosen.letters.at(0).level, ReminderLevel::Second);
    EXPECT_FALSE(chosen.letters.at(0).levelFromLateness);
}

TEST(MissingRate, FormalNoticeLeftOutNamingTheHalfYearOthersStillPlanned)
{
    const DayNumber asOf = day(2026, 8, 10);
    ReminderInput input;
    input.asOf = asOf;
    ReminderInvoice late = invoice("F1", "Dupont", 0, 100'000);
    late.dueDate = asOf - 40;
    late.lastLevelSent = 2;
    late.lastReminderDate = asOf - 20;
    ReminderInvoice early = invoice("F2", "Martin", 0, 50'000);
    early.dueDate = asOf - 5;
    input.invoices = {late, early};

    // The shipped ECB table stops before 2026-S2: never a silent 0 %, never a guess.
    const ReminderPlan plan = planReminders(input, ReminderPolicy{});
    ASSERT_EQ(plan.letters.size(), 1u);
    EXPECT_EQ(plan.letters[0].customer.name, "Martin");
    ASSERT_EQ(plan.excluded.size(), 1u);
    const Exclusion& left = plan.excluded[0];
    EXPECT_EQ(left.reason, ExclusionReason::RateMissing);
    EXPECT_EQ(left.halfYear, "2026-S2");
    EXPECT_EQ(left.amount, 100'000);
    EXPECT_EQ(describe(left, Language::French),
              "Dupont : mise en demeure impossible, taux BCE 2026-S2 à saisir dans Paramètres "
              "(ou choisir Relance 2 pour ce client)");
    EXPECT_EQ(describe(left, Language::English),
              "Dupont: formal notice impossible, ECB rate 2026-S2 to enter in Settings (or "
              "choose Reminder 2 for this customer)");

    // Reminder 2 chosen for the customer needs no rate.
    input.levelOverrides["Dupont"] = ReminderLevel::Second;
    const ReminderPlan lowered = planReminders(input, ReminderPolicy{});
    ASSERT_EQ(lowered.letters.size(), 2u);
    EXPECT_TRUE(lowered.excluded.empty());
    input.levelOverrides.clear();

    // With the rate the user enters, the notice is planned and claims it.
    const RateTable withS2 = RateTable::ecbMainRefinancing().withOverrides(
        std::vector<RateTable::Row>{{{2026, 2}, 20'000}});
    const ReminderPlan complete = planReminders(input, ReminderPolicy{}, withS2);
    ASSERT_EQ(complete.letters.size(), 2u);
    EXPECT_EQ(complete.letters[0].level, ReminderLevel::FormalNotice);
    EXPECT_GT(complete.letters[0].totalPenalties, 0);

    // A contractual rate needs no ECB rate.
    ReminderPolicy contractual;
    contractual.contractualRate = 150'000;
    EXPECT_EQ(planReminders(input, contractual).letters.size(), 2u);
}

TEST(Exclusions, AnInvoiceInLitigationIsLeftOutAsSuch)
{
    ReminderInput input;
    input.asOf = kAsOf;
    input.invoices = {invoice("F1", "Moreau", 120), invoice("F2", "Moreau", 90)};
    input.invoices[0].litigation = true;
    input.invoices[1].litigation = true;
    input.startFromLateness = true;
    const ReminderPlan plan = planReminders(input, ReminderPolicy{});
    EXPECT_TRUE(plan.letters.empty()) << "the procedure chases it, not a letter";
    ASSERT_EQ(plan.excluded.size(), 2u);
    EXPECT_EQ(plan.excluded[0].reason, ExclusionReason::Litigation);
    EXPECT_EQ(describe(plan.excluded[0], Language::French), "Moreau, facture F1 : en contentieux");
    EXPECT_EQ(describe(plan.excluded[1], Language::English), "Moreau, invoice F2: in litigation");
}

// A credit note still open (not yet set against the invoices) stops the customer's letters: a
// letter would claim money the customer does not owe. Applied (balance 0), it stops nothing.
TEST(OpenCreditNote, CustomerLeftOutUntilTheCreditIsApplied)
{
    ReminderInput input;
    input.asOf = kAsOf;
    ReminderInvoice credit = invoice("A1", "Boulangerie Martin", 10, -66'000);
    input.invoices = {invoice("F1", "Boulangerie Martin", 20), credit,
                      invoice("F2", "Fleuriste Bernard", 20)};
    const ReminderPlan plan = planReminders(input, ReminderPolicy{});
    ASSERT_EQ(plan.letters.size(), 1u);
    EXPECT_EQ(plan.letters[0].customer.name, "Fleuriste Bernard");
    ASSERT_EQ(plan.excluded.size(), 1u);
    const Exclusion& left = plan.excluded[0];
    EXPECT_EQ(left.reason, ExclusionReason::CreditToApply);
    EXPECT_EQ(left.amount, 66'000);
    EXPECT_NE(describe(left, Language::French).find("avoir ouvert de 660,00"), std::string::npos)
        << describe(left, Language::French);
    EXPECT_NE(describe(left, Language::English).find("open credit note of"), std::string::npos);

    input.invoices[1].balance = 0; // applied
    EXPECT_EQ(planReminders(input, ReminderPolicy{}).letters.size(), 2u);
}
