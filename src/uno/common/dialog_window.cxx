#include "uno/common/dialog_window.hxx"

#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XDialogProvider2.hpp>
#include <com/sun/star/awt/XMessageBox.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>

using namespace css;

namespace relance::addin
{

namespace
{

uno::Reference<awt::XWindowPeer> parentPeer(const uno::Reference<frame::XFrame>& frame)
{
    return frame.is()
               ? uno::Reference<awt::XWindowPeer>(frame->getContainerWindow(), uno::UNO_QUERY)
               : uno::Reference<awt::XWindowPeer>();
}

} // namespace

uno::Reference<awt::XDialog>
createExtensionDialog(const uno::Reference<uno::XComponentContext>& context,
                      const uno::Reference<frame::XFrame>& frame, const char* url,
                      const uno::Reference<awt::XDialogEventHandler>& handler)
{
    // LibreOffice 7.4's dialog provider takes the document model as its only setup argument;
    // the parent window and the handler go with the dialog itself.
    const uno::Reference<awt::XDialogProvider2> provider(
        context->getServiceManager()->createInstanceWithArgumentsAndContext(
            "com.sun.star.awt.DialogProvider2",
            sequenceOf<uno::Any>({uno::Any(frame->getController()->getModel())}), context),
        uno::UNO_QUERY_THROW);
    return provider->createDialogWithArguments(
        OUString::createFromAscii(url),
        sequenceOf<beans::NamedValue>(
            {beans::NamedValue("ParentWindow", uno::Any(parentPeer(frame))),
             beans::NamedValue("EventHandler", uno::Any(handler))}));
}

void showMessage(const uno::Reference<uno::XComponentContext>& context,
                 const uno::Reference<frame::XFrame>& frame, const OUString& message)
{
    try
    {
        const uno::Reference<awt::XMessageBoxFactory> factory(awt::Toolkit::create(context),
                                                              uno::UNO_QUERY_THROW);
        const uno::Reference<awt::XMessageBox> box = factory->createMessageBox(
            parentPeer(frame), awt::MessageBoxType_INFOBOX, 1, "Relance", message);
        box->execute();
    }
    catch (const uno::Exception&)
    {
        // Headless: no window to show it in; the result listener got the message already.
    }
}

} // namespace relance::addin
