#include "core/ledger/reminder_mark.hxx"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/common/text_fold.hxx"

namespace relance
{
namespace
{

// Words split on spaces only, so that "02/06/2026" and "2 juin 2026" read as dates.
std::vector<std::string_view> spacedWords(std::string_view text)
{
    std::vector<std::string_view> words;
    std::size_t at = 0;
    const auto separator = [](char c) { return c == ' ' || c == '\t' || c == ','; };
    while (at < text.size())
    {
        while (at < text.size() && separator(text[at]))
            ++at;
        std::size_t end = at;
        while (end < text.size() && !separator(text[end]))
            ++end;
        if (end > at)
            words.push_back(text.substr(at, end - at));
        at = end;
    }
    return words;
}

std::optional<DayNumber> firstDate(std::string_view text, DateOrder order)
{
    const std::vector<std::string_view> words = spacedWords(text);
    for (std::size_t i = 0; i < words.size(); ++i)
    {
        // "2 juin 2026" before "2": three words first.
        if (i + 2 < words.size())
        {
            const std::string_view three(
                words[i].data(), static_cast<std::size_t>(words[i + 2].data() +
                                                          words[i + 2].size() - words[i].data()));
            if (const auto day = parseDateText(three, order))
                return day;
        }
        if (words[i].find_first_of("/-.") != std::string_view::npos)
            if (const auto day = parseDateText(words[i], order))
                return day;
    }
    return std::nullopt;
}

// Folded words split on anything but letters, digits and date separators: "r2", "2eme",
// "relance", "12/06/2026" stay whole.
std::vector<std::string> markWords(std::string_view text)
{
    const std::string folded = foldText(text);
    std::vector<std::string> words;
    std::string word;
    for (const char c : folded)
    {
        const bool part = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' ||
                          c == '-' || c == '.' || static_cast<unsigned char>(c) >= 0x80;
        if (part)
            word.push_back(c);
        else if (!word.empty())
            words.push_back(std::exchange(word, {}));
    }
    if (!word.empty())
        words.push_back(word);
    for (std::string& each : words)
        while (!each.empty() && each.back() == '.')
            each.pop_back();
    std::erase_if(words, [](const std::string& each) { return each.empty(); });
    return words;
}

bool isLevelDigit(char c)
{
    return c >= '1' && c <= '3';
}

// The level a word names, or 0: "r2", "2e", "2eme", "1re", "1er", "2nd", "deuxieme", "med".
int levelWord(std::string_view word)
{
    if (word.size() == 2 && word[0] == 'r' && isLevelDigit(word[1]))
        return word[1] - '0';
    if (word.size() >= 2 && isLevelDigit(word[0]))
    {
        const std::string_view suffix = word.substr(1);
        for (std::string_view ordinal : {"e", "eme", "re", "ere", "er", "nd", "st"})
            if (suffix == ordinal)
                return word[0] - '0';
    }
    if (word == "premiere" || word == "premier" || word == "first")
        return 1;
    if (word == "deuxieme" || word == "second" || word == "seconde")
        return 2;
    if (word == "med" || word == "demeure" || word == "final" || word == "notice")
        return 3;
    return 0;
}

bool reminderWord(std::string_view word)
{
    return word == "relance" || word == "relances" || word == "relancee" || word == "rappel" ||
           word == "reminder" || word == "reminded" || word == "chased";
}

} // namespace

std::optional<ReminderMark> parseReminderMark(std::string_view text, DateOrder order)
{
    const std::vector<std::string> words = markWords(text);
    if (words.empty())
        return std::nullopt;
    ReminderMark mark;
    mark.date = firstDate(text, order);
    int level = 0;
    bool named = false;
    for (std::size_t i = 0; i < words.size(); ++i)
    {
        level = std::max(level, levelWord(words[i]));
        if (reminderWord(words[i]))
        {
            named = true;
            // "relance 2", "reminder 1": the number right after the word.
            if (i + 1 < words.size() && words[i + 1].size() == 1 && isLevelDigit(words[i + 1][0]))
                level = std::max(level, words[i + 1][0] - '0');
        }
    }
    // A level typed alone: "2".
    if (words.size() == 1 && words[0].size() == 1 && isLevelDigit(words[0][0]))
        level = words[0][0] - '0';
    if (level == 0 && !named && !mark.date)
        return std::nullopt;
    mark.level = level == 0 ? 1 : level;
    return mark;
}

} // namespace relance
