#include "uno/ledger/ledger_dialog.hxx"

#include <com/sun/star/awt/XCheckBox.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XDialogEventHandler.hpp>
#include <com/sun/star/awt/XFixedText.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XNumericField.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <cppuhelper/implbase1.hxx>
#include <rtl/ref.hxx>

#include "uno/functions/any_convert.hxx"
#include "uno/common/dialog_window.hxx"
#include "core/common/input_error.hxx"
#include "uno/ledger/ledger_layout.hxx"
#include "core/ledger/ledger_preview.hxx"

using namespace css;

namespace relance::addin
{
namespace
{

constexpr std::array<LedgerField, kLedgerFieldCount> kFields = {
    LedgerField::InvoiceNumber, LedgerField::Customer,   LedgerField::LegalName,
    LedgerField::Siren,         LedgerField::Email,      LedgerField::InvoiceDate,
    LedgerField::DueDate,       LedgerField::Terms,      LedgerField::AmountInclVat,
    LedgerField::AmountExclVat, LedgerField::PaidAmount, LedgerField::PaymentDate,
    LedgerField::Balance,       LedgerField::Notes,      LedgerField::LastReminder,
    LedgerField::DeliveryDate,  LedgerField::Disputed,   LedgerField::PaidFlag};
static_assert(kFields.back() == LedgerField::PaidFlag, "one mapping row per ledger field");

class ConversionDialogHandler : public cppu::WeakImplHelper1<awt::XDialogEventHandler>
{
public:
    ConversionDialogHandler(LedgerConverter& converter, ConversionRequest request)
        : converter_(converter), request_(std::move(request))
    {
    }

    void attach(const uno::Reference<awt::XDialog>& dialog)
    {
        controls_.set(dialog, uno::UNO_QUERY_THROW);
        fillStaticLists();
        loadSource(request_.sourceSheet);
    }

    // XDialogEventHandler
    sal_Bool SAL_CALL callHandlerMethod(const uno::Reference<awt::XDialog>&, const uno::Any&,
                                        const OUString& method) override
    {
        bool known = true;
        explainingFailures(
            [&]
            {
                if (method.equalsAscii(kConvertLedgerHandlers[0]) ||
                    method.equalsAscii(kConvertLedgerHandlers[2]) ||
                    method.equalsAscii(kConvertLedgerHandlers[3]))
                    showPreview();
                else if (method.equalsAscii(kConvertLedgerHandlers[1]))
                    loadSource(sheetList()->getSelectedItem());
                else
                    known = false;
            },
            [&](const OUString& message) { text("PreviewText")->setText(message); },
            request_.language);
        return known;
    }
    uno::Sequence<OUString> SAL_CALL getSupportedMethodNames() override
    {
        uno::Sequence<OUString> names(static_cast<sal_Int32>(kConvertLedgerHandlers.size()));
        for (std::size_t i = 0; i < kConvertLedgerHandlers.size(); ++i)
            names.getArray()[i] = OUString::createFromAscii(kConvertLedgerHandlers[i]);
        return names;
    }

    // The request as the controls describe it now.
    ConversionRequest collect() const
    {
        ConversionRequest request = request_;
        request.sourceSheet = sheetList()->getSelectedItem();
        const uno::Sequence<OUString> others = list("OtherSheets")->getSelectedItems();
        request.otherSheets.assign(others.begin(), others.end());
        request.dateOrderFromData = false; // the list shows the detected order, or the user's
        request.options.acceptedFixes.clear();
        for (std::size_t k = 0; k < shownFixes_.size(); ++k)
            if (checkBox(k)->getState() == 1)
                request.options.acceptedFixes.push_back(shownFixes_[k]);
        request.options.dateOrder = list("DateOrder")->getSelectedItemPos() == 1
                                        ? DateOrder::MonthDayYear
                                        : DateOrder::DayMonthYear;
        const OUString terms = text("DefaultTerms")->getText().trim();
        request.options.defaultTerms.reset();
        if (!terms.isEmpty())
            request.options.defaultTerms = parsePaymentTerms(toUtf8(terms));
        HeaderGuess header;
        const auto row =
            static_cast<std::size_t>(uno::Reference<awt::XNumericField>(
                                         controls_->getControl("HeaderRow"), uno::UNO_QUERY_THROW)
                                         ->getValue());
        if (row < firstSheetRow_ || row >= firstSheetRow_ + grid_.size())
            throw InputError(request.language == Language::French
                                 ? "ligne d'en-tête hors des données"
                                 : "header row outside the data");
        header.headerRow = row - firstSheetRow_;
        header.mapping.assign(columnCount_, std::nullopt);
        for (std::size_t f = 0; f < kFields.size(); ++f)
        {
            const sal_Int16 choice = list("Map_" + OUString::number(f))->getSelectedItemPos();
            if (choice >= 1 && static_cast<std::size_t>(choice) <= columnCount_)
                header.mapping[static_cast<std::size_t>(choice) - 1] = kFields[f];
        }
        // A numbered series of payments (Règlement 1, Règlement 2...) shows its first column;
        // the others follow it while the user keeps that choice.
        if (guess_ && guess_->headerRow == header.headerRow)
            for (LedgerField field : {LedgerField::PaidAmount, LedgerField::PaymentDate})
            {
                std::vector<std::size_t> series;
                for (std::size_t c = 0; c < guess_->mapping.size(); ++c)
                    if (guess_->mapping[c] == field)
                        series.push_back(c);
                if (series.size() < 2 || series.front() >= header.mapping.size() ||
                    header.mapping[series.front()] != field)
                    continue;
                for (std::size_t c : series)
                    if (c < header.mapping.size() && !header.mapping[c])
                        header.mapping[c] = field;
            }
        request.header = header;
        return request;
    }

private:
    uno::Reference<awt::XListBox> list(const OUString& name) const
    {
        return uno::Reference<awt::XListBox>(controls_->getControl(name), uno::UNO_QUERY_THROW);
    }
    uno::Reference<awt::XListBox> sheetList() const { return list("SourceSheet"); }
    uno::Reference<awt::XCheckBox> checkBox(std::size_t fix) const
    {
        return uno::Reference<awt::XCheckBox>(
            controls_->getControl("Fix_" + OUString::number(static_cast<sal_Int32>(fix))),
            uno::UNO_QUERY_THROW);
    }

    // One checkbox per remark of the last preview, its fix ticked when accepted.
    void showFixes(const ImportResult& result, const ImportOptions& options)
    {
        shownFixes_.clear();
        for (std::size_t k = 0; k < kConvertLedgerFixBoxes; ++k)
        {
            const uno::Reference<awt::XCheckBox> box = checkBox(k);
            const bool shown = k < result.remarks.size();
            uno::Reference<awt::XWindow>(box, uno::UNO_QUERY_THROW)->setVisible(shown);
            if (!shown)
                continue;
            const ConsistencyRemark& remark = result.remarks[k];
            shownFixes_.push_back(remark.kind);
            box->setLabel(fromUtf8(fixLabel(remark, request_.language)));
            box->setState(acceptsFix(options, remark.kind) ? 1 : 0);
        }
    }
    uno::Reference<awt::XTextComponent> text(const OUString& name) const
    {
        return uno::Reference<awt::XTextComponent>(controls_->getControl(name),
                                                   uno::UNO_QUERY_THROW);
    }

    void fillStaticLists()
    {
        const bool fr = request_.language == Language::French;
        const uno::Reference<awt::XListBox> order = list("DateOrder");
        order->addItems(
            sequenceOf<OUString>({fr ? OUString("JJ/MM/AAAA") : OUString("DD/MM/YYYY"),
                                  fr ? OUString("MM/JJ/AAAA") : OUString("MM/DD/YYYY")}),
            0);
        order->selectItemPos(request_.options.dateOrder == DateOrder::MonthDayYear ? 1 : 0, true);
        for (std::size_t f = 0; f < kFields.size(); ++f)
            uno::Reference<awt::XFixedText>(
                controls_->getControl("MapLabel_" + OUString::number(f)), uno::UNO_QUERY_THROW)
                ->setText(fromUtf8(fieldLabel(kFields[f], request_.language)));
    }

    void loadSource(const OUString& sheet)
    {
        request_.sourceSheet = converter_.resolveSourceSheet(sheet);
        request_.header.reset();
        grid_ = converter_.readSource(request_, firstSheetRow_);
        columnCount_ = 0;
        for (const auto& row : grid_)
            columnCount_ = std::max(columnCount_, row.size());

        // Sheets to choose from, the current one selected.
        const uno::Reference<awt::XListBox> sheets = sheetList();
        const uno::Sequence<OUString> names = converter_.sourceSheetNames();
        if (sheets->getItemCount() == 0)
            sheets->addItems(names, 0);
        sheets->selectItem(request_.sourceSheet, true);

        std::optional<HeaderGuess> guess;
        try
        {
            guess = detectHeader(grid_);
        }
        catch (const InputError&)
        {
        }
        guess_ = guess;

        // The order of text dates, as the data shows it; the user can still choose.
        dateOrderNote_.clear();
        if (guess)
        {
            const DateOrderEvidence evidence = detectDateOrder(grid_, *guess);
            if (evidence.order)
                list("DateOrder")
                    ->selectItemPos(*evidence.order == DateOrder::MonthDayYear ? 1 : 0, true);
            dateOrderNote_ = describeDateOrder(evidence, request_.language, firstSheetRow_);
        }

        // The other sheets, those of the same layout (a sheet per month) ticked. Every item is
        // added before any is selected: adding an item clears a list box's selection.
        const uno::Reference<awt::XListBox> others = list("OtherSheets");
        others->removeItems(0, others->getItemCount());
        std::vector<OUString> otherNames;
        std::vector<sal_Int16> sameLayout;
        for (const OUString& name : names)
        {
            if (name == request_.sourceSheet)
                continue;
            std::size_t firstRow = 1;
            if (guess &&
                matchingHeader(grid_, *guess, converter_.readSheet(name, std::nullopt, firstRow)))
                sameLayout.push_back(static_cast<sal_Int16>(otherNames.size()));
            otherNames.push_back(name);
        }
        others->addItems(
            uno::Sequence<OUString>(otherNames.data(), static_cast<sal_Int32>(otherNames.size())),
            0);
        others->selectItemsPos(
            uno::Sequence<sal_Int16>(sameLayout.data(), static_cast<sal_Int32>(sameLayout.size())),
            true);

        uno::Reference<awt::XNumericField>(controls_->getControl("HeaderRow"), uno::UNO_QUERY_THROW)
            ->setValue(static_cast<double>(firstSheetRow_ + (guess ? guess->headerRow : 0)));

        // Each field's list: "(none)" then every source column with its header text.
        uno::Sequence<OUString> choices(static_cast<sal_Int32>(columnCount_) + 1);
        choices.getArray()[0] =
            fromUtf8(request_.language == Language::French ? "(aucune)" : "(none)");
        for (std::size_t c = 0; c < columnCount_; ++c)
        {
            std::string label = columnLetter(c);
            if (guess && guess->headerRow < grid_.size() && c < grid_[guess->headerRow].size())
            {
                const SourceCell& cell = grid_[guess->headerRow][c];
                if (cell.kind == SourceCell::Kind::Text)
                    label += " : " + cell.text;
            }
            choices.getArray()[c + 1] = fromUtf8(label);
        }
        for (std::size_t f = 0; f < kFields.size(); ++f)
        {
            const uno::Reference<awt::XListBox> box = list("Map_" + OUString::number(f));
            box->removeItems(0, box->getItemCount());
            box->addItems(choices, 0);
            sal_Int16 selected = 0;
            if (guess)
                for (std::size_t c = guess->mapping.size(); c-- > 0;) // the first column
                    if (guess->mapping[c] == kFields[f])
                        selected = static_cast<sal_Int16>(c + 1);
            box->selectItemPos(selected, true);
        }
        showPreview();
    }

    void showPreview()
    {
        try
        {
            const ConversionRequest request = collect();
            const LedgerConverter::ReadSheets read = converter_.readSheets(request);
            const ImportResult result = importInvoices(read.sheets, request.options);
            std::string preview = previewText(result, read.sources, request_.language);
            if (!dateOrderNote_.empty())
                preview = dateOrderNote_ + "\n\n" + preview;
            text("PreviewText")->setText(fromUtf8(preview));
            showFixes(result, request.options);
        }
        catch (const InputError& error)
        {
            text("PreviewText")->setText(fromUtf8(error.message(request_.language)));
        }
    }

    LedgerConverter& converter_;
    ConversionRequest request_;
    uno::Reference<awt::XControlContainer> controls_;
    SourceGrid grid_;
    std::size_t firstSheetRow_ = 1;
    std::size_t columnCount_ = 0;
    std::vector<RemarkKind> shownFixes_; // the remark of each visible Fix_ checkbox
    std::optional<HeaderGuess> guess_;   // the detected header of the model sheet
    std::string dateOrderNote_;          // what the data says of the order of its dates
};

} // namespace

OUString runConversionDialog(const uno::Reference<uno::XComponentContext>& context,
                             const uno::Reference<frame::XFrame>& frame, LedgerConverter& converter,
                             ConversionRequest request)
{
    converter.keepSheetsRead();
    const rtl::Reference<ConversionDialogHandler> handler(
        new ConversionDialogHandler(converter, request));
    const uno::Reference<awt::XDialog> dialog =
        createExtensionDialog(context, frame, kConvertLedgerDialogUrl, handler.get());
    try
    {
        handler->attach(dialog);
    }
    catch (...)
    {
        uno::Reference<lang::XComponent>(dialog, uno::UNO_QUERY_THROW)->dispose();
        throw;
    }
    for (;;)
    {
        if (dialog->execute() != 1)
        {
            uno::Reference<lang::XComponent>(dialog, uno::UNO_QUERY_THROW)->dispose();
            return OUString();
        }
        try
        {
            const ConversionRequest chosen = handler->collect();
            const ConversionReport report = converter.convert(chosen);
            uno::Reference<lang::XComponent>(dialog, uno::UNO_QUERY_THROW)->dispose();
            const OUString summary = fromUtf8(report.summary(chosen.language));
            showMessage(context, frame, summary);
            return summary;
        }
        catch (const InputError& error)
        {
            // The document is as it was: say why and let the user correct the choices.
            showMessage(context, frame, fromUtf8(error.message(request.language)));
        }
    }
}

} // namespace relance::addin
