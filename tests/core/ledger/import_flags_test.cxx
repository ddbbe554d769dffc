// Reading yes/no columns (disputed, paid flag) and numbered payment columns into invoices, and
// the payments a series of payment columns makes.
#include "core/ledger/ledger_import.hxx"
#include "core/ledger/ledger_model.hxx"

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

const ImportProblem* problemAt(const ImportResult& result, std::size_t row)
{
    for (const ImportProblem& problem : result.problems)
        if (problem.sourceRow == row)
            return &problem;
    return nullptr;
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

TEST(ImportFlags, APaidColumnOfYesNoAnswersIsReadAsTheFlag)
{
    // "Payé ?" would name the paid amount; its data makes it the flag.
    const SourceGrid grid = {
        textRow({"Facture", "Client", "Date", "Montant", "Payé ?"}),
        {T("F1"), T("Martin"), N(serial(2024, 1, 5)), N(120), T("Oui")},
        {T("F2"), T("Durand"), N(serial(2024, 1, 9)), N(80), T("Non")},
    };
    const HeaderGuess header = detectHeader(grid);
    ASSERT_EQ(header.mapping[4], F::PaidFlag);
    const ImportResult result = importInvoices(grid, header, ImportOptions{});
    ASSERT_EQ(result.invoices.size(), 2u);
    EXPECT_EQ(result.invoices[0].paidAmount, 12000);
    EXPECT_EQ(result.invoices[1].paidAmount, 0);
    EXPECT_TRUE(result.problems.empty());
}

// ---------------------------------------------------------------------------------------------
// Numbered payment columns

TEST(ImportFlags, ASeriesOfPaymentColumnsMakesOnePaymentEach)
{
    const SourceGrid grid = {
        textRow({"N° facture", "Client", "Montant TTC", "Règlement 1", "Date règlement 1",
                 "Règlement 2", "Date règlement 2", "Règlement 3", "Date règlement 3"}),
        /* 1: three payments, dates paired by rank */
        {T("F1"), T("Martin"), N(1000), N(300), N(serial(2024, 2, 1)), N(200), T("15/03/2024"),
         N(500), N(serial(2024, 3, 1))},
        /* 2: a blank in between: the third payment keeps its own date */
        {T("F2"), T("Martin"), N(600), N(100), N(serial(2024, 2, 10)), E, E, N(50),
         N(serial(2024, 4, 30))},
        /* 3: an amount without its date */
        {T("F3"), T("Durand"), N(400), E, E, T("150,50"), E},
        /* 4: nothing paid */ {T("F4"), T("Durand"), N(250)},
        /* 5: an unreadable amount is a problem, the others are read */
        {T("F5"), T("Durand"), N(250), T("cent"), N(serial(2024, 5, 1)), N(25),
         N(serial(2024, 5, 3))},
    };
    const HeaderGuess header = detectHeader(grid);
    const std::vector<std::optional<LedgerField>> mapping = {
        F::InvoiceNumber, F::Customer,    F::AmountInclVat, F::PaidAmount, F::PaymentDate,
        F::PaidAmount,    F::PaymentDate, F::PaidAmount,    F::PaymentDate};
    ASSERT_EQ(header.mapping, mapping);
    const ImportResult result = importInvoices(grid, header, ImportOptions{});
    ASSERT_EQ(result.invoices.size(), 5u);

    const ImportedInvoice& f1 = result.invoices[0];
    ASSERT_EQ(f1.payments.size(), 3u);
    EXPECT_EQ(f1.payments[0].amount, 30000);
    EXPECT_EQ(iso(f1.payments[0].date), "2024-02-01");
    EXPECT_EQ(f1.payments[1].amount, 20000);
    EXPECT_EQ(iso(f1.payments[1].date), "2024-03-15");
    EXPECT_EQ(f1.payments[2].amount, 50000);
    EXPECT_EQ(iso(f1.payments[2].date), "2024-03-01");
    EXPECT_EQ(f1.paidAmount, 100000);
    EXPECT_EQ(iso(f1.paymentDate), "2024-03-15"); // the latest, not the last column's

    const ImportedInvoice& f2 = result.invoices[1];
    ASSERT_EQ(f2.payments.size(), 2u);
    EXPECT_EQ(iso(f2.payments[0].date), "2024-02-10");
    EXPECT_EQ(f2.payments[1].amount, 5000);
    EXPECT_EQ(iso(f2.payments[1].date), "2024-04-30");
    EXPECT_EQ(f2.paidAmount, 15000);
    EXPECT_EQ(iso(f2.paymentDate), "2024-04-30");

    const ImportedInvoice& f3 = result.invoices[2];
    ASSERT_EQ(f3.payments.size(), 1u);
    EXPECT_EQ(f3.payments[0].amount, 15050);
    EXPECT_EQ(f3.payments[0].date, std::nullopt);
    EXPECT_EQ(f3.paidAmount, 15050);

    EXPECT_TRUE(result.invoices[3].payments.empty());
    EXPECT_EQ(result.invoices[3].paidAmount, std::nullopt);

    const ImportedInvoice& f5 = result.invoices[4];
    ASSERT_EQ(f5.payments.size(), 1u);
    EXPECT_EQ(f5.paidAmount, 2500);
    const ImportProblem* problem = problemAt(result, 5);
    ASSERT_NE(problem, nullptr);
    EXPECT_EQ(problem->kind, Kind::UnreadableAmount);
    EXPECT_EQ(problem->value, "cent");
    EXPECT_EQ(result.problems.size(), 1u);

    // One payment entry per payment, each with its own date; none for an unpaid invoice.
    const std::vector<PaymentEntry> payments = paymentsFromSource(result.invoices);
    ASSERT_EQ(payments.size(), 7u);
    EXPECT_EQ(payments[0].amount, 30000);
    EXPECT_EQ(iso(payments[1].date), "2024-03-15");
    EXPECT_EQ(payments[1].reference, "F1");
    EXPECT_EQ(payments[3].reference, "F2");
    EXPECT_EQ(payments[5].customer, "Durand");
    EXPECT_EQ(payments[6].amount, 2500);
    // Allocated, they pay each invoice what the sheet says.
    const Allocation allocation = allocatePayments(result.invoices, payments);
    EXPECT_EQ(allocation.paid[0], 100000);
    EXPECT_EQ(iso(allocation.lastPaid[0]), "2024-03-15");
    EXPECT_EQ(allocation.paid[1], 15000);
}

TEST(ImportFlags, OnePaidAmountColumnReadsAsBefore)
{
    // A single paid amount column with two payment date columns (as a user may map them):
    // the first date column is the payment date, and no payment list is made.
    const SourceGrid grid = {
        textRow({"N°", "Montant", "Réglé", "Réglé le", "Date règlement"}),
        {T("F1"), N(100), N(40), N(serial(2024, 1, 2)), N(serial(2024, 6, 1))},
    };
    HeaderGuess header = detectHeader(grid);
    ASSERT_EQ(header.mapping[4], F::PaymentDate);
    header.mapping[3] = F::PaymentDate;
    const ImportResult result = importInvoices(grid, header, ImportOptions{});
    ASSERT_EQ(result.invoices.size(), 1u);
    EXPECT_TRUE(result.invoices[0].payments.empty());
    EXPECT_EQ(result.invoices[0].paidAmount, 4000);
    EXPECT_EQ(iso(result.invoices[0].paymentDate), "2024-01-02");
    const std::vector<PaymentEntry> payments = paymentsFromSource(result.invoices);
    ASSERT_EQ(payments.size(), 1u);
    EXPECT_EQ(payments[0].amount, 4000);
}
