#include "uno/functions/range_reader.hxx"

#include <unordered_map>

#include "core/calendar/date_text.hxx"
#include "core/common/input_error.hxx"
#include "core/common/money.hxx"
#include "core/common/text_fold.hxx"

using namespace css;

namespace relance::addin
{

namespace
{

uno::Sequence<uno::Sequence<uno::Any>> rowsOf(const uno::Any& value)
{
    uno::Sequence<uno::Sequence<uno::Any>> rows;
    value >>= rows;
    return rows;
}

} // namespace

CellView::CellView(const uno::Any& value) : rows_(rowsOf(value))
{
    if (value.getValueTypeClass() == uno::TypeClass_SEQUENCE)
    {
        // Calc hands ranges over as rectangles: every row has the first row's width.
        width_ = rows_.hasElements() ? static_cast<std::size_t>(rows_[0].getLength()) : 0;
        for (const auto& row : rows_)
            if (static_cast<std::size_t>(row.getLength()) != width_)
                throw InputError("a range argument is not rectangular");
        size_ = width_ * static_cast<std::size_t>(rows_.getLength());
        if (size_ == 0)
            width_ = 0;
        return;
    }
    if (value.hasValue())
    {
        single_ = value;
        size_ = 1;
    }
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
        const char* name;
        CellView cells;
    };
    if (!columns.amounts.hasValue())
        throw InputError("amounts are missing");
    const Column amounts{"amounts", CellView(columns.amounts)};
    const Column invoiceDates{"invoice dates", CellView(columns.invoiceDates)};
    const Column dueDates{"due dates", CellView(columns.dueDates)};
    const Column paymentDates{"payment dates", CellView(columns.paymentDates)};
    const Column paidAmounts{"paid amounts", CellView(columns.paidAmounts)};
    const Column flags{"flags", CellView(columns.flags)};
    const Column customers{"customers", CellView(columns.customers)};
    const std::size_t size = amounts.cells.size();
    for (const Column* column :
         {&invoiceDates, &dueDates, &paymentDates, &paidAmounts, &flags, &customers})
        if (!column->cells.empty() && column->cells.size() != size)
            throw InputError(std::string(column->name) +
                             " and amounts are ranges of different sizes");

    std::optional<std::string> wanted;
    if (columns.customers.hasValue() && !columns.customerIndex)
    {
        OUString name;
        const uno::Any customer = singleValue(columns.customer, "customer");
        if (!(customer >>= name) || name.trim().isEmpty())
            throw InputError("customer: expects the customer's name");
        wanted = foldText(toUtf8(name));
    }

    InvoiceRows rows;
    rows.lines.reserve(size);
    rows.sourceRow.reserve(size);
    std::unordered_map<OUString, bool, rtl::OUStringHash> matches;
    std::unordered_map<OUString, std::size_t, rtl::OUStringHash> indexOf;
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
        if ((!anyDate && !columns.everyRow) || total)
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
        rows.sourceRow.push_back(row);
        if (!flags.cells.empty())
        {
            OUString text;
            flags.cells[row] >>= text;
            rows.flags.push_back(parseFollowUpFlags(toUtf8(text), asOf));
        }
        if (columns.customerIndex && !customers.cells.empty())
        {
            OUString name;
            customers.cells[row] >>= name;
            auto found = indexOf.find(name);
            if (found == indexOf.end())
            {
                const auto listed = columns.customerIndex->find(foldText(toUtf8(name)));
                found = indexOf
                            .emplace(name, listed == columns.customerIndex->end() ? kNoCustomer
                                                                                  : listed->second)
                            .first;
            }
            rows.customerOf.push_back(found->second);
        }
        else if (wanted)
        {
            OUString name;
            customers.cells[row] >>= name;
            // The same few names repeat over thousands of rows: fold each once.
            auto found = matches.find(name);
            if (found == matches.end())
                found = matches.emplace(name, foldText(toUtf8(name)) == *wanted).first;
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
