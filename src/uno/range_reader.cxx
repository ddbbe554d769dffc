#include "range_reader.hxx"

#include <unordered_map>

#include "date_text.hxx"
#include "input_error.hxx"
#include "money.hxx"
#include "text_fold.hxx"

using namespace css;

namespace relance::addin
{

std::vector<uno::Any> cellsOf(const uno::Any& value)
{
    uno::Sequence<uno::Sequence<uno::Any>> rows;
    if (!(value >>= rows))
        return value.hasValue() ? std::vector<uno::Any>{value} : std::vector<uno::Any>{};
    std::vector<uno::Any> cells;
    for (const auto& row : rows)
        for (const auto& cell : row)
            cells.push_back(cell);
    return cells;
}

namespace
{

bool isTotalLabel(const uno::Any& cell)
{
    OUString text;
    if (!(cell >>= text))
        return false;
    const std::vector<std::string> words = foldedWords(toUtf8(text));
    return !words.empty() &&
           (words[0] == "total" || words[0] == "subtotal" || words[0] == "totaux" ||
            (words[0] == "sous" && words.size() > 1 && words[1] == "total") ||
            (words[0] == "grand" && words.size() > 1 && words[1] == "total"));
}

std::string rowName(std::size_t row)
{
    return "row " + std::to_string(row + 1);
}

// The row is named only when a cell cannot be read: building the text for every cell of a
// 100 000-row range would cost more than reading it.
template <typename Read> auto readCellAt(std::size_t row, const char* what, Read&& read)
{
    try
    {
        return read(what);
    }
    catch (const InputError& error)
    {
        throw InputError(rowName(row) + ": " + error.what());
    }
}

std::optional<DayNumber> dateCell(const uno::Any& cell, const DateContext& dates, std::size_t row,
                                  const char* what)
{
    return readCellAt(row, what, [&](const char* name) { return optionalDate(cell, dates, name); });
}

std::optional<Cents> amountCell(const uno::Any& cell, std::size_t row, const char* what)
{
    return readCellAt(row, what, [&](const char* name) { return optionalAmount(cell, name); });
}

} // namespace

Cents sumOfAmounts(const uno::Any& value, std::string_view what)
{
    Cents total = 0;
    std::size_t row = 0;
    for (const uno::Any& cell : cellsOf(value))
    {
        if (!isTotalLabel(cell))
            if (const auto cents = optionalAmount(cell, std::string(what) + ", " + rowName(row)))
                total += *cents;
        ++row;
    }
    return total;
}

InvoiceRows readInvoiceRows(const InvoiceColumns& columns, const DateContext& dates, DayNumber asOf)
{
    struct Column
    {
        const uno::Any* source;
        const char* name;
        std::vector<uno::Any> cells;
    };
    Column invoiceDates{&columns.invoiceDates, "invoice dates", {}};
    Column dueDates{&columns.dueDates, "due dates", {}};
    Column amounts{&columns.amounts, "amounts", {}};
    Column paymentDates{&columns.paymentDates, "payment dates", {}};
    Column paidAmounts{&columns.paidAmounts, "paid amounts", {}};
    Column flags{&columns.flags, "flags", {}};
    Column customers{&columns.customers, "customers", {}};
    Column* all[] = {&amounts,     &invoiceDates, &dueDates, &paymentDates,
                     &paidAmounts, &flags,        &customers};

    if (!columns.amounts.hasValue())
        throw InputError("amounts are missing");
    std::size_t size = 0;
    for (Column* column : all)
    {
        if (!column->source->hasValue())
            continue;
        column->cells = cellsOf(*column->source);
        if (column == &amounts)
            size = column->cells.size();
        else if (column->cells.size() != size)
            throw InputError(std::string(column->name) +
                             " and amounts are ranges of different sizes");
    }

    std::optional<std::string> wanted;
    if (columns.customers.hasValue())
    {
        OUString name;
        const uno::Any customer = singleValue(columns.customer, "customer");
        if (!(customer >>= name) || name.trim().isEmpty())
            throw InputError("customer: expects the customer's name");
        wanted = foldText(toUtf8(name));
    }

    InvoiceRows rows;
    std::unordered_map<std::string, bool> matches;
    const Column* dateColumns[] = {&invoiceDates, &dueDates, &paymentDates};
    for (std::size_t row = 0; row < size; ++row)
    {
        bool anyDate = false;
        bool total = false;
        for (const Column* column : dateColumns)
            if (!column->cells.empty())
            {
                anyDate = anyDate || !isBlank(column->cells[row]);
                total = total || isTotalLabel(column->cells[row]);
            }
        for (const Column* column : {&amounts, &paidAmounts})
            if (!column->cells.empty())
                total = total || isTotalLabel(column->cells[row]);
        if (!anyDate || total)
            continue;

        InvoiceLine line;
        if (!invoiceDates.cells.empty())
            line.invoiceDate = dateCell(invoiceDates.cells[row], dates, row, "invoice date");
        if (!dueDates.cells.empty())
            line.dueDate = dateCell(dueDates.cells[row], dates, row, "due date");
        if (!paymentDates.cells.empty())
            line.paymentDate = dateCell(paymentDates.cells[row], dates, row, "payment date");
        line.amount = amountCell(amounts.cells[row], row, "amount").value_or(0);
        if (!paidAmounts.cells.empty())
            line.paid = amountCell(paidAmounts.cells[row], row, "paid amount");
        rows.lines.push_back(line);
        if (!flags.cells.empty())
        {
            OUString text;
            flags.cells[row] >>= text;
            rows.flags.push_back(parseFollowUpFlags(toUtf8(text), asOf));
        }
        if (wanted)
        {
            OUString name;
            customers.cells[row] >>= name;
            std::string raw = toUtf8(name);
            // The same few names repeat over thousands of rows: fold each once.
            auto found = matches.find(raw);
            if (found == matches.end())
                found = matches.emplace(raw, foldText(raw) == *wanted).first;
            rows.matchesCustomer.push_back(found->second);
        }
    }
    return rows;
}

std::vector<InvoiceLine> selectedLines(const InvoiceRows& rows)
{
    if (rows.matchesCustomer.empty())
        return rows.lines;
    std::vector<InvoiceLine> selected;
    for (std::size_t i = 0; i < rows.lines.size(); ++i)
        if (rows.matchesCustomer[i])
            selected.push_back(rows.lines[i]);
    return selected;
}

} // namespace relance::addin
