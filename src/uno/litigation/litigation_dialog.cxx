// The litigation file dialog: it only collects the customer, the date and the folder, and
// shows the claim the core computes; the file is LitigationFileBuilder's, as the silent
// command's.
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XDialogEventHandler.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <cppuhelper/implbase1.hxx>
#include <rtl/ref.hxx>

#include "core/calendar/date_text.hxx"
#include "core/common/input_error.hxx"
#include "uno/common/dialog_window.hxx"
#include "uno/functions/any_convert.hxx"
#include "uno/litigation/litigation_file.hxx"

using namespace css;

namespace relance::addin
{
namespace
{

class LitigationDialogHandler : public cppu::WeakImplHelper1<awt::XDialogEventHandler>
{
public:
    LitigationDialogHandler(LitigationFileBuilder& builder, LitigationRequest request)
        : builder_(builder), request_(std::move(request))
    {
    }

    void attach(const uno::Reference<awt::XDialog>& dialog)
    {
        controls_.set(dialog, uno::UNO_QUERY_THROW);
        if (request_.asOf)
            text("AsOf")->setText(fromUtf8(toIsoString(*request_.asOf)));
        text("OutputDir")->setText(fromUtf8(request_.outputDir));
        fillCustomers();
        // A customer whose file cannot be built (no legal name…) is said in the preview: the
        // dialog stays open for another choice.
        explainingFailures([&] { showPreview(); },
                           [&](const OUString& message) { text("PreviewText")->setText(message); },
                           request_.language);
    }

    sal_Bool SAL_CALL callHandlerMethod(const uno::Reference<awt::XDialog>&, const uno::Any&,
                                        const OUString& method) override
    {
        if (!method.equalsAscii(kLitigationHandlers[0]))
            return false;
        explainingFailures([&] { showPreview(); },
                           [&](const OUString& message) { text("PreviewText")->setText(message); },
                           request_.language);
        return true;
    }
    uno::Sequence<OUString> SAL_CALL getSupportedMethodNames() override
    {
        return sequenceOf<OUString>({OUString::createFromAscii(kLitigationHandlers[0])});
    }

    LitigationRequest collect() const
    {
        LitigationRequest request = request_;
        const sal_Int16 chosen = list()->getSelectedItemPos();
        request.customer = chosen >= 0 && static_cast<std::size_t>(chosen) < customers_.size()
                               ? customers_[static_cast<std::size_t>(chosen)]
                               : std::string();
        request.outputDir = toUtf8(text("OutputDir")->getText().trim());
        const std::string asOf = toUtf8(text("AsOf")->getText().trim());
        request.asOf.reset();
        if (!asOf.empty())
        {
            request.asOf = parseDateText(asOf);
            if (!request.asOf)
                throw InputError(
                    "the date \"" + asOf +
                        "\" is not a date: type it as 30/06/2026, "
                        "or leave it blank for the dashboard's",
                    "la date « " + asOf +
                        " » n'est pas une date : tapez-la ainsi "
                        "30/06/2026, ou laissez-la vide pour celle du tableau de bord");
        }
        return request;
    }

private:
    uno::Reference<awt::XTextComponent> text(const char* name) const
    {
        return uno::Reference<awt::XTextComponent>(
            controls_->getControl(OUString::createFromAscii(name)), uno::UNO_QUERY_THROW);
    }
    uno::Reference<awt::XListBox> list() const
    {
        return uno::Reference<awt::XListBox>(controls_->getControl("Customer"),
                                             uno::UNO_QUERY_THROW);
    }

    void fillCustomers()
    {
        LitigationRequest request = request_;
        const auto candidates = builder_.candidates(request);
        std::vector<OUString> items;
        sal_Int16 selected = candidates.empty() ? -1 : 0;
        for (const LitigationCandidate& candidate : candidates)
        {
            if (candidate.customer == request_.customer)
                selected = static_cast<sal_Int16>(items.size());
            customers_.push_back(candidate.customer);
            items.push_back(fromUtf8(describe(candidate, request_.language)));
        }
        list()->addItems(
            uno::Sequence<OUString>(items.data(), static_cast<sal_Int32>(items.size())), 0);
        if (selected >= 0)
            list()->selectItemPos(selected, true);
    }

    void showPreview()
    {
        const LitigationRequest request = collect();
        if (request.customer.empty())
        {
            text("PreviewText")
                ->setText(fromUtf8(request_.language == Language::French
                                       ? "Aucun client ne doit rien d'échu : pas de dossier à "
                                         "préparer."
                                       : "No customer owes anything due: no file to prepare."));
            return;
        }
        text("PreviewText")->setText(fromUtf8(builder_.preview(request)));
    }

    LitigationFileBuilder& builder_;
    LitigationRequest request_;
    uno::Reference<awt::XControlContainer> controls_;
    std::vector<std::string> customers_;
};

} // namespace

OUString runLitigationDialog(const uno::Reference<uno::XComponentContext>& context,
                             const uno::Reference<frame::XFrame>& frame,
                             LitigationFileBuilder& builder, LitigationRequest request)
{
    const rtl::Reference<LitigationDialogHandler> handler(
        new LitigationDialogHandler(builder, request));
    const uno::Reference<awt::XDialog> dialog =
        createExtensionDialog(context, frame, kLitigationDialogUrl, handler.get());
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
            const LitigationRequest chosen = handler->collect();
            const OUString report = fromUtf8(builder.build(chosen).summary(chosen.language));
            dispose();
            showMessage(context, frame, report);
            return report;
        }
        catch (const InputError& error)
        {
            // Nothing was written: say why (a legal name missing…) and let the user choose.
            showMessage(context, frame, fromUtf8(error.message(request.language)));
        }
    }
}

} // namespace relance::addin
