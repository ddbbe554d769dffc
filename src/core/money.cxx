#include "money.hxx"

#include <cmath>
#include <string>

#include "input_error.hxx"
#include "text_fold.hxx"

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

std::optional<Cents> parseAmountText(std::string_view text)
{
    if (text.size() > 64)
        return std::nullopt;
    // Folding turns no-break and narrow no-break spaces into plain spaces.
    std::string folded = foldText(text);
    for (std::string_view currency : {"euros", "euro", "eur", "\xe2\x82\xac" /* € */})
        for (std::size_t at = folded.find(currency); at != std::string::npos;
             at = folded.find(currency))
            folded.replace(at, currency.size(), " ");

    bool negative = false;
    std::string digits; // with at most one '.' as decimal point
    std::string body;
    for (char c : folded)
        if (c != ' ' && c != '\'')
            body.push_back(c);
    if (body.empty())
        return std::nullopt;
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
    if (body.empty() || body.find_first_not_of("0123456789.,") != std::string::npos)
        return std::nullopt;

    const std::size_t lastComma = body.rfind(',');
    const std::size_t lastDot = body.rfind('.');
    std::size_t decimalAt = std::string::npos;
    if (lastComma != std::string::npos && lastDot != std::string::npos)
        decimalAt = std::max(lastComma, lastDot);
    else if (lastComma != std::string::npos)
        decimalAt = body.find(',') == lastComma ? lastComma : std::string::npos;
    else if (lastDot != std::string::npos)
    {
        const bool single = body.find('.') == lastDot;
        const bool groupsThousands = body.size() - lastDot - 1 == 3 && !single;
        decimalAt = groupsThousands ? std::string::npos : (single ? lastDot : std::string::npos);
        if (!single && !groupsThousands)
            return std::nullopt;
    }
    if (decimalAt == std::string::npos && lastComma != std::string::npos &&
        lastDot == std::string::npos)
        return std::nullopt; // "1,234,567": commas grouping thousands is not French; refuse to
                             // guess

    std::string integerPart;
    std::string fraction;
    for (std::size_t i = 0; i < body.size(); ++i)
    {
        const char c = body[i];
        if (i == decimalAt)
            continue;
        if (c == '.' || c == ',')
        {
            if (i > decimalAt && decimalAt != std::string::npos)
                return std::nullopt; // a separator after the decimal point
            continue;                // a thousands separator
        }
        (decimalAt != std::string::npos && i > decimalAt ? fraction : integerPart).push_back(c);
    }
    if (fraction.size() > 2 || (integerPart.empty() && fraction.empty()) || integerPart.size() > 13)
        return std::nullopt;
    fraction.resize(2, '0');
    const Cents cents =
        (integerPart.empty() ? 0 : std::stoll(integerPart)) * 100 + std::stoll(fraction);
    if (cents > kMaxCents)
        return std::nullopt;
    return negative ? -cents : cents;
}

} // namespace relance
