#include "core/ledger/ledger_model.hxx"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "core/common/text_fold.hxx"

namespace relance
{

std::string invoiceKey(const std::string& number)
{
    return foldText(number);
}

bool sameImportedData(const ImportedInvoice& a, const ImportedInvoice& b)
{
    return a.number == b.number && a.customer == b.customer && a.legalName == b.legalName &&
           a.siren == b.siren && a.email == b.email && a.invoiceDate == b.invoiceDate &&
           a.dueDate == b.dueDate && a.terms == b.terms && a.amountInclVat == b.amountInclVat &&
           a.amountExclVat == b.amountExclVat && a.paidAmount == b.paidAmount &&
           a.paymentDate == b.paymentDate && a.balance == b.balance && a.notes == b.notes;
}

bool sameLedgerData(const ImportedInvoice& a, const ImportedInvoice& b)
{
    return a.number == b.number && a.customer == b.customer && a.legalName == b.legalName &&
           a.siren == b.siren && a.email == b.email && a.invoiceDate == b.invoiceDate &&
           a.dueDate == b.dueDate && a.terms == b.terms && a.amountInclVat == b.amountInclVat &&
           a.paidAmount == b.paidAmount && a.paymentDate == b.paymentDate && a.notes == b.notes;
}

bool isCreditNote(const ImportedInvoice& invoice)
{
    return invoice.amountInclVat && *invoice.amountInclVat < 0;
}

std::vector<PaymentEntry> paymentsFromSource(const std::vector<ImportedInvoice>& invoices)
{
    std::vector<PaymentEntry> payments;
    for (const ImportedInvoice& invoice : invoices)
    {
        // A credit note's "paid" is the owner's netting of it, not money received.
        if (isCreditNote(invoice))
            continue;
        if (!invoice.payments.empty())
        {
            for (const SourcePayment& payment : invoice.payments)
                if (payment.amount != 0)
                    payments.push_back(
                        {payment.date, invoice.customer, payment.amount, invoice.number});
        }
        else if (invoice.paidAmount && *invoice.paidAmount != 0)
            payments.push_back(
                {invoice.paymentDate, invoice.customer, *invoice.paidAmount, invoice.number});
    }
    return payments;
}

Allocation allocatePayments(const std::vector<ImportedInvoice>& invoices,
                            const std::vector<PaymentEntry>& payments)
{
    Allocation result;
    result.paid.assign(invoices.size(), 0);
    result.lastPaid.assign(invoices.size(), std::nullopt);
    result.allocatedTo.assign(payments.size(), {});
    result.unallocated.assign(payments.size(), 0);

    std::unordered_map<std::string, std::size_t> byNumber;
    std::unordered_map<std::string, std::vector<std::size_t>> byCustomer; // oldest first
    for (std::size_t i = 0; i < invoices.size(); ++i)
    {
        byNumber.emplace(invoiceKey(invoices[i].number), i);
        byCustomer[foldText(invoices[i].customer)].push_back(i);
    }
    for (auto& [customer, list] : byCustomer)
        std::stable_sort(list.begin(), list.end(),
                         [&](std::size_t a, std::size_t b)
                         {
                             const DayNumber da =
                                 invoices[a].invoiceDate.value_or(invoices[a].dueDate.value_or(0));
                             const DayNumber db =
                                 invoices[b].invoiceDate.value_or(invoices[b].dueDate.value_or(0));
                             return da < db;
                         });

    std::vector<std::size_t> order(payments.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b)
                     { return payments[a].date.value_or(0) < payments[b].date.value_or(0); });

    auto give = [&](std::size_t payment, std::size_t invoice, Cents& left)
    {
        const Cents room = invoices[invoice].amountInclVat.value_or(0) - result.paid[invoice];
        const Cents taken = std::min(room, left);
        if (taken <= 0)
            return;
        result.paid[invoice] += taken;
        left -= taken;
        if (payments[payment].date &&
            (!result.lastPaid[invoice] || *result.lastPaid[invoice] < *payments[payment].date))
            result.lastPaid[invoice] = payments[payment].date;
        std::string& target = result.allocatedTo[payment];
        target += (target.empty() ? "" : ", ") + invoices[invoice].number;
    };

    for (std::size_t payment : order)
    {
        Cents left = payments[payment].amount;
        if (left <= 0)
            continue;
        if (!payments[payment].reference.empty())
            if (const auto found = byNumber.find(invoiceKey(payments[payment].reference));
                found != byNumber.end())
                give(payment, found->second, left);
        if (const auto found = byCustomer.find(foldText(payments[payment].customer));
            found != byCustomer.end())
            for (std::size_t invoice : found->second)
            {
                if (left <= 0)
                    break;
                give(payment, invoice, left);
            }
        result.unallocated[payment] = left;
    }
    return result;
}

} // namespace relance
