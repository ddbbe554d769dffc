// Civil (proleptic Gregorian) calendar arithmetic on day numbers.
// Algorithms from Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms"
// (days_from_civil / civil_from_days), valid for every year representable in int.
#pragma once

#include <cstdint>
#include <string>

namespace relance
{

// Days since 1970-01-01 (negative before). Spreadsheet serials are converted to this
// through the document's null date, never assumed to start in 1899.
using DayNumber = std::int32_t;

struct CivilDate
{
    int year = 1970;
    unsigned month = 1; // 1..12
    unsigned day = 1;   // 1..31

    friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

constexpr bool isLeapYear(int year) noexcept
{
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

constexpr unsigned lastDayOfMonth(int year, unsigned month) noexcept
{
    constexpr unsigned char days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29u : days[month - 1];
}

constexpr bool isValid(const CivilDate& date) noexcept
{
    return date.month >= 1 && date.month <= 12 && date.day >= 1 &&
           date.day <= lastDayOfMonth(date.year, date.month);
}

constexpr DayNumber toDayNumber(const CivilDate& date) noexcept
{
    const int y = date.year - (date.month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);            // [0, 399]
    const unsigned mp = date.month > 2 ? date.month - 3 : date.month + 9; // [0, 11]
    const unsigned doy = (153 * mp + 2) / 5 + date.day - 1;               // [0, 365]
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           // [0, 146096]
    return era * 146097 + static_cast<int>(doe) - 719468;
}

constexpr CivilDate toCivil(DayNumber dayNumber) noexcept
{
    const int z = dayNumber + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);               // [0, 146096]
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; // [0, 399]
    const int y = static_cast<int>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    const unsigned mp = (5 * doy + 2) / 153;                      // [0, 11]
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;              // [1, 31]
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;                 // [1, 12]
    return CivilDate{m <= 2 ? y + 1 : y, m, d};
}

// 0 = Monday ... 6 = Sunday (ISO 8601). 1970-01-01 was a Thursday.
constexpr unsigned isoWeekday(DayNumber dayNumber) noexcept
{
    return static_cast<unsigned>(((dayNumber % 7) + 7 + 3) % 7);
}

constexpr DayNumber endOfMonth(DayNumber dayNumber) noexcept
{
    CivilDate date = toCivil(dayNumber);
    date.day = lastDayOfMonth(date.year, date.month);
    return toDayNumber(date);
}

// The given day of the month (clamped to the month's length: "le 31" in April is the 30th).
constexpr DayNumber dayOfMonthClamped(int year, unsigned month, unsigned day) noexcept
{
    const unsigned last = lastDayOfMonth(year, month);
    return toDayNumber(CivilDate{year, month, day < last ? day : last});
}

constexpr CivilDate addMonths(CivilDate date, int months) noexcept
{
    const int index = date.year * 12 + static_cast<int>(date.month) - 1 + months;
    const int year = (index >= 0 ? index : index - 11) / 12;
    const unsigned month = static_cast<unsigned>(index - year * 12) + 1;
    return CivilDate{year, month, date.day};
}

// Dates Relance accepts anywhere: spreadsheets hold business dates, and a value far outside
// this window is a typing error or an empty cell read as zero, never an invoice.
inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 9999;

constexpr bool isInSupportedRange(DayNumber dayNumber) noexcept
{
    return dayNumber >= toDayNumber({kMinYear, 1, 1}) &&
           dayNumber <= toDayNumber({kMaxYear, 12, 31});
}

std::string toIsoString(DayNumber dayNumber);

} // namespace relance
