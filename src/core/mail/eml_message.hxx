// A reminder as a standard e-mail file (.eml, RFC 5322 + MIME), for the user's mail client to
// open and send, or to keep as proof. Deterministic: the same message gives the same bytes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/civil_date.hxx"

namespace relance
{

struct EmailAttachment
{
    std::string filename; // UTF-8, no path separator
    std::string mimeType; // "application/pdf"; application/octet-stream when empty
    std::string bytes;    // raw content, any bytes
};

struct EmailMessage
{
    std::string from; // "compta@example.fr"
    std::string fromName;
    std::string to;
    std::string toName;
    std::string subject;
    std::string bodyText; // UTF-8 plain text, '\n' or "\r\n" line ends
    DayNumber date = 0;
    int hour = 9;
    int minute = 0;
    int second = 0;
    int utcOffsetMinutes = 0;    // +60 for Paris in winter, +120 in summer
    std::string messageIdDomain; // the domain of `from` when empty
    std::vector<EmailAttachment> attachments;
};

// The message as text: CRLF line ends, MIME-Version 1.0, multipart/mixed whose boundary is
// derived from the content (no randomness), the body as text/plain; charset=UTF-8 in
// quoted-printable, attachments in base64 (76-character lines) with
// Content-Disposition: attachment; filename*=UTF-8''... (RFC 2231; a plain ASCII name also as
// filename="...", and every name as Content-Type's name= for older clients). Non-ASCII subjects and
// display names are RFC 2047 encoded-words
// (=?UTF-8?B?...?=); ASCII display names are quoted strings. The Message-ID is derived from
// the content too.
//
// Throws InputError naming the field ("e-mail address of \"Dupont SARL\" contains a line
// break") when a header value (addresses, names, subject, file name, MIME type, Message-ID
// domain) contains CR or LF or another control character or is not UTF-8, when an address is
// not a plain addr-spec (one '@', no space, angle bracket or comma, ASCII, at most 254
// characters), or when the date or time is out of range.
std::string toEml(const EmailMessage& message);

// "name <address>" on one line, the name quoted when it is plain ASCII, else in RFC 2047
// encoded-words (as toEml writes it, unfolded): for mail services that copy it as it is.
std::string mailboxText(std::string_view name, std::string_view address);

// A header's quoted-string: "text" with '"' and '\' escaped.
std::string quotedString(std::string_view text);

bool isAscii(std::string_view text);

} // namespace relance
