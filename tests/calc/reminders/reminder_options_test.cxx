// The reminder command's options and outputs: mistyped arguments and settings refused, text
// from the sheet kept literal, the letters sent by e-mail, ODT letters only, and the user's own
// templates folder.
#include <map>
#include <string>

#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <gtest/gtest.h>

#include "calc_support.hxx"
#include "mail/smtp_server.hxx"
#include "reminder_fixtures.hxx"

using namespace relance_test;
using namespace relance_test::reminders;

// A macro's mistyped argument is refused with its name, before anything is written, rather
// than read as a default: Force="yes" is not "no", and "pfd" is not an output.
TEST_F(Reminders, MistypedCommandArgumentsAreRefused)
{
    const auto refused = [&](const char* name, const uno::Any& value, const char* expected)
    {
        const Outcome outcome = command(sample.document(), "fr.relance:generateReminders",
                                        {argument("AsOf", uno::Any(OUString("2026-11-15"))),
                                         argument("OutputDir", uno::Any(ustr(output.string()))),
                                         argument(name, value)});
        EXPECT_FALSE(outcome.success) << name;
        EXPECT_NE(outcome.message.find(expected), std::string::npos) << outcome.message;
    };
    refused("Force", uno::Any(OUString("yes")), "Force: expects true or false");
    refused("Combined", uno::Any(sal_Int32(1)), "Combined: expects true or false");
    refused("Silent", uno::Any(OUString("true")), "Silent: expects true or false");
    refused("Formats", uno::Any(OUString("pdf,pfd")), "Formats: unknown output \"pfd\"");
    refused("Formats", uno::Any(OUString(" ; ")), "Formats: expects at least one of");
    EXPECT_FALSE(fs::exists(output) && !fs::is_empty(output)) << "nothing is written";
    EXPECT_EQ(usedRows(ledgerSheet(sample.document(), relance::addin::LedgerSheet::Reminders)), 1);
    // Spaces and semicolons separate outputs as well as commas.
    setText(customers, 3, customerRow("Boulangerie Martin"), "compta@boulangerie-martin.fr");
    const Outcome outcome = generate(false, "PDF; eml", false);
    ASSERT_TRUE(outcome.success) << outcome.message;
    bool pdf = false, eml = false;
    for (const auto& entry : fs::recursive_directory_iterator(output))
    {
        pdf = pdf || entry.path().extension() == ".pdf";
        eml = eml || entry.path().extension() == ".eml";
    }
    EXPECT_TRUE(pdf);
    EXPECT_TRUE(eml);
}

// A setting mistyped in Paramètres stops the run before anything is written, named by its line
// in the sheet (in French) or its range name (in English).
TEST_F(Reminders, MistypedSettingsAreNamed)
{
    const auto settings = ledgerSheet(sample.document(), relance::addin::LedgerSheet::Settings);
    const auto refused = [&](sal_Int32 row, const std::string& typed, const std::string& inFrench,
                             const std::string& inEnglish)
    {
        // As typed in the cell: "1" a number, "quinze" a text.
        const OUString before = settings->getCellByPosition(1, row)->getFormula();
        settings->getCellByPosition(1, row)->setFormula(ustr(typed));
        const Outcome outcome = generate();
        EXPECT_FALSE(outcome.success) << typed;
        EXPECT_NE(outcome.message.find(french() ? inFrench : inEnglish), std::string::npos)
            << outcome.message;
        settings->getCellByPosition(1, row)->setFormula(before);
    };
    refused(12, "quinze", "Paramètres, « Relance 1 » : « quinze » n'est pas un nombre de jours",
            "DelaiR1");
    refused(13, "1", "Paramètres, « Relance 2 » : de 2 à 3650 jours, pas 1", "secondDays");
    refused(18, "beaucoup", "« Taux de pénalité contractuel » : « beaucoup » n'est pas un taux",
            "TauxContractuel");
    refused(34, "peut-être", "répondez Oui ou Non, pas « peut-être »", "ReleveAvecRelance2");
    EXPECT_FALSE(fs::exists(output) && !fs::is_empty(output)) << "nothing is written";
    EXPECT_EQ(usedRows(ledgerSheet(sample.document(), relance::addin::LedgerSheet::Reminders)), 1);
}

TEST_F(Reminders, TextFromTheSheetStaysLiteral)
{
    // A name that looks like a template field and markup, and an address with a line break.
    const sal_Int32 martin = customerRow("Boulangerie Martin");
    ASSERT_GT(martin, 0);
    setText(customers, 1, martin, "{{total.du}} <b>Martin</b> & Fils");
    setText(customers, 3, martin, "compta@martin.fr\r\nBcc: everyone@example.com");
    sample.recalculate();
    const Outcome outcome = generate();
    ASSERT_TRUE(outcome.success) << outcome.message;
    const auto log = ledgerSheet(sample.document(), relance::addin::LedgerSheet::Reminders);
    const sal_Int32 row = lastRowWith(log, 1, "Boulangerie Martin");
    ASSERT_GT(row, 0);
    // The e-mail was refused with a clear reason; the letter exists and prints the name as typed.
    EXPECT_NE(cellText(log, 8, row).find("line break"), std::string::npos) << cellText(log, 8, row);
    const fs::path pdf = cellText(log, 7, row);
    ASSERT_EQ(pdf.extension(), ".pdf");
    EXPECT_FALSE(fs::exists(fs::path(pdf).replace_extension(".eml")));
    const std::string text = run("pdftotext '" + pdf.string() + "' - 2>&1");
    EXPECT_NE(text.find("{{total.du}} <b>Martin</b> & Fils"), std::string::npos)
        << text.substr(0, 1500);
}

// Sending through the office's mail merge server, end to end: the menu command's code path
// delivers one message per customer with an address, its PDF letter attached, to a local SMTP
// server; a mailbox the server refuses midway does not stop the others, and the log says for
// each letter whether it was sent.
TEST_F(Reminders, SendsTheLettersByEmailAndLogsWhatWasSentAndWhatWasNot)
{
    smtp::SmtpServer server;
    smtp::configureServer("127.0.0.1", server.port());
    const sal_Int32 martin = customerRow("Boulangerie Martin");
    const sal_Int32 lefevre = customerRow("Garage Lefèvre SAS");
    ASSERT_GT(martin, 0);
    ASSERT_GT(lefevre, 0);
    setText(customers, 3, martin, "compta@boulangerie-martin.fr");
    setText(customers, 3, lefevre, "refuse@garage-lefevre.fr");

    // E-mails only: no PDF letters asked for.
    const auto log = ledgerSheet(sample.document(), relance::addin::LedgerSheet::Reminders);
    const Outcome sent = generate(false, "smtp");
    ASSERT_TRUE(sent.success) << sent.message;
    const sal_Int32 logged = usedRows(log) - 1;
    ASSERT_GT(logged, 2) << sent.message;

    std::map<std::string, sal_Int32> logRowOf;
    for (sal_Int32 r = 1; r <= logged; ++r)
        logRowOf[cellText(log, 1, r)] = r;
    ASSERT_EQ(logRowOf.count("Boulangerie Martin"), 1u) << sent.message;
    ASSERT_EQ(logRowOf.count("Garage Lefèvre SAS"), 1u) << sent.message;

    // Martin's letter went, with its PDF, to Martin only; the PDF sent stays as the proof.
    ASSERT_EQ(server.count(), 1u) << sent.message;
    const smtp::Received received = server.message(0);
    EXPECT_EQ(received["to.address"], "compta@boulangerie-martin.fr");
    EXPECT_EQ(received["envelope"], "compta@menuiserie-dupont.fr\ncompta@boulangerie-martin.fr");
    EXPECT_EQ(received["from.name"], "Menuiserie Dupont SARL");
    EXPECT_NE(received["subject"].find(french() ? "Relance" : "eminder"), std::string::npos)
        << received["subject"];
    const sal_Int32 row = logRowOf["Boulangerie Martin"];
    const fs::path pdf = cellText(log, 7, row);
    ASSERT_EQ(pdf.extension(), ".pdf");
    EXPECT_EQ(received["attachment-0.type"], "application/pdf");
    EXPECT_EQ(received["attachment-0.name"], pdf.filename().string());
    EXPECT_EQ(received["attachment-0.bytes"], readFile(pdf));
    EXPECT_EQ(cellText(log, 6, row), "E-mail (SMTP)");
    EXPECT_EQ(cellText(log, 8, row), french() ? "Envoyé" : "Sent");

    // Lefèvre's mailbox was refused: logged as a failure with the reason, the letter kept,
    // and its invoices not marked as reminded.
    const sal_Int32 refused = logRowOf["Garage Lefèvre SAS"];
    const std::string failure = cellText(log, 8, refused);
    EXPECT_EQ(failure.rfind(french() ? "Échec de l'envoi : " : "Failed to send: ", 0), 0u)
        << failure;
    EXPECT_NE(failure.find("refuse@garage-lefevre.fr"), std::string::npos) << failure;
    EXPECT_EQ(cellText(log, 6, refused), "E-mail (SMTP)");
    EXPECT_TRUE(fs::exists(cellText(log, 7, refused)));
    int martinMarked = 0;
    for (sal_Int32 r = 1; r < usedRows(ledger); ++r)
    {
        const double level = ledger->getCellByPosition(column("level"), r)->getValue();
        if (cellText(ledger, 1, r) == "Garage Lefèvre SAS")
        {
            EXPECT_EQ(level, 0.0) << cellText(ledger, 0, r);
        }
        martinMarked += cellText(ledger, 1, r) == "Boulangerie Martin" && level == 1.0;
    }
    EXPECT_GT(martinMarked, 0);

    // Everyone else has no address: the letter to post, its PDF kept although only e-mails
    // were asked for, and the log says why.
    for (const auto& [customer, r] : logRowOf)
        if (r != row && r != refused)
        {
            EXPECT_NE(cellText(log, 8, r).find("e-mail"), std::string::npos) << customer;
            EXPECT_NE(cellText(log, 6, r), "E-mail (SMTP)") << customer;
            EXPECT_TRUE(fs::exists(cellText(log, 7, r))) << customer << " " << cellText(log, 7, r);
        }
    EXPECT_NE(sent.message.find("Garage Lefèvre SAS"), std::string::npos) << sent.message;

    // Once the address is corrected, the next run the same day sends the failed letter, and
    // only it: the others were reminded today.
    setText(customers, 3, lefevre, "compta@garage-lefevre.fr");
    const Outcome retried = generate(false, "smtp");
    ASSERT_TRUE(retried.success) << retried.message;
    ASSERT_EQ(usedRows(log) - 1, logged + 1) << retried.message;
    EXPECT_EQ(cellText(log, 1, logged + 1), "Garage Lefèvre SAS");
    EXPECT_EQ(cellText(log, 8, logged + 1), french() ? "Envoyé" : "Sent");
    ASSERT_EQ(server.count(), 2u);
    EXPECT_EQ(server.message(1)["to.address"], "compta@garage-lefevre.fr");
}

// ODT letters only: the letters are ODT files the log points to, and no PDF is left behind.
TEST_F(Reminders, OdtLettersOnlyLeaveNoPdf)
{
    const Outcome outcome = generate(false, "odt");
    ASSERT_TRUE(outcome.success) << outcome.message;
    const auto log = ledgerSheet(sample.document(), relance::addin::LedgerSheet::Reminders);
    ASSERT_GT(usedRows(log), 2);
    for (sal_Int32 r = 1; r < usedRows(log); ++r)
    {
        const fs::path file = cellText(log, 7, r);
        EXPECT_EQ(file.extension(), ".odt") << file;
        EXPECT_TRUE(fs::exists(file)) << file;
    }
    int odt = 0;
    for (const auto& entry : fs::recursive_directory_iterator(output))
    {
        EXPECT_NE(entry.path().extension(), ".pdf") << entry.path();
        odt += entry.path().extension() == ".odt";
    }
    EXPECT_EQ(odt, usedRows(log) - 1);
}

// The dry run: the plan told (the same letters a real run then makes), nothing written, nothing
// logged.
TEST_F(Reminders, PlanOnlyTellsThePlanAndWritesNothing)
{
    const Outcome planned = command(sample.document(), "fr.relance:generateReminders",
                                    {argument("AsOf", uno::Any(OUString("2026-11-15"))),
                                     argument("OutputDir", uno::Any(ustr(output.string()))),
                                     argument("PlanOnly", uno::Any(true))});
    ASSERT_TRUE(planned.success) << planned.message;
    EXPECT_NE(planned.message.find(french() ? "Rien n'a été écrit" : "Nothing was written"),
              std::string::npos)
        << planned.message;
    const auto log = ledgerSheet(sample.document(), relance::addin::LedgerSheet::Reminders);
    EXPECT_EQ(usedRows(log), 1) << "nothing logged";
    EXPECT_FALSE(fs::exists(output) && !fs::is_empty(output)) << "nothing written";

    const Outcome made = generate(false, "odt");
    ASSERT_TRUE(made.success) << made.message;
    const std::string count = std::to_string(usedRows(log) - 1);
    EXPECT_EQ(planned.message.rfind(count + " ", 0), 0u)
        << planned.message << " / " << count << " letters made";
}

// The user's own templates: the folder set in Settings replaces the shipped template of each
// level found there (here the first reminder's); a folder that does not exist is refused
// before anything is written.
TEST_F(Reminders, TheUsersOwnTemplatesFolderIsUsed)
{
    const fs::path folder = fs::path(env("RELANCE_TEST_PROFILE")) / "my-templates";
    fs::remove_all(folder);
    fs::create_directories(folder);
    // The first level's letter, as the user writes it in Writer.
    const auto writeTemplate = [&](const std::string& text)
    {
        const uno::Reference<lang::XComponent> letter = office().desktop()->loadComponentFromURL(
            "private:factory/swriter", "_blank", 0,
            sequenceOf<beans::PropertyValue>({argument("Hidden", uno::Any(true))}));
        uno::Reference<text::XTextDocument>(letter, uno::UNO_QUERY_THROW)
            ->getText()
            ->setString(ustr(text));
        uno::Reference<frame::XStorable>(letter, uno::UNO_QUERY_THROW)
            ->storeToURL(
                ustr(fileUrl((folder / (french() ? "relance-1.odt" : "reminder-1.odt")).string())),
                sequenceOf<beans::PropertyValue>(
                    {argument("FilterName", uno::Any(OUString("writer8")))}));
        uno::Reference<util::XCloseable>(letter, uno::UNO_QUERY_THROW)->close(true);
    };
    writeTemplate("Notre modèle maison pour {{client.nom}} : {{total.du}}");
    const auto settings = ledgerSheet(sample.document(), relance::addin::LedgerSheet::Settings);
    const auto log = ledgerSheet(sample.document(), relance::addin::LedgerSheet::Reminders);

    setText(settings, 1, 33, (folder / "missing").string());
    const Outcome refused = generate();
    EXPECT_FALSE(refused.success);
    EXPECT_NE(refused.message.find((folder / "missing").string()), std::string::npos)
        << refused.message;
    EXPECT_EQ(usedRows(log), 1) << "nothing logged";

    setText(settings, 1, 33, folder.string());
    // Without the combined PDF this time (the dialog's box, unticked).
    const Outcome generated = generate(false, "pdf", false);
    ASSERT_TRUE(generated.success) << generated.message;
    EXPECT_FALSE(fs::exists(output / "2026-11-15" /
                            (french() ? "relances-a-imprimer.pdf" : "letters-to-print.pdf")));
    ASSERT_GT(usedRows(log), 1);
    for (sal_Int32 r = 1; r < usedRows(log); ++r)
    {
        const std::string text = run("pdftotext '" + cellText(log, 7, r) + "' - 2>&1");
        EXPECT_NE(text.find("Notre modèle maison pour " + cellText(log, 1, r)), std::string::npos)
            << text;
        EXPECT_EQ(text.find("{{"), std::string::npos) << text;
    }

    // A template without any field: nothing to fill or undo, and every letter is that text.
    writeTemplate("Texte fixe, sans champ.");
    const sal_Int32 logged = usedRows(log);
    const Outcome fixed = generate(true, "pdf", false);
    ASSERT_TRUE(fixed.success) << fixed.message;
    ASSERT_GT(usedRows(log) - logged, 1) << "several letters from the same template";
    for (sal_Int32 r = logged; r < usedRows(log); ++r)
    {
        const std::string text = run("pdftotext '" + cellText(log, 7, r) + "' - 2>&1");
        EXPECT_NE(text.find("Texte fixe, sans champ."), std::string::npos) << text;
        EXPECT_EQ(text.find("modèle maison"), std::string::npos) << text;
    }
}
