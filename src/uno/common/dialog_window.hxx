// The extension's windows over a document: its dialogs (.xdl files in the package) and its
// message boxes, parented to the document's window so they stay in front of it.
#pragma once

#include "uno/common/uno_basics.hxx"

#include <exception>

#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XDialogEventHandler.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include "uno/functions/any_convert.hxx"
#include "core/common/input_error.hxx"

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

// What a failure of an unknown kind is called, since it brings no message of its own.
inline OUString unexpectedFailure(Language language)
{
    return fromUtf8(language == Language::French ? "erreur inattendue" : "unexpected error");
}

// For a dialog's handler methods: runs `action`, and a failure is shown by `explain` (in the
// dialog itself) instead of leaving the UNO method, which would end the office.
template <typename Action, typename Explain>
void explainingFailures(const Action& action, const Explain& explain, Language language) noexcept
{
    const auto tell = [&](const OUString& message)
    {
        try
        {
            explain(message);
        }
        catch (...)
        {
            // The dialog is gone: nobody to tell.
        }
    };
    try
    {
        action();
    }
    catch (const InputError& error)
    {
        tell(fromUtf8(error.message(language)));
    }
    catch (const css::uno::Exception& error)
    {
        tell(error.Message);
    }
    catch (const std::exception& error)
    {
        tell(fromUtf8(error.what()));
    }
    catch (...)
    {
        tell(unexpectedFailure(language));
    }
}

} // namespace relance::addin
