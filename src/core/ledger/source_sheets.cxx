// Sheets converted together: finding each one's header row from the model sheet's, and naming
// rows across them.
#include "core/ledger/source_sheets.hxx"

#include <algorithm>

#include "core/common/text_fold.hxx"

namespace relance
{

namespace
{

std::vector<std::string> foldedHeaderTexts(const std::vector<SourceCell>& row)
{
    std::vector<std::string> texts;
    texts.reserve(row.size());
    for (const SourceCell& cell : row)
        texts.push_back(cell.kind == SourceCell::Kind::Text ? foldText(cell.text) : std::string());
    while (!texts.empty() && texts.back().empty())
        texts.pop_back();
    return texts;
}

} // namespace

std::optional<HeaderGuess> matchingHeader(const SourceGrid& model, const HeaderGuess& modelHeader,
                                          const SourceGrid& other, std::size_t maxRows)
{
    if (modelHeader.headerRow >= model.size())
        return std::nullopt;
    const std::vector<std::string> wanted = foldedHeaderTexts(model[modelHeader.headerRow]);
    if (std::all_of(wanted.begin(), wanted.end(),
                    [](const std::string& text) { return text.empty(); }))
        return std::nullopt;
    const std::size_t rows = std::min(maxRows, other.size());
    for (std::size_t row = 0; row < rows; ++row)
        if (foldedHeaderTexts(other[row]) == wanted)
            return HeaderGuess{row, modelHeader.mapping};
    return std::nullopt;
}

std::size_t sheetRow(const SourceSheets& sheets, std::size_t sheet, std::size_t gridRow)
{
    return gridRow + (sheet < sheets.size() ? sheets[sheet].firstSheetRow : 1);
}

std::string sourceRowText(const SourceSheets& sheets, std::size_t sheet, std::size_t gridRow)
{
    const std::string row = std::to_string(sheetRow(sheets, sheet, gridRow));
    if (sheets.size() <= 1 || sheet >= sheets.size())
        return row;
    return sheets[sheet].name + ", " + row;
}

SheetsDateOrder detectDateOrder(const std::vector<SheetSource>& sheets)
{
    std::vector<DateOrderEvidence> each;
    for (const SheetSource& sheet : sheets)
        each.push_back(detectDateOrder(*sheet.grid, sheet.header));
    SheetsDateOrder total;
    DateOrderEvidence& sum = total.evidence;
    for (std::size_t sheet = 0; sheet < each.size(); ++sheet)
    {
        if (!sum.exampleRow && each[sheet].exampleRow)
        {
            sum.exampleRow = each[sheet].exampleRow;
            sum.example = each[sheet].example;
            total.exampleSheet = sheet;
        }
        sum.dayFirstOnly += each[sheet].dayFirstOnly;
        sum.monthFirstOnly += each[sheet].monthFirstOnly;
    }
    if (sum.dayFirstOnly > 0 && sum.monthFirstOnly > 0)
    {
        // The counter-example: on the example's sheet when that sheet contradicts itself,
        // else the first other sheet whose dates read the other way.
        const DateOrderEvidence& first = each[total.exampleSheet];
        if (first.counterExampleRow)
        {
            sum.counterExampleRow = first.counterExampleRow;
            sum.counterExample = first.counterExample;
            total.counterExampleSheet = total.exampleSheet;
        }
        else
            for (std::size_t sheet = 0; sheet < each.size(); ++sheet)
                if (each[sheet].exampleRow && each[sheet].order && first.order &&
                    *each[sheet].order != *first.order)
                {
                    sum.counterExampleRow = each[sheet].exampleRow;
                    sum.counterExample = each[sheet].example;
                    total.counterExampleSheet = sheet;
                    break;
                }
    }
    else if (sum.dayFirstOnly > 0)
        sum.order = DateOrder::DayMonthYear;
    else if (sum.monthFirstOnly > 0)
        sum.order = DateOrder::MonthDayYear;
    return total;
}

std::string describeDateOrder(const SheetsDateOrder& order, Language language,
                              const SourceSheets& sheets)
{
    const std::size_t sheet = order.exampleSheet;
    std::string text = describeDateOrder(order.evidence, language,
                                         sheet < sheets.size() ? sheets[sheet].firstSheetRow : 1);
    if (!text.empty() && sheets.size() > 1 && sheet < sheets.size())
        text = sheets[sheet].name + " \u2014 " + text;
    return text;
}

std::string describe(const ImportProblem& problem, Language language, const SourceSheets& sheets)
{
    const std::size_t first =
        problem.sourceSheet < sheets.size() ? sheets[problem.sourceSheet].firstSheetRow : 1;
    std::string text = describe(problem, language, first);
    if (sheets.size() > 1 && problem.sourceSheet < sheets.size())
        text = sheets[problem.sourceSheet].name + " \u2014 " + text;
    return text;
}

} // namespace relance
