#include "office_session.hxx"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <thread>
#include <vector>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/bridge/UnoUrlResolver.hpp>
#include <com/sun/star/connection/NoConnectException.hpp>
#include <com/sun/star/deployment/ExtensionManager.hpp>
#include <com/sun/star/deployment/XPackage.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/task/XInteractionAbort.hpp>
#include <com/sun/star/task/XInteractionApprove.hpp>
#include <com/sun/star/task/XInteractionHandler.hpp>
#include <com/sun/star/ucb/XCommandEnvironment.hpp>
#include <com/sun/star/ucb/XProgressHandler.hpp>
#include <cppuhelper/bootstrap.hxx>
#include <cppuhelper/implbase3.hxx>
#include <rtl/ref.hxx>
#include <rtl/uri.hxx>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace css;
namespace fs = std::filesystem;

extern char** environ;

namespace
{

pid_t spawn(const std::vector<std::string>& arguments)
{
    std::vector<char*> argv;
    for (const std::string& argument : arguments)
        argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    pid_t pid = -1;
    if (posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0)
        throw std::runtime_error("cannot start " + arguments[0]);
    return pid;
}

int runAndWait(const std::vector<std::string>& arguments)
{
    const pid_t pid = spawn(arguments);
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string utf8(const OUString& text)
{
    return OUStringToOString(text, RTL_TEXTENCODING_UTF8).getStr();
}

// What `unopkg add -f -s` answers on the user's behalf: the licence accepted (-s), an older or
// equal version replaced (-f). A request that offers no approval (an error) is aborted, and its
// message kept to say why the installation failed.
class ApprovingEnvironment
    : public cppu::WeakImplHelper3<ucb::XCommandEnvironment, task::XInteractionHandler,
                                   ucb::XProgressHandler>
{
public:
    // XCommandEnvironment
    uno::Reference<task::XInteractionHandler> SAL_CALL getInteractionHandler() override
    {
        return this;
    }
    uno::Reference<ucb::XProgressHandler> SAL_CALL getProgressHandler() override { return this; }

    // XInteractionHandler
    void SAL_CALL handle(const uno::Reference<task::XInteractionRequest>& request) override
    {
        uno::Reference<task::XInteractionContinuation> approve, abort;
        for (const uno::Reference<task::XInteractionContinuation>& continuation :
             request->getContinuations())
        {
            if (uno::Reference<task::XInteractionApprove>(continuation, uno::UNO_QUERY).is())
                approve = continuation;
            else if (uno::Reference<task::XInteractionAbort>(continuation, uno::UNO_QUERY).is())
                abort = continuation;
        }
        if (approve.is())
            return approve->select();
        uno::Exception problem;
        if (request->getRequest() >>= problem)
            problems_ += (problems_.empty() ? "" : "; ") + utf8(problem.Message);
        if (abort.is())
            abort->select();
    }

    // XProgressHandler
    void SAL_CALL push(const uno::Any&) override {}
    void SAL_CALL update(const uno::Any&) override {}
    void SAL_CALL pop() override {}

    const std::string& problems() const { return problems_; }

private:
    std::string problems_;
};

} // namespace

std::string fileUrl(const std::string& path)
{
    return "file://" + fs::absolute(path).lexically_normal().string();
}

OfficeSession::OfficeSession(const OfficeOptions& options) : options_(options)
{
    const fs::path profile = fs::absolute(options.profileDir).lexically_normal();
    profileDir_ = profile.string();
    const std::string prepare = options.sourceDir + "/scripts/prepare-profile";
    if (const int status = runAndWait({prepare, profileDir_, options.uiLanguage}); status != 0)
        throw std::runtime_error("preparing the LibreOffice profile " + profileDir_ + " failed (" +
                                 prepare + ", exit status " + std::to_string(status) +
                                 "): see its message above");
    if (!options.extension.empty())
    {
        // Installed by the office's own extension manager, as the user running the tests: no
        // other account needs to read the profile or the .oxt (unopkg refuses root's user
        // installs). The office is then started again, so that the add-in, the menu and the
        // commands are registered from start-up as in a user's office.
        std::error_code unreadable;
        if (!fs::is_regular_file(options.extension, unreadable))
            throw std::runtime_error("installing the extension " + options.extension +
                                     " failed: no such file; build it first (scripts/run builds "
                                     "build/relance.oxt)");
        try
        {
            start(true);
            installExtension(options.extension);
        }
        catch (...)
        {
            stop(); // a constructor that throws runs no destructor
            throw;
        }
        stop();
    }
    start(options.headless);
}

OfficeSession::~OfficeSession()
{
    stop();
}

void OfficeSession::start(bool headless)
{
    const std::string userInstallation = "-env:UserInstallation=" + fileUrl(profileDir_);
    static int starts = 0; // one pipe per start: the previous office may still be closing its own
    const std::string pipe =
        "relance_test_" + std::to_string(getpid()) + "_" + std::to_string(++starts);
    const std::string soffice = options_.programDir + "/soffice";
    std::vector<std::string> command = {soffice};
    if (headless)
        command.insert(command.end(), {"--headless", "--invisible"});
    command.insert(command.end(),
                   {"--nologo", "--norestore", "--nodefault", "--nolockcheck",
                    "--nofirststartwizard", userInstallation,
                    "--accept=pipe,name=" + pipe + ";urp;StarOffice.ComponentContext"});
    office_ = spawn(command);

    const uno::Reference<uno::XComponentContext> local =
        cppu::defaultBootstrap_InitialComponentContext();
    const uno::Reference<bridge::XUnoUrlResolver> resolver = bridge::UnoUrlResolver::create(local);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (!context_.is())
    {
        try
        {
            context_.set(
                resolver->resolve("uno:pipe,name=" + OUString::createFromAscii(pipe.c_str()) +
                                  ";urp;StarOffice.ComponentContext"),
                uno::UNO_QUERY_THROW);
        }
        catch (const connection::NoConnectException&)
        {
            int status = 0;
            if (waitpid(office_, &status, WNOHANG) == office_)
            {
                office_ = -1;
                throw std::runtime_error(soffice +
                                         " exited before accepting connections, on the "
                                         "profile " +
                                         profileDir_ + ": check that LibreOffice starts there");
            }
            if (std::chrono::steady_clock::now() > deadline)
                throw std::runtime_error(soffice +
                                         " did not accept a connection within 120 s, "
                                         "on the profile " +
                                         profileDir_);
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
        }
    }
    desktop_ = frame::Desktop::create(context_);
}

void OfficeSession::stop()
{
    try
    {
        if (desktop_.is())
            desktop_->terminate();
    }
    catch (const uno::Exception&)
    {
        // The office drops the bridge while terminating.
    }
    desktop_.clear();
    context_.clear();
    if (office_ > 0)
    {
        for (int i = 0; i < 100; ++i)
        {
            int status = 0;
            if (waitpid(office_, &status, WNOHANG) == office_)
            {
                office_ = -1;
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        kill(office_, SIGKILL);
        waitpid(office_, nullptr, 0);
        office_ = -1;
    }
}

void OfficeSession::installExtension(const std::string& extension)
{
    const std::string failed =
        "installing the extension " + extension + " into the profile " + profileDir_ + " failed: ";
    const rtl::Reference<ApprovingEnvironment> environment(new ApprovingEnvironment);
    const uno::Reference<ucb::XCommandEnvironment> commandEnvironment(environment.get());
    try
    {
        const uno::Reference<deployment::XExtensionManager> manager =
            deployment::ExtensionManager::get(context_);
        const uno::Reference<deployment::XPackage> package =
            manager->addExtension(OUString::createFromAscii(fileUrl(extension).c_str()), {}, "user",
                                  manager->createAbortChannel(), commandEnvironment);
        if (!package.is())
            throw std::runtime_error(failed + "the extension manager refused it" +
                                     (environment->problems().empty()
                                          ? std::string()
                                          : " (" + environment->problems() + ")"));
    }
    catch (const uno::Exception& error)
    {
        throw std::runtime_error(failed + utf8(error.Message) +
                                 (environment->problems().empty()
                                      ? std::string()
                                      : " (" + environment->problems() + ")"));
    }
}

uno::Reference<lang::XComponent> OfficeSession::newSpreadsheet() const
{
    const uno::Sequence<beans::PropertyValue> arguments = sequenceOf<beans::PropertyValue>(
        {beans::PropertyValue("Hidden", 0, uno::Any(true), beans::PropertyState_DIRECT_VALUE)});
    return desktop_->loadComponentFromURL("private:factory/scalc", "_blank", 0, arguments);
}

uno::Reference<lang::XComponent> OfficeSession::load(const std::string& path) const
{
    // A copy: the original stays untouched and another office's lock on it cannot block us.
    const fs::path copy = fs::path(profileDir_) / "documents" / fs::path(path).filename();
    fs::create_directories(copy.parent_path());
    fs::copy_file(path, copy, fs::copy_options::overwrite_existing);
    const uno::Sequence<beans::PropertyValue> arguments = sequenceOf<beans::PropertyValue>(
        {beans::PropertyValue("Hidden", 0, uno::Any(true), beans::PropertyState_DIRECT_VALUE)});
    const uno::Reference<lang::XComponent> document = desktop_->loadComponentFromURL(
        OUString::createFromAscii(fileUrl(copy.string()).c_str()), "_blank", 0, arguments);
    if (!document.is())
        throw std::runtime_error("cannot open " + path);
    return document;
}
