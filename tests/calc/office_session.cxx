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
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <cppuhelper/bootstrap.hxx>
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

} // namespace

std::string fileUrl(const std::string& path)
{
    return "file://" + fs::absolute(path).lexically_normal().string();
}

OfficeSession::OfficeSession(const OfficeOptions& options)
{
    const fs::path profile = fs::absolute(options.profileDir);
    profileDir_ = profile.string();
    std::vector<std::string> prepare = {options.sourceDir + "/scripts/prepare-profile",
                                        profile.string(), options.uiLanguage};
    if (!options.extension.empty())
        prepare.push_back(options.extension);
    if (const int status = runAndWait(prepare); status != 0)
        throw std::runtime_error("scripts/prepare-profile failed with status " +
                                 std::to_string(status));
    const std::string userInstallation = "-env:UserInstallation=" + fileUrl(profile.string());

    const std::string pipe = "relance_test_" + std::to_string(getpid());
    std::vector<std::string> command = {options.programDir + "/soffice"};
    if (options.headless)
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
                throw std::runtime_error("soffice exited before accepting connections");
            }
            if (std::chrono::steady_clock::now() > deadline)
                throw std::runtime_error("soffice did not accept a connection in time");
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
        }
    }
    desktop_ = frame::Desktop::create(context_);
}

OfficeSession::~OfficeSession()
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
    if (office_ > 0)
    {
        for (int i = 0; i < 100; ++i)
        {
            int status = 0;
            if (waitpid(office_, &status, WNOHANG) == office_)
                return;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        kill(office_, SIGKILL);
        waitpid(office_, nullptr, 0);
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
