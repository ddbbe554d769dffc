// The ledger fields: keys, labels, and each field's member in ImportedInvoice.
#include "core/ledger/ledger_import.hxx"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <type_traits>
#include <variant>

#include "ledger_import_fixtures.hxx"

using namespace relance;
using namespace relance_test::ledger_import;

// ---------------------------------------------------------------------------------------------
// Field keys and labels

TEST(LedgerFields, KeysAndLabels)
{
    struct Row
    {
        LedgerField field;
        const char* key;
        const char* french;
        const char* english;
    };
    const Row rows[] = {
        {F::InvoiceNumber, "invoice_number", "N° facture", "Invoice no."},
        {F::Customer, "customer", "Client", "Customer"},
        {F::LegalName, "legal_name", "Raison sociale", "Legal name"},
        {F::Siren, "siren", "SIREN", "SIREN"},
        {F::Email, "email", "E-mail", "E-mail"},
        {F::InvoiceDate, "invoice_date", "Date facture", "Invoice date"},
        {F::DueDate, "due_date", "Échéance", "Due date"},
        {F::Terms, "terms", "Conditions", "Terms"},
        {F::AmountInclVat, "amount_incl_vat", "Montant TTC", "Amount incl. VAT"},
        {F::AmountExclVat, "amount_excl_vat", "Montant HT", "Amount excl. VAT"},
        {F::PaidAmount, "paid_amount", "Montant réglé", "Paid amount"},
        {F::PaymentDate, "payment_date", "Date règlement", "Payment date"},
        {F::Balance, "balance", "Reste dû", "Balance"},
        {F::Notes, "notes", "Notes", "Notes"},
        {F::LastReminder, "last_reminder", "Dernière relance", "Last reminder"},
        {F::DeliveryDate, "delivery_date", "Date de livraison", "Delivery date"},
        {F::Disputed, "disputed", "Litige (Oui/Non)", "Disputed (Yes/No)"},
        {F::PaidFlag, "paid_flag", "Payé ? (Oui/Non)", "Paid? (Yes/No)"},
    };
    ASSERT_EQ(std::size(rows), kLedgerFieldCount);
    for (const Row& row : rows)
    {
        EXPECT_EQ(fieldKey(row.field), row.key);
        EXPECT_EQ(fieldLabel(row.field, Language::French), row.french) << row.key;
        EXPECT_EQ(fieldLabel(row.field, Language::English), row.english) << row.key;
        EXPECT_EQ(fieldFromKey(row.key), row.field) << row.key;
        // Every label read back as a header names its own field.
        EXPECT_EQ(matchHeader(row.french), row.field) << row.french;
        EXPECT_EQ(matchHeader(row.english), row.field) << row.english;
    }
    EXPECT_EQ(fieldFromKey("Invoice_Number"), std::nullopt);
    EXPECT_EQ(fieldFromKey(""), std::nullopt);
    EXPECT_EQ(fieldFromKey("amount"), std::nullopt);
}

// Each field has a member of its own in ImportedInvoice, of the kind its values are: writing
// a distinct value through every member and reading each back finds each field's own value.
TEST(LedgerFields, EachFieldHasItsOwnMember)
{
    const auto write = [](ImportedInvoice& invoice, std::size_t i)
    {
        const auto field = static_cast<LedgerField>(i);
        if (isFlagField(field))
        {
            invoice.*flagMemberOf(field) = i % 2 == 0;
            return;
        }
        std::visit(
            [&](auto member)
            {
                using Member = decltype(member);
                if constexpr (std::is_same_v<Member, TextMember>)
                    invoice.*member = "text " + std::to_string(i);
                else if constexpr (std::is_same_v<Member, DateMember>)
                    invoice.*member = static_cast<DayNumber>(1000 + i);
                else
                    invoice.*member = static_cast<Cents>(100 * i);
            },
            memberOf(field));
    };
    const auto check = [](const ImportedInvoice& invoice, std::size_t i)
    {
        const auto field = static_cast<LedgerField>(i);
        if (isFlagField(field))
        {
            EXPECT_EQ(invoice.*flagMemberOf(field), i % 2 == 0) << i;
            EXPECT_THROW(memberOf(field), std::logic_error) << i;
            return;
        }
        EXPECT_THROW(flagMemberOf(field), std::logic_error) << i;
        std::visit(
            [&](auto member)
            {
                using Member = decltype(member);
                if constexpr (std::is_same_v<Member, TextMember>)
                    EXPECT_EQ(invoice.*member, "text " + std::to_string(i)) << i;
                else if constexpr (std::is_same_v<Member, DateMember>)
                    EXPECT_EQ(invoice.*member, static_cast<DayNumber>(1000 + i)) << i;
                else
                    EXPECT_EQ(invoice.*member, static_cast<Cents>(100 * i)) << i;
            },
            memberOf(field));
    };
    ImportedInvoice invoice;
    for (std::size_t i = 0; i < kLedgerFieldCount; ++i)
        write(invoice, i);
    for (std::size_t i = 0; i < kLedgerFieldCount; ++i)
        check(invoice, i);
    EXPECT_EQ(invoice.number, "text 0");
    EXPECT_EQ(invoice.invoiceDate, static_cast<DayNumber>(1005));
    EXPECT_EQ(invoice.amountInclVat, static_cast<Cents>(800));
    EXPECT_EQ(invoice.notes, "text 13");
    EXPECT_EQ(invoice.deliveryDate, static_cast<DayNumber>(1015));
    EXPECT_EQ(invoice.disputed, true);  // field 16
    EXPECT_EQ(invoice.paidFlag, false); // field 17
}
