// Conversion of Calc arguments (uno::Any) into core values. Every function throws
// relance::InputError with a message naming the argument; the add-in turns it into
// IllegalArgumentException (Err:502).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/uno/Any.hxx>
#include "uno/common/uno_basics.hxx"

#include "core/metrics/aging.hxx"
#include "core/calendar/civil_date.hxx"
#include "core/law/late_payment_law.hxx"
#include "core/common/money.hxx"
#include "core/calendar/payment_terms.hxx"

namespace relance::addin
{

std::string toUtf8(const OUString& text);
OUString fromUtf8(std::string_view text);

// Spreadsheet serials are days relative to the document's null date (1899-12-30 by default,
// 1904-01-01 for some documents); read it from the hidden caller argument.
class DateContext
{
public:
    explicit DateContext(const css::uno::Reference<css::beans::XPropertySet>& document);
    explicit DateContext(DayNumber nullDate) : nullDate_(nullDate) {}

    DayNumber fromSerial(double serial) const; // throws InputError outside supported years
    double toSerial(DayNumber day) const { return static_cast<double>(day - nullDate_); }

private:
    DayNumber nullDate_;
};

DayNumber today(); // the local calendar date of this machine

// Missing, empty text, or a 1x1 range holding either.
bool isBlank(const css::uno::Any& value);

// A single cell given as a 1x1 range is unwrapped; a larger range is an error.
css::uno::Any singleValue(const css::uno::Any& value, std::string_view what);

// Empty, missing or 0 gives nullopt (a blank cell reads as 0); a number is a serial; a text is
// read as a French or English date.
std::optional<DayNumber> optionalDate(const css::uno::Any& value, const DateContext& dates,
                                      std::string_view what);
DayNumber requiredDate(const css::uno::Any& value, const DateContext& dates, std::string_view what);

// Text terms, or a number of net days; blank or 0 is an error.
PaymentTerms paymentTerms(const css::uno::Any& value);

// A number in euros, or text such as "1 234,56 €"; blank gives nullopt.
std::optional<Cents> optionalAmount(const css::uno::Any& value, std::string_view what);
Cents requiredAmount(const css::uno::Any& value, std::string_view what);

// A whole number; blank gives the fallback.
int optionalInteger(const css::uno::Any& value, std::string_view what, int fallback, int min,
                    int max);

// An annual rate as Calc holds percentages (12,15 % is 0.1215); text "12,15 %" is read too.
// Values above 1 are refused: "15" is ambiguous between 15 % and 1500 %.
RatePpm ratePpm(const css::uno::Any& value, std::string_view what);

// A contract's late-payment rate, or nullopt for the statutory one: blank, 0 and "0 %" all
// mean "no contractual rate" (a blank cell reaches an add-in as 0, and 0 % can never be a
// lawful contractual rate: L441-10 puts it at 3 x the legal rate at least).
std::optional<RatePpm> contractRate(const css::uno::Any& value, std::string_view what);

// User rate rows: a two-column range, a date (any day of the half-year, or text "2026-S2")
// and the rate in force. Blank rows skipped.
std::vector<RateTable::Row> rateRows(const css::uno::Any& value, const DateContext& dates,
                                     std::string_view what);

// Text of a single cell, folded (case and accents ignored); blank gives "".
std::string foldedOption(const css::uno::Any& value, std::string_view what);
EndOfMonthReading endOfMonthReading(const css::uno::Any& value);
AgingBounds agingBounds(const css::uno::Any& value);

} // namespace relance::addin
