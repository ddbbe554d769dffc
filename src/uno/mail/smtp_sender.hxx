// Direct sending of a reminder e-mail through the SMTP server the user configured for Writer's
// mail merge (Tools > Options > LibreOffice Writer > Mail Merge E-mail), with LibreOffice's own
// mail service (com.sun.star.mail.MailServiceProvider, implemented by the office's mailmerge.py,
// which needs Debian's python3-uno). Relance stores no setting and no password of its own: it
// reads /org.openoffice.Office.Writer/MailMergeWizard at sending time.
#pragma once

#include <memory>
#include <string>

#include "uno/common/uno_basics.hxx"

#include <com/sun/star/uno/XComponentContext.hpp>

#include "core/mail/eml_message.hxx"

namespace relance::addin
{

// The office's mail merge e-mail settings, as Writer itself interprets them.
struct SmtpSettings
{
    std::string server;          // MailServer; empty: not configured
    int port = 587;              // MailPort; 25 and 587 follow `secure` as in Writer
    bool secure = true;          // IsSecureConnection: STARTTLS, or TLS from the start on 465
    bool authentication = false; // IsAuthentication
    std::string userName;        // MailUserName
    // MailPassword as LibreOffice stored it (never written by Relance). A caller that asked the
    // user for it may set it here; it is only held in memory and never appears in a message.
    std::string password;
    // IsSMPTAfterPOP: log in to the incoming server first, then send without SMTP login.
    bool smtpAfterPop = false;
    std::string inServer;    // InServerName
    int inPort = 995;        // InServerPort; 110/995 and 143/993 follow `secure` and inPop
    bool inPop = true;       // InServerIsPOP, else IMAP
    std::string inUserName;  // InServerUserName
    std::string inPassword;  // InServerPassword
    std::string address;     // MailAddress: the sender when the message has none
    std::string displayName; // MailDisplayName
    std::string replyTo;     // MailReplyTo when IsMailReplyTo, else empty
    int timeoutSeconds = 30; // for each network operation
};

// Reads the settings from the office configuration. Throws InputError when the configuration
// cannot be read.
SmtpSettings
smtpSettingsFromOffice(const css::uno::Reference<css::uno::XComponentContext>& context);

// The configuration node those settings live in (Tools > Options > LibreOffice Writer > Mail
// Merge E-mail): read-only, or writable (an XNameReplace to commit) with forUpdate.
css::uno::Reference<css::uno::XInterface>
mailMergeSettingsNode(const css::uno::Reference<css::uno::XComponentContext>& context,
                      bool forUpdate);

// One connection to the server, for sending several messages; disconnects when destroyed.
// Every failure throws relance::InputError with a message naming the server and the reason
// ("SMTP server smtp.example.fr:587: connection refused"), so that the caller can note the
// e-mail as not sent and go on.
class SmtpSession
{
public:
    // Checks the settings (a server, a password when authentication is on) and connects.
    SmtpSession(const css::uno::Reference<css::uno::XComponentContext>& context,
                const SmtpSettings& settings);
    ~SmtpSession();
    SmtpSession(const SmtpSession&) = delete;
    SmtpSession& operator=(const SmtpSession&) = delete;

    // The message is checked as toEml checks it (no line break or control character in a
    // header, plain addresses, valid UTF-8) before anything is sent. An empty `from` is taken
    // from the settings' MailAddress (and an empty `fromName` then from MailDisplayName).
    // The date fields are not used: the mail service stamps the current time.
    void send(const EmailMessage& message);

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

// Connects, sends one message, disconnects.
void sendMail(const css::uno::Reference<css::uno::XComponentContext>& context,
              const SmtpSettings& settings, const EmailMessage& message);

} // namespace relance::addin
