// The progress of a long run in a window of its own, with a Stop button (dialogs/Progress.xdl).
// It is shown without blocking; each step updates it and lets the office handle what is
// pending (the click on Stop, repaints), so the run stays responsive and can be stopped.
#pragma once

#include <array>
#include <atomic>
#include <string>

#include "uno/common/uno_basics.hxx"

#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XReschedule.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <rtl/ref.hxx>

namespace relance::addin
{

// Handler methods named in dialogs/Progress.xdl (a test checks the two agree).
inline constexpr std::array<const char*, 1> kProgressHandlers = {"onStop"};
inline constexpr const char* kProgressDialogUrl =
    "vnd.sun.star.extension://fr.relance.calc/dialogs/Progress.xdl";

class StopButtonHandler;
class CloseVeto;

class ProgressDialog
{
public:
    // Without a window (headless) the dialog is simply absent: step() always continues.
    ProgressDialog(const css::uno::Reference<css::uno::XComponentContext>& context,
                   const css::uno::Reference<css::frame::XFrame>& frame);
    ~ProgressDialog();
    ProgressDialog(const ProgressDialog&) = delete;
    ProgressDialog& operator=(const ProgressDialog&) = delete;

    // Shows `done` of `total` and the status line; false once the user pressed Stop.
    bool step(std::size_t done, std::size_t total, const std::string& status);

private:
    rtl::Reference<StopButtonHandler> handler_;
    // The user's events are let through between two steps: meanwhile the document's window
    // takes no input and the document refuses to close, so nothing pulls it from under the run.
    css::uno::Reference<css::awt::XWindow> documentWindow_;
    rtl::Reference<CloseVeto> closeVeto_;
    css::uno::Reference<css::util::XCloseable> closeable_;
    css::uno::Reference<css::awt::XDialog> dialog_;
    css::uno::Reference<css::awt::XControlContainer> controls_;
    css::uno::Reference<css::awt::XReschedule> reschedule_;
};

} // namespace relance::addin
