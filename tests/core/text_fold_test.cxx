#include "text_fold.hxx"

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
