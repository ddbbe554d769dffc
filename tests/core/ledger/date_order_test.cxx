// The order of day and month, read from a sheet's text dates, and told in French and English.
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

// A header naming an invoice date, a due date, a payment date and a remark, and one row per
// given triple of dates.
SourceGrid sheetWithDates(const std::vector<std::vector<SourceCell>>& dates)
{
    SourceGrid grid = {
        {T("N°"), T("Date"), T("Échéance"), T("Réglé le"), T("Remarques"), T("Montant")}};
    for (std::size_t i = 0; i < dates.size(); ++i)
    {
        std::vector<SourceCell> row = {T(("F" + std::to_string(i)).c_str())};
        row.insert(row.end(), dates[i].begin(), dates[i].end());
        row.resize(5);
        row.push_back(N(100));
        grid.push_back(std::move(row));
    }
    return grid;
}

} // namespace

TEST(DateOrder, ReadsTheOrderFromTheValues)
{
    struct Row
    {
        const char* value;
        std::optional<DateOrder> order;
    };
    const Row rows[] = {
        {"30/1/2012", DateOrder::DayMonthYear},
        {"1/30/2012", DateOrder::MonthDayYear},
        {"13-02-2024", DateOrder::DayMonthYear},
        {"02-13-2024", DateOrder::MonthDayYear},
        {"31.12.24", DateOrder::DayMonthYear},
        {"12.31.24", DateOrder::MonthDayYear},
        {"25/12/1999", DateOrder::DayMonthYear},
        // Readable both ways, or neither way, or not a numeric date: no evidence.
        {"1/2/2012", std::nullopt},
        {"12/12/2012", std::nullopt},
        {"13/13/2012", std::nullopt},
        {"31/2/2012", std::nullopt},
        {"2/30/2012", std::nullopt},
        {"2012-01-30", std::nullopt},
        {"30 janvier 2012", std::nullopt},
        {"30/1-2012", std::nullopt},
        {"30/1/212", std::nullopt},
        {"30/1/2012 10:00", std::nullopt},
        {"123/1/2012", std::nullopt},
    };
    for (const Row& row : rows)
    {
        const SourceGrid grid = sheetWithDates({{T(row.value)}});
        const DateOrderEvidence evidence = detectDateOrder(grid, detectHeader(grid));
        EXPECT_EQ(evidence.order, row.order) << row.value;
        EXPECT_EQ(evidence.dayFirstOnly + evidence.monthFirstOnly, row.order ? 1u : 0u)
            << row.value;
        // The example as typed, trimmed.
        EXPECT_EQ(evidence.example, row.order ? std::string(row.value) : "") << row.value;
    }
}

TEST(DateOrder, ScansEveryDateColumnAndOnlyThem)
{
    const SourceGrid grid = sheetWithDates({
        /* 1 */ {N(serial(2012, 1, 30)), T(" 2012-02-29 "), E, T("1/30/2012")},
        /* 2 */ {T("3/4/2012"), T(" 4/15/2012\u00a0"), T("5/31/2012")},
        /* 3 */ {E, E, T("12/25/2012")},
    });
    const DateOrderEvidence evidence = detectDateOrder(grid, detectHeader(grid));
    // Calc date numbers, ISO dates, ambiguous values and the remarks column are no evidence.
    EXPECT_EQ(evidence.order, DateOrder::MonthDayYear);
    EXPECT_EQ(evidence.monthFirstOnly, 3u);
    EXPECT_EQ(evidence.dayFirstOnly, 0u);
    EXPECT_EQ(evidence.exampleRow, 2u);
    EXPECT_EQ(evidence.example, "4/15/2012");
    EXPECT_EQ(evidence.counterExampleRow, std::nullopt);
    EXPECT_EQ(describeDateOrder(evidence, Language::French),
              "Dates lues au format MM/JJ/AAAA d'après « 4/15/2012 » (ligne 3)");
    EXPECT_EQ(describeDateOrder(evidence, Language::English),
              "Dates read as MM/DD/YYYY from “4/15/2012” (row 3)");
    EXPECT_EQ(describeDateOrder(evidence, Language::English, 5),
              "Dates read as MM/DD/YYYY from “4/15/2012” (row 7)");

    const SourceGrid french = sheetWithDates({{T("30/1/2012")}});
    const DateOrderEvidence dayFirst = detectDateOrder(french, detectHeader(french));
    EXPECT_EQ(describeDateOrder(dayFirst, Language::French),
              "Dates lues au format JJ/MM/AAAA d'après « 30/1/2012 » (ligne 2)");
    EXPECT_EQ(describeDateOrder(dayFirst, Language::English),
              "Dates read as DD/MM/YYYY from “30/1/2012” (row 2)");
}

TEST(DateOrder, ContradictingDatesAreToldWithAnExampleOfEach)
{
    std::vector<std::vector<SourceCell>> dates;
    for (int i = 0; i < 12; ++i)
        dates.push_back({T("1/30/2012"), T("30/1/2012")}); // month first comes first here
    dates.push_back({T("2/2/2012")});
    const SourceGrid grid = sheetWithDates(dates);
    const DateOrderEvidence evidence = detectDateOrder(grid, detectHeader(grid));
    EXPECT_EQ(evidence.order, std::nullopt);
    EXPECT_EQ(evidence.dayFirstOnly, 12u);
    EXPECT_EQ(evidence.monthFirstOnly, 12u);
    EXPECT_EQ(evidence.example, "1/30/2012");
    EXPECT_EQ(evidence.exampleRow, 1u);
    EXPECT_EQ(evidence.counterExample, "30/1/2012");
    EXPECT_EQ(evidence.counterExampleRow, 1u);
    EXPECT_EQ(describeDateOrder(evidence, Language::French),
              "Dates contradictoires : 12 ne se lisent que JJ/MM, 12 que MM/JJ (ex. ligne 2 "
              "« 30/1/2012 », ligne 2 « 1/30/2012 ») : choisir l'ordre dans la liste");

    const SourceGrid mixed = sheetWithDates({
        /* 1 */ {T("3/4/2012")},
        /* 2 */ {T("30/1/2012")},
        /* 3 */ {T("15/2/2012")},
        /* 4 */ {T("1/30/2012")},
    });
    const DateOrderEvidence few = detectDateOrder(mixed, detectHeader(mixed));
    EXPECT_EQ(few.order, std::nullopt);
    EXPECT_EQ(describeDateOrder(few, Language::French, 8),
              "Dates contradictoires : 2 ne se lisent que JJ/MM, 1 que MM/JJ (ex. ligne 10 "
              "« 30/1/2012 », ligne 12 « 1/30/2012 ») : choisir l'ordre dans la liste");
    EXPECT_EQ(describeDateOrder(few, Language::English, 8),
              "Contradictory dates: 2 read only as DD/MM, 1 only as MM/DD (e.g. row 10 "
              "“30/1/2012”, row 12 “1/30/2012”): choose the order from the list");
}

TEST(DateOrder, NoEvidenceSaysNothing)
{
    const SourceGrid grid = sheetWithDates({{T("1/2/2012"), N(serial(2012, 3, 1))}, {}});
    const DateOrderEvidence evidence = detectDateOrder(grid, detectHeader(grid));
    EXPECT_EQ(evidence.order, std::nullopt);
    EXPECT_EQ(evidence.exampleRow, std::nullopt);
    EXPECT_EQ(describeDateOrder(evidence, Language::French), "");
    EXPECT_EQ(describeDateOrder(evidence, Language::English), "");
    // A header mapping no date column.
    HeaderGuess noDates{0, {F::InvoiceNumber}};
    EXPECT_EQ(detectDateOrder(grid, noDates).dayFirstOnly, 0u);
}
