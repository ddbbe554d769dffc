// matchHeader, detectHeader and importInvoices on a small grid decoded from the input.
//
// Input format (text, so that seeds are readable sheets): rows separated by '\n', cells by
// '\t'; an empty cell is Empty, "=<number>" is a Number cell (std::from_chars: "=45321",
// "=-1.5", "=nan", "=inf"), anything else a Text cell. At most 40 rows of 16 cells.
//
// Invariants:
//  - matchHeader ignores ASCII case and surrounding spaces; every field's French and English
//    label names that field; fieldKey and fieldFromKey are inverse;
//  - detectHeader agrees with a reference model built on matchHeader: it throws InputError
//    exactly when no row among the first maxRows names an amount (incl. VAT, excl. VAT or
//    balance) and an invoice date, due date or number; otherwise it picks the first row naming
//    the most distinct fields and maps those fields, each to a text cell that names it, with
//    two exceptions read from the data: a cell naming the paid amount, the payment date or the
//    notes may be the paid flag when at least 80 % of the filled cells below it (50 rows) are
//    yes/no answers (the field it named then possibly left unmapped), and only the paid amount
//    and the payment date may be on several columns (a numbered series, each naming the field);
//  - importInvoices never throws, with the detected header or any header row and mapping (as
//    the dialog may pass after the user edited it), for both date orders and readings;
//  - every row below the header gets at most one outcome (an invoice, or a blank, subtotal or
//    duplicate problem), the rows with one come first, and trailing rows have none; invoices and
//    problems point at rows below the header, in order;
//  - imported invoice numbers are non-empty and unique (ignoring case): a duplicate row is
//    skipped and a missing number is made up from the row;
//  - typed dates and amounts are read exactly as parseDateText / parseAmountText read the
//    trimmed cell text, and number cells as Calc serials / euros; dates are in 1900..9999 and
//    amounts within +-kMaxCents; with two paid amount columns or more, the payment date is the
//    latest of the payment date columns' and the paid amount the sum of the payments listed;
//  - yes/no cells are read as parseYesNo reads them, and a disputed invoice's notes say
//    « litige »;
//  - detectDateOrder never throws, and sets an order only with evidence for it alone;
//  - every problem has a non-empty description in French and English, valid UTF-8 when the grid
//    is.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <vector>

#include <unicode/unistr.h>

#include "fuzz_support.hxx"
#include "core/common/input_error.hxx"
#include "core/common/text_fold.hxx"
#include "core/ledger/ledger_import.hxx"

namespace relance::fuzz
{
namespace
{

constexpr std::size_t kMaxGridRows = 40;
constexpr std::size_t kMaxGridColumns = 16;

SourceGrid decodeGrid(std::string_view text)
{
    SourceGrid grid;
    std::size_t start = 0;
    while (start <= text.size() && grid.size() < kMaxGridRows)
    {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view line = text.substr(start, end - start);
        std::vector<SourceCell>& row = grid.emplace_back();
        std::size_t cellStart = 0;
        while (cellStart <= line.size() && row.size() < kMaxGridColumns)
        {
            std::size_t cellEnd = line.find('\t', cellStart);
            if (cellEnd == std::string_view::npos)
                cellEnd = line.size();
            const std::string_view cell = line.substr(cellStart, cellEnd - cellStart);
            double number = 0;
            if (cell.empty())
                row.push_back(SourceCell::empty());
            else if (cell.front() == '=' &&
                     std::from_chars(cell.data() + 1, cell.data() + cell.size(), number).ec ==
                         std::errc())
                row.push_back(SourceCell::of(number));
            else
                row.push_back(SourceCell::of(std::string(cell)));
            cellStart = cellEnd + 1;
        }
        start = end + 1;
    }
    return grid;
}

// The import's own trimming: ASCII white space, NBSP, narrow NBSP, thin, zero-width, figure and
// ideographic spaces.
std::size_t spaceAt(std::string_view text)
{
    if (!text.empty() && (text[0] == ' ' || (text[0] >= '\t' && text[0] <= '\r')))
        return 1;
    for (std::string_view space : {"\u00a0", "\u202f", "\u2009", "\u200b", "\u2007", "\u3000"})
        if (text.starts_with(space))
            return space.size();
    return 0;
}

std::string_view trimmed(std::string_view text)
{
    while (const std::size_t length = spaceAt(text))
        text.remove_prefix(length);
    for (bool again = true; again;)
    {
        again = false;
        for (std::size_t length = 1; length <= 3 && length <= text.size(); ++length)
            if (spaceAt(text.substr(text.size() - length)) == length)
            {
                text.remove_suffix(length);
                again = true;
                break;
            }
    }
    return text;
}

bool isValidUtf8(std::string_view text)
{
    const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    std::string back;
    unicode.toUTF8String(back);
    return back == text;
}

std::string foldedKey(std::string_view number)
{
    std::string key;
    icu::UnicodeString::fromUTF8(
        icu::StringPiece(number.data(), static_cast<int32_t>(number.size())))
        .foldCase()
        .toUTF8String(key);
    return key;
}

bool namesAmount(const std::set<LedgerField>& fields)
{
    return fields.contains(LedgerField::AmountInclVat) ||
           fields.contains(LedgerField::AmountExclVat) || fields.contains(LedgerField::Balance);
}

bool namesDateOrNumber(const std::set<LedgerField>& fields)
{
    return fields.contains(LedgerField::InvoiceDate) || fields.contains(LedgerField::DueDate) ||
           fields.contains(LedgerField::InvoiceNumber);
}

bool isSeriesField(LedgerField field)
{
    return field == LedgerField::PaidAmount || field == LedgerField::PaymentDate;
}

// The fields a header naming them may give up to the paid flag.
bool mayBecomePaidFlag(LedgerField field)
{
    return field == LedgerField::PaidAmount || field == LedgerField::PaymentDate ||
           field == LedgerField::Notes;
}

// The reference model of a yes/no column: at least 80 % of the filled cells below the header
// (50 rows) are yes/no answers.
bool mostlyYesNo(const SourceGrid& grid, std::size_t headerRow, std::size_t column)
{
    std::size_t filled = 0;
    std::size_t answers = 0;
    for (std::size_t row = headerRow + 1; row < grid.size() && row <= headerRow + 50; ++row)
    {
        if (column >= grid[row].size())
            continue;
        const SourceCell& cell = grid[row][column];
        std::string text;
        if (cell.kind == SourceCell::Kind::Text)
            text = std::string(trimmed(cell.text));
        else if (cell.kind == SourceCell::Kind::Number)
            text = cell.number == 0 ? "0" : cell.number == 1 ? "1" : "2";
        if (text.empty())
            continue;
        ++filled;
        answers += parseYesNo(text).has_value();
    }
    return filled > 0 && answers * 5 >= filled * 4;
}

void checkFieldNames()
{
    static const bool checked = []
    {
        for (std::size_t i = 0; i < kLedgerFieldCount; ++i)
        {
            const auto field = static_cast<LedgerField>(i);
            FUZZ_CHECK(fieldFromKey(fieldKey(field)) == field, "field ", i);
            for (Language language : {Language::French, Language::English})
                FUZZ_CHECK(matchHeader(fieldLabel(field, language)) == field, "label \"",
                           fieldLabel(field, language), "\" of field ", i);
        }
        return true;
    }();
    (void)checked;
}

void checkMatchHeader(std::string_view text)
{
    const std::optional<LedgerField> field = matchHeader(text);
    const auto show = [](std::optional<LedgerField> f)
    { return f ? std::string(fieldKey(*f)) : std::string("none"); };
    const std::optional<LedgerField> upper = matchHeader(upperAscii(text));
    FUZZ_CHECK(upper == field, "header \"", escaped(text), "\" names ", show(field),
               " but upper case names ", show(upper));
    if (text.size() + 2 <= 100)
    {
        const std::optional<LedgerField> padded = matchHeader(concat(" ", text, " "));
        FUZZ_CHECK(padded == field, "header \"", escaped(text), "\" names ", show(field),
                   " but with spaces around names ", show(padded));
    }
}

std::optional<HeaderGuess> checkDetectHeader(const SourceGrid& grid, std::size_t maxRows)
{
    // The reference model: the distinct fields each row names.
    std::optional<std::size_t> expectedRow;
    std::size_t expectedCount = 0;
    std::vector<std::set<LedgerField>> named;
    for (std::size_t row = 0; row < std::min(maxRows, grid.size()); ++row)
    {
        std::set<LedgerField>& fields = named.emplace_back();
        for (const SourceCell& cell : grid[row])
            if (cell.kind == SourceCell::Kind::Text)
                if (const auto field = matchHeader(cell.text))
                    fields.insert(*field);
        if (namesAmount(fields) && namesDateOrNumber(fields) && fields.size() > expectedCount)
        {
            expectedRow = row;
            expectedCount = fields.size();
        }
    }

    HeaderGuess guess;
    try
    {
        guess = detectHeader(grid, maxRows);
    }
    catch (const InputError& error)
    {
        FUZZ_CHECK(!expectedRow, "detectHeader(maxRows ", maxRows, ") throws \"", error.what(),
                   "\" but row ", expectedRow.value_or(0), " names ", expectedCount,
                   " fields including an amount and a date or number");
        return std::nullopt;
    }
    FUZZ_CHECK(expectedRow, "detectHeader(maxRows ", maxRows, ") picks row ", guess.headerRow,
               " although no row names an amount and a date or number");
    FUZZ_CHECK(guess.headerRow == *expectedRow, "detectHeader(maxRows ", maxRows, ") picks row ",
               guess.headerRow, ", expected row ", *expectedRow, " (", expectedCount, " fields)");
    const std::vector<SourceCell>& header = grid[guess.headerRow];
    FUZZ_CHECK(guess.mapping.size() == header.size(), guess.mapping.size(), " mapped columns for ",
               header.size(), " cells");
    std::set<LedgerField> mapped;
    for (std::size_t column = 0; column < guess.mapping.size(); ++column)
    {
        const std::optional<LedgerField> field = guess.mapping[column];
        if (!field)
            continue;
        FUZZ_CHECK(mapped.insert(*field).second || isSeriesField(*field), "field ",
                   fieldKey(*field), " mapped to two columns");
        FUZZ_CHECK(header[column].kind == SourceCell::Kind::Text, "column ", column, " mapped to ",
                   fieldKey(*field), " is no text");
        const std::optional<LedgerField> namedField = matchHeader(header[column].text);
        if (field == LedgerField::PaidFlag && namedField != field)
            FUZZ_CHECK(namedField && mayBecomePaidFlag(*namedField) &&
                           mostlyYesNo(grid, guess.headerRow, column),
                       "column ", column, " mapped to paid_flag names ",
                       namedField ? fieldKey(*namedField) : "nothing",
                       " without holding yes/no answers");
        else
            FUZZ_CHECK(namedField == field, "column ", column, " mapped to ", fieldKey(*field),
                       " does not name it");
    }
    for (LedgerField field : named[guess.headerRow])
        FUZZ_CHECK(mapped.contains(field) || mayBecomePaidFlag(field), "header row ",
                   guess.headerRow, " names ", fieldKey(field), " but does not map it");
    for (LedgerField field : mapped)
        FUZZ_CHECK(named[guess.headerRow].contains(field) || field == LedgerField::PaidFlag,
                   "header row ", guess.headerRow, " maps ", fieldKey(field),
                   " but does not name it");
    return guess;
}

const SourceCell* mappedCell(const SourceGrid& grid, const HeaderGuess& header, std::size_t row,
                             LedgerField field)
{
    for (std::size_t column = 0; column < header.mapping.size(); ++column)
        if (header.mapping[column] == field)
            return column < grid[row].size() ? &grid[row][column] : nullptr;
    return nullptr;
}

std::optional<DayNumber> expectedDate(const SourceCell& cell, const ImportOptions& options)
{
    if (cell.kind == SourceCell::Kind::Number)
    {
        if (cell.number == 0 || !std::isfinite(cell.number) || std::fabs(cell.number) >= 1e7)
            return std::nullopt;
        const DayNumber day = options.nullDate + static_cast<DayNumber>(std::floor(cell.number));
        return isInSupportedRange(day) ? std::optional<DayNumber>(day) : std::nullopt;
    }
    return parseDateText(trimmed(cell.text), options.dateOrder);
}

std::optional<Cents> expectedAmount(const SourceCell& cell)
{
    if (cell.kind == SourceCell::Kind::Number)
    {
        try
        {
            return centsFromEuros(cell.number);
        }
        catch (const InputError&)
        {
            return std::nullopt;
        }
    }
    return parseAmountText(trimmed(cell.text));
}

bool isBlankCell(const SourceCell* cell)
{
    return !cell || cell->kind == SourceCell::Kind::Empty ||
           (cell->kind == SourceCell::Kind::Text && trimmed(cell->text).empty());
}

std::vector<const SourceCell*> mappedCells(const SourceGrid& grid, const HeaderGuess& header,
                                           std::size_t row, LedgerField field)
{
    std::vector<const SourceCell*> cells;
    for (std::size_t column = 0; column < header.mapping.size(); ++column)
        if (header.mapping[column] == field)
            cells.push_back(column < grid[row].size() ? &grid[row][column] : nullptr);
    return cells;
}

std::string cellShown(const SourceCell& cell)
{
    return cell.kind == SourceCell::Kind::Text ? escaped(cell.text) : concat("=", cell.number);
}

// What parseYesNo reads from a cell, number cells written as the import writes them.
std::optional<bool> expectedFlag(const SourceCell& cell)
{
    if (cell.kind == SourceCell::Kind::Text)
        return parseYesNo(trimmed(cell.text));
    if (cell.number == 0 || cell.number == 1)
        return cell.number == 1;
    return std::nullopt;
}

void checkDateOrder(const SourceGrid& grid, const HeaderGuess& header)
{
    DateOrderEvidence evidence;
    try
    {
        evidence = detectDateOrder(grid, header);
    }
    catch (const std::exception& error)
    {
        FUZZ_CHECK(false, "detectDateOrder threw: ", error.what());
    }
    const std::size_t decisive = evidence.dayFirstOnly + evidence.monthFirstOnly;
    const bool decided = (evidence.dayFirstOnly > 0) != (evidence.monthFirstOnly > 0);
    FUZZ_CHECK(evidence.order.has_value() == decided, "date order ",
               evidence.order ? "set" : "unset", " with ", evidence.dayFirstOnly, " day-first and ",
               evidence.monthFirstOnly, " month-first values");
    FUZZ_CHECK(evidence.exampleRow.has_value() == (decisive > 0), "date order example ",
               evidence.exampleRow ? "given" : "missing", " for ", decisive, " decisive values");
    for (Language language : {Language::French, Language::English})
        FUZZ_CHECK(describeDateOrder(evidence, language, 1).empty() == (decisive == 0),
                   "date order description for ", decisive, " decisive values: \"",
                   escaped(describeDateOrder(evidence, language, 1)), "\"");
}

void checkImport(const SourceGrid& grid, const HeaderGuess& header, const ImportOptions& options,
                 bool gridIsUtf8)
{
    ImportResult result;
    try
    {
        result = importInvoices(grid, header, options);
    }
    catch (const std::exception& error)
    {
        FUZZ_CHECK(false, "importInvoices threw: ", error.what(), " (header row ", header.headerRow,
                   ")");
    }
    const auto where = [&](std::size_t row)
    { return concat("row ", row, " (header row ", header.headerRow, ", ", grid.size(), " rows)"); };

    // One outcome per row, rows with an outcome first.
    std::vector<int> outcomes(grid.size(), 0);
    std::size_t previousRow = header.headerRow;
    std::set<std::string> numbers;
    for (const ImportedInvoice& invoice : result.invoices)
    {
        const std::size_t row = invoice.sourceRow;
        FUZZ_CHECK(row > header.headerRow && row < grid.size(), "invoice at ", where(row));
        FUZZ_CHECK(row > previousRow || previousRow == header.headerRow,
                   "invoices out of order at ", where(row));
        previousRow = row;
        ++outcomes[row];
        FUZZ_CHECK(!invoice.number.empty(), "empty invoice number at ", where(row));
        FUZZ_CHECK_ID("unique-invoice-numbers", numbers.insert(foldedKey(invoice.number)).second,
                      "invoice number \"", escaped(invoice.number), "\" imported twice, again at ",
                      where(row));

        for (auto day : {invoice.invoiceDate, invoice.paymentDate})
            FUZZ_CHECK(!day || isInSupportedRange(*day), "date ", showDate(*day), " at ",
                       where(row));
        for (auto cents :
             {invoice.amountInclVat, invoice.amountExclVat, invoice.balance, invoice.paidAmount})
            FUZZ_CHECK(!cents || (*cents >= -2 * kMaxCents && *cents <= 2 * kMaxCents), *cents,
                       " cents at ", where(row));

        const bool paymentSeries =
            mappedCells(grid, header, row, LedgerField::PaidAmount).size() >= 2;
        for (LedgerField field : {LedgerField::InvoiceDate, LedgerField::PaymentDate})
        {
            if (field == LedgerField::PaymentDate && paymentSeries)
                continue;
            const SourceCell* cell = mappedCell(grid, header, row, field);
            if (isBlankCell(cell))
                continue;
            const std::optional<DayNumber> expected = expectedDate(*cell, options);
            const std::optional<DayNumber> got =
                field == LedgerField::InvoiceDate ? invoice.invoiceDate : invoice.paymentDate;
            FUZZ_CHECK_ID(
                "import-dates-like-parseDateText", got == expected, fieldKey(field), " \"",
                cell->kind == SourceCell::Kind::Text ? escaped(cell->text)
                                                     : concat("=", cell->number),
                "\" read as ", got ? showDate(*got) : "nothing", ", parseDateText gives ",
                expected ? showDate(*expected) : "nothing", " (order ",
                options.dateOrder == DateOrder::DayMonthYear ? "DMY" : "MDY", ") at ", where(row));
        }
        for (LedgerField field :
             {LedgerField::AmountInclVat, LedgerField::AmountExclVat, LedgerField::Balance})
        {
            const SourceCell* cell = mappedCell(grid, header, row, field);
            if (isBlankCell(cell))
                continue;
            const std::optional<Cents> expected = expectedAmount(*cell);
            const std::optional<Cents> got =
                field == LedgerField::AmountInclVat   ? invoice.amountInclVat
                : field == LedgerField::AmountExclVat ? invoice.amountExclVat
                                                      : invoice.balance;
            FUZZ_CHECK_ID(
                "import-amounts-like-parseAmountText", got == expected, fieldKey(field), " \"",
                cell->kind == SourceCell::Kind::Text ? escaped(cell->text)
                                                     : concat("=", cell->number),
                "\" read as ", got ? std::to_string(*got) : "nothing", ", parseAmountText gives ",
                expected ? std::to_string(*expected) : "nothing", " at ", where(row));
        }

        if (paymentSeries)
        {
            std::optional<DayNumber> latest;
            for (const SourceCell* cell : mappedCells(grid, header, row, LedgerField::PaymentDate))
                if (!isBlankCell(cell))
                    if (const auto day = expectedDate(*cell, options);
                        day && (!latest || *latest < *day))
                        latest = day;
            FUZZ_CHECK(invoice.paymentDate == latest, "payment date of a series ",
                       invoice.paymentDate ? showDate(*invoice.paymentDate) : "nothing",
                       ", latest typed ", latest ? showDate(*latest) : "nothing", " at ",
                       where(row));
            Cents total = 0;
            for (const SourcePayment& payment : invoice.payments)
                total += payment.amount;
            FUZZ_CHECK(invoice.payments.empty() || invoice.paidAmount == total,
                       "paid amount is not the sum of the payments at ", where(row));
        }
        else
            FUZZ_CHECK(invoice.payments.empty(), "payments listed without a series at ",
                       where(row));

        for (LedgerField field : {LedgerField::Disputed, LedgerField::PaidFlag})
        {
            const SourceCell* cell = mappedCell(grid, header, row, field);
            const std::optional<bool> expected =
                isBlankCell(cell) ? std::nullopt : expectedFlag(*cell);
            const std::optional<bool> got =
                field == LedgerField::Disputed ? invoice.disputed : invoice.paidFlag;
            FUZZ_CHECK(got == expected, fieldKey(field), " \"",
                       cell ? cellShown(*cell) : std::string(), "\" read as ",
                       got ? (*got ? "yes" : "no") : "nothing", " at ", where(row));
        }
        if (invoice.disputed == true)
        {
            const std::vector<std::string> words = foldedWords(invoice.notes);
            FUZZ_CHECK(std::find(words.begin(), words.end(), "litige") != words.end(),
                       "disputed invoice without « litige » in its notes \"",
                       escaped(invoice.notes), "\" at ", where(row));
        }
    }

    std::size_t previousProblemRow = header.headerRow + 1;
    for (const ImportProblem& problem : result.problems)
    {
        FUZZ_CHECK(problem.sourceRow > header.headerRow && problem.sourceRow < grid.size() &&
                       problem.sourceRow >= previousProblemRow,
                   "problem at ", where(problem.sourceRow));
        previousProblemRow = problem.sourceRow;
        using Kind = ImportProblem::Kind;
        if (problem.kind == Kind::BlankRow || problem.kind == Kind::SubtotalRow ||
            problem.kind == Kind::DuplicateNumber)
            ++outcomes[problem.sourceRow];
        for (Language language : {Language::French, Language::English})
        {
            const std::string text = describe(problem, language, 1);
            FUZZ_CHECK(!text.empty(), "empty description at ", where(problem.sourceRow));
            FUZZ_CHECK(!gridIsUtf8 || isValidUtf8(text), "description \"", escaped(text),
                       "\" is not valid UTF-8");
        }
    }

    bool ended = false;
    for (std::size_t row = header.headerRow + 1; row < grid.size(); ++row)
    {
        FUZZ_CHECK(outcomes[row] <= 1, outcomes[row], " outcomes for ", where(row));
        if (outcomes[row] == 0)
            ended = true;
        else
            FUZZ_CHECK(!ended, "row ", row, " has an outcome after a row without one (", where(row),
                       ")");
    }
}

} // namespace

int fuzzLedgerImport(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text = asText(data, size);
    const CurrentInput current(text);
    checkFieldNames();
    const SourceGrid grid = decodeGrid(text);

    bool gridIsUtf8 = true;
    for (const auto& row : grid)
        for (const SourceCell& cell : row)
            if (cell.kind == SourceCell::Kind::Text)
            {
                gridIsUtf8 = gridIsUtf8 && isValidUtf8(cell.text);
                if (&row == &grid.front() ||
                    &row == &grid[std::min<std::size_t>(1, grid.size() - 1)])
                    checkMatchHeader(cell.text);
            }

    ImportOptions dayFirst;
    ImportOptions monthFirst;
    monthFirst.dateOrder = DateOrder::MonthDayYear;
    monthFirst.reading = EndOfMonthReading::EndOfMonthThenDays;
    monthFirst.defaultTerms = PaymentTerms{30, true, {}, {}};

    for (std::size_t maxRows : {std::size_t{30}, std::size_t{2}})
        if (const std::optional<HeaderGuess> guess = checkDetectHeader(grid, maxRows))
        {
            checkImport(grid, *guess, dayFirst, gridIsUtf8);
            if (maxRows == 30)
            {
                checkImport(grid, *guess, monthFirst, gridIsUtf8);
                checkDateOrder(grid, *guess);
            }
        }

    // A header as the dialog may pass it after the user edited the mapping: any row, any fields,
    // a field on several columns, more or fewer columns than the row.
    std::uint32_t hash = 2166136261u;
    for (unsigned char c : text)
        hash = (hash ^ c) * 16777619u;
    HeaderGuess edited;
    edited.headerRow = grid.empty() ? 0 : hash % (grid.size() + 1);
    edited.mapping.resize((hash >> 8) % 20);
    for (std::size_t column = 0; column < edited.mapping.size(); ++column)
    {
        const std::size_t choice = (hash >> ((column * 5) % 27)) % (kLedgerFieldCount + 1);
        if (choice < kLedgerFieldCount)
            edited.mapping[column] = static_cast<LedgerField>(choice);
    }
    checkImport(grid, edited, dayFirst, gridIsUtf8);
    checkDateOrder(grid, edited);
    return 0;
}

} // namespace relance::fuzz
