#include "core/mail/eml_message.hxx"
#include "core/common/input_error.hxx"
#include "input_error_message.hxx"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

using namespace relance;
using relance_test::messageOf;

namespace
{

DayNumber day(int y, unsigned m, unsigned d)
{
    return toDayNumber({y, m, d});
}

std::string allBytes()
{
    std::string bytes;
    for (int repeat = 0; repeat < 3; ++repeat)
        for (int b = 0; b < 256; ++b)
            bytes += static_cast<char>(b);
    return bytes + "%PDF-1.7\r\n\n\r=_relance_";
}

EmailMessage sample()
{
    EmailMessage message;
    message.from = "compta@martin.fr";
    message.fromName = "Société Martin";
    message.to = "contact@dupont.fr";
    message.toName = "Dupont SARL";
    message.subject = "Relance n° 1 : facture impayée F-2026-042";
    message.bodyText = "Bonjour,\n\nSauf erreur de notre part, la facture F-2026-042 d'un "
                       "montant de 1 234,56 € reste impayée à ce jour. Nous vous remercions de "
                       "bien vouloir procéder à son règlement sous 8 jours.\n"
                       ".\n"
                       "From the accounts = 100 %   \n"
                       "\ttabulation\r\n"
                       "Cordialement,\n-- \nSociété Martin\n";
    message.date = day(2026, 7, 15);
    message.hour = 9;
    message.minute = 30;
    message.utcOffsetMinutes = 120;
    message.attachments = {
        {"Relance n°1 – Dupont.pdf", "application/pdf", allBytes()},
        {"releve.csv", "text/csv", "facture;reste\nF-2026-042;1234,56\n"},
    };
    return message;
}

// ---- a small reader, independent of the writer, to parse the message back

struct Part
{
    std::map<std::string, std::string> headers; // lower-case names, unfolded values
    std::string body;
};

std::string lower(std::string text)
{
    for (char& c : text)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return text;
}

Part parsePart(std::string_view text)
{
    Part part;
    const std::size_t end = text.find("\r\n\r\n");
    EXPECT_NE(end, std::string_view::npos);
    std::string block(text.substr(0, end));
    part.body = std::string(text.substr(end + 4));
    // Unfold: CRLF followed by white space is removed, the white space kept.
    std::string unfolded;
    for (std::size_t i = 0; i < block.size(); ++i)
    {
        if (block.compare(i, 2, "\r\n") == 0 && i + 2 < block.size() &&
            (block[i + 2] == ' ' || block[i + 2] == '\t'))
        {
            ++i;
            continue;
        }
        unfolded += block[i];
    }
    std::size_t start = 0;
    while (start <= unfolded.size())
    {
        std::size_t lineEnd = unfolded.find("\r\n", start);
        if (lineEnd == std::string::npos)
            lineEnd = unfolded.size();
        const std::string line = unfolded.substr(start, lineEnd - start);
        const std::size_t colon = line.find(':');
        EXPECT_NE(colon, std::string::npos) << line;
        if (colon != std::string::npos)
        {
            std::string value = line.substr(colon + 1);
            while (!value.empty() && value.front() == ' ')
                value.erase(0, 1);
            EXPECT_FALSE(part.headers.contains(lower(line.substr(0, colon))));
            part.headers[lower(line.substr(0, colon))] = value;
        }
        start = lineEnd + 2;
    }
    return part;
}

int base64Value(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return -1;
}

std::string decodeBase64(std::string_view text)
{
    std::string out;
    std::uint32_t bits = 0;
    int count = 0;
    for (const char c : text)
    {
        if (c == '\r' || c == '\n' || c == '=')
            continue;
        const int value = base64Value(c);
        EXPECT_GE(value, 0) << "not base64: " << c;
        bits = (bits << 6) | static_cast<std::uint32_t>(value);
        count += 6;
        if (count >= 8)
        {
            count -= 8;
            out += static_cast<char>((bits >> count) & 0xFF);
        }
    }
    return out;
}

std::string decodeQuotedPrintable(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        if (text[i] != '=')
        {
            out += text[i];
            continue;
        }
        if (text.substr(i + 1, 2) == "\r\n")
        {
            i += 2; // soft line break
            continue;
        }
        out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
        i += 2;
    }
    return out;
}

// RFC 2047: =?UTF-8?B?...?= words; white space between two encoded-words is dropped.
std::string decodeEncodedWords(std::string_view text)
{
    std::string out;
    bool lastWasEncoded = false;
    std::string pendingSpace;
    std::size_t i = 0;
    while (i < text.size())
    {
        if (text.substr(i, 10) == "=?UTF-8?B?")
        {
            const std::size_t end = text.find("?=", i + 10);
            EXPECT_NE(end, std::string_view::npos);
            EXPECT_LE(end + 2 - i, 75u) << "encoded-word longer than 75 characters";
            if (!lastWasEncoded)
                out += pendingSpace;
            pendingSpace.clear();
            out += decodeBase64(text.substr(i + 10, end - i - 10));
            i = end + 2;
            lastWasEncoded = true;
            continue;
        }
        if (text[i] == ' ')
        {
            pendingSpace += ' ';
            ++i;
            continue;
        }
        out += pendingSpace;
        pendingSpace.clear();
        out += text[i++];
        lastWasEncoded = false;
    }
    return out + pendingSpace;
}

std::string decodePercent(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        if (text[i] == '%')
        {
            out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        }
        else
            out += text[i];
    }
    return out;
}

std::string withCrlf(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
            continue;
        if (text[i] == '\n' || text[i] == '\r')
            out += "\r\n";
        else
            out += text[i];
    }
    return out;
}

struct Parsed
{
    Part top;
    std::string boundary;
    std::vector<Part> parts;
    std::vector<std::string> rawParts;
};

Parsed parse(const std::string& eml)
{
    Parsed parsed;
    // Every line ends with CRLF; no bare CR or LF anywhere.
    for (std::size_t i = 0; i < eml.size(); ++i)
    {
        if (eml[i] == '\n')
        {
            EXPECT_TRUE(i > 0 && eml[i - 1] == '\r') << "bare LF at " << i;
        }
        if (eml[i] == '\r')
        {
            EXPECT_TRUE(i + 1 < eml.size() && eml[i + 1] == '\n') << "bare CR at " << i;
        }
    }
    EXPECT_TRUE(eml.ends_with("\r\n"));
    parsed.top = parsePart(eml);
    const std::string& type = parsed.top.headers["content-type"];
    const std::string key = "boundary=\"";
    const std::size_t at = type.find(key);
    EXPECT_NE(at, std::string::npos) << type;
    if (at == std::string::npos)
        return parsed;
    parsed.boundary =
        type.substr(at + key.size(), type.find('"', at + key.size()) - at - key.size());
    const std::string delimiter = "\r\n--" + parsed.boundary;
    std::string body = "\r\n" + parsed.top.body;
    std::size_t position = body.find(delimiter);
    EXPECT_NE(position, std::string::npos);
    while (position != std::string::npos)
    {
        position += delimiter.size();
        if (body.compare(position, 2, "--") == 0)
        {
            EXPECT_EQ(body.substr(position), "--\r\n");
            break;
        }
        EXPECT_EQ(body.compare(position, 2, "\r\n"), 0);
        const std::size_t next = body.find(delimiter, position);
        EXPECT_NE(next, std::string::npos);
        const std::string raw = body.substr(position + 2, next - position - 2);
        parsed.rawParts.push_back(raw);
        parsed.parts.push_back(parsePart(raw));
        position = next;
    }
    return parsed;
}

std::vector<std::string> linesOf(std::string_view text)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size())
    {
        std::size_t end = text.find("\r\n", start);
        if (end == std::string_view::npos)
            end = text.size();
        lines.emplace_back(text.substr(start, end - start));
        start = end + 2;
    }
    return lines;
}

} // namespace

TEST(EmlMessage, ParsesBackToTheMessage)
{
    const EmailMessage message = sample();
    const std::string eml = toEml(message);
    const Parsed parsed = parse(eml);
    const auto& headers = parsed.top.headers;

    EXPECT_EQ(decodeEncodedWords(headers.at("from")), "Société Martin <compta@martin.fr>");
    EXPECT_EQ(headers.at("to"), "\"Dupont SARL\" <contact@dupont.fr>");
    EXPECT_NE(headers.at("subject").find("=?UTF-8?B?"), std::string::npos);
    EXPECT_EQ(decodeEncodedWords(headers.at("subject")), message.subject);
    EXPECT_EQ(headers.at("date"), "Wed, 15 Jul 2026 09:30:00 +0200");
    EXPECT_EQ(headers.at("mime-version"), "1.0");
    EXPECT_TRUE(headers.at("message-id").starts_with("<"));
    EXPECT_TRUE(headers.at("message-id").ends_with("@martin.fr>"));
    EXPECT_TRUE(headers.at("content-type").starts_with("multipart/mixed;"));
    EXPECT_FALSE(parsed.boundary.empty());
    EXPECT_LE(parsed.boundary.size(), 70u);

    // Header lines within 78 characters.
    const std::string headerBlock = eml.substr(0, eml.find("\r\n\r\n"));
    for (const std::string& line : linesOf(headerBlock))
        EXPECT_LE(line.size(), 78u) << line;

    ASSERT_EQ(parsed.parts.size(), 3u);
    const Part& text = parsed.parts[0];
    EXPECT_EQ(text.headers.at("content-type"), "text/plain; charset=UTF-8");
    EXPECT_EQ(text.headers.at("content-transfer-encoding"), "quoted-printable");
    for (const std::string& line : linesOf(text.body))
    {
        EXPECT_LE(line.size(), 76u) << line;
        EXPECT_FALSE(line.ends_with(" ") || line.ends_with("\t")) << line;
        EXPECT_FALSE(line.starts_with(".") || line.starts_with("From ")) << line;
        for (const char c : line)
            EXPECT_LT(static_cast<unsigned char>(c), 0x80u) << line;
    }
    EXPECT_EQ(decodeQuotedPrintable(text.body), withCrlf(message.bodyText));

    const Part& pdf = parsed.parts[1];
    // Content-Type's name for older clients: quoted encoded-words.
    const std::string& pdfType = pdf.headers.at("content-type");
    ASSERT_TRUE(pdfType.starts_with("application/pdf; name=\"=?UTF-8?B?")) << pdfType;
    ASSERT_TRUE(pdfType.ends_with("?=\"")) << pdfType;
    EXPECT_EQ(decodeEncodedWords(pdfType.substr(23, pdfType.size() - 24)),
              "Relance n°1 – Dupont.pdf");
    EXPECT_EQ(pdf.headers.at("content-transfer-encoding"), "base64");
    const std::string& disposition = pdf.headers.at("content-disposition");
    EXPECT_TRUE(disposition.starts_with("attachment;")) << disposition;
    EXPECT_EQ(disposition.find("filename="), std::string::npos) << "no lossy ASCII fallback";
    const std::string key = "filename*=UTF-8''";
    const std::size_t at = disposition.find(key);
    ASSERT_NE(at, std::string::npos) << disposition;
    EXPECT_EQ(decodePercent(disposition.substr(at + key.size())), "Relance n°1 – Dupont.pdf");
    EXPECT_EQ(decodeBase64(pdf.body), message.attachments[0].bytes);
    const std::vector<std::string> lines = linesOf(pdf.body);
    for (std::size_t i = 0; i < lines.size(); ++i)
    {
        if (i + 1 < lines.size())
            EXPECT_EQ(lines[i].size(), 76u) << i;
        else
            EXPECT_LE(lines[i].size(), 76u);
    }

    const Part& csv = parsed.parts[2];
    EXPECT_EQ(csv.headers.at("content-type"), "text/csv; name=\"releve.csv\"");
    EXPECT_EQ(csv.headers.at("content-disposition"),
              "attachment; filename=\"releve.csv\"; filename*=UTF-8''releve.csv");
    EXPECT_EQ(decodeBase64(csv.body), message.attachments[1].bytes);
}

TEST(EmlMessage, DeterministicBoundaryDerivedFromContent)
{
    const EmailMessage message = sample();
    const std::string first = toEml(message);
    EXPECT_EQ(toEml(message), first);

    EmailMessage changed = message;
    changed.bodyText += "P.S.";
    const Parsed a = parse(first);
    const Parsed b = parse(toEml(changed));
    EXPECT_NE(a.boundary, b.boundary);
    EXPECT_NE(a.top.headers.at("message-id"), b.top.headers.at("message-id"));
    // The boundary never occurs inside a part.
    for (const std::string& raw : a.rawParts)
        EXPECT_EQ(raw.find(a.boundary), std::string::npos);
}

TEST(EmlMessage, HeaderEncodings)
{
    struct Row
    {
        const char* subject;
        bool encoded;
    };
    const Row rows[] = {
        {"", false},
        {"Relance", false},
        {"Reminder no. 1: unpaid invoice F-2026-042", false},
        {"A long ASCII subject that certainly needs folding because it goes on and on and on "
         "well past the seventy-eight character line",
         false},
        {"Mise en demeure", false},
        {"Échéance dépassée : facture n° 42 — merci de régulariser votre situation au plus vite "
         "s'il vous plaît, avec nos salutations distinguées ☺",
         true},
        {"Looks like =?UTF-8?B?SGk=?= an encoded word", true},
        {"Avoidable_AVeryLongWordWithoutAnySpaceThatCannotBeFoldedAnywhereAtAllInTheHeaderLine",
         true},
    };
    for (const Row& row : rows)
    {
        EmailMessage message = sample();
        message.subject = row.subject;
        const std::string eml = toEml(message);
        const Parsed parsed = parse(eml);
        const std::string& subject = parsed.top.headers.at("subject");
        EXPECT_EQ(subject.find("=?UTF-8?B?") != std::string::npos, row.encoded) << row.subject;
        EXPECT_EQ(row.encoded ? decodeEncodedWords(subject) : subject, row.subject);
        for (const std::string& line : linesOf(eml.substr(0, eml.find("\r\n\r\n"))))
            EXPECT_LE(line.size(), 78u) << line;
    }

    // Display names: quoted (with escapes) when ASCII, encoded-words otherwise; none: bare.
    struct NameRow
    {
        const char* name;
        const char* header;
    };
    const NameRow names[] = {
        {"Dupont \"Le Grand\" \\ Fils",
         "\"Dupont \\\"Le Grand\\\" \\\\ Fils\" <contact@dupont.fr>"},
        {"Dupont, SARL", "\"Dupont, SARL\" <contact@dupont.fr>"},
        {"", "contact@dupont.fr"},
    };
    for (const NameRow& row : names)
    {
        EmailMessage message = sample();
        message.toName = row.name;
        EXPECT_EQ(parse(toEml(message)).top.headers.at("to"), row.header);
    }
    EmailMessage accented = sample();
    accented.toName = "Boulangerie Élodie & Frères";
    const std::string to = parse(toEml(accented)).top.headers.at("to");
    EXPECT_TRUE(to.starts_with("=?UTF-8?B?")) << to;
    EXPECT_EQ(decodeEncodedWords(to), "Boulangerie Élodie & Frères <contact@dupont.fr>");
}

TEST(EmlMessage, LongFileNameUsesContinuations)
{
    EmailMessage message = sample();
    message.attachments = {{"Relevé de compte – Boulangerie Élodie & Frères – juillet 2026 "
                            "(mise en demeure).pdf",
                            "", "x"}};
    const Parsed parsed = parse(toEml(message));
    ASSERT_EQ(parsed.parts.size(), 2u);
    EXPECT_TRUE(
        parsed.parts[1].headers.at("content-type").starts_with("application/octet-stream;"));
    const std::string& disposition = parsed.parts[1].headers.at("content-disposition");
    std::string joined;
    for (int n = 0;; ++n)
    {
        const std::string key = "filename*" + std::to_string(n) + "*=";
        const std::size_t at = disposition.find(key);
        if (at == std::string::npos)
            break;
        std::size_t end = disposition.find(';', at);
        if (end == std::string::npos)
            end = disposition.size();
        joined += disposition.substr(at + key.size(), end - at - key.size());
    }
    ASSERT_TRUE(joined.starts_with("UTF-8''")) << disposition;
    EXPECT_EQ(decodePercent(joined.substr(7)), message.attachments[0].filename);
}

TEST(EmlMessage, NoAttachmentAndEmptyBody)
{
    EmailMessage message = sample();
    message.attachments.clear();
    message.bodyText.clear();
    const Parsed parsed = parse(toEml(message));
    ASSERT_EQ(parsed.parts.size(), 1u);
    EXPECT_EQ(decodeQuotedPrintable(parsed.parts[0].body), "");
}

TEST(EmlMessage, RejectsHeaderInjection)
{
    struct Row
    {
        const char* field;
        void (*inject)(EmailMessage&, const std::string&);
        const char* named;
    };
    const Row rows[] = {
        {"to", [](EmailMessage& m, const std::string& v) { m.to = "contact@dupont.fr" + v; },
         "e-mail address of \"Dupont SARL\" contains a line break"},
        {"from", [](EmailMessage& m, const std::string& v) { m.from = "compta@martin.fr" + v; },
         "sender e-mail address of \"Société Martin\" contains a line break"},
        {"toName", [](EmailMessage& m, const std::string& v) { m.toName = "Dupont" + v; },
         "recipient name \"Dupont"},
        {"fromName", [](EmailMessage& m, const std::string& v) { m.fromName = "Martin" + v; },
         "sender name \"Martin"},
        {"subject", [](EmailMessage& m, const std::string& v) { m.subject = "Relance" + v; },
         "subject \"Relance"},
        {"filename",
         [](EmailMessage& m, const std::string& v) { m.attachments[0].filename = "a.pdf" + v; },
         "attachment file name \"a.pdf"},
        {"mimeType",
         [](EmailMessage& m, const std::string& v)
         { m.attachments[0].mimeType = "application/pdf" + v; },
         "MIME type of attachment"},
        {"messageIdDomain",
         [](EmailMessage& m, const std::string& v) { m.messageIdDomain = "martin.fr" + v; },
         "Message-ID domain"},
    };
    for (const Row& row : rows)
        for (const std::string injected :
             {"\r\nBcc: victim@example.com", "\nBcc: victim@example.com", "\r", "\n"})
        {
            EmailMessage message = sample();
            row.inject(message, injected);
            const std::string error = messageOf([&] { toEml(message); });
            EXPECT_NE(error.find(row.named), std::string::npos) << row.field << ": " << error;
            EXPECT_NE(error.find("contains a line break"), std::string::npos)
                << row.field << ": " << error;
        }

    // Other control characters too.
    EmailMessage tab = sample();
    tab.subject = "Relance\tn° 1";
    EXPECT_NE(messageOf([&] { toEml(tab); }).find("control character"), std::string::npos);
    // And text that is not UTF-8.
    EmailMessage latin1 = sample();
    latin1.toName = "Soci\xE9t\xE9";
    EXPECT_NE(messageOf([&] { toEml(latin1); }).find("UTF-8"), std::string::npos);
    EmailMessage body = sample();
    body.bodyText = "\xC3";
    EXPECT_THROW(toEml(body), InputError);
}

TEST(EmlMessage, ValidatesAddresses)
{
    const std::string longLocal(64, 'a');
    const std::string label(63, 'b');
    struct Row
    {
        std::string address;
        bool valid;
    };
    const Row rows[] = {
        {"contact@dupont.fr", true},
        {"first.last+relances@compta.dupont-sarl.co.uk", true},
        {"o'brien@example.ie", true},
        {"", false},
        {"dupont.fr", false},
        {"a@b@dupont.fr", false},
        {"jean dupont@dupont.fr", false},
        {"<contact@dupont.fr>", false},
        {"contact@dupont.fr,autre@dupont.fr", false},
        {"contact@dupont.fr;autre@dupont.fr", false},
        {"@dupont.fr", false},
        {"contact@", false},
        {"contact..x@dupont.fr", false},
        {".contact@dupont.fr", false},
        {"contact@dupont..fr", false},
        {"contact@dupont_sarl.fr", false},
        {"\"contact\"@dupont.fr", false},
        {"élodie@boulangerie.fr", false},
        {std::string(65, 'a') + "@dupont.fr", false},
        {std::string(250, 'a') + "@b.fr", false},
    };
    for (const Row& row : rows)
    {
        for (const bool asRecipient : {true, false})
        {
            EmailMessage message = sample();
            (asRecipient ? message.to : message.from) = row.address;
            message.messageIdDomain = "martin.fr";
            if (row.valid)
                EXPECT_NO_THROW(toEml(message)) << row.address;
            else
                EXPECT_THROW(toEml(message), InputError) << row.address;
        }
    }
    // 254 characters is the limit.
    const std::string at254 =
        longLocal + "@" + label + "." + label + "." + label.substr(0, 58) + ".fr";
    ASSERT_EQ(at254.size(), 254u);
    EmailMessage ok = sample();
    ok.to = at254;
    EXPECT_NO_THROW(toEml(ok));
    ok.to = "a" + at254.substr(1) + "r";
    ASSERT_EQ(ok.to.size(), 255u);
    EXPECT_NE(messageOf([&] { toEml(ok); }).find("254"), std::string::npos);
}

TEST(EmlMessage, RejectsBadDateAndAttachmentNames)
{
    struct Row
    {
        const char* what;
        void (*change)(EmailMessage&);
    };
    const Row rows[] = {
        {"hour", [](EmailMessage& m) { m.hour = 24; }},
        {"minute", [](EmailMessage& m) { m.minute = -1; }},
        {"offset", [](EmailMessage& m) { m.utcOffsetMinutes = 24 * 60; }},
        {"date", [](EmailMessage& m) { m.date = -100'000; }},
        {"empty file name", [](EmailMessage& m) { m.attachments[0].filename.clear(); }},
        {"path", [](EmailMessage& m) { m.attachments[0].filename = "../../etc/passwd"; }},
        {"backslash", [](EmailMessage& m) { m.attachments[0].filename = "C:\\x.pdf"; }},
        {"mime", [](EmailMessage& m) { m.attachments[0].mimeType = "pdf"; }},
        {"mime params", [](EmailMessage& m) { m.attachments[0].mimeType = "text/plain; x=1"; }},
        {"domain", [](EmailMessage& m) { m.messageIdDomain = "martin fr"; }},
    };
    for (const Row& row : rows)
    {
        EmailMessage message = sample();
        row.change(message);
        EXPECT_THROW(toEml(message), InputError) << row.what;
    }
    EmailMessage negative = sample();
    negative.utcOffsetMinutes = -(3 * 60 + 30);
    EXPECT_EQ(parse(toEml(negative)).top.headers.at("date"), "Wed, 15 Jul 2026 09:30:00 -0330");
}
