#include "core/common/text_fold.hxx"

#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace relance
{
namespace
{

const icu::Transliterator& accentAndCaseFolder()
{
    // Transliterators are not safe for concurrent use: one per thread.
    thread_local std::unique_ptr<icu::Transliterator> folder = []
    {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> created(icu::Transliterator::createInstance(
            "NFD; [:Nonspacing Mark:] Remove; NFC; Lower", UTRANS_FORWARD, status));
        if (U_FAILURE(status) || !created)
            throw std::runtime_error("ICU transliterator unavailable");
        return created;
    }();
    return *folder;
}

bool isSpaceLike(UChar32 c)
{
    return u_isUWhiteSpace(c) || c == 0x00A0 || c == 0x202F || c == 0x2007;
}

bool isApostrophe(UChar32 c)
{
    return c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x00B4 || c == 0x0060;
}

icu::UnicodeString foldToUnicode(std::string_view utf8)
{
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    accentAndCaseFolder().transliterate(text);
    icu::UnicodeString out;
    bool pendingSpace = false;
    for (int32_t i = 0; i < text.length();)
    {
        UChar32 c = text.char32At(i);
        i += U16_LENGTH(c);
        if (isSpaceLike(c))
        {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace)
            out.append(static_cast<UChar>(u' '));
        pendingSpace = false;
        out.append(isApostrophe(c) ? static_cast<UChar32>(u'\'') : c);
    }
    return out;
}

// Plain ASCII, most invoice numbers and many names, folds the same without ICU: lower case,
// white space runs to one space, trimmed, the backtick as an apostrophe. A conversion folds
// every row's keys, and ICU's transliteration was a fifth of its time.
std::optional<std::string> foldAscii(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    bool pendingSpace = false;
    for (const char byte : text)
    {
        const auto c = static_cast<unsigned char>(byte);
        if (c >= 0x80)
            return std::nullopt;
        if (c == ' ' || (c >= '\t' && c <= '\r'))
        {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace)
            out.push_back(' ');
        pendingSpace = false;
        out.push_back(c == '`'                 ? '\''
                      : (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a')
                                               : static_cast<char>(c));
    }
    return out;
}

struct TextHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept
    {
        return std::hash<std::string_view>{}(text);
    }
};

} // namespace

std::string foldText(std::string_view utf8)
{
    if (std::optional<std::string> ascii = foldAscii(utf8))
        return std::move(*ascii);
    // The same few accented customer names come back on every row of a ledger: the texts
    // folded lately are remembered (per thread, like the transliterator; a bounded set).
    thread_local std::unordered_map<std::string, std::string, TextHash, std::equal_to<>> recent;
    if (const auto found = recent.find(utf8); found != recent.end())
        return found->second;
    std::string result;
    foldToUnicode(utf8).toUTF8String(result);
    if (recent.size() >= 1024)
        recent.clear();
    recent.emplace(std::string(utf8), result);
    return result;
}

std::vector<std::string> foldedWords(std::string_view utf8)
{
    const icu::UnicodeString folded = foldToUnicode(utf8);
    std::vector<std::string> words;
    icu::UnicodeString current;
    int currentKind = 0; // 0 none, 1 digits, 2 letters
    auto flush = [&]
    {
        if (!current.isEmpty())
        {
            std::string word;
            current.toUTF8String(word);
            words.push_back(std::move(word));
            current.remove();
        }
        currentKind = 0;
    };
    for (int32_t i = 0; i < folded.length();)
    {
        UChar32 c = folded.char32At(i);
        i += U16_LENGTH(c);
        const int kind = (c >= u'0' && c <= u'9') ? 1 : (u_isalpha(c) ? 2 : 0);
        if (kind == 0)
        {
            flush();
            continue;
        }
        if (kind != currentKind)
            flush();
        currentKind = kind;
        current.append(c);
    }
    flush();
    return words;
}

std::optional<bool> parseYesNo(std::string_view utf8)
{
    const std::string folded = foldText(utf8);
    for (const char* yes : {"oui", "o", "yes", "y", "vrai", "true", "x", "1"})
        if (folded == yes)
            return true;
    for (const char* no : {"non", "n", "no", "faux", "false", "0"})
        if (folded == no)
            return false;
    return std::nullopt;
}

} // namespace relance
