// What the tracked ledger looks like: sheets, columns, headers (FR/EN), formats and the
// formula templates that call the Relance functions. Pure data, no UNO type: the writer turns
// it into cells, and tests read the same table to check the result cell by cell.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "uno/functions/function_table.hxx"
#include "core/ledger/ledger_import.hxx"

namespace relance::addin
{

enum class LedgerSheet
{
    Invoices,
    Payments,
    Customers,
    Reminders,
    Dashboard,
    Settings,
};

LocalizedText sheetName(LedgerSheet sheet);

enum class CellFormat
{
    Text,
    Date,
    Money,
    Integer,
    Percent,
};

// Where a ledger column's content comes from.
enum class ColumnSource
{
    Imported, // a field read from the source sheet (values)
    Formula,  // a formula template ({r} = row number, 1-based)
    User,     // typed by the user in the ledger, kept across re-syncs
    // One array formula over a run of adjacent such columns and every row, its template on the
    // run's first column ({first} and {last} = the rows, 1-based): one call instead of one per
    // row and column.
    ArrayFormula,
};

struct LedgerColumn
{
    const char* key;
    LocalizedText header;
    ColumnSource source;
    std::optional<LedgerField> field; // for Imported
    const char* formula = nullptr;    // for Formula, in Calc's API grammar (English, ';')
    CellFormat format = CellFormat::Text;
    int widthMm = 25;
};

const std::vector<LedgerColumn>& invoiceColumns();
const std::vector<LedgerColumn>& paymentColumns();
const std::vector<LedgerColumn>& customerColumns();
const std::vector<LedgerColumn>& reminderColumns();

// Index of a column by key in one of the tables above (throws std::out_of_range).
std::size_t columnIndex(const std::vector<LedgerColumn>& columns, const char* key);
// "A", "B", ..., "AA"
std::string columnLetter(std::size_t index);

// Named ranges the formulas use. The as-of date drives the whole workbook.
inline constexpr const char* kAsOfName = "DateSituation";

// Formula text for a row: {r} is replaced by the row number and {promised} etc. by labels.
std::string formulaForRow(const LedgerColumn& column, std::size_t row, Language language);
// An ArrayFormula run's formula over rows first..last (1-based).
std::string arrayFormulaFor(const LedgerColumn& column, std::size_t first, std::size_t last);

} // namespace relance::addin
