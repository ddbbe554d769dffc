// Parallel ranges (one column per field) read into invoice lines. Rules, the same for every
// range function:
//  - every range given must have the same number of cells (else InputError, Err:502);
//  - a row whose date cells are all blank is not an invoice (a blank or a subtotal row) and is
//    skipped, as is a row with a total label ("Total", "Sous-total") in a date or amount cell;
//  - text that is a French or English date or amount is read; other text is an InputError
//    naming the row and the value.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Sequence.hxx>

#include "uno/functions/any_convert.hxx"
#include "core/risk/invoice_status.hxx"
#include "core/metrics/receivables_metrics.hxx"
#include "core/risk/customer_summary.hxx"

namespace relance::addin
{

struct InvoiceColumns
{
    css::uno::Any invoiceDates;
    css::uno::Any dueDates;
    css::uno::Any amounts;
    css::uno::Any paymentDates;
    css::uno::Any paidAmounts;
    css::uno::Any flags;     // follow-up notes ("litige", "promesse 20/11"...)
    css::uno::Any customers; // with customer: keep only that customer's rows
    css::uno::Any customer;
    // Or, with customers: each row's customer looked up here by its folded name (one pass for
    // many customers).
    const std::unordered_map<std::string, std::size_t>* customerIndex = nullptr;
    // Every row is an invoice, dated or not (only total rows are skipped): for lists looked up
    // by invoice number, where an unpaid invoice has no date among the columns given.
    bool everyRow = false;
};

struct InvoiceRows
{
    std::vector<InvoiceLine> lines;
    std::vector<FollowUpFlags> flags;    // parallel to lines when flags were given
    std::vector<bool> matchesCustomer;   // parallel to lines when a customer was given
    std::vector<std::size_t> customerOf; // parallel to lines with customerIndex (or kNoCustomer)
    std::vector<std::size_t> sourceRow;  // parallel to lines: the cell index in the ranges
};

// Requires amounts; everything else optional. The as-of date resolves promise dates.
InvoiceRows readInvoiceRows(const InvoiceColumns& columns, const DateContext& dates,
                            DayNumber asOf);

// Only the rows of the selected customer (all rows when no customer was given).
std::vector<InvoiceLine> selectedLines(const InvoiceRows& rows);

// Every number of a range or value, summed exactly in cents (text amounts read, blanks skipped).
Cents sumOfAmounts(const css::uno::Any& value, std::string_view what);

// The cells of a range argument in row order, read where Calc put them rather than copied
// (a 100 000-row range is read by every range function); a single value is a range of one.
class CellView
{
public:
    explicit CellView(const css::uno::Any& value);

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const css::uno::Any& operator[](std::size_t i) const
    {
        if (width_ == 0)
            return single_;
        return width_ == 1
                   ? rows_[static_cast<sal_Int32>(i)][0]
                   : rows_[static_cast<sal_Int32>(i / width_)][static_cast<sal_Int32>(i % width_)];
    }

    class Iterator
    {
    public:
        Iterator(const CellView& view, std::size_t i) : view_(&view), i_(i) {}
        const css::uno::Any& operator*() const { return (*view_)[i_]; }
        Iterator& operator++()
        {
            ++i_;
            return *this;
        }
        bool operator!=(const Iterator& other) const { return i_ != other.i_; }

    private:
        const CellView* view_;
        std::size_t i_;
    };
    Iterator begin() const { return Iterator(*this, 0); }
    Iterator end() const { return Iterator(*this, size_); }

private:
    const css::uno::Sequence<css::uno::Sequence<css::uno::Any>> rows_; // keeps the cells alive
    css::uno::Any single_;
    std::size_t width_ = 0; // 0: one single value (or nothing)
    std::size_t size_ = 0;
};

inline CellView cellsOf(const css::uno::Any& value)
{
    return CellView(value);
}

} // namespace relance::addin
