// The reminders an owner notes in his own sheet, before Relance keeps the history: "R1 le
// 02/06/2026", "2e relance 05/06/2026", "relancé le 20/05/2026", "MED 15/06/2026", "R2", a date
// alone. Read into the ledger's last level and date, so that the first run escalates from them
// instead of starting every debtor at reminder 1.
#pragma once

#include <optional>
#include <string_view>

#include "core/calendar/civil_date.hxx"
#include "core/calendar/date_text.hxx"

namespace relance
{

struct ReminderMark
{
    int level = 1;                 // 1 reminder 1, 2 reminder 2, 3 formal notice
    std::optional<DayNumber> date; // when it was sent, if the text says
};

// Level words, case and accents ignored: "R1".."R3", "relance 2", "1re", "2e", "2ème",
// "deuxième", "second", "MED", "mise en demeure", "formal notice", "final"; a reminder word
// ("relance", "relancé", "rappel", "reminder", "reminded") or a date alone is reminder 1. The
// date is the first word or three words that read as one ("02/06/2026", "2 juin 2026").
// nullopt when the text names neither a level nor a date ("à voir", "tél."), so that the
// import reports it rather than guesses.
std::optional<ReminderMark> parseReminderMark(std::string_view text,
                                              DateOrder order = DateOrder::DayMonthYear);

} // namespace relance
