#include "uno/ledger/ledger_layout.hxx"

#include <stdexcept>
#include <string_view>

namespace relance::addin
{

LocalizedText sheetName(LedgerSheet sheet)
{
    switch (sheet)
    {
    case LedgerSheet::Invoices:
        return {"Registre", "Ledger"};
    case LedgerSheet::Payments:
        return {"Règlements", "Payments"};
    case LedgerSheet::Customers:
        return {"Clients", "Customers"};
    case LedgerSheet::Reminders:
        return {"Relances", "Reminders"};
    case LedgerSheet::Dashboard:
        return {"Tableau de bord", "Dashboard"};
    case LedgerSheet::Settings:
        return {"Paramètres", "Settings"};
    }
    return {"", ""};
}

// Registre columns. Formulas refer to this sheet's own columns by letter: keep the order in
// sync with the letters used below (a test checks every formula against the table).
//  A number, B customer, C invoice date, D terms, E due date, F amount, G paid, H payment date,
//  I balance, J days late, K bucket, L status, M penalty, N indemnity, O last reminder level,
//  P last reminder date, Q next action, R dispute, S promise date, T hold, U notes,
//  V legal name, W SIREN, X e-mail, Y source row, Z follow-up text (computed).
const std::vector<LedgerColumn>& invoiceColumns()
{
    static const std::vector<LedgerColumn> columns = {
        {"number",
         {"N° facture", "Invoice no."},
         ColumnSource::Imported,
         LedgerField::InvoiceNumber,
         nullptr,
         CellFormat::Text,
         28},
        {"customer",
         {"Client", "Customer"},
         ColumnSource::Imported,
         LedgerField::Customer,
         nullptr,
         CellFormat::Text,
         50},
        {"invoice_date",
         {"Date facture", "Invoice date"},
         ColumnSource::Imported,
         LedgerField::InvoiceDate,
         nullptr,
         CellFormat::Date,
         24},
        {"terms",
         {"Conditions", "Terms"},
         ColumnSource::Imported,
         LedgerField::Terms,
         nullptr,
         CellFormat::Text,
         38},
        {"due_date",
         {"Échéance", "Due date"},
         ColumnSource::Imported,
         LedgerField::DueDate,
         nullptr,
         CellFormat::Date,
         24},
        {"amount",
         {"Montant TTC", "Amount incl. VAT"},
         ColumnSource::Imported,
         LedgerField::AmountInclVat,
         nullptr,
         CellFormat::Money,
         28},
        {"paid",
         {"Montant réglé", "Paid amount"},
         ColumnSource::Imported,
         LedgerField::PaidAmount,
         nullptr,
         CellFormat::Money,
         28},
        {"payment_date",
         {"Date règlement", "Payment date"},
         ColumnSource::Imported,
         LedgerField::PaymentDate,
         nullptr,
         CellFormat::Date,
         24},
        {"balance",
         {"Reste dû", "Balance"},
         ColumnSource::Formula,
         std::nullopt,
         "=IF(F{r}=\"\";\"\";F{r}-N(G{r}))",
         CellFormat::Money,
         28},
        {"days_late",
         {"Jours de retard", "Days late"},
         ColumnSource::Formula,
         std::nullopt,
         "=IF(OR(E{r}=\"\";F{r}=\"\");\"\";FR.RELANCE.FUNCTIONS.DAYSLATE(E{r};IF(I{r}<=0;H{r};\"\")"
         ";DateSituation))",
         CellFormat::Integer,
         20},
        {"bucket",
         {"Tranche", "Bucket"},
         ColumnSource::Formula,
         std::nullopt,
         "=IF(OR(E{r}=\"\";F{r}=\"\");\"\";IF(I{r}<=0;\"{paid}\";FR.RELANCE.FUNCTIONS.AGINGBUCKET("
         "E{r};\"\";DateSituation)))",
         CellFormat::Text,
         22},
        {"status",
         {"Statut", "Status"},
         ColumnSource::Formula,
         std::nullopt,
         "=IF(OR(E{r}=\"\";F{r}=\"\");\"\";FR.RELANCE.FUNCTIONS.INVOICESTATUS(E{r};F{r};N(G{r});IF("
         "I{r}<=0;H{r};\"\");DateSituation;Z{r}))",
         CellFormat::Text,
         34},
        {"penalty",
         {"Pénalités", "Penalty"},
         ColumnSource::Formula,
         std::nullopt,
         "=IF(N(J{r})<=0;0;FR.RELANCE.FUNCTIONS.PENALTY(IF(I{r}>0;I{r};F{r});E{r};IF(I{r}<=0;H{r};"
         "\"\");DateSituation;TauxContractuel;TauxBCE))",
         CellFormat::Money,
         24},
        {"indemnity",
         {"Indemnité", "Indemnity"},
         ColumnSource::Formula,
         std::nullopt,
         "=IF(N(J{r})<=0;0;FR.RELANCE.FUNCTIONS.INDEMNITY(E{r};IF(I{r}<=0;H{r};\"\");DateSituation)"
         ")",
         CellFormat::Money,
         22},
        {"level",
         {"Dernière relance", "Last reminder"},
         ColumnSource::User,
         std::nullopt,
         nullptr,
         CellFormat::Integer,
         22},
        {"level_date",
         {"Date dernière relance", "Last reminder date"},
         ColumnSource::User,
         std::nullopt,
         nullptr,
         CellFormat::Date,
         26},
        {"next_action",
         {"Prochaine action", "Next action"},
         ColumnSource::Formula,
         std::nullopt,
         "=IF(OR(N(I{r})<=0;E{r}=\"\");\"\";IF(N(O{r})>=3;\"\";MAX(E{r}+CHOOSE(N(O{r})+1;DelaiR1;"
         "DelaiR2;DelaiMED);N(P{r})+DelaiEntreRelances)))",
         CellFormat::Date,
         24},
        {"dispute",
         {"Litige", "Dispute"},
         ColumnSource::User,
         std::nullopt,
         nullptr,
         CellFormat::Text,
         30},
        {"promise",
         {"Promesse de paiement", "Payment promise"},
         ColumnSource::User,
         std::nullopt,
         nullptr,
         CellFormat::Date,
         26},
        {"hold",
         {"Suspendu", "On hold"},
         ColumnSource::User,
         std::nullopt,
         nullptr,
         CellFormat::Text,
         18},
        {"notes",
         {"Notes", "Notes"},
         ColumnSource::Imported,
         LedgerField::Notes,
         nullptr,
         CellFormat::Text,
         50},
        {"legal_name",
         {"Raison sociale", "Legal name"},
         ColumnSource::Imported,
         LedgerField::LegalName,
         nullptr,
         CellFormat::Text,
         40},
        {"siren",
         {"SIREN", "SIREN"},
         ColumnSource::Imported,
         LedgerField::Siren,
         nullptr,
         CellFormat::Text,
         22},
        {"email",
         {"E-mail", "E-mail"},
         ColumnSource::Imported,
         LedgerField::Email,
         nullptr,
         CellFormat::Text,
         40},
        {"source_row",
         {"Ligne source", "Source row"},
         ColumnSource::Imported,
         std::nullopt,
         nullptr,
         CellFormat::Integer,
         18},
        // The follow-up text the status and risk functions read: dispute, promise and notes.
        {"follow_up",
         {"Suivi (calculé)", "Follow-up (computed)"},
         ColumnSource::Formula,
         std::nullopt,
         "=IF(R{r}<>\"\";\"litige \";\"\")&U{r}&IF(S{r}=\"\";\"\";IF(N(S{r})<DateSituation;\" "
         "promesse non tenue\";\" promesse\"))",
         CellFormat::Text,
         40},
        // Last, so that a ledger made before it keeps its columns where they were.
        {"delivery_date",
         {"Date de livraison", "Delivery date"},
         ColumnSource::Imported,
         LedgerField::DeliveryDate,
         nullptr,
         CellFormat::Date,
         24},
    };
    return columns;
}

const std::vector<LedgerColumn>& paymentColumns()
{
    static const std::vector<LedgerColumn> columns = {
        {"date", {"Date", "Date"}, ColumnSource::User, std::nullopt, nullptr, CellFormat::Date, 24},
        {"customer",
         {"Client", "Customer"},
         ColumnSource::User,
         std::nullopt,
         nullptr,
         CellFormat::Text,
         50},
        {"amount",
         {"Montant", "Amount"},
         ColumnSource::User,
         std::nullopt,
         nullptr,
         CellFormat::Money,
         28},
        {"reference",
         {"Facture citée", "Invoice referenced"},
         ColumnSource::User,
         std::nullopt,
         nullptr,
         CellFormat::Text,
         28},
        {"allocated",
         {"Affecté à", "Allocated to"},
         ColumnSource::User,
         std::nullopt,
         nullptr,
         CellFormat::Text,
         50},
        {"unallocated",
         {"Non affecté", "Unallocated"},
         ColumnSource::User,
         std::nullopt,
         nullptr,
         CellFormat::Money,
         24},
        {"notes",
         {"Notes", "Notes"},
         ColumnSource::User,
         std::nullopt,
         nullptr,
         CellFormat::Text,
         40},
    };
    return columns;
}

// Clients: A name, B legal name, C SIREN, D e-mail, E address, F terms, G credit limit,
// H creation date, I hold, J outstanding, K overdue, L weighted days late, M risk score, N flags.
const std::vector<LedgerColumn>& customerColumns()
{
    static const std::vector<LedgerColumn> columns = {
        {"customer",
         {"Client", "Customer"},
         ColumnSource::User,
         std::nullopt,
         nullptr,
         CellFormat::Text,
         50},
        {"legal_name",
         {"Raison sociale", "Legal name"},
         ColumnSource::User,
         std::nullopt,
         nullptr,
         CellFormat::Text,
         40},
        {"siren",
         {"SIREN", "SIREN"},
         ColumnSource::User,
         std::nullopt,
         nullptr,
         CellFormat::Text,
         22},
        {"email",
         {"E-mail", "E-mail"},
         ColumnSource::User,
         std::nullopt,
         nullptr,
         CellFormat::Text,
         40},
        {"address",
         {"Adresse", "Address"},
         ColumnSource::User,
         std::nullopt,
         nullptr,
         CellFormat::Text,
         60},
        {"terms",
         {"Conditions", "Terms"},
         ColumnSource::User,
         std::nullopt,
         nullptr,
         CellFormat::Text,
         30},
        {"credit_limit",
         {"Plafond de crédit", "Credit limit"},
         ColumnSource::User,
         std::nullopt,
         nullptr,
         CellFormat::Money,
         26},
        {"creation_date",
         {"Date de création", "Creation date"},
         ColumnSource::User,
         std::nullopt,
         nullptr,
         CellFormat::Date,
         24},
        {"hold",
         {"Suspendu", "On hold"},
         ColumnSource::User,
         std::nullopt,
         nullptr,
         CellFormat::Text,
         18},
        {"outstanding",
         {"Encours", "Outstanding"},
         ColumnSource::Formula,
         std::nullopt,
         "=SUMIF(Registre_Client;A{r};Registre_ResteDu)",
         CellFormat::Money,
         26},
        // The four figures below come from one array formula over every customer: one reading
        // of the ledger's 100 000-row ranges instead of four per customer (bench/RESULTS.md).
        {"overdue",
         {"Échu", "Overdue"},
         ColumnSource::ArrayFormula,
         std::nullopt,
         "=FR.RELANCE.FUNCTIONS.CUSTOMERSUMMARY(A{first}:A{last};Registre_Client;Registre_Echeance;"
         "Registre_Montant;Registre_DateReglement;Registre_Regle;Registre_Suivi;DateSituation;"
         "H{first}:H{last};G{first}:G{last};;Registre_DateFacture)",
         CellFormat::Money,
         26},
        {"days_late",
         {"Retard moyen (j)", "Average days late"},
         ColumnSource::ArrayFormula,
         std::nullopt,
         nullptr,
         CellFormat::Integer,
         24},
        {"risk_score",
         {"Score de risque", "Risk score"},
         ColumnSource::ArrayFormula,
         std::nullopt,
         nullptr,
         CellFormat::Integer,
         22},
        {"risk_flags",
         {"Signaux de risque", "Risk flags"},
         ColumnSource::ArrayFormula,
         std::nullopt,
         nullptr,
         CellFormat::Text,
         120},
    };
    return columns;
}

const std::vector<LedgerColumn>& reminderColumns()
{
    static const std::vector<LedgerColumn> columns = {
        {"date", {"Date", "Date"}, ColumnSource::User, std::nullopt, nullptr, CellFormat::Date, 24},
        {"customer",
         {"Client", "Customer"},
         ColumnSource::User,
         std::nullopt,
         nullptr,
         CellFormat::Text,
         50},
        {"level",
         {"Niveau", "Level"},
         ColumnSource::User,
         std::nullopt,
         nullptr,
         CellFormat::Integer,
         16},
        {"invoices",
         {"Factures", "Invoices"},
         ColumnSource::User,
         std::nullopt,
         nullptr,
         CellFormat::Text,
         60},
        {"amount",
         {"Montant dû", "Amount due"},
         ColumnSource::User,
         std::nullopt,
         nullptr,
         CellFormat::Money,
         26},
        {"penalties",
         {"Pénalités et indemnités", "Penalties and indemnities"},
         ColumnSource::User,
         std::nullopt,
         nullptr,
         CellFormat::Money,
         30},
        {"channel",
         {"Canal", "Channel"},
         ColumnSource::User,
         std::nullopt,
         nullptr,
         CellFormat::Text,
         20},
        {"file",
         {"Fichier", "File"},
         ColumnSource::User,
         std::nullopt,
         nullptr,
         CellFormat::Text,
         60},
        {"state",
         {"État", "State"},
         ColumnSource::User,
         std::nullopt,
         nullptr,
         CellFormat::Text,
         30},
    };
    return columns;
}

std::size_t columnIndex(const std::vector<LedgerColumn>& columns, const char* key)
{
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (std::string_view(columns[i].key) == key)
            return i;
    throw std::out_of_range(std::string("no ledger column ") + key);
}

std::string columnLetter(std::size_t index)
{
    std::string letters;
    ++index;
    while (index > 0)
    {
        const std::size_t remainder = (index - 1) % 26;
        letters.insert(letters.begin(), static_cast<char>('A' + remainder));
        index = (index - 1) / 26;
    }
    return letters;
}

std::string formulaForRow(const LedgerColumn& column, std::size_t row, Language language)
{
    std::string text = column.formula ? column.formula : "";
    auto replaceAll = [&](std::string_view from, const std::string& to)
    {
        for (std::size_t at = text.find(from); at != std::string::npos;
             at = text.find(from, at + to.size()))
            text.replace(at, from.size(), to);
    };
    replaceAll("{r}", std::to_string(row));
    const bool french = language == Language::French;
    replaceAll("{paid}", french ? "Réglée" : "Paid");
    replaceAll("{promised}", french ? "Promesse de paiement" : "Payment promised");
    return text;
}

std::string arrayFormulaFor(const LedgerColumn& column, std::size_t first, std::size_t last)
{
    std::string text = column.formula ? column.formula : "";
    for (const auto& [from, to] :
         {std::pair<std::string_view, std::string>{"{first}", std::to_string(first)},
          {"{last}", std::to_string(last)}})
        for (std::size_t at = text.find(from); at != std::string::npos;
             at = text.find(from, at + to.size()))
            text.replace(at, from.size(), to);
    return text;
}

} // namespace relance::addin
