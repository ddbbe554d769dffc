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
#include <vector>

#include <com/sun/star/uno/Any.hxx>

#include "any_convert.hxx"
#include "invoice_status.hxx"
#include "receivables_metrics.hxx"

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
};

struct InvoiceRows
{
    std::vector<InvoiceLine> lines;
    std::vector<FollowUpFlags> flags;  // parallel to lines when flags were given
    std::vector<bool> matchesCustomer; // parallel to lines when a customer was given
};

// Requires amounts; everything else optional. The as-of date resolves promise dates.
InvoiceRows readInvoiceRows(const InvoiceColumns& columns, const DateContext& dates,
                            DayNumber asOf);

// Only the rows of the selected customer (all rows when no customer was given).
std::vector<InvoiceLine> selectedLines(const InvoiceRows& rows);

// Every number of a range or value, summed exactly in cents (text amounts read, blanks skipped).
Cents sumOfAmounts(const css::uno::Any& value, std::string_view what);

// The cells of a range in row order (a single value is a range of one).
std::vector<css::uno::Any> cellsOf(const css::uno::Any& value);

} // namespace relance::addin
