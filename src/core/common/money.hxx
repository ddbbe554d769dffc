// Money as integer cents: sums and penalties are exact, never accumulated doubles.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace relance
{

using Cents = std::int64_t;

// Largest amount accepted anywhere (a thousand billion euros): keeps every product of an
// amount by days and basis points inside 64 bits.
inline constexpr Cents kMaxCents = 100'000'000'000'000LL;

// A spreadsheet number in euros to cents, rounded half away from zero (=A1*1.2 may carry
// more decimals than cents). Throws InputError when not finite or beyond kMaxCents.
Cents centsFromEuros(double euros);
double eurosFromCents(Cents cents);

// Amounts typed as text: "1 234,56 €", "1234.56", "1,234.56 EUR", "-12,5", "€ 99". Spaces,
// no-break spaces and apostrophes group thousands; with one kind of separator, a comma is
// decimal (French usage) and a dot is decimal unless it groups thousands ("1.234.567").
// nullopt when the text is not an amount or has more than two decimals.
std::optional<Cents> parseAmountText(std::string_view text);
// The same on text already folded (lower case, every kind of space a plain space, typographic
// apostrophes as '): lets a caller that folded ASCII text itself skip ICU.
std::optional<Cents> parseFoldedAmountText(std::string folded);

// Round half away from zero of numerator / denominator (denominator > 0).
std::int64_t divideRounded(__int128 numerator, __int128 denominator);

} // namespace relance
