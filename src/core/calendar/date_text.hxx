// Dates typed as text in French or English: "12/03/2024", "12 mars 2024", "1er mars 2024",
// "March 12, 2024", "2024-03-12". Month names come from ICU's CLDR data for fr and en.
#pragma once

#include <optional>
#include <string_view>

#include "core/calendar/civil_date.hxx"

namespace relance
{

enum class DateOrder
{
    DayMonthYear, // French usage, the default
    MonthDayYear, // US usage
};

// nullopt when the text is not a date in one of the accepted forms, or names a day that does
// not exist (31/02/2024) or lies outside the supported years. Two-digit years are 20xx below 70.
std::optional<DayNumber> parseDateText(std::string_view text,
                                       DateOrder order = DateOrder::DayMonthYear);

} // namespace relance
