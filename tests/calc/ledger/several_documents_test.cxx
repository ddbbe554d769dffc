// Several documents open at once in one office, as a LibreOffice-core server (Collabora Online)
// holds its users' documents: the add-in is one object for all of them, so nothing it computes
// may leak from one document into another (null date, as-of date, ledger names, settings).
// docs/DEPLOYMENT.md rests on this test.
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/util/Date.hpp>
#include <gtest/gtest.h>

#include "calc_support.hxx"
#include "uno/common/uno_basics.hxx"
#include "uno/ledger/ledger_layout.hxx"

using namespace relance_test;

namespace
{

// The conversion command, silent, as of a date; its report when it fails.
std::string convert(const Sheet& sheet, const char* asOf)
{
    const uno::Reference<frame::XModel> model(sheet.document(), uno::UNO_QUERY_THROW);
    const uno::Reference<frame::XDispatchProvider> provider(
        model->getCurrentController()->getFrame(), uno::UNO_QUERY_THROW);
    const uno::Any result =
        frame::DispatchHelper::create(office().context())
            ->executeDispatch(provider, "fr.relance:convertLedger", "", 0,
                              sequenceOf<beans::PropertyValue>(
                                  {argument("Silent", uno::Any(true)),
                                   argument("AsOf", uno::Any(OUString::createFromAscii(asOf)))}));
    frame::DispatchResultEvent event;
    OUString message;
    if ((result >>= event) && event.State == frame::DispatchResultState::SUCCESS)
        return "";
    event.Result >>= message;
    return "conversion failed: " + utf8(message);
}

uno::Reference<sheet::XSpreadsheet> dashboardOf(const Sheet& sheet)
{
    const std::string name =
        relance::addin::sheetName(relance::addin::LedgerSheet::Dashboard)
            .in(french() ? relance::Language::French : relance::Language::English);
    return uno::Reference<sheet::XSpreadsheet>(
        uno::Reference<sheet::XSpreadsheetDocument>(sheet.document(), uno::UNO_QUERY_THROW)
            ->getSheets()
            ->getByName(ustr(name)),
        uno::UNO_QUERY_THROW);
}

} // namespace

TEST(SeveralDocuments, FunctionsKeepEachDocumentsNullDate)
{
    const Sheet from1899(office().newSpreadsheet());
    const Sheet from1904(office().newSpreadsheet());
    uno::Reference<beans::XPropertySet>(from1904.document(), uno::UNO_QUERY_THROW)
        ->setPropertyValue("NullDate", uno::Any(util::Date(1, 1, 1904)));
    for (const Sheet* sheet : {&from1899, &from1904})
    {
        sheet->type("A1", localized("=AR.DUEDATE(DATE(2024;1;15);\"45 jours fin de mois\")"));
        sheet->type("A2", "=A1-DATE(2024;2;29)");
        sheet->type("A3", localized("=AR.DAYSLATE(A1;;DATE(2024;3;10))"));
    }
    // Calculated in turn, as a server's users work side by side.
    for (const Sheet* sheet : {&from1904, &from1899, &from1904})
        sheet->recalculate();
    for (const Sheet* sheet : {&from1899, &from1904})
    {
        EXPECT_EQ(sheet->cell("A1")->getError(), 0);
        EXPECT_EQ(sheet->cell("A2")->getValue(), 0) << "29/02/2024 in each document's own serials";
        EXPECT_EQ(sheet->cell("A3")->getValue(), 10);
    }
    EXPECT_EQ(from1899.cell("A1")->getValue() - from1904.cell("A1")->getValue(), 1462);
}

TEST(SeveralDocuments, ConversionsKeepEachDocumentsLedger)
{
    const std::string sample = env("RELANCE_SOURCE_DIR") + "/sample/factures.fods";
    const Sheet november(office().load(sample));
    const Sheet june(office().load(sample));
    ASSERT_EQ(convert(november, "2026-11-15"), "");
    november.recalculate();
    const auto novemberDashboard = dashboardOf(november);
    const double receivables = novemberDashboard->getCellByPosition(1, 4)->getValue();
    const double overdue = novemberDashboard->getCellByPosition(1, 5)->getValue();
    ASSERT_GT(overdue, 0);

    // A second user converts the same books as of another date in the same office.
    ASSERT_EQ(convert(june, "2026-06-30"), "");
    june.recalculate();
    november.recalculate();
    const auto juneDashboard = dashboardOf(june);
    EXPECT_EQ(juneDashboard->getCellByPosition(1, 2)->getValue(), serial(2026, 6, 30));
    EXPECT_EQ(novemberDashboard->getCellByPosition(1, 2)->getValue(), serial(2026, 11, 15));
    EXPECT_NE(juneDashboard->getCellByPosition(1, 5)->getValue(), overdue);
    EXPECT_EQ(novemberDashboard->getCellByPosition(1, 4)->getValue(), receivables);
    EXPECT_EQ(novemberDashboard->getCellByPosition(1, 5)->getValue(), overdue);
    // As of 30/06/2026 every half-year's rate is known: the June ledger's penalties are a sum,
    // while November's still names the 2026-S2 rate to enter.
    EXPECT_EQ(juneDashboard->getCellByPosition(1, 13)->getError(), 0);
    EXPECT_GT(juneDashboard->getCellByPosition(1, 13)->getValue(), 0);
    EXPECT_NE(utf8(uno::Reference<text::XTextRange>(novemberDashboard->getCellByPosition(1, 13),
                                                    uno::UNO_QUERY_THROW)
                       ->getString())
                  .find("2026-S2"),
              std::string::npos);
}
