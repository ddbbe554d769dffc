// Reading rows into invoices: a messy sheet with every kind of problem, default terms and
// readings, null dates and paid amounts, and a hundred thousand rows.
#include "core/ledger/ledger_import.hxx"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "ledger_import_fixtures.hxx"

using namespace relance;
using namespace relance_test::ledger_import;

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
    // "f0" typed again with other amounts than F0's: rows skipped, and named in one remark.
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
    ASSERT_EQ(result.remarks.size(), 1u);
    EXPECT_EQ(result.remarks[0].kind, RemarkKind::NumberOtherAmount);
    EXPECT_EQ(result.remarks[0].count, expectedDuplicate);
    EXPECT_FALSE(result.remarks[0].fixed);
    std::size_t withDueDate = 0;
    for (const ImportedInvoice& invoice : result.invoices)
    {
        ASSERT_TRUE(invoice.invoiceDate && invoice.amountInclVat) << invoice.number;
        withDueDate += invoice.dueDate.has_value();
    }
    EXPECT_GT(withDueDate, result.invoices.size() * 3 / 4);
}
