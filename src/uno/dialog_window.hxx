// The extension's windows over a document: its dialogs (.xdl files in the package) and its
// message boxes, parented to the document's window so they stay in front of it.
#pragma once

#include "uno_basics.hxx"

#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XDialogEventHandler.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace relance::addin
{

// The dialog at url (vnd.sun.star.extension://…), its events (buttons' handler methods) going
// to handler. Not yet executed.
css::uno::Reference<css::awt::XDialog>
createExtensionDialog(const css::uno::Reference<css::uno::XComponentContext>& context,
                      const css::uno::Reference<css::frame::XFrame>& frame, const char* url,
                      const css::uno::Reference<css::awt::XDialogEventHandler>& handler);

// A modal message box; does nothing headless (a command's result listener has the message).
void showMessage(const css::uno::Reference<css::uno::XComponentContext>& context,
                 const css::uno::Reference<css::frame::XFrame>& frame, const OUString& message);

} // namespace relance::addin
