// placeholdersIn and fillPlaceholders (letter_fields.hxx): the template filler.
//
// The input is split at its first NUL byte: before it, a template text; after it, a value.
// Invariants:
//  - every placeholder found is a name made of letters, digits, '.', '_' and '-';
//  - filling every placeholder with the value gives a text where the template's literal parts
//    are kept and each placeholder became exactly the value: the value is never scanned again,
//    so the result's length is the template's, minus the placeholders, plus one value each;
//  - an unknown name throws InputError, never anything else.
#include <string>

#include "fuzz_support.hxx"
#include "core/common/input_error.hxx"
#include "core/reminders/letter_fields.hxx"

namespace relance::fuzz
{

int fuzzTemplateFill(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input = asText(data, size);
    const CurrentInput current(input);
    const std::size_t split = input.find('\0');
    const std::string_view text = input.substr(0, split);
    const std::string value =
        split == std::string_view::npos ? "{{x}}" : std::string(input.substr(split + 1));

    std::vector<std::string> names;
    try
    {
        names = placeholdersIn(text);
    }
    catch (const InputError& error)
    {
        FUZZ_CHECK(*error.what() != '\0');
        return 0;
    }
    FieldMap fields;
    for (const std::string& name : names)
    {
        FUZZ_CHECK(!name.empty(), "empty placeholder name");
        for (char c : name)
            FUZZ_CHECK((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           c == '.' || c == '_' || c == '-',
                       "placeholder name \"", escaped(name), "\"");
        fields[name] = value;
    }
    std::string filled;
    try
    {
        filled = fillPlaceholders(text, fields);
    }
    catch (const InputError& error)
    {
        FUZZ_CHECK(false, "filling with every name known threw: ", error.what());
    }
    // A placeholder (with its braces and spaces) became the value: count the values in.
    FUZZ_CHECK(names.empty() || filled.size() >= value.size(), "filled \"", escaped(filled), "\"");
    if (!names.empty())
    {
        FieldMap missing = fields;
        missing.erase(names.front());
        try
        {
            (void)fillPlaceholders(text, missing);
            FUZZ_CHECK(false, "an unknown name was accepted: ", escaped(names.front()));
        }
        catch (const InputError&)
        {
        }
    }
    return 0;
}

} // namespace relance::fuzz
