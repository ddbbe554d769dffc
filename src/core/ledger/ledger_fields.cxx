// The ledger fields' stable keys, their French and English labels, and where each field's value
// lives in an ImportedInvoice: the vocabulary the rest of the import and the dialog share.
#include "core/ledger/ledger_import.hxx"

#include <stdexcept>
#include <string>

#include "core/ledger/ledger_import_detail.hxx"

namespace relance
{
using namespace ledger_import_detail;

namespace
{

using Field = LedgerField;

// ---------------------------------------------------------------------------------------------
// Field keys and labels

struct FieldNames
{
    Field field;
    std::string_view key;
    std::string_view french;
    std::string_view english;
};

constexpr std::array<FieldNames, kLedgerFieldCount> kFieldNames = {{
    {Field::InvoiceNumber, "invoice_number", "N° facture", "Invoice no."},
    {Field::Customer, "customer", "Client", "Customer"},
    {Field::LegalName, "legal_name", "Raison sociale", "Legal name"},
    {Field::Siren, "siren", "SIREN", "SIREN"},
    {Field::Email, "email", "E-mail", "E-mail"},
    {Field::InvoiceDate, "invoice_date", "Date facture", "Invoice date"},
    {Field::DueDate, "due_date", "Échéance", "Due date"},
    {Field::Terms, "terms", "Conditions", "Terms"},
    {Field::AmountInclVat, "amount_incl_vat", "Montant TTC", "Amount incl. VAT"},
    {Field::AmountExclVat, "amount_excl_vat", "Montant HT", "Amount excl. VAT"},
    {Field::PaidAmount, "paid_amount", "Montant réglé", "Paid amount"},
    {Field::PaymentDate, "payment_date", "Date règlement", "Payment date"},
    {Field::Balance, "balance", "Reste dû", "Balance"},
    {Field::Notes, "notes", "Notes", "Notes"},
    {Field::LastReminder, "last_reminder", "Dernière relance", "Last reminder"},
    {Field::DeliveryDate, "delivery_date", "Date de livraison", "Delivery date"},
    {Field::Disputed, "disputed", "Litige (Oui/Non)", "Disputed (Yes/No)"},
    {Field::PaidFlag, "paid_flag", "Payé ? (Oui/Non)", "Paid? (Yes/No)"},
}};

static_assert(
    []
    {
        for (std::size_t i = 0; i < kFieldNames.size(); ++i)
            if (index(kFieldNames[i].field) != i)
                return false;
        return true;
    }(),
    "kFieldNames must follow the order of LedgerField");

} // namespace

FieldMember memberOf(LedgerField field)
{
    switch (field)
    {
    case LedgerField::InvoiceNumber:
        return &ImportedInvoice::number;
    case LedgerField::Customer:
        return &ImportedInvoice::customer;
    case LedgerField::LegalName:
        return &ImportedInvoice::legalName;
    case LedgerField::Siren:
        return &ImportedInvoice::siren;
    case LedgerField::Email:
        return &ImportedInvoice::email;
    case LedgerField::InvoiceDate:
        return &ImportedInvoice::invoiceDate;
    case LedgerField::DueDate:
        return &ImportedInvoice::dueDate;
    case LedgerField::Terms:
        return &ImportedInvoice::terms;
    case LedgerField::AmountInclVat:
        return &ImportedInvoice::amountInclVat;
    case LedgerField::AmountExclVat:
        return &ImportedInvoice::amountExclVat;
    case LedgerField::PaidAmount:
        return &ImportedInvoice::paidAmount;
    case LedgerField::PaymentDate:
        return &ImportedInvoice::paymentDate;
    case LedgerField::Balance:
        return &ImportedInvoice::balance;
    case LedgerField::Notes:
        return &ImportedInvoice::notes;
    case LedgerField::LastReminder:
        return &ImportedInvoice::lastReminderDate;
    case LedgerField::DeliveryDate:
        return &ImportedInvoice::deliveryDate;
    case LedgerField::Disputed:
    case LedgerField::PaidFlag:
        throw std::logic_error("a yes/no field has a flag member");
    }
    throw std::logic_error("unknown ledger field");
}

bool isFlagField(LedgerField field)
{
    return field == LedgerField::Disputed || field == LedgerField::PaidFlag;
}

FlagMember flagMemberOf(LedgerField field)
{
    if (field == LedgerField::Disputed)
        return &ImportedInvoice::disputed;
    if (field == LedgerField::PaidFlag)
        return &ImportedInvoice::paidFlag;
    throw std::logic_error("not a yes/no field");
}

std::string_view fieldKey(LedgerField field)
{
    return kFieldNames.at(index(field)).key;
}

std::string fieldLabel(LedgerField field, Language language)
{
    const FieldNames& names = kFieldNames.at(index(field));
    return std::string(language == Language::French ? names.french : names.english);
}

std::optional<LedgerField> fieldFromKey(std::string_view key)
{
    for (const FieldNames& names : kFieldNames)
        if (names.key == key)
            return names.field;
    return std::nullopt;
}

} // namespace relance
