// foldText and foldedWords.
//
// Invariants, for any bytes (invalid UTF-8 included):
//  - folding is idempotent: foldText(foldText(x)) == foldText(x);
//  - the folded text is valid UTF-8, trimmed, with single ASCII spaces only (no tab, no-break,
//    narrow no-break or figure space, no double space), no ASCII upper case letter, and no
//    typographic apostrophe left (U+2019, U+2018, U+02BC, U+00B4, U+0060);
//  - case does not matter: foldText(upperAscii(x)) == foldText(x);
//  - foldedWords(foldText(x)) == foldedWords(x), and every word is non-empty, is either all
//    ASCII digits or has none, contains no space and no ASCII punctuation, and occurs in the
//    folded text.
#include <cstdio>
#include <vector>

#include "fuzz_support.hxx"
#include "core/common/input_error.hxx"
#include "core/common/text_fold.hxx"

namespace relance::fuzz
{
namespace
{

// Decodes UTF-8 strictly; false on any malformed, overlong or surrogate sequence.
bool decodeUtf8(std::string_view text, std::vector<char32_t>& out)
{
    out.clear();
    for (std::size_t i = 0; i < text.size();)
    {
        const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
        const unsigned char lead = byte(i);
        std::size_t length = 0;
        char32_t c = 0;
        if (lead < 0x80)
        {
            length = 1;
            c = lead;
        }
        else if (lead >= 0xc2 && lead <= 0xdf)
        {
            length = 2;
            c = lead & 0x1f;
        }
        else if (lead >= 0xe0 && lead <= 0xef)
        {
            length = 3;
            c = lead & 0x0f;
        }
        else if (lead >= 0xf0 && lead <= 0xf4)
        {
            length = 4;
            c = lead & 0x07;
        }
        else
            return false;
        if (i + length > text.size())
            return false;
        for (std::size_t k = 1; k < length; ++k)
        {
            if ((byte(i + k) & 0xc0) != 0x80)
                return false;
            c = (c << 6) | (byte(i + k) & 0x3f);
        }
        if ((length == 3 && c < 0x800) || (length == 4 && (c < 0x10000 || c > 0x10ffff)) ||
            (c >= 0xd800 && c <= 0xdfff))
            return false;
        out.push_back(c);
        i += length;
    }
    return true;
}

bool isAsciiDigit(char32_t c)
{
    return c >= '0' && c <= '9';
}

bool isAsciiPunctuationOrSpace(char32_t c)
{
    return c < 0x80 && !isAsciiDigit(c) && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z');
}

std::string codePoint(char32_t c)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
    return buffer;
}

std::string showWords(const std::vector<std::string>& words)
{
    std::string out = "[";
    for (const std::string& word : words)
        out += concat(out.size() > 1 ? ", " : "", "\"", escaped(word), "\"");
    return out + "]";
}

} // namespace

int fuzzTextFold(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text = asText(data, size);
    const CurrentInput current(text);
    std::string folded;
    std::vector<std::string> words;
    try
    {
        folded = foldText(text);
        words = foldedWords(text);
    }
    catch (const InputError& error)
    {
        FUZZ_CHECK(*error.what() != '\0');
        return 0;
    }
    const auto context = [&] { return concat("folded \"", escaped(folded), "\""); };

    const std::string twice = foldText(folded);
    FUZZ_CHECK(twice == folded, context(), ", folded again \"", escaped(twice), "\" (hex ",
               hex(folded), " -> ", hex(twice), ")");

    std::vector<char32_t> characters;
    FUZZ_CHECK(decodeUtf8(folded, characters), "not valid UTF-8: ", context());
    FUZZ_CHECK(folded.empty() || (folded.front() != ' ' && folded.back() != ' '), context());
    FUZZ_CHECK(folded.find("  ") == std::string::npos, context());
    for (char32_t c : characters)
    {
        FUZZ_CHECK(!(c >= 'A' && c <= 'Z'), context());
        FUZZ_CHECK(c != '\t' && c != '\n' && c != '\r' && c != 0xa0 && c != 0x202f && c != 0x2007,
                   context(), " keeps space ", codePoint(c));
        FUZZ_CHECK(c != 0x2019 && c != 0x2018 && c != 0x02bc && c != 0x00b4 && c != 0x0060,
                   context());
    }

    const std::string upper = foldText(upperAscii(text));
    FUZZ_CHECK(upper == folded, context(), " but upper case folds to \"", escaped(upper), "\"");

    const std::vector<std::string> wordsOfFolded = foldedWords(folded);
    FUZZ_CHECK(wordsOfFolded == words, "words ", showWords(words), " but words of the folded text ",
               showWords(wordsOfFolded));
    std::vector<char32_t> wordCharacters;
    for (const std::string& word : words)
    {
        FUZZ_CHECK(!word.empty() && decodeUtf8(word, wordCharacters), showWords(words));
        const bool digits = isAsciiDigit(wordCharacters.front());
        for (char32_t c : wordCharacters)
            FUZZ_CHECK(isAsciiDigit(c) == digits && !isAsciiPunctuationOrSpace(c),
                       showWords(words));
        FUZZ_CHECK(folded.find(word) != std::string::npos, showWords(words), " not in ", context());
    }
    return 0;
}

} // namespace relance::fuzz
