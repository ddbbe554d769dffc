#include "core/risk/customer_risk.hxx"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

using namespace relance;

namespace
{

DayNumber day(int y, unsigned m, unsigned d)
{
    return toDayNumber({y, m, d});
}

// Every row is assessed as of 2024-06-30.
const DayNumber kAsOf = day(2024, 6, 30);
const DayNumber kNotYetDue = day(2024, 7, 31);

CustomerInvoice openInvoice(DayNumber due, Cents amount, FollowUpFlags flags = {})
{
    return {InvoiceLine{std::nullopt, due, amount, std::nullopt, std::nullopt}, flags};
}

CustomerInvoice paidInvoice(DayNumber due, DayNumber paid, Cents amount)
{
    return {InvoiceLine{std::nullopt, due, amount, amount, paid}, {}};
}

CustomerInvoice partlyPaidInvoice(DayNumber due, Cents amount, Cents paid)
{
    return {InvoiceLine{std::nullopt, due, amount, paid, std::nullopt}, {}};
}

// Defaults switch off the signals a row does not test: no other customers (no concentration),
// no creation date, no credit limit.
RiskAssessment assess(const std::vector<CustomerInvoice>& invoices, Cents allOutstanding = 0,
                      std::optional<DayNumber> creation = std::nullopt,
                      std::optional<Cents> creditLimit = std::nullopt,
                      const RiskThresholds& thresholds = {}, DayNumber asOf = kAsOf)
{
    return assessCustomerRisk(invoices, allOutstanding, asOf, creation, creditLimit, thresholds);
}

// "Kind:points" for each reason, in order, to compare whole assessments in one line.
std::string summary(const RiskAssessment& assessment)
{
    static const char* const names[] = {
        "LatePayer",     "WorseningTrend", "OftenLate",    "PartialPayments", "OpenDispute",
        "BrokenPromise", "Litigation",     "YoungCompany", "Concentration",   "CreditLimit"};
    std::string text;
    for (const RiskReason& reason : assessment.reasons)
        text += std::string(text.empty() ? "" : " ") + names[static_cast<int>(reason.kind)] + ":" +
                std::to_string(reason.points);
    return text;
}

FollowUpFlags disputed()
{
    FollowUpFlags flags;
    flags.disputed = true;
    return flags;
}

} // namespace

TEST(CustomerRisk, NoSignal)
{
    const RiskAssessment empty = assess({});
    EXPECT_EQ(empty.score, 0);
    EXPECT_EQ(empty.rating, 'A');
    EXPECT_TRUE(empty.reasons.empty());

    // paid on time, another invoice not yet due, small share, well below the limit
    const RiskAssessment good = assess(
        {paidInvoice(day(2024, 5, 31), day(2024, 5, 31), 1000), openInvoice(kNotYetDue, 1000)},
        100'000, day(2000, 1, 1), 10'000);
    EXPECT_EQ(good.score, 0);
    EXPECT_EQ(good.rating, 'A');
    EXPECT_EQ(summary(good), "");
    EXPECT_EQ(describeReasons(good, Language::French), "Aucun signal de risque");
    EXPECT_EQ(describeReasons(good, Language::English), "No risk signal");
}

TEST(CustomerRisk, LatePayerRatings)
{
    struct Row
    {
        CivilDate due; // one open invoice, days late at 2024-06-30
        int daysLate;
        char rating;
        const char* reasons;
    };
    const Row rows[] = {
        {{2024, 6, 30}, 0, 'A', ""}, // due today: not yet in the due invoices
        {{2024, 5, 31}, 30, 'A', ""},
        {{2024, 5, 30}, 31, 'B', "LatePayer:10"},
        {{2024, 5, 1}, 60, 'B', "LatePayer:10"},
        {{2024, 4, 30}, 61, 'C', "LatePayer:25"},
        {{2024, 4, 1}, 90, 'C', "LatePayer:25"},
        {{2024, 3, 31}, 91, 'D', "LatePayer:40"},
        {{2023, 6, 30}, 366, 'D', "LatePayer:40"},
    };
    for (const Row& row : rows)
    {
        const RiskAssessment result = assess({openInvoice(toDayNumber(row.due), 1000)});
        EXPECT_EQ(result.rating, row.rating) << row.daysLate << " days";
        EXPECT_EQ(summary(result), row.reasons) << row.daysLate << " days";
        EXPECT_EQ(result.score, result.reasons.empty() ? 0 : result.reasons[0].points)
            << row.daysLate << " days";
        if (!result.reasons.empty())
        {
            EXPECT_EQ(result.reasons[0].rating, row.rating);
            EXPECT_DOUBLE_EQ(result.reasons[0].value, row.daysLate);
        }
    }
}

TEST(CustomerRisk, LatePayerIsAmountWeighted)
{
    // 1000 paid 10 days late and 3000 open 50 days late: (10000 + 150000) / 4000 = 40 -> B.
    // A plain average would be 30 -> A.
    const RiskAssessment result = assess({paidInvoice(day(2024, 4, 1), day(2024, 4, 11), 1000),
                                          openInvoice(day(2024, 5, 11), 3000)});
    ASSERT_EQ(summary(result), "LatePayer:10");
    EXPECT_EQ(result.rating, 'B');
    EXPECT_DOUBLE_EQ(result.reasons[0].value, 40.0);
}

TEST(CustomerRisk, WorseningTrend)
{
    // Default: the 5 latest due invoices against the ones before, at least 5 + 2 due invoices.
    // Two old invoices paid on their due date (0 days), five open ones due on `recentDue`.
    auto invoices = [](int oldCount, DayNumber recentDue)
    {
        std::vector<CustomerInvoice> list;
        for (int i = 0; i < oldCount; ++i)
        {
            const DayNumber due = day(2024, 1, 10) + 10 * i;
            list.push_back(paidInvoice(due, due, 1000));
        }
        for (int i = 0; i < 5; ++i)
            list.push_back(openInvoice(recentDue, 1000));
        return list;
    };
    // 11 days late on the recent ones: 11 - 0 > 10. Weighted delay 55 / 7 = 7.9 days: A.
    const RiskAssessment worse = assess(invoices(2, day(2024, 6, 19)));
    ASSERT_EQ(summary(worse), "WorseningTrend:15");
    EXPECT_EQ(worse.score, 15);
    EXPECT_EQ(worse.rating, 'A');
    EXPECT_DOUBLE_EQ(worse.reasons[0].value, 11.0);
    EXPECT_DOUBLE_EQ(worse.reasons[0].other, 0.0);
    // exactly 10 days more is not "more than 10"
    EXPECT_EQ(summary(assess(invoices(2, day(2024, 6, 20)))), "");
    // 6 due invoices are not enough to compare
    EXPECT_EQ(summary(assess(invoices(1, day(2024, 6, 19)))), "");
    // the invoices are ordered by due date, not by position in the list
    std::vector<CustomerInvoice> shuffled = invoices(2, day(2024, 6, 19));
    std::swap(shuffled.front(), shuffled.back());
    EXPECT_EQ(summary(assess(shuffled)), "WorseningTrend:15");
}

TEST(CustomerRisk, OftenLate)
{
    // settled invoices paid late: more than half of at least 3. One day late each: rating A.
    const CustomerInvoice late1 = paidInvoice(day(2024, 3, 1), day(2024, 3, 2), 1000);
    const CustomerInvoice late2 = paidInvoice(day(2024, 4, 1), day(2024, 4, 2), 1000);
    const CustomerInvoice onTime1 = paidInvoice(day(2024, 5, 1), day(2024, 5, 1), 1000);
    const CustomerInvoice onTime2 = paidInvoice(day(2024, 5, 15), day(2024, 5, 10), 1000);

    const RiskAssessment twoOfThree = assess({late1, late2, onTime1});
    ASSERT_EQ(summary(twoOfThree), "OftenLate:5");
    EXPECT_DOUBLE_EQ(twoOfThree.reasons[0].value, 2.0 / 3.0);
    EXPECT_EQ(twoOfThree.rating, 'A');
    // 2 of 4 is not more than half
    EXPECT_EQ(summary(assess({late1, late2, onTime1, onTime2})), "");
    // 2 of 2: fewer than 3 settled invoices
    EXPECT_EQ(summary(assess({late1, late2})), "");
    // a payment after the as-of date settles nothing yet: 2 settled invoices only (the third,
    // 1 cent open 112 days, weighs (1000 + 1000 + 112) / 2001 = 1.06 days: still A)
    EXPECT_EQ(summary(assess({late1, late2, paidInvoice(day(2024, 3, 10), day(2024, 7, 1), 1)})),
              "");
}

TEST(CustomerRisk, EachCountedSignalInIsolation)
{
    FollowUpFlags litigation;
    litigation.litigation = true;
    FollowUpFlags brokenPromise;
    brokenPromise.promised = true;
    brokenPromise.promiseDate = day(2024, 6, 20);
    FollowUpFlags holdingPromise = brokenPromise;
    holdingPromise.promiseDate = day(2024, 7, 5);
    FollowUpFlags promiseToday = brokenPromise;
    promiseToday.promiseDate = kAsOf;

    struct Row
    {
        const char* name;
        std::vector<CustomerInvoice> invoices;
        const char* reasons;
        double value;
    };
    // every invoice here is not yet due, so no lateness signal interferes
    const Row rows[] = {
        {"one partial payment",
         {partlyPaidInvoice(kNotYetDue, 1000, 400)},
         "PartialPayments:10",
         1},
        {"two partial payments count once",
         {partlyPaidInvoice(kNotYetDue, 1000, 400), partlyPaidInvoice(kNotYetDue, 1000, 1)},
         "PartialPayments:10",
         2},
        {"fully paid is not partial",
         {{InvoiceLine{std::nullopt, kNotYetDue, 1000, 1000, std::nullopt}, {}}},
         "",
         0},
        {"open dispute", {openInvoice(kNotYetDue, 1000, disputed())}, "OpenDispute:15", 1},
        {"settled dispute",
         {{InvoiceLine{std::nullopt, kNotYetDue, 1000, 1000, day(2024, 6, 1)}, disputed()}},
         "",
         0},
        {"broken promise", {openInvoice(kNotYetDue, 1000, brokenPromise)}, "BrokenPromise:20", 1},
        {"promise holding", {openInvoice(kNotYetDue, 1000, holdingPromise)}, "", 0},
        {"promise due today", {openInvoice(kNotYetDue, 1000, promiseToday)}, "", 0},
        {"litigation",
         {openInvoice(kNotYetDue, 1000, litigation), openInvoice(kNotYetDue, 1000, litigation)},
         "Litigation:30",
         2},
    };
    for (const Row& row : rows)
    {
        const RiskAssessment result = assess(row.invoices);
        EXPECT_EQ(summary(result), row.reasons) << row.name;
        if (!result.reasons.empty())
        {
            EXPECT_EQ(result.score, result.reasons[0].points) << row.name;
            EXPECT_DOUBLE_EQ(result.reasons[0].value, row.value) << row.name;
        }
    }
}

TEST(CustomerRisk, YoungCompany)
{
    struct Row
    {
        CivilDate created;
        CivilDate asOf;
        int youngYears;
        bool young;
    };
    const Row rows[] = {
        {{2021, 6, 15}, {2024, 6, 14}, 3, true}, // the day before the third anniversary
        {{2021, 6, 15}, {2024, 6, 15}, 3, false},
        {{2024, 6, 30}, {2024, 6, 30}, 3, true}, // created today
        {{2000, 1, 1}, {2024, 6, 30}, 3, false},
        // created on 29 February: the anniversary in a common year is 28 February
        {{2020, 2, 29}, {2023, 2, 27}, 3, true},
        {{2020, 2, 29}, {2023, 2, 28}, 3, false},
        {{2020, 2, 29}, {2024, 2, 28}, 4, true}, // 2024 is a leap year: 29 February
        {{2020, 2, 29}, {2024, 2, 29}, 4, false},
        {{2022, 6, 30}, {2024, 6, 30}, 1, false}, // custom threshold
        {{2022, 7, 1}, {2024, 6, 30}, 2, true},
    };
    for (const Row& row : rows)
    {
        RiskThresholds thresholds;
        thresholds.youngYears = row.youngYears;
        const RiskAssessment result = assess({}, 0, toDayNumber(row.created), std::nullopt,
                                             thresholds, toDayNumber(row.asOf));
        EXPECT_EQ(summary(result), row.young ? "YoungCompany:10" : "")
            << toIsoString(toDayNumber(row.created)) << " as of "
            << toIsoString(toDayNumber(row.asOf));
        if (row.young && !result.reasons.empty())
        {
            EXPECT_DOUBLE_EQ(result.reasons[0].other, row.youngYears);
        }
    }
}

TEST(CustomerRisk, Concentration)
{
    struct Row
    {
        Cents outstanding;
        Cents allCustomers;
        const char* reasons;
    };
    const Row rows[] = {
        {2000, 10'000, ""}, // exactly 20 %: not more
        {2001, 10'000, "Concentration:10"},
        {10'000, 10'000, "Concentration:10"},
        {2001, 0, ""}, // no total known
    };
    for (const Row& row : rows)
        EXPECT_EQ(summary(assess({openInvoice(kNotYetDue, row.outstanding)}, row.allCustomers)),
                  row.reasons)
            << row.outstanding << " of " << row.allCustomers;
    // nothing outstanding for this customer
    EXPECT_EQ(summary(assess({paidInvoice(kNotYetDue, day(2024, 6, 1), 5000)}, 10'000)), "");
}

TEST(CustomerRisk, CreditLimit)
{
    struct Row
    {
        Cents outstanding;
        std::optional<Cents> limit;
        int points; // 0: no reason
    };
    const Row rows[] = {
        {499, 1000, 0},   {500, 1000, 5},  {699, 1000, 5},          {700, 1000, 10},
        {899, 1000, 10},  {900, 1000, 15}, {999, 1000, 15},         {1000, 1000, 20},
        {1500, 1000, 20}, {1000, 0, 0},    {1000, std::nullopt, 0},
    };
    for (const Row& row : rows)
    {
        const RiskAssessment result =
            assess({openInvoice(kNotYetDue, row.outstanding)}, 0, std::nullopt, row.limit);
        EXPECT_EQ(summary(result),
                  row.points ? "CreditLimit:" + std::to_string(row.points) : std::string())
            << row.outstanding << " / " << (row.limit ? *row.limit : -1);
        EXPECT_EQ(result.score, row.points) << row.outstanding;
    }
}

TEST(CustomerRisk, ScoreIsCappedAt100)
{
    // one invoice 121 days late (D, 40), disputed (15), under litigation (30), with a broken
    // promise (20), from a young company (10): 115 -> 100
    FollowUpFlags flags;
    flags.disputed = flags.litigation = flags.promised = true;
    flags.promiseDate = day(2024, 4, 1);
    const RiskAssessment result =
        assess({openInvoice(day(2024, 3, 1), 1000, flags)}, 0, day(2023, 1, 1));
    EXPECT_EQ(summary(result),
              "LatePayer:40 OpenDispute:15 BrokenPromise:20 Litigation:30 YoungCompany:10");
    EXPECT_EQ(result.score, 100);
    EXPECT_EQ(result.rating, 'D');
}

TEST(CustomerRisk, CustomThresholds)
{
    RiskThresholds t;
    t.ratingB = 5;
    t.ratingC = 10;
    t.ratingD = 20;
    t.concentration = 0.5;
    t.creditAlert = 0.2;
    t.creditWarning = 0.3;
    t.creditCritical = 0.4;
    t.trendInvoices = 2;
    t.trendDays = 3;
    t.lateShare = 0.25;

    // 15 days late: C with these bounds (would be A by default)
    EXPECT_EQ(summary(assess({openInvoice(day(2024, 6, 15), 1000)}, 0, {}, {}, t)), "LatePayer:25");
    // 40 % of the receivables: under 50 %
    EXPECT_EQ(summary(assess({openInvoice(kNotYetDue, 4000)}, 10'000, {}, {}, t)), "");
    EXPECT_EQ(summary(assess({openInvoice(kNotYetDue, 5001)}, 10'000, {}, {}, t)),
              "Concentration:10");
    // credit use 25 % / 35 % / 45 %
    EXPECT_EQ(summary(assess({openInvoice(kNotYetDue, 250)}, 0, {}, 1000, t)), "CreditLimit:5");
    EXPECT_EQ(summary(assess({openInvoice(kNotYetDue, 350)}, 0, {}, 1000, t)), "CreditLimit:10");
    EXPECT_EQ(summary(assess({openInvoice(kNotYetDue, 450)}, 0, {}, 1000, t)), "CreditLimit:15");
    // trend over the 2 latest of 4 due invoices: 0, 0 then 4, 4 (4 - 0 > 3); weighted 2 days: A
    const DayNumber old = day(2024, 5, 1);
    const RiskAssessment trend =
        assess({paidInvoice(old, old, 1000), paidInvoice(old, old, 1000),
                openInvoice(day(2024, 6, 26), 1000), openInvoice(day(2024, 6, 26), 1000)},
               0, {}, {}, t);
    EXPECT_EQ(summary(trend), "WorseningTrend:15");
    // 1 of 3 settled late: 33 % > 25 %
    EXPECT_EQ(summary(assess({paidInvoice(old, old + 1, 1000), paidInvoice(old, old, 1000),
                              paidInvoice(old, old, 1000)},
                             0, {}, {}, t)),
              "OftenLate:5");
}

TEST(CustomerRisk, DescribeEachReason)
{
    struct Row
    {
        RiskReason reason;
        const char* french;
        const char* english;
    };
    const Row rows[] = {
        {{RiskReasonKind::LatePayer, 25, 75.4, 0, 'C'},
         "Retard moyen pondéré 75 j, note C (+25)",
         "Weighted average delay 75 days, rating C (+25)"},
        {{RiskReasonKind::WorseningTrend, 15, 32.6, 8.2},
         "Retards en hausse : 33 j sur les dernières factures contre 8 j avant (+15)",
         "Worsening delays: 33 days on the latest invoices against 8 days before (+15)"},
        {{RiskReasonKind::OftenLate, 5, 2.0 / 3.0},
         "Factures réglées en retard : 67\u00a0% (+5)",
         "Invoices paid late: 67\u00a0% (+5)"},
        {{RiskReasonKind::PartialPayments, 10, 1},
         "Paiements partiels : 1 facture (+10)",
         "Partial payments: 1 invoice (+10)"},
        {{RiskReasonKind::OpenDispute, 15, 3},
         "Litige en cours : 3 factures (+15)",
         "Open dispute: 3 invoices (+15)"},
        {{RiskReasonKind::BrokenPromise, 20, 1},
         "Promesse de paiement non tenue : 1 facture (+20)",
         "Broken payment promise: 1 invoice (+20)"},
        {{RiskReasonKind::Litigation, 30, 2},
         "Contentieux : 2 factures (+30)",
         "Litigation: 2 invoices (+30)"},
        {{RiskReasonKind::YoungCompany, 10, 1.5, 3},
         "Entreprise de moins de 3 ans (+10)",
         "Company less than 3 years old (+10)"},
        {{RiskReasonKind::Concentration, 10, 0.25},
         "Concentration : 25\u00a0% des créances (+10)",
         "Concentration: 25\u00a0% of receivables (+10)"},
        {{RiskReasonKind::CreditLimit, 10, 0.75},
         "Encours à 75\u00a0% du plafond (+10)",
         "Outstanding at 75\u00a0% of the credit limit (+10)"},
        {{RiskReasonKind::CreditLimit, 20, 1.2},
         "Plafond de crédit dépassé : 120\u00a0% (+20)",
         "Credit limit exceeded: 120\u00a0% (+20)"},
    };
    for (const Row& row : rows)
    {
        RiskAssessment assessment;
        assessment.reasons = {row.reason};
        EXPECT_EQ(describeReasons(assessment, Language::French), row.french) << row.english;
        EXPECT_EQ(describeReasons(assessment, Language::English), row.english) << row.english;
    }
}

TEST(CustomerRisk, DescribeTwoReasons)
{
    // Two invoices of 1000 due 2024-05-19 (42 days late: 12 + 30), 500 paid on each.
    const RiskAssessment lateAndPartial = assess({partlyPaidInvoice(day(2024, 5, 19), 1000, 500),
                                                  partlyPaidInvoice(day(2024, 5, 19), 1000, 500)});
    EXPECT_EQ(lateAndPartial.score, 20);
    EXPECT_EQ(describeReasons(lateAndPartial, Language::French),
              "Retard moyen pondéré 42 j, note B (+10) ; Paiements partiels : 2 factures (+10)");
    EXPECT_EQ(describeReasons(lateAndPartial, Language::English),
              "Weighted average delay 42 days, rating B (+10); Partial payments: 2 invoices (+10)");

    // One disputed invoice of 2500, not yet due, out of 10000 receivables: 25 %.
    const RiskAssessment disputeAndShare =
        assess({openInvoice(kNotYetDue, 2500, disputed())}, 10'000);
    EXPECT_EQ(disputeAndShare.score, 25);
    EXPECT_EQ(describeReasons(disputeAndShare, Language::French),
              "Litige en cours : 1 facture (+15) ; Concentration : 25\u00a0% des créances (+10)");
    // The same no-break space before % in English (SI style, not US style "25%").
    EXPECT_EQ(describeReasons(disputeAndShare, Language::English),
              "Open dispute: 1 invoice (+15); Concentration: 25\u00a0% of receivables (+10)");
}
