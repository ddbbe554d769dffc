#include "core/common/input_error.hxx"
#include "core/common/money.hxx"

#include <gtest/gtest.h>

#include <limits>
#include <optional>
#include <string>

using namespace relance;

namespace
{

struct AmountRow
{
    std::string text;
    Cents expected;
};

std::string describe(const std::optional<Cents>& cents)
{
    return cents ? std::to_string(*cents) : std::string("nullopt");
}

} // namespace

TEST(Money, ParsesAmountText)
{
    const AmountRow rows[] = {
        // French usage: space grouping, comma decimal, currency after
        {"1 234,56 €", 123456},
        {"1\u00a0234,56\u00a0€", 123456}, // no-break space, as Calc formats it
        {"1\u202f234,56\u202f€", 123456}, // narrow no-break space (U+202F)
        {"1'234.56", 123456},             // Swiss apostrophe
        {"1\u2019234,56", 123456},        // typographic apostrophe folds to '
        {"1 234", 123400},
        // one kind of separator
        {"1234.56", 123456},
        {"1234,56", 123456},
        {"1.234.567", 123456700}, // several dots group thousands
        {"12.5", 1250},
        {"12,5", 1250},
        // both kinds: the last one is the decimal point
        {"1,234.56", 123456},
        {"1.234,56", 123456},
        {"1,234.56 EUR", 123456},
        {"1.234.567,89", 123456789},
        {"1,234,567.89", 123456789},
        // signs
        {"-12,5", -1250},
        {"+5", 500},
        {"(12,50)", -1250}, // accounting notation
        {"( 12,50 € )", -1250},
        {"-0", 0},
        // currency before, after, in words, any case
        {"€ 99", 9900},
        {"€99", 9900},
        {"12 EUR", 1200},
        {"12 eur", 1200},
        {"12 euros", 1200},
        {"1 Euro", 100},
        {"-€12", -1200},
        // no integer part, surrounding spaces
        {".5", 50},
        {",05", 5},
        {"0,01", 1},
        {"  42  ", 4200},
        // kMaxCents is the last accepted amount: 13 integer digits
        {"1000000000000", kMaxCents},
        {"-1000000000000", -kMaxCents},
        {"999999999999,99", kMaxCents - 1},
        // 64 characters is the longest text accepted: 59 spaces + "12,50"
        {std::string(59, ' ') + "12,50", 1250},
    };
    for (const AmountRow& row : rows)
        EXPECT_EQ(describe(parseAmountText(row.text)), describe(row.expected))
            << '"' << row.text << '"';
}

TEST(Money, RejectsWhatIsNotAnAmount)
{
    const std::string rejected[] = {
        "1.234",     // ambiguous: 1,234 € or 1 234 €? a single dot with 3 decimals is refused
        "12,345",    // three decimals
        "1,234.567", // three decimals after the last (decimal) separator
        "1,234,567", // commas grouping thousands is not French: refused, not guessed
        "12,3,4",
        "1.234.56", // several dots, last group not of three digits
        "12..5",
        "abc",
        "",
        "   ",
        "€",
        "EUR",
        ",",
        ".",
        "-",
        "()",
        "--5",
        "(-5)",
        "12-",
        "1e5", // no scientific notation
        "0x10",
        "12 abc",
        "1000000000000,01", // kMaxCents + 1
        "-1000000000000,01",
        "9999999999999",                // 13 digits but beyond kMaxCents
        "10000000000000",               // 14 integer digits
        std::string(60, ' ') + "12,50", // 65 characters, though the amount itself is fine
        std::string(200, '1'),
    };
    for (const std::string& text : rejected)
        EXPECT_EQ(describe(parseAmountText(text)), "nullopt") << '"' << text << '"';
}

TEST(Money, CentsFromEurosRoundsHalfAwayFromZero)
{
    struct Row
    {
        double euros;
        Cents expected;
    };
    // Only values whose x 100 is exact in binary are used for the halves: 1.125 = 9/8, so
    // 1.125 x 100 = 112.5 exactly (0.025 or 1.005 would not be exact halves).
    const Row rows[] = {
        {0.0, 0},
        {-0.0, 0},
        {1.125, 113},
        {-1.125, -113},
        {0.125, 13},   // 12.5 -> 13
        {-0.125, -13}, // -12.5 -> -13
        {0.375, 38},   // 37.5 -> 38
        {2.0625, 206}, // 206.25 -> 206
        {1234.5, 123450},
        {0.1 + 0.2, 30},   // 30.000000000000004
        {10.0 / 3.0, 333}, // 333.33...
        {-10.0 / 3.0, -333},
        {1.2 * 100.0, 12000}, // =A1*1.2 style products
        {1e12, kMaxCents},    // the largest accepted amount
        {-1e12, -kMaxCents},
    };
    for (const Row& row : rows)
        EXPECT_EQ(centsFromEuros(row.euros), row.expected) << row.euros;
}

TEST(Money, CentsFromEurosRejectsNonFiniteAndHugeAmounts)
{
    const double rejected[] = {
        std::numeric_limits<double>::quiet_NaN(),
        std::numeric_limits<double>::infinity(),
        -std::numeric_limits<double>::infinity(),
        1e12 + 0.5, // exact in binary: 100000000000050 cents > kMaxCents
        -(1e12 + 0.5),
        1e300,
    };
    for (double euros : rejected)
        EXPECT_THROW(centsFromEuros(euros), InputError) << euros;
}

TEST(Money, EurosFromCents)
{
    EXPECT_DOUBLE_EQ(eurosFromCents(123456), 1234.56);
    EXPECT_DOUBLE_EQ(eurosFromCents(-1250), -12.5);
    EXPECT_DOUBLE_EQ(eurosFromCents(0), 0.0);
    EXPECT_DOUBLE_EQ(eurosFromCents(kMaxCents), 1e12);
    EXPECT_EQ(centsFromEuros(eurosFromCents(123456)), 123456);
}

TEST(Money, DivideRoundedHalfAwayFromZero)
{
    struct Row
    {
        __int128 numerator;
        __int128 denominator;
        std::int64_t expected;
    };
    const Row rows[] = {
        {0, 7, 0},
        {10, 5, 2},
        {-10, 5, -2},
        {5, 2, 3},   // 2.5 -> 3
        {-5, 2, -3}, // -2.5 -> -3
        {7, 2, 4},   // 3.5 -> 4
        {-7, 2, -4},
        {1, 2, 1}, // 0.5 -> 1
        {-1, 2, -1},
        {1, 3, 0}, // 0.33 -> 0
        {-1, 3, 0},
        {2, 3, 1}, // 0.67 -> 1
        {-2, 3, -1},
        {149, 100, 1},
        {150, 100, 2},
        {-149, 100, -1},
        {-150, 100, -2},
        {151, 100, 2},
        // a penalty at the bound: kMaxCents x 14.25 % x 365 days / (10000 bp x 365 days)
        // = 1e14 x 0.1425 = 14 250 000 000 000, the numerator far beyond 64 bits
        {static_cast<__int128>(kMaxCents) * 1425 * 365, 10000 * 365, 14'250'000'000'000LL},
        {-static_cast<__int128>(kMaxCents) * 1425 * 365, 10000 * 365, -14'250'000'000'000LL},
    };
    for (const Row& row : rows)
        EXPECT_EQ(divideRounded(row.numerator, row.denominator), row.expected)
            << static_cast<long long>(row.numerator) << " / "
            << static_cast<long long>(row.denominator);
}

TEST(Money, CurrencyBetweenDigitsIsNotAGroupSeparator)
{
    // Either reading as 12,50 € or refusing is acceptable; 1 250 € is not.
    for (const char* text : {"12€50", "12 € 50", "12 euros 50"})
    {
        const std::optional<Cents> cents = parseAmountText(text);
        EXPECT_TRUE(!cents || *cents == 1250) << text << " -> " << describe(cents);
    }
}

TEST(Money, IrregularThousandsGroupingIsRejected)
{
    for (const char* text : {"1.2.345", "12.34.567", "1,2,3.45", "1.234,5,6"})
        EXPECT_EQ(describe(parseAmountText(text)), "nullopt") << text;
}
