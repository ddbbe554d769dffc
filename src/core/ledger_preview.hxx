// What the conversion dialog shows before anything is written: the first rows as they will be
// read and the problems found. Pure text, so the dialog only displays it.
#pragma once

#include <string>

#include "ledger_import.hxx"

namespace relance
{

// "1 069,67 €" (French) or "€1,069.67" (English), formatted by ICU.
std::string formatMoney(Cents cents, Language language);
// "15/03/2024" (French) or "15/03/2024" too: the ledger is French; ISO for English users.
std::string formatDate(DayNumber day, Language language);

std::string previewText(const ImportResult& result, std::size_t firstSheetRow, Language language,
                        std::size_t maxRows = 12, std::size_t maxProblems = 40);

} // namespace relance
