// Headers as accounting and AR tools export them: compound words in any letter case, short
// export names, derived columns left alone, customer identifiers, yes/no columns, numbered
// payment columns.
#include "core/ledger/ledger_import.hxx"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "ledger_import_fixtures.hxx"

using namespace relance;
using namespace relance_test::ledger_import;

namespace
{

std::string upperAscii(std::string text)
{
    for (char& c : text)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return text;
}

std::string lowerAscii(std::string text)
{
    for (char& c : text)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return text;
}

std::vector<SourceCell> textRow(std::initializer_list<const char*> texts)
{
    std::vector<SourceCell> row;
    for (const char* text : texts)
        row.push_back(T(text));
    return row;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Compound words, whatever their letter case

TEST(ExportHeaders, CompoundWordsAreSplitWhateverTheirCase)
{
    struct Row
    {
        const char* header;
        LedgerField expected;
    };
    const Row rows[] = {
        {"invoiceNumber", F::InvoiceNumber},
        {"InvoiceDate", F::InvoiceDate},
        {"DueDate", F::DueDate},
        {"InvoiceAmount", F::AmountInclVat},
        {"SettledDate", F::PaymentDate},
        {"ClearedDate", F::PaymentDate},
        {"PaidDate", F::PaymentDate},
        {"customerID", F::Customer},
        {"CustomerName", F::Customer},
        {"numero_facture", F::InvoiceNumber},
        {"date_echeance", F::DueDate},
        {"montant_ttc", F::AmountInclVat},
        {"invoice_amount", F::AmountInclVat},
        {"MontantHT", F::AmountExclVat},
        {"ResteDu", F::Balance},
        {"AmountDue", F::Balance},
        {"NomClient", F::Customer},
        {"DateFacture", F::InvoiceDate},
        {"DateReglement", F::PaymentDate},
        {"Reglement1", F::PaidAmount},
    };
    for (const Row& row : rows)
    {
        const std::string header = row.header;
        EXPECT_EQ(matchHeader(header), row.expected) << header;
        // The field never depends on letter case.
        EXPECT_EQ(matchHeader(upperAscii(header)), row.expected) << upperAscii(header);
        EXPECT_EQ(matchHeader(lowerAscii(header)), row.expected) << lowerAscii(header);
    }
    for (const char* header : {"InvoiceAmount", "invoiceamount", "INVOICEAMOUNT", "Invoice Amount"})
        EXPECT_EQ(matchHeader(header), F::AmountInclVat) << header;
    // Words that cannot be split all the way stay what they are.
    for (const char* unknown : {"Designation", "Telephone", "InvoiceXyz", "Clients", "Quantite"})
        EXPECT_EQ(matchHeader(unknown), std::nullopt) << unknown;
}

// ---------------------------------------------------------------------------------------------
// Export names

TEST(ExportHeaders, ExportNames)
{
    struct Row
    {
        const char* header;
        LedgerField expected;
    };
    const Row rows[] = {
        {"Inv #", F::InvoiceNumber},
        {"Inv No", F::InvoiceNumber},
        {"Inv. No.", F::InvoiceNumber},
        {"Doc No", F::InvoiceNumber},
        {"Document No", F::InvoiceNumber},
        {"Amt", F::AmountInclVat},
        {"Invoice Amt", F::AmountInclVat},
        {"Total TTC", F::AmountInclVat},
        {"Mt TTC", F::AmountInclVat},
        {"Mt HT", F::AmountExclVat},
        {"Solde", F::Balance},
        {"Amt due", F::Balance},
        {"Date pièce", F::InvoiceDate},
        {"Inv Date", F::InvoiceDate},
        {"Document date", F::InvoiceDate},
        {"Échéance", F::DueDate},
        {"Date échéance", F::DueDate},
        {"Payment due date", F::DueDate},
        {"Settled", F::PaymentDate},
        {"Settled date", F::PaymentDate},
        {"Cleared", F::PaymentDate},
        {"Cleared date", F::PaymentDate},
        {"Paid date", F::PaymentDate},
        {"Customer ID", F::Customer},
        {"Customer code", F::Customer},
        {"Code client", F::Customer},
        {"N° client", F::Customer},
        {"Tiers", F::Customer},
        {"Règlement", F::PaidAmount},
        {"Total payé", F::PaidAmount},
        {"Paid amt", F::PaidAmount},
        {"Date règlement", F::PaymentDate},
        {"Date de règlement", F::PaymentDate},
        {"Statut paiement", F::Notes},
        {"Payment status", F::Notes},
    };
    for (const Row& row : rows)
        EXPECT_EQ(matchHeader(row.header), row.expected) << row.header;
    // Beside them, what already had a meaning keeps it.
    EXPECT_EQ(matchHeader("Conditions de règlement"), F::Terms);
    EXPECT_EQ(matchHeader("Délai de règlement"), F::Terms);
    EXPECT_EQ(matchHeader("Mode de règlement"), std::nullopt);
    EXPECT_EQ(matchHeader("Payment method"), std::nullopt);
    EXPECT_EQ(matchHeader("Delai (jours)"), F::Terms);
    EXPECT_EQ(matchHeader("Country code"), std::nullopt);
    EXPECT_EQ(matchHeader("countryCode"), std::nullopt);
}

TEST(ExportHeaders, ACustomerNameOutranksACustomerIdentifier)
{
    const SourceGrid both = {textRow({"customerID", "Invoice #", "Customer name", "Amount"})};
    const std::vector<std::optional<LedgerField>> byName = {std::nullopt, F::InvoiceNumber,
                                                            F::Customer, F::AmountInclVat};
    EXPECT_EQ(detectHeader(both).mapping, byName);
    const SourceGrid french = {textRow({"Nom client", "Code client", "N° facture", "Montant"})};
    const std::vector<std::optional<LedgerField>> frenchByName = {
        F::Customer, std::nullopt, F::InvoiceNumber, F::AmountInclVat};
    EXPECT_EQ(detectHeader(french).mapping, frenchByName);
    // With only an identifier, the identifier is the customer.
    const SourceGrid idOnly = {textRow({"customerID", "invoiceNumber", "InvoiceAmount"})};
    const std::vector<std::optional<LedgerField>> byId = {F::Customer, F::InvoiceNumber,
                                                          F::AmountInclVat};
    EXPECT_EQ(detectHeader(idOnly).mapping, byId);
}

// ---------------------------------------------------------------------------------------------
// Derived columns

TEST(ExportHeaders, DerivedColumnsAreNeverMapped)
{
    const char* derived[] = {
        "DaysToSettle",    "DaysLate",      "days_late",     "jours_retard",    "nb_jours_retard",
        "Jours de retard", "annee",         "année",         "Année",           "mois",
        "month",           "year",          "week",          "semaine",         "trimestre",
        "quarter",         "PaperlessDate", "Days past due", "Mois d'échéance", "Invoice month",
        "DAYSTOSETTLE",    "paperlessdate",
    };
    for (const char* header : derived)
        EXPECT_EQ(matchHeader(header), std::nullopt) << header;

    // An AR tool's CSV export, opened in Calc: found without any mapping.
    std::vector<SourceCell> header =
        textRow({"countryCode", "customerID", "invoiceNumber", "InvoiceDate", "DueDate",
                 "InvoiceAmount", "SettledDate", "PaperlessDate"});
    for (const char* column : derived)
        header.push_back(T(column));
    const HeaderGuess guess = detectHeader({header});
    std::vector<std::optional<LedgerField>> expected = {
        std::nullopt, F::Customer,      F::InvoiceNumber, F::InvoiceDate,
        F::DueDate,   F::AmountInclVat, F::PaymentDate,   std::nullopt};
    expected.resize(header.size());
    EXPECT_EQ(guess.mapping, expected);
}

// ---------------------------------------------------------------------------------------------
// Yes/no columns

TEST(ExportHeaders, DisputedAndPaidFlagHeaders)
{
    for (const char* header : {"Disputed", "Dispute", "Litige", "En litige", "Contesté",
                               "Contestée", "Contestation", "LITIGE", "Litige (O/N)"})
        EXPECT_EQ(matchHeader(header), F::Disputed) << header;
    for (const char* header : {"Payé ? (Oui/Non)", "Paid? (Yes/No)", "Payé (O/N)", "Paid (Y/N)",
                               "Payée", "Réglée", "Facture payée", "isPaid", "Is paid"})
        EXPECT_EQ(matchHeader(header), F::PaidFlag) << header;
    // Alone, "Payé ?" and "Settled" name the paid amount and the payment date.
    EXPECT_EQ(matchHeader("Payé ?"), F::PaidAmount);
    EXPECT_EQ(matchHeader("Settled"), F::PaymentDate);
    EXPECT_EQ(matchHeader("Statut"), F::Notes);
    EXPECT_EQ(matchHeader("Remarques"), F::Notes);
}

TEST(ExportHeaders, YesNoDataMakesAColumnThePaidFlag)
{
    const SourceGrid grid = {
        textRow({"N° facture", "Montant TTC", "Payé ?", "Statut", "Disputed", "Réglé"}),
        {T("F1"), N(100), T("Oui"), T("en attente"), T("No"), N(0)},
        {T("F2"), N(200), T("non"), T("payée"), T("Yes"), N(0)},
        {T("F3"), N(300), T("OUI"), E, T("no"), N(0)},
        {T("F4"), N(400), E, T("relancée"), E, N(0)},
    };
    // "Payé ?" holds yes/no answers: it is the paid flag, and "Réglé" the paid amount. A column
    // of zeros stays an amount, notes in words stay notes, a disputed column stays disputed.
    const std::vector<std::optional<LedgerField>> expected = {
        F::InvoiceNumber, F::AmountInclVat, F::PaidFlag, F::Notes, F::Disputed, F::PaidAmount};
    EXPECT_EQ(detectHeader(grid).mapping, expected);

    // 80 % of the filled cells at least: one stray value in five is tolerated, two are not.
    const SourceGrid mostly = {
        textRow({"N°", "Montant", "Settled"}),
        {T("F1"), N(1), T("Y")},
        {T("F2"), N(1), T("Y")},
        {T("F3"), N(1), T("N")},
        {T("F4"), N(1), T("Y")},
        {T("F5"), N(1), T("?")},
    };
    EXPECT_EQ(detectHeader(mostly).mapping[2], F::PaidFlag);
    SourceGrid tooFew = mostly;
    tooFew[4][2] = N(serial(2024, 3, 1));
    EXPECT_EQ(detectHeader(tooFew).mapping[2], F::PaymentDate);
}

// ---------------------------------------------------------------------------------------------
// Numbered payment columns

TEST(ExportHeaders, NumberedPaymentColumnsAreAllMapped)
{
    const SourceGrid grid = {
        textRow({"N° facture", "Montant TTC", "Règlement 1", "Date règlement 1", "Règlement 2",
                 "Date règlement 2", "Règlement 3", "Date règlement 3", "Remarques"})};
    const std::vector<std::optional<LedgerField>> expected = {
        F::InvoiceNumber, F::AmountInclVat, F::PaidAmount,  F::PaymentDate, F::PaidAmount,
        F::PaymentDate,   F::PaidAmount,    F::PaymentDate, F::Notes};
    EXPECT_EQ(detectHeader(grid).mapping, expected);

    for (const auto& series :
         {textRow({"Acompte 1", "Acompte 2"}), textRow({"Payment 1", "Payment 2"}),
          textRow({"Paid 1", "Paid 2"}), textRow({"Acompte1", "ACOMPTE2"})})
    {
        std::vector<SourceCell> header = textRow({"Invoice #", "Amount"});
        header.insert(header.end(), series.begin(), series.end());
        const std::vector<std::optional<LedgerField>> mapped = {F::InvoiceNumber, F::AmountInclVat,
                                                                F::PaidAmount, F::PaidAmount};
        EXPECT_EQ(detectHeader({header}).mapping, mapped) << series[0].text;
    }
    // Different synonyms are no series: the best column alone keeps the field.
    const SourceGrid mixed = {textRow({"N°", "Montant", "Acompte 1", "Règlement 2"})};
    const std::vector<std::optional<LedgerField>> one = {F::InvoiceNumber, F::AmountInclVat,
                                                         std::nullopt, F::PaidAmount};
    EXPECT_EQ(detectHeader(mixed).mapping, one);
    // A series that does not hold the field's best column is left alone.
    const SourceGrid beside = {
        textRow({"N°", "Montant", "Montant réglé", "Acompte 1", "Acompte 2"})};
    const std::vector<std::optional<LedgerField>> best = {
        F::InvoiceNumber, F::AmountInclVat, F::PaidAmount, std::nullopt, std::nullopt};
    EXPECT_EQ(detectHeader(beside).mapping, best);
}
