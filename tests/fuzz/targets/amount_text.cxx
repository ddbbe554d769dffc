// parseAmountText, and the cents <-> euros conversions.
//
// Invariants, for every text the parser accepts:
//  - the amount is within +-kMaxCents;
//  - case does not matter ("EUR", "Euros"): the upper-cased text gives the same cents;
//  - the amount re-formatted in each documented way parses back to the same cents:
//    "1234,56", "1 234,56 €" (no-break space groups), "1 234,56 EUR" (narrow no-break space),
//    "1234.56", "1,234.56", "1'234.56", "€ 1234.56", "1.234.567,89", "(1 234,56)" for negatives;
//  - centsFromEuros(eurosFromCents(cents)) == cents.
#include <cstdlib>

#include "fuzz_support.hxx"
#include "core/common/input_error.hxx"
#include "core/common/money.hxx"

namespace relance::fuzz
{
namespace
{

// The integer part with a separator every three digits (none when the separator is empty).
std::string grouped(Cents magnitude, std::string_view separator)
{
    const std::string digits = std::to_string(magnitude / 100);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i)
    {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += separator;
        out.push_back(digits[i]);
    }
    return out;
}

std::string fraction(Cents magnitude)
{
    const Cents cents = magnitude % 100;
    return concat(cents < 10 ? "0" : "", cents);
}

std::optional<Cents> parse(std::string_view text)
{
    try
    {
        return parseAmountText(text);
    }
    catch (const InputError& error)
    {
        FUZZ_CHECK(*error.what() != '\0');
        return std::nullopt;
    }
}

void checkReadsBack(const std::string& written, Cents expected)
{
    const std::optional<Cents> again = parse(written);
    FUZZ_CHECK(again == expected, "parsed ", expected, " cents but \"", escaped(written),
               "\" gives ", again ? std::to_string(*again) : "nothing");
}

} // namespace

int fuzzAmountText(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text = asText(data, size);
    const CurrentInput current(text);
    const std::optional<Cents> cents = parse(text);
    const std::optional<Cents> upper = parse(upperAscii(text));
    FUZZ_CHECK(upper == cents, cents ? std::to_string(*cents) : "nothing", " but upper case gives ",
               upper ? std::to_string(*upper) : "nothing");
    if (!cents)
        return 0;

    FUZZ_CHECK(*cents >= -kMaxCents && *cents <= kMaxCents, *cents, " cents");
    const Cents magnitude = std::llabs(*cents);
    const std::string sign = *cents < 0 ? "-" : "";
    const std::string frac = fraction(magnitude);
    checkReadsBack(concat(sign, grouped(magnitude, ""), ",", frac), *cents);
    checkReadsBack(concat(sign, grouped(magnitude, "\u00a0"), ",", frac, "\u00a0€"), *cents);
    checkReadsBack(concat(sign, grouped(magnitude, "\u202f"), ",", frac, " EUR"), *cents);
    checkReadsBack(concat(sign, grouped(magnitude, ""), ".", frac), *cents);
    checkReadsBack(concat(sign, grouped(magnitude, ","), ".", frac), *cents);
    checkReadsBack(concat(sign, grouped(magnitude, "'"), ".", frac), *cents);
    checkReadsBack(concat("€ ", sign, grouped(magnitude, ""), ".", frac), *cents);
    checkReadsBack(concat(sign, grouped(magnitude, "."), ",", frac, " euros"), *cents);
    if (*cents < 0)
        checkReadsBack(concat("(", grouped(magnitude, " "), ",", frac, ")"), *cents);

    try
    {
        const Cents again = centsFromEuros(eurosFromCents(*cents));
        FUZZ_CHECK(again == *cents, *cents, " cents -> ", eurosFromCents(*cents), " euros -> ",
                   again, " cents");
    }
    catch (const InputError& error)
    {
        FUZZ_CHECK(false, *cents, " cents: centsFromEuros refuses its own euros: ", error.what());
    }
    return 0;
}

} // namespace relance::fuzz
