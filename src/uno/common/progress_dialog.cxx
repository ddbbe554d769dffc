#include "uno/common/progress_dialog.hxx"

#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XDialogEventHandler.hpp>
#include <com/sun/star/awt/XFixedText.hpp>
#include <com/sun/star/awt/XProgressBar.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/util/CloseVetoException.hpp>
#include <com/sun/star/util/XCloseListener.hpp>
#include <cppuhelper/implbase1.hxx>

#include "uno/functions/any_convert.hxx"
#include "uno/common/dialog_window.hxx"

using namespace css;

namespace relance::addin
{

class StopButtonHandler : public cppu::WeakImplHelper1<awt::XDialogEventHandler>
{
public:
    sal_Bool SAL_CALL callHandlerMethod(const uno::Reference<awt::XDialog>&, const uno::Any&,
                                        const OUString& method) override
    {
        if (!method.equalsAscii(kProgressHandlers[0]))
            return false;
        stopped.store(true);
        return true;
    }
    uno::Sequence<OUString> SAL_CALL getSupportedMethodNames() override
    {
        return sequenceOf<OUString>({OUString::createFromAscii(kProgressHandlers[0])});
    }

    // Set by the click, possibly from another thread (an accessibility client).
    std::atomic<bool> stopped{false};
};

class CloseVeto : public cppu::WeakImplHelper1<util::XCloseListener>
{
public:
    void SAL_CALL queryClosing(const lang::EventObject&, sal_Bool) override
    {
        throw util::CloseVetoException("Relance is writing the reminders", {});
    }
    void SAL_CALL notifyClosing(const lang::EventObject&) override {}
    void SAL_CALL disposing(const lang::EventObject&) override {}
};

ProgressDialog::ProgressDialog(const uno::Reference<uno::XComponentContext>& context,
                               const uno::Reference<frame::XFrame>& frame)
    : handler_(new StopButtonHandler)
{
    try
    {
        documentWindow_ = frame->getContainerWindow();
        if (documentWindow_.is())
            documentWindow_->setEnable(false);
        closeable_.set(frame->getController()->getModel(), uno::UNO_QUERY);
        if (closeable_.is())
        {
            closeVeto_ = new CloseVeto;
            closeable_->addCloseListener(closeVeto_.get());
        }
    }
    catch (const uno::Exception&)
    {
    }
    try
    {
        reschedule_.set(awt::Toolkit::create(context), uno::UNO_QUERY);
        dialog_ = createExtensionDialog(context, frame, kProgressDialogUrl, handler_.get());
        controls_.set(dialog_, uno::UNO_QUERY_THROW);
        uno::Reference<awt::XWindow>(dialog_, uno::UNO_QUERY_THROW)->setVisible(true);
    }
    catch (const uno::Exception&)
    {
        // No window to show it in: the run goes on with the status bar alone.
        dialog_.clear();
        controls_.clear();
    }
}

ProgressDialog::~ProgressDialog()
{
    try
    {
        if (dialog_.is())
            uno::Reference<lang::XComponent>(dialog_, uno::UNO_QUERY_THROW)->dispose();
    }
    catch (const uno::Exception&)
    {
    }
    try
    {
        if (closeable_.is() && closeVeto_.is())
            closeable_->removeCloseListener(closeVeto_.get());
        if (documentWindow_.is())
            documentWindow_->setEnable(true);
    }
    catch (const uno::Exception&)
    {
    }
}

bool ProgressDialog::step(std::size_t done, std::size_t total, const std::string& status)
{
    try
    {
        if (controls_.is())
        {
            const uno::Reference<awt::XProgressBar> bar(controls_->getControl("Bar"),
                                                        uno::UNO_QUERY);
            if (bar.is())
            {
                bar->setRange(0, static_cast<sal_Int32>(total));
                bar->setValue(static_cast<sal_Int32>(done));
            }
            const uno::Reference<awt::XFixedText> line(controls_->getControl("Status"),
                                                       uno::UNO_QUERY);
            if (line.is())
                line->setText(fromUtf8(status));
        }
        // XReschedule is the published way to let the main loop run (the toolkit implements
        // it; its successor, XToolkitExperimental, is not published).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
        if (reschedule_.is())
            reschedule_->reschedule();
#pragma GCC diagnostic pop
    }
    catch (const uno::Exception&)
    {
        // A window that can no longer be drawn does not stop the run.
    }
    return !handler_->stopped.load();
}

} // namespace relance::addin
