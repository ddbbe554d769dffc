// A local SMTP server for the tests: Debian's aiosmtpd, started on 127.0.0.1 (no outside
// network), which decodes each message it receives with Python's email package into files,
// so a test checks what a mail client would show; and the office's mail merge settings,
// set as a user sets them in Tools > Options > LibreOffice Writer > Mail Merge E-mail.
#pragma once

#include <arpa/inet.h>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <string>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <utility>
#include <vector>

#include <com/sun/star/container/XNameReplace.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>

#include "calc_support.hxx"
#include "uno/mail/smtp_sender.hxx"

extern char** environ;

namespace relance_test::smtp
{
namespace fs = std::filesystem;

// The receiving side: accepts every message (except to mailboxes named refuse…, refused at
// RCPT as a real server refuses an unknown mailbox) (after AUTH when a user is given) and writes
// each, decoded, into OUT/N/ (created whole by a rename, so a folder seen is complete).
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
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        # A mailbox that does not exist, as a real server answers it.
        if address.startswith('refuse'):
            return '550 5.1.1 <%s>: mailbox unavailable' % address
        envelope.rcpt_tos.append(address)
        return '250 OK'
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

inline std::string fileBytes(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A port nothing listens on (the kernel's pick, released at once).
inline int freePort()
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

inline bool accepts(int port)
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
    std::string operator[](const std::string& file) const { return fileBytes(folder / file); }
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
inline void configureMailMerge(std::initializer_list<std::pair<const char*, uno::Any>> values)
{
    const uno::Reference<container::XNameReplace> node(
        relance::addin::mailMergeSettingsNode(office().context(), true), uno::UNO_QUERY_THROW);
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

inline void configureServer(const std::string& host, int port, const Login& login = Login())
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

} // namespace relance_test::smtp
