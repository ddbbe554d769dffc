// Helpers shared by the add-in's function families (date_terms_functions.cxx,
// aging_metrics_functions.cxx, law_risk_functions.cxx): the add-in as the error's source, the
// as-of date, the lateness dates, euros, the invoice columns, the customers check.
#pragma once

#include <optional>

#include "core/common/input_error.hxx"
#include "uno/functions/any_convert.hxx"
#include "uno/functions/range_reader.hxx"
#include "uno/functions/receivables_addin.hxx"

namespace relance::addin::detail
{

using Document = ReceivablesAddIn::Document;

inline css::uno::Reference<css::uno::XInterface> self(ReceivablesAddIn* addIn)
{
    return static_cast<cppu::OWeakObject*>(addIn);
}

inline DayNumber asOfOrToday(const css::uno::Any& asOf, const DateContext& dates)
{
    return optionalDate(asOf, dates, "as-of date").value_or(today());
}

// The dates lateness is measured with. Without an as-of date a paid invoice's lateness is
// final (measured at its payment); an open one runs to today.
struct Lateness
{
    DayNumber due;
    std::optional<DayNumber> paid;
    DayNumber situation;
};

inline Lateness lateness(const DateContext& dates, const css::uno::Any& dueDate,
                         const css::uno::Any& paymentDate, const css::uno::Any& asOf)
{
    const DayNumber due = requiredDate(dueDate, dates, "due date");
    const auto paid = optionalDate(paymentDate, dates, "payment date");
    return {due, paid, optionalDate(asOf, dates, "as-of date").value_or(paid ? *paid : today())};
}

inline double euros(Cents cents)
{
    return eurosFromCents(cents);
}

inline InvoiceColumns invoiceColumns(const css::uno::Any& dueDates, const css::uno::Any& amounts,
                                     const css::uno::Any& paymentDates,
                                     const css::uno::Any& paidAmounts,
                                     const css::uno::Any& invoiceDates)
{
    InvoiceColumns columns;
    columns.dueDates = dueDates;
    columns.amounts = amounts;
    columns.paymentDates = paymentDates;
    columns.paidAmounts = paidAmounts;
    columns.invoiceDates = invoiceDates;
    return columns;
}

inline void requireCustomers(const css::uno::Any& customers)
{
    if (isBlank(customers))
        throw InputError("customers are missing");
}

} // namespace relance::addin::detail
