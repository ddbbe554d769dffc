// The import's problems in words, in French and English.
#include "core/ledger/ledger_import.hxx"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "ledger_import_fixtures.hxx"

using namespace relance;
using namespace relance_test::ledger_import;

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
        {{Kind::UnreadableFlag, 10, F::Disputed, "peut-être"},
         "Ligne 11 : ni oui ni non « peut-être », à écrire Oui ou Non (ou O/N, 1/0, X ou vide, "
         "Vrai/Faux) (Litige (Oui/Non))",
         "Row 11: neither yes nor no “peut-être”, write Yes or No (or Y/N, 1/0, X or blank, "
         "True/False) (Disputed (Yes/No))"},
        {{Kind::UnreadableFlag, 11, F::PaidFlag, "bientôt"},
         "Ligne 12 : ni oui ni non « bientôt », à écrire Oui ou Non (ou O/N, 1/0, X ou vide, "
         "Vrai/Faux) (Payé ? (Oui/Non))",
         "Row 12: neither yes nor no “bientôt”, write Yes or No (or Y/N, 1/0, X or blank, "
         "True/False) (Paid? (Yes/No))"},
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
