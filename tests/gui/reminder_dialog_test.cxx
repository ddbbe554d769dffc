// The GUI tests of the reminders dialog: the customers it lists, Stop between two letters, its
// other controls (redo, a level changed, Preview, Cancel), and the levels a first run proposes.
#include <algorithm>
#include <filesystem>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include <com/sun/star/accessibility/XAccessibleAction.hpp>
#include <com/sun/star/awt/XCheckBox.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/lang/DisposedException.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/util/CloseVetoException.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <gtest/gtest.h>

#include "gui_support.hxx"
#include "uno/ledger/ledger_layout.hxx"

using namespace relance_test;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace
{

// The log's channel for the reminders the owner noted in the source sheet (French UI).
const std::string kNotedInTheSheet = "Noté dans la feuille";

const char* const kRemindersTitle = "Relance — Générer les relances";
const char* const kProgressTitle = "Relance — Génération des relances";

} // namespace

// The reminders dialog as the user meets it: opened from the menu command on the converted
// sample, it lists the customers due for a letter, all ticked; one is unticked, Generate is
// pressed, and the progress window's Stop button stops the run between two letters. What was
// made is logged, and only that: the unticked customer is not in the log, and every logged
// letter's file exists.
TEST(Gui, RemindersDialogListsTheCustomersAndStopsBetweenLetters)
{
    const VisibleDocument sample(samplePath());
    Watchdog::stage("converting silently");
    const CommandResult converted = dispatch(
        sample.frame(), "fr.relance:convertLedger",
        {argument("Silent", uno::Any(true)), argument("AsOf", uno::Any(OUString("2026-06-30")))});
    ASSERT_TRUE(converted.success) << converted.message;
    const fs::path output = fs::path(env("RELANCE_TEST_PROFILE")) / "gui-reminders";
    fs::remove_all(output);

    Watchdog::stage("waiting for the reminders dialog");
    const BackgroundDispatch command(
        sample.frame(), "fr.relance:generateReminders",
        {argument("AsOf", uno::Any(OUString("2026-06-30"))),
         argument("OutputDir", uno::Any(ustr(output.string())))},
        []
        {
            if (const auto dialog = findDialog(kRemindersTitle); dialog.is())
                dialog->endExecute();
            if (const auto progress = findDialog(kProgressTitle); progress.is())
                uno::Reference<accessibility::XAccessibleAction>(
                    DialogControls(progress, "Progress").control("Stop")->getAccessibleContext(),
                    uno::UNO_QUERY_THROW)
                    ->doAccessibleAction(0);
            if (const auto box = findMessageBox(); box.is())
                dismiss(box);
        });
    const auto dialog = awaitWindow<uno::Reference<awt::XDialog>>(
        command, [] { return findDialog(kRemindersTitle); }, 60s, 200ms);
    ASSERT_TRUE(dialog.is()) << (command.done() ? command.result().message : "no dialog");

    Watchdog::stage("reading the reminders dialog");
    const DialogControls controls(dialog, "Reminders");
    const auto customers = controls.as<awt::XListBox>("Customers");
    const sal_Int16 listed = customers->getItemCount();
    ASSERT_GE(listed, 4) << "too few letters planned to stop between two of them";
    std::vector<std::string> names;
    for (sal_Int16 i = 0; i < listed; ++i)
    {
        const std::string line = utf8(customers->getItem(i));
        const std::size_t dash = line.find(" — ");
        ASSERT_NE(dash, std::string::npos) << line;
        names.push_back(line.substr(0, dash));
        // Level, invoices, amount, and whether an e-mail address is there.
        EXPECT_TRUE(std::regex_search(line, std::regex(R"(\d+ facture\(s\) \(F20\d\d-\d{4})")))
            << line;
        EXPECT_NE(line.find("€"), std::string::npos) << line;
        // The level planned: the sample's owner noted reminders, so the run escalates.
        EXPECT_TRUE(std::regex_search(line, std::regex(" — (Relance [12]|Mise en demeure) — ")))
            << line;
    }
    EXPECT_EQ(customers->getSelectedItemsPos().getLength(), listed) << "all ticked at first";
    EXPECT_EQ(controls.as<awt::XCheckBox>("OutputPdf")->getState(), 1);
    EXPECT_EQ(controls.as<awt::XCheckBox>("OutputSmtp")->getState(), 0);
    EXPECT_EQ(controls.as<awt::XCheckBox>("OutputCombined")->getState(), 1);
    std::this_thread::sleep_for(500ms);
    saveScreenshot(dialog, "reminders-dialog.bmp");

    // Untick the first customer, then Generate.
    customers->selectItemPos(0, false);
    ASSERT_EQ(customers->getSelectedItemsPos().getLength(), listed - 1);
    Watchdog::stage("generating");
    uno::Reference<accessibility::XAccessibleAction>(
        controls.control("Generate")->getAccessibleContext(), uno::UNO_QUERY_THROW)
        ->doAccessibleAction(0);

    // The progress window comes up; Stop, as a user clicks it.
    const auto progress = awaitWindow<uno::Reference<awt::XDialog>>(
        command, [] { return findDialog(kProgressTitle); }, 60s, 50ms);
    ASSERT_TRUE(progress.is()) << (command.done() ? command.result().message : "no progress");
    // Meanwhile the document refuses to close from under the run.
    Watchdog::stage("closing the document during the run");
    EXPECT_THROW(
        uno::Reference<util::XCloseable>(sample.document(), uno::UNO_QUERY_THROW)->close(false),
        util::CloseVetoException);
    Watchdog::stage("stopping");
    uno::Reference<accessibility::XAccessibleAction>(
        DialogControls(progress, "Progress").control("Stop")->getAccessibleContext(),
        uno::UNO_QUERY_THROW)
        ->doAccessibleAction(0);
    // The summary comes up in a message box; the command returns once it is read.
    const auto summary = awaitWindow<uno::Reference<awt::XMessageBox>>(
        command, [] { return findMessageBox(); }, 120s, 200ms);
    ASSERT_TRUE(summary.is()) << (command.done() ? command.result().message : "no summary");
    const std::string shown = utf8(summary->getMessageText());
    EXPECT_NE(shown.find("Arrêt demandé"), std::string::npos) << shown;
    dismiss(summary);
    ASSERT_TRUE(command.wait(30s)) << "the command did not return after its summary";
    ASSERT_TRUE(command.result().success) << command.result().message;
    EXPECT_NE(command.result().message.find("Arrêt demandé"), std::string::npos)
        << command.result().message;
    EXPECT_TRUE(waitFor([] { return !findDialog(kProgressTitle).is(); }, 10s));

    // The log holds what was made, nothing else.
    const auto log = sample.sheet(relance::addin::sheetName(relance::addin::LedgerSheet::Reminders)
                                      .in(relance::Language::French));
    std::vector<std::string> logged;
    for (sal_Int32 r = 1;; ++r)
    {
        const std::string customer = utf8(
            uno::Reference<text::XTextRange>(log->getCellByPosition(1, r), uno::UNO_QUERY_THROW)
                ->getString());
        if (customer.empty())
            break;
        if (utf8(
                uno::Reference<text::XTextRange>(log->getCellByPosition(6, r), uno::UNO_QUERY_THROW)
                    ->getString()) == kNotedInTheSheet)
            continue; // a reminder the owner noted in the source sheet, before Relance
        logged.push_back(customer);
        const std::string file = utf8(
            uno::Reference<text::XTextRange>(log->getCellByPosition(7, r), uno::UNO_QUERY_THROW)
                ->getString());
        EXPECT_TRUE(fs::exists(file)) << file;
        EXPECT_EQ(file.rfind(output.string(), 0), 0u) << file;
    }
    EXPECT_LT(logged.size(), static_cast<std::size_t>(listed - 1)) << "Stop did not stop";
    EXPECT_EQ(std::find(logged.begin(), logged.end(), names[0]), logged.end())
        << names[0] << " was unticked";
    for (const std::string& customer : logged)
        EXPECT_NE(std::find(names.begin(), names.end(), customer), names.end()) << customer;
    std::cout << "letters before Stop: " << logged.size() << " of " << listed - 1 << "\n";
}

// The dialog's other controls, as a user works them: customers reminded today are left out
// with their reason until "redo" is ticked; a level changed to the formal notice shows its
// claims; Preview opens that letter in Writer; Cancel writes nothing.
TEST(Gui, RemindersDialogForcesChangesALevelAndPreviews)
{
    const VisibleDocument sample(samplePath());
    Watchdog::stage("converting and reminding silently");
    const CommandResult converted = dispatch(
        sample.frame(), "fr.relance:convertLedger",
        {argument("Silent", uno::Any(true)), argument("AsOf", uno::Any(OUString("2026-06-30")))});
    ASSERT_TRUE(converted.success) << converted.message;
    const fs::path output = fs::path(env("RELANCE_TEST_PROFILE")) / "gui-reminders-force";
    fs::remove_all(output);
    const CommandResult reminded = dispatch(
        sample.frame(), "fr.relance:generateReminders",
        {argument("Silent", uno::Any(true)), argument("AsOf", uno::Any(OUString("2026-06-30"))),
         argument("OutputDir", uno::Any(ustr(output.string()))),
         argument("Formats", uno::Any(OUString("pdf"))), argument("Combined", uno::Any(false)),
         argument("Skip", uno::Any(ustr("Cave Perrin & Fils;Crêperie Le Goéland")))});
    ASSERT_TRUE(reminded.success) << reminded.message;
    const auto log = sample.sheet(relance::addin::sheetName(relance::addin::LedgerSheet::Reminders)
                                      .in(relance::Language::French));
    // The letters Relance made (the reminders noted in the source sheet aside).
    const auto logRows = [&]
    {
        sal_Int32 rows = 0;
        for (sal_Int32 r = 1;
             !uno::Reference<text::XTextRange>(log->getCellByPosition(1, r), uno::UNO_QUERY_THROW)
                  ->getString()
                  .isEmpty();
             ++r)
            rows += utf8(uno::Reference<text::XTextRange>(log->getCellByPosition(6, r),
                                                          uno::UNO_QUERY_THROW)
                             ->getString()) != kNotedInTheSheet;
        return rows;
    };
    const sal_Int32 loggedBefore = logRows();
    ASSERT_GT(loggedBefore, 3);

    Watchdog::stage("waiting for the reminders dialog");
    const BackgroundDispatch command(sample.frame(), "fr.relance:generateReminders",
                                     {argument("AsOf", uno::Any(OUString("2026-06-30"))),
                                      argument("OutputDir", uno::Any(ustr(output.string())))},
                                     []
                                     {
                                         if (const auto dialog = findDialog(kRemindersTitle);
                                             dialog.is())
                                             dialog->endExecute();
                                         if (const auto box = findMessageBox(); box.is())
                                             dismiss(box);
                                     });
    const auto dialog = awaitWindow<uno::Reference<awt::XDialog>>(
        command, [] { return findDialog(kRemindersTitle); }, 60s, 200ms);
    ASSERT_TRUE(dialog.is()) << (command.done() ? command.result().message : "no dialog");
    const DialogControls controls(dialog, "Reminders");
    const auto customers = controls.as<awt::XListBox>("Customers");
    const auto click = [&](const char* id)
    {
        uno::Reference<accessibility::XAccessibleAction>(
            controls.control(id)->getAccessibleContext(), uno::UNO_QUERY_THROW)
            ->doAccessibleAction(0);
    };

    // Everyone else was reminded today: only the two left out then are listed, the others are
    // left out with the reason.
    Watchdog::stage("reading the reminders dialog");
    const auto listed = [&]
    {
        std::vector<std::string> names;
        for (sal_Int16 i = 0; i < customers->getItemCount(); ++i)
        {
            const std::string line = utf8(customers->getItem(i));
            names.push_back(line.substr(0, line.find(" — ")));
        }
        return names;
    };
    ASSERT_EQ(listed(), (std::vector<std::string>{"Cave Perrin & Fils", "Crêperie Le Goéland"}));
    const std::string excluded = utf8(controls.as<awt::XTextComponent>("Excluded")->getText());
    EXPECT_NE(excluded.find("déjà relancé aujourd'hui"), std::string::npos) << excluded;
    EXPECT_EQ(controls.as<awt::XCheckBox>("Force")->getState(), 0);
    // The user unticks one of them.
    customers->selectItemPos(0, false);

    // Redo: the others come back, ticked; the one unticked stays unticked.
    Watchdog::stage("ticking Force");
    click("Force");
    EXPECT_TRUE(waitFor([&] { return customers->getItemCount() >= loggedBefore + 2; }, 10s))
        << customers->getItemCount();
    EXPECT_EQ(controls.as<awt::XCheckBox>("Force")->getState(), 1);
    const std::vector<std::string> all = listed();
    const auto ticked = customers->getSelectedItemsPos();
    EXPECT_EQ(ticked.getLength(), customers->getItemCount() - 1);
    for (const sal_Int16 position : ticked)
        EXPECT_NE(all[static_cast<std::size_t>(position)], "Cave Perrin & Fils");
    EXPECT_EQ(utf8(controls.as<awt::XTextComponent>("Excluded")->getText())
                  .find("déjà relancé aujourd'hui"),
              std::string::npos);

    // The first customer below the formal notice raised to it: its line shows the claims.
    Watchdog::stage("changing a level");
    sal_Int16 raised = 0;
    while (raised < customers->getItemCount() &&
           utf8(customers->getItem(raised)).find("Mise en demeure") != std::string::npos)
        ++raised;
    ASSERT_LT(raised, customers->getItemCount());
    const auto overrideCustomer = controls.as<awt::XListBox>("OverrideCustomer");
    overrideCustomer->selectItemPos(raised, true);
    const std::string customer = utf8(overrideCustomer->getSelectedItem());
    ASSERT_FALSE(customer.empty());
    ASSERT_EQ(utf8(customers->getItem(raised)).rfind(customer, 0), 0u);
    controls.as<awt::XListBox>("OverrideLevel")->selectItemPos(3, true);
    click("ApplyLevel");
    EXPECT_TRUE(waitFor(
        [&]
        { return utf8(customers->getItem(raised)).find("Mise en demeure") != std::string::npos; },
        10s))
        << utf8(customers->getItem(raised));
    const std::string line = utf8(customers->getItem(raised));
    EXPECT_EQ(line.rfind(customer, 0), 0u) << line;
    EXPECT_NE(line.find("pénalités et indemnités"), std::string::npos) << line;

    // Preview: that letter, in Writer.
    Watchdog::stage("previewing");
    click("Preview");
    uno::Reference<lang::XComponent> preview;
    EXPECT_TRUE(waitFor(
        [&]
        {
            const uno::Reference<container::XEnumeration> all =
                guiOffice().desktop()->getComponents()->createEnumeration();
            while (all->hasMoreElements())
            {
                const uno::Reference<text::XTextDocument> text(all->nextElement(), uno::UNO_QUERY);
                try
                {
                    if (text.is() &&
                        utf8(uno::Reference<frame::XModel>(text, uno::UNO_QUERY_THROW)->getURL())
                                .find("relance-apercu") != std::string::npos)
                    {
                        preview.set(text, uno::UNO_QUERY);
                        return true;
                    }
                }
                catch (const lang::DisposedException&)
                {
                    // A letter template the preview closed meanwhile.
                }
            }
            return false;
        },
        30s));
    ASSERT_TRUE(preview.is());
    const std::string letter = utf8(
        uno::Reference<text::XTextDocument>(preview, uno::UNO_QUERY_THROW)->getText()->getString());
    EXPECT_NE(letter.find(customer), std::string::npos);
    EXPECT_NE(letter.find("Mise en demeure"), std::string::npos) << letter.substr(0, 800);
    EXPECT_NE(letter.find("L441-10"), std::string::npos);
    uno::Reference<util::XCloseable>(preview, uno::UNO_QUERY_THROW)->close(true);

    // Cancel: nothing made, nothing logged.
    Watchdog::stage("cancelling");
    click("Cancel");
    ASSERT_TRUE(command.wait(30s)) << "the command did not return after Cancel";
    EXPECT_EQ(logRows(), loggedBefore);
}

// A first run: the ledger holds no reminder history, only lateness (the owner's sheet had no
// reminder column). The dialog proposes the levels lateness calls for, the box ticked and the
// lines saying so; unticked, every letter goes back to reminder 1; ticked again and generated,
// the letter logged is at the proposed level, claims included.
TEST(Gui, RemindersDialogProposesFirstRunLevelsFromLateness)
{
    const VisibleDocument sample(samplePath());
    Watchdog::stage("converting silently");
    const CommandResult converted = dispatch(
        sample.frame(), "fr.relance:convertLedger",
        {argument("Silent", uno::Any(true)), argument("AsOf", uno::Any(OUString("2026-06-30")))});
    ASSERT_TRUE(converted.success) << converted.message;
    // No history: the sample's own reminder notes cleared from the ledger and the log.
    const auto ledger =
        sample.sheet(relance::addin::sheetName(relance::addin::LedgerSheet::Invoices)
                         .in(relance::Language::French));
    const auto& columns = relance::addin::invoiceColumns();
    const auto levelColumn = static_cast<sal_Int32>(relance::addin::columnIndex(columns, "level"));
    const auto dateColumn =
        static_cast<sal_Int32>(relance::addin::columnIndex(columns, "level_date"));
    uno::Reference<sheet::XSheetOperation>(
        uno::Reference<table::XCellRange>(ledger, uno::UNO_QUERY_THROW)
            ->getCellRangeByPosition(levelColumn, 1, dateColumn, 5000),
        uno::UNO_QUERY_THROW)
        ->clearContents(sheet::CellFlags::VALUE | sheet::CellFlags::DATETIME |
                        sheet::CellFlags::STRING);
    uno::Reference<sheet::XSheetOperation>(
        uno::Reference<table::XCellRange>(
            sample.sheet(relance::addin::sheetName(relance::addin::LedgerSheet::Reminders)
                             .in(relance::Language::French)),
            uno::UNO_QUERY_THROW)
            ->getCellRangeByPosition(0, 1, 8, 5000),
        uno::UNO_QUERY_THROW)
        ->clearContents(sheet::CellFlags::VALUE | sheet::CellFlags::DATETIME |
                        sheet::CellFlags::STRING);
    const fs::path output = fs::path(env("RELANCE_TEST_PROFILE")) / "gui-reminders-first-run";
    fs::remove_all(output);

    Watchdog::stage("waiting for the reminders dialog");
    const BackgroundDispatch command(sample.frame(), "fr.relance:generateReminders",
                                     {argument("AsOf", uno::Any(OUString("2026-06-30"))),
                                      argument("OutputDir", uno::Any(ustr(output.string()))),
                                      argument("Formats", uno::Any(OUString("pdf")))},
                                     []
                                     {
                                         if (const auto dialog = findDialog(kRemindersTitle);
                                             dialog.is())
                                             dialog->endExecute();
                                         if (const auto box = findMessageBox(); box.is())
                                             dismiss(box);
                                     });
    const auto dialog = awaitWindow<uno::Reference<awt::XDialog>>(
        command, [] { return findDialog(kRemindersTitle); }, 60s, 200ms);
    ASSERT_TRUE(dialog.is()) << (command.done() ? command.result().message : "no dialog");
    const DialogControls controls(dialog, "Reminders");
    const auto customers = controls.as<awt::XListBox>("Customers");
    const auto click = [&](const char* id)
    {
        uno::Reference<accessibility::XAccessibleAction>(
            controls.control(id)->getAccessibleContext(), uno::UNO_QUERY_THROW)
            ->doAccessibleAction(0);
    };
    const auto lines = [&]
    {
        std::vector<std::string> all;
        for (sal_Int16 i = 0; i < customers->getItemCount(); ++i)
            all.push_back(utf8(customers->getItem(i)));
        return all;
    };
    const auto proposed = [&](const std::vector<std::string>& all)
    {
        return std::count_if(all.begin(), all.end(),
                             [](const std::string& line)
                             { return line.find("(d'après le retard)") != std::string::npos; });
    };

    Watchdog::stage("reading the proposal");
    EXPECT_EQ(controls.as<awt::XCheckBox>("FromLateness")->getState(), 1) << "no history: proposed";
    const std::vector<std::string> first = lines();
    ASSERT_GT(proposed(first), 0);
    std::string notice; // the first customer proposed at the formal notice
    for (const std::string& line : first)
        if (notice.empty() &&
            line.find(" — Mise en demeure (d'après le retard) — ") != std::string::npos)
        {
            notice = line.substr(0, line.find(" — "));
            EXPECT_NE(line.find("pénalités et indemnités"), std::string::npos) << line;
        }
    ASSERT_FALSE(notice.empty()) << "no formal notice proposed";
    std::this_thread::sleep_for(500ms);
    saveScreenshot(dialog, "reminders-first-run.bmp");

    // Unticked: the one-step ladder, every letter a reminder 1.
    Watchdog::stage("unticking the proposal");
    click("FromLateness");
    EXPECT_TRUE(waitFor([&] { return proposed(lines()) == 0; }, 10s));
    for (const std::string& line : lines())
        EXPECT_NE(line.find(" — Relance 1 — "), std::string::npos) << line;
    click("FromLateness");
    EXPECT_TRUE(waitFor([&] { return proposed(lines()) == proposed(first); }, 10s));

    // Only that customer ticked, then Generate: its letter is the formal notice.
    const std::vector<std::string> again = lines();
    for (std::size_t i = 0; i < again.size(); ++i)
        customers->selectItemPos(static_cast<sal_Int16>(i), again[i].rfind(notice + " — ", 0) == 0);
    ASSERT_EQ(customers->getSelectedItemsPos().getLength(), 1);
    Watchdog::stage("generating");
    click("Generate");
    const auto summary = awaitWindow<uno::Reference<awt::XMessageBox>>(
        command, [] { return findMessageBox(); }, 120s, 200ms);
    ASSERT_TRUE(summary.is()) << (command.done() ? command.result().message : "no summary");
    dismiss(summary);
    ASSERT_TRUE(command.wait(30s));
    ASSERT_TRUE(command.result().success) << command.result().message;
    const auto log = sample.sheet(relance::addin::sheetName(relance::addin::LedgerSheet::Reminders)
                                      .in(relance::Language::French));
    const auto text = [&](sal_Int32 column, sal_Int32 row)
    {
        return utf8(uno::Reference<text::XTextRange>(log->getCellByPosition(column, row),
                                                     uno::UNO_QUERY_THROW)
                        ->getString());
    };
    EXPECT_EQ(text(1, 1), notice);
    EXPECT_EQ(log->getCellByPosition(2, 1)->getValue(), 3.0) << "logged at the proposed level";
    EXPECT_TRUE(text(1, 2).empty()) << "only the ticked customer: " << text(1, 2);
}
