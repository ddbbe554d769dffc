// The reminder letters themselves: who gets which level, what the PDF letters and .eml files
// say, the proof log, the formal notice's claims, a chosen level, and the statement of account.
//
// Reminders generated from the converted sample ledger in a real headless LibreOffice, through
// the menu command's code path (fr.relance:generateReminders, Silent=true): who got which
// level, the amounts printed in the PDF letters (pdftotext), the .eml files, the proof log,
// and that a second run the same day produces nothing.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <gtest/gtest.h>

#include "calc_support.hxx"
#include "reminder_fixtures.hxx"

using namespace relance_test;
using namespace relance_test::reminders;

namespace
{

std::string decodeBase64(const std::string& text)
{
    static const std::string alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    int value = 0, bits = -8;
    for (char c : text)
    {
        const auto position = alphabet.find(c);
        if (position == std::string::npos)
            continue;
        value = (value << 6) + static_cast<int>(position);
        bits += 6;
        if (bits >= 0)
        {
            out.push_back(static_cast<char>((value >> bits) & 0xFF));
            bits -= 8;
        }
    }
    return out;
}

} // namespace

TEST_F(Reminders, LettersLogAndNoSecondRunTheSameDay)
{
    // One customer with an e-mail address, one put on hold.
    const sal_Int32 martin = customerRow("Boulangerie Martin");
    ASSERT_GT(martin, 0);
    setText(customers, 3, martin, "compta@boulangerie-martin.fr");
    const sal_Int32 held = customerRow("Garage Lefèvre SAS");
    ASSERT_GT(held, 0);
    setText(customers, 8, held, "oui");

    const auto log = ledgerSheet(sample.document(), relance::addin::LedgerSheet::Reminders);
    ASSERT_EQ(usedRows(log), 1);
    // The source sheet, every cell and formula, and the folder of the sample's copy.
    const uno::Reference<sheet::XSpreadsheet> source(
        uno::Reference<sheet::XSpreadsheetDocument>(sample.document(), uno::UNO_QUERY_THROW)
            ->getSheets()
            ->getByName("Factures"),
        uno::UNO_QUERY_THROW);
    const auto fingerprint = [&]
    {
        const uno::Reference<sheet::XSheetCellCursor> cursor = source->createCursor();
        const uno::Reference<sheet::XUsedAreaCursor> used(cursor, uno::UNO_QUERY_THROW);
        used->gotoStartOfUsedArea(false);
        used->gotoEndOfUsedArea(true);
        std::string all;
        for (const auto& row :
             uno::Reference<sheet::XCellRangeFormula>(cursor, uno::UNO_QUERY_THROW)
                 ->getFormulaArray())
            for (const OUString& cell : row)
                all += utf8(cell) + "\x1f";
        return all;
    };
    const std::string sourceBefore = fingerprint();
    const fs::path documentFolder = fs::path(env("RELANCE_TEST_PROFILE")) / "documents";
    const auto filesIn = [](const fs::path& folder)
    {
        std::set<std::string> files;
        for (const auto& entry : fs::recursive_directory_iterator(folder))
            files.insert(entry.path().string());
        return files;
    };
    const std::set<std::string> documentFilesBefore = filesIn(documentFolder);
    const Outcome first = generate();
    ASSERT_TRUE(first.success) << first.message;
    sample.recalculate();
    const sal_Int32 logged = usedRows(log) - 1;
    ASSERT_GT(logged, 5) << first.message;
    // Nothing changed in the invoices the user typed; nothing written beside the workbook:
    // every file the run wrote is in the output folder it was given.
    EXPECT_EQ(fingerprint(), sourceBefore);
    EXPECT_EQ(filesIn(documentFolder), documentFilesBefore);

    // Every log row: today's date, level 1 (never reminded before: one step at a time), a file.
    std::map<std::string, sal_Int32> logRowOf;
    for (sal_Int32 r = 1; r <= logged; ++r)
    {
        EXPECT_EQ(log->getCellByPosition(0, r)->getValue(), serial(2026, 11, 15));
        EXPECT_EQ(log->getCellByPosition(2, r)->getValue(), 1.0) << cellText(log, 1, r);
        const std::string file = cellText(log, 7, r);
        EXPECT_TRUE(fs::exists(file)) << file;
        EXPECT_EQ(file.rfind(output.string(), 0), 0u) << file;
        logRowOf[cellText(log, 1, r)] = r;
    }
    EXPECT_EQ(logRowOf.count("Garage Lefèvre SAS"), 0u) << "a customer on hold is not reminded";
    ASSERT_EQ(logRowOf.count("Boulangerie Martin"), 1u);

    // Martin's letter: the PDF text names the customer, its invoices and the amount due, the
    // French way; its .eml carries the same PDF.
    const sal_Int32 row = logRowOf["Boulangerie Martin"];
    const fs::path eml = cellText(log, 7, row);
    ASSERT_EQ(eml.extension(), ".eml");
    const fs::path pdf = fs::path(eml).replace_extension(".pdf");
    ASSERT_TRUE(fs::exists(pdf));
    const std::string letter = run("pdftotext -layout '" + pdf.string() + "' - 2>&1");
    EXPECT_NE(letter.find("Boulangerie Martin"), std::string::npos) << letter;
    EXPECT_NE(letter.find("Menuiserie Dupont SARL"), std::string::npos);
    EXPECT_NE(letter.find("123 456 789 00012"), std::string::npos);
    for (const std::string& number :
         [&]
         {
             std::vector<std::string> numbers;
             std::string list = cellText(log, 3, row);
             for (std::size_t at = 0; at < list.size();)
             {
                 const std::size_t comma = list.find(", ", at);
                 numbers.push_back(list.substr(at, comma - at));
                 at = comma == std::string::npos ? list.size() : comma + 2;
             }
             return numbers;
         }())
        EXPECT_NE(letter.find(number), std::string::npos) << number;
    // The total due as the log records it, printed "12 345,67 €" (narrow or no-break spaces).
    const double due = log->getCellByPosition(4, row)->getValue();
    char cents[8];
    std::snprintf(cents, sizeof cents, ",%02d", static_cast<int>(std::llround(due * 100)) % 100);
    EXPECT_NE(letter.find(cents), std::string::npos) << due;

    const std::string message = readFile(eml);
    EXPECT_NE(message.find("To: "), std::string::npos);
    EXPECT_NE(message.find("compta@boulangerie-martin.fr"), std::string::npos);
    EXPECT_NE(message.find("MIME-Version: 1.0"), std::string::npos);
    EXPECT_NE(message.find("Content-Type: multipart/mixed"), std::string::npos);
    EXPECT_NE(message.find("Content-Type: application/pdf"), std::string::npos);
    EXPECT_EQ(message.find("\n\n"), std::string::npos) << "lines end with CRLF";
    const std::size_t attachment =
        message.find("Content-Transfer-Encoding: base64", message.find("application/pdf"));
    ASSERT_NE(attachment, std::string::npos);
    const std::size_t start = message.find("\r\n\r\n", attachment) + 4;
    const std::size_t end = message.find("\r\n--", start);
    EXPECT_EQ(decodeBase64(message.substr(start, end - start)), readFile(pdf));

    // Customers without an e-mail address: the letter exists, the log says the e-mail does not.
    int missing = 0;
    for (sal_Int32 r = 1; r <= logged; ++r)
        missing += cellText(log, 8, r).find(french() ? "e-mail" : "e-mail") != std::string::npos;
    EXPECT_GT(missing, 0);

    // The invoices reminded now carry level 1 and today's date.
    int marked = 0;
    for (sal_Int32 r = 1; r < usedRows(ledger); ++r)
        if (ledger->getCellByPosition(column("level"), r)->getValue() == 1.0)
        {
            EXPECT_EQ(ledger->getCellByPosition(column("level_date"), r)->getValue(),
                      serial(2026, 11, 15));
            // Its next action: reminder 2's day after the due date (15), and not before the
            // minimum days between two letters (7).
            const double due = ledger->getCellByPosition(column("due_date"), r)->getValue();
            EXPECT_EQ(ledger->getCellByPosition(column("next_action"), r)->getValue(),
                      std::max(due + 15, serial(2026, 11, 15) + 7))
                << cellText(ledger, 0, r);
            ++marked;
        }
    EXPECT_GE(marked, logged);

    // Each letter names its own customer and no other: the template is reused from letter
    // to letter, and must come back blank each time.
    for (const auto& [customer, r] : logRowOf)
    {
        const std::string text =
            run("pdftotext '" + fs::path(cellText(log, 7, r)).replace_extension(".pdf").string() +
                "' - 2>&1");
        EXPECT_NE(text.find(customer), std::string::npos) << customer;
        EXPECT_EQ(text.find("{{"), std::string::npos) << customer << ": a field left unfilled";
        for (const auto& [other, ignored] : logRowOf)
        {
            if (other != customer && other.find(customer) == std::string::npos &&
                customer.find(other) == std::string::npos)
            {
                EXPECT_EQ(text.find(other), std::string::npos) << other << " in " << customer;
            }
        }
    }

    // A combined PDF for printing holds every letter, each from a new page.
    const fs::path combined =
        output / "2026-11-15" / (french() ? "relances-a-imprimer.pdf" : "letters-to-print.pdf");
    ASSERT_TRUE(fs::exists(combined));
    const std::string all = run("pdftotext '" + combined.string() + "' - 2>&1");
    for (const auto& [customer, r] : logRowOf)
        EXPECT_NE(all.find(customer), std::string::npos) << customer;
    const std::string info = run("pdfinfo '" + combined.string() + "' 2>&1");
    std::smatch pages;
    ASSERT_TRUE(std::regex_search(info, pages, std::regex(R"(Pages:\s+(\d+))"))) << info;
    EXPECT_GE(std::stoi(pages[1].str()), logged);

    // Running again the same day produces nothing new.
    const Outcome second = generate();
    ASSERT_TRUE(second.success) << second.message;
    EXPECT_EQ(usedRows(log) - 1, logged);
    EXPECT_NE(second.message.find("0 "), std::string::npos) << second.message;
}

TEST_F(Reminders, FormalNoticeClaimsPenaltiesAndIndemnities)
{
    // Martin's open invoices already had reminder 2 three weeks ago: the next step is the formal
    // notice.
    int prepared = 0;
    for (sal_Int32 r = 1; r < usedRows(ledger); ++r)
        if (cellText(ledger, 1, r) == "Boulangerie Martin" &&
            ledger->getCellByPosition(column("balance"), r)->getValue() > 0)
        {
            ledger->getCellByPosition(column("level"), r)->setValue(2);
            ledger->getCellByPosition(column("level_date"), r)->setValue(serial(2026, 10, 25));
            ++prepared;
        }
    ASSERT_GT(prepared, 0);
    const auto log = ledgerSheet(sample.document(), relance::addin::LedgerSheet::Reminders);
    // Without the 2026-S2 ECB rate, which is not shipped, the formal notice is not written (the
    // other letters are), and the summary says which rate to enter where, in the office's
    // language.
    const auto settings = ledgerSheet(sample.document(), relance::addin::LedgerSheet::Settings);
    setText(settings, 1, 21, "");
    sample.recalculate();
    const Outcome missing = generate();
    ASSERT_TRUE(missing.success) << missing.message;
    EXPECT_NE(missing.message.find(french() ? "Boulangerie Martin : mise en demeure impossible, "
                                              "taux BCE 2026-S2 à saisir dans Paramètres"
                                            : "Boulangerie Martin: formal notice impossible, ECB "
                                              "rate 2026-S2 to enter in Settings"),
              std::string::npos)
        << missing.message;
    EXPECT_EQ(lastRowWith(log, 1, "Boulangerie Martin"), -1) << "no letter without its rate";
    settings->getCellByPosition(1, 21)->setValue(0.0215);
    sample.recalculate();
    const Outcome outcome = generate();
    ASSERT_TRUE(outcome.success) << outcome.message;
    const sal_Int32 row = lastRowWith(log, 1, "Boulangerie Martin");
    ASSERT_GT(row, 0);
    EXPECT_EQ(log->getCellByPosition(2, row)->getValue(), 3.0);
    const std::string letter = expectClaimsAsInTheLedger(log, row);
    EXPECT_NE(letter.find(french() ? "12,15 %" : "12.15%"), std::string::npos)
        << "the statutory rate of 2026-S1";

    // A contractual rate in Paramètres: the letter claims at that rate, as the ledger does.
    settings->getCellByPosition(1, 18)->setValue(0.15);
    sample.recalculate();
    const Outcome contractual = generate(true);
    ASSERT_TRUE(contractual.success) << contractual.message;
    const sal_Int32 again = lastRowWith(log, 1, "Boulangerie Martin");
    ASSERT_GT(again, row);
    const std::string second = expectClaimsAsInTheLedger(log, again);
    EXPECT_NE(second.find(french() ? "15,00 %" : "15.00%"), std::string::npos);
    EXPECT_EQ(second.find(french() ? "12,15 %" : "12.15%"), std::string::npos);
}

// A level chosen by the user (the dialog's level list, or Levels for a macro) is planned with
// its claims: Martin, never reminded, raised to the formal notice, is claimed penalties and
// indemnities that match the ledger's.
TEST_F(Reminders, ChosenLevelIsPlannedWithItsClaims)
{
    const Outcome outcome =
        command(sample.document(), "fr.relance:generateReminders",
                {argument("AsOf", uno::Any(OUString("2026-11-15"))),
                 argument("OutputDir", uno::Any(ustr(output.string()))),
                 argument("Formats", uno::Any(OUString("pdf"))),
                 argument("Levels", uno::Any(OUString("boulangerie MARTIN=3")))});
    ASSERT_TRUE(outcome.success) << outcome.message;
    const auto log = ledgerSheet(sample.document(), relance::addin::LedgerSheet::Reminders);
    const sal_Int32 row = lastRowWith(log, 1, "Boulangerie Martin");
    ASSERT_GT(row, 0);
    EXPECT_EQ(log->getCellByPosition(2, row)->getValue(), 3.0);
    EXPECT_GT(log->getCellByPosition(5, row)->getValue(), 40.0);
    expectClaimsAsInTheLedger(log, row);
    // The others as planned: never reminded, reminder 1.
    for (sal_Int32 r = 1; r < usedRows(log); ++r)
    {
        if (r == row)
            continue;
        EXPECT_EQ(log->getCellByPosition(2, r)->getValue(), 1.0) << cellText(log, 1, r);
    }
}

// Reminder 2 encloses the customer's statement of account, from a new page of the same PDF
// (and so of its e-mail and of the combined PDF): every open invoice, the disputed one too,
// which the letter itself leaves out. The setting in Paramètres turns it off.
TEST_F(Reminders, SecondReminderEnclosesTheStatementOfAccount)
{
    // Every open invoice had reminder 1 three weeks ago; one of the Hôtel du Parc's is now
    // disputed.
    std::string disputed;
    for (sal_Int32 r = 1; r < usedRows(ledger); ++r)
        if (ledger->getCellByPosition(column("balance"), r)->getValue() > 0)
        {
            ledger->getCellByPosition(column("level"), r)->setValue(1);
            ledger->getCellByPosition(column("level_date"), r)->setValue(serial(2026, 10, 25));
            if (disputed.empty() && cellText(ledger, 1, r) == "Hôtel du Parc SARL" &&
                !cellText(ledger, column("due_date"), r).empty())
            {
                disputed = cellText(ledger, 0, r);
                setText(ledger, column("dispute"), r, "livraison incomplète");
            }
        }
    ASSERT_FALSE(disputed.empty());
    setText(customers, 3, customerRow("Hôtel du Parc SARL"), "compta@hotel-du-parc.fr");
    sample.recalculate();
    const Outcome outcome = generate(false, "pdf,eml", true);
    ASSERT_TRUE(outcome.success) << outcome.message;

    const auto log = ledgerSheet(sample.document(), relance::addin::LedgerSheet::Reminders);
    const std::string title = french() ? "Relevé de compte au" : "Statement of account as at";
    const std::string enclosureLine =
        french() ? "P. J. : relevé de compte" : "Enclosure: statement of account";
    const std::string announcement = french() ? "ci-joint le relevé" : "enclosed a statement";
    int enclosed = 0;
    fs::path hotelFirst;
    std::vector<std::string> names;
    for (sal_Int32 r = 1; r < usedRows(log); ++r)
        names.push_back(cellText(log, 1, r));
    for (sal_Int32 r = 1; r < usedRows(log); ++r)
    {
        if (log->getCellByPosition(2, r)->getValue() != 2.0)
            continue;
        const std::string customer = cellText(log, 1, r);
        const fs::path pdf = output / "2026-11-15" /
                             fs::path(cellText(log, 7, r)).replace_extension(".pdf").filename();
        const std::string text = run("pdftotext '" + pdf.string() + "' - 2>&1");
        const std::size_t statement = text.find(title);
        ASSERT_NE(statement, std::string::npos) << customer << ": no statement enclosed";
        EXPECT_EQ(text.find(title, statement + 1), std::string::npos) << "enclosed once";
        // After the whole letter, from a new page that it starts; it names the customer again.
        const std::size_t pageBreak = text.rfind('\f', statement);
        ASSERT_NE(pageBreak, std::string::npos) << customer;
        EXPECT_NE(text.substr(0, pageBreak).find(enclosureLine), std::string::npos) << customer;
        EXPECT_NE(text.substr(0, pageBreak).find(announcement), std::string::npos) << customer;
        EXPECT_EQ(text.find(enclosureLine, pageBreak), std::string::npos) << customer;
        EXPECT_EQ(text.find("Menuiserie Dupont SARL", pageBreak), pageBreak + 1)
            << customer << ": the statement starts the page\n"
            << text.substr(pageBreak, 300);
        EXPECT_NE(text.substr(0, pageBreak).find(customer), std::string::npos) << customer;
        EXPECT_NE(text.find(customer, pageBreak), std::string::npos) << customer;
        for (const std::string& other : names)
            if (other.find(customer) == std::string::npos &&
                customer.find(other) == std::string::npos)
            {
                EXPECT_EQ(text.find(other), std::string::npos) << other << " in " << customer;
            }
        EXPECT_EQ(text.find("{{"), std::string::npos) << customer;
        ++enclosed;

        if (customer != "Hôtel du Parc SARL")
            continue;
        hotelFirst = pdf;
        // The disputed invoice is on the statement only; the letter's invoices on both.
        EXPECT_EQ(text.substr(0, pageBreak).find(disputed), std::string::npos);
        EXPECT_NE(text.find(disputed, statement), std::string::npos) << text.substr(statement);
        const std::string numbers = cellText(log, 3, r);
        const std::string first = numbers.substr(0, numbers.find(','));
        EXPECT_NE(text.substr(0, pageBreak).find(first), std::string::npos) << first;
        EXPECT_NE(text.find(first, statement), std::string::npos) << first;
        // The e-mail's text says so (quoted-printable, its soft line breaks removed).
        const std::string message =
            std::regex_replace(readFile(cellText(log, 7, r)), std::regex("=\r\n"), "");
        EXPECT_NE(message.find(french() ? "suivi du relev=C3=A9 de votre compte"
                                        : "followed by the statement of your account"),
                  std::string::npos)
            << message.substr(0, 1500);
    }
    EXPECT_GT(enclosed, 1) << "two letters at least, from the same reused templates";
    const std::string all = run(
        "pdftotext '" +
        (output / "2026-11-15" / (french() ? "relances-a-imprimer.pdf" : "letters-to-print.pdf"))
            .string() +
        "' - 2>&1");
    int titles = 0;
    for (std::size_t at = all.find(title); at != std::string::npos; at = all.find(title, at + 1))
        ++titles;
    EXPECT_EQ(titles, enclosed) << "the combined PDF holds each letter with its statement";

    // Turned off in Paramètres: the letter alone. A mistyped answer stops the run before
    // anything is written, naming the setting.
    const auto settings = ledgerSheet(sample.document(), relance::addin::LedgerSheet::Settings);
    const sal_Int32 logged = usedRows(log);
    setText(settings, 1, 34, french() ? "peut-être" : "maybe");
    const Outcome refused = generate(true, "pdf", false);
    EXPECT_FALSE(refused.success);
    EXPECT_NE(refused.message.find("ReleveAvecRelance2"), std::string::npos) << refused.message;
    EXPECT_EQ(usedRows(log), logged);
    setText(settings, 1, 34, french() ? "Non" : "No");
    const Outcome alone = generate(true, "pdf", false);
    ASSERT_TRUE(alone.success) << alone.message;
    const sal_Int32 row = lastRowWith(log, 1, "Hôtel du Parc SARL");
    ASSERT_GE(row, logged);
    EXPECT_EQ(log->getCellByPosition(2, row)->getValue(), 2.0);
    const std::string letter = run("pdftotext '" + cellText(log, 7, row) + "' - 2>&1");
    EXPECT_NE(letter.find("Hôtel du Parc SARL"), std::string::npos);
    EXPECT_EQ(letter.find(title), std::string::npos);
    // Nor does the letter announce one, in its text or as an enclosure.
    EXPECT_EQ(letter.find(enclosureLine), std::string::npos);
    EXPECT_EQ(letter.find(announcement), std::string::npos) << letter.substr(0, 1500);
    // The letter made earlier the same day is kept as the log recorded it, not overwritten.
    ASSERT_FALSE(hotelFirst.empty());
    EXPECT_NE(fs::path(cellText(log, 7, row)), hotelFirst);
    EXPECT_NE(run("pdftotext '" + hotelFirst.string() + "' - 2>&1").find(title), std::string::npos);
}

TEST_F(Reminders, StatementOfAccountListsEveryOpenInvoice)
{
    const Outcome outcome =
        command(sample.document(), "fr.relance:statement",
                {argument("AsOf", uno::Any(OUString("2026-11-15"))),
                 argument("OutputDir", uno::Any(ustr(output.string()))),
                 argument("Customer", uno::Any(OUString("Boulangerie Martin")))});
    ASSERT_TRUE(outcome.success) << outcome.message;
    const fs::path pdf =
        output / "2026-11-15" /
        (std::string(french() ? "releve" : "statement") + "_boulangerie-martin.pdf");
    ASSERT_TRUE(fs::exists(pdf)) << outcome.message;
    const std::string text = run("pdftotext -layout '" + pdf.string() + "' - 2>&1");
    int open = 0;
    for (sal_Int32 r = 1; r < usedRows(ledger); ++r)
        // Invoices without a due date (no payment terms) cannot be dated: they are left out.
        if (cellText(ledger, 1, r) == "Boulangerie Martin" &&
            ledger->getCellByPosition(column("balance"), r)->getValue() > 0 &&
            !cellText(ledger, column("due_date"), r).empty())
        {
            EXPECT_NE(text.find(cellText(ledger, 0, r)), std::string::npos)
                << cellText(ledger, 0, r);
            ++open;
        }
    EXPECT_GT(open, 0);
    // A statement is not a reminder: the log stays empty.
    EXPECT_EQ(usedRows(ledgerSheet(sample.document(), relance::addin::LedgerSheet::Reminders)), 1);

    const Outcome unknown = command(sample.document(), "fr.relance:statement",
                                    {argument("AsOf", uno::Any(OUString("2026-11-15"))),
                                     argument("OutputDir", uno::Any(ustr(output.string()))),
                                     argument("Customer", uno::Any(OUString("Nobody")))});
    EXPECT_FALSE(unknown.success);
    EXPECT_NE(unknown.message.find("Nobody"), std::string::npos);
}
