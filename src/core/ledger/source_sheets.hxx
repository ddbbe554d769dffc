// A workbook kept as a sheet per month or per year: the sheets converted together into one
// ledger, named the way the user finds a row in Calc ("Février — Ligne 12").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/ledger/ledger_import.hxx"

namespace relance
{

// The header row of another sheet of the same layout: the row, among its first maxRows, whose
// texts are those of the model's header row (case, accents and spacing aside). Its mapping is
// the model's.
std::optional<HeaderGuess> matchingHeader(const SourceGrid& model, const HeaderGuess& modelHeader,
                                          const SourceGrid& other, std::size_t maxRows = 30);

struct SourceSheet
{
    std::string name;
    std::size_t firstSheetRow = 1; // Calc row number of the sheet's grid's first row
};
using SourceSheets = std::vector<SourceSheet>;

// The Calc row number of a grid row of the given sheet.
std::size_t sheetRow(const SourceSheets& sheets, std::size_t sheet, std::size_t gridRow);

// The ledger's "source row" for an invoice: its row number when one sheet was converted,
// "Février, 12" when several were.
std::string sourceRowText(const SourceSheets& sheets, std::size_t sheet, std::size_t gridRow);

// The order of the numeric text dates over every sheet converted together (detectDateOrder
// per sheet, the counts added), and the sheets of its examples.
struct SheetsDateOrder
{
    DateOrderEvidence evidence;
    std::size_t exampleSheet = 0;
    std::size_t counterExampleSheet = 0;
};
SheetsDateOrder detectDateOrder(const std::vector<SheetSource>& sheets);
// describeDateOrder with the example's sheet named when several are converted.
std::string describeDateOrder(const SheetsDateOrder& order, Language language,
                              const SourceSheets& sheets);

// describe(problem) with the sheet named first when several sheets were converted.
std::string describe(const ImportProblem& problem, Language language, const SourceSheets& sheets);

} // namespace relance
