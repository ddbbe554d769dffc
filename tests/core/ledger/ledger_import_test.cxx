#include "core/common/input_error.hxx"
#include "core/ledger/ledger_import.hxx"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <sstream>
#include <string>
#include <type_traits>
#include <variant>

using namespace relance;

namespace
{

using F = LedgerField;
using Kind = ImportProblem::Kind;

DayNumber day(int y, unsigned m, unsigned d)
{
    return toDayNumber({y, m, d});
}

// Calc serial of a date with the default null date (30/12/1899).
double serial(int y, unsigned m, unsigned d)
{
    return day(y, m, d) - day(1899, 12, 30);
}

SourceCell T(const char* text)
{
    return SourceCell::of(std::string(text));
}

SourceCell N(double value)
{
    return SourceCell::of(value);
}

const SourceCell E = SourceCell::empty();

const std::vector<SourceCell>* findRowOf(const SourceGrid& grid, const std::string& number)
{
    for (const auto& row : grid)
        if (!row.empty() && row[0].kind == SourceCell::Kind::Text && row[0].text == number)
            return &row;
    return nullptr;
}

const ImportedInvoice* findInvoice(const ImportResult& result, std::string_view number)
{
    for (const ImportedInvoice& invoice : result.invoices)
        if (invoice.number == number)
            return &invoice;
    return nullptr;
}

std::size_t countProblems(const ImportResult& result, Kind kind)
{
    return static_cast<std::size_t>(std::count_if(result.problems.begin(), result.problems.end(),
                                                  [kind](const ImportProblem& problem)
                                                  { return problem.kind == kind; }));
}

std::string iso(std::optional<DayNumber> date)
{
    return date ? toIsoString(*date) : "none";
}

} // namespace

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
    ImportedInvoice invoice;
    for (std::size_t i = 0; i < kLedgerFieldCount; ++i)
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
            memberOf(static_cast<LedgerField>(i)));
    for (std::size_t i = 0; i < kLedgerFieldCount; ++i)
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
            memberOf(static_cast<LedgerField>(i)));
    EXPECT_EQ(invoice.number, "text 0");
    EXPECT_EQ(invoice.invoiceDate, static_cast<DayNumber>(1005));
    EXPECT_EQ(invoice.amountInclVat, static_cast<Cents>(800));
    EXPECT_EQ(invoice.notes, "text 13");
}

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
        "Date de livraison",
        "Date de relance",
        "Date de situation",
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

// ---------------------------------------------------------------------------------------------
// Import

namespace
{

const std::string kNbsp = "\u00a0";

// A messy sheet: every kind of problem, text dates in both forms, NBSP amounts, a SIRET, an
// e-mail, due dates from terms, a duplicate, subtotal rows.
SourceGrid messyGrid()
{
    return {
        /* 0 */ {T("Suivi des factures 2024")},
        /* 1 */
        {T("N° fact."), T("Client"), T("SIRET"), T("Courriel"), T("Date"), T("Échéance"),
         T("Conditions"), T("Montant TTC"), T("Réglé le"), T("Reste dû"), T("Remarques")},
        /* 2 */
        {T("F-001"), T("Boulangerie Martin"), T("552 100 554 00013"), T(" compta@martin.fr "),
         N(serial(2024, 3, 12)), E, T("30 jours"), N(1200), E, N(1200), E},
        /* 3: text dates, amount with no-break spaces, due date as typed */
        {T("F-002"), T("Hôtel du Parc"), N(55210055400013.0), E, T("12/03/2024"),
         T("15 avril 2024"), T("45 jours fin de mois"),
         SourceCell::of("1" + kNbsp + "234,56" + kNbsp + "€"), T("2 avril 2024"), N(0), E},
        /* 4: unreadable due date, unreadable terms */
        {T("F-003"), T("Garage Lefèvre"), E, E, T("12 mars 2024"), T("31/02/2024"),
         T("selon accord"), T("1 234,56 €"), E, E, T("litige")},
        /* 5 */ {E, E, E, E, E, E, E, E, E, E, E},
        /* 6: a subtotal row, its label in the customer column */
        {E, T("Sous-total mars 2024"), E, E, E, E, E, N(3669.12)},
        /* 7: the same invoice typed twice, number in another case and with spaces */
        {T(" f-002 "), T("Hôtel du Parc"), E, E, T("12/03/2024"), E, E, N(1234.56)},
        /* 8: no number, unreadable amount, an invoice number as a number cell is below */
        {E, T("Pharmacie Girard"), E, E, N(serial(2024, 4, 2) + 0.75), E, T("fin de mois"),
         T("mille euros"), E, E},
        /* 9: a number cell as invoice number, no amount, unreadable date */
        {N(1024), T("Cave Perrin"), N(55210055), E, T("le 12 du mois"), E, N(30), E, E, E},
        /* 10: a total row typed in the number column */
        {T("TOTAL"), E, E, E, E, E, E, N(99999)},
        /* 11: an amount alone: a subtotal without label */
        {E, E, E, E, E, E, E, N(3669.12), E, N(100)},
        /* 12: blank text cells are blank */
        {T("  "), T(kNbsp.c_str()), E},
        /* 13: paid, no balance typed: the whole amount is paid */
        {T("F-004"), T("Total Énergies"), E, E, T("2024-04-05"), E, T("comptant"), N(500.004),
         N(serial(2024, 4, 6)), E},
        /* 14, 15: trailing blank rows end the sheet */
        {E, E},
        {},
    };
}

} // namespace

TEST(LedgerImport, ReadsAMessySheet)
{
    const SourceGrid grid = messyGrid();
    const HeaderGuess header = detectHeader(grid);
    ASSERT_EQ(header.headerRow, 1u);
    const std::vector<std::optional<LedgerField>> mapping = {
        F::InvoiceNumber, F::Customer,      F::Siren,       F::Email,   F::InvoiceDate, F::DueDate,
        F::Terms,         F::AmountInclVat, F::PaymentDate, F::Balance, F::Notes};
    ASSERT_EQ(header.mapping, mapping);

    const ImportResult result = importInvoices(grid, header, ImportOptions{});

    std::vector<std::string> numbers;
    for (const ImportedInvoice& invoice : result.invoices)
        numbers.push_back(invoice.number);
    EXPECT_EQ(numbers,
              (std::vector<std::string>{"F-001", "F-002", "F-003", "L9", "1024", "F-004"}));

    const ImportedInvoice& first = result.invoices.at(0);
    EXPECT_EQ(first.sourceRow, 2u);
    EXPECT_EQ(first.customer, "Boulangerie Martin");
    EXPECT_EQ(first.siren, "552100554");
    EXPECT_EQ(first.email, "compta@martin.fr");
    EXPECT_EQ(iso(first.invoiceDate), "2024-03-12");
    EXPECT_EQ(iso(first.dueDate), "2024-04-11"); // 30 jours
    EXPECT_EQ(first.terms, "30 jours");
    EXPECT_EQ(first.amountInclVat, 120000);
    EXPECT_EQ(first.balance, 120000);
    EXPECT_EQ(first.paidAmount, 0); // amount - balance
    EXPECT_EQ(first.paymentDate, std::nullopt);

    const ImportedInvoice& second = result.invoices.at(1);
    EXPECT_EQ(second.siren, "552100554");
    EXPECT_EQ(iso(second.invoiceDate), "2024-03-12");
    EXPECT_EQ(iso(second.dueDate), "2024-04-15"); // as typed, not from the terms
    EXPECT_EQ(second.amountInclVat, 123456);
    EXPECT_EQ(iso(second.paymentDate), "2024-04-02");
    EXPECT_EQ(second.balance, 0);
    EXPECT_EQ(second.paidAmount, 123456);

    const ImportedInvoice& third = result.invoices.at(2);
    EXPECT_EQ(iso(third.invoiceDate), "2024-03-12");
    EXPECT_EQ(third.dueDate, std::nullopt); // unreadable, and the terms too
    EXPECT_EQ(third.terms, "selon accord");
    EXPECT_EQ(third.amountInclVat, 123456);
    EXPECT_EQ(third.paidAmount, std::nullopt);
    EXPECT_EQ(third.notes, "litige");

    const ImportedInvoice& fourth = result.invoices.at(3);
    EXPECT_EQ(fourth.sourceRow, 8u);
    EXPECT_EQ(fourth.customer, "Pharmacie Girard");
    EXPECT_EQ(iso(fourth.invoiceDate), "2024-04-02"); // the time of day is dropped
    EXPECT_EQ(iso(fourth.dueDate), "2024-04-30");     // fin de mois
    EXPECT_EQ(fourth.amountInclVat, std::nullopt);

    const ImportedInvoice& fifth = result.invoices.at(4);
    EXPECT_EQ(fifth.siren, "055210055"); // a number cell lost the leading zero
    EXPECT_EQ(fifth.invoiceDate, std::nullopt);
    EXPECT_EQ(fifth.dueDate, std::nullopt); // terms read, but no invoice date
    EXPECT_EQ(fifth.terms, "30");

    const ImportedInvoice& sixth = result.invoices.at(5);
    EXPECT_EQ(sixth.customer, "Total Énergies"); // not a subtotal: it has a number
    EXPECT_EQ(iso(sixth.invoiceDate), "2024-04-05");
    EXPECT_EQ(iso(sixth.dueDate), "2024-04-05");
    EXPECT_EQ(sixth.amountInclVat, 50000);
    EXPECT_EQ(sixth.paidAmount, 50000); // paid on a date, no balance typed

    struct Expected
    {
        Kind kind;
        std::size_t row;
        std::optional<LedgerField> field;
        std::string value;
    };
    const std::vector<Expected> expected = {
        {Kind::UnreadableDate, 4, F::DueDate, "31/02/2024"},
        {Kind::UnreadableTerms, 4, F::Terms, "selon accord"},
        {Kind::BlankRow, 5, std::nullopt, ""},
        {Kind::SubtotalRow, 6, std::nullopt, "Sous-total mars 2024"},
        {Kind::DuplicateNumber, 7, F::InvoiceNumber, "f-002"},
        {Kind::MissingNumber, 8, F::InvoiceNumber, "L9"},
        {Kind::UnreadableAmount, 8, F::AmountInclVat, "mille euros"},
        {Kind::UnreadableDate, 9, F::InvoiceDate, "le 12 du mois"},
        {Kind::MissingAmount, 9, F::AmountInclVat, ""},
        {Kind::SubtotalRow, 10, std::nullopt, "TOTAL"},
        {Kind::SubtotalRow, 11, std::nullopt, "3669.12"},
        {Kind::BlankRow, 12, std::nullopt, ""},
    };
    ASSERT_EQ(result.problems.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
    {
        const ImportProblem& problem = result.problems[i];
        SCOPED_TRACE(describe(problem, Language::English));
        EXPECT_EQ(problem.kind, expected[i].kind);
        EXPECT_EQ(problem.sourceRow, expected[i].row);
        EXPECT_EQ(problem.field, expected[i].field);
        EXPECT_EQ(problem.value, expected[i].value);
    }
}

TEST(LedgerImport, DefaultTermsAndReadings)
{
    const SourceGrid grid = {
        {T("N°"), T("Date"), T("Conditions"), T("Montant")},
        {T("A"), T("15/01/2024"), E, N(10)},
        {T("B"), T("15/01/2024"), T("45 jours fin de mois"), N(10)},
        {T("C"), T("01/15/2024"), N(30), N(10)},
    };
    const HeaderGuess header = detectHeader(grid);

    ImportOptions options;
    ImportResult result = importInvoices(grid, header, options);
    ASSERT_EQ(result.invoices.size(), 3u);
    EXPECT_EQ(result.invoices[0].dueDate, std::nullopt); // no terms, no default
    EXPECT_EQ(iso(result.invoices[1].dueDate), "2024-02-29");
    EXPECT_EQ(result.invoices[2].invoiceDate, std::nullopt); // 15th month, day first
    ASSERT_EQ(result.problems.size(), 1u);
    EXPECT_EQ(result.problems[0].kind, Kind::UnreadableDate);

    options.defaultTerms = parsePaymentTerms("60 jours");
    options.reading = EndOfMonthReading::EndOfMonthThenDays;
    options.dateOrder = DateOrder::MonthDayYear;
    result = importInvoices(grid, header, options);
    ASSERT_EQ(result.invoices.size(), 3u);
    EXPECT_EQ(result.invoices[0].invoiceDate, std::nullopt); // month first: no 15th month
    EXPECT_EQ(result.invoices[0].dueDate, std::nullopt);
    EXPECT_EQ(iso(result.invoices[2].invoiceDate), "2024-01-15");
    EXPECT_EQ(iso(result.invoices[2].dueDate), "2024-02-14"); // 30 days as a number

    // Day first, with default terms applying to the row without any.
    options.dateOrder = DateOrder::DayMonthYear;
    result = importInvoices(grid, header, options);
    EXPECT_EQ(iso(result.invoices[0].dueDate), "2024-03-15"); // 60 jours by default
    EXPECT_EQ(iso(result.invoices[1].dueDate), "2024-03-16"); // reading B
}

TEST(LedgerImport, NullDateAndPaidAmounts)
{
    const SourceGrid grid = {
        {T("Invoice"), T("Date"), T("Amount"), T("Paid"), T("Paid on"), T("Balance")},
        {T("1"), N(0), N(100), N(40), E, N(60)},
        {T("2"), N(1), N(100), E, E, N(25.5)},
        {T("3"), N(2), N(100), E, N(3), E},
        {T("4"), N(-800000), N(1e20), E, E, E},
    };
    ImportOptions options;
    options.nullDate = toDayNumber({1904, 1, 1}); // a Mac spreadsheet
    const ImportResult result = importInvoices(grid, detectHeader(grid), options);
    ASSERT_EQ(result.invoices.size(), 4u);
    EXPECT_EQ(result.invoices[0].invoiceDate, std::nullopt); // 0 is no date
    EXPECT_EQ(result.invoices[0].paidAmount, 4000);          // as typed
    EXPECT_EQ(iso(result.invoices[1].invoiceDate), "1904-01-02");
    EXPECT_EQ(result.invoices[1].paidAmount, 7450); // amount - balance
    EXPECT_EQ(iso(result.invoices[2].paymentDate), "1904-01-04");
    EXPECT_EQ(result.invoices[2].paidAmount, 10000); // paid on a date, balance left blank
    EXPECT_EQ(result.invoices[3].invoiceDate, std::nullopt);
    EXPECT_EQ(result.invoices[3].amountInclVat, std::nullopt);
    ASSERT_EQ(result.problems.size(), 2u);
    EXPECT_EQ(result.problems[0].kind, Kind::UnreadableDate);
    EXPECT_EQ(result.problems[0].value, "-800000");
    EXPECT_EQ(result.problems[1].kind, Kind::UnreadableAmount);
    EXPECT_EQ(result.problems[1].value, "1e+20");
}

TEST(LedgerImport, TextDatesReadLikeParseDateText)
{
    // The import reads plain numeric dates without ICU: it must agree with parseDateText.
    const char* texts[] = {"12/03/2024",       "1/2/99",
                           "12-03-2024",       "12.03.24",
                           "2024-03-12",       "2024/3/1",
                           "29/02/2024",       "29/02/2023",
                           "31/02/2024",       "00/01/2024",
                           "12/13/2024",       "12/03",
                           "12/03/2024/5",     "0001-01-01",
                           "123/03/2024",      "12/03/12345",
                           "1/1/69",           "1/1/70",
                           " 12 / 03 / 2024 ", "12 03 2024",
                           "12/03/2024 10:30", "--",
                           "12 mars 2024",     "mardi 12 mars 2024",
                           "March 12, 2024",   "12\u00a003\u00a02024",
                           "99999/1/1"};
    for (DateOrder order : {DateOrder::DayMonthYear, DateOrder::MonthDayYear})
    {
        SourceGrid grid = {{T("N°"), T("Date"), T("Montant")}};
        for (const char* text : texts)
            grid.push_back({T("F"), T(text), N(1)});
        for (std::size_t i = 1; i < grid.size(); ++i)
            grid[i][0] = SourceCell::of("F" + std::to_string(i));
        ImportOptions options;
        options.dateOrder = order;
        const ImportResult result = importInvoices(grid, detectHeader(grid), options);
        ASSERT_EQ(result.invoices.size(), std::size(texts));
        for (std::size_t i = 0; i < std::size(texts); ++i)
            EXPECT_EQ(iso(result.invoices[i].invoiceDate), iso(parseDateText(texts[i], order)))
                << texts[i];
    }
}

TEST(LedgerImport, TextAmountsReadLikeParseAmountText)
{
    // The import reads common amounts without ICU: it must agree with parseAmountText.
    const std::string texts[] = {"1 234,56 €",
                                 "1\u00a0234,56\u00a0€",
                                 "1\u202f234,56 €",
                                 "1234.56",
                                 "1,234.56 EUR",
                                 "1.234.567",
                                 "1.234,5",
                                 "-12,5",
                                 "+12,5",
                                 "(12,50)",
                                 "€ 99",
                                 "99 euros",
                                 "99 Euro",
                                 "1'234.50",
                                 "1`234.50",
                                 "1\u2019234,50",
                                 "12,345",
                                 "1,234,567",
                                 "1.23.4",
                                 "12,3,4",
                                 "0,5",
                                 ",5",
                                 ".5",
                                 "5.",
                                 "5,",
                                 "1,234",
                                 "1.234",
                                 "12.345,67",
                                 "12,345.67",
                                 "1,2.3",
                                 "abc",
                                 "12 abc",
                                 "eur",
                                 "€",
                                 "-",
                                 "()",
                                 "(-5)",
                                 "--5",
                                 "12,345 €",
                                 "9999999999999",
                                 "99999999999999",
                                 "1000000000000,00",
                                 "1000000000000,01",
                                 "12\u200b34",
                                 "12é",
                                 "١٢",
                                 "12 €\u00a0TTC",
                                 "  7  ",
                                 "7\t€",
                                 "1 234,567",
                                 "ÉUR 5",
                                 "5 EURO S",
                                 "9 999 999 999 999,99",
                                 "\u00a0\u00a0",
                                 "12\u2009345,00",
                                 "12\u00ad345",
                                 std::string(70, '1')};
    SourceGrid grid = {{T("N°"), T("Date"), T("Montant")}};
    for (std::size_t i = 0; i < std::size(texts); ++i)
        grid.push_back({SourceCell::of("F" + std::to_string(i)), N(serial(2024, 1, 1)),
                        SourceCell::of(texts[i])});
    const ImportResult result = importInvoices(grid, detectHeader(grid), ImportOptions{});
    ASSERT_EQ(result.invoices.size(), std::size(texts));
    for (std::size_t i = 0; i < std::size(texts); ++i)
    {
        // Blank text ("\u00a0\u00a0") is no amount at all, and no amount text either.
        EXPECT_EQ(result.invoices[i].amountInclVat, parseAmountText(texts[i])) << texts[i];
    }
}

TEST(LedgerImport, DescribesProblems)
{
    struct Row
    {
        ImportProblem problem;
        const char* french;
        const char* english;
    };
    const Row rows[] = {
        {{Kind::UnreadableDate, 11, F::DueDate, "31/02/2024"},
         "Ligne 12 : date illisible « 31/02/2024 » (Échéance)",
         "Row 12: unreadable date “31/02/2024” (Due date)"},
        {{Kind::UnreadableAmount, 4, F::AmountInclVat, "mille euros"},
         "Ligne 5 : montant illisible « mille euros » (Montant TTC)",
         "Row 5: unreadable amount “mille euros” (Amount incl. VAT)"},
        {{Kind::UnreadableTerms, 4, F::Terms, "selon accord"},
         "Ligne 5 : conditions de paiement non reconnues « selon accord » (Conditions)",
         "Row 5: unrecognised payment terms “selon accord” (Terms)"},
        {{Kind::BlankRow, 4, std::nullopt, ""},
         "Ligne 5 : ligne vide ignorée",
         "Row 5: blank row skipped"},
        {{Kind::SubtotalRow, 6, std::nullopt, "Sous-total mars 2024"},
         "Ligne 7 : sous-total ignoré « Sous-total mars 2024 »",
         "Row 7: subtotal row skipped “Sous-total mars 2024”"},
        {{Kind::DuplicateNumber, 7, F::InvoiceNumber, "F-002"},
         "Ligne 8 : facture « F-002 » en double, ligne ignorée",
         "Row 8: invoice “F-002” appears twice, row skipped"},
        {{Kind::MissingNumber, 8, F::InvoiceNumber, "L9"},
         "Ligne 9 : numéro de facture manquant, numérotée « L9 »",
         "Row 9: missing invoice number, numbered “L9”"},
        {{Kind::MissingAmount, 9, F::AmountInclVat, ""},
         "Ligne 10 : montant manquant (Montant TTC)",
         "Row 10: missing amount (Amount incl. VAT)"},
    };
    for (const Row& row : rows)
    {
        EXPECT_EQ(describe(row.problem, Language::French), row.french);
        EXPECT_EQ(describe(row.problem, Language::English), row.english);
    }
    // Rows counted from the grid's first sheet row; long values are shortened.
    const ImportProblem problem{Kind::UnreadableDate, 0, F::PaymentDate, std::string(200, 'x')};
    const std::string text = describe(problem, Language::French, 5);
    EXPECT_TRUE(text.starts_with("Ligne 5 : date illisible « xxx")) << text;
    EXPECT_LT(text.size(), 120u);
    EXPECT_TRUE(text.ends_with("… » (Date règlement)")) << text;
}

// ---------------------------------------------------------------------------------------------
// The bundled sample, read from its flat ODF file as Calc would hand it over.

namespace
{

std::string attribute(std::string_view tag, std::string_view name)
{
    const std::string key = " " + std::string(name) + "=\"";
    const std::size_t at = tag.find(key);
    if (at == std::string_view::npos)
        return {};
    const std::size_t start = at + key.size();
    return std::string(tag.substr(start, tag.find('"', start) - start));
}

std::string xmlText(std::string_view xml)
{
    std::string text;
    bool inTag = false;
    for (char c : xml)
    {
        if (c == '<')
            inTag = true;
        else if (c == '>')
            inTag = false;
        else if (!inTag)
            text.push_back(c);
    }
    for (auto [entity, plain] :
         {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}})
        for (std::size_t at = text.find(entity); at != std::string::npos;
             at = text.find(entity, at + 1))
            text.replace(at, std::string_view(entity).size(), plain);
    return text;
}

// A reader for the flat ODF the sample generator writes: values, dates as serials (null date
// 30/12/1899), strings; formula cells without a cached value are empty.
SourceGrid readFods(const std::filesystem::path& path)
{
    std::ifstream file(path, std::ios::binary);
    std::stringstream buffer;
    buffer << file.rdbuf();
    const std::string xml = buffer.str();
    SourceGrid grid;
    for (std::size_t rowAt = xml.find("<table:table-row"); rowAt != std::string::npos;
         rowAt = xml.find("<table:table-row", rowAt + 1))
    {
        const std::size_t rowEnd = xml.find("</table:table-row>", rowAt);
        const std::string_view row(xml.data() + rowAt, rowEnd - rowAt);
        std::vector<SourceCell> cells;
        for (std::size_t at = row.find("<table:", 1); at != std::string_view::npos;
             at = row.find("<table:", at + 1))
        {
            const std::size_t tagEnd = row.find('>', at);
            const std::string_view tag = row.substr(at, tagEnd - at + 1);
            const bool covered = tag.starts_with("<table:covered-table-cell");
            if (!covered && !tag.starts_with("<table:table-cell"))
                continue;
            SourceCell cell;
            const std::string type = attribute(tag, "office:value-type");
            if (type == "float" || type == "currency" || type == "percentage")
                cell = SourceCell::of(std::stod(attribute(tag, "office:value")));
            else if (type == "date")
            {
                const std::string value = attribute(tag, "office:date-value");
                cell = SourceCell::of(serial(std::stoi(value.substr(0, 4)),
                                             static_cast<unsigned>(std::stoi(value.substr(5, 2))),
                                             static_cast<unsigned>(std::stoi(value.substr(8, 2)))));
            }
            else if (type == "string" && !tag.ends_with("/>"))
            {
                const std::size_t close = row.find("</table:table-cell>", tagEnd);
                cell = SourceCell::of(xmlText(row.substr(tagEnd + 1, close - tagEnd - 1)));
            }
            const std::string repeated = attribute(tag, "table:number-columns-repeated");
            const int count = repeated.empty() ? 1 : std::stoi(repeated);
            for (int i = 0; i < count; ++i)
                cells.push_back(cell);
        }
        grid.push_back(std::move(cells));
    }
    return grid;
}

} // namespace

TEST(LedgerImport, ReadsTheBundledSample)
{
    const auto path =
        std::filesystem::path(__FILE__).parent_path() / ".." / ".." / "sample" / "factures.fods";
    ASSERT_TRUE(std::filesystem::exists(path)) << path;
    const SourceGrid grid = readFods(path);
    ASSERT_EQ(grid.size(), 341u);

    const HeaderGuess header = detectHeader(grid);
    EXPECT_EQ(header.headerRow, 3u);
    const std::vector<std::optional<LedgerField>> expected = {
        F::InvoiceNumber, F::Customer,    F::InvoiceDate, F::Terms,
        F::AmountInclVat, F::PaymentDate, F::Balance,     F::Notes,
        std::nullopt,     std::nullopt,   std::nullopt,   std::nullopt};
    EXPECT_EQ(header.mapping, expected);

    const ImportResult result = importInvoices(grid, header, ImportOptions{});
    // Figures computed from the file independently (322 invoice rows, two typed twice).
    EXPECT_EQ(result.invoices.size(), 320u);
    EXPECT_EQ(countProblems(result, Kind::BlankRow), 4u);
    EXPECT_EQ(countProblems(result, Kind::SubtotalRow), 11u);
    EXPECT_EQ(countProblems(result, Kind::DuplicateNumber), 2u);
    EXPECT_EQ(result.problems.size(), 17u);
    for (const ImportProblem& problem : result.problems)
    {
        if (problem.kind == Kind::SubtotalRow)
        {
            EXPECT_TRUE(problem.value.starts_with("Sous-total")) << problem.value;
        }
        if (problem.kind == Kind::DuplicateNumber)
        {
            EXPECT_TRUE(problem.value == "F2024-0068" || problem.value == "F2024-0106")
                << problem.value;
        }
    }

    Cents amounts = 0, balances = 0, paid = 0;
    std::size_t payments = 0, dueDates = 0;
    for (const ImportedInvoice& invoice : result.invoices)
    {
        ASSERT_TRUE(invoice.invoiceDate && invoice.amountInclVat && invoice.balance)
            << invoice.number;
        EXPECT_FALSE(invoice.customer.empty()) << invoice.number;
        amounts += *invoice.amountInclVat;
        balances += *invoice.balance;
        paid += invoice.paidAmount.value_or(0);
        payments += invoice.paymentDate.has_value();
        dueDates += invoice.dueDate.has_value();
        EXPECT_EQ(invoice.dueDate.has_value(), !invoice.terms.empty()) << invoice.number;
    }
    EXPECT_EQ(amounts, 71213799);
    EXPECT_EQ(balances, 22991262);
    EXPECT_EQ(paid, 71213799 - 22991262);
    EXPECT_EQ(payments, 212u);
    EXPECT_EQ(dueDates, 293u);

    // Rows typed with text: "2 mars 2024" as payment date, "01/07/2026" as invoice date,
    // "1 479,18 €" as amount.
    const ImportedInvoice* f9 = findInvoice(result, "F2024-0009");
    ASSERT_NE(f9, nullptr);
    EXPECT_EQ(iso(f9->paymentDate), "2024-03-02");
    EXPECT_EQ(iso(f9->dueDate), "2024-02-08"); // à réception
    const ImportedInvoice* f46 = findInvoice(result, "F2026-0046");
    ASSERT_NE(f46, nullptr);
    EXPECT_EQ(iso(f46->invoiceDate), "2026-07-01");
    EXPECT_EQ(iso(f46->dueDate), "2026-07-31"); // fin de mois
    const ImportedInvoice* f44 = findInvoice(result, "F2026-0044");
    ASSERT_NE(f44, nullptr);
    EXPECT_EQ(f44->amountInclVat, 147918);
    const ImportedInvoice* f2 = findInvoice(result, "F2024-0002");
    ASSERT_NE(f2, nullptr);
    EXPECT_EQ(f2->customer, "Camping Les Pins SARL");
    EXPECT_EQ(iso(f2->dueDate), "2024-02-29"); // 45 jours fin de mois, reading A
    EXPECT_EQ(findRowOf(grid, "F2024-0002"), &grid[f2->sourceRow]);
}

// ---------------------------------------------------------------------------------------------
// Volume: a hundred thousand rows (no timing asserted, only that it completes and counts)

TEST(LedgerImport, ImportsAHundredThousandRows)
{
    constexpr std::size_t kRows = 100'000;
    const char* terms[] = {"30 jours", "45 jours fin de mois", "à réception", "fin de mois", ""};
    SourceGrid grid;
    grid.reserve(kRows + 2);
    grid.push_back({T("Suivi")});
    grid.push_back({T("N° facture"), T("Client"), T("Date"), T("Conditions"), T("Montant TTC"),
                    T("Réglé le"), T("Reste dû"), T("Remarques")});
    std::size_t expectedBlank = 0, expectedSubtotal = 0, expectedDuplicate = 0;
    for (std::size_t i = 0; i < kRows; ++i)
    {
        if (i % 1000 == 999)
        {
            grid.push_back({E, T("Sous-total"), E, E, N(123.45)});
            ++expectedSubtotal;
            continue;
        }
        if (i % 997 == 500)
        {
            grid.push_back({});
            ++expectedBlank;
            continue;
        }
        const bool duplicate = i % 5000 == 10;
        expectedDuplicate += duplicate;
        std::vector<SourceCell> row;
        row.reserve(8);
        row.push_back(SourceCell::of(duplicate ? std::string("f0") : "F" + std::to_string(i)));
        row.push_back(SourceCell::of("Client " + std::to_string(i % 250)));
        const DayNumber invoiceDay = day(2024, 1, 1) + static_cast<DayNumber>(i % 900);
        if (i % 10 == 3)
        {
            const CivilDate civil = toCivil(invoiceDay);
            row.push_back(SourceCell::of(std::to_string(civil.day) + "/" +
                                         std::to_string(civil.month) + "/" +
                                         std::to_string(civil.year)));
        }
        else
            row.push_back(N(invoiceDay - day(1899, 12, 30)));
        row.push_back(T(terms[i % std::size(terms)]));
        const double amount = static_cast<double>(i % 100000) / 100.0 + 10;
        if (i % 10 == 7) // text amounts, all different: "1 234,56 €"
            row.push_back(SourceCell::of(std::to_string(i / 1000) + kNbsp +
                                         std::to_string(100 + i % 900) + "," +
                                         std::to_string(10 + i % 90) + kNbsp + "€"));
        else
            row.push_back(N(amount));
        row.push_back(i % 2 ? N(invoiceDay - day(1899, 12, 30) + 20) : E);
        row.push_back(i % 2 ? N(0) : row[4]);
        row.push_back(E);
        grid.push_back(std::move(row));
    }

    const HeaderGuess header = detectHeader(grid);
    ASSERT_EQ(header.headerRow, 1u);
    const ImportResult result = importInvoices(grid, header, ImportOptions{});
    EXPECT_EQ(result.invoices.size(), kRows - expectedBlank - expectedSubtotal - expectedDuplicate);
    EXPECT_EQ(countProblems(result, Kind::BlankRow), expectedBlank);
    EXPECT_EQ(countProblems(result, Kind::SubtotalRow), expectedSubtotal);
    EXPECT_EQ(countProblems(result, Kind::DuplicateNumber), expectedDuplicate);
    EXPECT_EQ(result.problems.size(), expectedBlank + expectedSubtotal + expectedDuplicate);
    std::size_t withDueDate = 0;
    for (const ImportedInvoice& invoice : result.invoices)
    {
        ASSERT_TRUE(invoice.invoiceDate && invoice.amountInclVat) << invoice.number;
        withDueDate += invoice.dueDate.has_value();
    }
    EXPECT_GT(withDueDate, result.invoices.size() * 3 / 4);
}
