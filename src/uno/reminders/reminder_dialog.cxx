#include "uno/reminders/reminder_dialog.hxx"

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>

#include <com/sun/star/awt/XCheckBox.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XDialogEventHandler.hpp>
#include <com/sun/star/awt/XFixedText.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <cppuhelper/implbase1.hxx>
#include <osl/file.hxx>
#include <rtl/ref.hxx>

#include "uno/functions/any_convert.hxx"
#include "uno/common/dialog_window.hxx"
#include "core/common/input_error.hxx"
#include "core/ledger/ledger_preview.hxx"
#include "uno/common/progress_dialog.hxx"
#include "core/common/text_fold.hxx"

using namespace css;

namespace relance::addin
{

namespace
{

class ReminderDialogHandler : public cppu::WeakImplHelper1<awt::XDialogEventHandler>
{
public:
    ReminderDialogHandler(const uno::Reference<uno::XComponentContext>& context,
                          ReminderGenerator& generator, ReminderRequest request)
        : context_(context), generator_(generator), request_(std::move(request))
    {
    }

    void attach(const uno::Reference<awt::XDialog>& dialog)
    {
        controls_.set(dialog, uno::UNO_QUERY_THROW);
        const bool fr = request_.language == Language::French;
        uno::Sequence<OUString> levels(4);
        for (int level = 0; level < 4; ++level)
            levels.getArray()[level] =
                fromUtf8(levelName(static_cast<ReminderLevel>(level), request_.language));
        list("OverrideLevel")->addItems(levels, 0);
        list("OverrideLevel")->selectItemPos(1, true);
        // A first run has no history, only lateness: propose the levels it calls for, for the
        // user to confirm or untick.
        request_.startFromLateness = !generator_.hasHistory(request_);
        checkBox("FromLateness")->setState(request_.startFromLateness ? 1 : 0);
        refresh();
        const uno::Reference<awt::XListBox> customers = list("Customers");
        for (sal_Int16 i = 0; i < customers->getItemCount(); ++i)
            customers->selectItemPos(i, true);
        (void)fr;
    }

    sal_Bool SAL_CALL callHandlerMethod(const uno::Reference<awt::XDialog>&, const uno::Any&,
                                        const OUString& method) override
    {
        bool known = true;
        explainingFailures(
            [&]
            {
                if (method.equalsAscii(kReminderHandlers[0]))
                    applyLevel();
                else if (method.equalsAscii(kReminderHandlers[1]))
                    preview();
                else if (method.equalsAscii(kReminderHandlers[2]))
                    applyForce();
                else if (method.equalsAscii(kReminderHandlers[3]))
                {
                    request_.startFromLateness = checked("FromLateness");
                    refresh();
                }
                else
                    known = false;
            },
            [&](const OUString& message) { text("Excluded")->setText(message); },
            request_.language);
        return known;
    }
    uno::Sequence<OUString> SAL_CALL getSupportedMethodNames() override
    {
        return sequenceOf<OUString>({OUString::createFromAscii(kReminderHandlers[0]),
                                     OUString::createFromAscii(kReminderHandlers[1]),
                                     OUString::createFromAscii(kReminderHandlers[2]),
                                     OUString::createFromAscii(kReminderHandlers[3])});
    }

    // The request as the controls describe it now: unticked customers skipped.
    ReminderRequest collect() const
    {
        ReminderRequest request = request_;
        const std::vector<bool> ticked = selection();
        for (std::size_t i = 0; i < names_.size(); ++i)
            if (i >= ticked.size() || !ticked[i])
                request.skipped.insert(foldText(names_[i]));
        request.pdf = checked("OutputPdf");
        request.odt = checked("OutputOdt");
        request.eml = checked("OutputEml");
        request.send = checked("OutputSmtp");
        request.combined = checked("OutputCombined");
        return request;
    }

private:
    uno::Reference<awt::XListBox> list(const char* name) const
    {
        return uno::Reference<awt::XListBox>(controls_->getControl(OUString::createFromAscii(name)),
                                             uno::UNO_QUERY_THROW);
    }
    uno::Reference<awt::XTextComponent> text(const char* name) const
    {
        return uno::Reference<awt::XTextComponent>(
            controls_->getControl(OUString::createFromAscii(name)), uno::UNO_QUERY_THROW);
    }
    uno::Reference<awt::XCheckBox> checkBox(const char* name) const
    {
        return uno::Reference<awt::XCheckBox>(
            controls_->getControl(OUString::createFromAscii(name)), uno::UNO_QUERY_THROW);
    }
    bool checked(const char* name) const { return checkBox(name)->getState() == 1; }

    std::vector<bool> selection() const
    {
        const uno::Reference<awt::XListBox> customers = list("Customers");
        std::vector<bool> selected(static_cast<std::size_t>(customers->getItemCount()), false);
        for (sal_Int16 position : customers->getSelectedItemsPos())
            if (position >= 0 && static_cast<std::size_t>(position) < selected.size())
                selected[static_cast<std::size_t>(position)] = true;
        return selected;
    }

    // The plan as it stands, shown line by line.
    void refresh()
    {
        const bool fr = request_.language == Language::French;
        const ReminderPlan plan = generator_.plan(request_);
        // Ticks follow the customer, not the line: a change of level or of the first-run
        // proposal can add or remove lines. A customer new to the list comes ticked.
        std::map<std::string, bool> ticks;
        {
            const std::vector<bool> selected = selection();
            for (std::size_t i = 0; i < names_.size(); ++i)
                ticks[names_[i]] = i < selected.size() && selected[i];
        }
        // The customer chosen for a level change or a preview stays chosen.
        const OUString chosen = list("OverrideCustomer")->getSelectedItem();
        const uno::Reference<awt::XListBox> customers = list("Customers");
        customers->removeItems(0, customers->getItemCount());
        list("OverrideCustomer")->removeItems(0, list("OverrideCustomer")->getItemCount());
        names_.clear();
        for (const CustomerReminder& letter : plan.letters)
        {
            // Which invoices, the oldest first; the rest in the letter and its preview.
            std::string numbers;
            for (std::size_t i = 0; i < letter.invoices.size() && i < 3; ++i)
                numbers += (i ? ", " : "") + letter.invoices[i].invoice.number;
            if (letter.invoices.size() > 3)
                numbers += "…";
            const std::string line =
                letter.customer.name + " — " + levelName(letter.level, request_.language) +
                (letter.levelFromLateness ? (fr ? " (d'après le retard)" : " (from lateness)")
                                          : std::string()) +
                " — " + std::to_string(letter.invoices.size()) +
                (fr ? " facture(s) (" : " invoice(s) (") + numbers + "), " +
                formatMoney(letter.totalBalance, request_.language) +
                (letter.totalPenalties + letter.totalIndemnities > 0
                     ? (fr ? " + pénalités et indemnités " : " + penalties and indemnities ") +
                           formatMoney(letter.totalPenalties + letter.totalIndemnities,
                                       request_.language)
                     : std::string()) +
                (letter.customer.email.empty() ? (fr ? " — e-mail manquant" : " — no e-mail")
                                               : " — " + letter.customer.email);
            customers->addItem(fromUtf8(line), customers->getItemCount());
            list("OverrideCustomer")
                ->addItem(fromUtf8(letter.customer.name), list("OverrideCustomer")->getItemCount());
            names_.push_back(letter.customer.name);
        }
        for (std::size_t i = 0; i < names_.size(); ++i)
        {
            const auto tick = ticks.find(names_[i]);
            customers->selectItemPos(static_cast<sal_Int16>(i),
                                     tick == ticks.end() || tick->second);
        }
        // A formal notice left out for a missing rate can still be lowered to reminder 2.
        for (const Exclusion& exclusion : plan.excluded)
            if (exclusion.reason == ExclusionReason::RateMissing)
                list("OverrideCustomer")
                    ->addItem(fromUtf8(exclusion.customer),
                              list("OverrideCustomer")->getItemCount());
        if (!chosen.isEmpty())
            list("OverrideCustomer")->selectItem(chosen, true);
        if (list("OverrideCustomer")->getSelectedItemPos() < 0 &&
            list("OverrideCustomer")->getItemCount() > 0)
            list("OverrideCustomer")->selectItemPos(0, true);
        std::string excluded;
        for (const Exclusion& exclusion : plan.excluded)
            excluded += describe(exclusion, request_.language) + "\n";
        text("Excluded")
            ->setText(fromUtf8(excluded.empty() ? (fr ? "Aucune." : "None.") : excluded));
        uno::Reference<awt::XFixedText>(controls_->getControl("AsOfLabel"), uno::UNO_QUERY_THROW)
            ->setText(fromUtf8((fr ? "Relances au " : "Reminders as of ") +
                               formatDate(request_.asOf.value_or(0), request_.language)));
    }

    void applyLevel()
    {
        const OUString customer = list("OverrideCustomer")->getSelectedItem();
        const sal_Int16 level = list("OverrideLevel")->getSelectedItemPos();
        if (customer.isEmpty() || level < 0)
            return;
        // A level that cannot be planned (a half-year's rate missing) is not kept.
        const ReminderRequest before = request_;
        request_.levelOverride[foldText(toUtf8(customer))] = static_cast<ReminderLevel>(level);
        try
        {
            refresh();
        }
        catch (...)
        {
            request_ = before;
            throw;
        }
    }

    // Forcing brings back the customers left out for timing (already reminded today, too
    // recent): the list is planned again, and they come ticked.
    void applyForce()
    {
        // Planning what forcing brings back can fail (a half-year's rate missing): then the
        // request and the box go back as they were.
        const bool wasForced = request_.force;
        request_.force = checked("Force");
        const std::vector<std::string> listed = names_;
        const std::vector<bool> ticked = selection();
        try
        {
            refresh();
        }
        catch (...)
        {
            request_.force = wasForced;
            uno::Reference<awt::XCheckBox>(controls_->getControl("Force"), uno::UNO_QUERY_THROW)
                ->setState(wasForced ? 1 : 0);
            throw;
        }
        const uno::Reference<awt::XListBox> customers = list("Customers");
        for (std::size_t i = 0; i < names_.size(); ++i)
        {
            const auto was = std::find(listed.begin(), listed.end(), names_[i]);
            const bool tick = was == listed.end() ||
                              (static_cast<std::size_t>(was - listed.begin()) < ticked.size() &&
                               ticked[static_cast<std::size_t>(was - listed.begin())]);
            customers->selectItemPos(static_cast<sal_Int16>(i), tick);
        }
    }

    // The selected customer's letter, generated aside and opened in Writer.
    void preview()
    {
        const OUString customer = list("OverrideCustomer")->getSelectedItem();
        if (customer.isEmpty())
            return;
        ReminderRequest request = request_;
        request.force = true;
        request.pdf = false;
        request.odt = true;
        request.eml = false;
        request.outputDir = (std::filesystem::temp_directory_path() / "relance-apercu").string();
        for (const std::string& name : names_)
            if (foldText(name) != foldText(toUtf8(customer)))
                request.skipped.insert(foldText(name));
        const ReminderReport report = generator_.previewLetters(request);
        if (report.letters.empty() || report.letters.front().odt.empty())
            return;
        OUString url;
        osl::FileBase::getFileURLFromSystemPath(fromUtf8(report.letters.front().odt), url);
        frame::Desktop::create(context_)->loadComponentFromURL(url, "_blank", 0, {});
    }

    uno::Reference<uno::XComponentContext> context_;
    ReminderGenerator& generator_;
    ReminderRequest request_;
    uno::Reference<awt::XControlContainer> controls_;
    std::vector<std::string> names_;
};

} // namespace

OUString runReminderDialog(const uno::Reference<uno::XComponentContext>& context,
                           const uno::Reference<frame::XFrame>& frame, ReminderGenerator& generator,
                           ReminderRequest request)
{
    if (!request.asOf)
        request.asOf = generator.asOf();
    const rtl::Reference<ReminderDialogHandler> handler(
        new ReminderDialogHandler(context, generator, request));
    const uno::Reference<awt::XDialog> dialog =
        createExtensionDialog(context, frame, kRemindersDialogUrl, handler.get());
    try
    {
        handler->attach(dialog);
    }
    catch (...)
    {
        uno::Reference<lang::XComponent>(dialog, uno::UNO_QUERY_THROW)->dispose();
        throw;
    }
    const bool accepted = dialog->execute() == 1;
    const ReminderRequest chosen = handler->collect();
    uno::Reference<lang::XComponent>(dialog, uno::UNO_QUERY_THROW)->dispose();
    if (!accepted)
        return OUString();
    ReminderReport report;
    {
        // Letters take a moment each: a window of their own shows the progress and can stop
        // the run between two letters (each letter made is logged at once).
        ProgressDialog progress(context, frame);
        const bool fr = chosen.language == Language::French;
        report = generator.generate(
            chosen,
            [&](std::size_t done, std::size_t total, const std::string& next)
            {
                return progress.step(done, total,
                                     (fr ? "Courrier " : "Letter ") + std::to_string(done + 1) +
                                         (fr ? " sur " : " of ") + std::to_string(total) +
                                         (fr ? " : " : ": ") + next);
            });
    }
    const OUString summary = fromUtf8(report.summary(chosen.language));
    showMessage(context, frame, summary);
    return summary;
}

} // namespace relance::addin
