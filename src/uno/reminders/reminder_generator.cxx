#include "uno/reminders/reminder_generator.hxx"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/deployment/PackageInformationProvider.hpp>
#include <com/sun/star/datatransfer/XTransferable.hpp>
#include <com/sun/star/datatransfer/XTransferableSupplier.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeReferrer.hpp>
#include <com/sun/star/sheet/XNamedRanges.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/style/BreakType.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/table/XTableRows.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/text/XTextTablesSupplier.hpp>
#include <com/sun/star/text/XTextViewCursor.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>
#include <com/sun/star/util/Date.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/util/XModifiable.hpp>
#include <com/sun/star/util/XReplaceDescriptor.hpp>
#include <com/sun/star/util/XReplaceable.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <osl/file.hxx>

#include "uno/functions/any_convert.hxx"
#include "core/mail/eml_message.hxx"
#include "core/common/input_error.hxx"
#include "core/risk/invoice_status.hxx"
#include "uno/ledger/ledger_layout.hxx"
#include "core/ledger/ledger_model.hxx"
#include "uno/mail/smtp_sender.hxx"
#include "core/common/text_fold.hxx"
#include "uno/functions/used_area.hxx"

using namespace css;
namespace fs = std::filesystem;

namespace relance::addin
{
namespace
{

using Grid = uno::Sequence<uno::Sequence<uno::Any>>;

OUString urlOf(const fs::path& path)
{
    OUString url;
    osl::FileBase::getFileURLFromSystemPath(fromUtf8(path.string()), url);
    return url;
}

beans::PropertyValue property(const char* name, const uno::Any& value)
{
    return beans::PropertyValue(OUString::createFromAscii(name), 0, value,
                                beans::PropertyState_DIRECT_VALUE);
}

// A ledger sheet under its French or English name.
uno::Reference<sheet::XSpreadsheet> ledgerSheet(const uno::Reference<frame::XModel>& document,
                                                LedgerSheet which, bool required)
{
    const uno::Reference<container::XNameAccess> sheets(
        uno::Reference<sheet::XSpreadsheetDocument>(document, uno::UNO_QUERY_THROW)->getSheets(),
        uno::UNO_QUERY_THROW);
    for (Language language : {Language::French, Language::English})
    {
        const OUString name = fromUtf8(sheetName(which).in(language));
        if (sheets->hasByName(name))
            return uno::Reference<sheet::XSpreadsheet>(sheets->getByName(name),
                                                       uno::UNO_QUERY_THROW);
    }
    if (required)
        throw InputError(std::string("no \"") + sheetName(which).english +
                             "\" sheet: convert the invoice sheet into a ledger first",
                         std::string("pas de feuille « ") + sheetName(which).french +
                             " » : convertissez d'abord la feuille de factures en registre "
                             "(Créances clients ▸ Convertir en registre de suivi)");
    return {};
}

// Data rows (below the header) of a sheet's used area, at least `columns` wide.
Grid dataRows(const uno::Reference<sheet::XSpreadsheet>& sheet, sal_Int32 columns)
{
    const sal_Int32 lastRow = lastUsedRow(sheet);
    if (lastRow < 1)
        return {};
    return uno::Reference<sheet::XCellRangeData>(
               sheet->getCellRangeByPosition(0, 1, columns - 1, lastRow), uno::UNO_QUERY_THROW)
        ->getDataArray();
}

std::string textOf(const uno::Any& cell)
{
    OUString text;
    double number = 0;
    if (cell >>= text)
        return toUtf8(text.trim());
    if (cell >>= number)
        return toUtf8(OUString::number(number));
    return {};
}

class LedgerReader
{
public:
    explicit LedgerReader(const uno::Reference<frame::XModel>& document) : document_(document)
    {
        util::Date date;
        uno::Reference<beans::XPropertySet>(document, uno::UNO_QUERY_THROW)
            ->getPropertyValue("NullDate") >>= date;
        nullDate_ = toDayNumber({date.Year, date.Month, date.Day});
        names_.set(uno::Reference<beans::XPropertySet>(document, uno::UNO_QUERY_THROW)
                       ->getPropertyValue("NamedRanges"),
                   uno::UNO_QUERY_THROW);
    }

    DayNumber nullDate() const { return nullDate_; }

    uno::Reference<table::XCellRange> named(const char* name) const
    {
        const uno::Reference<container::XNameAccess> access(names_, uno::UNO_QUERY_THROW);
        const OUString key = OUString::createFromAscii(name);
        if (!access->hasByName(key))
            throw InputError(std::string("the named range ") + name +
                                 " is missing: re-sync the ledger",
                             std::string("la plage nommée ") + name +
                                 " manque : actualisez le registre (Créances clients ▸ "
                                 "Actualiser le registre depuis la feuille source)");
        return uno::Reference<sheet::XCellRangeReferrer>(access->getByName(key),
                                                         uno::UNO_QUERY_THROW)
            ->getReferredCells();
    }

    uno::Any namedValue(const char* name) const
    {
        const uno::Reference<table::XCell> cell = named(name)->getCellByPosition(0, 0);
        if (cell->getType() == table::CellContentType_EMPTY)
            return {};
        if (cell->getType() == table::CellContentType_TEXT)
            return uno::Any(uno::Reference<text::XText>(cell, uno::UNO_QUERY_THROW)->getString());
        return uno::Any(cell->getValue());
    }

    int namedDays(const char* name, int fallback) const
    {
        return optionalInteger(namedValue(name), name, fallback, 0, 3650);
    }

    std::string namedText(const char* name) const { return textOf(namedValue(name)); }

    bool hasName(const char* name) const
    {
        return uno::Reference<container::XNameAccess>(names_, uno::UNO_QUERY_THROW)
            ->hasByName(OUString::createFromAscii(name));
    }

    // A value of Paramètres read by `read`; one it cannot read is told in French by its line
    // in the sheet and what it should be.
    template <typename Read>
    auto setting(const char* name, const char* label, const char* expected, const Read& read) const
    {
        try
        {
            return read();
        }
        catch (const InputError& error)
        {
            throw InputError(error.what(), std::string("Paramètres, « ") + label + " » : « " +
                                               namedText(name) + " » n'est pas " + expected);
        }
    }

    ReminderPolicy policy() const
    {
        ReminderPolicy policy;
        const auto days = [&](const char* name, const char* label, int& value)
        {
            value = setting(name, label, "un nombre de jours de 0 à 3650",
                            [&] { return namedDays(name, value); });
        };
        const uno::Any preDue = namedValue("DelaiPreRelance");
        if (!isBlank(preDue))
            policy.preDueDays = setting(
                "DelaiPreRelance", "Pré-relance", "un nombre de jours de 0 à 365 (vide : aucune)",
                [&] { return optionalInteger(preDue, "DelaiPreRelance", 5, 0, 365); });
        days("DelaiR1", "Relance 1", policy.firstDays);
        days("DelaiR2", "Relance 2", policy.secondDays);
        days("DelaiMED", "Mise en demeure", policy.formalNoticeDays);
        days("DelaiAccorde", "Délai accordé dans les relances", policy.deadlineDays);
        days("DelaiEntreRelances", "Jours minimum entre deux relances", policy.minDaysBetween);
        policy.minimumAmount = setting(
            "MontantMinimum", "Montant minimum à relancer", "un montant en euros",
            [&]
            { return optionalAmount(namedValue("MontantMinimum"), "MontantMinimum").value_or(0); });
        // As the ledger's penalty column reads it.
        policy.contractualRate = setting(
            "TauxContractuel", "Taux de pénalité contractuel", "un taux (12,5 % par exemple)",
            [&] { return contractRate(namedValue("TauxContractuel"), "TauxContractuel"); });
        // A ledger made before the setting existed, or a blank cell: the default, enclosed.
        if (hasName("ReleveAvecRelance2"))
        {
            const std::string answer = namedText("ReleveAvecRelance2");
            if (!answer.empty())
            {
                const std::optional<bool> enclosed = parseYesNo(answer);
                if (!enclosed)
                    throw InputError("ReleveAvecRelance2 must be Oui or Non (Yes or No), not \"" +
                                         answer + "\"",
                                     "Paramètres, « Relevé de compte joint à la relance 2 » "
                                     "(ReleveAvecRelance2) : répondez Oui ou Non, pas « " +
                                         answer + " »");
                policy.statementWithSecond = *enclosed;
            }
        }
        validate(policy);
        return policy;
    }

    // The folder of the user's own letter templates (Paramètres, DossierModeles); empty for
    // the shipped ones, and for a ledger made before the setting existed.
    std::string templatesFolder() const
    {
        return hasName("DossierModeles") ? namedText("DossierModeles") : std::string();
    }

    SenderDetails sender() const
    {
        SenderDetails sender;
        sender.name = namedText("Societe_Nom");
        sender.siret = namedText("Societe_SIRET");
        sender.address = namedText("Societe_Adresse");
        const std::string city = namedText("Societe_Ville");
        if (!city.empty())
            sender.address += (sender.address.empty() ? "" : "\n") + city;
        sender.city = city;
        sender.email = namedText("Societe_Email");
        sender.phone = namedText("Societe_Telephone");
        sender.iban = namedText("Societe_IBAN");
        sender.bic = namedText("Societe_BIC");
        return sender;
    }

    RateTable ecbRates() const
    {
        const uno::Any rows(
            uno::Reference<sheet::XCellRangeData>(named("TauxBCE"), uno::UNO_QUERY_THROW)
                ->getDataArray());
        std::vector<RateTable::Row> userRows;
        try
        {
            userRows = rateRows(rows, DateContext(nullDate_), "TauxBCE");
        }
        catch (const InputError& error)
        {
            throw InputError(error.what(),
                             "Paramètres, « Taux BCE à ajouter » : chaque ligne donne un semestre "
                             "(2026-S2) ou une date, et un taux en % ; celle-ci ne se lit pas");
        }
        return RateTable::ecbMainRefinancing().withOverrides(userRows);
    }

    DayNumber asOf() const
    {
        const uno::Any value = namedValue(kAsOfName);
        double serial = 0;
        if (!(value >>= serial))
            throw InputError("the as-of date (DateSituation) is missing",
                             "la date de situation (DateSituation, dans le tableau de bord) "
                             "manque");
        return DateContext(nullDate_).fromSerial(serial);
    }

    // Registre rows as the planner sees them; rowOf maps an invoice number to its sheet row.
    std::vector<ReminderInvoice> invoices(std::map<std::string, sal_Int32>& rowOf,
                                          DayNumber asOf) const
    {
        const std::vector<LedgerColumn>& columns = invoiceColumns();
        const auto at = [&](const char* key)
        { return static_cast<sal_Int32>(columnIndex(columns, key)); };
        const Grid rows = dataRows(ledgerSheet(document_, LedgerSheet::Invoices, true),
                                   static_cast<sal_Int32>(columns.size()));
        const DateContext dates(nullDate_);
        std::vector<ReminderInvoice> invoices;
        for (sal_Int32 r = 0; r < rows.getLength(); ++r)
        {
            const auto& cells = rows[r];
            const std::string where = "Registre, row " + std::to_string(r + 2);
            ReminderInvoice invoice;
            invoice.number = textOf(cells[at("number")]);
            invoice.customer = textOf(cells[at("customer")]);
            const auto due = optionalDate(cells[at("due_date")], dates, where + ", due date");
            const auto balance = optionalAmount(cells[at("balance")], where + ", balance");
            if (invoice.number.empty() || invoice.customer.empty() || !due || !balance ||
                *balance <= 0)
                continue; // nothing to chase on this row
            invoice.dueDate = *due;
            invoice.invoiceDate =
                optionalDate(cells[at("invoice_date")], dates, where + ", invoice date")
                    .value_or(*due);
            invoice.amountInclVat =
                optionalAmount(cells[at("amount")], where + ", amount").value_or(*balance);
            invoice.paid = optionalAmount(cells[at("paid")], where + ", paid").value_or(0);
            invoice.balance = *balance;
            // The notes count too ("litige livraison", "promesse 20/11"), as for the status.
            const FollowUpFlags notes = parseFollowUpFlags(textOf(cells[at("notes")]), asOf);
            invoice.disputed = !isBlank(cells[at("dispute")]) || notes.disputed;
            invoice.promiseDate =
                optionalDate(cells[at("promise")], dates, where + ", promise date");
            if (!invoice.promiseDate && notes.promised)
                invoice.promiseDate = notes.promiseDate;
            // Litigation and written-off invoices are in other hands: no more letters.
            invoice.onHold = !isBlank(cells[at("hold")]) || notes.litigation || notes.writtenOff;
            invoice.lastLevelSent =
                optionalInteger(cells[at("level")], where + ", last reminder level", 0, 0, 3);
            invoice.lastReminderDate =
                optionalDate(cells[at("level_date")], dates, where + ", last reminder date");
            rowOf[invoiceKey(invoice.number)] = r + 1;
            invoices.push_back(std::move(invoice));
        }
        return invoices;
    }

    std::vector<ReminderCustomer> customers() const
    {
        std::vector<ReminderCustomer> customers;
        const auto sheet = ledgerSheet(document_, LedgerSheet::Customers, false);
        if (!sheet.is())
            return customers;
        std::set<std::string> seen;
        for (const auto& cells : dataRows(sheet, 9))
        {
            ReminderCustomer customer;
            customer.name = textOf(cells[0]);
            if (customer.name.empty() || !seen.insert(foldText(customer.name)).second)
                continue;
            customer.legalName = textOf(cells[1]);
            customer.siren = textOf(cells[2]);
            customer.email = textOf(cells[3]);
            customer.address = textOf(cells[4]);
            customer.onHold = !isBlank(cells[8]);
            customers.push_back(std::move(customer));
        }
        return customers;
    }

    std::vector<ReminderLogEntry> log() const
    {
        std::vector<ReminderLogEntry> log;
        const auto sheet = ledgerSheet(document_, LedgerSheet::Reminders, false);
        if (!sheet.is())
            return log;
        const DateContext dates(nullDate_);
        for (const auto& cells : dataRows(sheet, 9))
        {
            const auto date = optionalDate(cells[0], dates, "Relances, date");
            const std::string customer = textOf(cells[1]);
            const std::string state = foldText(textOf(cells[8]));
            if (!date || customer.empty() || state.rfind("echec", 0) == 0 ||
                state.rfind("failed", 0) == 0)
                continue; // a failed sending is not a reminder sent
            log.push_back({customer, *date,
                           static_cast<ReminderLevel>(
                               optionalInteger(cells[2], "Relances, level", 1, 0, 3))});
        }
        return log;
    }

private:
    uno::Reference<frame::XModel> document_;
    uno::Reference<sheet::XNamedRanges> names_;
    DayNumber nullDate_ = 0;
};

ReminderInput readInput(const LedgerReader& reader, const ReminderRequest& request,
                        std::map<std::string, sal_Int32>& rowOf)
{
    ReminderInput input;
    input.asOf = request.asOf ? *request.asOf : reader.asOf();
    input.invoices = reader.invoices(rowOf, input.asOf);
    input.customers = reader.customers();
    input.log = reader.log();
    input.force = request.force;
    input.levelOverrides.insert(request.levelOverride.begin(), request.levelOverride.end());
    return input;
}

// The letters the user kept (the levels they chose are planned with the rest).
ReminderPlan applyChoices(ReminderPlan plan, const ReminderRequest& request)
{
    std::erase_if(plan.letters, [&](const CustomerReminder& letter)
                  { return request.skipped.count(foldText(letter.customer.name)) > 0; });
    return plan;
}

const char* templateName(ReminderLevel level, Language language)
{
    const bool fr = language == Language::French;
    switch (level)
    {
    case ReminderLevel::PreDue:
        return fr ? "pre-relance" : "pre-due-notice";
    case ReminderLevel::First:
        return fr ? "relance-1" : "reminder-1";
    case ReminderLevel::Second:
        return fr ? "relance-2" : "reminder-2";
    case ReminderLevel::FormalNotice:
        return fr ? "mise-en-demeure" : "formal-notice";
    }
    return "relance-1";
}

const char* statementTemplateName(Language language)
{
    return language == Language::French ? "releve" : "statement";
}

// Where the letter templates come from: the folder set in Paramètres (DossierModeles), for
// the templates found there, else the ones shipped in the extension.
class TemplateFolder
{
public:
    TemplateFolder(const uno::Reference<uno::XComponentContext>& context, Language language,
                   const std::string& userFolder)
    {
        const OUString location =
            deployment::PackageInformationProvider::get(context)->getPackageLocation(
                "fr.relance.calc");
        if (location.isEmpty())
            throw InputError("the Relance extension's templates cannot be found");
        shipped_ = location + "/templates/" + (language == Language::French ? "fr/" : "en/");
        if (!userFolder.empty())
        {
            user_ = fs::path(userFolder);
            if (userFolder.rfind("file:", 0) == 0)
            {
                OUString path;
                osl::FileBase::getSystemPathFromFileURL(fromUtf8(userFolder), path);
                user_ = fs::path(toUtf8(path));
            }
            std::error_code error;
            if (!fs::is_directory(user_, error))
                throw InputError(
                    (language == Language::French
                         ? "le dossier de modèles indiqué dans Paramètres n'existe pas : "
                         : "the templates folder set in Settings does not exist: ") +
                    userFolder);
        }
    }

    // The user's NAME.odt (or .ott, .fodt) when there is one, else the shipped NAME.odt.
    OUString url(const char* name) const
    {
        if (!user_.empty())
            for (const char* extension : {".odt", ".ott", ".fodt"})
                if (const fs::path candidate = user_ / (std::string(name) + extension);
                    fs::is_regular_file(candidate))
                    return urlOf(candidate);
        return shipped_ + OUString::createFromAscii(name) + ".odt";
    }

private:
    OUString shipped_;
    fs::path user_;
};

// Fills the templates. Each template is opened once per run and restored after each letter
// by undoing the fill, rather than loaded again: a letter costs its fill and its PDF export.
// The combined PDF is one more document into which each filled letter is copied.
class LetterWriter
{
public:
    LetterWriter(const uno::Reference<uno::XComponentContext>& context, Language language,
                 const TemplateFolder& templates, bool combine)
        : desktop_(frame::Desktop::create(context)), language_(language), templates_(templates),
          combine_(combine)
    {
    }
    ~LetterWriter()
    {
        for (const auto& [name, document] : open_)
            close(document);
        close(combined_);
    }
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
    void write(const CustomerReminder& letter, const LetterFields& fields, const fs::path& pdf,
               const std::optional<fs::path>& odt, const char* templateOverride = nullptr,
               const std::optional<Enclosure>& enclosure = std::nullopt)
    {
        const char* name =
            templateOverride ? templateOverride : templateName(letter.level, language_);
        const uno::Reference<lang::XComponent> document = templateDocument(name);
        bool restorable = false;
        try
        {
            restorable = asOneUndoStep(document,
                                       [&]
                                       {
                                           fillFields(document, fields);
                                           if (enclosure)
                                               appendEnclosure(document, *enclosure);
                                       });
            const uno::Reference<frame::XStorable> storable(document, uno::UNO_QUERY_THROW);
            storable->storeToURL(
                urlOf(pdf), sequenceOf<beans::PropertyValue>(
                                {property("FilterName", uno::Any(OUString("writer_pdf_Export")))}));
            if (odt)
                storable->storeToURL(urlOf(*odt),
                                     sequenceOf<beans::PropertyValue>(
                                         {property("FilterName", uno::Any(OUString("writer8")))}));
            if (combine_)
                appendToCombined(document, name);
        }
        catch (...)
        {
            forget(name, document);
            throw;
        }
        restore(name, document, restorable);
    }

    // The combined document, every letter on its own pages, for printing. False when no
    // letter was written.
    bool storeCombined(const fs::path& pdf)
    {
        if (!combined_.is())
            return false;
        uno::Reference<frame::XModel>(combined_, uno::UNO_QUERY_THROW)->unlockControllers();
        uno::Reference<frame::XStorable>(combined_, uno::UNO_QUERY_THROW)
            ->storeToURL(urlOf(pdf), sequenceOf<beans::PropertyValue>({property(
                                         "FilterName", uno::Any(OUString("writer_pdf_Export")))}));
        return true;
    }

private:
    uno::Reference<lang::XComponent> load(const char* name)
    {
        const uno::Reference<lang::XComponent> document = desktop_->loadComponentFromURL(
            templates_.url(name), "_blank", 0,
            sequenceOf<beans::PropertyValue>(
                {property("Hidden", uno::Any(true)), property("AsTemplate", uno::Any(true))}));
        if (!document.is())
            throw InputError(std::string("cannot open the letter template ") + name);
        return document;
    }

    uno::Reference<lang::XComponent> templateDocument(const char* name)
    {
        auto found = open_.find(name);
        if (found == open_.end())
            found = open_.emplace(name, load(name)).first;
        return found->second;
    }

    void forget(const char* name, const uno::Reference<lang::XComponent>& document)
    {
        open_.erase(name);
        close(document);
    }

    static uno::Reference<frame::XController>
    controllerOf(const uno::Reference<lang::XComponent>& document)
    {
        return uno::Reference<frame::XModel>(document, uno::UNO_QUERY_THROW)
            ->getCurrentController();
    }

    // Runs `change` on a template as one undo step, laid out once afterwards rather than after
    // each field. True when that step can be undone to put the template back.
    template <typename Change>
    static bool asOneUndoStep(const uno::Reference<lang::XComponent>& document,
                              const Change& change)
    {
        const uno::Reference<document::XUndoManager> undo =
            uno::Reference<document::XUndoManagerSupplier>(document, uno::UNO_QUERY_THROW)
                ->getUndoManager();
        const uno::Reference<frame::XModel> model(document, uno::UNO_QUERY_THROW);
        model->lockControllers();
        undo->enterUndoContext("Relance");
        try
        {
            change();
        }
        catch (...)
        {
            undo->leaveUndoContext();
            model->unlockControllers();
            throw;
        }
        undo->leaveUndoContext();
        model->unlockControllers();
        return undo->isUndoPossible();
    }

    // The template as it was, for the next letter: undone, or as it is when the fill changed
    // nothing (a template without fields); closed, to be loaded again, when it was changed
    // without undo (switched off by the user) or its undo failed. The letter made stands.
    void restore(const char* name, const uno::Reference<lang::XComponent>& document,
                 bool restorable)
    {
        try
        {
            if (restorable)
                uno::Reference<document::XUndoManagerSupplier>(document, uno::UNO_QUERY_THROW)
                    ->getUndoManager()
                    ->undo();
            else if (uno::Reference<util::XModifiable>(document, uno::UNO_QUERY_THROW)
                         ->isModified())
                forget(name, document);
        }
        catch (...)
        {
            forget(name, document);
        }
    }

    static void fillFields(const uno::Reference<lang::XComponent>& document,
                           const LetterFields& fields)
    {
        replaceFields(document, fields.fields);
        fillInvoiceTable(document, fields);
    }

    // The enclosure's template (never the letter's own) filled, copied after the letter on a
    // new page, and put back.
    void appendEnclosure(const uno::Reference<lang::XComponent>& letter, const Enclosure& enclosure)
    {
        const uno::Reference<lang::XComponent> document = templateDocument(enclosure.templateName);
        bool restorable = false;
        try
        {
            restorable = asOneUndoStep(document, [&] { fillFields(document, enclosure.fields); });
            appendOnNewPage(letter, copyOf(document), DocumentEnd::FromModel);
        }
        catch (...)
        {
            forget(enclosure.templateName, document);
            throw;
        }
        restore(enclosure.templateName, document, restorable);
    }

    // The whole document (text, tables, styles) as Writer's own copy holds it: a snapshot
    // taken now, in memory.
    static uno::Reference<datatransfer::XTransferable>
    copyOf(const uno::Reference<lang::XComponent>& document)
    {
        const uno::Reference<text::XText> body =
            uno::Reference<text::XTextDocument>(document, uno::UNO_QUERY_THROW)->getText();
        const uno::Reference<text::XTextCursor> all = body->createTextCursor();
        all->gotoStart(false);
        all->gotoEnd(true);
        const uno::Reference<frame::XController> source = controllerOf(document);
        uno::Reference<view::XSelectionSupplier>(source, uno::UNO_QUERY_THROW)
            ->select(uno::Any(uno::Reference<text::XTextRange>(all, uno::UNO_QUERY_THROW)));
        return uno::Reference<datatransfer::XTransferableSupplier>(source, uno::UNO_QUERY_THROW)
            ->getTransferable();
    }

    static void paste(const uno::Reference<lang::XComponent>& target,
                      const uno::Reference<datatransfer::XTransferable>& copy)
    {
        uno::Reference<datatransfer::XTransferableSupplier>(controllerOf(target),
                                                            uno::UNO_QUERY_THROW)
            ->insertTransferable(copy);
    }

    static uno::Reference<text::XTextViewCursor>
    viewCursorOf(const uno::Reference<lang::XComponent>& document)
    {
        return uno::Reference<text::XTextViewCursorSupplier>(controllerOf(document),
                                                             uno::UNO_QUERY_THROW)
            ->getViewCursor();
    }

    // Pastes a copy in place of all of the target's content.
    static void replaceContent(const uno::Reference<lang::XComponent>& target,
                               const uno::Reference<datatransfer::XTransferable>& copy)
    {
        const uno::Reference<text::XTextViewCursor> cursor = viewCursorOf(target);
        cursor->gotoStart(false);
        cursor->gotoEnd(true);
        paste(target, copy);
    }

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
    static void appendOnNewPage(const uno::Reference<lang::XComponent>& target,
                                const uno::Reference<datatransfer::XTransferable>& copy,
                                DocumentEnd end)
    {
        const uno::Reference<text::XText> body =
            uno::Reference<text::XTextDocument>(target, uno::UNO_QUERY_THROW)->getText();
        const uno::Reference<text::XTextViewCursor> view = viewCursorOf(target);
        const uno::Reference<text::XTextCursor> cursor =
            end == DocumentEnd::FromView
                ? uno::Reference<text::XTextCursor>(view, uno::UNO_QUERY_THROW)
                : body->createTextCursor();
        cursor->gotoEnd(false);
        body->insertControlCharacter(uno::Reference<text::XTextRange>(cursor, uno::UNO_QUERY_THROW),
                                     text::ControlCharacter::PARAGRAPH_BREAK, false);
        cursor->gotoEnd(false);
        uno::Reference<beans::XPropertySet>(cursor, uno::UNO_QUERY_THROW)
            ->setPropertyValue("BreakType", uno::Any(style::BreakType_PAGE_BEFORE));
        if (end == DocumentEnd::FromModel)
            view->gotoRange(uno::Reference<text::XTextRange>(cursor, uno::UNO_QUERY_THROW), false);
        paste(target, copy);
    }

    // Copies the whole filled letter to the end of the combined document, on a new page.
    void appendToCombined(const uno::Reference<lang::XComponent>& letter, const char* name)
    {
        const uno::Reference<datatransfer::XTransferable> copy = copyOf(letter);
        // The first letter replaces the whole of a fresh copy of its template (same page
        // styles); each next one starts with a page break after the last.
        const bool first = !combined_.is();
        if (first)
        {
            // Nobody undoes in this document, and laying it out after each letter would cost
            // in proportion to its length: no undo, and the layout once, when it is exported.
            combined_ = load(name);
            uno::Reference<document::XUndoManagerSupplier>(combined_, uno::UNO_QUERY_THROW)
                ->getUndoManager()
                ->lock();
            uno::Reference<frame::XModel>(combined_, uno::UNO_QUERY_THROW)->lockControllers();
        }
        if (first)
            replaceContent(combined_, copy);
        else
            appendOnNewPage(combined_, copy, DocumentEnd::FromView);
    }

    static void close(const uno::Reference<lang::XComponent>& document)
    {
        if (!document.is())
            return;
        try
        {
            uno::Reference<util::XCloseable>(document, uno::UNO_QUERY_THROW)->close(true);
        }
        catch (const uno::Exception&)
        {
        }
    }

    // Every {{name}} of the document, replaced literally (no regular expression, no markup).
    // Every {{name}} of the template, found once before anything is inserted, then replaced
    // by its value as plain text: a value is never searched again, so a customer named
    // "{{total.du}}" or "<b>" stays as typed. The invoice table's {{facture.*}} are left for
    // fillInvoiceTable.
    static void replaceFields(const uno::Reference<lang::XComponent>& document,
                              const FieldMap& fields)
    {
        const uno::Reference<util::XReplaceable> replaceable(document, uno::UNO_QUERY_THROW);
        const uno::Reference<util::XReplaceDescriptor> search =
            replaceable->createReplaceDescriptor();
        search->setSearchString("\\{\\{[^{}]*\\}\\}");
        search->setPropertyValue("SearchRegularExpression", uno::Any(true));
        const uno::Reference<container::XIndexAccess> found = replaceable->findAll(
            uno::Reference<util::XSearchDescriptor>(search, uno::UNO_QUERY_THROW));
        std::vector<uno::Reference<text::XTextRange>> ranges;
        for (sal_Int32 i = 0; found.is() && i < found->getCount(); ++i)
            ranges.emplace_back(found->getByIndex(i), uno::UNO_QUERY_THROW);
        for (const auto& range : ranges)
        {
            const std::string placeholder = toUtf8(range->getString());
            const std::string name = foldText(placeholder.substr(2, placeholder.size() - 4));
            if (name.rfind("facture.", 0) == 0)
                continue;
            const auto value = fields.find(name);
            if (value == fields.end())
                throw InputError("the letter template has an unknown field " + placeholder);
            range->setString(fromUtf8(value->second));
        }
    }

    // The "Factures" table: its second row is the per-invoice template, repeated per invoice.
    static void fillInvoiceTable(const uno::Reference<lang::XComponent>& document,
                                 const LetterFields& fields)
    {
        const uno::Reference<container::XNameAccess> tables(
            uno::Reference<text::XTextTablesSupplier>(document, uno::UNO_QUERY_THROW)
                ->getTextTables(),
            uno::UNO_QUERY_THROW);
        if (!tables->hasByName("Factures"))
            return;
        const uno::Reference<text::XTextTable> table(tables->getByName("Factures"),
                                                     uno::UNO_QUERY_THROW);
        const uno::Reference<table::XCellRange> cells(table, uno::UNO_QUERY_THROW);
        const sal_Int32 columns =
            uno::Reference<container::XIndexAccess>(table->getColumns(), uno::UNO_QUERY_THROW)
                ->getCount();
        std::vector<std::string> templateRow;
        for (sal_Int32 c = 0; c < columns; ++c)
            templateRow.push_back(toUtf8(
                uno::Reference<text::XText>(cells->getCellByPosition(c, 1), uno::UNO_QUERY_THROW)
                    ->getString()));
        const sal_Int32 count = static_cast<sal_Int32>(fields.invoices.size());
        if (count == 0)
        {
            table->getRows()->removeByIndex(1, 1);
            return;
        }
        if (count > 1)
            table->getRows()->insertByIndex(2, count - 1);
        for (sal_Int32 r = 0; r < count; ++r)
            for (sal_Int32 c = 0; c < columns; ++c)
                uno::Reference<text::XText>(cells->getCellByPosition(c, r + 1),
                                            uno::UNO_QUERY_THROW)
                    ->setString(
                        fromUtf8(fillPlaceholders(templateRow[static_cast<std::size_t>(c)],
                                                  fields.invoices[static_cast<std::size_t>(r)])));
    }

    uno::Reference<frame::XDesktop2> desktop_;
    Language language_;
    const TemplateFolder& templates_;
    bool combine_;
    std::map<std::string, uno::Reference<lang::XComponent>, std::less<>> open_;
    uno::Reference<lang::XComponent> combined_;
};

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The e-mail's text; the letter itself, and its enclosed statement when there is one, are
// in the attached PDF.
std::string emailBody(const LetterFields& fields, bool withStatement, Language language)
{
    const auto field = [&](const char* name)
    {
        const auto found = fields.fields.find(name);
        return found == fields.fields.end() ? std::string() : found->second;
    };
    if (language == Language::French)
        return "Bonjour,\n\nVeuillez trouver ci-joint notre courrier : " + field("objet") +
               (withStatement ? ", suivi du relevé de votre compte" : "") +
               ".\nMontant dû : " + field("total.general") + ", à régler avant le " +
               field("echeance_reglement") + ".\n\n" + field("mention.paiement_croise") +
               "\n\nCordialement,\n" + field("societe.nom") + "\n";
    return "Hello,\n\nPlease find attached our letter: " + field("objet") +
           (withStatement ? ", followed by the statement of your account" : "") +
           ".\nAmount due: " + field("total.general") + ", to be paid by " +
           field("echeance_reglement") + ".\n\n" + field("mention.paiement_croise") +
           "\n\nKind regards,\n" + field("societe.nom") + "\n";
}

// A letter's file name not taken yet in the day's folder: a run forced the same day, or two
// customers whose names make the same file name, never overwrite a letter the log points to.
std::string unusedBase(const fs::path& folder, const std::string& base)
{
    const auto taken = [&](const std::string& name)
    {
        for (const char* extension : {".pdf", ".odt", ".eml"})
            if (fs::exists(folder / (name + extension)))
                return true;
        return false;
    };
    std::string name = base;
    for (int n = 2; taken(name); ++n)
        name = base + "-" + std::to_string(n);
    return name;
}

} // namespace

std::string fileSafeName(std::string_view text)
{
    std::string name;
    for (const std::string& word : foldedWords(text))
    {
        std::string ascii;
        for (char c : word)
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                ascii.push_back(c);
        if (ascii.empty())
            continue;
        name += (name.empty() ? "" : "-") + ascii;
        if (name.size() > 60)
            break;
    }
    return name.empty() ? "client" : name;
}

std::string ReminderReport::summary(Language language) const
{
    const bool fr = language == Language::French;
    std::string text = fr ? std::to_string(letters.size()) + " relance(s) générée(s), " +
                                std::to_string(plan.excluded.size()) + " exclusion(s)."
                          : std::to_string(letters.size()) + " reminder(s) generated, " +
                                std::to_string(plan.excluded.size()) + " exclusion(s).";
    if (stopped)
        text +=
            fr ? "\nArrêt demandé : " + std::to_string(plan.letters.size() - letters.size()) +
                     " relance(s) non produite(s) ni journalisée(s)."
               : "\nStopped on request: " + std::to_string(plan.letters.size() - letters.size()) +
                     " reminder(s) not made and not logged.";
    for (const GeneratedLetter& letter : letters)
        if (!letter.problem.empty())
            text += "\n" + letter.customer + " : " +
                    (letter.failed ? (fr ? "non envoyé : " : "not sent: ") : "") + letter.problem;
    return text;
}

ReminderGenerator::ReminderGenerator(uno::Reference<uno::XComponentContext> context,
                                     uno::Reference<frame::XModel> document,
                                     uno::Reference<task::XStatusIndicator> progress)
    : context_(std::move(context)), document_(std::move(document)), progress_(std::move(progress))
{
}

ReminderPlan ReminderGenerator::plan(const ReminderRequest& request) const
{
    const LedgerReader reader(document_);
    std::map<std::string, sal_Int32> rowOf;
    return applyChoices(
        planReminders(readInput(reader, request, rowOf), reader.policy(), reader.ecbRates()),
        request);
}

std::vector<std::string> ReminderGenerator::statements(const ReminderRequest& request,
                                                       const std::string& customer)
{
    const LedgerReader reader(document_);
    std::map<std::string, sal_Int32> rowOf;
    const ReminderInput input = readInput(reader, request, rowOf);
    const SenderDetails sender = reader.sender();
    const bool fr = request.language == Language::French;

    // Every customer with something due, or the one asked for: all its open invoices.
    const std::vector<CustomerReminder> all = accountStatements(input, customer);
    if (!customer.empty() && all.empty())
        throw InputError(fr ? "aucune facture ouverte pour « " + customer + " »"
                            : "no open invoice for \"" + customer + "\"");

    fs::path out = request.outputDir.empty() ? fs::temp_directory_path() / "Relances"
                                             : fs::path(request.outputDir);
    out /= toIsoString(input.asOf);
    fs::create_directories(out);
    const TemplateFolder templates(context_, request.language, reader.templatesFolder());
    LetterWriter writer(context_, request.language, templates, false);
    std::vector<std::string> written;
    for (const CustomerReminder& statement : all)
    {
        const std::string base = std::string(statementTemplateName(request.language)) + "_" +
                                 fileSafeName(statement.customer.name);
        const fs::path pdf = out / (base + ".pdf");
        std::optional<fs::path> odt;
        if (request.odt)
            odt = out / (base + ".odt");
        writer.write(statement, letterFields(statement, sender, request.language), pdf, odt,
                     statementTemplateName(request.language));
        written.push_back(pdf.string());
    }
    return written;
}

DayNumber ReminderGenerator::asOf() const
{
    return LedgerReader(document_).asOf();
}

ReminderReport ReminderGenerator::generate(const ReminderRequest& request,
                                           const LetterProgress& onLetter)
{
    return run(request, true, onLetter);
}

ReminderReport ReminderGenerator::previewLetters(const ReminderRequest& request)
{
    return run(request, false, {});
}

ReminderReport ReminderGenerator::run(const ReminderRequest& request, bool record,
                                      const LetterProgress& onLetter)
{
    // Everything is read and planned before the first file or cell is written.
    const LedgerReader reader(document_);
    std::map<std::string, sal_Int32> rowOf;
    const ReminderInput input = readInput(reader, request, rowOf);
    ReminderReport report;
    const ReminderPolicy policy = reader.policy();
    report.plan = applyChoices(planReminders(input, policy, reader.ecbRates()), request);
    const SenderDetails sender = reader.sender();
    // Reminder 2 encloses the customer's statement of account: every statement is built at the
    // first such letter, in one pass over the invoices.
    std::optional<std::map<std::string, CustomerReminder>> statements;
    const auto enclosureFor =
        [&](const CustomerReminder& letter) -> std::optional<LetterWriter::Enclosure>
    {
        if (letter.level != ReminderLevel::Second || !policy.statementWithSecond)
            return std::nullopt;
        if (!statements)
        {
            statements.emplace();
            for (CustomerReminder& statement : accountStatements(input))
                statements->emplace(foldText(statement.customer.name), std::move(statement));
        }
        const auto found = statements->find(foldText(letter.customer.name));
        if (found == statements->end())
            return std::nullopt;
        return LetterWriter::Enclosure{statementTemplateName(request.language),
                                       letterFields(found->second, sender, request.language)};
    };

    fs::path out = request.outputDir;
    if (out.empty())
    {
        OUString path;
        const OUString url = document_->getURL();
        if (!url.isEmpty() &&
            osl::FileBase::getSystemPathFromFileURL(url, path) == osl::FileBase::E_None)
            out = fs::path(toUtf8(path)).parent_path() / "Relances";
        else
            out = fs::temp_directory_path() / "Relances";
    }
    out /= toIsoString(input.asOf);
    fs::create_directories(out);
    if (report.plan.letters.empty())
        return report;

    const TemplateFolder templates(context_, request.language, reader.templatesFolder());
    LetterWriter writer(context_, request.language, templates,
                        request.pdf && request.combined && record);
    const sal_Int32 total = static_cast<sal_Int32>(report.plan.letters.size());
    if (progress_.is())
        progress_->start(fromUtf8(request.language == Language::French ? "Relance : courriers"
                                                                       : "Relance: letters"),
                         total);
    // One SMTP connection for the whole batch, with the server set in LibreOffice's mail merge
    // options; a connection failure is recorded on every letter, which still exists as PDF.
    std::unique_ptr<SmtpSession> smtp;
    std::string smtpFailure;
    if (request.send && record)
        try
        {
            smtp = std::make_unique<SmtpSession>(context_, smtpSettingsFromOffice(context_));
        }
        catch (const InputError& error)
        {
            smtpFailure = error.what();
        }
    const bool fr = request.language == Language::French;

    // The proof log: one row per letter, written as soon as the letter exists (and its e-mail
    // left), with each invoice's last level and date.
    uno::Reference<sheet::XSpreadsheet> logSheet, ledger;
    sal_Int32 nextLogRow = 0;
    if (record)
    {
        logSheet = ledgerSheet(document_, LedgerSheet::Reminders, true);
        ledger = ledgerSheet(document_, LedgerSheet::Invoices, true);
        nextLogRow = static_cast<sal_Int32>(dataRows(logSheet, 9).getLength()) + 1;
    }
    const sal_Int32 levelColumn = static_cast<sal_Int32>(columnIndex(invoiceColumns(), "level"));
    const double today = static_cast<double>(input.asOf - reader.nullDate());
    const auto logLetter = [&](const CustomerReminder& letter, const GeneratedLetter& generated)
    {
        // A letter the server did not take is not a reminder: its invoices keep their level.
        std::string numbers;
        for (const ReminderLine& line : letter.invoices)
        {
            numbers += (numbers.empty() ? "" : ", ") + line.invoice.number;
            if (const auto found = rowOf.find(invoiceKey(line.invoice.number));
                !generated.failed && found != rowOf.end())
            {
                ledger->getCellByPosition(levelColumn, found->second)
                    ->setValue(static_cast<int>(letter.level));
                ledger->getCellByPosition(levelColumn + 1, found->second)->setValue(today);
            }
        }
        const std::string channel = generated.sent || generated.failed ? "E-mail (SMTP)"
                                    : request.eml && !generated.eml.empty()
                                        ? "E-mail (.eml)"
                                        : (fr ? "Courrier PDF" : "PDF letter");
        const std::string file = !generated.eml.empty()
                                     ? generated.eml
                                     : (!generated.pdf.empty() ? generated.pdf : generated.odt);
        // "Échec…" / "Failed…": the words by which the log's reader leaves the row out.
        const std::string state =
            generated.failed ? (fr ? "Échec de l'envoi : " : "Failed to send: ") + generated.problem
            : generated.sent            ? (fr ? "Envoyé" : "Sent")
            : generated.problem.empty() ? (fr ? "Généré" : "Generated")
                                        : (fr ? "Généré, " : "Generated, ") + generated.problem;
        const Grid row = sequenceOf<uno::Sequence<uno::Any>>({sequenceOf<uno::Any>(
            {uno::Any(today), uno::Any(fromUtf8(letter.customer.name)),
             uno::Any(static_cast<double>(static_cast<int>(letter.level))),
             uno::Any(fromUtf8(numbers)), uno::Any(eurosFromCents(letter.totalBalance)),
             uno::Any(eurosFromCents(letter.totalPenalties + letter.totalIndemnities)),
             uno::Any(fromUtf8(channel)), uno::Any(fromUtf8(file)), uno::Any(fromUtf8(state))})});
        uno::Reference<sheet::XCellRangeData>(
            logSheet->getCellRangeByPosition(0, nextLogRow, 8, nextLogRow), uno::UNO_QUERY_THROW)
            ->setDataArray(row);
        ++nextLogRow;
    };

    // The log and level cells change once per letter: Calc recalculates what depends on them
    // (the ledger's next actions, the customers' risk) once, at the end, not after each.
    const uno::Reference<sheet::XCalculatable> calculation(document_, uno::UNO_QUERY_THROW);
    const bool autoCalc = calculation->isAutomaticCalculationEnabled();
    if (record)
    {
        document_->lockControllers();
        calculation->enableAutomaticCalculation(false);
    }

    // Whatever happens: the calculation and the views as they were, the status bar freed, and
    // the PDFs made only for their e-mails removed.
    std::vector<fs::path> pdfs;
    const auto finish = [&]
    {
        if (record)
        {
            calculation->enableAutomaticCalculation(autoCalc);
            document_->unlockControllers();
        }
        std::error_code ignored;
        for (const fs::path& pdf : pdfs)
            fs::remove(pdf, ignored);
        if (progress_.is())
            progress_->end();
    };
    try
    {
        for (sal_Int32 i = 0; i < total; ++i)
        {
            const CustomerReminder& letter = report.plan.letters[static_cast<std::size_t>(i)];
            if (onLetter && !onLetter(static_cast<std::size_t>(i), static_cast<std::size_t>(total),
                                      letter.customer.name))
            {
                report.stopped = true;
                break;
            }
            const std::optional<LetterWriter::Enclosure> enclosure = enclosureFor(letter);
            const LetterFields fields =
                letterFields(letter, sender, request.language, enclosure.has_value());
            std::string base = fileSafeName(levelName(letter.level, request.language)) + "_" +
                               fileSafeName(letter.customer.name);
            if (record)
                base = unusedBase(out, base);
            GeneratedLetter generated;
            generated.customer = letter.customer.name;
            generated.level = letter.level;
            const fs::path pdf = out / (base + ".pdf");
            std::optional<fs::path> odt;
            if (request.odt)
                odt = out / (base + ".odt");
            pdfs.push_back(pdf);
            writer.write(letter, fields, pdf, odt, nullptr, enclosure);
            if (odt)
                generated.odt = odt->string();
            if (request.eml || (request.send && record))
            {
                try
                {
                    if (letter.customer.email.empty())
                        throw InputError(fr ? "pas d'adresse e-mail" : "no e-mail address");
                    EmailMessage message;
                    message.from = sender.email;
                    message.fromName = sender.name;
                    message.to = letter.customer.email;
                    message.toName = letter.customer.legalName.empty() ? letter.customer.name
                                                                       : letter.customer.legalName;
                    message.subject = fields.fields.at("objet");
                    message.bodyText = emailBody(fields, enclosure.has_value(), request.language);
                    message.date = input.asOf;
                    message.attachments.push_back(
                        {pdf.filename().string(), "application/pdf", readFile(pdf)});
                    if (request.eml)
                    {
                        const fs::path eml = out / (base + ".eml");
                        const std::string text = toEml(message); // validates before writing
                        std::ofstream(eml, std::ios::binary) << text;
                        generated.eml = eml.string();
                    }
                    if (request.send && record)
                    {
                        try
                        {
                            if (!smtpFailure.empty())
                                throw InputError(smtpFailure);
                            smtp->send(message);
                            generated.sent = true;
                        }
                        catch (const InputError& error)
                        {
                            generated.failed = true;
                            generated.problem = error.message(request.language);
                        }
                    }
                }
                catch (const InputError& error)
                {
                    // The letter exists; this e-mail does not.
                    generated.problem = error.message(request.language);
                }
            }
            // Beside the PDFs asked for, an e-mail's PDF stays unless its .eml (which holds it)
            // was written: a letter sent through the server keeps it as the proof of what was
            // sent, one whose e-mail could not be made keeps it as the letter to post.
            const bool emailAsked = request.eml || (request.send && record);
            if (request.pdf || (record && emailAsked && generated.eml.empty()))
            {
                generated.pdf = pdf.string();
                pdfs.pop_back();
            }
            if (record)
                logLetter(letter, generated);
            report.letters.push_back(std::move(generated));
            if (progress_.is())
                progress_->setValue(i + 1);
        }
        if (request.pdf && request.combined && record)
        {
            const fs::path combined =
                out / (unusedBase(out, fr ? "relances-a-imprimer" : "letters-to-print") + ".pdf");
            if (writer.storeCombined(combined))
                report.combinedPdf = combined.string();
        }
    }
    catch (...)
    {
        finish();
        throw;
    }
    finish();
    return report;
}

} // namespace relance::addin
