#include "core/common/money.hxx"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/common/input_error.hxx"
#include "core/common/text_fold.hxx"

namespace relance
{

Cents centsFromEuros(double euros)
{
    if (!std::isfinite(euros) || std::fabs(euros) * 100.0 > static_cast<double>(kMaxCents))
        throw InputError("amount out of range");
    return static_cast<Cents>(std::llround(euros * 100.0));
}

double eurosFromCents(Cents cents)
{
    return static_cast<double>(cents) / 100.0;
}

std::int64_t divideRounded(__int128 numerator, __int128 denominator)
{
    const bool negative = numerator < 0;
    const __int128 magnitude = negative ? -numerator : numerator;
    const __int128 quotient = (magnitude * 2 + denominator) / (denominator * 2);
    return static_cast<std::int64_t>(negative ? -quotient : quotient);
}

namespace
{

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Digit groups of the integer part: the first of 1 to 3 digits, the others of exactly 3.
bool groupsAreThousands(const std::vector<std::string>& groups)
{
    if (groups.empty() || groups.front().empty() || groups.front().size() > 3)
        return false;
    for (std::size_t i = 1; i < groups.size(); ++i)
        if (groups[i].size() != 3)
            return false;
    return true;
}

} // namespace

std::optional<Cents> parseAmountText(std::string_view text)
{
    if (text.size() > 64)
        return std::nullopt;
    // Folding turns no-break and narrow no-break spaces into plain spaces.
    return parseFoldedAmountText(foldText(text));
}

std::optional<Cents> parseFoldedAmountText(std::string body)
{
    // A currency between digits is the decimal point ("12€50"); elsewhere it is dropped.
    for (std::string_view currency : {"euros", "euro", "eur", "\xe2\x82\xac" /* € */})
        for (std::size_t at = body.find(currency); at != std::string::npos;
             at = body.find(currency))
        {
            std::size_t before = at;
            while (before > 0 && body[before - 1] == ' ')
                --before;
            std::size_t after = at + currency.size();
            while (after < body.size() && body[after] == ' ')
                ++after;
            const bool between = before > 0 && isDigit(body[before - 1]) && after < body.size() &&
                                 isDigit(body[after]);
            body.replace(before, after - before, 1, between ? ',' : ' ');
        }

    bool negative = false;
    std::size_t first = body.find_first_not_of(' ');
    std::size_t last = body.find_last_not_of(' ');
    if (first == std::string::npos)
        return std::nullopt;
    body = body.substr(first, last - first + 1);
    if (body.front() == '-' || body.front() == '+')
    {
        negative = body.front() == '-';
        body.erase(0, 1);
    }
    else if (body.size() >= 2 && body.front() == '(' && body.back() == ')')
    {
        negative = true; // accounting notation
        body = body.substr(1, body.size() - 2);
    }
    while (!body.empty() && body.front() == ' ')
        body.erase(0, 1);
    while (!body.empty() && body.back() == ' ')
        body.pop_back();
    if (body.empty() || body.find_first_not_of("0123456789., '") != std::string::npos)
        return std::nullopt;

    // The decimal separator: with both '.' and ',', the last one; with one kind only, a single
    // ',' is decimal (French), a single '.' is decimal unless it could group thousands ("1.234"
    // is ambiguous and refused); a repeated one groups thousands.
    const std::size_t commas = static_cast<std::size_t>(std::count(body.begin(), body.end(), ','));
    const std::size_t dots = static_cast<std::size_t>(std::count(body.begin(), body.end(), '.'));
    std::size_t decimalAt = std::string::npos;
    char grouping = 0;
    if (commas > 0 && dots > 0)
    {
        decimalAt = std::max(body.rfind(','), body.rfind('.'));
        grouping = body[decimalAt] == ',' ? '.' : ',';
        if ((grouping == ',' ? commas : dots) == 0 || (body[decimalAt] == ',' ? commas : dots) != 1)
            return std::nullopt;
    }
    else if (commas == 1)
        decimalAt = body.find(',');
    else if (commas > 1)
        return std::nullopt; // "1,234,567": commas grouping thousands is not French; no guess
    else if (dots == 1)
    {
        decimalAt = body.find('.');
        const std::size_t digitsAfter = body.size() - decimalAt - 1;
        const std::size_t digitsBefore = decimalAt;
        if (digitsAfter == 3 && digitsBefore >= 1 && digitsBefore <= 3 &&
            body.find_first_of(" '") == std::string::npos)
            return std::nullopt; // "1.234": a thousand or one and a bit
    }
    else if (dots > 1)
        grouping = '.';

    std::string integerText = decimalAt == std::string::npos ? body : body.substr(0, decimalAt);
    const std::string fraction =
        decimalAt == std::string::npos ? std::string() : body.substr(decimalAt + 1);
    if (fraction.size() > 2 || fraction.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    // Trim spaces around the decimal point ("12 , 50" is not written; "1 234 ,5" neither).
    if (!integerText.empty() && (integerText.back() == ' ' || integerText.back() == '\''))
        return std::nullopt;

    // Split the integer part into groups on its grouping characters: spaces or apostrophes,
    // or the one grouping punctuation found above; never two kinds at once.
    std::vector<std::string> groups(1);
    char groupingSeen = 0;
    for (char c : integerText)
    {
        if (isDigit(c))
        {
            groups.back().push_back(c);
            continue;
        }
        const char kind = (c == ' ' || c == '\'') ? ' ' : c;
        if ((c == ',' || c == '.') && c != grouping)
            return std::nullopt;
        if (groupingSeen && groupingSeen != kind)
            return std::nullopt;
        groupingSeen = kind;
        groups.emplace_back();
    }
    if (groups.size() > 1 && !groupsAreThousands(groups))
        return std::nullopt;
    std::string digits;
    for (const std::string& group : groups)
        digits += group;
    if ((digits.empty() && fraction.empty()) || digits.size() > 13)
        return std::nullopt;
    std::string cents = fraction;
    cents.resize(2, '0');
    const Cents value = (digits.empty() ? 0 : std::stoll(digits)) * 100 + std::stoll(cents);
    if (value > kMaxCents)
        return std::nullopt;
    return negative ? -value : value;
}

} // namespace relance
