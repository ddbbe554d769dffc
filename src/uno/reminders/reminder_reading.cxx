// Reading the tracked ledger for the reminders: the Registre, Clients and Relances rows and
// the Paramètres settings, as core planReminders takes them. Kept apart so that what the
// workbook says is read in one place, before any letter is written.
#include "uno/reminders/reminder_generator_detail.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeReferrer.hpp>
#include <com/sun/star/sheet/XNamedRanges.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/util/Date.hpp>

#include "uno/functions/any_convert.hxx"
#include "core/common/input_error.hxx"
#include "core/risk/invoice_status.hxx"
#include "uno/ledger/ledger_layout.hxx"
#include "core/ledger/ledger_model.hxx"
#include "core/common/text_fold.hxx"
#include "uno/functions/used_area.hxx"

using namespace css;

namespace relance::addin::reminder_detail
{
namespace
{

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

} // namespace

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

Grid dataRows(const uno::Reference<sheet::XSpreadsheet>& sheet, sal_Int32 columns)
{
    const sal_Int32 lastRow = lastUsedRow(sheet);
    if (lastRow < 1)
        return {};
    return uno::Reference<sheet::XCellRangeData>(
               sheet->getCellRangeByPosition(0, 1, columns - 1, lastRow), uno::UNO_QUERY_THROW)
        ->getDataArray();
}

LedgerReader::LedgerReader(const uno::Reference<frame::XModel>& document) : document_(document)
{
    util::Date date;
    uno::Reference<beans::XPropertySet>(document, uno::UNO_QUERY_THROW)
        ->getPropertyValue("NullDate") >>= date;
    nullDate_ = toDayNumber({date.Year, date.Month, date.Day});
    names_.set(uno::Reference<beans::XPropertySet>(document, uno::UNO_QUERY_THROW)
                   ->getPropertyValue("NamedRanges"),
               uno::UNO_QUERY_THROW);
}

uno::Reference<table::XCellRange> LedgerReader::named(const char* name) const
{
    const uno::Reference<container::XNameAccess> access(names_, uno::UNO_QUERY_THROW);
    const OUString key = OUString::createFromAscii(name);
    if (!access->hasByName(key))
        throw InputError(std::string("the named range ") + name + " is missing: re-sync the ledger",
                         std::string("la plage nommée ") + name +
                             " manque : actualisez le registre (Créances clients ▸ "
                             "Actualiser le registre depuis la feuille source)");
    return uno::Reference<sheet::XCellRangeReferrer>(access->getByName(key), uno::UNO_QUERY_THROW)
        ->getReferredCells();
}

uno::Any LedgerReader::namedValue(const char* name) const
{
    const uno::Reference<table::XCell> cell = named(name)->getCellByPosition(0, 0);
    if (cell->getType() == table::CellContentType_EMPTY)
        return {};
    if (cell->getType() == table::CellContentType_TEXT)
        return uno::Any(uno::Reference<text::XText>(cell, uno::UNO_QUERY_THROW)->getString());
    return uno::Any(cell->getValue());
}

int LedgerReader::namedDays(const char* name, int fallback) const
{
    return optionalInteger(namedValue(name), name, fallback, 0, 3650);
}

std::string LedgerReader::namedText(const char* name) const
{
    return textOf(namedValue(name));
}

bool LedgerReader::hasName(const char* name) const
{
    return uno::Reference<container::XNameAccess>(names_, uno::UNO_QUERY_THROW)
        ->hasByName(OUString::createFromAscii(name));
}

template <typename Read>
auto LedgerReader::setting(const char* name, const char* label, const char* expected,
                           const Read& read) const
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

ReminderPolicy LedgerReader::policy() const
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
        [&] { return optionalAmount(namedValue("MontantMinimum"), "MontantMinimum").value_or(0); });
    // As the ledger's penalty column reads it.
    policy.contractualRate =
        setting("TauxContractuel", "Taux de pénalité contractuel", "un taux (12,5 % par exemple)",
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

std::string LedgerReader::templatesFolder() const
{
    return hasName("DossierModeles") ? namedText("DossierModeles") : std::string();
}

SenderDetails LedgerReader::sender() const
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

RateTable LedgerReader::ecbRates() const
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

DayNumber LedgerReader::asOf() const
{
    const uno::Any value = namedValue(kAsOfName);
    double serial = 0;
    if (!(value >>= serial))
        throw InputError("the as-of date (DateSituation) is missing",
                         "la date de situation (DateSituation, dans le tableau de bord) "
                         "manque");
    return DateContext(nullDate_).fromSerial(serial);
}

std::vector<ReminderInvoice> LedgerReader::invoices(std::map<std::string, sal_Int32>& rowOf,
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
        auto due = optionalDate(cells[at("due_date")], dates, where + ", due date");
        const auto balance = optionalAmount(cells[at("balance")], where + ", balance");
        // A credit note still open (a negative balance) is read, due or not: it stops its
        // customer's letters until it is set against the invoices.
        if (balance && *balance < 0 && !due)
            due = optionalDate(cells[at("invoice_date")], dates, where + ", invoice date")
                      .value_or(asOf);
        if (invoice.number.empty() || invoice.customer.empty() || !due || !balance || *balance == 0)
            continue; // nothing to chase on this row
        invoice.dueDate = *due;
        invoice.invoiceDate =
            optionalDate(cells[at("invoice_date")], dates, where + ", invoice date").value_or(*due);
        invoice.amountInclVat =
            optionalAmount(cells[at("amount")], where + ", amount").value_or(*balance);
        invoice.paid = optionalAmount(cells[at("paid")], where + ", paid").value_or(0);
        invoice.balance = *balance;
        // The notes count too ("litige livraison", "promesse 20/11"), as for the status.
        const FollowUpFlags notes = parseFollowUpFlags(textOf(cells[at("notes")]), asOf);
        invoice.disputed = !isBlank(cells[at("dispute")]) || notes.disputed;
        invoice.promiseDate = optionalDate(cells[at("promise")], dates, where + ", promise date");
        if (!invoice.promiseDate && notes.promised)
            invoice.promiseDate = notes.promiseDate;
        // Litigation and written-off invoices are in other hands: no more letters.
        invoice.onHold = !isBlank(cells[at("hold")]) || notes.writtenOff;
        invoice.litigation = notes.litigation;
        invoice.lastLevelSent =
            optionalInteger(cells[at("level")], where + ", last reminder level", 0, 0, 3);
        invoice.lastReminderDate =
            optionalDate(cells[at("level_date")], dates, where + ", last reminder date");
        rowOf[invoiceKey(invoice.number)] = r + 1;
        invoices.push_back(std::move(invoice));
    }
    return invoices;
}

std::vector<ReminderCustomer> LedgerReader::customers() const
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

std::vector<ReminderLogEntry> LedgerReader::log() const
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
        log.push_back(
            {customer, *date,
             static_cast<ReminderLevel>(optionalInteger(cells[2], "Relances, level", 1, 0, 3))});
    }
    return log;
}

ReminderInput readInput(const LedgerReader& reader, const ReminderRequest& request,
                        std::map<std::string, sal_Int32>& rowOf)
{
    ReminderInput input;
    input.asOf = request.asOf ? *request.asOf : reader.asOf();
    input.invoices = reader.invoices(rowOf, input.asOf);
    input.customers = reader.customers();
    input.log = reader.log();
    input.force = request.force;
    input.startFromLateness = request.startFromLateness;
    input.levelOverrides.insert(request.levelOverride.begin(), request.levelOverride.end());
    return input;
}
} // namespace relance::addin::reminder_detail
