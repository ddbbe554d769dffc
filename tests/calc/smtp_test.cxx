// Direct e-mail sending through LibreOffice's own mail service (mailmerge.py) in the real office,
// with the server set as a user sets it in Tools > Options > LibreOffice Writer > Mail Merge
// E-mail. The server is Debian's aiosmtpd, started by the test on 127.0.0.1 (no outside
// network); it decodes each message it receives with Python's email package into files, so the
// test checks what a mail client would show.
#include <algorithm>
#include <arpa/inet.h>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sstream>
#include <string>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <utility>
#include <vector>

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/container/XNameReplace.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>
#include <gtest/gtest.h>

#include "calc_support.hxx"
#include "eml_message.hxx"
#include "input_error.hxx"
#include "smtp_sender.hxx"

using namespace relance_test;
namespace fs = std::filesystem;

extern char** environ;

namespace
{

// The receiving side: accepts every message (after AUTH when a user is given) and writes each,
// decoded, into OUT/N/ (created whole by a rename, so a folder seen is complete).
constexpr const char* kServerScript = R"PY(
import email, email.policy, logging, os, sys, threading, warnings
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

port, out, user, password = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
# Quiet about AUTH without TLS: this server exists only on 127.0.0.1 for the test.
warnings.simplefilter('ignore')
logging.disable(logging.CRITICAL)

def write(folder, name, data):
    with open(os.path.join(folder, name), 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode('utf-8'))

class Handler:
    count = 0
    async def handle_DATA(self, server, session, envelope):
        folder = os.path.join(out, 'incoming-%d' % Handler.count)
        os.makedirs(folder)
        raw = envelope.original_content or envelope.content
        write(folder, 'raw.eml', raw)
        write(folder, 'envelope', '\n'.join([envelope.mail_from] + envelope.rcpt_tos))
        message = email.message_from_bytes(raw, policy=email.policy.default)
        for header in ('From', 'To', 'Reply-To'):
            mailbox = message[header].addresses[0] if message[header] else None
            write(folder, header.lower() + '.name', mailbox.display_name if mailbox else '')
            write(folder, header.lower() + '.address', mailbox.addr_spec if mailbox else '')
        write(folder, 'subject', str(message['Subject']))
        write(folder, 'body', message.get_body(preferencelist=('plain',)).get_content())
        for index, part in enumerate(message.iter_attachments()):
            write(folder, 'attachment-%d.name' % index, part.get_filename())
            write(folder, 'attachment-%d.type' % index, part.get_content_type())
            write(folder, 'attachment-%d.bytes' % index, part.get_payload(decode=True))
        os.rename(folder, os.path.join(out, str(Handler.count)))
        Handler.count += 1
        return '250 OK'

def authenticator(server, session, envelope, mechanism, data):
    ok = isinstance(data, LoginPassword) and data.login == user.encode() and \
        data.password == password.encode()
    return AuthResult(success=ok, handled=False)  # handled=False: the server answers 535

options = dict(authenticator=authenticator, auth_required=True, auth_require_tls=False) \
    if user else {}
Controller(Handler(), hostname='127.0.0.1', port=port, **options).start()
threading.Event().wait()
)PY";

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A port nothing listens on (the kernel's pick, released at once).
int freePort()
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0)
        throw std::runtime_error("no free local port");
    close(fd);
    return ntohs(address.sin_port);
}

bool accepts(int port)
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<uint16_t>(port));
    const bool connected = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    close(fd);
    return connected;
}

struct Received
{
    fs::path folder;
    std::string operator[](const std::string& file) const { return readFile(folder / file); }
    bool has(const std::string& file) const { return fs::exists(folder / file); }
};

// aiosmtpd as a child process on 127.0.0.1, killed when the test ends.
class SmtpServer
{
public:
    explicit SmtpServer(const std::string& user = "", const std::string& password = "")
        : port_(freePort()),
          dir_(fs::temp_directory_path() /
               ("relance-smtp-" + std::to_string(getpid()) + "-" + std::to_string(port_)))
    {
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "mail");
        std::ofstream(dir_ / "server.py") << kServerScript;
        // Debian's interpreter, which python3-aiosmtpd installs into.
        std::vector<std::string> arguments = {"/usr/bin/python3",
                                              (dir_ / "server.py").string(),
                                              std::to_string(port_),
                                              (dir_ / "mail").string(),
                                              user,
                                              password};
        std::vector<char*> argv;
        for (std::string& argument : arguments)
            argv.push_back(argument.data());
        argv.push_back(nullptr);
        if (posix_spawn(&pid_, argv[0], nullptr, nullptr, argv.data(), environ) != 0)
            throw std::runtime_error("cannot start /usr/bin/python3");
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (!accepts(port_))
        {
            int status = 0;
            if (waitpid(pid_, &status, WNOHANG) == pid_)
            {
                pid_ = -1;
                throw std::runtime_error("the test SMTP server exited (is python3-aiosmtpd "
                                         "installed?)");
            }
            if (std::chrono::steady_clock::now() > deadline)
                throw std::runtime_error("the test SMTP server did not start in time");
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }
    ~SmtpServer()
    {
        if (pid_ > 0)
        {
            kill(pid_, SIGTERM);
            waitpid(pid_, nullptr, 0);
        }
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }
    SmtpServer(const SmtpServer&) = delete;
    SmtpServer& operator=(const SmtpServer&) = delete;

    int port() const { return port_; }
    std::size_t count() const
    {
        std::size_t n = 0;
        for (const auto& entry : fs::directory_iterator(dir_ / "mail"))
            n += entry.path().filename().string().rfind("incoming", 0) != 0;
        return n;
    }
    // The message received N-th, waiting a little for it.
    Received message(std::size_t index) const
    {
        const fs::path folder = dir_ / "mail" / std::to_string(index);
        for (int i = 0; i < 100 && !fs::exists(folder); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (!fs::exists(folder))
            throw std::runtime_error("the test SMTP server received no message " +
                                     std::to_string(index));
        return {folder};
    }

private:
    pid_t pid_ = -1;
    int port_;
    fs::path dir_;
};

// What the user sets in Tools > Options > LibreOffice Writer > Mail Merge E-mail.
void configureMailMerge(std::initializer_list<std::pair<const char*, uno::Any>> values)
{
    const uno::Reference<uno::XComponentContext>& context = office().context();
    const uno::Reference<lang::XMultiServiceFactory> provider(
        context->getServiceManager()->createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", context),
        uno::UNO_QUERY_THROW);
    const uno::Sequence<uno::Any> arguments = sequenceOf<uno::Any>({uno::Any(beans::NamedValue(
        "nodepath", uno::Any(OUString("/org.openoffice.Office.Writer/MailMergeWizard"))))});
    const uno::Reference<container::XNameReplace> node(
        provider->createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess", arguments),
        uno::UNO_QUERY_THROW);
    for (const auto& [name, value] : values)
        node->replaceByName(OUString::createFromAscii(name), value);
    uno::Reference<util::XChangesBatch>(node, uno::UNO_QUERY_THROW)->commitChanges();
}

struct Login
{
    bool authentication = false;
    std::string user;
    std::string password;
};

void configureServer(const std::string& host, int port, const Login& login = Login())
{
    configureMailMerge({
        {"MailServer", uno::Any(ustr(host))},
        // xs:short: a port above 32767 is stored as Writer would store it, negative.
        {"MailPort", uno::Any(static_cast<sal_Int16>(static_cast<uint16_t>(port)))},
        {"IsSecureConnection", uno::Any(false)},
        {"IsAuthentication", uno::Any(login.authentication)},
        {"IsSMPTAfterPOP", uno::Any(false)},
        {"MailUserName", uno::Any(ustr(login.user))},
        {"MailPassword", uno::Any(ustr(login.password))},
        {"MailAddress", uno::Any(OUString("compta@relance-test.fr"))},
        {"MailDisplayName", uno::Any(ustr("Service comptabilité"))},
        {"IsMailReplyTo", uno::Any(true)},
        {"MailReplyTo", uno::Any(OUString("recouvrement@relance-test.fr"))},
    });
}

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
