// The GUI tests of the ledger conversion: the Receivables menu in the menu bar, the conversion
// dialog filled from the sheet and cancelled, and the conversion undone in one step.
//
// The GUI ring: the office of the calc ring, but with windows (on the Xvfb display xvfb-run
// gives the process) and a French UI. What only a real window shows: the "Créances clients"
// menu in the frame's menu bar; the conversion dialog the menu command opens, filled from the
// sheet, then cancelled without touching the document; and the conversion undone in one step
// (Calc undoes a sheet insertion through the active view, which a headless office lacks).
#include <algorithm>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <com/sun/star/accessibility/AccessibleRole.hpp>
#include <com/sun/star/accessibility/XAccessibleAction.hpp>
#include <com/sun/star/accessibility/XAccessibleContext.hpp>
#include <com/sun/star/awt/XCheckBox.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XNumericField.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XLayoutManager.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <com/sun/star/util/XModifiable.hpp>
#include <gtest/gtest.h>

#include "gui_support.hxx"
#include "uno/ledger/ledger_layout.hxx"

using namespace relance_test;
using namespace std::chrono_literals;

namespace
{

const char* const kDialogTitle = "Relance — Convertir en registre de suivi";
const char* const kMenuTitle = "Créances clients";
const char* const kUndoTitle = "Relance : registre";

// Everything a sheet holds in its used area: values, texts and formulas.
std::string fingerprint(const uno::Reference<sheet::XSpreadsheet>& sheet)
{
    const uno::Reference<sheet::XSheetCellCursor> cursor = sheet->createCursor();
    const uno::Reference<sheet::XUsedAreaCursor> used(cursor, uno::UNO_QUERY_THROW);
    used->gotoStartOfUsedArea(false);
    used->gotoEndOfUsedArea(true);
    std::string all;
    for (const auto& row :
         uno::Reference<sheet::XCellRangeFormula>(cursor, uno::UNO_QUERY_THROW)->getFormulaArray())
    {
        for (const OUString& cell : row)
            all += utf8(cell) + "\x1f";
        all += "\n";
    }
    return all;
}

std::vector<std::string> ledgerSheetNames()
{
    using relance::addin::LedgerSheet;
    std::vector<std::string> names;
    for (LedgerSheet sheet :
         {LedgerSheet::Invoices, LedgerSheet::Payments, LedgerSheet::Customers,
          LedgerSheet::Reminders, LedgerSheet::Dashboard, LedgerSheet::Settings})
        names.push_back(relance::addin::sheetName(sheet).in(relance::Language::French));
    return names;
}

std::vector<uno::Reference<accessibility::XAccessibleContext>>
children(const uno::Reference<accessibility::XAccessibleContext>& parent)
{
    std::vector<uno::Reference<accessibility::XAccessibleContext>> out;
    for (sal_Int64 i = 0, count = parent->getAccessibleChildCount(); i < count; ++i)
        if (const uno::Reference<accessibility::XAccessible> child = parent->getAccessibleChild(i);
            child.is() && child->getAccessibleContext().is())
            out.push_back(child->getAccessibleContext());
    return out;
}

} // namespace

TEST(Gui, ReceivablesMenuIsInTheMenuBar)
{
    const VisibleDocument sample(samplePath());
    // The layout manager's menu bar element hands out its manager, not the menu; the menu as
    // shown is reached through the window's accessibility tree.
    const uno::Reference<ui::XUIElement> element =
        uno::Reference<frame::XLayoutManager>(
            uno::Reference<beans::XPropertySet>(sample.frame(), uno::UNO_QUERY_THROW)
                ->getPropertyValue("LayoutManager"),
            uno::UNO_QUERY_THROW)
            ->getElement("private:resource/menubar/menubar");
    ASSERT_TRUE(element.is()) << "the frame has no menu bar";

    uno::Reference<accessibility::XAccessibleContext> menuBar;
    waitFor(
        [&]
        {
            menuBar =
                findAccessible(uno::Reference<accessibility::XAccessible>(
                                   sample.frame()->getContainerWindow(), uno::UNO_QUERY_THROW),
                               accessibility::AccessibleRole::MENU_BAR, 4);
            return menuBar.is();
        },
        20s);
    ASSERT_TRUE(menuBar.is()) << "no menu bar in the window's accessibility tree";

    Watchdog::stage("reading the menu bar");
    std::string all;
    uno::Reference<accessibility::XAccessibleContext> receivables;
    for (const auto& menu : children(menuBar))
    {
        all += " [" + utf8(menu->getAccessibleName()) + "]";
        if (utf8(menu->getAccessibleName()) == kMenuTitle)
            receivables = menu;
    }
    std::cout << "menu bar:" << all << "\n";
    ASSERT_TRUE(receivables.is()) << "no \"" << kMenuTitle << "\" menu in:" << all;
    EXPECT_EQ(receivables->getAccessibleRole(), accessibility::AccessibleRole::MENU);

    // The conversion entries, as the user reads them (the menu may hold more).
    std::vector<std::string> entries;
    std::string listed;
    for (const auto& entry : children(receivables))
    {
        entries.push_back(utf8(entry->getAccessibleName()));
        listed += " [" + entries.back() + "]";
    }
    for (const char* expected :
         {"Convertir en registre de suivi…", "Actualiser le registre depuis la feuille source…",
          "Préparer le dossier de contentieux…", "Importer un FEC…"})
        EXPECT_NE(std::find(entries.begin(), entries.end(), expected), entries.end())
            << "no \"" << expected << "\" in:" << listed;
}

TEST(Gui, ConversionDialogIsFilledFromTheSheetAndCancels)
{
    const VisibleDocument sample(samplePath());
    const sal_Int32 sheetsBefore = sample.sheetCount();
    const std::string sourceBefore = fingerprint(sample.sheet("Factures"));

    Watchdog::stage("waiting for the dialog");
    const BackgroundDispatch command(sample.frame(), "fr.relance:convertLedger", {},
                                     []
                                     {
                                         if (const auto dialog = findDialog(kDialogTitle);
                                             dialog.is())
                                             dialog->endExecute();
                                     });
    const auto dialog = awaitWindow<uno::Reference<awt::XDialog>>(
        command, [] { return findDialog(kDialogTitle); }, 60s, 200ms);
    ASSERT_TRUE(dialog.is()) << (!command.done() ? std::string("no dialog after 60 s")
                                 : command.result().finished
                                     ? "the command returned without a dialog: " +
                                           command.result().message
                                     : "the command was not handled: " + command.result().message);

    // Filled as ledger_dialog.cxx promises, from the sample's messy sheet. The handler fills the
    // controls before the dialog is shown; the poll only rides out a slow first paint.
    Watchdog::stage("reading the dialog");
    const DialogControls controls(dialog, "ConvertLedger");
    const auto sourceSheet = controls.as<awt::XListBox>("SourceSheet");
    const auto headerRow = controls.as<awt::XNumericField>("HeaderRow");
    const auto invoiceNumber = controls.as<awt::XListBox>("Map_0");
    const auto preview = controls.as<awt::XTextComponent>("PreviewText");
    waitFor([&] { return preview->getText().indexOf("321") >= 0; }, 10s);
    EXPECT_EQ(utf8(sourceSheet->getSelectedItem()), "Factures");
    EXPECT_EQ(headerRow->getValue(), 4.0);
    EXPECT_EQ(utf8(invoiceNumber->getSelectedItem()).substr(0, 1), "A")
        << utf8(invoiceNumber->getSelectedItem());
    EXPECT_NE(utf8(preview->getText()).find("321"), std::string::npos) << utf8(preview->getText());
    // The owner's reminder notes (column I, "Relance") proposed as the last reminder.
    const auto lastReminder = controls.as<awt::XListBox>("Map_14");
    EXPECT_EQ(utf8(lastReminder->getSelectedItem()).substr(0, 1), "I")
        << utf8(lastReminder->getSelectedItem());

    std::this_thread::sleep_for(500ms); // let the first paint land before the screenshot
    saveScreenshot(dialog, "convert-ledger-dialog.bmp");

    // Cancel, as a user clicks it.
    Watchdog::stage("cancelling the dialog");
    const uno::Reference<accessibility::XAccessibleAction> cancel(
        controls.control("Cancel")->getAccessibleContext(), uno::UNO_QUERY_THROW);
    ASSERT_GT(cancel->getAccessibleActionCount(), 0);
    cancel->doAccessibleAction(0);
    ASSERT_TRUE(command.wait(30s)) << "the command did not return after Cancel";
    EXPECT_TRUE(command.result().finished);
    EXPECT_TRUE(command.result().success) << command.result().message;
    EXPECT_EQ(command.result().message, ""); // cancelled: no summary
    EXPECT_TRUE(waitFor([] { return !findDialog(kDialogTitle).is(); }, 10s))
        << "the dialog is still on screen";

    // Nothing was written.
    EXPECT_EQ(sample.sheetCount(), sheetsBefore);
    for (const std::string& name : ledgerSheetNames())
        EXPECT_FALSE(sample.sheets()->hasByName(ustr(name))) << name;
    EXPECT_EQ(fingerprint(sample.sheet("Factures")), sourceBefore);
    EXPECT_FALSE(
        uno::Reference<util::XModifiable>(sample.document(), uno::UNO_QUERY_THROW)->isModified());
}

TEST(Gui, ConversionIsUndoneInOneStep)
{
    const VisibleDocument sample(samplePath());
    const uno::Reference<document::XUndoManager> undo =
        uno::Reference<document::XUndoManagerSupplier>(sample.document(), uno::UNO_QUERY_THROW)
            ->getUndoManager();
    const sal_Int32 sheetsBefore = sample.sheetCount();
    const std::string sourceBefore = fingerprint(sample.sheet("Factures"));
    const sal_Int32 stepsBefore = undo->getAllUndoActionTitles().getLength();

    Watchdog::stage("converting silently");
    const CommandResult result = dispatch(
        sample.frame(), "fr.relance:convertLedger",
        {argument("Silent", uno::Any(true)), argument("AsOf", uno::Any(OUString("2026-06-30")))});
    ASSERT_TRUE(result.success) << result.message;
    ASSERT_EQ(sample.sheetCount(), sheetsBefore + 6);
    // The dashboard and its aging chart, as the user opens it (a picture for README).
    uno::Reference<sheet::XSpreadsheetView>(sample.frame()->getController(), uno::UNO_QUERY_THROW)
        ->setActiveSheet(
            sample.sheet(relance::addin::sheetName(relance::addin::LedgerSheet::Dashboard)
                             .in(relance::Language::French)));
    std::this_thread::sleep_for(1500ms);
    saveScreenshot(sample.frame()->getContainerWindow(), "dashboard.bmp");
    for (const std::string& name : ledgerSheetNames())
        EXPECT_TRUE(sample.sheets()->hasByName(ustr(name))) << name;
    ASSERT_TRUE(undo->isUndoPossible());
    EXPECT_EQ(utf8(undo->getCurrentUndoActionTitle()), kUndoTitle);
    EXPECT_EQ(undo->getAllUndoActionTitles().getLength(), stepsBefore + 1);

    Watchdog::stage("undoing");
    undo->undo();
    Watchdog::stage("checking the undone document");

    EXPECT_EQ(sample.sheetCount(), sheetsBefore);
    for (const std::string& name : ledgerSheetNames())
        EXPECT_FALSE(sample.sheets()->hasByName(ustr(name))) << name;
    EXPECT_EQ(fingerprint(sample.sheet("Factures")), sourceBefore);
    EXPECT_EQ(undo->getAllUndoActionTitles().getLength(), stepsBefore);
    EXPECT_EQ(utf8(undo->getCurrentRedoActionTitle()), kUndoTitle);
}

namespace
{

std::string corpusFile(const char* name)
{
    return env("RELANCE_CORPUS_DIR") + "/" + name;
}

// The dialog opened by the menu command on a document, closed by the test through Cancel.
struct OpenConversionDialog
{
    BackgroundDispatch command;
    uno::Reference<awt::XDialog> dialog;

    explicit OpenConversionDialog(const VisibleDocument& document)
        : command(document.frame(), "fr.relance:convertLedger", {},
                  []
                  {
                      if (const auto open = findDialog(kDialogTitle); open.is())
                          open->endExecute();
                  })
    {
        dialog = awaitWindow<uno::Reference<awt::XDialog>>(
            command, [] { return findDialog(kDialogTitle); }, 60s, 200ms);
    }

    void cancel(const DialogControls& controls)
    {
        uno::Reference<accessibility::XAccessibleAction>(
            controls.control("Cancel")->getAccessibleContext(), uno::UNO_QUERY_THROW)
            ->doAccessibleAction(0);
        EXPECT_TRUE(command.wait(30s)) << "the command did not return after Cancel";
        EXPECT_TRUE(waitFor([] { return !findDialog(kDialogTitle).is(); }, 10s));
    }
};

} // namespace

// A workbook kept as a sheet per month: the other months, of the same layout, are listed and
// ticked, and the preview reads them all as one book.
TEST(Gui, ConversionDialogTicksTheOtherSheetsOfTheSameLayout)
{
    const VisibleDocument workbook(corpusFile("tableau_mensuel_2026.fods"));
    OpenConversionDialog open(workbook);
    ASSERT_TRUE(open.dialog.is()) << "no conversion dialog";
    const DialogControls controls(open.dialog, "ConvertLedger");
    const auto preview = controls.as<awt::XTextComponent>("PreviewText");
    const auto others = controls.as<awt::XListBox>("OtherSheets");
    waitFor([&] { return preview->getText().indexOf("feuilles") >= 0; }, 10s);
    EXPECT_EQ(utf8(controls.as<awt::XListBox>("SourceSheet")->getSelectedItem()), "Janvier");
    EXPECT_EQ(others->getItemCount(), 5);
    EXPECT_EQ(others->getSelectedItemsPos().getLength(), 5);
    EXPECT_NE(utf8(preview->getText()).find("sur 6 feuilles"), std::string::npos)
        << utf8(preview->getText());
    open.cancel(controls);
}

// An owner's status column that contradicts the amounts: named in the preview with a proposed
// fix, which one click applies before anything is written.
TEST(Gui, ConversionDialogProposesEachFixAsOneClick)
{
    const VisibleDocument workbook(corpusFile("owner_status.fods"));
    OpenConversionDialog open(workbook);
    ASSERT_TRUE(open.dialog.is()) << "no conversion dialog";
    const DialogControls controls(open.dialog, "ConvertLedger");
    const auto preview = controls.as<awt::XTextComponent>("PreviewText");
    waitFor([&] { return utf8(preview->getText()).find("Incohérences") != std::string::npos; },
            10s);
    const std::string before = utf8(preview->getText());
    EXPECT_NE(before.find("Incohérences à vérifier (2)"), std::string::npos) << before;
    EXPECT_NE(before.find("Correction proposée"), std::string::npos) << before;
    const auto fix = controls.as<awt::XCheckBox>("Fix_0");
    EXPECT_EQ(fix->getState(), 0);
    const std::string label =
        utf8(controls.control("Fix_0")->getAccessibleContext()->getAccessibleName());
    EXPECT_NE(label.find("réglées"), std::string::npos) << label;
    std::this_thread::sleep_for(500ms);
    saveScreenshot(open.dialog, "convert-ledger-remarks.bmp");

    uno::Reference<accessibility::XAccessibleAction>(
        controls.control("Fix_0")->getAccessibleContext(), uno::UNO_QUERY_THROW)
        ->doAccessibleAction(0);
    EXPECT_TRUE(
        waitFor([&] { return utf8(preview->getText()).find("Corrigé") != std::string::npos; }, 10s))
        << utf8(preview->getText());
    EXPECT_EQ(fix->getState(), 1);
    open.cancel(controls);
    EXPECT_FALSE(workbook.sheets()->hasByName(
        ustr(relance::addin::sheetName(relance::addin::LedgerSheet::Invoices)
                 .in(relance::Language::French))));
}
