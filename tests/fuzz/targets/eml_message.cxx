// toEml (eml_message.hxx): the e-mail writer.
//
// The input is split at NUL bytes into subject, display name, address, body and attachment
// name. Invariants:
//  - either toEml throws InputError, or the text uses CRLF line ends only (no bare CR or LF);
//  - the header block ends at the first empty line and has exactly one To, one From and one
//    Subject header: nothing from the input can add a header line (no injection);
//  - a header value holding CR or LF is always refused;
//  - header lines are 7-bit ASCII (encoded words for anything else).
#include <string>
#include <vector>

#include "core/mail/eml_message.hxx"
#include "fuzz_support.hxx"
#include "core/common/input_error.hxx"

namespace relance::fuzz
{
namespace
{

std::size_t countLinesStarting(std::string_view headers, std::string_view prefix)
{
    std::size_t count = 0;
    for (std::size_t at = 0; at < headers.size();)
    {
        const std::size_t end = headers.find("\r\n", at);
        const std::string_view line =
            headers.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
        count += line.rfind(prefix, 0) == 0;
        if (end == std::string_view::npos)
            break;
        at = end + 2;
    }
    return count;
}

} // namespace

int fuzzEmlMessage(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input = asText(data, size);
    const CurrentInput current(input);
    std::vector<std::string> parts(5);
    std::size_t part = 0;
    for (char c : input)
    {
        if (c == '\0' && part + 1 < parts.size())
            ++part;
        else
            parts[part].push_back(c);
    }
    EmailMessage message;
    message.from = "compta@example.fr";
    message.fromName = "Relance";
    message.subject = parts[0];
    message.toName = parts[1];
    message.to = parts[2].empty() ? "client@example.com" : parts[2];
    message.bodyText = parts[3];
    message.date = toDayNumber({2026, 11, 15});
    message.attachments.push_back(
        {parts[4].empty() ? "lettre.pdf" : parts[4], "application/pdf", "%PDF-1.4"});
    const bool lineBreakInHeader = [&]
    {
        for (const std::string* value : {&parts[0], &parts[1], &parts[2], &parts[4]})
            if (value->find_first_of("\r\n") != std::string::npos)
                return true;
        return false;
    }();

    std::string eml;
    try
    {
        eml = toEml(message);
    }
    catch (const InputError& error)
    {
        FUZZ_CHECK(*error.what() != '\0');
        return 0;
    }
    FUZZ_CHECK(!lineBreakInHeader, "a header value with a line break was accepted");
    for (std::size_t i = 0; i < eml.size(); ++i)
    {
        if (eml[i] == '\n')
            FUZZ_CHECK(i > 0 && eml[i - 1] == '\r', "bare LF at ", i);
        if (eml[i] == '\r')
            FUZZ_CHECK(i + 1 < eml.size() && eml[i + 1] == '\n', "bare CR at ", i);
    }
    const std::size_t end = eml.find("\r\n\r\n");
    FUZZ_CHECK(end != std::string::npos, "no end of headers");
    const std::string_view headers(eml.data(), end);
    FUZZ_CHECK(countLinesStarting(headers, "To:") == 1, "To headers");
    FUZZ_CHECK(countLinesStarting(headers, "From:") == 1, "From headers");
    FUZZ_CHECK(countLinesStarting(headers, "Subject:") == 1, "Subject headers");
    FUZZ_CHECK(countLinesStarting(headers, "Bcc:") == 0 && countLinesStarting(headers, "Cc:") == 0,
               "injected header");
    for (char c : headers)
        FUZZ_CHECK(static_cast<unsigned char>(c) < 0x80, "8-bit header byte");
    return 0;
}

} // namespace relance::fuzz
