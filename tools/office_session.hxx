// A LibreOffice started for the tests, the run command and the benchmarks: a fresh profile made
// by scripts/prepare-profile, the extension installed by the office's own extension manager, the
// office reached over a named pipe.
#pragma once

#include <string>

#include "uno/common/uno_basics.hxx"

#include <com/sun/star/frame/XDesktop2.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <sys/types.h>

struct OfficeOptions
{
    std::string sourceDir;  // the repository, for scripts/prepare-profile
    std::string programDir; // /usr/lib/libreoffice/program
    std::string profileDir; // wiped and recreated
    std::string extension;  // .oxt to install, empty for none
    std::string uiLanguage; // "en-US" or "fr-FR"
    bool headless = true;   // false: windows on $DISPLAY (the GUI tests, under Xvfb)
};

class OfficeSession
{
public:
    explicit OfficeSession(const OfficeOptions& options);
    ~OfficeSession();
    OfficeSession(const OfficeSession&) = delete;
    OfficeSession& operator=(const OfficeSession&) = delete;

    const css::uno::Reference<css::uno::XComponentContext>& context() const { return context_; }
    const css::uno::Reference<css::frame::XDesktop2>& desktop() const { return desktop_; }

    css::uno::Reference<css::lang::XComponent> newSpreadsheet() const;
    css::uno::Reference<css::lang::XComponent> load(const std::string& path) const;

private:
    void start(bool headless);
    void stop();
    void installExtension(const std::string& extension);

    OfficeOptions options_;
    pid_t office_ = -1;
    std::string profileDir_;
    css::uno::Reference<css::uno::XComponentContext> context_;
    css::uno::Reference<css::frame::XDesktop2> desktop_;
};

std::string fileUrl(const std::string& path);
