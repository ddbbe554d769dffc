#include "core/common/input_error.hxx"
#include "input_error_message.hxx"
#include "core/ledger/ledger_preview.hxx"
#include "core/reminders/letter_fields.hxx"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

using namespace relance;
using relance_test::messageOf;

namespace
{

DayNumber day(int y, unsigned m, unsigned d)
{
    return toDayNumber({y, m, d});
}

// formatMoney's French output: narrow no-break space between thousands, no-break space before €.
constexpr const char* kFrench1234_56 = "1\u202f234,56\u00a0€";

SenderDetails sender()
{
    return {"Martin Menuiserie",
            "12345678900012",
            "3 place du Marché\n69002 Lyon",
            "FR76 3000 6000 0112 3456 7890 189",
            "AGRIFRPP",
            "compta@martin.fr",
            "04 78 00 00 00",
            "Lyon"};
}

// A formal notice with one invoice across a half-year boundary (as planReminders gives it).
CustomerReminder formalNotice()
{
    CustomerReminder letter;
    letter.customer = {
        "Dupont", "", "123456789", "contact@dupont.fr", "1 rue de la Paix\n75002 Paris", false};
    letter.level = ReminderLevel::FormalNotice;
    letter.date = day(2026, 7, 20);
    letter.deadline = day(2026, 7, 28);
    ReminderLine line;
    line.invoice.number = "F-2026-042";
    line.invoice.customer = "Dupont";
    line.invoice.invoiceDate = day(2026, 5, 16);
    line.invoice.dueDate = day(2026, 6, 15);
    line.invoice.amountInclVat = 150'000;
    line.invoice.paid = 26'544;
    line.invoice.balance = 123'456;
    line.daysLate = 35;
    line.level = ReminderLevel::FormalNotice;
    line.penalty = Penalty{1'428, 35, {{{2026, 1}, 15, 121'500}, {{2026, 2}, 20, 120'000}}};
    line.indemnity = 4'000;
    letter.invoices.push_back(line);
    letter.totalBalance = 123'456;
    letter.totalPenalties = 1'428;
    letter.totalIndemnities = 4'000;
    return letter;
}

} // namespace

TEST(LetterFields, FrenchFormalNotice)
{
    const LetterFields fields = letterFields(formalNotice(), sender(), Language::French);
    struct Row
    {
        const char* name;
        std::string expected;
    };
    const Row rows[] = {
        {"client.nom", "Dupont"},
        {"client.raison_sociale", "Dupont"}, // no legal name: the name
        {"client.adresse", "1 rue de la Paix\n75002 Paris"},
        {"client.siren", "123456789"},
        {"client.email", "contact@dupont.fr"},
        {"societe.nom", "Martin Menuiserie"},
        {"societe.siret", "12345678900012"},
        {"societe.adresse", "3 place du Marché\n69002 Lyon"},
        {"societe.iban", "FR76 3000 6000 0112 3456 7890 189"},
        {"societe.bic", "AGRIFRPP"},
        {"societe.ville", "Lyon"},
        {"date", "20/07/2026"},
        {"date.longue", "20 juillet 2026"},
        {"niveau", "Mise en demeure"},
        {"objet", "Mise en demeure de payer"},
        {"echeance_reglement", "28/07/2026"},
        {"delai", "8 jours"},
        {"nombre_factures", "1"},
        {"total.du", kFrench1234_56},
        {"total.penalites", "14,28\u00a0€"},
        {"total.indemnites", "40,00\u00a0€"},
        {"total.general", "1\u202f288,84\u00a0€"},
        {"factures.liste", std::string("- F-2026-042 du 16/05/2026, échue le 15/06/2026 : ") +
                               kFrench1234_56 +
                               " restant dû (pénalités 14,28\u00a0€, indemnité forfaitaire "
                               "40,00\u00a0€)"},
    };
    for (const Row& row : rows)
    {
        ASSERT_TRUE(fields.fields.contains(row.name)) << row.name;
        EXPECT_EQ(fields.fields.at(row.name), row.expected) << row.name;
    }
    EXPECT_NE(fields.fields.at("suite").find("injonction de payer"), std::string::npos);
    EXPECT_NE(fields.fields.at("mention.paiement_croise").find("croisé"), std::string::npos);

    ASSERT_EQ(fields.invoices.size(), 1u);
    const FieldMap& invoice = fields.invoices[0];
    const Row invoiceRows[] = {
        {"facture.numero", "F-2026-042"},
        {"facture.date", "16/05/2026"},
        {"facture.echeance", "15/06/2026"},
        {"facture.montant", "1\u202f500,00\u00a0€"},
        {"facture.regle", "265,44\u00a0€"},
        {"facture.reste", kFrench1234_56},
        {"facture.retard", "35 jours"},
        {"facture.penalite", "14,28\u00a0€"},
        {"facture.taux", "12,15\u00a0% / 12,00\u00a0%"},
        {"facture.jours", "35"},
        {"facture.indemnite", "40,00\u00a0€"},
    };
    for (const Row& row : invoiceRows)
    {
        ASSERT_TRUE(invoice.contains(row.name)) << row.name;
        EXPECT_EQ(invoice.at(row.name), row.expected) << row.name;
    }
}

TEST(LetterFields, EnglishAndLowerLevels)
{
    CustomerReminder letter = formalNotice();
    letter.customer.legalName = "DUPONT ET FILS SAS";
    const LetterFields english = letterFields(letter, sender(), Language::English);
    EXPECT_EQ(english.fields.at("niveau"), "Formal notice");
    EXPECT_EQ(english.fields.at("objet"), "Formal notice to pay");
    EXPECT_EQ(english.fields.at("client.raison_sociale"), "DUPONT ET FILS SAS");
    EXPECT_EQ(english.fields.at("total.du"), "€1,234.56");
    EXPECT_EQ(english.fields.at("date"), formatDate(day(2026, 7, 20), Language::English));
    EXPECT_EQ(english.fields.at("date.longue"), "20 July 2026");
    EXPECT_EQ(english.fields.at("delai"), "8 days");
    EXPECT_EQ(english.invoices[0].at("facture.taux"), "12.15% / 12.00%");
    EXPECT_EQ(english.invoices[0].at("facture.retard"), "35 days");

    // Below the formal notice nothing is claimed: the penalty fields are empty.
    letter.level = ReminderLevel::Second;
    letter.invoices[0].penalty.reset();
    letter.invoices[0].indemnity = 0;
    letter.totalPenalties = 0;
    letter.totalIndemnities = 0;
    letter.invoices.push_back(letter.invoices[0]);
    letter.invoices[1].invoice.number = "F-2026-043";
    letter.date = day(2026, 7, 1);
    const LetterFields french = letterFields(letter, sender(), Language::French);
    EXPECT_EQ(french.fields.at("niveau"), "Relance 2");
    EXPECT_EQ(french.fields.at("objet"), "Relance n° 2 : factures impayées");
    EXPECT_EQ(french.fields.at("date.longue"), "1er juillet 2026");
    EXPECT_EQ(french.fields.at("nombre_factures"), "2");
    for (const char* name :
         {"facture.penalite", "facture.taux", "facture.jours", "facture.indemnite"})
        EXPECT_EQ(french.invoices[0].at(name), "") << name;

    struct Row
    {
        ReminderLevel level;
        std::size_t invoices;
        const char* french;
        const char* english;
    };
    const Row subjects[] = {
        {ReminderLevel::PreDue, 1, "Rappel : échéance prochaine de votre facture",
         "Reminder: invoice falling due"},
        {ReminderLevel::First, 1, "Relance n° 1 : facture impayée",
         "Reminder no. 1: unpaid invoice"},
        {ReminderLevel::First, 2, "Relance n° 1 : factures impayées",
         "Reminder no. 1: unpaid invoices"},
        {ReminderLevel::Second, 1, "Relance n° 2 : facture impayée",
         "Reminder no. 2: unpaid invoice"},
    };
    for (const Row& row : subjects)
    {
        letter.level = row.level;
        letter.invoices.resize(row.invoices, letter.invoices[0]);
        EXPECT_EQ(letterFields(letter, sender(), Language::French).fields.at("objet"), row.french);
        EXPECT_EQ(letterFields(letter, sender(), Language::English).fields.at("objet"),
                  row.english);
    }
}

TEST(LetterFields, NamesListedAreExactlyTheNamesFilled)
{
    const LetterFields fields = letterFields(formalNotice(), sender(), Language::French);
    std::vector<std::string> listed(letterFieldNames().begin(), letterFieldNames().end());
    std::vector<std::string> filled;
    for (const auto& [name, value] : fields.fields)
        filled.push_back(name);
    std::sort(listed.begin(), listed.end());
    EXPECT_EQ(listed, filled);

    std::vector<std::string> invoiceListed(invoiceFieldNames().begin(), invoiceFieldNames().end());
    std::vector<std::string> invoiceFilled;
    for (const auto& [name, value] : fields.invoices[0])
        invoiceFilled.push_back(name);
    std::sort(invoiceListed.begin(), invoiceListed.end());
    EXPECT_EQ(invoiceListed, invoiceFilled);

    // A template using every name fills without error.
    std::string everything;
    for (const std::string_view name : letterFieldNames())
        everything += "{{" + std::string(name) + "}}\n";
    EXPECT_NO_THROW(fillPlaceholders(everything, fields.fields));
}

TEST(LetterFields, PlaceholdersIn)
{
    struct Row
    {
        const char* text;
        std::vector<std::string> expected;
    };
    const Row rows[] = {
        {"", {}},
        {"Bonjour", {}},
        {"{{client.nom}}", {"client.nom"}},
        {"Cher {{ client.nom }}, vous devez {{total.du}} ({{client.nom}})",
         {"client.nom", "total.du"}},
        {"{{facture.numero}}{{facture.reste}}", {"facture.numero", "facture.reste"}},
        {"{{{niveau}}}", {"niveau"}},
        {"{ {niveau} }", {}},
        {"{{ unclosed", {}},
        {"{{a}} then {{ unclosed", {"a"}},
        {"}} {{x_y-z.1}}", {"x_y-z.1"}},
    };
    for (const Row& row : rows)
        EXPECT_EQ(placeholdersIn(row.text), row.expected) << row.text;
}

TEST(LetterFields, FillPlaceholdersLiterally)
{
    const FieldMap fields = {
        {"client.nom", "{{total.du}}"},           // never re-scanned
        {"total.du", "1 234,56 €"},               //
        {"markup", "<b>Dupont & Fils</b> \"q\""}, // never escaped
        {"vide", ""},                             //
        {"dollar", "$1 \\0 $&"},                  // no regex-style substitution
    };
    struct Row
    {
        const char* text;
        const char* expected;
    };
    const Row rows[] = {
        {"", ""},
        {"sans champ", "sans champ"},
        {"Client : {{client.nom}}", "Client : {{total.du}}"},
        {"{{client.nom}}{{total.du}}", "{{total.du}}1 234,56 €"},
        {"<p>{{markup}}</p>", "<p><b>Dupont & Fils</b> \"q\"</p>"},
        {"[{{vide}}]", "[]"},
        {"{{ total.du }}", "1 234,56 €"},
        {"{{{total.du}}}", "{1 234,56 €}"},
        {"{{dollar}}", "$1 \\0 $&"},
        {"a {{ unclosed", "a {{ unclosed"},
        {"}}{{total.du}}{{", "}}1 234,56 €{{"},
    };
    for (const Row& row : rows)
        EXPECT_EQ(fillPlaceholders(row.text, fields), row.expected) << row.text;
}

TEST(LetterFields, UnknownOrInvalidPlaceholderThrows)
{
    const FieldMap fields = {{"client.nom", "Dupont"}};
    struct Row
    {
        const char* text;
        const char* named;
    };
    const Row rows[] = {
        {"{{client.nom}} {{client.prenom}}", "{{client.prenom}}"},
        {"{{Client.Nom}}", "{{Client.Nom}}"}, // names are case-sensitive
        {"{{client nom}}", "{{client nom}}"},
        {"{{}}", "{{}}"},
        {"{{client.nom\n}}", "invalid placeholder"},
    };
    for (const Row& row : rows)
    {
        const std::string message = messageOf([&] { fillPlaceholders(row.text, fields); });
        EXPECT_NE(message.find(row.named), std::string::npos) << row.text << ": " << message;
    }
    EXPECT_THROW(placeholdersIn("{{client nom}}"), InputError);
    EXPECT_NO_THROW(placeholdersIn("{{client.prenom}}")); // unknown is fine to list
}

// Dates are formatted by ICU; every day of the supported years agrees with the core's own
// civil-date conversion (ICU set to the proleptic Gregorian calendar, in UTC).
TEST(LetterFields, DatesFormattedByIcuAgreeWithTheCivilCalendar)
{
    for (DayNumber day = toDayNumber({kMinYear, 1, 1}); day <= toDayNumber({2100, 12, 31}); ++day)
    {
        const CivilDate date = toCivil(day);
        char french[32], iso[32];
        std::snprintf(french, sizeof french, "%02u/%02u/%04d", date.day, date.month, date.year);
        std::snprintf(iso, sizeof iso, "%04d-%02u-%02u", date.year, date.month, date.day);
        ASSERT_EQ(formatDate(day, Language::French), french);
        ASSERT_EQ(formatDate(day, Language::English), iso);
    }
    EXPECT_EQ(formatDate(toDayNumber({kMaxYear, 12, 31}), Language::French), "31/12/9999");
    EXPECT_EQ(formatLongDate(toDayNumber({2024, 2, 29}), Language::French), "29 février 2024");
    EXPECT_EQ(formatLongDate(toDayNumber({2026, 8, 1}), Language::French), "1er août 2026");
    EXPECT_EQ(formatLongDate(toDayNumber({2026, 12, 1}), Language::French), "1er décembre 2026");
    EXPECT_EQ(formatLongDate(toDayNumber({2026, 11, 15}), Language::English), "15 November 2026");
    EXPECT_EQ(formatLongDate(toDayNumber({2026, 11, 1}), Language::English), "1 November 2026");
    EXPECT_EQ(formatLongDate(toDayNumber({1900, 1, 1}), Language::French), "1er janvier 1900");
}

// The statement of account is announced, in the body and as the enclosure line, only when it
// is enclosed.
TEST(LetterFields, StatementEnclosedIsAnnouncedOnlyThen)
{
    CustomerReminder letter = formalNotice();
    letter.level = ReminderLevel::Second;
    const LetterFields alone = letterFields(letter, sender(), Language::French);
    EXPECT_EQ(alone.fields.at("mention.releve_joint"), "");
    EXPECT_EQ(alone.fields.at("mention.piece_jointe"), "");
    const LetterFields french = letterFields(letter, sender(), Language::French, true);
    EXPECT_EQ(french.fields.at("mention.releve_joint"),
              "Vous trouverez ci-joint le relevé de votre compte.");
    EXPECT_EQ(french.fields.at("mention.piece_jointe"), "P. J. : relevé de compte");
    const LetterFields english = letterFields(letter, sender(), Language::English, true);
    EXPECT_EQ(english.fields.at("mention.piece_jointe"), "Enclosure: statement of account");
}
