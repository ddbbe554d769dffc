#include "core/common/input_error.hxx"
#include "input_error_message.hxx"
#include "core/reminders/reminder_plan.hxx"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

using namespace relance;
using relance_test::messageOf;

namespace
{

DayNumber day(int y, unsigned m, unsigned d)
{
    return toDayNumber({y, m, d});
}

// In 2026-S1, whose ECB rate is shipped: plans below the formal notice need no rate anyway.
const DayNumber kAsOf = day(2026, 5, 20);

ReminderInvoice invoice(std::string number, std::string customer, int daysLate,
                        Cents balance = 100'000, int lastLevelSent = 0)
{
    ReminderInvoice result;
    result.number = std::move(number);
    result.customer = std::move(customer);
    result.dueDate = kAsOf - daysLate;
    result.invoiceDate = result.dueDate - 30;
    result.amountInclVat = balance;
    result.balance = balance;
    result.lastLevelSent = lastLevelSent;
    return result;
}

ReminderInput inputOf(std::vector<ReminderInvoice> invoices, DayNumber asOf = kAsOf)
{
    ReminderInput input;
    input.asOf = asOf;
    input.invoices = std::move(invoices);
    return input;
}

// Statutory rates of 2026 for the tests that cross into 2026-S2 (not shipped yet).
RateTable rates2026()
{
    return RateTable({{{2025, 2}, 21'500}, {{2026, 1}, 21'500}, {{2026, 2}, 20'000}});
}

} // namespace

TEST(ReminderPlan, LevelNames)
{
    struct Row
    {
        ReminderLevel level;
        const char* french;
        const char* english;
    };
    const Row rows[] = {
        {ReminderLevel::PreDue, "Pré-relance", "Pre-due notice"},
        {ReminderLevel::First, "Relance 1", "Reminder 1"},
        {ReminderLevel::Second, "Relance 2", "Reminder 2"},
        {ReminderLevel::FormalNotice, "Mise en demeure", "Formal notice"},
    };
    for (const Row& row : rows)
    {
        EXPECT_EQ(levelName(row.level, Language::French), row.french);
        EXPECT_EQ(levelName(row.level, Language::English), row.english);
    }
}

TEST(ReminderPlan, LevelAtEveryBoundary)
{
    struct Row
    {
        int daysLate; // negative: days before the due date
        std::optional<int> preDueDays;
        std::optional<ReminderLevel> expected;
    };
    using L = ReminderLevel;
    const Row rows[] = {
        {-6, 5, std::nullopt},
        {-5, 5, L::PreDue},
        {-1, 5, L::PreDue},
        {0, 5, L::PreDue},
        {0, 0, L::PreDue},
        {-1, 0, std::nullopt},
        {0, std::nullopt, {}},
        {-3, std::nullopt, {}},
        {1, std::nullopt, L::First},
        {1, 5, L::First},
        {14, std::nullopt, L::First},
        {15, {}, L::Second},
        {29, {}, L::Second},
        {30, {}, L::FormalNotice},
        {200, {}, L::FormalNotice},
    };
    for (const Row& row : rows)
    {
        ReminderPolicy policy;
        policy.preDueDays = row.preDueDays;
        // Last level 3: no escalation cap, the raw level shows.
        const ReminderPlan plan =
            planReminders(inputOf({invoice("F1", "Dupont", row.daysLate, 100'000, 3)}), policy);
        EXPECT_TRUE(plan.excluded.empty()) << row.daysLate;
        if (!row.expected)
        {
            EXPECT_TRUE(plan.letters.empty()) << "D+" << row.daysLate;
            continue;
        }
        ASSERT_EQ(plan.letters.size(), 1u) << "D+" << row.daysLate;
        EXPECT_EQ(plan.letters[0].level, *row.expected) << "D+" << row.daysLate;
        ASSERT_EQ(plan.letters[0].invoices.size(), 1u);
        EXPECT_EQ(plan.letters[0].invoices[0].daysLate, row.daysLate);
    }
}

TEST(ReminderPlan, CustomThresholds)
{
    ReminderPolicy policy;
    policy.firstDays = 3;
    policy.secondDays = 10;
    policy.formalNoticeDays = 20;
    struct Row
    {
        int daysLate;
        std::optional<ReminderLevel> expected;
    };
    const Row rows[] = {{2, std::nullopt},           {3, ReminderLevel::First},
                        {9, ReminderLevel::First},   {10, ReminderLevel::Second},
                        {19, ReminderLevel::Second}, {20, ReminderLevel::FormalNotice}};
    for (const Row& row : rows)
    {
        const ReminderPlan plan =
            planReminders(inputOf({invoice("F1", "Dupont", row.daysLate, 100'000, 3)}), policy);
        if (!row.expected)
            EXPECT_TRUE(plan.letters.empty()) << row.daysLate;
        else
        {
            ASSERT_EQ(plan.letters.size(), 1u) << row.daysLate;
            EXPECT_EQ(plan.letters[0].level, *row.expected) << row.daysLate;
        }
    }
}

TEST(ReminderPlan, EscalatesOneStepAtATime)
{
    struct Row
    {
        int daysLate;
        int lastLevelSent;
        ReminderLevel expected;
    };
    using L = ReminderLevel;
    const Row rows[] = {
        {40, 0, L::First},        // never reminded: reminder 1 first, even at D+40
        {40, 1, L::Second},       //
        {40, 2, L::FormalNotice}, //
        {40, 3, L::FormalNotice}, // a formal notice may be repeated
        {20, 0, L::First},        //
        {20, 1, L::Second},       //
        {20, 2, L::Second},       // the days decide the ceiling: no formal notice at D+20
        {5, 2, L::First},         // due date moved: back to the level the days give
        {1, 0, L::First},         //
    };
    for (const Row& row : rows)
    {
        const ReminderPlan plan = planReminders(
            inputOf({invoice("F1", "Dupont", row.daysLate, 100'000, row.lastLevelSent)}),
            ReminderPolicy{});
        ASSERT_EQ(plan.letters.size(), 1u) << row.daysLate << " " << row.lastLevelSent;
        EXPECT_EQ(plan.letters[0].level, row.expected)
            << "D+" << row.daysLate << " after level " << row.lastLevelSent;
        EXPECT_EQ(plan.letters[0].invoices[0].level, row.expected);
    }
    // A pre-due notice is not a step: the first reminder still follows it.
    ReminderPolicy preDue;
    preDue.preDueDays = 5;
    const ReminderPlan plan =
        planReminders(inputOf({invoice("F1", "Dupont", -2, 100'000, 0)}), preDue);
    ASSERT_EQ(plan.letters.size(), 1u);
    EXPECT_EQ(plan.letters[0].level, ReminderLevel::PreDue);
}

TEST(ReminderPlan, OneLetterPerCustomerAtItsHighestLevel)
{
    ReminderPolicy policy;
    policy.preDueDays = 5;
    ReminderInput input = inputOf({
        invoice("F3", "Dupont SARL", 3),              // reminder 1
        invoice("F2", "dupont sarl", 20, 250'000, 1), // reminder 2, other spelling
        invoice("F4", "Dupont SARL", -2),             // pre-due: not listed as overdue
        invoice("F1", "DUPONT SARL", 20, 50'000, 0),  // reminder 1 (one step)
        invoice("M1", "Martin", 1),                   //
        invoice("P1", "Petit", -1),                   // pre-due only
        invoice("Z0", "Zoé", 10, 0),                  // nothing left to pay
    });
    input.customers = {{"Dupont SARL", "DUPONT ET FILS SARL", "123456789", "compta@dupont.fr",
                        "1 rue de la Paix\n75002 Paris", false}};
    const ReminderPlan plan = planReminders(input, policy);
    EXPECT_TRUE(plan.excluded.empty());
    ASSERT_EQ(plan.letters.size(), 3u);

    const CustomerReminder& dupont = plan.letters[0];
    EXPECT_EQ(dupont.customer.name, "Dupont SARL");
    EXPECT_EQ(dupont.customer.legalName, "DUPONT ET FILS SARL");
    EXPECT_EQ(dupont.customer.address, "1 rue de la Paix\n75002 Paris");
    EXPECT_EQ(dupont.level, ReminderLevel::Second);
    ASSERT_EQ(dupont.invoices.size(), 3u);
    // By due date, then number.
    EXPECT_EQ(dupont.invoices[0].invoice.number, "F1");
    EXPECT_EQ(dupont.invoices[1].invoice.number, "F2");
    EXPECT_EQ(dupont.invoices[2].invoice.number, "F3");
    EXPECT_EQ(dupont.invoices[0].level, ReminderLevel::First);
    EXPECT_EQ(dupont.invoices[1].level, ReminderLevel::Second);
    EXPECT_EQ(dupont.totalBalance, 50'000 + 250'000 + 100'000);
    EXPECT_EQ(dupont.totalPenalties, 0);
    EXPECT_EQ(dupont.totalIndemnities, 0);
    EXPECT_FALSE(dupont.invoices[0].penalty);
    EXPECT_EQ(dupont.date, kAsOf);
    EXPECT_EQ(dupont.deadline, kAsOf + 8);

    EXPECT_EQ(plan.letters[1].customer.name, "Martin"); // no customer record: invoice spelling
    EXPECT_EQ(plan.letters[1].level, ReminderLevel::First);
    EXPECT_EQ(plan.letters[2].customer.name, "Petit");
    EXPECT_EQ(plan.letters[2].level, ReminderLevel::PreDue);
    EXPECT_EQ(plan.letters[2].invoices[0].daysLate, -1);
}

TEST(ReminderPlan, EachExclusionWithItsReason)
{
    struct Row
    {
        const char* what;
        void (*change)(ReminderInput&);
        ExclusionReason reason;
        bool wholeCustomer;
        std::optional<DayNumber> date;
    };
    const Row rows[] = {
        {"disputed", [](ReminderInput& in) { in.invoices[0].disputed = true; },
         ExclusionReason::Disputed, false, std::nullopt},
        {"promise today", [](ReminderInput& in) { in.invoices[0].promiseDate = kAsOf; },
         ExclusionReason::PromiseHeld, false, kAsOf},
        {"promise later", [](ReminderInput& in) { in.invoices[0].promiseDate = kAsOf + 3; },
         ExclusionReason::PromiseHeld, false, kAsOf + 3},
        {"invoice on hold", [](ReminderInput& in) { in.invoices[0].onHold = true; },
         ExclusionReason::InvoiceOnHold, false, std::nullopt},
        {"customer on hold",
         [](ReminderInput& in) {
             in.customers = {{"Dupont", "", "", "", "", true}};
         },
         ExclusionReason::CustomerOnHold, true, std::nullopt},
    };
    for (const Row& row : rows)
    {
        ReminderInput input = inputOf({invoice("F1", "Dupont", 20, 120'000, 1)});
        row.change(input);
        const ReminderPlan plan = planReminders(input, ReminderPolicy{});
        EXPECT_TRUE(plan.letters.empty()) << row.what;
        ASSERT_EQ(plan.excluded.size(), 1u) << row.what;
        const Exclusion& exclusion = plan.excluded[0];
        EXPECT_EQ(exclusion.reason, row.reason) << row.what;
        EXPECT_EQ(exclusion.customer, "Dupont");
        EXPECT_EQ(exclusion.invoice, row.wholeCustomer ? "" : "F1") << row.what;
        EXPECT_EQ(exclusion.date, row.date) << row.what;
        EXPECT_EQ(exclusion.amount, 120'000) << row.what;
        for (const Language language : {Language::French, Language::English})
        {
            const std::string reason = exclusionReasonText(row.reason, language);
            EXPECT_FALSE(reason.empty());
            EXPECT_NE(describe(exclusion, language).find(reason), std::string::npos);
        }
    }

    // A broken promise (date passed) no longer protects the invoice.
    ReminderInput broken = inputOf({invoice("F1", "Dupont", 20, 120'000, 1)});
    broken.invoices[0].promiseDate = kAsOf - 1;
    EXPECT_EQ(planReminders(broken, ReminderPolicy{}).letters.size(), 1u);

    // An excluded invoice leaves the others of the customer chased, at their own level.
    ReminderInput mixed =
        inputOf({invoice("F1", "Dupont", 40, 120'000, 2), invoice("F2", "Dupont", 20, 30'000, 1)});
    mixed.invoices[0].disputed = true;
    const ReminderPlan plan = planReminders(mixed, ReminderPolicy{});
    ASSERT_EQ(plan.letters.size(), 1u);
    EXPECT_EQ(plan.letters[0].level, ReminderLevel::Second);
    ASSERT_EQ(plan.letters[0].invoices.size(), 1u);
    EXPECT_EQ(plan.letters[0].invoices[0].invoice.number, "F2");
    EXPECT_EQ(plan.letters[0].totalBalance, 30'000);
    ASSERT_EQ(plan.excluded.size(), 1u);
    EXPECT_EQ(plan.excluded[0].invoice, "F1");
    EXPECT_EQ(describe(plan.excluded[0], Language::French), "Dupont, facture F1 : litige en cours");
    EXPECT_EQ(describe(plan.excluded[0], Language::English), "Dupont, invoice F1: disputed");
}

TEST(ReminderPlan, InvoicesNotYetChasedAreNotReportedAsExcluded)
{
    ReminderInput input = inputOf({invoice("F1", "Dupont", -10), invoice("F2", "Dupont", 0)});
    input.invoices[0].disputed = true;
    input.customers = {{"Dupont", "", "", "", "", true}};
    const ReminderPlan plan = planReminders(input, ReminderPolicy{});
    EXPECT_TRUE(plan.letters.empty());
    EXPECT_TRUE(plan.excluded.empty());
}

TEST(ReminderPlan, MinimumAmount)
{
    struct Row
    {
        std::vector<Cents> balances;
        bool firstDisputed;
        bool chased;
    };
    const Row rows[] = {
        {{49'999}, false, false},
        {{50'000}, false, true},
        {{30'000, 20'000}, false, true}, // the customer's total counts
        {{30'000, 19'999}, false, false},
        {{40'000, 20'000}, true, false}, // excluded invoices do not count
    };
    ReminderPolicy policy;
    policy.minimumAmount = 50'000;
    for (const Row& row : rows)
    {
        std::vector<ReminderInvoice> invoices;
        for (std::size_t i = 0; i < row.balances.size(); ++i)
            invoices.push_back(invoice("F" + std::to_string(i), "Dupont", 10, row.balances[i]));
        invoices[0].disputed = row.firstDisputed;
        const ReminderPlan plan = planReminders(inputOf(invoices), policy);
        EXPECT_EQ(plan.letters.size(), row.chased ? 1u : 0u) << row.balances[0];
        if (!row.chased)
        {
            ASSERT_FALSE(plan.excluded.empty());
            EXPECT_EQ(plan.excluded.back().reason, ExclusionReason::BelowMinimum);
            EXPECT_EQ(plan.excluded.back().invoice, "");
        }
    }
}

TEST(ReminderPlan, MinimumDaysBetweenLetters)
{
    struct Row
    {
        const char* what;
        std::optional<DayNumber> logDate;     // log entry for "DUPONT" (other spelling)
        std::optional<DayNumber> invoiceDate; // last reminder recorded on the invoice
        int minDaysBetween;
        bool chased;
    };
    const Row rows[] = {
        {"log 6 days ago", kAsOf - 6, std::nullopt, 7, false},
        {"log 7 days ago", kAsOf - 7, std::nullopt, 7, true},
        {"log 30 days ago", kAsOf - 30, std::nullopt, 7, true},
        {"invoice 3 days ago", std::nullopt, kAsOf - 3, 7, false},
        {"old log, recent invoice", kAsOf - 30, kAsOf - 2, 7, false},
        {"no limit", kAsOf - 1, std::nullopt, 0, true},
        {"log in the future", kAsOf + 2, std::nullopt, 7, false},
    };
    for (const Row& row : rows)
    {
        ReminderPolicy policy;
        policy.minDaysBetween = row.minDaysBetween;
        ReminderInput input = inputOf({invoice("F1", "Dupont", 20, 100'000, 1)});
        if (row.logDate)
            input.log.push_back({"DUPONT", *row.logDate, ReminderLevel::First});
        input.log.push_back({"Martin", kAsOf - 1, ReminderLevel::First}); // someone else
        input.invoices[0].lastReminderDate = row.invoiceDate;
        const ReminderPlan plan = planReminders(input, policy);
        EXPECT_EQ(plan.letters.size(), row.chased ? 1u : 0u) << row.what;
        if (!row.chased)
        {
            ASSERT_EQ(plan.excluded.size(), 1u) << row.what;
            EXPECT_EQ(plan.excluded[0].reason, ExclusionReason::TooSoon) << row.what;
            EXPECT_EQ(plan.excluded[0].date, row.invoiceDate ? row.invoiceDate : row.logDate);
        }
        // force ignores the timing checks.
        input.force = true;
        EXPECT_EQ(planReminders(input, policy).letters.size(), 1u) << row.what;
    }
}

TEST(ReminderPlan, SameDayRerunProducesNothingUnlessForced)
{
    const ReminderInput first =
        inputOf({invoice("F1", "Dupont", 5), invoice("F2", "Dupont", 20, 50'000, 0)});
    const ReminderPlan plan = planReminders(first, ReminderPolicy{});
    ASSERT_EQ(plan.letters.size(), 1u);
    EXPECT_EQ(plan.letters[0].level, ReminderLevel::First);

    // What the glue records once the letters are sent: the log, and each invoice's level.
    ReminderInput loggedOnly = first;
    loggedOnly.log.push_back({"Dupont", kAsOf, plan.letters[0].level});
    ReminderInput recorded = loggedOnly;
    for (ReminderInvoice& invoice : recorded.invoices)
    {
        invoice.lastLevelSent = 1;
        invoice.lastReminderDate = kAsOf;
    }
    ReminderInput invoicesOnly = recorded;
    invoicesOnly.log.clear();

    for (const ReminderInput* rerun : {&loggedOnly, &recorded, &invoicesOnly})
    {
        const ReminderPlan again = planReminders(*rerun, ReminderPolicy{});
        EXPECT_TRUE(again.letters.empty());
        ASSERT_EQ(again.excluded.size(), 1u);
        EXPECT_EQ(again.excluded[0].reason, ExclusionReason::AlreadyRemindedToday);
        EXPECT_EQ(again.excluded[0].date, kAsOf);
    }

    // force regenerates the same letter: a level recorded today is not escalated today.
    for (const ReminderInput* rerun : {&loggedOnly, &recorded, &invoicesOnly})
    {
        ReminderInput forced = *rerun;
        forced.force = true;
        const ReminderPlan regenerated = planReminders(forced, ReminderPolicy{});
        ASSERT_EQ(regenerated.letters.size(), 1u);
        EXPECT_EQ(regenerated.letters[0].level, ReminderLevel::First);
        EXPECT_EQ(regenerated.letters[0].totalBalance, plan.letters[0].totalBalance);
    }
    // Even without a minimum delay, a same-day rerun does not escalate F2 to reminder 2.
    ReminderPolicy noDelay;
    noDelay.minDaysBetween = 0;
    EXPECT_TRUE(planReminders(recorded, noDelay).letters.empty());
    // The next week, it does.
    ReminderInput nextWeek = recorded;
    nextWeek.asOf = kAsOf + 7;
    const ReminderPlan later = planReminders(nextWeek, ReminderPolicy{});
    ASSERT_EQ(later.letters.size(), 1u);
    EXPECT_EQ(later.letters[0].level, ReminderLevel::Second);

    ReminderInput forced = loggedOnly;
    forced.force = true;

    // force never overrides a dispute.
    forced.invoices[0].disputed = true;
    forced.invoices[1].disputed = true;
    EXPECT_TRUE(planReminders(forced, ReminderPolicy{}).letters.empty());

    // A lower level sent today does not count as this level: the minimum delay decides.
    ReminderInput higher = inputOf({invoice("F1", "Dupont", 20, 100'000, 1)});
    higher.log.push_back({"Dupont", kAsOf, ReminderLevel::PreDue});
    const ReminderPlan afterPreDue = planReminders(higher, ReminderPolicy{});
    ASSERT_EQ(afterPreDue.excluded.size(), 1u);
    EXPECT_EQ(afterPreDue.excluded[0].reason, ExclusionReason::TooSoon);
}

TEST(ReminderPlan, FormalNoticePenaltiesAcrossAHalfYearAndTotals)
{
    const DayNumber asOf = day(2026, 7, 20);
    ReminderInvoice a = invoice("A-1", "Dupont", 0, 1'000'000, 2);
    a.dueDate = day(2026, 6, 15); // 15 days of S1 at 12.15 %, 20 of S2 at 12.00 %
    a.amountInclVat = 1'200'000;
    a.paid = 200'000;
    ReminderInvoice b = invoice("B-2", "Dupont", 0, 123'456, 2);
    b.dueDate = day(2026, 5, 20); // 41 days of S1, 20 of S2
    ReminderPolicy policy;
    policy.deadlineDays = 15;
    const ReminderPlan plan = planReminders(inputOf({a, b}, asOf), policy, rates2026());
    ASSERT_EQ(plan.letters.size(), 1u);
    const CustomerReminder& letter = plan.letters[0];
    EXPECT_EQ(letter.level, ReminderLevel::FormalNotice);
    ASSERT_EQ(letter.invoices.size(), 2u);

    const ReminderLine& lineB = letter.invoices[0]; // earlier due date first
    const ReminderLine& lineA = letter.invoices[1];
    EXPECT_EQ(lineA.invoice.number, "A-1");
    EXPECT_EQ(lineA.daysLate, 35);
    ASSERT_TRUE(lineA.penalty);
    // 10 000 EUR x (12.15 % x 15 + 12.00 % x 20) / 365 = 115.6849 EUR: on the balance.
    EXPECT_EQ(lineA.penalty->amount, 11'568);
    EXPECT_EQ(lineA.penalty->days, 35);
    ASSERT_EQ(lineA.penalty->segments.size(), 2u);
    EXPECT_EQ(lineA.penalty->segments[0].period, (HalfYear{2026, 1}));
    EXPECT_EQ(lineA.penalty->segments[0].days, 15);
    EXPECT_EQ(lineA.penalty->segments[0].rate, 121'500);
    EXPECT_EQ(lineA.penalty->segments[1].period, (HalfYear{2026, 2}));
    EXPECT_EQ(lineA.penalty->segments[1].days, 20);
    EXPECT_EQ(lineA.penalty->segments[1].rate, 120'000);
    EXPECT_EQ(lineA.indemnity, 4'000);

    EXPECT_EQ(lineB.daysLate, 61);
    // 1 234,56 EUR x (12.15 % x 41 + 12.00 % x 20) / 365 = 24.9669 EUR.
    EXPECT_EQ(lineB.penalty->amount, 2'497);
    EXPECT_EQ(lineB.indemnity, 4'000);

    EXPECT_EQ(letter.totalBalance, 1'123'456);
    EXPECT_EQ(letter.totalPenalties, 11'568 + 2'497);
    EXPECT_EQ(letter.totalIndemnities, 8'000);
    EXPECT_EQ(letter.total(), 1'123'456 + 14'065 + 8'000);
    EXPECT_EQ(letter.deadline, day(2026, 8, 4));
}

TEST(ReminderPlan, RejectsInvalidPolicyAndInput)
{
    // Named in English by the field, in French by the line of the Paramètres sheet.
    struct PolicyRow
    {
        void (*change)(ReminderPolicy&);
        const char* named;
        const char* french;
    };
    const PolicyRow policies[] = {
        {[](ReminderPolicy& p) { p.firstDays = 0; }, "firstDays",
         "Paramètres, « Relance 1 » : de 1 à 3650 jours, pas 0"},
        {[](ReminderPolicy& p) { p.secondDays = 1; }, "secondDays",
         "Paramètres, « Relance 2 » : de 2 à 3650 jours, pas 1"},
        {[](ReminderPolicy& p) { p.formalNoticeDays = 15; }, "formalNoticeDays",
         "Paramètres, « Mise en demeure » : de 16 à 3650 jours, pas 15"},
        {[](ReminderPolicy& p) { p.preDueDays = -1; }, "preDueDays",
         "Paramètres, « Pré-relance » : de 0 à 365 jours, pas -1"},
        {[](ReminderPolicy& p) { p.deadlineDays = -8; }, "deadlineDays",
         "Paramètres, « Délai accordé dans les relances » : de 0 à 365 jours, pas -8"},
        {[](ReminderPolicy& p) { p.minDaysBetween = -1; }, "minDaysBetween",
         "Paramètres, « Jours minimum entre deux relances » : de 0 à 365 jours, pas -1"},
        {[](ReminderPolicy& p) { p.minimumAmount = -1; }, "minimumAmount",
         "Paramètres, « Montant minimum à relancer » : montant hors limites"},
    };
    for (const PolicyRow& row : policies)
    {
        ReminderPolicy policy;
        row.change(policy);
        try
        {
            planReminders(inputOf({invoice("F1", "D", 3)}), policy);
            ADD_FAILURE() << row.named << " accepted";
        }
        catch (const InputError& error)
        {
            EXPECT_NE(std::string(error.what()).find(row.named), std::string::npos) << error.what();
            EXPECT_EQ(error.message(Language::French), row.french);
        }
    }

    struct InputRow
    {
        void (*change)(ReminderInput&);
        const char* named;
    };
    const InputRow inputs[] = {
        {[](ReminderInput& in) { in.invoices[0].lastLevelSent = 4; }, "last reminder level"},
        {[](ReminderInput& in) { in.invoices[0].number.clear(); }, "no number"},
        {[](ReminderInput& in) { in.invoices[0].customer.clear(); }, "no customer"},
        {[](ReminderInput& in) { in.invoices[0].dueDate = 0 - 30'000; }, "due date"},
        {[](ReminderInput& in) { in.invoices[0].balance = kMaxCents + 1; }, "amount"},
        {[](ReminderInput& in) {
             in.customers = {{"Dupont", "", "", "", "", false}, {"DUPONT", "", "", "", "", false}};
         },
         "listed twice"},
    };
    for (const InputRow& row : inputs)
    {
        ReminderInput input = inputOf({invoice("F1", "Dupont", 3)});
        row.change(input);
        const std::string message = messageOf([&] { planReminders(input, ReminderPolicy{}); });
        EXPECT_NE(message.find(row.named), std::string::npos) << message;
    }
}

// A statement lists the whole open account: invoices not yet due, disputed or promised ones
// too, by due date; paid ones and other customers' are left out.
TEST(ReminderPlan, StatementOfAccountListsEveryOpenInvoice)
{
    ReminderInvoice disputed = invoice("F-3", "Dupont SARL", 20, 30'000);
    disputed.disputed = true;
    ReminderInvoice promised = invoice("F-4", "dupont sarl", 40, 5'000);
    promised.promiseDate = kAsOf + 10;
    ReminderInput input =
        inputOf({invoice("F-1", "Dupont SARL", -12, 120'000), invoice("F-2", "Dupont SARL", 5, 0),
                 disputed, promised, invoice("F-9", "Martin", 3, 7'000)});
    ReminderCustomer dupont;
    dupont.name = "DUPONT Sarl";
    dupont.email = "compta@dupont.fr";
    input.customers.push_back(dupont);
    input.log.push_back({"Dupont SARL", kAsOf, ReminderLevel::FormalNotice});

    const std::vector<CustomerReminder> dupontOnly = accountStatements(input, "dupont  sàrl");
    ASSERT_EQ(dupontOnly.size(), 1u);
    const CustomerReminder& statement = dupontOnly.front();
    EXPECT_EQ(statement.customer.name, "DUPONT Sarl");
    EXPECT_EQ(statement.customer.email, "compta@dupont.fr");
    EXPECT_EQ(statement.date, kAsOf);
    std::vector<std::string> numbers;
    for (const ReminderLine& line : statement.invoices)
        numbers.push_back(line.invoice.number);
    EXPECT_EQ(numbers, (std::vector<std::string>{"F-4", "F-3", "F-1"}));
    EXPECT_EQ(statement.invoices[0].daysLate, 40);
    EXPECT_EQ(statement.invoices[2].daysLate, 0) << "not yet due";
    EXPECT_FALSE(statement.invoices[0].penalty);
    EXPECT_EQ(statement.totalBalance, 155'000);
    EXPECT_EQ(statement.totalPenalties + statement.totalIndemnities, 0);

    const std::vector<CustomerReminder> all = accountStatements(input);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[1].customer.name, "Martin");
    EXPECT_EQ(all[1].totalBalance, 7'000);
    EXPECT_TRUE(accountStatements(input, "Nobody").empty());

    input.invoices.push_back(invoice("", "Martin", 1));
    EXPECT_THROW(accountStatements(input), InputError);
}

// The level chosen by the user is planned like any other: raised to the formal notice, the
// letter claims penalties and indemnities; lowered from it, none. Other customers keep theirs.
TEST(ReminderPlan, ChosenLevelIsPlannedWithItsClaims)
{
    const DayNumber asOf = day(2026, 7, 20);
    ReminderInvoice a = invoice("A-1", "Dupont SARL", 0, 1'000'000);
    a.dueDate = day(2026, 6, 15); // 35 days late, never reminded: reminder 1
    ReminderInvoice b = invoice("B-1", "Martin", 0, 123'456, 2);
    b.dueDate = day(2026, 5, 20); // 61 days late after reminder 2: formal notice
    ReminderInvoice c = invoice("C-1", "Perrin", 0, 50'000);
    c.dueDate = day(2026, 7, 1);
    ReminderInput input = inputOf({a, b, c}, asOf);
    input.levelOverrides = {{"DUPONT sàrl", ReminderLevel::FormalNotice},
                            {"martin", ReminderLevel::First},
                            {"Nobody", ReminderLevel::FormalNotice}};
    const ReminderPlan plan = planReminders(input, ReminderPolicy{}, rates2026());
    ASSERT_EQ(plan.letters.size(), 3u);

    const CustomerReminder& raised = plan.letters[0];
    EXPECT_EQ(raised.customer.name, "Dupont SARL");
    EXPECT_EQ(raised.level, ReminderLevel::FormalNotice);
    ASSERT_TRUE(raised.invoices[0].penalty);
    EXPECT_EQ(raised.invoices[0].penalty->amount, 11'568); // as in the test above
    EXPECT_EQ(raised.invoices[0].indemnity, 4'000);
    EXPECT_EQ(raised.totalPenalties, 11'568);
    EXPECT_EQ(raised.totalIndemnities, 4'000);

    const CustomerReminder& lowered = plan.letters[1];
    EXPECT_EQ(lowered.level, ReminderLevel::First);
    EXPECT_FALSE(lowered.invoices[0].penalty);
    EXPECT_EQ(lowered.invoices[0].indemnity, 0);
    EXPECT_EQ(lowered.total(), 123'456);

    EXPECT_EQ(plan.letters[2].level, ReminderLevel::First) << "not chosen: as planned";
}

// A contractual rate replaces the statutory one for every day, as in the ledger's column.
TEST(ReminderPlan, ContractualRateReplacesTheStatutoryOne)
{
    const DayNumber asOf = day(2026, 7, 20);
    ReminderInvoice a = invoice("A-1", "Dupont", 0, 1'000'000, 2);
    a.dueDate = day(2026, 6, 15);
    ReminderPolicy policy;
    policy.contractualRate = 150'000; // 15 %
    const ReminderPlan plan = planReminders(inputOf({a}, asOf), policy, rates2026());
    ASSERT_EQ(plan.letters.size(), 1u);
    const ReminderLine& line = plan.letters[0].invoices[0];
    ASSERT_TRUE(line.penalty);
    // 10 000 EUR x 15 % x 35 / 365 = 143.8356 EUR, across the half-years at one rate.
    EXPECT_EQ(line.penalty->amount, 14'384);
    EXPECT_EQ(line.penalty->days, 35);
    for (const PenaltySegment& segment : line.penalty->segments)
        EXPECT_EQ(segment.rate, 150'000);
    EXPECT_EQ(line.indemnity, 4'000);

    for (const RatePpm wrong : {RatePpm{0}, RatePpm{-1}, RatePpm{1'000'001}})
    {
        policy.contractualRate = wrong;
        EXPECT_THROW(planReminders(inputOf({a}, asOf), policy, rates2026()), InputError) << wrong;
    }
}

// A chosen level lists the invoices of that level: a pre-due notice never lists overdue
// invoices, a reminder never lists invoices not yet due; a choice that leaves nothing is
// reported, not sent.
TEST(ReminderPlan, ChosenLevelListsOnlyItsOwnInvoices)
{
    ReminderPolicy policy;
    policy.preDueDays = 5;
    ReminderInput input = inputOf({invoice("A-1", "Dupont", 20), invoice("A-2", "Dupont", -3),
                                   invoice("B-1", "Martin", -2), invoice("C-1", "Perrin", 30)});
    input.levelOverrides = {{"Dupont", ReminderLevel::PreDue},
                            {"Martin", ReminderLevel::FormalNotice},
                            {"Perrin", ReminderLevel::PreDue}};
    const ReminderPlan plan = planReminders(input, policy);
    ASSERT_EQ(plan.letters.size(), 1u);
    EXPECT_EQ(plan.letters[0].customer.name, "Dupont");
    EXPECT_EQ(plan.letters[0].level, ReminderLevel::PreDue);
    ASSERT_EQ(plan.letters[0].invoices.size(), 1u);
    EXPECT_EQ(plan.letters[0].invoices[0].invoice.number, "A-2") << "not yet due only";
    std::vector<std::string> excluded;
    for (const Exclusion& exclusion : plan.excluded)
    {
        EXPECT_EQ(exclusion.reason, ExclusionReason::NothingAtChosenLevel);
        excluded.push_back(exclusion.customer);
    }
    EXPECT_EQ(excluded, (std::vector<std::string>{"Martin", "Perrin"}));
    EXPECT_EQ(describe(plan.excluded[0], Language::French),
              "Martin : aucune facture pour le niveau choisi");
}
