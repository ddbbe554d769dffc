#include "core/litigation/litigation_claim.hxx"

#include <gtest/gtest.h>

#include "core/common/input_error.hxx"

using namespace relance;

namespace
{

DayNumber day(int y, unsigned m, unsigned d)
{
    return toDayNumber({y, m, d});
}

LitigationInput martin()
{
    LitigationInput input;
    input.asOf = day(2024, 7, 3);
    input.customer = "Boulangerie Martin";
    input.customers = {{"Boulangerie Martin", "Martin et Fils SARL", "552 100 554", "", "1 rue X"},
                       {"Café Neuf", "", "", "", ""}};
    ReminderInvoice late;
    late.number = "F1";
    late.customer = "boulangerie martin";
    late.invoiceDate = day(2024, 5, 29);
    late.dueDate = day(2024, 6, 28);
    late.amountInclVat = late.balance = 100000;
    ReminderInvoice disputed = late;
    disputed.number = "F2";
    disputed.disputed = true;
    ReminderInvoice notDue = late;
    notDue.number = "F3";
    notDue.dueDate = day(2024, 7, 30);
    ReminderInvoice creditNote = late;
    creditNote.number = "AV1";
    creditNote.amountInclVat = creditNote.balance = -10000;
    ReminderInvoice other = late;
    other.number = "F9";
    other.customer = "Café Neuf";
    input.invoices = {late, disputed, notDue, creditNote, other};
    input.terms = {"30 jours", "30 jours", "30 jours", "", "30 jours"};
    input.log = {{4, day(2024, 6, 29), "Boulangerie Martin", 1, "F1", "PDF", "", "Envoyé"},
                 {5, day(2024, 6, 30), "Café Neuf", 3, "F9", "PDF", "", "Envoyé"},
                 {6, day(2024, 6, 30), "Boulangerie Martin", 3, "F1", "E-mail", "/x/med.eml",
                  "Échec de l'envoi"}};
    return input;
}

} // namespace

TEST(LitigationClaim, SirenCheckDigit)
{
    EXPECT_EQ(sirenDigits("552 100 554"), "552100554");
    EXPECT_EQ(sirenDigits("552.100.554 00016"), "55210055400016");
    EXPECT_EQ(sirenDigits("5521"), "");
    EXPECT_EQ(sirenDigits("RCS Lyon 552100554"), "");
    EXPECT_TRUE(hasValidCheckDigit("552100554"));
    EXPECT_TRUE(hasValidCheckDigit("732829320"));
    EXPECT_FALSE(hasValidCheckDigit("552100555"));
    EXPECT_TRUE(hasValidCheckDigit("35600000000047")); // La Poste: digits sum to 5 × k
}

TEST(LitigationClaim, PrincipalPenaltiesPerHalfYearAndIndemnities)
{
    const LitigationClaim claim = buildLitigationClaim(martin(), Language::French);
    ASSERT_EQ(claim.lines.size(), 1u);
    const ClaimLine& line = claim.lines[0];
    // 2 days at 14.50 % in 2024-S1, 3 days at 14.25 % in 2024-S2 (README's worked example).
    EXPECT_EQ(line.penalty.amount, 197);
    ASSERT_EQ(line.periods.size(), 2u);
    EXPECT_EQ(line.periods[0].from, day(2024, 6, 29));
    EXPECT_EQ(line.periods[0].to, day(2024, 6, 30));
    EXPECT_EQ(line.periods[0].segment.rate, 145000);
    EXPECT_EQ(line.periods[1].from, day(2024, 7, 1));
    EXPECT_EQ(line.periods[1].to, day(2024, 7, 3));
    EXPECT_EQ(line.periods[0].amount, 79);
    EXPECT_EQ(line.periods[1].amount, 197 - 79); // the periods add up to the total
    EXPECT_EQ(line.indemnity, 4000);
    EXPECT_EQ(claim.principal, 100000 - 10000); // the open credit note deducted
    EXPECT_EQ(claim.total(), 90000 + 197 + 4000);
    ASSERT_EQ(claim.notClaimed.size(), 2u);
    EXPECT_EQ(claim.notClaimed[0].number, "F2");
    EXPECT_EQ(claim.siren, "552100554");
    // The failed e-mail is no formal notice: the claim says one is missing.
    EXPECT_FALSE(claim.formalNotice);
    ASSERT_EQ(claim.reminders.size(), 1u);
    ASSERT_FALSE(claim.warnings.empty());
    EXPECT_NE(claim.warnings.back().find("Aucune mise en demeure"), std::string::npos);
}

TEST(LitigationClaim, IdentityFirst)
{
    LitigationInput input = martin();
    input.customers[0].legalName.clear();
    try
    {
        buildLitigationClaim(input, Language::French);
        FAIL();
    }
    catch (const InputError& error)
    {
        EXPECT_NE(error.message(Language::French).find("n'a pas de raison sociale"),
                  std::string::npos);
        EXPECT_NE(std::string(error.what()).find("has no legal name"), std::string::npos);
    }
    input = martin();
    input.customers[0].siren = "";
    EXPECT_THROW(buildLitigationClaim(input, Language::English), InputError);
    input.customers[0].siren = "552100555";
    const LitigationClaim claim = buildLitigationClaim(input, Language::English);
    EXPECT_NE(claim.warnings.front().find("wrong check digit"), std::string::npos);
}

TEST(LitigationClaim, CandidatesWithAPassedDeadlineComeFirst)
{
    LitigationInput input = martin();
    input.asOf = day(2024, 7, 10);
    const auto candidates = litigationCandidates(input);
    ASSERT_EQ(candidates.size(), 2u);
    EXPECT_EQ(candidates[0].customer, "Café Neuf");
    EXPECT_TRUE(candidates[0].deadlinePassed);
    EXPECT_EQ(describe(candidates[0], Language::French),
              "Café Neuf \u2014 1\u202f000,00\u00a0€ échus \u2014 mise en demeure du 30/06/2024, "
              "délai expiré le 08/07/2024");
}

TEST(LitigationClaim, ExhibitsNameMissingFiles)
{
    LitigationInput input = martin();
    input.log.push_back({7, day(2024, 7, 1), "Boulangerie Martin", 3, "F1", "PDF",
                         "/out/mise-en-demeure_martin.pdf", "Envoyé"});
    const LitigationClaim claim = buildLitigationClaim(input, Language::French);
    ASSERT_TRUE(claim.formalNotice);
    EXPECT_EQ(*claim.deadline, day(2024, 7, 9));
    const auto exhibits =
        litigationExhibits(claim, Language::French, [](const std::string&) { return false; });
    // Reminder 1 has no file (noted in the sheet): no exhibit, a warning asking for a copy.
    ASSERT_EQ(exhibits.size(), 5u);
    EXPECT_EQ(exhibits[0].fileName, "01-decompte-de-la-creance.pdf");
    EXPECT_TRUE(exhibits[3].missing);
    EXPECT_NE(exhibits[3].title.find("fichier introuvable : /out/mise-en-demeure_martin.pdf"),
              std::string::npos);
    EXPECT_EQ(exhibits[4].fileName, "05-journal-des-relances.pdf");
    EXPECT_NE(claim.warnings.front().find("1 relance(s) au journal sans fichier (29/06/2024)"),
              std::string::npos);
    const auto found =
        litigationExhibits(claim, Language::French, [](const std::string&) { return true; });
    EXPECT_EQ(found[3].fileName, "04-mise-en-demeure_martin.pdf");
    // An e-mail brings its PDF letter along.
    input.log.back().file = "/out/mise-en-demeure_martin.eml";
    const auto mailed =
        litigationExhibits(buildLitigationClaim(input, Language::English), Language::English,
                           [](const std::string&) { return true; });
    ASSERT_EQ(mailed.size(), 6u);
    EXPECT_EQ(mailed[3].fileName, "04-mise-en-demeure_martin.eml");
    EXPECT_EQ(mailed[4].fileName, "05-mise-en-demeure_martin.pdf");
    EXPECT_NE(mailed[4].title.find("the attached letter (PDF)"), std::string::npos);
}
