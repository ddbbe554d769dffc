// The import's ICU-free readings of plain text dates and amounts agree with parseDateText and
// parseAmountText.
#include "core/ledger/ledger_import.hxx"

#include <gtest/gtest.h>

#include <string>

#include "ledger_import_fixtures.hxx"

using namespace relance;
using namespace relance_test::ledger_import;

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
