#include "fuzz_support.hxx"

#include <cstdio>
#include <cstdlib>

namespace relance::fuzz
{
namespace
{

bool gThrowOnFailure = false;
std::string_view gCurrentInput;

} // namespace

void throwOnFailure(bool enabled)
{
    gThrowOnFailure = enabled;
}

CurrentInput::CurrentInput(std::string_view input) : previous_(gCurrentInput)
{
    gCurrentInput = input;
}

CurrentInput::~CurrentInput()
{
    gCurrentInput = previous_;
}

bool ignored(std::string_view id)
{
    if (gThrowOnFailure)
        return false;
    static const std::string list = []
    {
        const char* value = std::getenv("RELANCE_FUZZ_IGNORE");
        return concat(",", value ? value : "", ",");
    }();
    return list.find(concat(",", id, ",")) != std::string::npos;
}

void fail(const char* file, int line, const char* condition, const std::string& detail,
          std::string_view id)
{
    const std::string message =
        concat("invariant ", id.empty() ? "" : concat("[", id, "] "), "broken at ", file, ":", line,
               ": ", condition, "\n  ", detail, "\n  input (", gCurrentInput.size(), " bytes): \"",
               escaped(gCurrentInput), "\"\n  input hex: ", hex(gCurrentInput), "\n");
    if (gThrowOnFailure)
        throw InvariantViolation(message);
    std::fputs(message.c_str(), stderr);
    std::fflush(stderr);
    std::abort();
}

std::string hex(std::string_view bytes)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes)
    {
        out.push_back(digits[c >> 4]);
        out.push_back(digits[c & 15]);
    }
    return out;
}

std::string escaped(std::string_view bytes)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes)
    {
        if (c == '\\' || c == '"')
        {
            out.push_back('\\');
            out.push_back(static_cast<char>(c));
        }
        else if (c >= 0x20 && c < 0x7f)
            out.push_back(static_cast<char>(c));
        else
        {
            out += "\\x";
            out.push_back(digits[c >> 4]);
            out.push_back(digits[c & 15]);
        }
    }
    return out;
}

std::string showDate(DayNumber day)
{
    return concat(toIsoString(day), " (day ", day, ")");
}

std::string upperAscii(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return out;
}

} // namespace relance::fuzz
