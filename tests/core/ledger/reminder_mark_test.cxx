// The owner's own reminder notes read as a level and a date, and the column found by its header.
#include "core/ledger/ledger_import.hxx"
#include "core/ledger/reminder_mark.hxx"

#include <gtest/gtest.h>

#include <optional>
#include <string>

using namespace relance;

namespace
{

DayNumber day(int y, unsigned m, unsigned d)
{
    return toDayNumber({y, m, d});
}

} // namespace

TEST(ReminderMark, LevelsAndDatesAsOwnersWriteThem)
{
    struct Row
    {
        const char* text;
        int level;
        std::optional<DayNumber> date;
    };
    const Row rows[] = {
        {"R1 le 02/06/2026", 1, day(2026, 6, 2)},
        {"R2 le 12/06/2026", 2, day(2026, 6, 12)},
        {"relancé le 20/05/2026", 1, day(2026, 5, 20)},
        {"2e relance 05/06/2026", 2, day(2026, 6, 5)},
        {"2ème relance le 5 juin 2026", 2, day(2026, 6, 5)},
        {"Relance 2 (tél.) 05/06/26", 2, day(2026, 6, 5)},
        {"MED 15/06/2026", 3, day(2026, 6, 15)},
        {"mise en demeure envoyée le 15/06/2026", 3, day(2026, 6, 15)},
        {"R2", 2, std::nullopt},
        {"2", 2, std::nullopt},
        {"Reminder 1, 02/06/2026", 1, day(2026, 6, 2)},
        {"second reminder", 2, std::nullopt},
        {"03/06/2026", 1, day(2026, 6, 3)},
        {"rappel", 1, std::nullopt},
    };
    for (const Row& row : rows)
    {
        const std::optional<ReminderMark> mark = parseReminderMark(row.text);
        ASSERT_TRUE(mark.has_value()) << row.text;
        EXPECT_EQ(mark->level, row.level) << row.text;
        EXPECT_EQ(mark->date, row.date) << row.text;
    }
    // US order: 06/12/2026 is June 12.
    EXPECT_EQ(parseReminderMark("R1 06/12/2026", DateOrder::MonthDayYear)->date, day(2026, 6, 12));
    // Neither a level nor a date: reported, never guessed.
    for (const char* text : {"à voir", "tél.", "x", "31/02/2026"})
        EXPECT_FALSE(parseReminderMark(text).has_value()) << text;
}

TEST(ReminderMark, ColumnFoundByItsHeaderOnlyExactly)
{
    for (const char* header : {"Relance", "Relancé le", "Dernière relance", "Niveau de relance",
                               "Reminder", "Last reminder", "RELANCES"})
        EXPECT_EQ(matchHeader(header), LedgerField::LastReminder) << header;
    // Relance's own computed columns and other words with "relance" are not the owner's note.
    EXPECT_NE(matchHeader("Tranche (Relance)"), LedgerField::LastReminder);
    EXPECT_EQ(matchHeader("Échéance (Relance)"), std::nullopt);
}

TEST(ReminderMark, ImportedWithTheInvoiceAndUnreadableOnesReported)
{
    const auto text = [](const char* value) { return SourceCell::of(std::string(value)); };
    const SourceGrid grid = {
        {text("N° fact."), text("Client"), text("Date"), text("Montant TTC"), text("Relance")},
        {text("F1"), text("Dupont"), SourceCell::of(46150.0), SourceCell::of(100.0),
         text("R2 le 12/06/2026")},
        {text("F2"), text("Martin"), SourceCell::of(46150.0), SourceCell::of(100.0),
         text("à voir")},
        {text("F3"), text("Durand"), SourceCell::of(46150.0), SourceCell::of(100.0),
         SourceCell::of(46170.0)},
        {text("F4"), text("Petit"), SourceCell::of(46150.0), SourceCell::of(100.0),
         SourceCell::of(3.0)},
        {text("F5"), text("Roux"), SourceCell::of(46150.0), SourceCell::of(100.0)},
    };
    const HeaderGuess header = detectHeader(grid);
    ASSERT_EQ(header.mapping.at(4), LedgerField::LastReminder);
    const ImportResult result = importInvoices(grid, header, ImportOptions{});
    ASSERT_EQ(result.invoices.size(), 5u);
    EXPECT_EQ(result.invoices[0].lastReminderLevel, 2);
    EXPECT_EQ(result.invoices[0].lastReminderDate, day(2026, 6, 12));
    EXPECT_EQ(result.invoices[1].lastReminderLevel, std::nullopt);
    EXPECT_EQ(result.invoices[2].lastReminderLevel, 1);
    EXPECT_EQ(result.invoices[2].lastReminderDate, toDayNumber({1899, 12, 30}) + 46170);
    EXPECT_EQ(result.invoices[3].lastReminderLevel, 3);
    EXPECT_EQ(result.invoices[3].lastReminderDate, std::nullopt);
    EXPECT_EQ(result.invoices[4].lastReminderLevel, std::nullopt);
    ASSERT_EQ(result.problems.size(), 1u);
    EXPECT_EQ(result.problems[0].kind, ImportProblem::Kind::UnreadableReminder);
    EXPECT_EQ(describe(result.problems[0], Language::French),
              "Ligne 3 : relance non reconnue « à voir », à écrire « R1 le 02/06/2026 », « R2 », "
              "« MED 15/06/2026 » (Dernière relance)");
    EXPECT_EQ(describe(result.problems[0], Language::English),
              "Row 3: unrecognised reminder note “à voir”, write it \"R1 02/06/2026\", \"R2\", "
              "\"MED 15/06/2026\" (Last reminder)");
}
