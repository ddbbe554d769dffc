// The order of day and month in a sheet's text dates, read from the dates themselves: a value
// such as "30/1/2012" can only be day first, "1/30/2012" only month first. Told to the user in
// French or English, with an example row, so that the dialog can propose the order or ask.
#include "core/ledger/ledger_import.hxx"

#include <array>
#include <string>

#include "core/ledger/ledger_import_detail.hxx"

namespace relance
{
using namespace ledger_import_detail;

namespace
{

enum class Reading
{
    None, // not a numeric date, or readable both ways, or neither way
    DayFirstOnly,
    MonthFirstOnly,
};

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isValidDate(long year, long month, long day)
{
    return month >= 1 && month <= 12 && day >= 1 && day <= 31 &&
           isValid(CivilDate{static_cast<int>(year), static_cast<unsigned>(month),
                             static_cast<unsigned>(day)});
}

// "a/b/yyyy", "a-b-yy", "a.b.yyyy" (one or two digits for a and b, one separator): the only
// order it can be read in, if a or b is above 12.
Reading readingOf(std::string_view text)
{
    text = trim(text);
    std::array<long, 3> numbers{};
    std::array<std::size_t, 3> digits{};
    char separator = 0;
    std::size_t at = 0;
    for (std::size_t part = 0; part < 3; ++part)
    {
        if (part > 0)
        {
            if (at >= text.size() || (text[at] != '/' && text[at] != '-' && text[at] != '.') ||
                (separator && text[at] != separator))
                return Reading::None;
            separator = text[at++];
        }
        for (; at < text.size() && isDigit(text[at]) && digits[part] < 5; ++at, ++digits[part])
            numbers[part] = numbers[part] * 10 + (text[at] - '0');
    }
    if (at != text.size() || digits[0] < 1 || digits[0] > 2 || digits[1] < 1 || digits[1] > 2 ||
        (digits[2] != 2 && digits[2] != 4))
        return Reading::None;
    const long year = digits[2] == 2 ? numbers[2] + (numbers[2] < 70 ? 2000 : 1900) : numbers[2];
    const bool dayFirst = isValidDate(year, numbers[1], numbers[0]);
    const bool monthFirst = isValidDate(year, numbers[0], numbers[1]);
    if (dayFirst && !monthFirst && numbers[0] > 12)
        return Reading::DayFirstOnly;
    if (monthFirst && !dayFirst && numbers[1] > 12)
        return Reading::MonthFirstOnly;
    return Reading::None;
}

std::string rowText(std::size_t gridRow, std::size_t firstSheetRow, Language language)
{
    return (language == Language::French ? "ligne " : "row ") +
           std::to_string(gridRow + firstSheetRow);
}

} // namespace

DateOrderEvidence detectDateOrder(const SourceGrid& grid, const HeaderGuess& header)
{
    std::vector<std::size_t> dateColumns;
    for (std::size_t column = 0; column < header.mapping.size(); ++column)
        if (const auto field = header.mapping[column]; field == LedgerField::InvoiceDate ||
                                                       field == LedgerField::DueDate ||
                                                       field == LedgerField::PaymentDate)
            dateColumns.push_back(column);

    DateOrderEvidence evidence;
    std::optional<Reading> exampleReading;
    for (std::size_t row = header.headerRow + 1; row < grid.size(); ++row)
        for (const std::size_t column : dateColumns)
        {
            const Cell cell = readCell(grid[row], column);
            if (!cell.isText())
                continue;
            const Reading reading = readingOf(cell.text);
            if (reading == Reading::None)
                continue;
            ++(reading == Reading::DayFirstOnly ? evidence.dayFirstOnly : evidence.monthFirstOnly);
            if (!exampleReading)
            {
                exampleReading = reading;
                evidence.exampleRow = row;
                evidence.example = std::string(cell.text);
            }
            else if (reading != *exampleReading && !evidence.counterExampleRow)
            {
                evidence.counterExampleRow = row;
                evidence.counterExample = std::string(cell.text);
            }
        }
    if (evidence.dayFirstOnly > 0 && evidence.monthFirstOnly == 0)
        evidence.order = DateOrder::DayMonthYear;
    else if (evidence.monthFirstOnly > 0 && evidence.dayFirstOnly == 0)
        evidence.order = DateOrder::MonthDayYear;
    return evidence;
}

std::string describeDateOrder(const DateOrderEvidence& evidence, Language language,
                              std::size_t firstSheetRow)
{
    const bool fr = language == Language::French;
    if (evidence.order && evidence.exampleRow)
    {
        const bool dayFirst = *evidence.order == DateOrder::DayMonthYear;
        const std::string format = fr ? (dayFirst ? "JJ/MM/AAAA" : "MM/JJ/AAAA")
                                      : (dayFirst ? "DD/MM/YYYY" : "MM/DD/YYYY");
        const std::string example = quotedValue(evidence.example, language);
        const std::string row = rowText(*evidence.exampleRow, firstSheetRow, language);
        return fr ? "Dates lues au format " + format + " d'après " + example + " (" + row + ")"
                  : "Dates read as " + format + " from " + example + " (" + row + ")";
    }
    if (evidence.dayFirstOnly == 0 || evidence.monthFirstOnly == 0 || !evidence.exampleRow ||
        !evidence.counterExampleRow)
        return {};

    // One example of each order, the day-first one first.
    const bool exampleIsDayFirst = readingOf(evidence.example) == Reading::DayFirstOnly;
    const auto example = [&](bool dayFirst)
    {
        const bool own = dayFirst == exampleIsDayFirst;
        return rowText(own ? *evidence.exampleRow : *evidence.counterExampleRow, firstSheetRow,
                       language) +
               " " + quotedValue(own ? evidence.example : evidence.counterExample, language);
    };
    const std::string dayFirst = std::to_string(evidence.dayFirstOnly);
    const std::string monthFirst = std::to_string(evidence.monthFirstOnly);
    if (fr)
        return "Dates contradictoires : " + dayFirst +
               (evidence.dayFirstOnly == 1 ? " ne se lit que" : " ne se lisent que") + " JJ/MM, " +
               monthFirst + " que MM/JJ (ex. " + example(true) + ", " + example(false) +
               ") : choisir l'ordre dans la liste";
    return "Contradictory dates: " + dayFirst + " read only as DD/MM, " + monthFirst +
           " only as MM/DD (e.g. " + example(true) + ", " + example(false) +
           "): choose the order from the list";
}

} // namespace relance
