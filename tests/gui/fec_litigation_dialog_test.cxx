// The FEC import and litigation file dialogs, opened by their menu commands in a Calc with
// windows: the FEC's preview and its import from the dialog; then the litigation dialog on that
// ledger, its customers listed, and its preview refusing a debtor without a legal name.
#include <filesystem>
#include <string>

#include <com/sun/star/accessibility/XAccessibleAction.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <gtest/gtest.h>

#include "gui_support.hxx"

using namespace relance_test;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace
{

const char* const kFecTitle = "Relance — Importer un FEC";
const char* const kLitigationTitle = "Relance — Préparer le dossier de contentieux";

void press(const DialogControls& controls, const char* button)
{
    const uno::Reference<accessibility::XAccessibleAction> action(
        controls.control(button)->getAccessibleContext(), uno::UNO_QUERY_THROW);
    ASSERT_GT(action->getAccessibleActionCount(), 0);
    action->doAccessibleAction(0);
}

} // namespace

TEST(Gui, FecDialogPreviewsThenImportsAndTheLitigationDialogChecksIdentity)
{
    const VisibleDocument sample(samplePath());
    const std::string fec =
        (fs::path(env("RELANCE_CORPUS_DIR")) / "fec" / "512345678FEC20251231.txt").string();

    Watchdog::stage("waiting for the FEC dialog");
    {
        const BackgroundDispatch command(sample.frame(), "fr.relance:importFec",
                                         {beans::PropertyValue("File", 0, uno::Any(ustr(fec)),
                                                               beans::PropertyState_DIRECT_VALUE)},
                                         []
                                         {
                                             if (const auto box = findMessageBox(); box.is())
                                                 dismiss(box);
                                             if (const auto dialog = findDialog(kFecTitle);
                                                 dialog.is())
                                                 dialog->endExecute();
                                         });
        const auto dialog = awaitWindow<uno::Reference<awt::XDialog>>(
            command, [] { return findDialog(kFecTitle); }, 60s, 200ms);
        ASSERT_TRUE(dialog.is()) << (command.done() ? command.result().message : "no dialog");
        const DialogControls controls(dialog, "ImportFec");
        const auto preview = controls.as<awt::XTextComponent>("PreviewText");
        waitFor([&] { return preview->getText().indexOf("encours du registre") >= 0; }, 20s);
        const std::string shown = utf8(preview->getText());
        EXPECT_NE(shown.find("Solde des comptes clients (411, 416) au 31/12/2025"),
                  std::string::npos)
            << shown;
        EXPECT_NE(shown.find("= encours du registre"), std::string::npos) << shown;
        EXPECT_EQ(utf8(controls.as<awt::XTextComponent>("DefaultTerms")->getText()), "30 jours");
        EXPECT_FALSE(sample.sheets()->hasByName("Registre")) << "a preview writes nothing";

        press(controls, "Import");
        const auto summary = awaitWindow<uno::Reference<awt::XMessageBox>>(
            command, [] { return findMessageBox(); }, 120s, 200ms);
        ASSERT_TRUE(summary.is()) << (command.done() ? command.result().message : "no summary");
        EXPECT_NE(utf8(summary->getMessageText()).find("Registre créé"), std::string::npos);
        dismiss(summary);
        ASSERT_TRUE(command.wait(30s));
        EXPECT_TRUE(command.result().success) << command.result().message;
        EXPECT_TRUE(sample.sheets()->hasByName("Registre"));
    }

    Watchdog::stage("waiting for the litigation dialog");
    const BackgroundDispatch command(sample.frame(), "fr.relance:litigationFile", {},
                                     []
                                     {
                                         if (const auto box = findMessageBox(); box.is())
                                             dismiss(box);
                                         if (const auto dialog = findDialog(kLitigationTitle);
                                             dialog.is())
                                             dialog->endExecute();
                                     });
    const auto dialog = awaitWindow<uno::Reference<awt::XDialog>>(
        command, [] { return findDialog(kLitigationTitle); }, 60s, 200ms);
    ASSERT_TRUE(dialog.is()) << (command.done() ? command.result().message : "no dialog");
    const DialogControls controls(dialog, "LitigationFile");
    const auto customers = controls.as<awt::XListBox>("Customer");
    EXPECT_GT(customers->getItemCount(), 3);
    EXPECT_NE(utf8(customers->getSelectedItem()).find("échus"), std::string::npos)
        << utf8(customers->getSelectedItem());
    const auto preview = controls.as<awt::XTextComponent>("PreviewText");
    // The FEC names customers by their trade names only: no file without the legal name.
    EXPECT_NE(utf8(preview->getText()).find("n'a pas de raison sociale"), std::string::npos)
        << utf8(preview->getText());
    press(controls, "Cancel");
    ASSERT_TRUE(command.wait(30s)) << "the command did not return after Cancel";
    EXPECT_TRUE(command.result().success) << command.result().message;
    EXPECT_EQ(command.result().message, "");
}
