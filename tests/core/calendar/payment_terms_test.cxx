#include "core/common/input_error.hxx"
#include "core/calendar/payment_terms.hxx"

#include <gtest/gtest.h>

using namespace relance;

namespace
{

DayNumber day(int y, unsigned m, unsigned d)
{
    return toDayNumber({y, m, d});
}

constexpr auto A = EndOfMonthReading::DaysThenEndOfMonth;
constexpr auto B = EndOfMonthReading::EndOfMonthThenDays;

struct DueRow
{
    const char* terms;
    CivilDate invoice;
    EndOfMonthReading reading;
    CivilDate expected;
};

} // namespace

TEST(PaymentTerms, DueDates)
{
    const DueRow rows[] = {
        // on receipt / cash
        {"à réception", {2024, 3, 12}, A, {2024, 3, 12}},
        {"A RECEPTION DE FACTURE", {2024, 3, 12}, A, {2024, 3, 12}},
        {"comptant", {2024, 3, 12}, A, {2024, 3, 12}},
        {"Due on receipt", {2024, 3, 12}, A, {2024, 3, 12}},
        // net days, across month, year and leap day
        {"30 jours", {2024, 1, 31}, A, {2024, 3, 1}},
        {"30 jours net", {2023, 1, 31}, A, {2023, 3, 2}},
        {"net 30", {2024, 12, 15}, A, {2025, 1, 14}},
        {"30j", {2024, 2, 1}, A, {2024, 3, 2}},
        {"60 jours date de facture", {2024, 1, 1}, A, {2024, 3, 1}},
        {"60 jours à compter de la date d'émission de la facture", {2023, 1, 1}, A, {2023, 3, 2}},
        {"0 jours", {2024, 5, 5}, A, {2024, 5, 5}},
        // end of month
        {"fin de mois", {2024, 2, 10}, A, {2024, 2, 29}},
        {"FDM", {2023, 12, 31}, A, {2023, 12, 31}},
        {"30 jours fin de mois", {2024, 1, 31}, A, {2024, 3, 31}},
        {"30 days end of month", {2024, 1, 15}, A, {2024, 2, 29}},
        // "45 jours fin de mois", both readings
        {"45 jours fin de mois", {2024, 1, 15}, A, {2024, 2, 29}},
        {"45 jours fin de mois", {2024, 1, 15}, B, {2024, 3, 16}},
        {"45 jours fin de mois", {2023, 1, 15}, B, {2023, 3, 17}},
        {"45 jours fin de mois", {2024, 11, 20}, A, {2025, 1, 31}},
        {"45 jours fin de mois", {2024, 11, 20}, B, {2025, 1, 14}},
        {"45 j fdm", {2024, 12, 31}, A, {2025, 2, 28}},
        // wording that states the order itself wins over the reading argument
        {"fin de mois + 45 jours", {2024, 1, 15}, A, {2024, 3, 16}},
        // "le X": that day of the month following the end of month
        {"fin de mois le 10", {2024, 1, 15}, A, {2024, 2, 10}},
        {"30 jours fin de mois le 10", {2024, 1, 15}, A, {2024, 3, 10}},
        {"30 jours fin de mois le 10", {2024, 12, 5}, A, {2025, 2, 10}},
        {"fin de mois le 31", {2024, 1, 15}, A, {2024, 2, 29}},
        {"fin de mois le 30", {2024, 3, 15}, A, {2024, 4, 30}},
        {"fin de mois le 15 du mois suivant", {2024, 6, 3}, A, {2024, 7, 15}},
        {"30 jours fin de mois le 10", {2024, 1, 15}, B, {2024, 3, 10}},
        {"45 jours fin de mois le 5", {2024, 1, 15}, B, {2024, 4, 5}},
    };
    for (const DueRow& row : rows)
    {
        const PaymentTerms terms = parsePaymentTerms(row.terms);
        EXPECT_EQ(toIsoString(dueDate(toDayNumber(row.invoice), terms, row.reading)),
                  toIsoString(toDayNumber(row.expected)))
            << row.terms << " from " << toIsoString(toDayNumber(row.invoice));
    }
}

TEST(PaymentTerms, Parsing)
{
    EXPECT_EQ(parsePaymentTerms("45 jours fin de mois"), (PaymentTerms{45, true, {}, {}}));
    EXPECT_EQ(parsePaymentTerms("30 jours fin de mois le 10"), (PaymentTerms{30, true, 10u, {}}));
    EXPECT_EQ(parsePaymentTerms("fin de mois + 45 jours"),
              (PaymentTerms{45, true, {}, EndOfMonthReading::EndOfMonthThenDays}));
    EXPECT_EQ(parsePaymentTerms("  Net   30  "), (PaymentTerms{30, false, {}, {}}));
    EXPECT_EQ(describe(parsePaymentTerms("30J FDM LE 10")), "30 jours fin de mois le 10");
    EXPECT_EQ(describe(parsePaymentTerms("à réception")), "à réception");
}

TEST(PaymentTerms, RejectsWhatItCannotCompute)
{
    const char* rejected[] = {
        "",
        "   ",
        "60 jours date de livraison", // runs from delivery: not from the invoice date
        "30 jours fin de mois le 45", // no 45th day
        "30 60 jours",                // two durations
        "à réception 30 jours",       // contradictory
        "fin de mois fin de mois",
        "400 jours",
        "123456 jours",
        "bientôt",
        "fin de mois le 10 le 15",
        "٣٠ jours", // non-ASCII digits are not read as numbers
    };
    for (const char* text : rejected)
        EXPECT_THROW(parsePaymentTerms(text), InputError) << text;
}

TEST(PaymentTerms, NumericTerms)
{
    EXPECT_EQ(paymentTermsFromDays(30).days, 30);
    EXPECT_EQ(paymentTermsFromDays(0).days, 0);
    EXPECT_THROW(paymentTermsFromDays(-1), InputError);
    EXPECT_THROW(paymentTermsFromDays(30.5), InputError);
    EXPECT_THROW(paymentTermsFromDays(367), InputError);
    EXPECT_THROW(paymentTermsFromDays(std::numeric_limits<double>::quiet_NaN()), InputError);
    EXPECT_EQ(dueDate(day(2024, 2, 28), paymentTermsFromDays(1)), day(2024, 2, 29));
}
