// The Writer's Paramètres sheet (company, reminder policy, rates and the names they define) and
// the Relances log sheet: laid out when created, on a re-sync only completed where still empty.
#include "uno/ledger/ledger_workbook.hxx"

#include <map>
#include <set>
#include <tuple>

#include "core/common/text_fold.hxx"
#include "uno/functions/used_area.hxx"

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableColumns.hpp>

using namespace css;

namespace relance::addin::ledger_writer
{

void Writer::ensureSettings()
{
    bool created = false;
    const uno::Reference<sheet::XSpreadsheet> sheet = ensureSheet(LedgerSheet::Settings, created);
    const OUString sheetName = name(LedgerSheet::Settings);
    const bool fr = language_ == Language::French;
    if (created)
    {
        struct Line
        {
            const char* french;
            const char* english;
            uno::Any value;
        };
        const std::vector<Line> lines = {
            {"Votre entreprise", "Your company", uno::Any(OUString())},
            {"Raison sociale", "Company name", uno::Any(OUString())},
            {"SIRET", "SIRET", uno::Any(OUString())},
            {"Adresse", "Address", uno::Any(OUString())},
            {"Code postal et ville", "Postcode and city", uno::Any(OUString())},
            {"E-mail", "E-mail", uno::Any(OUString())},
            {"Téléphone", "Phone", uno::Any(OUString())},
            {"IBAN", "IBAN", uno::Any(OUString())},
            {"BIC", "BIC", uno::Any(OUString())},
            {"", "", uno::Any(OUString())},
            {"Politique de relance", "Reminder policy", uno::Any(OUString())},
            {"Pré-relance (jours avant échéance, vide = désactivée)",
             "Pre-due notice (days before due, blank = off)", uno::Any(OUString())},
            {"Relance 1, courtoise (jours après échéance)",
             "Reminder 1, courteous (days after due)", uno::Any(1.0)},
            {"Relance 2, ferme (jours après échéance)", "Reminder 2, firm (days after due)",
             uno::Any(15.0)},
            {"Mise en demeure (jours après échéance)", "Formal notice (days after due)",
             uno::Any(30.0)},
            {"Délai accordé dans les relances (jours)", "Deadline given in reminders (days)",
             uno::Any(8.0)},
            {"Montant minimum à relancer", "Minimum amount to chase", uno::Any(0.0)},
            {"Jours minimum entre deux relances", "Minimum days between two reminders",
             uno::Any(7.0)},
            {"Taux de pénalité contractuel (vide = légal)",
             "Contractual penalty rate (blank = statutory)", uno::Any(OUString())},
            {"", "", uno::Any(OUString())},
            {"Taux BCE à ajouter (semestre, taux)", "ECB rates to add (half-year, rate)",
             uno::Any(OUString())},
        };
        Grid data(static_cast<sal_Int32>(lines.size()));
        for (std::size_t i = 0; i < lines.size(); ++i)
            data.getArray()[i] = sequenceOf<uno::Any>(
                {uno::Any(fromUtf8(fr ? lines[i].french : lines[i].english)), lines[i].value});
        uno::Reference<sheet::XCellRangeData>(
            rangeOf(sheet, 0, 0, 1, static_cast<sal_Int32>(lines.size()) - 1), uno::UNO_QUERY_THROW)
            ->setDataArray(data);
        for (sal_Int32 row : {0, 10, 20})
            setProperty(rangeOf(sheet, 0, row, 0, row), "CharWeight",
                        uno::Any(awt::FontWeight::BOLD));
        // The next half-year to fill in: 2026-S2 is not in the shipped table.
        put(sheet, 0, 21, uno::Any(OUString("2026-S2")));
        setProperty(rangeOf(sheet, 0, 32, 0, 32), "CharWeight", uno::Any(awt::FontWeight::BOLD));
        setProperty(rangeOf(sheet, 1, 16, 1, 16), "NumberFormat",
                    uno::Any(formats_.key(CellFormat::Money)));
        const uno::Reference<table::XColumnRowRange> columnRange(sheet, uno::UNO_QUERY_THROW);
        setProperty(uno::Reference<uno::XInterface>(columnRange->getColumns()->getByIndex(0),
                                                    uno::UNO_QUERY),
                    "Width", uno::Any(sal_Int32(11000)));
        setProperty(uno::Reference<uno::XInterface>(columnRange->getColumns()->getByIndex(1),
                                                    uno::UNO_QUERY),
                    "Width", uno::Any(sal_Int32(6000)));
    }
    // Below the rates, the settings added since the first ledgers: written on a re-sync too
    // where both cells of the row are still empty, never over what the user typed.
    struct LaterSetting
    {
        sal_Int32 row;
        const char* french;
        const char* english;
        const char* frenchValue;
        const char* englishValue;
    };
    const LaterSetting later[] = {
        {32, "Modèles de lettres", "Letter templates", "", ""},
        {33, "Dossier de vos modèles (vide = modèles fournis)",
         "Folder of your own templates (blank = shipped ones)", "", ""},
        {34, "Relevé de compte joint à la relance 2 (Oui/Non)",
         "Statement of account enclosed with reminder 2 (Yes/No)", "Oui", "Yes"},
    };
    for (const LaterSetting& setting : later)
    {
        if (sheet->getCellByPosition(0, setting.row)->getType() != table::CellContentType_EMPTY ||
            sheet->getCellByPosition(1, setting.row)->getType() != table::CellContentType_EMPTY)
            continue;
        put(sheet, 0, setting.row, uno::Any(fromUtf8(fr ? setting.french : setting.english)));
        if (*setting.frenchValue)
            put(sheet, 1, setting.row,
                uno::Any(fromUtf8(fr ? setting.frenchValue : setting.englishValue)));
    }
    // The rates as percentages; on a re-sync only where the first ledgers' broken format is.
    for (sal_Int32 row : {18, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30})
        if (created || formats_.isBrokenPercent(numberFormatOf(sheet, 1, row)))
            setProperty(rangeOf(sheet, 1, row, 1, row), "NumberFormat",
                        uno::Any(formats_.key(CellFormat::Percent)));
    const std::pair<const char*, sal_Int32> named[] = {
        {"Societe_Nom", 1},      {"Societe_SIRET", 2},   {"Societe_Adresse", 3},
        {"Societe_Ville", 4},    {"Societe_Email", 5},   {"Societe_Telephone", 6},
        {"Societe_IBAN", 7},     {"Societe_BIC", 8},     {"DelaiPreRelance", 11},
        {"DelaiR1", 12},         {"DelaiR2", 13},        {"DelaiMED", 14},
        {"DelaiAccorde", 15},    {"MontantMinimum", 16}, {"DelaiEntreRelances", 17},
        {"TauxContractuel", 18}, {"DossierModeles", 33}, {"ReleveAvecRelance2", 34}};
    for (const auto& [rangeName, row] : named)
        defineName(OUString::createFromAscii(rangeName), address(sheetName, 1, row));
    defineName("TauxBCE", address(sheetName, 0, 21) + ":$B$31");
}

void Writer::ensureReminders()
{
    bool created = false;
    const uno::Reference<sheet::XSpreadsheet> sheet = ensureSheet(LedgerSheet::Reminders, created);
    if (created)
        formatTable(sheet, reminderColumns(), 1, formats_, language_);
}

// The reminders the owner noted in the sheet ("R1 le 02/06/2026") were sent: the log gets one
// row per customer, date and level, marked as taken from the sheet, so that the effectiveness of
// reminders has a history from the first day. Amounts are left blank (what was due that day is
// not known). A row already in the log is not added again on a re-sync.
void Writer::seedReminderLog(const std::vector<ImportedInvoice>& source)
{
    using Key = std::tuple<DayNumber, std::string, int>;      // date, folded customer, level
    std::map<Key, std::pair<std::string, std::string>> noted; // customer name, invoice list
    for (const ImportedInvoice& invoice : source)
        if (invoice.lastReminderLevel && invoice.lastReminderDate && !invoice.customer.empty())
        {
            auto& [customer, numbers] = noted[{
                *invoice.lastReminderDate, foldText(invoice.customer), *invoice.lastReminderLevel}];
            customer = invoice.customer;
            numbers += (numbers.empty() ? "" : ", ") + invoice.number;
        }
    if (noted.empty())
        return;
    const bool fr = language_ == Language::French;
    const OUString channel = fromUtf8(fr ? "Noté dans la feuille" : "Noted in the sheet");
    const uno::Reference<sheet::XSpreadsheet> sheet =
        sheetNamed(sheets_, name(LedgerSheet::Reminders));
    const sal_Int32 lastRow = lastUsedRow(sheet);
    std::set<Key> logged;
    const DateContext dates(nullDate_);
    if (lastRow >= 1)
    {
        const Grid rows = uno::Reference<sheet::XCellRangeData>(rangeOf(sheet, 0, 1, 6, lastRow),
                                                                uno::UNO_QUERY_THROW)
                              ->getDataArray();
        for (const Row& cells : rows)
        {
            OUString customer, rowChannel;
            double date = 0, level = 0;
            if ((cells[0] >>= date) && (cells[1] >>= customer) && (cells[2] >>= level) &&
                (cells[6] >>= rowChannel) && rowChannel == channel)
                logged.insert(
                    {dates.fromSerial(date), foldText(toUtf8(customer)), static_cast<int>(level)});
        }
    }
    const OUString state = fromUtf8(fr ? "Repris de la colonne des relances de la feuille source"
                                       : "Taken from the source sheet's reminder column");
    std::vector<Row> added;
    for (const auto& [key, entry] : noted)
        if (!logged.count(key))
            added.push_back(sequenceOf<uno::Any>(
                {uno::Any(dates.toSerial(std::get<0>(key))), uno::Any(fromUtf8(entry.first)),
                 uno::Any(static_cast<double>(std::get<2>(key))), uno::Any(fromUtf8(entry.second)),
                 uno::Any(OUString()), uno::Any(OUString()), uno::Any(channel),
                 uno::Any(OUString()), uno::Any(state)}));
    if (added.empty())
        return;
    const sal_Int32 first = std::max<sal_Int32>(lastRow + 1, 1);
    const sal_Int32 last = first + static_cast<sal_Int32>(added.size()) - 1;
    formatTable(sheet, reminderColumns(), last, formats_, language_);
    uno::Reference<sheet::XCellRangeData>(rangeOf(sheet, 0, first, 8, last), uno::UNO_QUERY_THROW)
        ->setDataArray(Grid(added.data(), static_cast<sal_Int32>(added.size())));
}

} // namespace relance::addin::ledger_writer
