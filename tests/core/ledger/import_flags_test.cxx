// Reading yes/no columns (disputed, paid flag) into invoices.
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

std::vector<SourceCell> textRow(std::initializer_list<const char*> texts)
{
    std::vector<SourceCell> row;
    for (const char* text : texts)
        row.push_back(T(text));
    return row;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Disputed

TEST(ImportFlags, ADisputedInvoiceGetsLitigeInItsNotes)
{
    struct Row
    {
        SourceCell disputed;
        SourceCell notes;
        std::optional<bool> flag;
        const char* expectedNotes;
    };
    const Row rows[] = {
        {T("Oui"), E, true, "Litige"},
        {T("yes"), T("relancé par téléphone"), true, "relancé par téléphone ; Litige"},
        {T("Y"), E, true, "Litige"},
        {T("o"), E, true, "Litige"},
        {N(1), E, true, "Litige"},
        {T("X"), E, true, "Litige"},
        {T("TRUE"), E, true, "Litige"},
        {T("Vrai"), E, true, "Litige"},
        {T("oui"), T("Litige sur la quantité"), true, "Litige sur la quantité"},
        {T("Non"), T("à relancer"), false, "à relancer"},
        {T("N"), E, false, ""},
        {N(0), E, false, ""},
        {T("faux"), E, false, ""},
        {E, E, std::nullopt, ""},
        {T("peut-être"), T("voir Paul"), std::nullopt, "voir Paul"},
    };
    SourceGrid grid = {textRow({"N° facture", "Montant TTC", "En litige", "Remarques"})};
    for (std::size_t i = 0; i < std::size(rows); ++i)
        grid.push_back(
            {T(("F" + std::to_string(i)).c_str()), N(100), rows[i].disputed, rows[i].notes});
    const HeaderGuess header = detectHeader(grid);
    ASSERT_EQ(header.mapping[2], F::Disputed);
    const ImportResult result = importInvoices(grid, header, ImportOptions{});
    ASSERT_EQ(result.invoices.size(), std::size(rows));
    for (std::size_t i = 0; i < std::size(rows); ++i)
    {
        EXPECT_EQ(result.invoices[i].disputed, rows[i].flag) << i;
        EXPECT_EQ(result.invoices[i].notes, rows[i].expectedNotes) << i;
    }
    // Neither yes nor no: a problem naming the column, the invoice kept.
    ASSERT_EQ(result.problems.size(), 1u);
    const ImportProblem& problem = result.problems[0];
    EXPECT_EQ(problem.kind, Kind::UnreadableFlag);
    EXPECT_EQ(problem.field, F::Disputed);
    EXPECT_EQ(problem.value, "peut-être");
    EXPECT_EQ(problem.sourceRow, std::size(rows));
}

// ---------------------------------------------------------------------------------------------
// Paid flag

TEST(ImportFlags, APaidFlagAloneSaysWhetherTheInvoiceIsPaid)
{
    const SourceGrid grid = {
        textRow({"N° facture", "Montant TTC", "Payé ? (Oui/Non)", "Réglé le", "Reste dû",
                 "Montant réglé"}),
        /* 1: yes, nothing else: fully paid */ {T("F1"), N(100), T("Oui"), E, E, E},
        /* 2: no, nothing else: nothing paid */ {T("F2"), N(200), T("non"), E, E, E},
        /* 3: yes with a balance: the balance decides */ {T("F3"), N(300), T("oui"), E, N(50), E},
        /* 4: no with a payment date: the date decides */
        {T("F4"), N(400), T("N"), N(serial(2024, 5, 2)), E, E},
        /* 5: yes with a paid amount: the amount decides */ {T("F5"), N(500), T("y"), E, E, N(20)},
        /* 6: blank: nothing said */ {T("F6"), N(600), E, E, E, E},
        /* 7: unreadable */ {T("F7"), N(700), T("bientôt"), E, E, E},
    };
    const HeaderGuess header = detectHeader(grid);
    ASSERT_EQ(header.mapping[2], F::PaidFlag);
    const ImportResult result = importInvoices(grid, header, ImportOptions{});
    ASSERT_EQ(result.invoices.size(), 7u);
    struct Expected
    {
        std::optional<bool> flag;
        std::optional<Cents> paid;
    };
    const Expected expected[] = {
        {true, 10000},
        {false, 0},
        {true, 25000},
        {false, 40000},
        {true, 2000},
        {std::nullopt, std::nullopt},
        {std::nullopt, std::nullopt},
    };
    for (std::size_t i = 0; i < std::size(expected); ++i)
    {
        EXPECT_EQ(result.invoices[i].paidFlag, expected[i].flag) << i;
        EXPECT_EQ(result.invoices[i].paidAmount, expected[i].paid) << i;
    }
    ASSERT_EQ(result.problems.size(), 1u);
    EXPECT_EQ(result.problems[0].kind, Kind::UnreadableFlag);
    EXPECT_EQ(result.problems[0].field, F::PaidFlag);
    EXPECT_EQ(result.problems[0].sourceRow, 7u);
}
