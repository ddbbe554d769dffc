#include "core/calendar/civil_date.hxx"

#include <cstdio>

namespace relance
{

std::string toIsoString(DayNumber dayNumber)
{
    const CivilDate date = toCivil(dayNumber);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", date.year, date.month, date.day);
    return buffer;
}

} // namespace relance
