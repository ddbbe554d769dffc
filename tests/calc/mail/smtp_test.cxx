// Direct e-mail sending through LibreOffice's own mail service (mailmerge.py) in the real office,
// with the server set as a user sets it in Tools > Options > LibreOffice Writer > Mail Merge
// E-mail. The server is Debian's aiosmtpd, started by the test on 127.0.0.1 (no outside
// network); it decodes each message it receives with Python's email package into files, so the
// test checks what a mail client would show.
#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "calc_support.hxx"
#include "core/mail/eml_message.hxx"
#include "core/common/input_error.hxx"
#include "uno/mail/smtp_sender.hxx"
#include "mail/smtp_server.hxx"

using namespace relance_test;
using namespace relance_test::smtp;

namespace
{

// As the extension reads them, with a short timeout so that a failure cannot stall the test.
relance::addin::SmtpSettings officeSettings()
{
    relance::addin::SmtpSettings settings =
        relance::addin::smtpSettingsFromOffice(office().context());
    settings.timeoutSeconds = 20;
    return settings;
}

// Every byte value, and lines that SMTP or mbox would alter if the transport were careless.
std::string pdfBytes()
{
    std::string bytes = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    for (int i = 0; i < 256; ++i)
        bytes += static_cast<char>(i);
    using namespace std::string_literals;
    bytes += "\r\n.\r\nFrom here\n\0\0%%EOF\n\0\x01\xFF"s;
    return bytes;
}

relance::EmailMessage reminder()
{
    relance::EmailMessage message;
    message.to = "client@exemple.fr";
    message.toName = "Société Dupont & Fils";
    message.subject = "Relance n°2 : facture F-2024-017 échue depuis 45 jours";
    message.bodyText = "Madame, Monsieur,\r\n\r\nSauf erreur de notre part, la facture F-2024-017 "
                       "de 1 234,56 € reste impayée.\r\n.\r\nFrom the accounts department, "
                       "with our regards: ça, c'est fait.\r\n";
    message.attachments.push_back({"Relance_Dupont.pdf", "application/pdf", pdfBytes()});
    return message;
}

std::string withoutCarriageReturns(std::string text)
{
    text.erase(std::remove(text.begin(), text.end(), '\r'), text.end());
    return text;
}

std::string failureOf(const relance::addin::SmtpSettings& settings,
                      const relance::EmailMessage& message)
{
    try
    {
        relance::addin::sendMail(office().context(), settings, message);
    }
    catch (const relance::InputError& error)
    {
        return error.what();
    }
    return "(sent)";
}

} // namespace

TEST(Smtp, SendsWithTheMailMergeSettingsOfTheOffice)
{
    SmtpServer server;
    configureServer("127.0.0.1", server.port());

    const relance::addin::SmtpSettings settings = officeSettings();
    EXPECT_EQ(settings.server, "127.0.0.1");
    EXPECT_EQ(settings.port, server.port());
    EXPECT_FALSE(settings.secure);
    EXPECT_FALSE(settings.authentication);
    EXPECT_EQ(settings.address, "compta@relance-test.fr");
    EXPECT_EQ(settings.displayName, "Service comptabilité");
    EXPECT_EQ(settings.replyTo, "recouvrement@relance-test.fr");

    // No sender in the message: the one set in the office.
    const relance::EmailMessage message = reminder();
    relance::addin::sendMail(office().context(), settings, message);

    ASSERT_EQ(server.count(), 1u);
    const Received received = server.message(0);
    EXPECT_EQ(received["envelope"], "compta@relance-test.fr\nclient@exemple.fr");
    EXPECT_EQ(received["from.address"], "compta@relance-test.fr");
    EXPECT_EQ(received["from.name"], "Service comptabilité");
    EXPECT_EQ(received["to.address"], "client@exemple.fr");
    EXPECT_EQ(received["to.name"], "Société Dupont & Fils");
    EXPECT_EQ(received["reply-to.address"], "recouvrement@relance-test.fr");
    EXPECT_EQ(received["subject"], message.subject);
    EXPECT_EQ(withoutCarriageReturns(received["body"]), withoutCarriageReturns(message.bodyText));
    EXPECT_EQ(received["attachment-0.name"], "Relance_Dupont.pdf");
    EXPECT_EQ(received["attachment-0.type"], "application/pdf");
    EXPECT_EQ(received["attachment-0.bytes"], message.attachments[0].bytes);
    EXPECT_FALSE(received.has("attachment-1.name"));

    // The message's own sender wins; a comma or quote in its name stays in the name.
    relance::EmailMessage own = reminder();
    own.from = "relances@dupont-creances.fr";
    own.fromName = "Créances \"Nord\", SARL";
    own.toName = "Martin SA";
    own.attachments = {{"Relevé échéances.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n"}};
    relance::addin::sendMail(office().context(), settings, own);
    const Received second = server.message(1);
    EXPECT_EQ(second["envelope"], "relances@dupont-creances.fr\nclient@exemple.fr");
    EXPECT_EQ(second["from.address"], "relances@dupont-creances.fr");
    EXPECT_EQ(second["from.name"], own.fromName);
    EXPECT_EQ(second["to.name"], "Martin SA");
    EXPECT_EQ(withoutCarriageReturns(second["body"]), withoutCarriageReturns(own.bodyText));
    EXPECT_EQ(second["attachment-0.name"], "Relevé échéances.pdf");
    EXPECT_EQ(second["attachment-0.bytes"], "%PDF-1.4\n%%EOF\n");
}

TEST(Smtp, SeveralMessagesOverOneConnection)
{
    SmtpServer server;
    configureServer("127.0.0.1", server.port());
    relance::addin::SmtpSession session(office().context(), officeSettings());
    for (const char* to : {"a@exemple.fr", "b@exemple.fr"})
    {
        relance::EmailMessage message = reminder();
        message.to = to;
        session.send(message);
    }
    EXPECT_EQ(server.message(0)["to.address"], "a@exemple.fr");
    EXPECT_EQ(server.message(1)["to.address"], "b@exemple.fr");
}

TEST(Smtp, RefusedConnectionIsAnInputError)
{
    const int port = freePort(); // nothing listens there
    configureServer("127.0.0.1", port);
    const std::string failure = failureOf(officeSettings(), reminder());
    EXPECT_NE(failure.find("SMTP server 127.0.0.1:" + std::to_string(port)), std::string::npos)
        << failure;
    EXPECT_NE(failure.find("connection refused"), std::string::npos) << failure;
}

TEST(Smtp, UsesThePasswordStoredByLibreOffice)
{
    SmtpServer server("relance", "s3cret pass");
    Login login{true, "relance", "s3cret pass"};
    configureServer("127.0.0.1", server.port(), login);
    relance::addin::SmtpSettings settings = officeSettings();
    EXPECT_TRUE(settings.authentication);
    EXPECT_EQ(settings.userName, "relance");
    relance::addin::sendMail(office().context(), settings, reminder());
    EXPECT_EQ(server.message(0)["to.address"], "client@exemple.fr");

    // A wrong password: the server's refusal, the password itself never shown.
    login.password = "wrong-password";
    configureServer("127.0.0.1", server.port(), login);
    std::string failure = failureOf(officeSettings(), reminder());
    EXPECT_NE(failure.find("authentication failed"), std::string::npos) << failure;
    EXPECT_NE(failure.find("535 5.7.8"), std::string::npos) << failure;
    EXPECT_EQ(failure.find("wrong-password"), std::string::npos) << failure;

    // Python's smtplib logs in with ASCII only: said before connecting.
    login.password = "mot de passe é";
    configureServer("127.0.0.1", server.port(), login);
    failure = failureOf(officeSettings(), reminder());
    EXPECT_NE(failure.find("non-ASCII"), std::string::npos) << failure;

    // No password stored: a clear message, and no connection attempt.
    login.password.clear();
    configureServer("127.0.0.1", server.port(), login);
    failure = failureOf(officeSettings(), reminder());
    EXPECT_NE(failure.find("requires authentication"), std::string::npos) << failure;
    EXPECT_NE(failure.find("no password"), std::string::npos) << failure;
    EXPECT_NE(failure.find("Mail Merge E-mail"), std::string::npos) << failure;
    EXPECT_EQ(server.count(), 1u);

    // A server that requires a login the settings do not give.
    login.authentication = false;
    configureServer("127.0.0.1", server.port(), login);
    failure = failureOf(officeSettings(), reminder());
    EXPECT_NE(failure.find("SMTP server 127.0.0.1:" + std::to_string(server.port())),
              std::string::npos)
        << failure;
    EXPECT_EQ(server.count(), 1u);
}

TEST(Smtp, HeaderInjectionIsRefusedBeforeSending)
{
    SmtpServer server;
    configureServer("127.0.0.1", server.port());
    const relance::addin::SmtpSettings settings = officeSettings();

    relance::EmailMessage message = reminder();
    message.subject = "Relance\r\nBcc: victime@exemple.com";
    std::string failure = failureOf(settings, message);
    EXPECT_NE(failure.find("subject"), std::string::npos) << failure;
    EXPECT_NE(failure.find("line break"), std::string::npos) << failure;

    message = reminder();
    message.toName = "Dupont\nBcc: victime@exemple.com";
    failure = failureOf(settings, message);
    EXPECT_NE(failure.find("line break"), std::string::npos) << failure;

    message = reminder();
    message.to = "client@exemple.fr,victime@exemple.com";
    failure = failureOf(settings, message);
    EXPECT_NE(failure.find("single address"), std::string::npos) << failure;

    EXPECT_EQ(server.count(), 0u);
}

TEST(Smtp, MissingServerIsAnInputError)
{
    configureServer("", 25);
    const std::string failure = failureOf(officeSettings(), reminder());
    EXPECT_NE(failure.find("no outgoing mail server"), std::string::npos) << failure;
    EXPECT_NE(failure.find("Mail Merge E-mail"), std::string::npos) << failure;
}
