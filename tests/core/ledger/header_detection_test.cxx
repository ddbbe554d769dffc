// Header detection: synonyms matched in French and English, and the header row found among
// title rows, each field given to its best column.
#include "core/common/input_error.hxx"
#include "core/ledger/ledger_import.hxx"

#include <gtest/gtest.h>

#include <optional>
#include <vector>

#include "ledger_import_fixtures.hxx"

using namespace relance;
using namespace relance_test::ledger_import;

// ---------------------------------------------------------------------------------------------
// Header matching

TEST(LedgerHeader, MatchesSynonymsInFrenchAndEnglish)
{
    struct Row
    {
        const char* header;
        LedgerField expected;
    };
    const Row rows[] = {
        // invoice number
        {"N° fact.", F::InvoiceNumber},
        {"N°", F::InvoiceNumber},
        {"Nº", F::InvoiceNumber},
        {"n° facture", F::InvoiceNumber},
        {"Numéro", F::InvoiceNumber},
        {"NUMERO DE FACTURE", F::InvoiceNumber},
        {"Facture", F::InvoiceNumber},
        {"Facture N°", F::InvoiceNumber},
        {"Réf.", F::InvoiceNumber},
        {"Référence", F::InvoiceNumber},
        {"reference facture", F::InvoiceNumber},
        {"Invoice", F::InvoiceNumber},
        {"Invoice #", F::InvoiceNumber},
        {"Invoice no", F::InvoiceNumber},
        {"Invoice No.", F::InvoiceNumber},
        {"Invoice number", F::InvoiceNumber},
        {"Number", F::InvoiceNumber},
        {"Ref", F::InvoiceNumber},
        {"REF.", F::InvoiceNumber},
        // customer
        {"Client", F::Customer},
        {"CLIENT", F::Customer},
        {" client ", F::Customer},
        {"Nom client", F::Customer},
        {"Nom du client", F::Customer},
        {"Customer", F::Customer},
        {"Client name", F::Customer},
        {"Customer Name", F::Customer},
        {"Tiers", F::Customer},
        // legal name
        {"Raison sociale", F::LegalName},
        {"RAISON SOCIALE", F::LegalName},
        {"Dénomination", F::LegalName},
        {"denomination sociale", F::LegalName},
        {"Legal name", F::LegalName},
        {"Company name", F::LegalName},
        // SIREN
        {"SIREN", F::Siren},
        {"Siret", F::Siren},
        {"N° SIREN", F::Siren},
        {"n° siret", F::Siren},
        {"SIREN / SIRET", F::Siren},
        // e-mail
        {"Email", F::Email},
        {"E-mail", F::Email},
        {"e-mail", F::Email},
        {"Courriel", F::Email},
        {"Mail", F::Email},
        {"Adresse mail", F::Email},
        {"Adresse e-mail", F::Email},
        {"Email address", F::Email},
        // invoice date
        {"Date", F::InvoiceDate},
        {"DATE", F::InvoiceDate},
        {"Date facture", F::InvoiceDate},
        {"Date de facture", F::InvoiceDate},
        {"Date de la facture", F::InvoiceDate},
        {"Date d’émission", F::InvoiceDate},
        {"Invoice Date", F::InvoiceDate},
        {"Invoice date", F::InvoiceDate},
        {"Issue date", F::InvoiceDate},
        // due date
        {"Échéance", F::DueDate},
        {"ECHEANCE", F::DueDate},
        {"échéance", F::DueDate},
        {"Date d'échéance", F::DueDate},
        {"Date d’échéance", F::DueDate},
        {"Date limite de paiement", F::DueDate},
        {"Due", F::DueDate},
        {"Due date", F::DueDate},
        {"Due Date", F::DueDate},
        {"DUE-DATE", F::DueDate},
        // payment date
        {"Réglé le", F::PaymentDate},
        {"REGLE LE", F::PaymentDate},
        {"Payé le", F::PaymentDate},
        {"Date de règlement", F::PaymentDate},
        {"Date reglement", F::PaymentDate},
        {"Date de paiement", F::PaymentDate},
        {"Paid on", F::PaymentDate},
        {"Paid On", F::PaymentDate},
        {"Payment date", F::PaymentDate},
        // paid amount
        {"Réglé", F::PaidAmount},
        {"Regle", F::PaidAmount},
        {"Montant réglé", F::PaidAmount},
        {"Montant regle TTC", F::PaidAmount},
        {"Payé", F::PaidAmount},
        {"Paid", F::PaidAmount},
        {"Amount paid", F::PaidAmount},
        {"Acompte", F::PaidAmount},
        {"Acompte(s)", F::PaidAmount},
        // amount including VAT
        {"Montant TTC", F::AmountInclVat},
        {"montant t.t.c.", F::AmountInclVat},
        {"Montant TTC (€)", F::AmountInclVat},
        {"Montant TTC en euros", F::AmountInclVat},
        {"TTC", F::AmountInclVat},
        {"Total TTC", F::AmountInclVat},
        {"Montant", F::AmountInclVat},
        {"Montant facture", F::AmountInclVat},
        {"Amount", F::AmountInclVat},
        {"Total", F::AmountInclVat},
        {"Amount incl. VAT", F::AmountInclVat},
        {"Amount (incl. VAT)", F::AmountInclVat},
        {"Gross", F::AmountInclVat},
        {"Invoice amount", F::AmountInclVat},
        // amount excluding VAT
        {"HT", F::AmountExclVat},
        {"Montant HT", F::AmountExclVat},
        {"MONTANT H.T.", F::AmountExclVat},
        {"Total HT", F::AmountExclVat},
        {"Net amount", F::AmountExclVat},
        {"Amount excl. VAT", F::AmountExclVat},
        // balance
        {"Reste dû", F::Balance},
        {"RESTE DU", F::Balance},
        {"Reste à payer", F::Balance},
        {"Solde", F::Balance},
        {"Restant dû", F::Balance},
        {"Reste dû TTC", F::Balance},
        {"Balance", F::Balance},
        {"Outstanding", F::Balance},
        {"Amount due", F::Balance},
        {"Amount Due", F::Balance},
        // terms
        {"Conditions", F::Terms},
        {"Conditions de paiement", F::Terms},
        {"Conditions de règlement", F::Terms},
        {"Délai", F::Terms},
        {"Délai de paiement", F::Terms},
        {"Delai (jours)", F::Terms},
        {"Terms", F::Terms},
        {"Payment terms", F::Terms},
        {"Payment Terms", F::Terms},
        // notes
        {"Remarques", F::Notes},
        {"Notes", F::Notes},
        {"Commentaire", F::Notes},
        {"Commentaires", F::Notes},
        {"Statut", F::Notes},
        {"Status", F::Notes},
        {"Observations", F::Notes},
    };
    for (const Row& row : rows)
        EXPECT_EQ(matchHeader(row.header), row.expected) << row.header;
}

// The delivery or service date, as TPE sheets and exports name it; "Date" alone stays the
// invoice date.
TEST(LedgerHeader, DeliveryAndServiceDates)
{
    for (const char* text :
         {"Date de livraison", "Livré le", "Date BL", "Date de prestation", "Date d'intervention",
          "Delivery date", "deliveryDate", "Service date", "DATE LIVRAISON"})
        EXPECT_EQ(matchHeader(text), LedgerField::DeliveryDate) << text;
    EXPECT_EQ(matchHeader("Date"), LedgerField::InvoiceDate);
    EXPECT_EQ(matchHeader("Date facture"), LedgerField::InvoiceDate);
}

TEST(LedgerHeader, UnknownHeadersAreNotMapped)
{
    const char* rejected[] = {
        "",
        "   ",
        "—",
        "Désignation",
        "Adresse",
        "Téléphone",
        "TVA",
        "Montant TVA",
        "Taux de TVA",
        "Mode de paiement",
        "Date de situation",
        "Adresse de livraison",
        "Frais de livraison",
        "Échéance (Relance)",
        "Jours de retard (Relance)",
        "Tranche (Relance)",
        "Jours de retard",
        "Pénalités",
        "Menuiserie Dupont SARL — Suivi des factures clients",
        "Remarques générales sur le suivi des factures de cette année et de la précédente",
        "12/03/2024",
        "1 234,56 €",
    };
    for (const char* text : rejected)
        EXPECT_EQ(matchHeader(text), std::nullopt) << text;
}

namespace
{

// The sample's top rows: a title merged over the columns, "Date de situation" and its date, a
// blank row, the header, then Relance's own computed columns after a gap.
SourceGrid sampleTop()
{
    return {
        {T("Menuiserie Dupont SARL — Suivi des factures clients"), E, E, E, E, E, E, E},
        {T("Date de situation"), N(serial(2026, 11, 15))},
        {E},
        {T("N° fact."), T("Client"), T("Date"), T("Conditions"), T("Montant TTC"), T("Réglé le"),
         T("Reste dû"), T("Remarques"), E, T("Échéance (Relance)"), T("Jours de retard (Relance)"),
         T("Tranche (Relance)")},
        {T("F2024-0001"), T("Restaurant L'Étoile d'Or"), N(serial(2024, 1, 3)), T("à réception"),
         N(1069.67), N(serial(2024, 3, 13)), N(0)},
    };
}

} // namespace

TEST(LedgerHeader, DetectsTheSampleHeaderBelowTitleRows)
{
    const HeaderGuess guess = detectHeader(sampleTop());
    EXPECT_EQ(guess.headerRow, 3u);
    const std::vector<std::optional<LedgerField>> expected = {
        F::InvoiceNumber, F::Customer,    F::InvoiceDate, F::Terms,
        F::AmountInclVat, F::PaymentDate, F::Balance,     F::Notes,
        std::nullopt,     std::nullopt,   std::nullopt,   std::nullopt};
    EXPECT_EQ(guess.mapping, expected);
}

TEST(LedgerHeader, DetectsAnEnglishSheet)
{
    const SourceGrid grid = {
        {T("Receivables — ACME Ltd")},
        {T("Invoice #"), T("Customer"), T("Invoice Date"), T("Due Date"), T("Amount"), T("Paid On"),
         T("Balance")},
        {T("INV-001"), T("Globex"), N(serial(2024, 3, 1)), N(serial(2024, 3, 31)), N(100)},
    };
    const HeaderGuess guess = detectHeader(grid);
    EXPECT_EQ(guess.headerRow, 1u);
    const std::vector<std::optional<LedgerField>> expected = {
        F::InvoiceNumber, F::Customer,    F::InvoiceDate, F::DueDate,
        F::AmountInclVat, F::PaymentDate, F::Balance};
    EXPECT_EQ(guess.mapping, expected);
}

TEST(LedgerHeader, EachFieldGoesToItsBestColumn)
{
    // "Montant" and "Montant TTC" both name the amount: the exact, longer synonym wins, the
    // other column is left for the user; "Date" beats the partial "Date (saisie)".
    const SourceGrid grid = {
        {T("Date (saisie)"), T("N°"), T("Montant"), T("Date"), T("Montant TTC"), T("Client"),
         T("Client")},
    };
    const HeaderGuess guess = detectHeader(grid);
    const std::vector<std::optional<LedgerField>> expected = {
        std::nullopt,     F::InvoiceNumber, std::nullopt, F::InvoiceDate,
        F::AmountInclVat, F::Customer,      std::nullopt};
    EXPECT_EQ(guess.mapping, expected);
}

TEST(LedgerHeader, PicksTheRowNamingTheMostFieldsAndTiesGoFirst)
{
    const SourceGrid grid = {
        {T("Montant"), T("Date")},
        {T("N°"), T("Client"), T("Date"), T("Montant")},
        {T("N°"), T("Client"), T("Date"), T("Montant")},
    };
    EXPECT_EQ(detectHeader(grid).headerRow, 1u);
    // Only the first maxRows rows are considered.
    EXPECT_EQ(detectHeader(grid, 1).headerRow, 0u);
}

TEST(LedgerHeader, ThrowsWithoutAnAmountAndADateOrNumber)
{
    const SourceGrid noAmount = {{T("N°"), T("Client"), T("Date")}};
    const SourceGrid onlyAmount = {{T("Client"), T("Montant"), T("Remarques")}};
    const SourceGrid numbersOnly = {{N(1), N(2)}, {N(3), N(4)}};
    const SourceGrid tooLow = {{E}, {E}, {T("N°"), T("Montant")}};
    EXPECT_THROW(detectHeader({}), InputError);
    EXPECT_THROW(detectHeader(noAmount), InputError);
    EXPECT_THROW(detectHeader(onlyAmount), InputError);
    EXPECT_THROW(detectHeader(numbersOnly), InputError);
    EXPECT_THROW(detectHeader(tooLow, 2), InputError);
    EXPECT_EQ(detectHeader(tooLow, 3).headerRow, 2u);
}
