// parseDateText in both orders (day/month/year and month/day/year).
//
// Invariants, for every text a parse accepts:
//  - the day is a valid civil date in kMinYear..kMaxYear (isInSupportedRange, and
//    toDayNumber(toCivil(day)) == day);
//  - case does not matter: the upper-cased text gives the same result, in both orders;
//  - the date written back in every accepted form reads the same: ISO "2024-03-12" (either order),
//    "12/03/2024" (day first), "03/12/2024" (month first), "12 mars 2024", "March 12, 2024"
//    (either order);
//  - the two orders only swap day and month: when both accept the text and disagree, the year
//    is the same and day and month are exchanged.
#include <array>

#include "core/calendar/date_text.hxx"
#include "fuzz_support.hxx"
#include "core/common/input_error.hxx"

namespace relance::fuzz
{
namespace
{

constexpr std::array<const char*, 12> kFrenchMonths = {
    "janvier", "février", "mars",      "avril",   "mai",      "juin",
    "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
constexpr std::array<const char*, 12> kEnglishMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

const char* show(DateOrder order)
{
    return order == DateOrder::DayMonthYear ? "day/month/year" : "month/day/year";
}

std::string twoDigits(unsigned value)
{
    return concat(value < 10 ? "0" : "", value);
}

void checkReadsBack(const std::string& written, DateOrder order, DayNumber expected)
{
    const std::optional<DayNumber> again = parseDateText(written, order);
    FUZZ_CHECK(again == expected, "parsed ", showDate(expected), " but \"", written, "\" (",
               show(order), ") gives ", again ? showDate(*again) : "nothing");
}

void checkDay(DayNumber day, DateOrder order)
{
    FUZZ_CHECK(isInSupportedRange(day), show(order), " gives ", showDate(day));
    const CivilDate civil = toCivil(day);
    FUZZ_CHECK(isValid(civil) && toDayNumber(civil) == day && civil.year >= kMinYear &&
                   civil.year <= kMaxYear,
               show(order), " gives ", showDate(day));

    const std::string year = concat(civil.year);
    const std::string dd = twoDigits(civil.day);
    const std::string mm = twoDigits(civil.month);
    for (DateOrder any : {DateOrder::DayMonthYear, DateOrder::MonthDayYear})
    {
        checkReadsBack(concat(year, "-", mm, "-", dd), any, day);
        checkReadsBack(concat(civil.day, " ", kFrenchMonths[civil.month - 1], " ", year), any, day);
        checkReadsBack(concat(kEnglishMonths[civil.month - 1], " ", civil.day, ", ", year), any,
                       day);
    }
    checkReadsBack(concat(dd, "/", mm, "/", year), DateOrder::DayMonthYear, day);
    checkReadsBack(concat(mm, "/", dd, "/", year), DateOrder::MonthDayYear, day);
}

std::optional<DayNumber> parse(std::string_view text, DateOrder order)
{
    try
    {
        return parseDateText(text, order);
    }
    catch (const InputError& error)
    {
        FUZZ_CHECK(*error.what() != '\0');
        return std::nullopt;
    }
}

} // namespace

int fuzzDateText(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text = asText(data, size);
    const CurrentInput current(text);
    const std::optional<DayNumber> dayFirst = parse(text, DateOrder::DayMonthYear);
    const std::optional<DayNumber> monthFirst = parse(text, DateOrder::MonthDayYear);
    const std::string upper = upperAscii(text);
    for (DateOrder order : {DateOrder::DayMonthYear, DateOrder::MonthDayYear})
    {
        const std::optional<DayNumber>& day =
            order == DateOrder::DayMonthYear ? dayFirst : monthFirst;
        if (day)
            checkDay(*day, order);
        const std::optional<DayNumber> upperDay = parse(upper, order);
        FUZZ_CHECK(upperDay == day, show(order), ": ", day ? showDate(*day) : "nothing",
                   " but upper case gives ", upperDay ? showDate(*upperDay) : "nothing");
    }
    if (dayFirst && monthFirst && *dayFirst != *monthFirst)
    {
        const CivilDate a = toCivil(*dayFirst);
        const CivilDate b = toCivil(*monthFirst);
        FUZZ_CHECK(a.year == b.year && a.day == b.month && a.month == b.day,
                   "day/month/year gives ", showDate(*dayFirst), ", month/day/year gives ",
                   showDate(*monthFirst));
    }
    return 0;
}

} // namespace relance::fuzz
