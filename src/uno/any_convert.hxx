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
#include "uno_basics.hxx"

#include "aging.hxx"
#include "civil_date.hxx"
#include "payment_terms.hxx"

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

// A single cell given as a 1x1 range is unwrapped; a larger range is an error.
css::uno::Any singleValue(const css::uno::Any& value, std::string_view what);

// Empty, missing or 0 gives nullopt (a blank cell reads as 0); a number is a serial; a text is
// read as a French or English date.
std::optional<DayNumber> optionalDate(const css::uno::Any& value, const DateContext& dates,
                                      std::string_view what);
DayNumber requiredDate(const css::uno::Any& value, const DateContext& dates, std::string_view what);

// Text terms, or a number of net days; blank or 0 is an error.
PaymentTerms paymentTerms(const css::uno::Any& value);
EndOfMonthReading endOfMonthReading(const css::uno::Any& value);
AgingBounds agingBounds(const css::uno::Any& value);

} // namespace relance::addin
