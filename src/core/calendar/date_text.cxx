#include "core/calendar/date_text.hxx"

#include <map>
#include <string>
#include <vector>

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>

#include "core/common/text_fold.hxx"

namespace relance
{
namespace
{

using MonthNames = std::map<std::string, unsigned, std::less<>>;

void addNames(MonthNames& names, const icu::UnicodeString* months, int32_t count)
{
    for (int32_t i = 0; i < count && i < 12; ++i)
    {
        std::string utf8;
        months[i].toUTF8String(utf8);
        for (const std::string& word : foldedWords(utf8))
            names.emplace(word, static_cast<unsigned>(i + 1));
    }
}

const MonthNames& monthNames()
{
    static const MonthNames names = []
    {
        MonthNames result;
        for (const char* language : {"fr", "en"})
        {
            UErrorCode status = U_ZERO_ERROR;
            icu::DateFormatSymbols symbols(icu::Locale(language), status);
            if (U_FAILURE(status))
                continue;
            for (auto width : {icu::DateFormatSymbols::WIDE, icu::DateFormatSymbols::ABBREVIATED})
                for (auto context :
                     {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE})
                {
                    int32_t count = 0;
                    const icu::UnicodeString* months = symbols.getMonths(count, context, width);
                    addNames(result, months, count);
                }
        }
        // Abbreviations people type that CLDR does not list.
        for (auto [alias, month] : {std::pair{"fev", 2u},
                                    {"avri", 4u},
                                    {"juil", 7u},
                                    {"aou", 8u},
                                    {"sep", 9u},
                                    {"sept", 9u},
                                    {"dec", 12u}})
            result.emplace(alias, month);
        return result;
    }();
    return names;
}

bool isDigits(const std::string& word)
{
    return !word.empty() && word.find_first_not_of("0123456789") == std::string::npos;
}

bool isWeekdayOrOrdinal(const std::string& word)
{
    static const std::vector<std::string> ignorable = {
        "er",        "e",        "eme",    "th",       "st",     "nd",       "rd",     "lundi",
        "mardi",     "mercredi", "jeudi",  "vendredi", "samedi", "dimanche", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "le",       "the",    "of"};
    for (const std::string& candidate : ignorable)
        if (word == candidate)
            return true;
    return false;
}

std::optional<DayNumber> makeDate(long year, long month, long day, bool twoDigitYear)
{
    if (twoDigitYear)
        year += year < 70 ? 2000 : 1900;
    if (year < kMinYear || year > kMaxYear || month < 1 || month > 12 || day < 1 || day > 31)
        return std::nullopt;
    const CivilDate date{static_cast<int>(year), static_cast<unsigned>(month),
                         static_cast<unsigned>(day)};
    if (!isValid(date))
        return std::nullopt;
    return toDayNumber(date);
}

} // namespace

std::optional<DayNumber> parseDateText(std::string_view text, DateOrder order)
{
    if (text.size() > 64)
        return std::nullopt;
    std::vector<std::string> numbers;
    std::optional<unsigned> namedMonth;
    for (const std::string& word : foldedWords(text))
    {
        if (isDigits(word))
        {
            if (word.size() > 4)
                return std::nullopt;
            numbers.push_back(word);
            continue;
        }
        if (const auto found = monthNames().find(word); found != monthNames().end())
        {
            if (namedMonth)
                return std::nullopt;
            namedMonth = found->second;
            continue;
        }
        if (isWeekdayOrOrdinal(word))
            continue;
        return std::nullopt;
    }

    if (namedMonth)
    {
        // "12 mars 2024", "March 12, 2024", "mars 2024" is not a day.
        if (numbers.size() != 2)
            return std::nullopt;
        const std::string& dayWord = numbers[0].size() <= 2 ? numbers[0] : numbers[1];
        const std::string& yearWord = numbers[0].size() <= 2 ? numbers[1] : numbers[0];
        if (dayWord.size() > 2 || (yearWord.size() != 4 && yearWord.size() != 2))
            return std::nullopt;
        return makeDate(std::stol(yearWord), *namedMonth, std::stol(dayWord), yearWord.size() == 2);
    }

    if (numbers.size() != 3)
        return std::nullopt;
    if (numbers[0].size() == 4) // ISO 8601 year first
    {
        if (numbers[1].size() > 2 || numbers[2].size() > 2)
            return std::nullopt;
        return makeDate(std::stol(numbers[0]), std::stol(numbers[1]), std::stol(numbers[2]), false);
    }
    if (numbers[0].size() > 2 || numbers[1].size() > 2 ||
        (numbers[2].size() != 4 && numbers[2].size() != 2))
        return std::nullopt;
    const long first = std::stol(numbers[0]);
    const long second = std::stol(numbers[1]);
    const long year = std::stol(numbers[2]);
    const bool twoDigitYear = numbers[2].size() == 2;
    return order == DateOrder::DayMonthYear ? makeDate(year, second, first, twoDigitYear)
                                            : makeDate(year, first, second, twoDigitYear);
}

} // namespace relance
