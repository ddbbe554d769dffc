#include "core/mail/eml_message.hxx"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string_view>

#include "core/common/input_error.hxx"

namespace relance
{
namespace
{

constexpr std::string_view kCrlf = "\r\n";
constexpr std::size_t kFoldAt = 78;       // RFC 5322 recommended line length
constexpr std::size_t kQpLine = 76;       // RFC 2045 quoted-printable line limit
constexpr std::size_t kBase64Line = 76;   // RFC 2045 base64 line length
constexpr std::size_t kWordPayload = 39;  // bytes per encoded-word: 52 base64 characters
constexpr std::size_t kMaxAddress = 254;  // RFC 5321 path limit, less the angle brackets
constexpr std::size_t kMaxLocalPart = 64; // RFC 5321
constexpr std::size_t kMaxFilename = 255;
constexpr std::size_t kMaxQuotedName = 60;  // longer display names become encoded-words
constexpr std::size_t kMaxHeaderText = 900; // inside the 998-byte line limit once encoded

// ---------------------------------------------------------------- validation

bool isValidUtf8(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size())
    {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        std::uint32_t code = 0;
        if (c < 0x80)
        {
            ++i;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF)
        {
            length = 2;
            code = c & 0x1F;
        }
        else if (c >= 0xE0 && c <= 0xEF)
        {
            length = 3;
            code = c & 0x0F;
        }
        else if (c >= 0xF0 && c <= 0xF4)
        {
            length = 4;
            code = c & 0x07;
        }
        else
            return false;
        if (i + length > text.size())
            return false;
        for (std::size_t k = 1; k < length; ++k)
        {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80)
                return false;
            code = (code << 6) | (next & 0x3F);
        }
        // Overlong forms, surrogates and code points past U+10FFFF.
        if ((length == 3 && code < 0x800) || (length == 4 && (code < 0x10000 || code > 0x10FFFF)) ||
            (code >= 0xD800 && code <= 0xDFFF))
            return false;
        i += length;
    }
    return true;
}

// A value quoted in an error message: short, line breaks made visible.
std::string shown(std::string_view value)
{
    std::string out;
    for (const char c : value.substr(0, 60))
    {
        if (c == '\r')
            out += "\\r";
        else if (c == '\n')
            out += "\\n";
        else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
            out += '?';
        else
            out += c;
    }
    return value.size() > 60 ? out + "..." : out;
}

// Header injection: a CR or LF would end the header and let the value add its own headers.
void requireHeaderText(std::string_view value, const std::string& field)
{
    if (value.find_first_of("\r\n") != std::string_view::npos)
        throw InputError(field + " contains a line break");
    for (const char c : value)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
            throw InputError(field + " contains a control character");
    if (!isValidUtf8(value))
        throw InputError(field + " is not valid UTF-8 text");
    if (value.size() > kMaxHeaderText)
        throw InputError(field + " is too long");
}

bool isAtext(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

bool isDomainChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

// Dot-separated non-empty atoms of allowed characters.
template <typename Allowed> bool isDotAtom(std::string_view text, Allowed allowed)
{
    if (text.empty() || text.front() == '.' || text.back() == '.' ||
        text.find("..") != std::string_view::npos)
        return false;
    return std::all_of(text.begin(), text.end(), [&](char c) { return c == '.' || allowed(c); });
}

void requireDomain(std::string_view domain, const std::string& field)
{
    if (!isDotAtom(domain, isDomainChar))
        throw InputError(field + " \"" + shown(domain) +
                         "\" is not a domain name (letters, digits, '-' and '.')");
}

// A plain addr-spec: local@domain, dot-atoms only (no quoted local part, no comment).
void requireAddress(std::string_view address, const std::string& field)
{
    requireHeaderText(address, field);
    if (address.empty())
        throw InputError(field + " is empty");
    if (address.size() > kMaxAddress)
        throw InputError(field + " is longer than 254 characters");
    if (address.find_first_of(" \t") != std::string_view::npos)
        throw InputError(field + " \"" + shown(address) + "\" contains a space");
    if (address.find_first_of("<>") != std::string_view::npos)
        throw InputError(field + " \"" + shown(address) + "\" contains an angle bracket");
    if (address.find_first_of(",;") != std::string_view::npos)
        throw InputError(field + " \"" + shown(address) +
                         "\" contains a comma or semicolon: give a single address");
    if (!isAscii(address))
        throw InputError(field + " \"" + shown(address) +
                         "\" contains non-ASCII characters (not supported)");
    const std::size_t at = address.find('@');
    if (at == std::string_view::npos || address.find('@', at + 1) != std::string_view::npos)
        throw InputError(field + " \"" + shown(address) + "\" must contain exactly one '@'");
    const std::string_view local = address.substr(0, at);
    const std::string_view domain = address.substr(at + 1);
    if (local.size() > kMaxLocalPart || !isDotAtom(local, isAtext) ||
        !isDotAtom(domain, isDomainChar))
        throw InputError(field + " \"" + shown(address) + "\" is not a valid e-mail address");
}

bool isTokenChar(char c)
{
    return c > 0x20 && c < 0x7F &&
           std::string_view("()<>@,;:\\\"/[]?=").find(c) == std::string_view::npos;
}

std::string mimeTypeOf(const EmailAttachment& attachment)
{
    const std::string field = "MIME type of attachment \"" + shown(attachment.filename) + "\"";
    requireHeaderText(attachment.mimeType, field);
    if (attachment.mimeType.empty())
        return "application/octet-stream";
    const std::size_t slash = attachment.mimeType.find('/');
    const std::string_view type = std::string_view(attachment.mimeType).substr(0, slash);
    const std::string_view subtype = slash == std::string::npos
                                         ? std::string_view()
                                         : std::string_view(attachment.mimeType).substr(slash + 1);
    if (type.empty() || subtype.empty() || !std::all_of(type.begin(), type.end(), isTokenChar) ||
        !std::all_of(subtype.begin(), subtype.end(), isTokenChar))
        throw InputError(field + " \"" + shown(attachment.mimeType) +
                         "\" is not of the form type/subtype");
    return attachment.mimeType;
}

void requireFilename(std::string_view filename)
{
    const std::string field = "attachment file name \"" + shown(filename) + "\"";
    requireHeaderText(filename, field);
    if (filename.empty())
        throw InputError("an attachment has no file name");
    if (filename.size() > kMaxFilename)
        throw InputError(field + " is longer than 255 bytes");
    if (filename.find_first_of("/\\") != std::string_view::npos)
        throw InputError(field + " contains a path separator");
}

// ---------------------------------------------------------------- encodings

constexpr char kBase64Alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64(std::string_view bytes)
{
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3)
    {
        const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
        std::uint32_t group = 0;
        for (std::size_t k = 0; k < 3; ++k)
            group = (group << 8) | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
        for (std::size_t k = 0; k < 4; ++k)
            out += k <= n ? kBase64Alphabet[(group >> (18 - 6 * k)) & 0x3F] : '=';
    }
    return out;
}

std::string base64Lines(std::string_view bytes)
{
    const std::string encoded = base64(bytes);
    std::string out;
    for (std::size_t i = 0; i < encoded.size(); i += kBase64Line)
    {
        if (i > 0)
            out += kCrlf;
        out += encoded.substr(i, kBase64Line);
    }
    return out;
}

constexpr char kHex[] = "0123456789ABCDEF";

std::string hexEscape(char prefix, unsigned char byte)
{
    return {prefix, kHex[byte >> 4], kHex[byte & 0x0F]};
}

// One hard line of the body in quoted-printable, soft-broken to 76 characters.
void quotedPrintableLine(std::string_view line, std::string& out)
{
    std::size_t column = 0;
    for (std::size_t i = 0; i < line.size(); ++i)
    {
        const auto c = static_cast<unsigned char>(line[i]);
        const bool last = i + 1 == line.size();
        // Dot at a line start (SMTP dot-stuffing) and "From " (mbox) are escaped for safety.
        const bool lineStart = column == 0;
        const bool literal = (c >= 33 && c <= 126 && c != '=' && !(lineStart && c == '.') &&
                              !(lineStart && c == 'F' && line.substr(i, 5) == "From ")) ||
                             ((c == ' ' || c == '\t') && !last);
        std::string chunk = literal ? std::string(1, static_cast<char>(c)) : hexEscape('=', c);
        // Keep room for the soft break's '=' unless this chunk ends the line.
        const std::size_t room = last ? kQpLine : kQpLine - 1;
        if (column + chunk.size() > room)
        {
            out += "=";
            out += kCrlf;
            column = 0;
            if (c == '.' || (c == 'F' && line.substr(i, 5) == "From "))
                chunk = hexEscape('=', c);
        }
        out += chunk;
        column += chunk.size();
    }
}

std::string quotedPrintable(std::string_view text)
{
    std::string out;
    std::size_t start = 0;
    bool first = true;
    while (true)
    {
        const std::size_t end = text.find_first_of("\r\n", start);
        if (!first)
            out += kCrlf;
        first = false;
        quotedPrintableLine(text.substr(start, end - start), out);
        if (end == std::string_view::npos)
            break;
        start = end + (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n' ? 2 : 1);
    }
    return out;
}

// RFC 2047 B encoded-words of at most kWordPayload bytes, cut between UTF-8 characters.
std::vector<std::string> encodedWords(std::string_view text)
{
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < text.size())
    {
        std::size_t end = std::min(text.size(), start + kWordPayload);
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
            --end;
        words.push_back("=?UTF-8?B?" + base64(text.substr(start, end - start)) + "?=");
        start = end;
    }
    return words;
}

// RFC 2231 / RFC 5987 attr-char, the rest percent-encoded.
std::string percentEncoded(std::string_view text)
{
    std::string out;
    for (const char c : text)
    {
        const auto byte = static_cast<unsigned char>(c);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            std::string_view("!#$&+-.^_`|~").find(c) != std::string_view::npos)
            out += c;
        else
            out += hexEscape('%', byte);
    }
    return out;
}

// ---------------------------------------------------------------- headers

// "Name: token token ...", folded before a token when the line would pass 78 characters.
void header(std::string& out, std::string_view name, const std::vector<std::string>& tokens)
{
    std::string line = std::string(name) + ":";
    std::size_t column = line.size();
    out += line;
    for (const std::string& token : tokens)
    {
        // Never before an empty token: a line of only white space is not allowed.
        if (column + 1 + token.size() > kFoldAt && column > name.size() + 1 && !token.empty())
        {
            out += kCrlf;
            column = 0;
        }
        out += ' ';
        out += token;
        column += 1 + token.size();
    }
    out += kCrlf;
}

bool needsEncodedWords(std::string_view text)
{
    return !isAscii(text) || text.find("=?") != std::string_view::npos;
}

std::vector<std::string> mailbox(std::string_view name, std::string_view address)
{
    std::vector<std::string> tokens;
    if (name.empty())
        return {std::string(address)};
    if (needsEncodedWords(name) || name.size() > kMaxQuotedName)
        tokens = encodedWords(name);
    else
        tokens.push_back(quotedString(name));
    tokens.push_back("<" + std::string(address) + ">");
    return tokens;
}

std::vector<std::string> subjectTokens(std::string_view subject)
{
    std::vector<std::string> words;
    std::size_t start = 0;
    while (true)
    {
        const std::size_t space = subject.find(' ', start);
        words.emplace_back(subject.substr(start, space - start));
        if (space == std::string_view::npos)
            break;
        start = space + 1;
    }
    const bool longWord = std::any_of(words.begin(), words.end(),
                                      [](const std::string& word) { return word.size() > 70; });
    if (needsEncodedWords(subject) || longWord)
        return encodedWords(subject);
    return words;
}

std::string dateHeader(const EmailMessage& message)
{
    static const char* const weekdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (!isInSupportedRange(message.date))
        throw InputError("e-mail date out of range");
    if (message.hour < 0 || message.hour > 23 || message.minute < 0 || message.minute > 59 ||
        message.second < 0 || message.second > 59)
        throw InputError("e-mail time out of range");
    if (message.utcOffsetMinutes <= -24 * 60 || message.utcOffsetMinutes >= 24 * 60)
        throw InputError("e-mail UTC offset out of range");
    const CivilDate date = toCivil(message.date);
    const int offset =
        message.utcOffsetMinutes < 0 ? -message.utcOffsetMinutes : message.utcOffsetMinutes;
    char text[64];
    std::snprintf(text, sizeof text, "%s, %u %s %04d %02d:%02d:%02d %c%02d%02d",
                  weekdays[isoWeekday(message.date)], date.day, months[date.month - 1], date.year,
                  message.hour, message.minute, message.second,
                  message.utcOffsetMinutes < 0 ? '-' : '+', offset / 60, offset % 60);
    return text;
}

// ---------------------------------------------------------------- determinism

// FNV-1a 64 over every field, each length-prefixed so that field boundaries count.
class ContentHash
{
public:
    explicit ContentHash(std::uint64_t seed) : hash_(seed) {}

    void add(std::string_view text)
    {
        addNumber(text.size());
        for (const char c : text)
            addByte(static_cast<unsigned char>(c));
    }

    void addNumber(std::uint64_t number)
    {
        for (int k = 0; k < 8; ++k)
            addByte(static_cast<unsigned char>(number >> (8 * k)));
    }

    std::string hex() const
    {
        std::string out;
        for (int shift = 60; shift >= 0; shift -= 4)
            out += "0123456789abcdef"[(hash_ >> shift) & 0xF];
        return out;
    }

private:
    void addByte(unsigned char byte)
    {
        hash_ ^= byte;
        hash_ *= 0x100000001b3ULL;
    }

    std::uint64_t hash_;
};

std::string contentDigest(const EmailMessage& message, std::uint64_t seed)
{
    ContentHash hash(seed);
    for (const std::string* field : {&message.from, &message.fromName, &message.to, &message.toName,
                                     &message.subject, &message.bodyText, &message.messageIdDomain})
        hash.add(*field);
    hash.addNumber(static_cast<std::uint64_t>(static_cast<std::int64_t>(message.date)));
    hash.addNumber(static_cast<std::uint64_t>(
        ((message.hour * 60 + message.minute) * 60 + message.second) * 10000 +
        message.utcOffsetMinutes + 5000));
    hash.addNumber(message.attachments.size());
    for (const EmailAttachment& attachment : message.attachments)
    {
        hash.add(attachment.filename);
        hash.add(attachment.mimeType);
        hash.add(attachment.bytes);
    }
    return hash.hex();
}

} // namespace

bool isAscii(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string quotedString(std::string_view text)
{
    std::string out = "\"";
    for (const char c : text)
    {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "\"";
}

std::string mailboxText(std::string_view name, std::string_view address)
{
    std::string text;
    for (const std::string& token : mailbox(name, address))
        text += (text.empty() ? "" : " ") + token;
    return text;
}

std::string toEml(const EmailMessage& message)
{
    // Names first, so that an address error can quote a clean name.
    requireHeaderText(message.fromName, "sender name \"" + shown(message.fromName) + "\"");
    requireHeaderText(message.toName, "recipient name \"" + shown(message.toName) + "\"");
    requireAddress(message.from,
                   "sender e-mail address of \"" +
                       shown(message.fromName.empty() ? message.from : message.fromName) + "\"");
    requireAddress(message.to, "e-mail address of \"" +
                                   shown(message.toName.empty() ? message.to : message.toName) +
                                   "\"");
    requireHeaderText(message.subject, "subject \"" + shown(message.subject) + "\"");
    if (!isValidUtf8(message.bodyText))
        throw InputError("the e-mail body is not valid UTF-8 text");
    std::string domain = message.messageIdDomain;
    if (domain.empty())
        domain = message.from.substr(message.from.find('@') + 1);
    requireHeaderText(domain, "Message-ID domain \"" + shown(domain) + "\"");
    requireDomain(domain, "Message-ID domain");
    std::vector<std::string> types;
    for (const EmailAttachment& attachment : message.attachments)
    {
        requireFilename(attachment.filename);
        types.push_back(mimeTypeOf(attachment));
    }

    // Neither quoted-printable (every '=' is escaped) nor base64 can produce "=_", so a
    // boundary starting with it never occurs in an encoded part.
    const std::string boundary = "=_relance_" + contentDigest(message, 0xcbf29ce484222325ULL);
    const std::string messageId =
        "<relance." + contentDigest(message, 0x84222325cbf29ce4ULL) + "@" + domain + ">";

    std::string out;
    header(out, "From", mailbox(message.fromName, message.from));
    header(out, "To", mailbox(message.toName, message.to));
    header(out, "Subject", subjectTokens(message.subject));
    header(out, "Date", {dateHeader(message)});
    header(out, "Message-ID", {messageId});
    header(out, "MIME-Version", {"1.0"});
    header(out, "Content-Type", {"multipart/mixed;", "boundary=\"" + boundary + "\""});
    out += kCrlf;
    out += "This is a multi-part message in MIME format.";
    out += kCrlf;

    out += "--" + boundary;
    out += kCrlf;
    header(out, "Content-Type", {"text/plain;", "charset=UTF-8"});
    header(out, "Content-Transfer-Encoding", {"quoted-printable"});
    out += kCrlf;
    out += quotedPrintable(message.bodyText);
    out += kCrlf;

    for (std::size_t i = 0; i < message.attachments.size(); ++i)
    {
        const EmailAttachment& attachment = message.attachments[i];
        const bool plain = isAscii(attachment.filename) &&
                           attachment.filename.find_first_of("\"\\") == std::string::npos &&
                           attachment.filename.find("=?") == std::string::npos;
        out += "--" + boundary;
        out += kCrlf;
        // Content-Type's name: for clients that ignore RFC 2231 (Outlook), as mail clients
        // write it: quoted, in encoded-words when not plain ASCII.
        std::vector<std::string> type = {types[i] + ";"};
        if (plain)
            type.push_back("name=" + quotedString(attachment.filename));
        else
        {
            std::vector<std::string> words = encodedWords(attachment.filename);
            words.front().insert(0, "name=\"");
            words.back() += "\"";
            type.insert(type.end(), words.begin(), words.end());
        }
        header(out, "Content-Type", type);
        header(out, "Content-Transfer-Encoding", {"base64"});
        // RFC 2231: filename*= when it fits a line, else numbered continuations; a plain ASCII
        // name is also given as filename= (the same value: no client can pick a different one).
        const std::string encoded = percentEncoded(attachment.filename);
        std::vector<std::string> disposition = {"attachment;"};
        if (plain)
            disposition.push_back("filename=" + quotedString(attachment.filename) + ";");
        constexpr std::size_t kSegment = 60;
        if (encoded.size() <= kSegment)
            disposition.push_back("filename*=UTF-8''" + encoded);
        else
        {
            std::size_t start = 0;
            for (int n = 0; start < encoded.size(); ++n)
            {
                std::size_t end = std::min(encoded.size(), start + kSegment);
                // Never cut a %XX escape.
                if (end < encoded.size() && encoded[end - 1] == '%')
                    end -= 1;
                else if (end < encoded.size() && end >= 2 && encoded[end - 2] == '%')
                    end -= 2;
                disposition.push_back(
                    "filename*" + std::to_string(n) + "*=" + (n == 0 ? "UTF-8''" : "") +
                    encoded.substr(start, end - start) + (end < encoded.size() ? ";" : ""));
                start = end;
            }
        }
        header(out, "Content-Disposition", disposition);
        out += kCrlf;
        out += base64Lines(attachment.bytes);
        out += kCrlf;
    }
    out += "--" + boundary + "--";
    out += kCrlf;
    return out;
}

} // namespace relance
