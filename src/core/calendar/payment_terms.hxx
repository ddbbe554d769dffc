// French (and English) payment terms, as written on invoices, and the due date they give.
// Code de commerce L441-10 I: terms run from the invoice date; at most 60 days net or
// 45 days end of month. "45 jours fin de mois" has two readings accepted by the CEPC
// (Commission d'examen des pratiques commerciales, avis 15-1 / recommandation):
//   A: invoice date + 45 days, then the end of that month (the common practice, default);
//   B: end of the invoice's month, then + 45 days.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/calendar/civil_date.hxx"

namespace relance
{

enum class EndOfMonthReading
{
    DaysThenEndOfMonth, // A
    EndOfMonthThenDays, // B
};

struct PaymentTerms
{
    int days = 0;                       // 0 with !endOfMonth: payable on receipt / cash
    bool endOfMonth = false;            // "fin de mois"
    std::optional<unsigned> dayOfMonth; // "... le 10": paid on that day of the following month
    // Set when the wording itself fixes the order ("fin de mois + 45 jours").
    std::optional<EndOfMonthReading> statedReading;

    friend bool operator==(const PaymentTerms&, const PaymentTerms&) = default;
};

// Longest terms accepted by the parser (a year): anything longer is a typing error.
inline constexpr int kMaxTermDays = 366;

// Throws InputError naming the text when the wording is not recognised: an unknown word
// ("60 jours date de livraison") must not silently become a due date.
PaymentTerms parsePaymentTerms(std::string_view text);

// Terms given as a plain number of days (a number cell).
PaymentTerms paymentTermsFromDays(double days);

DayNumber dueDate(DayNumber invoiceDate, const PaymentTerms& terms,
                  EndOfMonthReading reading = EndOfMonthReading::DaysThenEndOfMonth);

// A due date falling on a Saturday or Sunday is not moved unless the user asks: French law
// sets no such rule, contracts may. Public holidays are not considered.
enum class WeekendShift
{
    None,
    NextMonday,
    PreviousFriday,
};
DayNumber shiftWeekend(DayNumber day, WeekendShift shift);

// Canonical French wording, e.g. "45 jours fin de mois le 10" (for messages and tests).
std::string describe(const PaymentTerms& terms);

} // namespace relance
