// Header detection: which column of the sheet holds which field, from header texts matched
// against French and English synonyms (header_words.cxx), then the data below the header for
// what headers alone cannot tell (a yes/no paid flag, a numbered series of payments).
#include "core/ledger/ledger_import.hxx"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/common/input_error.hxx"
#include "core/common/text_fold.hxx"
#include "core/ledger/ledger_import_detail.hxx"

namespace relance
{
using namespace ledger_import_detail;

namespace
{

using Field = LedgerField;

// ---------------------------------------------------------------------------------------------
// Header matching

std::string joinWords(const HeaderWords& words)
{
    std::string joined;
    for (const std::string& word : words)
    {
        if (!joined.empty())
            joined.push_back(' ');
        joined += word;
    }
    return joined;
}

// Joined normalized words -> index into headerSynonyms(), the first synonym of those words.
const std::unordered_map<std::string, std::size_t>& exactSynonyms()
{
    static const std::unordered_map<std::string, std::size_t> exact = []
    {
        std::unordered_map<std::string, std::size_t> result;
        const std::vector<HeaderSynonym>& synonyms = headerSynonyms();
        for (std::size_t i = 0; i < synonyms.size(); ++i)
        {
            const auto [found, inserted] = result.emplace(joinWords(synonyms[i].words), i);
            if (!inserted && synonyms[found->second].field != synonyms[i].field)
                throw std::logic_error("two fields for the header \"" + found->first + "\"");
        }
        return result;
    }();
    return exact;
}

// Headers longer than this are titles or sentences, not column names: exact matches only.
constexpr std::size_t kMaxPartialHeaderWords = 6;
constexpr std::size_t kMaxHeaderBytes = 120;

struct HeaderMatch
{
    Field field;
    int score; // higher is better: exact over partial, then longer synonyms
    // "Customer ID", "Code client": the customer, by a column that ranks after a name's.
    bool identifier = false;
};

bool outranks(const HeaderMatch& candidate, const HeaderMatch& holder)
{
    if (candidate.identifier != holder.identifier)
        return !candidate.identifier;
    return candidate.score > holder.score;
}

std::optional<HeaderMatch> bestSynonym(const HeaderWords& words)
{
    if (const auto found = exactSynonyms().find(joinWords(words)); found != exactSynonyms().end())
    {
        const HeaderSynonym& synonym = headerSynonyms()[found->second];
        return HeaderMatch{synonym.field, 100000 + static_cast<int>(synonym.characters)};
    }
    if (words.size() > kMaxPartialHeaderWords)
        return std::nullopt;

    std::optional<HeaderMatch> best;
    for (const HeaderSynonym& synonym : headerSynonyms())
    {
        const std::size_t length = synonym.words.size();
        if (length == 0 || length > words.size() || synonym.field == Field::LastReminder)
            continue;
        for (std::size_t start = 0; start + length <= words.size(); ++start)
        {
            if (!std::equal(synonym.words.begin(), synonym.words.end(), words.begin() + start))
                continue;
            bool vetoed = false;
            for (std::size_t i = 0; i < words.size(); ++i)
                if ((i < start || i >= start + length) &&
                    vetoesPartialMatch(words[i], synonym.field))
                    vetoed = true;
            if (vetoed)
                break;
            const int score = static_cast<int>(1000 * length + synonym.characters);
            if (!best || score > best->score)
                best = HeaderMatch{synonym.field, score};
            break;
        }
    }
    return best;
}

std::optional<HeaderMatch> scoreHeader(std::string_view text)
{
    if (text.size() > kMaxHeaderBytes)
        return std::nullopt;
    const HeaderWords words = normalizedHeaderWords(text);
    if (words.empty())
        return std::nullopt;
    std::optional<HeaderMatch> match = bestSynonym(words);
    if (match && match->field == Field::Customer)
        match->identifier =
            std::any_of(words.begin(), words.end(),
                        [](const std::string& word) { return isIdentifierWord(word); });
    return match;
}

// ---------------------------------------------------------------------------------------------
// Header row

using RowMatches = std::vector<std::optional<HeaderMatch>>;

RowMatches matchRow(const std::vector<SourceCell>& row)
{
    RowMatches matches(row.size());
    for (std::size_t column = 0; column < row.size(); ++column)
        if (row[column].kind == SourceCell::Kind::Text)
            matches[column] = scoreHeader(row[column].text);
    return matches;
}

// Each field named in the row to the column naming it best, ties to the first.
std::vector<std::optional<Field>> bestColumns(const RowMatches& matches)
{
    std::array<std::optional<std::size_t>, kLedgerFieldCount> bestColumn{};
    for (std::size_t column = 0; column < matches.size(); ++column)
    {
        if (!matches[column])
            continue;
        auto& holder = bestColumn[index(matches[column]->field)];
        if (!holder || outranks(*matches[column], *matches[*holder]))
            holder = column;
    }
    std::vector<std::optional<Field>> mapping(matches.size());
    for (std::size_t field = 0; field < kLedgerFieldCount; ++field)
        if (const auto column = bestColumn[field])
            mapping[*column] = static_cast<Field>(field);
    return mapping;
}

// ---------------------------------------------------------------------------------------------
// Readings of the data below the header

constexpr std::size_t kYesNoSampleRows = 50;

// "Payé ?" over "Oui"/"Non", "Settled" over "Y"/"N": at least 80 % of the filled cells below
// the header are yes/no answers. A paid amount column of zeros (nothing paid yet) is no flag.
bool holdsYesNoAnswers(const SourceGrid& grid, std::size_t headerRow, std::size_t column)
{
    std::size_t filled = 0;
    std::size_t answers = 0;
    bool onlyZeros = true;
    const std::size_t end = std::min(grid.size(), headerRow + 1 + kYesNoSampleRows);
    for (std::size_t row = headerRow + 1; row < end; ++row)
    {
        const Cell cell = readCell(grid[row], column);
        if (cell.empty())
            continue;
        ++filled;
        const std::string text = cellText(cell);
        if (!parseYesNo(text))
            continue;
        ++answers;
        onlyZeros = onlyZeros && text == "0";
    }
    return filled > 0 && answers * 5 >= filled * 4 && !onlyZeros;
}

// "Règlement 2" is the series "reglement" when "Règlement" alone names the field.
std::optional<std::string> seriesName(const SourceCell& header, Field field)
{
    if (header.kind != SourceCell::Kind::Text || header.text.size() > kMaxHeaderBytes)
        return std::nullopt;
    HeaderWords words = normalizedHeaderWords(header.text);
    if (words.size() < 2 || !std::all_of(words.back().begin(), words.back().end(),
                                         [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    words.pop_back();
    std::string name = joinWords(words);
    const auto found = exactSynonyms().find(name);
    if (found == exactSynonyms().end() || headerSynonyms()[found->second].field != field)
        return std::nullopt;
    return name;
}

// The other columns of the numbered series holding the field's column get the field too.
void mapNumberedSeries(const std::vector<SourceCell>& header, const RowMatches& matches,
                       std::vector<std::optional<Field>>& mapping, Field field)
{
    const auto mapped = std::find(mapping.begin(), mapping.end(), field);
    if (mapped == mapping.end())
        return;
    const auto series = seriesName(header[mapped - mapping.begin()], field);
    if (!series)
        return;
    for (std::size_t column = 0; column < mapping.size(); ++column)
        if (!mapping[column] && matches[column] && matches[column]->field == field &&
            seriesName(header[column], field) == series)
            mapping[column] = field;
}

} // namespace

std::optional<LedgerField> matchHeader(std::string_view headerText)
{
    if (const auto match = scoreHeader(headerText))
        return match->field;
    return std::nullopt;
}

HeaderGuess detectHeader(const SourceGrid& grid, std::size_t maxRows)
{
    std::optional<std::size_t> bestRow;
    std::size_t bestCount = 0;
    const std::size_t rows = std::min(maxRows, grid.size());
    for (std::size_t rowIndex = 0; rowIndex < rows; ++rowIndex)
    {
        const std::vector<std::optional<Field>> mapping = bestColumns(matchRow(grid[rowIndex]));
        auto names = [&](Field field)
        { return std::find(mapping.begin(), mapping.end(), field) != mapping.end(); };
        const auto count = static_cast<std::size_t>(std::count_if(
            mapping.begin(), mapping.end(), [](const auto& field) { return field.has_value(); }));
        const bool namesAmount =
            names(Field::AmountInclVat) || names(Field::AmountExclVat) || names(Field::Balance);
        const bool namesDateOrNumber =
            names(Field::InvoiceDate) || names(Field::DueDate) || names(Field::InvoiceNumber);
        if (namesAmount && namesDateOrNumber && count > bestCount)
        {
            bestCount = count;
            bestRow = rowIndex;
        }
    }
    if (!bestRow)
        throw InputError(
            "no header row naming an amount and an invoice date or number in the first " +
                std::to_string(rows) +
                " rows: choose the header row and each field's column in the conversion dialog, "
                "or give HeaderRow and Mapping to the command",
            "aucune ligne d'en-tête nommant un montant et une date ou un numéro de facture dans "
            "les " +
                std::to_string(rows) +
                " premières lignes : indiquez la ligne d'en-tête et la colonne de chaque champ "
                "dans la boîte de conversion, ou donnez HeaderRow et Mapping à la commande");

    const std::vector<SourceCell>& header = grid[*bestRow];
    RowMatches matches = matchRow(header);
    for (std::size_t column = 0; column < matches.size(); ++column)
        if (auto& match = matches[column];
            match &&
            (match->field == Field::PaidAmount || match->field == Field::PaymentDate ||
             match->field == Field::Notes) &&
            holdsYesNoAnswers(grid, *bestRow, column))
            match->field = Field::PaidFlag;
    HeaderGuess guess{*bestRow, bestColumns(matches)};
    mapNumberedSeries(header, matches, guess.mapping, Field::PaidAmount);
    mapNumberedSeries(header, matches, guess.mapping, Field::PaymentDate);
    return guess;
}

} // namespace relance
