#include "core/common/input_error.hxx"
#include "input_error_message.hxx"
#include "core/law/late_payment_law.hxx"

#include <gtest/gtest.h>

#include <array>
#include <string>

using namespace relance;
using relance_test::messageOf;

namespace
{

DayNumber day(int y, unsigned m, unsigned d)
{
    return toDayNumber({y, m, d});
}

constexpr auto A = EndOfMonthReading::DaysThenEndOfMonth;
constexpr auto B = EndOfMonthReading::EndOfMonthThenDays;

// Statutory rates (ECB + 10 points) of the half-years the rows below use, in ppm.
constexpr RatePpm k2023S1 = 125'000; // 2.50 + 10
constexpr RatePpm k2024S1 = 145'000; // 4.50 + 10
constexpr RatePpm k2024S2 = 142'500; // 4.25 + 10
constexpr RatePpm k2025S1 = 131'500; // 3.15 + 10
constexpr RatePpm k2026S1 = 121'500; // 2.15 + 10

} // namespace

TEST(HalfYear, OfDayAndFirstDay)
{
    struct Row
    {
        CivilDate date;
        HalfYear expected;
    };
    const Row rows[] = {
        {{2024, 1, 1}, {2024, 1}},   {{2024, 6, 30}, {2024, 1}},  {{2024, 7, 1}, {2024, 2}},
        {{2024, 12, 31}, {2024, 2}}, {{2025, 1, 1}, {2025, 1}},   {{2024, 2, 29}, {2024, 1}},
        {{1900, 1, 1}, {1900, 1}},   {{9999, 12, 31}, {9999, 2}},
    };
    for (const Row& row : rows)
        EXPECT_EQ(halfYearOf(toDayNumber(row.date)), row.expected)
            << toIsoString(toDayNumber(row.date));

    EXPECT_EQ(firstDayOf({2024, 1}), day(2024, 1, 1));
    EXPECT_EQ(firstDayOf({2024, 2}), day(2024, 7, 1));
    EXPECT_EQ(toString({2026, 1}), "2026-S1");
    EXPECT_EQ(toString({2026, 2}), "2026-S2");
    EXPECT_LT((HalfYear{2024, 2}), (HalfYear{2025, 1}));
    EXPECT_THROW(firstDayOf({2024, 3}), InputError);
}

TEST(HalfYear, RoundTrips)
{
    for (DayNumber d = day(2019, 1, 1); d <= day(2028, 12, 31); ++d)
    {
        const HalfYear period = halfYearOf(d);
        const DayNumber first = firstDayOf(period);
        ASSERT_LE(first, d) << toIsoString(d);
        ASSERT_GT(first + 184, d) << toIsoString(d); // a half-year has at most 184 days
        ASSERT_EQ(halfYearOf(first), period) << toString(period);
        ASSERT_NE(halfYearOf(first - 1), period) << toString(period);
        const CivilDate civil = toCivil(d);
        ASSERT_EQ(toString(period),
                  std::to_string(civil.year) + (civil.month <= 6 ? "-S1" : "-S2"));
    }
}

TEST(RateTable, ShippedRates)
{
    struct Row
    {
        HalfYear period;
        RatePpm ecb;
        RatePpm legal;
    };
    const Row rows[] = {
        {{2012, 1}, 10'000, 7'100},  {{2012, 2}, 10'000, 7'100}, // ECB cut of 11 July: next half
        {{2013, 1}, 7'500, 400},     {{2015, 1}, 500, 9'300},     {{2016, 1}, 500, 10'100},
        {{2016, 2}, 0, 9'300},       {{2022, 2}, 0, 7'700}, // ECB raise of 27 July: next half
        {{2023, 1}, 25'000, 20'600}, {{2023, 2}, 40'000, 42'200}, {{2024, 1}, 45'000, 50'700},
        {{2024, 2}, 42'500, 49'200}, {{2025, 1}, 31'500, 37'100}, {{2025, 2}, 21'500, 27'600},
        {{2026, 1}, 21'500, 26'200},
    };
    for (const Row& row : rows)
    {
        EXPECT_EQ(RateTable::ecbMainRefinancing().rateFor(row.period), row.ecb)
            << toString(row.period);
        EXPECT_EQ(RateTable::legalInterest().rateFor(row.period), row.legal)
            << toString(row.period);
    }
    // 2012-S1 to 2026-S1, one row per half-year, nothing invented beyond.
    for (const RateTable* table : {&RateTable::ecbMainRefinancing(), &RateTable::legalInterest()})
    {
        ASSERT_EQ(table->rows().size(), 29u);
        EXPECT_EQ(table->rows().front().period, (HalfYear{2012, 1}));
        EXPECT_EQ(table->rows().back().period, (HalfYear{2026, 1}));
        EXPECT_EQ(table->rateFor({2026, 2}), std::nullopt);
        EXPECT_EQ(table->rateFor({2011, 2}), std::nullopt);
    }
}

TEST(RateTable, RowsAreSortedAndLastWins)
{
    const RateTable table({{{2025, 2}, 3}, {{2024, 1}, 1}, {{2024, 1}, 2}});
    ASSERT_EQ(table.rows().size(), 2u);
    EXPECT_EQ(table.rows()[0].period, (HalfYear{2024, 1}));
    EXPECT_EQ(table.rateFor({2024, 1}), 2);
    EXPECT_EQ(table.rateFor({2025, 2}), 3);
    EXPECT_EQ(table.rateFor({2025, 1}), std::nullopt);

    EXPECT_THROW(RateTable({{{2024, 3}, 1}}), InputError);
    EXPECT_THROW(RateTable({{{2024, 1}, -1}}), InputError);
    EXPECT_THROW(RateTable({{{2024, 1}, 1'000'001}}), InputError); // above 100 %
}

TEST(RateTable, OverridesExtendAndReplace)
{
    const RateTable& shipped = RateTable::ecbMainRefinancing();
    const std::array<RateTable::Row, 2> userRows = {{{{2026, 2}, 20'000}, {{2024, 1}, 50'000}}};
    const RateTable table = shipped.withOverrides(userRows);
    EXPECT_EQ(table.rateFor({2026, 2}), 20'000);
    EXPECT_EQ(table.rateFor({2024, 1}), 50'000);
    EXPECT_EQ(table.rateFor({2025, 1}), 31'500);
    EXPECT_EQ(table.rows().size(), 30u);
    EXPECT_EQ(shipped.rateFor({2024, 1}), 45'000); // the shipped table is untouched
    EXPECT_EQ(shipped.rateFor({2026, 2}), std::nullopt);
}

TEST(RateTable, MissingHalfYearNamesIt)
{
    const std::string message = messageOf(
        [] {
            RateTable::ecbMainRefinancing().requireRateFor({2026, 2}, "ECB");
        });
    EXPECT_NE(message.find("2026-S2"), std::string::npos) << message;
    EXPECT_NE(message.find("ECB"), std::string::npos) << message;
    EXPECT_NE(message.find("add it"), std::string::npos) << message;
}

// Told in French where the user adds it, for the French dialogs.
TEST(RateTable, MissingHalfYearIsToldInFrenchToo)
{
    try
    {
        RateTable::ecbMainRefinancing().requireRateFor({2026, 2}, "ECB");
        FAIL() << "no error";
    }
    catch (const InputError& error)
    {
        EXPECT_EQ(error.message(Language::French),
                  "pas de taux BCE pour le semestre 2026-S2 : ajoutez-le dans Paramètres, sous "
                  "« Taux BCE à ajouter »");
        EXPECT_EQ(error.message(Language::English), error.what());
    }
    try
    {
        RateTable::legalInterest().requireRateFor({2026, 2}, "legal interest");
        FAIL() << "no error";
    }
    catch (const InputError& error)
    {
        EXPECT_EQ(error.message(Language::French),
                  "pas de taux légal pour le semestre 2026-S2 : ajoutez-le à la table des taux");
    }
}

TEST(StatutoryPenalty, Table)
{
    struct Row
    {
        const char* what;
        Cents amount;
        CivilDate due;
        CivilDate end;
        Cents expected;
        int days;
    };
    const Row rows[] = {
        // 10 000 EUR, 21-30 June 2024 at 14.50 % and 1-10 July at 14.25 %:
        // 1e6 x (145000 x 10 + 142500 x 10) / 365e6 = 7876.71 -> 78.77 EUR
        {"30 June / 1 July", 1'000'000, {2024, 6, 20}, {2024, 7, 10}, 7877, 20},
        // 1 234.56 EUR, 16-31 Dec 2024 at 14.25 % and 1-20 Jan 2025 at 13.15 %:
        // 123456 x (142500 x 16 + 131500 x 20) / 365e6 = 1660.74 -> 16.61 EUR
        {"31 December / 1 January", 123'456, {2024, 12, 15}, {2025, 1, 20}, 1661, 36},
        // 5 000 EUR, 28 Feb, 29 Feb, 1 Mar 2024 at 14.50 %: 500000 x 145000 x 3 / 365e6 = 595.89
        {"leap February", 500'000, {2024, 2, 27}, {2024, 3, 1}, 596, 3},
        // Same dates in 2023, no 29 Feb, at 12.50 %: 500000 x 125000 x 2 / 365e6 = 342.47
        {"common February", 500'000, {2023, 2, 27}, {2023, 3, 1}, 342, 2},
        // 1 000 EUR over 2023-2025, six half-years of 181/184/182/184/181/184 days at
        // 12.50/14.00/14.50/14.25/13.15/12.15 %: 1e5 x 147152500 / 365e6 = 40315.75
        {"three years", 100'000, {2022, 12, 31}, {2025, 12, 31}, 40316, 1096},
        {"paid on the due date", 1'000'000, {2024, 6, 20}, {2024, 6, 20}, 0, 0},
        {"paid early", 1'000'000, {2024, 6, 20}, {2024, 6, 1}, 0, 0},
        {"credit note", -1'000'000, {2024, 6, 20}, {2024, 7, 10}, 0, 0},
        {"nothing due", 0, {2024, 6, 20}, {2024, 7, 10}, 0, 0},
    };
    for (const Row& row : rows)
    {
        const Penalty penalty =
            statutoryPenalty(row.amount, toDayNumber(row.due), toDayNumber(row.end),
                             RateTable::ecbMainRefinancing());
        EXPECT_EQ(penalty.amount, row.expected) << row.what;
        EXPECT_EQ(penalty.days, row.days) << row.what;
        int segmentDays = 0;
        for (const PenaltySegment& segment : penalty.segments)
            segmentDays += segment.days;
        EXPECT_EQ(segmentDays, row.days) << row.what;
    }
}

TEST(StatutoryPenalty, SegmentsPerHalfYear)
{
    const Penalty penalty = statutoryPenalty(123'456, day(2024, 12, 15), day(2025, 1, 20),
                                             RateTable::ecbMainRefinancing());
    ASSERT_EQ(penalty.segments.size(), 2u);
    EXPECT_EQ(penalty.segments[0].period, (HalfYear{2024, 2}));
    EXPECT_EQ(penalty.segments[0].days, 16);
    EXPECT_EQ(penalty.segments[0].rate, k2024S2);
    EXPECT_EQ(penalty.segments[1].period, (HalfYear{2025, 1}));
    EXPECT_EQ(penalty.segments[1].days, 20);
    EXPECT_EQ(penalty.segments[1].rate, k2025S1);
}

TEST(StatutoryPenalty, UnknownHalfYearNeedsTheUsersRate)
{
    const RateTable& shipped = RateTable::ecbMainRefinancing();
    const std::string message =
        messageOf([&] { statutoryPenalty(1'000'000, day(2026, 6, 20), day(2026, 7, 5), shipped); });
    EXPECT_NE(message.find("2026-S2"), std::string::npos) << message;

    // The user adds 2026-S2 (a made-up 2.00 % for the test): 21-30 June at 12.15 % and
    // 1-5 July at 12.00 %: 1e6 x (121500 x 10 + 120000 x 5) / 365e6 = 4972.60
    const std::array<RateTable::Row, 1> userRows = {{{{2026, 2}, 20'000}}};
    const Penalty penalty = statutoryPenalty(1'000'000, day(2026, 6, 20), day(2026, 7, 5),
                                             shipped.withOverrides(userRows));
    EXPECT_EQ(penalty.amount, 4973);
    ASSERT_EQ(penalty.segments.size(), 2u);
    EXPECT_EQ(penalty.segments[1].rate, 120'000);

    // Entirely before the gap: no rate needed for 2026-S2.
    EXPECT_NO_THROW(statutoryPenalty(1'000'000, day(2026, 6, 20), day(2026, 6, 30), shipped));
}

TEST(StatutoryPenalty, OverrideReplacesAShippedRate)
{
    // 2024-S1 corrected to 5.00 %: 3 650 EUR x 15 % x 10 days / 365 = exactly 15.00 EUR.
    const std::array<RateTable::Row, 1> userRows = {{{{2024, 1}, 50'000}}};
    const RateTable table = RateTable::ecbMainRefinancing().withOverrides(userRows);
    EXPECT_EQ(statutoryPenalty(365'000, day(2024, 2, 29), day(2024, 3, 10), table).amount, 1500);
    // With the shipped 4.50 %: 365000 x 145000 x 10 / 365e6 = 1450.
    EXPECT_EQ(statutoryPenalty(365'000, day(2024, 2, 29), day(2024, 3, 10),
                               RateTable::ecbMainRefinancing())
                  .amount,
              1450);
}

TEST(StatutoryPenalty, RejectsOutOfRangeInput)
{
    const RateTable& ecb = RateTable::ecbMainRefinancing();
    EXPECT_THROW(statutoryPenalty(kMaxCents + 1, day(2024, 1, 1), day(2024, 2, 1), ecb),
                 InputError);
    EXPECT_THROW(statutoryPenalty(-kMaxCents - 1, day(2024, 1, 1), day(2024, 2, 1), ecb),
                 InputError);
    EXPECT_THROW(statutoryPenalty(100, day(1800, 1, 1), day(2024, 2, 1), ecb), InputError);
    // The largest amount stays exact: 1e14 cents x 14.50 % x 182 days / 365.
    EXPECT_EQ(statutoryPenalty(kMaxCents, day(2023, 12, 31), day(2024, 6, 30), ecb).amount,
              7'230'136'986'301LL); // 7230136986301.37
}

TEST(StatutoryPenalty, RateOfADay)
{
    const RateTable& ecb = RateTable::ecbMainRefinancing();
    EXPECT_EQ(statutoryPenaltyRate(day(2023, 1, 1), ecb), k2023S1);
    EXPECT_EQ(statutoryPenaltyRate(day(2024, 6, 30), ecb), k2024S1);
    EXPECT_EQ(statutoryPenaltyRate(day(2024, 7, 1), ecb), k2024S2);
    EXPECT_EQ(statutoryPenaltyRate(day(2026, 6, 30), ecb), k2026S1);
    EXPECT_EQ(statutoryPenaltyRate(day(2012, 7, 31), ecb), 110'000); // 1.00 until 2012-S2 ends
    EXPECT_THROW(statutoryPenaltyRate(day(2026, 7, 1), ecb), InputError);
}

TEST(ContractualPenalty, Table)
{
    struct Row
    {
        const char* what;
        Cents amount;
        CivilDate due;
        CivilDate end;
        RatePpm rate;
        Cents expected;
    };
    const Row rows[] = {
        // 2 500 EUR at 15.21 % for 11 + 10 days: 250000 x 152100 x 21 / 365e6 = 2187.74
        {"one rate across the year end", 250'000, {2024, 12, 20}, {2025, 1, 10}, 152'100, 2188},
        // 18.25 EUR x 10 % x 1 day / 365 = 0.5 cent: half away from zero gives 1 (not 0)
        {"exactly half a cent", 1825, {2024, 3, 1}, {2024, 3, 2}, 100'000, 1},
        // 91.25 EUR: 2.5 cents -> 3 (banker's rounding would give 2)
        {"two and a half cents", 9125, {2024, 3, 1}, {2024, 3, 2}, 100'000, 3},
        // 18.24 EUR: 0.4997 cent -> 0
        {"just under half", 1824, {2024, 3, 1}, {2024, 3, 2}, 100'000, 0},
        // 14.60 EUR at 10 %: 0.4 cent on 30 June and 0.4 on 1 July; rounded once: 0.8 -> 1
        {"rounded once, not per half-year", 1460, {2024, 6, 29}, {2024, 7, 1}, 100'000, 1},
        {"zero rate", 1'000'000, {2024, 3, 1}, {2024, 4, 1}, 0, 0},
        // Beyond the shipped tables: no rate table involved.
        {"after 2026-S1", 365'000, {2027, 1, 1}, {2027, 1, 11}, 100'000, 1000},
    };
    for (const Row& row : rows)
        EXPECT_EQ(
            contractualPenalty(row.amount, toDayNumber(row.due), toDayNumber(row.end), row.rate)
                .amount,
            row.expected)
            << row.what;

    EXPECT_THROW(contractualPenalty(100, day(2024, 1, 1), day(2024, 2, 1), -1), InputError);
    EXPECT_THROW(contractualPenalty(100, day(2024, 1, 1), day(2024, 2, 1), 1'000'001), InputError);
}

TEST(LatePaymentLaw, RecoveryIndemnity)
{
    EXPECT_EQ(recoveryIndemnity(-3), 0);
    EXPECT_EQ(recoveryIndemnity(0), 0);
    EXPECT_EQ(recoveryIndemnity(1), 4000); // whole from the first day (D441-5)
    EXPECT_EQ(recoveryIndemnity(400), 4000);
}

TEST(LatePaymentLaw, LegalFloor)
{
    struct Row
    {
        const char* what;
        RatePpm rate;
        CivilDate date;
        bool expected;
    };
    const Row rows[] = {
        // 2024-S1: 3 x 5.07 = 15.21 %, above the 14.50 % default rate: the two rules differ.
        {"2024-S1 default rate as contract rate", k2024S1, {2024, 3, 15}, false},
        {"2024-S1 at the floor", 152'100, {2024, 3, 15}, true},
        {"2024-S1 just under", 152'099, {2024, 6, 30}, false},
        // 2024-S2: 3 x 4.92 = 14.76 %
        {"2024-S2 at the floor", 147'600, {2024, 7, 1}, true},
        {"2024-S2 old floor no longer needed", 147'600, {2024, 12, 31}, true},
        // 2026-S1: 3 x 2.62 = 7.86 %
        {"2026-S1 at the floor", 78'600, {2026, 1, 1}, true},
        {"2026-S1 just under", 78'599, {2026, 6, 30}, false},
        {"2026-S1 default rate", k2026S1, {2026, 2, 1}, true},
    };
    const RateTable& legal = RateTable::legalInterest();
    for (const Row& row : rows)
        EXPECT_EQ(respectsLegalFloor(row.rate, toDayNumber(row.date), legal), row.expected)
            << row.what;

    EXPECT_THROW(respectsLegalFloor(200'000, day(2026, 7, 1), legal), InputError);
    const std::array<RateTable::Row, 1> userRows = {{{{2026, 2}, 30'000}}};
    EXPECT_TRUE(respectsLegalFloor(90'000, day(2026, 7, 1), legal.withOverrides(userRows)));
    EXPECT_FALSE(respectsLegalFloor(89'999, day(2026, 7, 1), legal.withOverrides(userRows)));
}

TEST(TermsCompliance, WorstInvoiceDate)
{
    struct Row
    {
        const char* terms;
        EndOfMonthReading reading;
        bool compliant;
        int longestDays;
        int limitDays;
    };
    const Row rows[] = {
        {"60 jours", A, true, 60, 60},
        {"61 jours", A, false, 61, 60},
        {"45 jours", A, true, 45, 60},
        {"à réception", A, true, 0, 60},
        // Invoice 16 Jan 2024: + 45 = 1 Mar -> 31 Mar, 75 days, the legal limit itself.
        {"45 jours fin de mois", A, true, 75, 75},
        // Invoice on the 1st of a 31-day month: 31st + 45 days = 75 days.
        {"45 jours fin de mois", B, true, 75, 75},
        // The wording fixes reading B, whatever the reading asked for.
        {"fin de mois + 45 jours", A, true, 75, 75},
        {"fin de mois", A, true, 30, 60},
        // Invoice 1 Jan 2024: + 60 = 1 Mar -> 31 Mar, 90 days; + 45 = 15 Feb -> 29 Feb is 59,
        // so the limit is 60.
        {"60 jours fin de mois", A, false, 90, 60},
        // Invoice on the 1st of a 31-day month: 30 + 60 = 90 days vs 30 + 45 = 75.
        {"60 jours fin de mois", B, false, 90, 75},
        // Reading A: invoice 31 Jan 2024 + 30 = 1 Mar, end of March, then 10 April: 70 days,
        // while + 45 = 16 Mar -> 31 Mar is only 60: the "le 10" adds up to 10 days past what
        // the law allows. Reading B: end of month + 30 days then the next 10th is at most 41
        // days after the end of the invoice's month, always within its + 45 (71 vs 75 days for
        // an invoice on 1 July). So the rule accepts these terms under B only.
        {"30 jours fin de mois le 10", A, false, 70, 60},
        {"30 jours fin de mois le 10", B, true, 71, 75},
    };
    for (const Row& row : rows)
    {
        const TermsCompliance result =
            checkTermsCompliance(parsePaymentTerms(row.terms), row.reading, std::nullopt);
        EXPECT_EQ(result.compliant, row.compliant)
            << row.terms << (row.reading == A ? " (A)" : " (B)");
        EXPECT_EQ(result.longestDays, row.longestDays)
            << row.terms << (row.reading == A ? " (A)" : " (B)");
        EXPECT_EQ(result.limitDays, row.limitDays)
            << row.terms << (row.reading == A ? " (A)" : " (B)");
    }
}

TEST(TermsCompliance, GivenInvoiceDate)
{
    struct Row
    {
        const char* terms;
        EndOfMonthReading reading;
        CivilDate invoice;
        bool compliant;
        int longestDays;
        int limitDays;
    };
    const Row rows[] = {
        {"60 jours", A, {2024, 1, 15}, true, 60, 60},
        {"61 jours", A, {2024, 1, 15}, false, 61, 60},
        // 15 Jan 2024 + 45 = 29 Feb, already the end of month: 45 days; limit stays 60.
        {"45 jours fin de mois", A, {2024, 1, 15}, true, 45, 60},
        // 31 Jan + 45 = 16 Mar 2024: 61 days, allowed by the same reading.
        {"45 jours fin de mois", B, {2024, 1, 15}, true, 61, 61},
        // 15 Jan + 60 = 15 Mar -> 31 Mar: 76 days.
        {"60 jours fin de mois", A, {2024, 1, 15}, false, 76, 60},
        // 15 Jan + 30 = 14 Feb -> 29 Feb -> 10 Mar: 55 days, compliant for this invoice.
        {"30 jours fin de mois le 10", A, {2024, 1, 15}, true, 55, 60},
        {"30 jours fin de mois le 10", A, {2024, 1, 31}, false, 70, 60},
        {"à réception", A, {2024, 1, 15}, true, 0, 60},
    };
    for (const Row& row : rows)
    {
        const TermsCompliance result = checkTermsCompliance(parsePaymentTerms(row.terms),
                                                            row.reading, toDayNumber(row.invoice));
        const std::string label =
            std::string(row.terms) + " from " + toIsoString(toDayNumber(row.invoice));
        EXPECT_EQ(result.compliant, row.compliant) << label;
        EXPECT_EQ(result.longestDays, row.longestDays) << label;
        EXPECT_EQ(result.limitDays, row.limitDays) << label;
    }
    EXPECT_THROW(checkTermsCompliance(parsePaymentTerms("60 jours"), A, day(1800, 1, 1)),
                 InputError);
}
