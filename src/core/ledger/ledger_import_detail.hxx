// Internal to the ledger import: what its pieces (ledger_fields, header_words, header_detection,
// import_cells, ledger_import, import_problems) share: a field's index, the words of headers,
// reading one cell of a row, quoting a value. Not a public interface.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ledger/ledger_import.hxx"

namespace relance::ledger_import_detail
{

constexpr std::size_t index(LedgerField field)
{
    return static_cast<std::size_t>(field);
}

// ---------------------------------------------------------------------------------------------
// Header words (header_words.cxx)

using HeaderWords = std::vector<std::string>;

// A header's folded words, compound words split into known words ("InvoiceAmount" ->
// "invoice", "amount"), filler words dropped and document words ("facture", "invoice") too
// unless alone.
HeaderWords normalizedHeaderWords(std::string_view text);

struct HeaderSynonym
{
    HeaderWords words; // normalized
    std::size_t characters = 0;
    LedgerField field;
};
const std::vector<HeaderSynonym>& headerSynonyms(); // in the table's order, ties to the first

// A word that, in a header beside a synonym, means the header names something else.
bool vetoesPartialMatch(std::string_view word, LedgerField field);
// "id", "code", "no"...: beside a customer synonym, the column identifies the customer.
bool isIdentifierWord(std::string_view word);

// ---------------------------------------------------------------------------------------------
// Cells (import_cells.cxx)

std::string_view trim(std::string_view text);

// A cell as the import reads it: empty (including blank text), a number, or trimmed text
// viewing the grid's own string.
struct Cell
{
    SourceCell::Kind kind = SourceCell::Kind::Empty;
    double number = 0;
    std::string_view text;

    bool empty() const { return kind == SourceCell::Kind::Empty; }
    bool isText() const { return kind == SourceCell::Kind::Text; }
};

Cell readCell(const std::vector<SourceCell>& row, std::optional<std::size_t> column);
std::string cellText(const Cell& cell);
bool startsWithSubtotalWord(std::string_view text);
std::optional<std::optional<DayNumber>> numericDateText(std::string_view text, DateOrder order);
std::optional<std::optional<Cents>> plainAmountText(std::string_view text);
std::string sirenFrom(const Cell& cell);
std::string duplicateKey(std::string_view number);

// ---------------------------------------------------------------------------------------------
// Messages (import_problems.cxx)

// « value » in French, “value” in English, cut to a few dozen characters.
std::string quotedValue(std::string_view value, Language language);

} // namespace relance::ledger_import_detail
