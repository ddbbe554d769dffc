// The FEC import dialog: it only collects the file, the default terms and the as-of date, and
// shows the preview the core computes; the import is FecImporter's, as the silent command's.
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XDialogEventHandler.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <cppuhelper/implbase1.hxx>
#include <rtl/ref.hxx>

#include "core/calendar/date_text.hxx"
#include "core/common/input_error.hxx"
#include "uno/common/dialog_window.hxx"
#include "uno/fec/fec_import.hxx"
#include "uno/functions/any_convert.hxx"

using namespace css;

namespace relance::addin
{
namespace
{

class FecDialogHandler : public cppu::WeakImplHelper1<awt::XDialogEventHandler>
{
public:
    FecDialogHandler(FecImporter& importer, FecImportRequest request)
        : importer_(importer), request_(std::move(request))
    {
    }

    void attach(const uno::Reference<awt::XDialog>& dialog)
    {
        controls_.set(dialog, uno::UNO_QUERY_THROW);
        text("File")->setText(fromUtf8(request_.file));
        text("DefaultTerms")
            ->setText(fromUtf8(request_.defaultTerms.value_or(
                request_.language == Language::French ? "30 jours" : "30 days")));
        if (request_.asOf)
            text("AsOf")->setText(fromUtf8(toIsoString(*request_.asOf)));
        // A file that cannot be read is said in the preview: the dialog stays open.
        explainingFailures([&] { showPreview(); },
                           [&](const OUString& message) { text("PreviewText")->setText(message); },
                           request_.language);
    }

    sal_Bool SAL_CALL callHandlerMethod(const uno::Reference<awt::XDialog>&, const uno::Any&,
                                        const OUString& method) override
    {
        if (!method.equalsAscii(kImportFecHandlers[0]))
            return false;
        explainingFailures([&] { showPreview(); },
                           [&](const OUString& message) { text("PreviewText")->setText(message); },
                           request_.language);
        return true;
    }
    uno::Sequence<OUString> SAL_CALL getSupportedMethodNames() override
    {
        return sequenceOf<OUString>({OUString::createFromAscii(kImportFecHandlers[0])});
    }

    FecImportRequest collect() const
    {
        FecImportRequest request = request_;
        request.file = toUtf8(text("File")->getText().trim());
        const std::string terms = toUtf8(text("DefaultTerms")->getText().trim());
        request.defaultTerms.reset();
        if (!terms.empty())
            request.defaultTerms = terms;
        const std::string asOf = toUtf8(text("AsOf")->getText().trim());
        request.asOf.reset();
        if (!asOf.empty())
        {
            request.asOf = parseDateText(asOf);
            if (!request.asOf)
                throw InputError("the as-of date \"" + asOf +
                                     "\" is not a date: type it as 31/12/2025, or leave it blank",
                                 "la date de situation « " + asOf +
                                     " » n'est pas une date : tapez-la ainsi 31/12/2025, ou "
                                     "laissez-la vide");
        }
        return request;
    }

private:
    uno::Reference<awt::XTextComponent> text(const char* name) const
    {
        return uno::Reference<awt::XTextComponent>(
            controls_->getControl(OUString::createFromAscii(name)), uno::UNO_QUERY_THROW);
    }

    void showPreview()
    {
        const FecImportRequest request = collect();
        if (request.file.empty())
        {
            text("PreviewText")
                ->setText(fromUtf8(request_.language == Language::French
                                       ? "Choisissez le fichier FEC exporté par votre "
                                         "expert-comptable (…FEC20251231.txt)."
                                       : "Choose the FEC file your accountant exported "
                                         "(…FEC20251231.txt)."));
            return;
        }
        text("PreviewText")->setText(fromUtf8(importer_.preview(request)));
    }

    FecImporter& importer_;
    FecImportRequest request_;
    uno::Reference<awt::XControlContainer> controls_;
};

} // namespace

OUString runFecDialog(const uno::Reference<uno::XComponentContext>& context,
                      const uno::Reference<frame::XFrame>& frame, FecImporter& importer,
                      FecImportRequest request)
{
    const rtl::Reference<FecDialogHandler> handler(new FecDialogHandler(importer, request));
    const uno::Reference<awt::XDialog> dialog =
        createExtensionDialog(context, frame, kImportFecDialogUrl, handler.get());
    const auto dispose = [&]
    { uno::Reference<lang::XComponent>(dialog, uno::UNO_QUERY_THROW)->dispose(); };
    try
    {
        handler->attach(dialog);
    }
    catch (...)
    {
        dispose();
        throw;
    }
    for (;;)
    {
        if (dialog->execute() != 1)
        {
            dispose();
            return OUString();
        }
        try
        {
            const FecImportRequest chosen = handler->collect();
            const OUString report = fromUtf8(importer.import(chosen));
            dispose();
            showMessage(context, frame, report);
            return report;
        }
        catch (const InputError& error)
        {
            // Nothing was written: say why and let the user correct the choices.
            showMessage(context, frame, fromUtf8(error.message(request.language)));
        }
    }
}

} // namespace relance::addin
