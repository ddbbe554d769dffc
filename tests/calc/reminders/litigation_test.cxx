// fr.relance:litigationFile in a real Calc, on the sample's ledger: refused without the
// debtor's legal name; after reminder 1 and a formal notice left unpaid past its deadline, the
// folder and its zip hold every exhibit, the statement of the claim's PDF (read back with
// pdftotext) gives each invoice's penalty and indemnity as the ledger's own columns do, the
// invoices are marked Contentieux as one undo step, and a rerun writes a new folder.
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>

#include "reminders/reminder_fixtures.hxx"

namespace relance_test::reminders
{
namespace
{

using relance::addin::LedgerSheet;

const char* kMartin = "Boulangerie Martin";

std::string plain(std::string text)
{
    for (const char* space : {"\xC2\xA0", "\xE2\x80\xAF"})
        for (std::size_t at = text.find(space); at != std::string::npos; at = text.find(space, at))
            text.replace(at, std::string(space).size(), " ");
    return text;
}

std::string money(double euros)
{
    return plain(relance::formatMoney(std::llround(euros * 100), french()
                                                                     ? relance::Language::French
                                                                     : relance::Language::English));
}

class Litigation : public Reminders
{
protected:
    Outcome litigationFile(const char* asOf = "2026-11-30")
    {
        return command(sample.document(), "fr.relance:litigationFile",
                       {argument("Customer", uno::Any(ustr(kMartin))),
                        argument("AsOf", uno::Any(OUString::createFromAscii(asOf))),
                        argument("OutputDir", uno::Any(ustr((output / "litigation").string())))});
    }

    void fillIdentity(const char* siren = "552 100 554")
    {
        const sal_Int32 row = customerRow(kMartin);
        ASSERT_GT(row, 0);
        setText(customers, 1, row, "Martin et Fils SARL");
        setText(customers, 2, row, siren);
        setText(customers, 4, row, "4 place du Marché\n69002 Lyon");
    }

    // Reminder 1 on 15/11, the formal notice the same day (raised by hand), and the books as
    // of 30/11, when its eight days have passed.
    void remindThenServeNotice()
    {
        ASSERT_TRUE(generate().success);
        const Outcome notice = command(
            sample.document(), "fr.relance:generateReminders",
            {argument("AsOf", uno::Any(OUString("2026-11-15"))),
             argument("OutputDir", uno::Any(ustr(output.string()))),
             argument("Formats", uno::Any(OUString("pdf"))), argument("Force", uno::Any(true)),
             argument("Levels", uno::Any(ustr(std::string(kMartin) + "=3")))});
        ASSERT_TRUE(notice.success) << notice.message;
        ledgerSheet(sample.document(), LedgerSheet::Dashboard)
            ->getCellByPosition(1, 2)
            ->setValue(serial(2026, 11, 30));
        sample.recalculate();
    }
};

TEST_F(Litigation, RefusedWithoutTheDebtorsLegalName)
{
    remindThenServeNotice();
    const Outcome refused = litigationFile();
    EXPECT_FALSE(refused.success);
    EXPECT_NE(refused.message.find(french() ? "n'a pas de raison sociale" : "has no legal name"),
              std::string::npos)
        << refused.message;
    EXPECT_FALSE(fs::exists(output / "litigation")) << "nothing written";
}

TEST_F(Litigation, TheFileHoldsEveryExhibitAndTheLedgersClaims)
{
    remindThenServeNotice();
    fillIdentity();
    const Outcome built = litigationFile();
    ASSERT_TRUE(built.success) << built.message;
    EXPECT_EQ(built.message.find(french() ? "délai de la mise en demeure" : "runs until"),
              std::string::npos)
        << "the deadline of 23/11 has passed on 30/11: " << built.message;

    const fs::path folder = output / "litigation" / "boulangerie-martin" / "2026-11-30";
    ASSERT_TRUE(fs::is_directory(folder)) << built.message;
    const bool fr = french();
    for (const char* file : {fr ? "00-bordereau-de-pieces.pdf" : "00-list-of-exhibits.pdf",
                             fr ? "01-decompte-de-la-creance.pdf" : "01-statement-of-claim.pdf",
                             fr ? "02-releve-de-compte.pdf" : "02-statement-of-account.pdf",
                             fr ? "03-factures.ods" : "03-invoices.ods"})
        EXPECT_TRUE(fs::exists(folder / file)) << file;
    std::size_t copies = 0;
    for (const auto& entry : fs::directory_iterator(folder))
        copies += entry.path().filename().string().find("martin") != std::string::npos;
    EXPECT_GE(copies, 2u) << "the reminder 1 and the formal notice as logged";
    const std::string listing = run("python3 -c \"import zipfile,sys; print('\\n'.join("
                                    "zipfile.ZipFile(sys.argv[1]).namelist()))\" '" +
                                    folder.string() + ".zip'");
    EXPECT_NE(listing.find("2026-11-30/03-"), std::string::npos) << listing;
    EXPECT_NE(listing.find(fr ? "journal-des-relances.pdf" : "reminder-log.pdf"), std::string::npos)
        << listing;

    // The statement of the claim against the ledger's own penalty and indemnity columns.
    const std::string claim = plain(run(
        "pdftotext -layout '" +
        (folder / (fr ? "01-decompte-de-la-creance.pdf" : "01-statement-of-claim.pdf")).string() +
        "' - 2>&1"));
    const std::string cover = plain(
        run("pdftotext -layout '" +
            (folder / (fr ? "00-bordereau-de-pieces.pdf" : "00-list-of-exhibits.pdf")).string() +
            "' - 2>&1"));
    double principal = 0, penalties = 0, indemnities = 0;
    int invoices = 0;
    for (sal_Int32 r = 1; r < usedRows(ledger); ++r)
    {
        if (cellText(ledger, 1, r) != kMartin ||
            ledger->getCellByPosition(column("balance"), r)->getValue() <= 0 ||
            ledger->getCellByPosition(column("days_late"), r)->getValue() <= 0)
            continue;
        const std::string number = cellText(ledger, 0, r);
        const double penalty = ledger->getCellByPosition(column("penalty"), r)->getValue();
        const double indemnity = ledger->getCellByPosition(column("indemnity"), r)->getValue();
        const std::size_t at = claim.find(number + " ");
        ASSERT_NE(at, std::string::npos) << number << " not in\n" << claim;
        const std::string line = claim.substr(at, claim.find('\n', at) - at);
        EXPECT_NE(line.find(money(penalty)), std::string::npos) << money(penalty) << " in " << line;
        EXPECT_NE(line.find(money(indemnity)), std::string::npos) << line;
        principal += ledger->getCellByPosition(column("balance"), r)->getValue();
        penalties += penalty;
        indemnities += indemnity;
        ++invoices;
        // Marked in litigation, as the status column says after recalculation.
        EXPECT_NE(cellText(ledger, column("notes"), r).find("Contentieux"), std::string::npos);
    }
    ASSERT_GT(invoices, 0);
    for (const std::string& text : {claim, cover})
    {
        EXPECT_NE(text.find(money(principal)), std::string::npos) << money(principal);
        EXPECT_NE(text.find(money(penalties)), std::string::npos) << money(penalties);
        EXPECT_NE(text.find(money(indemnities)), std::string::npos) << money(indemnities);
        EXPECT_NE(text.find(money(principal + penalties + indemnities)), std::string::npos);
    }
    EXPECT_NE(cover.find("Martin et Fils SARL"), std::string::npos);
    EXPECT_NE(cover.find("552100554"), std::string::npos);
    EXPECT_NE(cover.find(fr ? "15/11/2026, délai de paiement au 23/11/2026" : "2026-11-23"),
              std::string::npos)
        << cover;
    EXPECT_NE(claim.find(fr ? "2026-S2" : "2026-S2"), std::string::npos);

    // One undo step takes the marks away; the file stays.
    const auto undo =
        uno::Reference<document::XUndoManagerSupplier>(sample.document(), uno::UNO_QUERY_THROW)
            ->getUndoManager();
    undo->undo();
    for (sal_Int32 r = 1; r < usedRows(ledger); ++r)
        if (cellText(ledger, 1, r) == kMartin)
            EXPECT_EQ(cellText(ledger, column("notes"), r).find("Contentieux \u2014"),
                      std::string::npos);

    // A rerun the same day writes a new folder, never over the first.
    const Outcome again = litigationFile();
    ASSERT_TRUE(again.success) << again.message;
    EXPECT_TRUE(fs::is_directory(folder.string() + "-2"));
}

TEST_F(Litigation, AWrongCheckDigitWarnsAndAMissingLetterIsNamed)
{
    remindThenServeNotice();
    fillIdentity("552 100 555");
    const auto log = ledgerSheet(sample.document(), LedgerSheet::Reminders);
    const sal_Int32 row = lastRowWith(log, 1, kMartin);
    ASSERT_GT(row, 0);
    const std::string letter = cellText(log, 7, row);
    ASSERT_TRUE(fs::remove(letter)) << letter;
    const Outcome built = litigationFile();
    ASSERT_TRUE(built.success) << built.message;
    EXPECT_NE(built.message.find(french() ? "clé de contrôle (Luhn) fausse" : "wrong check digit"),
              std::string::npos)
        << built.message;
    EXPECT_NE(
        built.message.find((french() ? "fichier introuvable : " : "file not found: ") + letter),
        std::string::npos)
        << built.message;
}

} // namespace
} // namespace relance_test::reminders
