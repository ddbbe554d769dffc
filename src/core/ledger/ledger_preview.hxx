// What the conversion dialog shows before anything is written: the consistency remarks with
// their fixes, the first rows as they will be read and the problems found. Pure text, so the
// dialog only displays it.
#pragma once

#include <string>

#include "core/ledger/ledger_import.hxx"
#include "core/ledger/source_sheets.hxx"

namespace relance
{

// "1 069,67 €" (French) or "€1,069.67" (English), formatted by ICU.
std::string formatMoney(Cents cents, Language language);
// "15/03/2024" (French) or "2024-03-15" (English: ISO, which no reader takes the wrong way
// round), formatted by ICU.
std::string formatDate(DayNumber day, Language language);
// "1er mars 2024", "15 mars 2024" (French) or "15 March 2024" (English): the month names are
// ICU's (CLDR), the French first of the month "1er" as letters write it.
std::string formatLongDate(DayNumber day, Language language);

std::string previewText(const ImportResult& result, std::size_t firstSheetRow, Language language,
                        std::size_t maxRows = 12, std::size_t maxProblems = 40);
// Rows named on their sheet when several sheets are converted together ("Février, 12").
std::string previewText(const ImportResult& result, const SourceSheets& sheets, Language language,
                        std::size_t maxRows = 12, std::size_t maxProblems = 40);

} // namespace relance
