// Internal to the reminder generator: what its pieces share, the ledger reader
// (reminder_reading.cxx) and the letter writer (letter_writer.cxx) that reminder_generator.cxx
// drives. Not for use outside src/uno/reminders/.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "uno/reminders/reminder_generator.hxx"

#include <com/sun/star/datatransfer/XTransferable.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDesktop2.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/sheet/XNamedRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/text/XTextViewCursor.hpp>

#include "uno/ledger/ledger_layout.hxx"

namespace relance::addin::reminder_detail
{

using Grid = css::uno::Sequence<css::uno::Sequence<css::uno::Any>>;

// A ledger sheet under its French or English name.
css::uno::Reference<css::sheet::XSpreadsheet>
ledgerSheet(const css::uno::Reference<css::frame::XModel>& document, LedgerSheet which,
            bool required);

// Data rows (below the header) of a sheet's used area, at least `columns` wide.
Grid dataRows(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 columns);

class LedgerReader
{
public:
    explicit LedgerReader(const css::uno::Reference<css::frame::XModel>& document);

    DayNumber nullDate() const { return nullDate_; }

    css::uno::Reference<css::table::XCellRange> named(const char* name) const;

    css::uno::Any namedValue(const char* name) const;

    int namedDays(const char* name, int fallback) const;

    std::string namedText(const char* name) const;

    bool hasName(const char* name) const;

    // A value of Paramètres read by `read`; one it cannot read is told in French by its line
    // in the sheet and what it should be.
    template <typename Read>
    auto setting(const char* name, const char* label, const char* expected, const Read& read) const;

    ReminderPolicy policy() const;

    // The folder of the user's own letter templates (Paramètres, DossierModeles); empty for
    // the shipped ones, and for a ledger made before the setting existed.
    std::string templatesFolder() const;

    SenderDetails sender() const;

    RateTable ecbRates() const;

    DayNumber asOf() const;

    // Registre rows as the planner sees them; rowOf maps an invoice number to its sheet row.
    std::vector<ReminderInvoice> invoices(std::map<std::string, sal_Int32>& rowOf,
                                          DayNumber asOf) const;

    std::vector<ReminderCustomer> customers() const;

    std::vector<ReminderLogEntry> log() const;

private:
    css::uno::Reference<css::frame::XModel> document_;
    css::uno::Reference<css::sheet::XNamedRanges> names_;
    DayNumber nullDate_ = 0;
};

ReminderInput readInput(const LedgerReader& reader, const ReminderRequest& request,
                        std::map<std::string, sal_Int32>& rowOf);

const char* statementTemplateName(Language language);

// Where the letter templates come from: the folder set in Paramètres (DossierModeles), for
// the templates found there, else the ones shipped in the extension.
class TemplateFolder
{
public:
    TemplateFolder(const css::uno::Reference<css::uno::XComponentContext>& context,
                   Language language, const std::string& userFolder);

    // The user's NAME.odt (or .ott, .fodt) when there is one, else the shipped NAME.odt.
    OUString url(const char* name) const;

private:
    OUString shipped_;
    std::filesystem::path user_;
};

// Fills the templates. Each template is opened once per run and restored after each letter
// by undoing the fill, rather than loaded again: a letter costs its fill and its PDF export.
// The combined PDF is one more document into which each filled letter is copied.
class LetterWriter
{
public:
    LetterWriter(const css::uno::Reference<css::uno::XComponentContext>& context, Language language,
                 const TemplateFolder& templates, bool combine);
    ~LetterWriter();
    LetterWriter(const LetterWriter&) = delete;
    LetterWriter& operator=(const LetterWriter&) = delete;

    // A document that follows the letter on a new page, in the same PDF, ODT and e-mail: the
    // statement of account enclosed with reminder 2.
    struct Enclosure
    {
        const char* templateName;
        LetterFields fields;
    };

    // Fills the level's template for one customer and stores it as PDF, and as ODT when
    // `odt` is given; the letter joins the combined document when there is one.
    void write(const CustomerReminder& letter, const LetterFields& fields,
               const std::filesystem::path& pdf, const std::optional<std::filesystem::path>& odt,
               const char* templateOverride = nullptr,
               const std::optional<Enclosure>& enclosure = std::nullopt);

    // The combined document, every letter on its own pages, for printing. False when no
    // letter was written.
    bool storeCombined(const std::filesystem::path& pdf);

private:
    css::uno::Reference<css::lang::XComponent> load(const char* name);

    css::uno::Reference<css::lang::XComponent> templateDocument(const char* name);

    void forget(const char* name, const css::uno::Reference<css::lang::XComponent>& document);

    static css::uno::Reference<css::frame::XController>
    controllerOf(const css::uno::Reference<css::lang::XComponent>& document);

    // Runs `change` on a template as one undo step, laid out once afterwards rather than after
    // each field. True when that step can be undone to put the template back.
    template <typename Change>
    static bool asOneUndoStep(const css::uno::Reference<css::lang::XComponent>& document,
                              const Change& change);

    // The template as it was, for the next letter: undone, or as it is when the fill changed
    // nothing (a template without fields); closed, to be loaded again, when it was changed
    // without undo (switched off by the user) or its undo failed. The letter made stands.
    void restore(const char* name, const css::uno::Reference<css::lang::XComponent>& document,
                 bool restorable);

    static void fillFields(const css::uno::Reference<css::lang::XComponent>& document,
                           const LetterFields& fields);

    // The enclosure's template (never the letter's own) filled, copied after the letter on a
    // new page, and put back.
    void appendEnclosure(const css::uno::Reference<css::lang::XComponent>& letter,
                         const Enclosure& enclosure);

    // The whole document (text, tables, styles) as Writer's own copy holds it: a snapshot
    // taken now, in memory.
    static css::uno::Reference<css::datatransfer::XTransferable>
    copyOf(const css::uno::Reference<css::lang::XComponent>& document);

    static void paste(const css::uno::Reference<css::lang::XComponent>& target,
                      const css::uno::Reference<css::datatransfer::XTransferable>& copy);

    static css::uno::Reference<css::text::XTextViewCursor>
    viewCursorOf(const css::uno::Reference<css::lang::XComponent>& document);

    // Pastes a copy in place of all of the target's content.
    static void replaceContent(const css::uno::Reference<css::lang::XComponent>& target,
                               const css::uno::Reference<css::datatransfer::XTransferable>& copy);

    // How the end of a document is found for a new page: the view cursor's end is the
    // cheaper, right in a document only ever appended to (the combined one); in a template put
    // back by undo, with its layout locked, the view's end can be the old one, and a model
    // cursor finds the true end.
    enum class DocumentEnd
    {
        FromView,
        FromModel,
    };

    // Pastes a copy after the target's content, from a new page.
    static void appendOnNewPage(const css::uno::Reference<css::lang::XComponent>& target,
                                const css::uno::Reference<css::datatransfer::XTransferable>& copy,
                                DocumentEnd end);

    // Copies the whole filled letter to the end of the combined document, on a new page.
    void appendToCombined(const css::uno::Reference<css::lang::XComponent>& letter,
                          const char* name);

    static void close(const css::uno::Reference<css::lang::XComponent>& document);

    // Every {{name}} of the document, replaced literally (no regular expression, no markup).
    // Every {{name}} of the template, found once before anything is inserted, then replaced
    // by its value as plain text: a value is never searched again, so a customer named
    // "{{total.du}}" or "<b>" stays as typed. The invoice table's {{facture.*}} are left for
    // fillInvoiceTable.
    static void replaceFields(const css::uno::Reference<css::lang::XComponent>& document,
                              const FieldMap& fields);

    // The "Factures" table: its second row is the per-invoice template, repeated per invoice.
    static void fillInvoiceTable(const css::uno::Reference<css::lang::XComponent>& document,
                                 const LetterFields& fields);

    css::uno::Reference<css::frame::XDesktop2> desktop_;
    Language language_;
    const TemplateFolder& templates_;
    bool combine_;
    std::map<std::string, css::uno::Reference<css::lang::XComponent>, std::less<>> open_;
    css::uno::Reference<css::lang::XComponent> combined_;
};

} // namespace relance::addin::reminder_detail
