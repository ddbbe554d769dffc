// Reading one cell for the import: trimming, number cells as text, subtotal labels, and the
// ICU-free fast paths for plain dates and amounts, SIREN digits and duplicate keys.
#include "core/ledger/ledger_import_detail.hxx"

#include <array>
#include <charconv>
#include <cmath>
#include <string>

#include <unicode/unistr.h>

namespace relance::ledger_import_detail
{
namespace
{

// ---------------------------------------------------------------------------------------------
// Cells

bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Length of a Unicode space (NBSP, narrow NBSP, thin space, zero-width space, ideographic space)
// at the start of text, 0 when none.
std::size_t unicodeSpaceAt(std::string_view text)
{
    if (text.size() >= 2 && text[0] == '\xc2' && text[1] == '\xa0')
        return 2;
    if (text.size() >= 3 && text[0] == '\xe2' && text[1] == '\x80' &&
        (text[2] == '\xaf' || text[2] == '\x89' || text[2] == '\x8b' || text[2] == '\x87'))
        return 3;
    if (text.size() >= 3 && text[0] == '\xe3' && text[1] == '\x80' && text[2] == '\x80')
        return 3;
    return 0;
}

std::size_t unicodeSpaceBefore(std::string_view text)
{
    if (text.size() >= 2 && unicodeSpaceAt(text.substr(text.size() - 2)) == 2)
        return 2;
    if (text.size() >= 3 && unicodeSpaceAt(text.substr(text.size() - 3)) == 3)
        return 3;
    return 0;
}

// 1024 -> "1024", 12.5 -> "12.5": a number cell read as text (invoice numbers, SIREN, terms).
std::string numberText(double value)
{
    char buffer[64];
    std::to_chars_result result;
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e17)
        result = std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(value));
    else
        result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

bool isAsciiDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char asciiLower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

} // namespace

std::string_view trim(std::string_view text)
{
    for (;;)
    {
        if (!text.empty() && isAsciiSpace(text.front()))
            text.remove_prefix(1);
        else if (const std::size_t length = unicodeSpaceAt(text))
            text.remove_prefix(length);
        else
            break;
    }
    for (;;)
    {
        if (!text.empty() && isAsciiSpace(text.back()))
            text.remove_suffix(1);
        else if (const std::size_t length = unicodeSpaceBefore(text))
            text.remove_suffix(length);
        else
            break;
    }
    return text;
}

Cell readCell(const std::vector<SourceCell>& row, std::optional<std::size_t> column)
{
    if (!column || *column >= row.size())
        return {};
    const SourceCell& source = row[*column];
    switch (source.kind)
    {
    case SourceCell::Kind::Number:
        return {SourceCell::Kind::Number, source.number, {}};
    case SourceCell::Kind::Text:
        if (const std::string_view text = trim(source.text); !text.empty())
            return {SourceCell::Kind::Text, 0, text};
        return {};
    case SourceCell::Kind::Empty:
        break;
    }
    return {};
}

std::string cellText(const Cell& cell)
{
    switch (cell.kind)
    {
    case SourceCell::Kind::Number:
        return numberText(cell.number);
    case SourceCell::Kind::Text:
        return std::string(cell.text);
    case SourceCell::Kind::Empty:
        break;
    }
    return {};
}

// "Sous-total mars 2024", "TOTAL", "Subtotal": ASCII only, no ICU per cell.
bool startsWithSubtotalWord(std::string_view text)
{
    std::string head; // lower case, separators as single spaces
    for (std::size_t i = 0; i < text.size() && head.size() < 16;)
    {
        const char c = text[i];
        if (const std::size_t space = unicodeSpaceAt(text.substr(i)))
        {
            i += space;
            if (!head.empty() && head.back() != ' ')
                head.push_back(' ');
            continue;
        }
        ++i;
        if (isAsciiLetter(c) || isAsciiDigit(c) || static_cast<unsigned char>(c) >= 0x80)
            head.push_back(asciiLower(c));
        else if (!head.empty() && head.back() != ' ')
            head.push_back(' ');
    }
    for (std::string_view prefix : {"total", "sous total", "soustotal", "subtotal", "sub total"})
        if (head.starts_with(prefix) &&
            (head.size() == prefix.size() || !isAsciiLetter(head[prefix.size()])))
            return true;
    return false;
}

// The rules of parseDateText for text made of ASCII digits and separators only ("12/03/2024",
// "2024-03-12"), without ICU. nullopt when the text has letters or non-ASCII characters: then
// parseDateText decides.
std::optional<std::optional<DayNumber>> numericDateText(std::string_view text, DateOrder order)
{
    std::array<std::string_view, 4> numbers;
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size();)
    {
        const char c = text[i];
        if (isAsciiLetter(c) || static_cast<unsigned char>(c) >= 0x80)
            return std::nullopt;
        if (!isAsciiDigit(c))
        {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && isAsciiDigit(text[end]))
            ++end;
        if (count == numbers.size())
            return std::optional<DayNumber>{};
        numbers[count++] = text.substr(i, end - i);
        i = end;
    }
    if (text.size() > 64 || count != 3)
        return std::optional<DayNumber>{};
    for (std::size_t i = 0; i < 3; ++i)
        if (numbers[i].size() > 4)
            return std::optional<DayNumber>{};
    auto value = [](std::string_view digits)
    {
        long result = 0;
        for (char c : digits)
            result = result * 10 + (c - '0');
        return result;
    };
    auto make = [](long year, long month, long day, bool twoDigitYear) -> std::optional<DayNumber>
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
    };
    if (numbers[0].size() == 4)
    {
        if (numbers[1].size() > 2 || numbers[2].size() > 2)
            return std::optional<DayNumber>{};
        return make(value(numbers[0]), value(numbers[1]), value(numbers[2]), false);
    }
    if (numbers[0].size() > 2 || numbers[1].size() > 2 ||
        (numbers[2].size() != 4 && numbers[2].size() != 2))
        return std::optional<DayNumber>{};
    const long first = value(numbers[0]);
    const long second = value(numbers[1]);
    const long year = value(numbers[2]);
    const bool twoDigitYear = numbers[2].size() == 2;
    return order == DateOrder::DayMonthYear ? make(year, second, first, twoDigitYear)
                                            : make(year, first, second, twoDigitYear);
}

// parseAmountText's rules for text that ICU folding would change only in ASCII case, spaces
// and apostrophes ("1 234,56 €" with normal or no-break spaces, "1,234.56 EUR"), without ICU.
// nullopt when the text holds any other character: then parseAmountText decides.
std::optional<std::optional<Cents>> plainAmountText(std::string_view text)
{
    const std::optional<Cents> unreadable;
    if (text.size() > 64)
        return unreadable;
    std::string folded;
    for (std::size_t i = 0; i < text.size();)
    {
        const char c = text[i];
        if (static_cast<unsigned char>(c) < 0x80)
        {
            folded.push_back(isAsciiSpace(c) ? ' ' : c == '`' ? '\'' : asciiLower(c));
            ++i;
            continue;
        }
        const std::string_view rest = text.substr(i);
        // No-break, narrow no-break, figure, thin and ideographic spaces (ICU White_Space).
        if (rest.starts_with("\xc2\xa0"))
            folded.push_back(' '), i += 2;
        else if (rest.starts_with("\xe2\x80\xaf") || rest.starts_with("\xe2\x80\x87") ||
                 rest.starts_with("\xe2\x80\x89") || rest.starts_with("\xe3\x80\x80"))
            folded.push_back(' '), i += 3;
        else if (rest.starts_with("\xe2\x82\xac")) // €, as foldText leaves it
            folded += "\xe2\x82\xac", i += 3;
        else if (rest.starts_with("\xe2\x80\x98") || rest.starts_with("\xe2\x80\x99")) // ‘ ’
            folded.push_back('\''), i += 3;
        else if (rest.starts_with("\xc2\xb4") || rest.starts_with("\xca\xbc")) // ´ ʼ
            folded.push_back('\''), i += 2;
        else
            return std::nullopt;
    }
    // Runs of spaces count as one, as foldText makes them.
    std::string collapsed;
    for (char c : folded)
        if (c != ' ' || (!collapsed.empty() && collapsed.back() != ' '))
            collapsed.push_back(c);
    while (!collapsed.empty() && collapsed.back() == ' ')
        collapsed.pop_back();
    return std::optional<std::optional<Cents>>(parseFoldedAmountText(std::move(collapsed)));
}

// Digits of a SIREN or SIRET, the first 9 (the SIREN) of a SIRET. A number cell loses leading
// zeros: 8 or 13 digits are padded back to 9 or 14.
std::string sirenFrom(const Cell& cell)
{
    std::string digits;
    const std::string text = cellText(cell);
    for (char c : text)
        if (isAsciiDigit(c))
            digits.push_back(c);
    if (cell.kind == SourceCell::Kind::Number && (digits.size() == 8 || digits.size() == 13))
        digits.insert(digits.begin(), '0');
    if (digits.size() > 9)
        digits.resize(9);
    return digits;
}

// Case-insensitive key of an invoice number: ASCII lowered in place; ICU case folding only for
// the rare number with non-ASCII letters.
std::string duplicateKey(std::string_view number)
{
    std::string key(number);
    bool ascii = true;
    for (char& c : key)
    {
        if (static_cast<unsigned char>(c) >= 0x80)
            ascii = false;
        c = asciiLower(c);
    }
    if (!ascii)
    {
        icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
            icu::StringPiece(key.data(), static_cast<int32_t>(key.size())));
        key.clear();
        unicode.foldCase().toUTF8String(key);
    }
    return key;
}

} // namespace relance::ledger_import_detail
