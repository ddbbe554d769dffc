// The ledger conversion in a real headless Calc, through the menu command's own code path
// (fr.relance:convertLedger with Silent=true, the path the dialog ends in): the sheets it
// builds, cell by cell; the source never touched; one undo step; failures leave the document
// as it was; re-sync keeps what the user typed.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <set>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XSheetCondition.hpp>
#include <com/sun/star/sheet/XSheetConditionalEntries.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/table/TableSortField.hpp>
#include <com/sun/star/util/XNumberFormats.hpp>
#include <com/sun/star/util/XSortable.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>
#include <gtest/gtest.h>

#include "calc_support.hxx"
#include "ledger/ledger_commands.hxx"
#include "uno/ledger/ledger_layout.hxx"

using namespace relance_test;

namespace
{

// Everything a sheet holds in its used area: values, texts and formulas.
std::string fingerprint(const uno::Reference<sheet::XSpreadsheet>& sheet)
{
    const uno::Reference<sheet::XSheetCellCursor> cursor = sheet->createCursor();
    const uno::Reference<sheet::XUsedAreaCursor> used(cursor, uno::UNO_QUERY_THROW);
    used->gotoStartOfUsedArea(false);
    used->gotoEndOfUsedArea(true);
    const uno::Sequence<uno::Sequence<OUString>> formulas =
        uno::Reference<sheet::XCellRangeFormula>(cursor, uno::UNO_QUERY_THROW)->getFormulaArray();
    std::string all;
    for (const auto& row : formulas)
    {
        for (const OUString& cell : row)
            all += utf8(cell) + "\x1f";
        all += "\n";
    }
    return all;
}

double value(const uno::Reference<sheet::XSpreadsheet>& sheet, sal_Int32 column, sal_Int32 row)
{
    return sheet->getCellByPosition(column, row)->getValue();
}

// The ledger row of an invoice number (0-based sheet row), or -1.
sal_Int32 findInvoice(const uno::Reference<sheet::XSpreadsheet>& ledger, const std::string& number)
{
    const sal_Int32 rows = usedRows(ledger);
    for (sal_Int32 r = 1; r < rows; ++r)
        if (cellText(ledger, 0, r) == number)
            return r;
    return -1;
}

// The Customers sheet's four figures (one array formula over all customers) against the
// one-customer functions written beside them in U:X for each row, then cleared again.
void expectFiguresAsOneCustomerAtATime(Sheet& workbook,
                                       const uno::Reference<sheet::XSpreadsheet>& customers,
                                       sal_Int32 customerCount)
{
    const char* oneCustomer[] = {
        "=FR.RELANCE.FUNCTIONS.OVERDUEIF(Registre_Client;A{r};Registre_Echeance;Registre_Montant;"
        "Registre_DateReglement;Registre_Regle;DateSituation)",
        "=IFERROR(FR.RELANCE.FUNCTIONS.AVERAGEDAYSLATEIF(Registre_Client;A{r};Registre_Echeance;"
        "Registre_Montant;Registre_DateReglement;DateSituation);\"\")",
        "=FR.RELANCE.FUNCTIONS.RISKSCORE(Registre_Client;A{r};Registre_Echeance;Registre_Montant;"
        "Registre_DateReglement;Registre_Regle;Registre_Suivi;DateSituation;H{r};G{r};;"
        "Registre_DateFacture)",
        "=FR.RELANCE.FUNCTIONS.RISKFLAGS(Registre_Client;A{r};Registre_Echeance;Registre_Montant;"
        "Registre_DateReglement;Registre_Regle;Registre_Suivi;DateSituation;H{r};G{r};;"
        "Registre_DateFacture)"};
    constexpr sal_Int32 scratch = 20; // column U, right of the sheet's own columns
    const sal_Int32 firstFigure = static_cast<sal_Int32>(
        relance::addin::columnIndex(relance::addin::customerColumns(), "overdue"));
    for (sal_Int32 r = 1; r <= customerCount; ++r)
        for (sal_Int32 k = 0; k < 4; ++k)
        {
            std::string formula = oneCustomer[k];
            for (std::size_t at; (at = formula.find("{r}")) != std::string::npos;)
                formula.replace(at, 3, std::to_string(r + 1));
            customers->getCellByPosition(scratch + k, r)->setFormula(ustr(formula));
        }
    workbook.recalculate();
    int compared = 0;
    for (sal_Int32 r = 1; r <= customerCount; ++r)
        for (sal_Int32 k = 0; k < 4; ++k)
        {
            const auto summary = customers->getCellByPosition(firstFigure + k, r);
            const auto alone = customers->getCellByPosition(scratch + k, r);
            SCOPED_TRACE(cellText(customers, 0, r) + ", figure " + std::to_string(k));
            ASSERT_EQ(summary->getError(), 0);
            ASSERT_EQ(alone->getError(), 0);
            if (k == 3) // the flags, as text (the other cells are formatted differently)
            {
                EXPECT_EQ(cellText(customers, firstFigure + k, r),
                          cellText(customers, scratch + k, r));
            }
            EXPECT_EQ(summary->getValue(), alone->getValue());
            ++compared;
        }
    EXPECT_EQ(compared, 4 * customerCount);
    for (sal_Int32 r = 1; r <= customerCount; ++r)
        for (sal_Int32 k = 0; k < 4; ++k)
            customers->getCellByPosition(scratch + k, r)->setFormula("");
}

class Ledger : public ::testing::Test
{
protected:
    Ledger() : sample(office().load(env("RELANCE_SOURCE_DIR") + "/sample/factures.fods")) {}
    Sheet sample;
    const std::vector<beans::PropertyValue> asOf{
        argument("AsOf", uno::Any(OUString("2026-11-15")))};
};

} // namespace

TEST_F(Ledger, ConvertsTheMessySampleCellByCell)
{
    const auto source = sheetNamed(sample.document(), "Factures");
    const std::string before = fingerprint(source);
    const sal_Int32 sheetsBefore =
        uno::Reference<container::XIndexAccess>(sheetsOf(sample.document()), uno::UNO_QUERY_THROW)
            ->getCount();

    const CommandResult result = runCommand(sample.document(), asOf);
    ASSERT_TRUE(result.success) << result.message;
    EXPECT_NE(result.message.find("321"), std::string::npos) << result.message;
    sample.recalculate();

    // The source is untouched; six sheets were added.
    EXPECT_EQ(fingerprint(source), before);
    EXPECT_EQ(
        uno::Reference<container::XIndexAccess>(sheetsOf(sample.document()), uno::UNO_QUERY_THROW)
            ->getCount(),
        sheetsBefore + 6);
    using relance::addin::LedgerSheet;
    for (LedgerSheet sheet :
         {LedgerSheet::Invoices, LedgerSheet::Payments, LedgerSheet::Customers,
          LedgerSheet::Reminders, LedgerSheet::Dashboard, LedgerSheet::Settings})
        EXPECT_TRUE(sheetsOf(sample.document())->hasByName(ustr(ledgerName(sheet))))
            << ledgerName(sheet);

    const auto ledger = sheetNamed(sample.document(), ledgerName(LedgerSheet::Invoices));
    EXPECT_EQ(cellText(ledger, 0, 0), french() ? "N° facture" : "Invoice no.");
    // header + 320 invoices and a credit note: blank, subtotal, duplicate rows skipped
    EXPECT_EQ(usedRows(ledger), 322);

    // Every ledger row matches its source row, field by field.
    const auto sourceData = uno::Reference<sheet::XCellRangeData>(
                                source->getCellRangeByName("A1:I339"), uno::UNO_QUERY_THROW)
                                ->getDataArray();
    int checked = 0;
    int creditNotes = 0;
    for (sal_Int32 r = 1; r < 322; ++r)
    {
        const sal_Int32 sourceRow =
            static_cast<sal_Int32>(value(ledger, column("source_row"), r)) - 1;
        ASSERT_GE(sourceRow, 4);
        const auto& cells = sourceData[sourceRow];
        EXPECT_EQ(cellText(ledger, 0, r), utf8(cells[0].get<OUString>()));
        EXPECT_EQ(cellText(ledger, 1, r), utf8(cells[1].get<OUString>()));
        // dates and amounts typed as text were read
        double invoiceDate = 0;
        if (cells[2] >>= invoiceDate)
        {
            EXPECT_EQ(value(ledger, column("invoice_date"), r), invoiceDate);
        }
        double amount = 0;
        if (cells[4] >>= amount)
        {
            EXPECT_NEAR(value(ledger, column("amount"), r), amount, 1e-9);
        }
        // Positive, but for the credit note ("avoir", A-numbered), netted by the owner: no
        // balance left on it, and none counted twice.
        if (cellText(ledger, 0, r).starts_with("A"))
        {
            ++creditNotes;
            EXPECT_LT(value(ledger, column("amount"), r), 0) << "row " << r;
            EXPECT_EQ(value(ledger, column("balance"), r), 0) << "row " << r;
        }
        else
            EXPECT_GT(value(ledger, column("amount"), r), 0) << "row " << r;
        EXPECT_GT(value(ledger, column("invoice_date"), r), serial(2024, 1, 1)) << "row " << r;
        // the balance formula gives what the source says is still due
        double due = 0;
        if (cells[6] >>= due)
        {
            EXPECT_NEAR(value(ledger, column("balance"), r), due, 0.005) << cellText(ledger, 0, r);
        }
        ++checked;
    }
    EXPECT_EQ(checked, 321);
    EXPECT_EQ(creditNotes, 1);

    // A text date and a text amount of the sample, read exactly.
    const sal_Int32 textDateRow = findInvoice(ledger, "F2024-0014"); // "17 août 2024" in the source
    ASSERT_GT(textDateRow, 0);
    EXPECT_EQ(value(ledger, column("invoice_date"), textDateRow), serial(2024, 8, 17));

    // Formula columns evaluate (no #NAME?: the add-in is there) and follow the as-of date.
    int late = 0;
    for (sal_Int32 r = 1; r < 322; ++r)
    {
        const auto daysLate = ledger->getCellByPosition(column("days_late"), r);
        const auto bucket = ledger->getCellByPosition(column("bucket"), r);
        if (!cellText(ledger, column("due_date"), r).empty())
        {
            EXPECT_EQ(daysLate->getError(), 0) << cellText(ledger, 0, r);
            EXPECT_EQ(bucket->getError(), 0) << cellText(ledger, 0, r);
            late += daysLate->getValue() > 0 && value(ledger, column("balance"), r) > 0;
        }
        EXPECT_NE(ledger->getCellByPosition(column("status"), r)->getError(), 525);
    }
    EXPECT_GT(late, 10);

    // Overdue open invoices are highlighted: their typed key cells (number to terms) carry the
    // conditional format on balance and days late, down to the last row (Calc gives its
    // formula as written for the first row).
    const auto highlight = [&](sal_Int32 c, sal_Int32 r)
    {
        const uno::Reference<sheet::XSheetConditionalEntries> entries(
            uno::Reference<beans::XPropertySet>(ledger->getCellByPosition(c, r),
                                                uno::UNO_QUERY_THROW)
                ->getPropertyValue("ConditionalFormat"),
            uno::UNO_QUERY_THROW);
        if (entries->getCount() != 1)
            return std::string();
        const uno::Reference<sheet::XSheetCondition> condition(entries->getByIndex(0),
                                                               uno::UNO_QUERY_THROW);
        return utf8(condition->getFormula1());
    };
    for (sal_Int32 c = 0; c <= column("terms"); ++c)
    {
        EXPECT_EQ(highlight(c, 1), "AND(N($I2)>0;N($J2)>0)") << c;
        EXPECT_EQ(highlight(c, 321), "AND(N($I2)>0;N($J2)>0)") << c;
    }
    EXPECT_EQ(column("balance"), 8);
    EXPECT_EQ(column("days_late"), 9);
    EXPECT_EQ(highlight(column("terms"), 322), "") << "below the table";

    // The dashboard: as-of date, receivables, and an aged balance that sums to them.
    const auto dashboard = sheetNamed(sample.document(), ledgerName(LedgerSheet::Dashboard));
    EXPECT_EQ(value(dashboard, 1, 2), serial(2026, 11, 15));
    const double receivables = value(dashboard, 1, 4);
    EXPECT_GT(receivables, 0);
    double buckets = 0;
    for (sal_Int32 c = 3; c <= 7; ++c)
    {
        EXPECT_EQ(dashboard->getCellByPosition(c, 4)->getError(), 0);
        buckets += value(dashboard, c, 4);
    }
    EXPECT_NEAR(buckets, receivables, 0.005);
    EXPECT_EQ(dashboard->getCellByPosition(1, 5)->getError(), 0); // overdue
    EXPECT_GT(value(dashboard, 1, 5), 0);
    // Shown as the user reads them: the share overdue in percent, and the Settings' rates too
    // (a percent format once divided them by a thousand on screen).
    const auto percentShown = [](const std::string& text)
    {
        std::string digits;
        for (const char c : text)
            if ((c >= '0' && c <= '9') || c == ',' || c == '.')
                digits.push_back(c == ',' ? '.' : c);
        EXPECT_NE(text.find('%'), std::string::npos) << text;
        return digits.empty() ? -1.0 : std::stod(digits);
    };
    const double share = value(dashboard, 1, 6);
    EXPECT_NEAR(share, value(dashboard, 1, 5) / receivables, 1e-9);
    EXPECT_NEAR(percentShown(cellText(dashboard, 1, 6)), share * 100, 0.006)
        << cellText(dashboard, 1, 6);
    // The 2026-S2 ECB rate is not shipped: the penalties cell names it and where it goes,
    // never a bare "?", and the figures that do not need it are shown.
    EXPECT_EQ(cellText(dashboard, 1, 13), french() ? "taux BCE 2026-S2 à saisir dans Paramètres"
                                                   : "ECB rate 2026-S2 to enter in Settings");
    EXPECT_EQ(cellText(dashboard, 2, 13), "");
    EXPECT_GT(value(dashboard, 1, 14), 0) << "indemnities";
    const auto settings = sheetNamed(sample.document(), ledgerName(LedgerSheet::Settings));
    settings->getCellByPosition(1, 21)->setValue(0.0215);
    EXPECT_NEAR(percentShown(cellText(settings, 1, 21)), 2.15, 1e-9) << cellText(settings, 1, 21);
    // Once the user enters it (a test value here), the cell is the sum of the ledger's penalties.
    sample.recalculate();
    const sal_Int32 penaltyColumn = column("penalty");
    double penalties = 0;
    for (sal_Int32 r = 1; r <= 321; ++r)
    {
        ASSERT_EQ(ledger->getCellByPosition(penaltyColumn, r)->getError(), 0) << r;
        penalties += value(ledger, penaltyColumn, r);
    }
    EXPECT_GT(penalties, 0);
    EXPECT_NEAR(value(dashboard, 1, 13), penalties, 0.005) << cellText(dashboard, 1, 13);

    // Customers: one row per customer, with risk columns computed.
    const auto customers = sheetNamed(sample.document(), ledgerName(LedgerSheet::Customers));
    EXPECT_EQ(usedRows(customers), 26); // 25 customers + header
    for (sal_Int32 r = 1; r < 26; ++r)
    {
        EXPECT_EQ(customers->getCellByPosition(12, r)->getError(), 0) << cellText(customers, 0, r);
        EXPECT_FALSE(cellText(customers, 13, r).empty());
    }
    // The four figures come from one array formula over all customers; each equals what the
    // one-customer functions give for that row.
    expectFiguresAsOneCustomerAtATime(sample, customers, 25);
    const sal_Int32 overdue = static_cast<sal_Int32>(
        relance::addin::columnIndex(relance::addin::customerColumns(), "overdue"));
    EXPECT_GT(value(customers, overdue, 1) + value(customers, overdue, 2), 0);
}

// The owner sorts the Customers sheet by amount overdue, as one does. Calc does not sort a range
// holding an array formula (the four figures are one): the sort is refused, and every row keeps
// its customer and that customer's own figures; no figure ends up beside another customer.
TEST_F(Ledger, SortingTheCustomersLeavesEachRowWithItsOwnFigures)
{
    using relance::addin::LedgerSheet;
    ASSERT_TRUE(runCommand(sample.document(), asOf).success);
    const auto customers = sheetNamed(sample.document(), ledgerName(LedgerSheet::Customers));
    const sal_Int32 overdue = static_cast<sal_Int32>(
        relance::addin::columnIndex(relance::addin::customerColumns(), "overdue"));
    const sal_Int32 lastColumn =
        static_cast<sal_Int32>(relance::addin::customerColumns().size()) - 1;
    std::vector<std::string> before;
    for (sal_Int32 r = 1; r <= 25; ++r)
        before.push_back(cellText(customers, 0, r));

    const uno::Reference<util::XSortable> sortable(
        customers->getCellRangeByPosition(0, 0, lastColumn, 25), uno::UNO_QUERY_THROW);
    uno::Sequence<beans::PropertyValue> descriptor = sortable->createSortDescriptor();
    table::TableSortField byOverdue;
    byOverdue.Field = overdue;
    byOverdue.IsAscending = false;
    const uno::Sequence<table::TableSortField> fields(&byOverdue, 1);
    for (sal_Int32 i = 0; i < descriptor.getLength(); ++i)
    {
        beans::PropertyValue& property = descriptor.getArray()[i];
        if (property.Name == "SortFields")
            property.Value <<= fields;
        else if (property.Name == "ContainsHeader")
            property.Value <<= true;
    }
    sortable->sort(descriptor);
    sample.recalculate();

    std::vector<std::string> after;
    for (sal_Int32 r = 1; r <= 25; ++r)
        after.push_back(cellText(customers, 0, r));
    EXPECT_TRUE(std::is_permutation(after.begin(), after.end(), before.begin()));
    bool sorted = true;
    for (sal_Int32 r = 2; r <= 25; ++r)
        sorted = sorted && value(customers, overdue, r - 1) >= value(customers, overdue, r);
    // Either order is right as long as each row's figures are its customer's: a Calc that one
    // day sorts such ranges must give sorted figures, each still its own customer's.
    EXPECT_TRUE(after == before || sorted);
    expectFiguresAsOneCustomerAtATime(sample, customers, 25);
}

TEST_F(Ledger, FailureLeavesTheDocumentAsItWas)
{
    const sal_Int32 sheetsBefore =
        uno::Reference<container::XIndexAccess>(sheetsOf(sample.document()), uno::UNO_QUERY_THROW)
            ->getCount();
    const std::string before = fingerprint(sheetNamed(sample.document(), "Factures"));
    // A header row pointing at the title: no invoice can be read.
    auto arguments = asOf;
    arguments.push_back(argument("HeaderRow", uno::Any(sal_Int32(341))));
    arguments.push_back(
        argument("Mapping", uno::Any(OUString("A=invoice_number;E=amount_incl_vat"))));
    const CommandResult result = runCommand(sample.document(), arguments);
    EXPECT_FALSE(result.success);
    EXPECT_FALSE(result.message.empty());
    EXPECT_EQ(
        uno::Reference<container::XIndexAccess>(sheetsOf(sample.document()), uno::UNO_QUERY_THROW)
            ->getCount(),
        sheetsBefore);
    EXPECT_EQ(fingerprint(sheetNamed(sample.document(), "Factures")), before);

    const CommandResult unknown =
        runCommand(sample.document(), {argument("SourceSheet", uno::Any(OUString("Nope")))});
    EXPECT_FALSE(unknown.success);
    EXPECT_NE(unknown.message.find("Nope"), std::string::npos);
}

TEST_F(Ledger, ResyncAddsAndUpdatesWithoutLosingUserInput)
{
    ASSERT_TRUE(runCommand(sample.document(), asOf).success);
    const auto ledger =
        sheetNamed(sample.document(), ledgerName(relance::addin::LedgerSheet::Invoices));
    const sal_Int32 row = findInvoice(ledger, "F2026-0054");
    ASSERT_GT(row, 0);
    // The user notes a dispute and a promise in the ledger.
    uno::Reference<text::XTextRange>(ledger->getCellByPosition(column("dispute"), row),
                                     uno::UNO_QUERY_THROW)
        ->setString(ustr("livraison incomplète"));
    ledger->getCellByPosition(column("promise"), row)->setValue(serial(2026, 12, 1));

    // The source grows by two invoices, and one amount is corrected.
    const auto source = sheetNamed(sample.document(), "Factures");
    const sal_Int32 last = usedRows(source);
    const uno::Sequence<uno::Sequence<uno::Any>> added = sequenceOf<uno::Sequence<uno::Any>>(
        {sequenceOf<uno::Any>(
             {uno::Any(OUString("F2026-0900")), uno::Any(OUString("Nouveau Client SAS")),
              uno::Any(serial(2026, 11, 12)), uno::Any(OUString("30 jours")), uno::Any(1200.0),
              uno::Any(OUString()), uno::Any(1200.0), uno::Any(OUString())}),
         sequenceOf<uno::Any>({uno::Any(OUString("F2026-0901")), uno::Any(OUString("=1+1")),
                               uno::Any(OUString("13/11/2026")), uno::Any(ustr("à réception")),
                               uno::Any(ustr("2 400,00 €")), uno::Any(OUString()), uno::Any(2400.0),
                               uno::Any(OUString("+33 6 12; -2+3; @SUM(A1); <b>&amp;</b>"))})});
    uno::Reference<sheet::XCellRangeData>(source->getCellRangeByPosition(0, last, 7, last + 1),
                                          uno::UNO_QUERY_THROW)
        ->setDataArray(added);
    const sal_Int32 sourceRow = [&]
    {
        for (sal_Int32 r = 4; r < last; ++r)
            if (cellText(source, 0, r) == "F2026-0054")
                return r;
        return -1;
    }();
    ASSERT_GT(sourceRow, 0);
    source->getCellByPosition(4, sourceRow)->setValue(777.77);
    source->getCellByPosition(6, sourceRow)->setValue(777.77); // still unpaid

    // As a ledger made by an earlier version: without the later settings' rows, and with the
    // rates and the share overdue in a general format; the user's own value beside them stays.
    const auto settings =
        sheetNamed(sample.document(), ledgerName(relance::addin::LedgerSheet::Settings));
    const auto dashboard =
        sheetNamed(sample.document(), ledgerName(relance::addin::LedgerSheet::Dashboard));
    for (sal_Int32 r = 32; r <= 34; ++r)
        for (sal_Int32 c = 0; c <= 1; ++c)
            uno::Reference<text::XTextRange>(settings->getCellByPosition(c, r),
                                             uno::UNO_QUERY_THROW)
                ->setString(OUString());
    uno::Reference<text::XTextRange>(settings->getCellByPosition(1, 33), uno::UNO_QUERY_THROW)
        ->setString(ustr("/mes/modeles"));
    // The first ledgers' percent format, whose space Calc reads as a thousands divisor.
    const uno::Reference<util::XNumberFormats> formats =
        uno::Reference<util::XNumberFormatsSupplier>(sample.document(), uno::UNO_QUERY_THROW)
            ->getNumberFormats();
    const lang::Locale frenchLocale("fr", "FR", "");
    sal_Int32 broken = formats->queryKey("0,0 %", frenchLocale, false);
    if (broken < 0)
        broken = formats->addNew("0,0 %", frenchLocale);
    const auto setFormat =
        [](const uno::Reference<sheet::XSpreadsheet>& sheet, sal_Int32 row, sal_Int32 key)
    {
        uno::Reference<beans::XPropertySet>(sheet->getCellByPosition(1, row), uno::UNO_QUERY_THROW)
            ->setPropertyValue("NumberFormat", uno::Any(key));
    };
    setFormat(settings, 21, broken);
    setFormat(dashboard, 6, broken);
    // The first ledgers' bare "?" for a missing rate, and its note.
    uno::Reference<table::XCell>(dashboard->getCellByPosition(1, 13))
        ->setFormula("=IFERROR(SUM(Registre_Penalites);\"?\")");
    uno::Reference<text::XTextRange>(dashboard->getCellByPosition(2, 13), uno::UNO_QUERY_THROW)
        ->setString(ustr(french() ? "si « ? » : ajoutez le taux BCE du semestre dans Paramètres"
                                  : "if \"?\": add the half-year's ECB rate in Settings"));
    // A rate the user formatted their own way is left as it is.
    setFormat(settings, 18, 0);
    settings->getCellByPosition(1, 21)->setValue(0.0215);

    const CommandResult result = runCommand(sample.document(), asOf);
    ASSERT_TRUE(result.success) << result.message;
    EXPECT_NE(result.message.find("2"), std::string::npos) << result.message;
    sample.recalculate();
    EXPECT_NE(cellText(settings, 0, 34).find(french() ? "Relevé de compte" : "Statement"),
              std::string::npos);
    EXPECT_EQ(cellText(settings, 1, 34), french() ? "Oui" : "Yes");
    EXPECT_EQ(cellText(settings, 0, 33), "") << "a row the user wrote in is left alone";
    EXPECT_EQ(cellText(settings, 1, 33), "/mes/modeles");
    const std::string rate = cellText(settings, 1, 21);
    EXPECT_NE(rate.find(french() ? "2,15" : "2.15"), std::string::npos) << rate;
    EXPECT_NE(rate.find('%'), std::string::npos) << rate;
    const double share = dashboard->getCellByPosition(1, 6)->getValue();
    char shown[32];
    std::snprintf(shown, sizeof shown, "%.2f", share * 100);
    std::string expected = shown;
    if (french())
        std::replace(expected.begin(), expected.end(), '.', ',');
    EXPECT_NE(cellText(dashboard, 1, 6).find(expected), std::string::npos)
        << cellText(dashboard, 1, 6) << " for " << share;
    EXPECT_NE(dashboard->getCellByPosition(1, 13)->getFormula().indexOf("PENALTYRATE"), -1)
        << "the bare formula replaced";
    EXPECT_EQ(cellText(dashboard, 2, 13), "") << "and its note";
    sal_Int32 userFormat = -1;
    uno::Reference<beans::XPropertySet>(settings->getCellByPosition(1, 18), uno::UNO_QUERY_THROW)
        ->getPropertyValue("NumberFormat") >>= userFormat;
    EXPECT_EQ(userFormat, 0) << "the user's own format";

    EXPECT_EQ(usedRows(ledger), 324);
    std::set<std::string> numbers;
    for (sal_Int32 r = 1; r < 324; ++r)
        EXPECT_TRUE(numbers.insert(cellText(ledger, 0, r)).second)
            << "duplicate " << cellText(ledger, 0, r);
    const sal_Int32 kept = findInvoice(ledger, "F2026-0054");
    EXPECT_EQ(cellText(ledger, column("dispute"), kept), "livraison incomplète");
    EXPECT_EQ(value(ledger, column("promise"), kept), serial(2026, 12, 1));
    EXPECT_NEAR(value(ledger, column("amount"), kept), 777.77, 1e-9);
    EXPECT_EQ(cellText(ledger, column("status"), kept), french() ? "En litige" : "Disputed");

    // Text from the source stays literal: a name that looks like a formula is not evaluated.
    const sal_Int32 injected = findInvoice(ledger, "F2026-0901");
    ASSERT_GT(injected, 0);
    EXPECT_EQ(cellText(ledger, 1, injected), "=1+1");
    EXPECT_EQ(ledger->getCellByPosition(1, injected)->getType(), table::CellContentType_TEXT);
    // Notes starting with +, -, @ or holding markup stay literal text too.
    const sal_Int32 notes = column("notes");
    EXPECT_EQ(cellText(ledger, notes, injected), "+33 6 12; -2+3; @SUM(A1); <b>&amp;</b>");
    EXPECT_EQ(ledger->getCellByPosition(notes, injected)->getType(), table::CellContentType_TEXT);
    EXPECT_NEAR(value(ledger, column("amount"), injected), 2400.0, 1e-9);

    // The two new customers have their figures: the Customers sheet's array formula was
    // rewritten over the longer list.
    const auto customers =
        sheetNamed(sample.document(), ledgerName(relance::addin::LedgerSheet::Customers));
    const sal_Int32 lastCustomer = usedRows(customers) - 1;
    EXPECT_EQ(lastCustomer, 27);
    const auto figures = relance::addin::columnIndex(relance::addin::customerColumns(), "overdue");
    for (sal_Int32 r = 1; r <= lastCustomer; ++r)
        for (sal_Int32 k = 0; k < 4; ++k)
            EXPECT_EQ(
                customers->getCellByPosition(static_cast<sal_Int32>(figures) + k, r)->getError(), 0)
                << cellText(customers, 0, r);
    EXPECT_FALSE(cellText(customers, static_cast<sal_Int32>(figures) + 3, lastCustomer).empty());
}

// The owner's own reminder notes (the sample's "Relance" column: "R2 le 12/06/2026", "2e relance
// 05/06/2026", "relancé le 20/05/2026") become the ledger's last level and date; a re-sync
// keeps the higher of the ledger's and the sheet's, so Relance's own record is never undone.
TEST_F(Ledger, SeedsTheOwnersReminderNotes)
{
    ASSERT_TRUE(runCommand(sample.document(), asOf).success);
    const auto ledger =
        sheetNamed(sample.document(), ledgerName(relance::addin::LedgerSheet::Invoices));
    const auto level = [&](const char* number)
    { return value(ledger, column("level"), findInvoice(ledger, number)); };
    const auto date = [&](const char* number)
    { return value(ledger, column("level_date"), findInvoice(ledger, number)); };
    EXPECT_EQ(level("F2026-0059"), 2.0);
    EXPECT_EQ(date("F2026-0059"), serial(2026, 6, 12));
    EXPECT_EQ(level("F2026-0069"), 2.0);
    EXPECT_EQ(date("F2026-0069"), serial(2026, 6, 5));
    EXPECT_EQ(level("F2026-0056"), 1.0);
    EXPECT_EQ(date("F2026-0056"), serial(2026, 5, 20));
    int seeded = 0, seededOpen = 0;
    for (sal_Int32 r = 1; r < usedRows(ledger); ++r)
        if (value(ledger, column("level"), r) > 0)
        {
            ++seeded;
            seededOpen += value(ledger, column("balance"), r) > 0;
        }
    EXPECT_EQ(seededOpen, 9) << "the nine open invoices the owner noted, no other";
    EXPECT_EQ(seeded, 9 + 30) << "and the 30 paid after a reminder the owner noted";

    // Relance sends the formal notice (recorded 3); the owner notes a reminder 2 on another.
    const sal_Int32 notice = findInvoice(ledger, "F2026-0069");
    ledger->getCellByPosition(column("level"), notice)->setValue(3);
    ledger->getCellByPosition(column("level_date"), notice)->setValue(serial(2026, 6, 30));
    const auto source = sheetNamed(sample.document(), "Factures");
    for (sal_Int32 r = 4; r < usedRows(source); ++r)
        if (cellText(source, 0, r) == "F2026-0054")
            uno::Reference<text::XTextRange>(source->getCellByPosition(8, r), uno::UNO_QUERY_THROW)
                ->setString(ustr("R2 le 20/06/2026"));
    ASSERT_TRUE(runCommand(sample.document(), asOf).success);
    EXPECT_EQ(level("F2026-0069"), 3.0) << "Relance's own record kept";
    EXPECT_EQ(date("F2026-0069"), serial(2026, 6, 30));
    EXPECT_EQ(level("F2026-0054"), 2.0) << "the owner's new note taken";
    EXPECT_EQ(date("F2026-0054"), serial(2026, 6, 20));
}

TEST(LedgerEnglish, ConvertsAnEnglishSheetWithUsDates)
{
    const Sheet sheet(office().newSpreadsheet());
    const char* rows[][7] = {
        {"Receivables 2025", "", "", "", "", "", ""},
        {"", "", "", "", "", "", ""},
        {"Invoice #", "Customer", "Invoice Date", "Due Date", "Amount", "Paid On", "Balance"},
        {"INV-1", "Acme Ltd", "03/15/2025", "04/14/2025", "1,234.50", "04/20/2025", "0"},
        {"INV-2", "Acme Ltd", "04/01/2025", "05/01/2025", "$2,000.00", "", "2000"},
        {"", "", "", "", "", "", ""},
        {"Total", "", "", "", "3,234.50", "", ""},
        {"INV-3", "Globex", "12/31/2025", "", "99.99", "", "99.99"},
    };
    for (sal_Int32 r = 0; r < 8; ++r)
        for (sal_Int32 c = 0; c < 7; ++c)
            if (*rows[r][c])
                uno::Reference<text::XTextRange>(
                    sheet.cell((std::string(1, static_cast<char>('A' + c)) + std::to_string(r + 1))
                                   .c_str()),
                    uno::UNO_QUERY_THROW)
                    ->setString(OUString::createFromAscii(rows[r][c]));
    const CommandResult result =
        runCommand(sheet.document(), {argument("DateOrder", uno::Any(OUString("MDY"))),
                                      argument("DefaultTerms", uno::Any(OUString("net 30"))),
                                      argument("AsOf", uno::Any(OUString("2026-01-31")))});
    ASSERT_TRUE(result.success) << result.message;
    sheet.recalculate();
    const auto ledger =
        sheetNamed(sheet.document(), ledgerName(relance::addin::LedgerSheet::Invoices));
    EXPECT_EQ(usedRows(ledger), 4);
    const sal_Int32 first = findInvoice(ledger, "INV-1");
    EXPECT_EQ(value(ledger, column("invoice_date"), first), serial(2025, 3, 15));
    EXPECT_NEAR(value(ledger, column("amount"), first), 1234.5, 1e-9);
    EXPECT_NEAR(value(ledger, column("balance"), first), 0.0, 1e-9);
    const sal_Int32 third = findInvoice(ledger, "INV-3");
    EXPECT_EQ(value(ledger, column("due_date"), third),
              serial(2026, 1, 30)); // default terms, net 30
    EXPECT_EQ(value(ledger, column("days_late"), third), 1.0);
}
