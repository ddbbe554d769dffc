#include "core/common/text_fold.hxx"

#include <random>
#include <string>

#include <gtest/gtest.h>

using namespace relance;

TEST(TextFold, CaseAccentsAndSpaces)
{
    EXPECT_EQ(foldText("À  RÉCEPTION"), "a reception");
    EXPECT_EQ(foldText("\u00a0Échéance\u202f\t"), "echeance");
    EXPECT_EQ(foldText("Réglé le"), "regle le");
    EXPECT_EQ(foldText("d\u2019émission"), "d'emission");
    EXPECT_EQ(foldText("N° FACT."), "n° fact.");
    EXPECT_EQ(foldText(""), "");
}

TEST(TextFold, Words)
{
    EXPECT_EQ(foldedWords("30J FDM"), (std::vector<std::string>{"30", "j", "fdm"}));
    EXPECT_EQ(foldedWords("1er mars"), (std::vector<std::string>{"1", "er", "mars"}));
    EXPECT_EQ(foldedWords("12/03/2024"), (std::vector<std::string>{"12", "03", "2024"}));
    EXPECT_EQ(foldedWords("fin de mois + 45"),
              (std::vector<std::string>{"fin", "de", "mois", "45"}));
    EXPECT_TRUE(foldedWords(" - / ").empty());
}

// Plain ASCII takes a shortcut around ICU; it must fold exactly as ICU does. One "é" at the end
// sends a text through ICU, and ICU folds it to "e": the two paths meet on s + "e".
TEST(TextFold, AsciiShortcutFoldsLikeIcu)
{
    std::mt19937 random(20261128);
    std::uniform_int_distribution<int> byte(0, 127);
    std::uniform_int_distribution<int> length(0, 24);
    for (int i = 0; i < 20000; ++i)
    {
        std::string text;
        for (int n = length(random); n > 0; --n)
            text.push_back(static_cast<char>(byte(random)));
        EXPECT_EQ(relance::foldText(text + "e"), relance::foldText(text + "\xC3\xA9"))
            << ::testing::PrintToString(text);
    }
    EXPECT_EQ(relance::foldText("  Boulangerie\tMARTIN  `SA` "), "boulangerie martin 'sa'");
}

// Accented texts folded lately are remembered: a remembered answer is the computed one, also
// after the memory was emptied (it holds 1 024 texts).
TEST(TextFold, RememberedFoldsAreTheComputedOnes)
{
    const std::string first = relance::foldText("Hôtel du Parc SARL");
    EXPECT_EQ(first, "hotel du parc sarl");
    EXPECT_EQ(relance::foldText("Hôtel du Parc SARL"), first);
    for (int i = 0; i < 3000; ++i)
        EXPECT_EQ(relance::foldText("Crêperie n°" + std::to_string(i)),
                  "creperie n°" + std::to_string(i));
    EXPECT_EQ(relance::foldText("Hôtel du Parc SARL"), first);
    EXPECT_EQ(relance::foldText("Crêperie n°7"), "creperie n°7");
}

TEST(TextFold, YesAndNoInBothLanguages)
{
    for (const char* yes : {"Oui", " OUI ", "o", "Yes", "y", "Vrai", "TRUE", "x", "1"})
        EXPECT_EQ(relance::parseYesNo(yes), std::optional<bool>(true)) << yes;
    for (const char* no : {"Non", "NON ", "n", "No", "faux", "False", "0"})
        EXPECT_EQ(relance::parseYesNo(no), std::optional<bool>(false)) << no;
    for (const char* neither : {"", " ", "peut-être", "oui non", "2", "nein", "ouii"})
        EXPECT_EQ(relance::parseYesNo(neither), std::nullopt) << neither;
}
