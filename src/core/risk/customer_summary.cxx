#include "core/risk/customer_summary.hxx"

#include <stdexcept>

#include "core/metrics/aging.hxx"

namespace relance
{

std::vector<CustomerFigures> summarizeCustomers(std::span<const CustomerInvoice> invoices,
                                                std::span<const std::size_t> customerOf,
                                                std::span<const SummaryCustomer> customers,
                                                DayNumber asOf, const RiskThresholds& thresholds)
{
    if (customerOf.size() != invoices.size())
        throw std::invalid_argument("summarizeCustomers: one customer index per invoice");
    std::vector<std::vector<CustomerInvoice>> own(customers.size());
    std::vector<InvoiceLine> lines;
    lines.reserve(invoices.size());
    for (std::size_t i = 0; i < invoices.size(); ++i)
    {
        lines.push_back(invoices[i].line);
        if (customerOf[i] != kNoCustomer)
            own.at(customerOf[i]).push_back(invoices[i]);
    }
    const Cents allOutstanding = totalOutstanding(lines, asOf);

    std::vector<CustomerFigures> figures(customers.size());
    for (std::size_t c = 0; c < customers.size(); ++c)
    {
        std::vector<InvoiceLine> mine;
        mine.reserve(own[c].size());
        std::vector<std::pair<Cents, int>> amountDays;
        for (const CustomerInvoice& invoice : own[c])
        {
            // Overdue by due date, as the Customers sheet has always shown it: an invoice
            // whose due date is unknown is not counted overdue from its invoice date.
            if (invoice.line.dueDate || invoice.line.paymentDate)
            {
                InvoiceLine byDueDate = invoice.line;
                byDueDate.invoiceDate.reset();
                mine.push_back(byDueDate);
            }
            if (invoice.line.dueDate)
                amountDays.emplace_back(
                    invoice.line.amount,
                    daysLate(*invoice.line.dueDate, invoice.line.paymentDate, asOf));
        }
        figures[c].overdue = overdueAmount(mine, asOf, 0);
        figures[c].averageDaysLate = weightedAverageDays(amountDays);
        figures[c].risk =
            assessCustomerRisk(own[c], allOutstanding, asOf, customers[c].creationDate,
                               customers[c].creditLimit, thresholds);
    }
    return figures;
}

} // namespace relance
