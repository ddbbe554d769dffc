// The Customers sheet's figures for every customer at once: overdue, amount-weighted days late
// and the risk assessment, from one reading of the ledger. Each customer's figures equal those
// of the one-customer functions (AR.OVERDUEIF, AR.AVERAGEDAYSLATEIF, AR.RISKSCORE): the same
// computations, run over the customer's own invoices, which one pass has sorted out.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "core/risk/customer_risk.hxx"

namespace relance
{

struct SummaryCustomer
{
    std::optional<DayNumber> creationDate;
    std::optional<Cents> creditLimit;
};

struct CustomerFigures
{
    Cents overdue = 0; // by due date only, as AR.OVERDUEIF without invoice dates
    std::optional<double> averageDaysLate; // none when nothing is due
    RiskAssessment risk;
};

inline constexpr std::size_t kNoCustomer = static_cast<std::size_t>(-1);

// customerOf[i] is the index in customers of invoices[i]'s customer, or kNoCustomer. The
// concentration of the receivables is measured against every invoice given, listed or not.
std::vector<CustomerFigures> summarizeCustomers(std::span<const CustomerInvoice> invoices,
                                                std::span<const std::size_t> customerOf,
                                                std::span<const SummaryCustomer> customers,
                                                DayNumber asOf, const RiskThresholds& thresholds);

} // namespace relance
