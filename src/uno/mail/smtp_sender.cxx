#include "uno/mail/smtp_sender.hxx"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <utility>

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/datatransfer/DataFlavor.hpp>
#include <com/sun/star/datatransfer/UnsupportedFlavorException.hpp>
#include <com/sun/star/datatransfer/XTransferable.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/mail/MailAttachment.hpp>
#include <com/sun/star/mail/MailMessage.hpp>
#include <com/sun/star/mail/MailServiceProvider.hpp>
#include <com/sun/star/mail/MailServiceType.hpp>
#include <com/sun/star/mail/XAuthenticator.hpp>
#include <com/sun/star/mail/XMailService.hpp>
#include <com/sun/star/mail/XMailServiceProvider.hpp>
#include <com/sun/star/mail/XSmtpService.hpp>
#include <com/sun/star/uno/DeploymentException.hpp>
#include <com/sun/star/uno/XCurrentContext.hpp>
#include <cppuhelper/implbase1.hxx>

#include "uno/functions/any_convert.hxx"
#include "core/common/input_error.hxx"

using namespace css;

namespace relance::addin
{
namespace
{

constexpr const char* kWhereToSet = "Tools > Options > LibreOffice Writer > Mail Merge E-mail";

// ---------------------------------------------------------------- settings

class ConfigReader
{
public:
    explicit ConfigReader(uno::Reference<container::XNameAccess> node) : node_(std::move(node)) {}

    uno::Any value(const char* name) const
    {
        const OUString key = OUString::createFromAscii(name);
        return node_->hasByName(key) ? node_->getByName(key) : uno::Any();
    }
    std::string text(const char* name) const
    {
        OUString result;
        value(name) >>= result;
        return toUtf8(result);
    }
    bool flag(const char* name, bool fallback) const
    {
        bool result = fallback;
        value(name) >>= result;
        return result;
    }
    int port(const char* name, int fallback) const
    {
        sal_Int16 result = 0;
        if (!(value(name) >>= result) || result == 0)
            return fallback;
        return static_cast<sal_uInt16>(result); // xs:short: ports past 32767 read as negative
    }

private:
    uno::Reference<container::XNameAccess> node_;
};

// Trims spaces, as mailmerge.py strips the server name.
std::string trimmed(std::string text)
{
    const auto space = [](char c) { return c == ' ' || c == '\t'; };
    while (!text.empty() && space(text.back()))
        text.pop_back();
    const auto first = std::find_if_not(text.begin(), text.end(), space);
    return std::string(first, text.end());
}

// ---------------------------------------------------------------- UNO helpers

// The e-mail body: text/plain in UTF-8, given as bytes.
class Transferable : public cppu::WeakImplHelper1<datatransfer::XTransferable>
{
public:
    Transferable(const std::string& mimeType, const std::string& bytes)
        : flavor_(OUString::createFromAscii(mimeType.c_str()), "",
                  cppu::UnoType<uno::Sequence<sal_Int8>>::get()),
          bytes_(reinterpret_cast<const sal_Int8*>(bytes.data()),
                 static_cast<sal_Int32>(bytes.size()))
    {
    }

    uno::Any SAL_CALL getTransferData(const datatransfer::DataFlavor& flavor) override
    {
        if (!isDataFlavorSupported(flavor))
            throw datatransfer::UnsupportedFlavorException(flavor.MimeType, *this);
        return uno::Any(bytes_);
    }
    uno::Sequence<datatransfer::DataFlavor> SAL_CALL getTransferDataFlavors() override
    {
        return sequenceOf<datatransfer::DataFlavor>({flavor_});
    }
    sal_Bool SAL_CALL isDataFlavorSupported(const datatransfer::DataFlavor& flavor) override
    {
        return flavor.MimeType.equalsIgnoreAsciiCase(flavor_.MimeType);
    }

private:
    datatransfer::DataFlavor flavor_;
    uno::Sequence<sal_Int8> bytes_;
};

// What the mail service reads to connect: ServerName, Port, ConnectionType, Timeout.
class ConnectionContext : public cppu::WeakImplHelper1<uno::XCurrentContext>
{
public:
    ConnectionContext(const std::string& server, int port, bool secure, int timeoutSeconds)
        : server_(fromUtf8(server)), port_(port), secure_(secure), timeout_(timeoutSeconds)
    {
    }

    uno::Any SAL_CALL getValueByName(const OUString& name) override
    {
        if (name == "ServerName")
            return uno::Any(server_);
        if (name == "Port")
            return uno::Any(port_);
        if (name == "ConnectionType")
            return uno::Any(OUString::createFromAscii(secure_ ? "Ssl" : "Insecure"));
        if (name == "Timeout")
            return uno::Any(timeout_);
        return uno::Any();
    }

private:
    OUString server_;
    sal_Int32 port_;
    bool secure_;
    sal_Int32 timeout_;
};

// An empty user name means no login (mailmerge.py logs in only with a user name).
class Authenticator : public cppu::WeakImplHelper1<mail::XAuthenticator>
{
public:
    Authenticator() = default;
    Authenticator(const std::string& userName, const std::string& password)
        : userName_(fromUtf8(userName)), password_(fromUtf8(password))
    {
    }

    OUString SAL_CALL getUserName() override { return userName_; }
    OUString SAL_CALL getPassword() override { return password_; }

private:
    OUString userName_;
    OUString password_;
};

// ---------------------------------------------------------------- messages

// Writer's rule (SwMailMergeConfigItem::GetMailPort): the two default ports follow the
// security setting.
int effectivePort(int port, bool secure)
{
    if (port == 25 || port == 587)
        return secure ? 587 : 25;
    return port;
}

int effectiveInPort(int port, bool pop, bool secure)
{
    if (port == 110 || port == 995 || port == 143 || port == 993)
        return pop ? (secure ? 995 : 110) : (secure ? 993 : 143);
    return port;
}

std::string serverName(const std::string& server, int port)
{
    return server + ":" + std::to_string(port);
}

// smtplib's "(535, b'5.7.8 Authentication credentials invalid')", also inside a dict of
// refused recipients, as "535 5.7.8 Authentication credentials invalid".
std::string serverReply(const std::string& detail)
{
    for (std::size_t open = detail.find('('); open != std::string::npos;
         open = detail.find('(', open + 1))
    {
        const std::size_t quote = open + 7; // "(535, b'"
        if (quote >= detail.size() || detail.compare(open + 4, 3, ", b") != 0 ||
            !std::all_of(detail.begin() + static_cast<std::ptrdiff_t>(open) + 1,
                         detail.begin() + static_cast<std::ptrdiff_t>(open) + 4,
                         [](char c) { return c >= '0' && c <= '9'; }) ||
            (detail[quote] != '\'' && detail[quote] != '"'))
            continue;
        const std::size_t end = detail.find(detail[quote], quote + 1);
        if (end != std::string::npos)
            return detail.substr(open + 1, 3) + " " + detail.substr(quote + 1, end - quote - 1);
    }
    return detail;
}

// The first line of what the mail service raised, without pyuno's traceback.
std::string reason(const uno::Exception& error)
{
    std::string text = toUtf8(error.Message);
    for (const char* cut : {", traceback follows", "\n"})
        if (const std::size_t at = text.find(cut); at != std::string::npos)
            text.erase(at);
    // pyuno writes "<class 'ConnectionRefusedError'>: [Errno 111] Connection refused".
    if (text.rfind("<class '", 0) == 0)
        if (const std::size_t end = text.find("'>: "); end != std::string::npos)
        {
            std::string type = text.substr(8, end - 8);
            if (const std::size_t dot = type.rfind('.'); dot != std::string::npos)
                type.erase(0, dot + 1);
            std::string detail = serverReply(text.substr(end + 4));
            if (detail.rfind("[Errno ", 0) == 0)
                if (const std::size_t close = detail.find("] "); close != std::string::npos)
                    detail.erase(0, close + 2);
            if (type == "ConnectionRefusedError")
                return "connection refused (no mail server listens on that port)";
            if (type == "gaierror")
                return "unknown server name (" + detail + ")";
            if (type == "TimeoutError" || type == "timeout")
                return "no answer in time";
            if (type == "SMTPAuthenticationError")
                return "authentication failed, check the user name and password (" + detail + ")";
            if (type == "SMTPNotSupportedError")
                return "the server does not support " +
                       (detail.find("STARTTLS") != std::string::npos ? std::string("STARTTLS")
                                                                     : detail) +
                       " (check the secure connection setting)";
            if (type == "SMTPServerDisconnected" && detail.find("timed out") != std::string::npos)
                return "no answer in time";
            if (type == "SMTPServerDisconnected")
                return "the server closed the connection (" + detail + ")";
            if (type == "SMTPRecipientsRefused")
                return "the recipient was refused (" + detail + ")";
            if (type == "SMTPSenderRefused")
                return "the sender address was refused (" + detail + ")";
            if (type.rfind("SSL", 0) == 0)
                return "secure connection failed (" + detail + ")";
            return type + ": " + detail;
        }
    return text.empty() ? "unknown error" : text;
}

// The message as it will be sent, checked by the core's own rules.
EmailMessage checkedMessage(const SmtpSettings& settings, EmailMessage message)
{
    if (message.from.empty())
    {
        message.from = settings.address;
        if (message.fromName.empty())
            message.fromName = settings.displayName;
    }
    if (message.from.empty())
        throw InputError(std::string("no sender e-mail address: give the company's e-mail, or "
                                     "the e-mail address in ") +
                         kWhereToSet);
    if (message.to.empty())
        throw InputError("no recipient e-mail address");
    // toEml applies the header checks; the date is not sent, only a valid one is needed.
    EmailMessage check = message;
    if (!isInSupportedRange(check.date))
        check.date = toDayNumber({2000, 1, 1});
    check.hour = check.minute = check.second = check.utcOffsetMinutes = 0;
    (void)toEml(check);
    if (!settings.replyTo.empty())
    {
        check.to = settings.replyTo;
        check.toName.clear();
        try
        {
            (void)toEml(check);
        }
        catch (const InputError& error)
        {
            throw InputError(std::string("the reply-to address set in ") + kWhereToSet +
                             " is not valid: " + error.what());
        }
    }
    for (auto& attachment : message.attachments)
        if (attachment.mimeType.empty())
            attachment.mimeType = "application/octet-stream";
    return message;
}

void requireSettings(const SmtpSettings& settings)
{
    if (trimmed(settings.server).empty())
        throw InputError(std::string("no outgoing mail server (SMTP) is set: enter it in ") +
                         kWhereToSet);
    if (settings.port <= 0 || settings.port > 65535)
        throw InputError("SMTP server " + settings.server + ": port " +
                         std::to_string(settings.port) + " is not valid");
    if (settings.authentication && !settings.smtpAfterPop && !settings.userName.empty() &&
        settings.password.empty())
        throw InputError("SMTP server " + serverName(trimmed(settings.server), settings.port) +
                         " requires authentication, but LibreOffice has no password stored for "
                         "user " +
                         settings.userName + ": enter it under Server Authentication in " +
                         kWhereToSet);
    if (settings.authentication && !settings.smtpAfterPop && !settings.userName.empty() &&
        (!isAscii(settings.userName) || !isAscii(settings.password)))
        throw InputError("SMTP server " + serverName(trimmed(settings.server), settings.port) +
                         ": LibreOffice's mail service (Python's smtplib) cannot log in with a "
                         "user name or password that contains non-ASCII characters");
    if (settings.authentication && settings.smtpAfterPop)
    {
        if (trimmed(settings.inServer).empty())
            throw InputError(std::string("SMTP after POP/IMAP authentication is set, but no "
                                         "incoming mail server: enter it under Server "
                                         "Authentication in ") +
                             kWhereToSet);
        if (settings.inPassword.empty())
            throw InputError("incoming mail server " + trimmed(settings.inServer) +
                             " requires a password, but LibreOffice has none stored for user " +
                             settings.inUserName + ": enter it under Server Authentication in " +
                             kWhereToSet);
    }
}

} // namespace

// ---------------------------------------------------------------- settings

uno::Reference<uno::XInterface>
mailMergeSettingsNode(const uno::Reference<uno::XComponentContext>& context, bool forUpdate)
{
    const uno::Reference<lang::XMultiServiceFactory> provider(
        context->getServiceManager()->createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", context),
        uno::UNO_QUERY_THROW);
    return provider->createInstanceWithArguments(
        forUpdate ? OUString("com.sun.star.configuration.ConfigurationUpdateAccess")
                  : OUString("com.sun.star.configuration.ConfigurationAccess"),
        sequenceOf<uno::Any>({uno::Any(beans::NamedValue(
            "nodepath", uno::Any(OUString("/org.openoffice.Office.Writer/MailMergeWizard"))))}));
}

SmtpSettings smtpSettingsFromOffice(const uno::Reference<uno::XComponentContext>& context)
{
    try
    {
        const ConfigReader config(uno::Reference<container::XNameAccess>(
            mailMergeSettingsNode(context, false), uno::UNO_QUERY_THROW));
        // Unset values take Writer's defaults (SwMailMergeConfigItem).
        SmtpSettings settings;
        settings.server = trimmed(config.text("MailServer"));
        settings.secure = config.flag("IsSecureConnection", true);
        settings.port = effectivePort(config.port("MailPort", 587), settings.secure);
        settings.authentication = config.flag("IsAuthentication", false);
        settings.userName = config.text("MailUserName");
        settings.password = config.text("MailPassword");
        settings.smtpAfterPop = config.flag("IsSMPTAfterPOP", false); // sic
        settings.inServer = trimmed(config.text("InServerName"));
        settings.inPop = config.flag("InServerIsPOP", true);
        settings.inPort =
            effectiveInPort(config.port("InServerPort", 995), settings.inPop, settings.secure);
        settings.inUserName = config.text("InServerUserName");
        settings.inPassword = config.text("InServerPassword");
        settings.address = config.text("MailAddress");
        settings.displayName = config.text("MailDisplayName");
        if (config.flag("IsMailReplyTo", false))
            settings.replyTo = config.text("MailReplyTo");
        return settings;
    }
    catch (const uno::Exception& error)
    {
        throw InputError("cannot read LibreOffice's mail merge e-mail settings: " +
                         toUtf8(error.Message));
    }
}

// ---------------------------------------------------------------- session

struct SmtpSession::Impl
{
    uno::Reference<uno::XComponentContext> context;
    SmtpSettings settings;
    std::string where; // "SMTP server host:port"
    uno::Reference<mail::XSmtpService> smtp;

    [[noreturn]] void fail(const std::string& what) const { throw InputError(where + ": " + what); }
};

SmtpSession::SmtpSession(const uno::Reference<uno::XComponentContext>& context,
                         const SmtpSettings& settings)
    : impl_(std::make_unique<Impl>())
{
    requireSettings(settings);
    Impl& impl = *impl_;
    impl.context = context;
    impl.settings = settings;
    impl.settings.server = trimmed(settings.server);
    impl.where = "SMTP server " + serverName(impl.settings.server, settings.port);

    uno::Reference<mail::XMailServiceProvider> provider;
    try
    {
        provider = mail::MailServiceProvider::create(context);
        impl.smtp.set(provider->create(mail::MailServiceType_SMTP), uno::UNO_QUERY_THROW);
    }
    catch (const uno::Exception& error)
    {
        impl.fail("LibreOffice's mail service is not available (on Debian, install "
                  "python3-uno): " +
                  reason(error));
    }

    if (settings.authentication && settings.smtpAfterPop)
    {
        // As Writer does: log in to the incoming server, then send without SMTP login.
        const std::string in = (settings.inPop ? "POP3 server " : "IMAP server ") +
                               serverName(trimmed(settings.inServer), settings.inPort);
        try
        {
            const uno::Reference<mail::XMailService> incoming = provider->create(
                settings.inPop ? mail::MailServiceType_POP3 : mail::MailServiceType_IMAP);
            incoming->connect(new ConnectionContext(trimmed(settings.inServer), settings.inPort,
                                                    settings.secure, settings.timeoutSeconds),
                              new Authenticator(settings.inUserName, settings.inPassword));
            incoming->disconnect();
        }
        catch (const uno::Exception& error)
        {
            throw InputError(in + ": " + reason(error));
        }
    }

    const bool login =
        settings.authentication && !settings.smtpAfterPop && !settings.userName.empty();
    try
    {
        impl.smtp->connect(new ConnectionContext(impl.settings.server, settings.port,
                                                 settings.secure, settings.timeoutSeconds),
                           login ? new Authenticator(settings.userName, settings.password)
                                 : new Authenticator());
    }
    catch (const uno::Exception& error)
    {
        try
        {
            impl.smtp->disconnect();
        }
        catch (const uno::Exception&)
        {
        }
        impl.fail(reason(error));
    }
}

SmtpSession::~SmtpSession()
{
    try
    {
        if (impl_->smtp.is() && impl_->smtp->isConnected())
            impl_->smtp->disconnect();
    }
    catch (const uno::Exception&)
    {
        // The server may already have closed the connection.
    }
}

void SmtpSession::send(const EmailMessage& original)
{
    const EmailMessage message = checkedMessage(impl_->settings, original);
    uno::Reference<mail::XMailMessage> mail;
    try
    {
        std::string body = message.bodyText;
        // Plain '\n' line ends: the mail service writes CRLF itself.
        body.erase(std::remove(body.begin(), body.end(), '\r'), body.end());
        // The sender as "name <address>": mailmerge.py splits it with parseaddr and encodes
        // the name itself, so a quoted UTF-8 name is right here.
        const std::string from = message.fromName.empty()
                                     ? "<" + message.from + ">"
                                     : quotedString(message.fromName) + " <" + message.from + ">";
        // The recipient the service copies as it is: a non-ASCII name already encoded.
        mail = mail::MailMessage::create(
            impl_->context, fromUtf8(mailboxText(message.toName, message.to)), fromUtf8(from),
            fromUtf8(message.subject), new Transferable("text/plain;charset=UTF-8", body));
        // The service copies the whole sender string to Reply-To by default.
        mail->setReplyToAddress(fromUtf8(impl_->settings.replyTo));
        for (const EmailAttachment& attachment : message.attachments)
            mail->addAttachment(
                mail::MailAttachment(new Transferable(attachment.mimeType, attachment.bytes),
                                     fromUtf8(attachment.filename)));
    }
    catch (const uno::Exception& error)
    {
        impl_->fail("cannot prepare the message: " + reason(error));
    }
    if (!impl_->smtp->isConnected())
        impl_->fail("not connected");
    try
    {
        impl_->smtp->sendMailMessage(mail);
    }
    catch (const uno::Exception& error)
    {
        impl_->fail("message to " + message.to + " not accepted: " + reason(error));
    }
}

void sendMail(const uno::Reference<uno::XComponentContext>& context, const SmtpSettings& settings,
              const EmailMessage& message)
{
    // A message that cannot be sent costs no connection.
    (void)checkedMessage(settings, message);
    SmtpSession session(context, settings);
    session.send(message);
}

} // namespace relance::addin
