// The late-payment law, status and risk functions: invoice status, penalties, the recovery
// indemnity, the ECB and legal rates, the rate floor, and the customer risk score and flags.
#include <cmath>

#include "uno/functions/any_convert.hxx"
#include "core/risk/customer_risk.hxx"
#include "core/risk/customer_summary.hxx"
#include "core/common/text_fold.hxx"
#include "uno/common/guarded_call.hxx"
#include "core/risk/invoice_status.hxx"
#include "core/law/late_payment_law.hxx"
#include "uno/functions/range_reader.hxx"
#include "uno/functions/receivables_addin.hxx"
#include "uno/functions/receivables_functions_detail.hxx"
#include "core/metrics/receivables_metrics.hxx"

using namespace css;

namespace relance::addin
{
using namespace detail;

namespace
{

double rate(RatePpm ppm)
{
    return static_cast<double>(ppm) / 1'000'000.0;
}

RateTable ecbRates(const uno::Any& rates, const DateContext& dates)
{
    const auto rows = rateRows(rates, dates, "rates");
    return rows.empty() ? RateTable::ecbMainRefinancing()
                        : RateTable::ecbMainRefinancing().withOverrides(rows);
}

RateTable legalRates(const uno::Any& rates, const DateContext& dates)
{
    const auto rows = rateRows(rates, dates, "rates");
    return rows.empty() ? RateTable::legalInterest()
                        : RateTable::legalInterest().withOverrides(rows);
}

RiskThresholds riskThresholds(const uno::Any& value)
{
    RiskThresholds t;
    const CellView cells(value);
    if (cells.size() > 8)
        throw InputError("thresholds: at most 8 values");
    auto number = [&](std::size_t i, double fallback)
    {
        double v = fallback;
        OUString text;
        if (i >= cells.size() || !cells[i].hasValue() ||
            ((cells[i] >>= text) && text.trim().isEmpty()))
            return fallback;
        if (!(cells[i] >>= v) || !std::isfinite(v) || v < 0)
            throw InputError("thresholds: value " + std::to_string(i + 1) +
                             " must be a positive number");
        return v;
    };
    t.ratingB = static_cast<int>(number(0, t.ratingB));
    t.ratingC = static_cast<int>(number(1, t.ratingC));
    t.ratingD = static_cast<int>(number(2, t.ratingD));
    t.concentration = number(3, t.concentration);
    t.youngYears = static_cast<int>(number(4, t.youngYears));
    t.creditAlert = number(5, t.creditAlert);
    t.creditWarning = number(6, t.creditWarning);
    t.creditCritical = number(7, t.creditCritical);
    if (!(t.ratingB < t.ratingC && t.ratingC < t.ratingD))
        throw InputError("thresholds: the rating bounds must increase");
    if (!(t.creditAlert < t.creditWarning && t.creditWarning < t.creditCritical))
        throw InputError("thresholds: the credit-limit alerts must increase");
    return t;
}

RiskAssessment assessRisk(const Document& options, const uno::Any& customers,
                          const uno::Any& customer, const uno::Any& dueDates,
                          const uno::Any& amounts, const uno::Any& paymentDates,
                          const uno::Any& paidAmounts, const uno::Any& flags, const uno::Any& asOf,
                          const uno::Any& creationDate, const uno::Any& creditLimit,
                          const uno::Any& thresholds, const uno::Any& invoiceDates)
{
    const DateContext dates(options);
    const DayNumber situation = asOfOrToday(asOf, dates);
    InvoiceColumns columns =
        invoiceColumns(dueDates, amounts, paymentDates, paidAmounts, invoiceDates);
    columns.flags = flags;
    columns.customers = customers;
    columns.customer = customer;
    requireCustomers(customers);
    const InvoiceRows rows = readInvoiceRows(columns, dates, situation);
    std::vector<CustomerInvoice> mine;
    for (std::size_t i = 0; i < rows.lines.size(); ++i)
        if (rows.matchesCustomer[i])
            mine.push_back({rows.lines[i], rows.flags.empty() ? FollowUpFlags{} : rows.flags[i]});
    const std::optional<Cents> limit = optionalAmount(creditLimit, "credit limit");
    return assessCustomerRisk(mine, totalOutstanding(rows.lines, situation), situation,
                              optionalDate(creationDate, dates, "creation date"), limit,
                              riskThresholds(thresholds));
}

} // namespace

OUString ReceivablesAddIn::invoiceStatus(const Document& options, const uno::Any& dueDate,
                                         const uno::Any& amount, const uno::Any& paidAmount,
                                         const uno::Any& paymentDate, const uno::Any& asOf,
                                         const uno::Any& flags)
{
    return guardedCall(self(this),
                       [&]
                       {
                           const DateContext dates(options);
                           const DayNumber situation = asOfOrToday(asOf, dates);
                           InvoiceLine line;
                           line.dueDate = requiredDate(dueDate, dates, "due date");
                           line.amount = requiredAmount(amount, "amount");
                           line.paid = optionalAmount(paidAmount, "paid amount");
                           line.paymentDate = optionalDate(paymentDate, dates, "payment date");
                           OUString notes;
                           singleValue(flags, "flags") >>= notes;
                           const FollowUpFlags followUp =
                               parseFollowUpFlags(toUtf8(notes), situation);
                           return fromUtf8(statusLabel(
                               relance::invoiceStatus(line.amount, outstandingAsOf(line, situation),
                                                      line.dueDate, situation, followUp),
                               resultLanguage()));
                       });
}

double ReceivablesAddIn::penalty(const Document& options, const uno::Any& amount,
                                 const uno::Any& dueDate, const uno::Any& paymentDate,
                                 const uno::Any& asOf, const uno::Any& contractRate,
                                 const uno::Any& rates)
{
    return guardedCall(self(this),
                       [&]
                       {
                           const DateContext dates(options);
                           const Cents principal = requiredAmount(amount, "amount");
                           const auto [due, paid, situation] =
                               lateness(dates, dueDate, paymentDate, asOf);
                           const DayNumber end = isPaidAsOf(paid, situation) ? *paid : situation;
                           const std::optional<RatePpm> contractual =
                               relance::addin::contractRate(contractRate, "contract rate");
                           const Penalty result =
                               contractual
                                   ? contractualPenalty(principal, due, end, *contractual)
                                   : statutoryPenalty(principal, due, end, ecbRates(rates, dates));
                           return euros(result.amount);
                       });
}

double ReceivablesAddIn::indemnity(const Document& options, const uno::Any& dueDate,
                                   const uno::Any& paymentDate, const uno::Any& asOf)
{
    return guardedCall(
        self(this),
        [&]
        {
            const DateContext dates(options);
            const Lateness late = lateness(dates, dueDate, paymentDate, asOf);
            return euros(recoveryIndemnity(relance::daysLate(late.due, late.paid, late.situation)));
        });
}

double ReceivablesAddIn::penaltyRate(const Document& options, const uno::Any& date,
                                     const uno::Any& rates)
{
    return guardedCall(
        self(this),
        [&]
        {
            const DateContext dates(options);
            return rate(statutoryPenaltyRate(asOfOrToday(date, dates), ecbRates(rates, dates)));
        });
}

double ReceivablesAddIn::legalRate(const Document& options, const uno::Any& date,
                                   const uno::Any& rates)
{
    return guardedCall(
        self(this),
        [&]
        {
            const DateContext dates(options);
            const HalfYear period = halfYearOf(asOfOrToday(date, dates));
            return rate(legalRates(rates, dates).requireRateFor(period, "legal interest rate"));
        });
}

double ReceivablesAddIn::rateFloorCheck(const Document& options, const uno::Any& contractRate,
                                        const uno::Any& date, const uno::Any& rates)
{
    return guardedCall(self(this),
                       [&]
                       {
                           const DateContext dates(options);
                           // 1 or 0, as Calc's own TRUE and FALSE (a UNO boolean result does not
                           // reach the cell).
                           return respectsLegalFloor(ratePpm(contractRate, "contract rate"),
                                                     asOfOrToday(date, dates),
                                                     legalRates(rates, dates))
                                      ? 1.0
                                      : 0.0;
                       });
}

double ReceivablesAddIn::riskScore(const Document& options, const uno::Any& customers,
                                   const uno::Any& customer, const uno::Any& dueDates,
                                   const uno::Any& amounts, const uno::Any& paymentDates,
                                   const uno::Any& paidAmounts, const uno::Any& flags,
                                   const uno::Any& asOf, const uno::Any& creationDate,
                                   const uno::Any& creditLimit, const uno::Any& thresholds,
                                   const uno::Any& invoiceDates)
{
    return guardedCall(self(this),
                       [&]
                       {
                           return static_cast<double>(
                               assessRisk(options, customers, customer, dueDates, amounts,
                                          paymentDates, paidAmounts, flags, asOf, creationDate,
                                          creditLimit, thresholds, invoiceDates)
                                   .score);
                       });
}

OUString ReceivablesAddIn::riskFlags(const Document& options, const uno::Any& customers,
                                     const uno::Any& customer, const uno::Any& dueDates,
                                     const uno::Any& amounts, const uno::Any& paymentDates,
                                     const uno::Any& paidAmounts, const uno::Any& flags,
                                     const uno::Any& asOf, const uno::Any& creationDate,
                                     const uno::Any& creditLimit, const uno::Any& thresholds,
                                     const uno::Any& invoiceDates)
{
    return guardedCall(self(this),
                       [&]
                       {
                           return fromUtf8(describeReasons(
                               assessRisk(options, customers, customer, dueDates, amounts,
                                          paymentDates, paidAmounts, flags, asOf, creationDate,
                                          creditLimit, thresholds, invoiceDates),
                               resultLanguage()));
                       });
}

// One reading of the ledger's ranges for every listed customer: the Customers sheet's four
// figure columns as one array formula, where one call per customer and figure would make Calc
// convert the same 100 000-row ranges a hundred times.
uno::Sequence<uno::Sequence<uno::Any>> ReceivablesAddIn::customerSummary(
    const Document& options, const uno::Any& customerList, const uno::Any& customers,
    const uno::Any& dueDates, const uno::Any& amounts, const uno::Any& paymentDates,
    const uno::Any& paidAmounts, const uno::Any& flags, const uno::Any& asOf,
    const uno::Any& creationDates, const uno::Any& creditLimits, const uno::Any& thresholds,
    const uno::Any& invoiceDates)
{
    return guardedCall(
        self(this),
        [&]
        {
            const DateContext dates(options);
            const DayNumber situation = asOfOrToday(asOf, dates);
            requireCustomers(customers);
            const RiskThresholds limits = riskThresholds(thresholds);
            const CellView listed(customerList);
            const CellView created(creationDates);
            const CellView ceilings(creditLimits);
            for (const CellView* column : {&created, &ceilings})
                if (!column->empty() && column->size() != listed.size())
                    throw InputError("creation dates and credit limits must be parallel to the "
                                     "customer list");

            // Each listed customer once (by folded name); a name listed twice gets the same row.
            std::unordered_map<std::string, std::size_t> indexOf;
            std::vector<std::size_t> uniqueOf(listed.size(), kNoCustomer);
            std::vector<SummaryCustomer> unique;
            std::vector<std::string> problems;
            for (std::size_t i = 0; i < listed.size(); ++i)
            {
                OUString name;
                if (!(listed[i] >>= name) || name.trim().isEmpty())
                    continue;
                const auto [at, added] = indexOf.emplace(foldText(toUtf8(name)), unique.size());
                uniqueOf[i] = at->second;
                if (!added)
                    continue;
                SummaryCustomer customer;
                std::string problem;
                try
                {
                    const std::string where = "row " + std::to_string(i + 1);
                    if (!created.empty())
                        customer.creationDate =
                            optionalDate(created[i], dates, "creation date, " + where);
                    if (!ceilings.empty())
                        customer.creditLimit =
                            optionalAmount(ceilings[i], "credit limit, " + where);
                }
                catch (const InputError& error)
                {
                    problem = error.message(resultLanguage());
                }
                unique.push_back(customer);
                problems.push_back(problem);
            }

            InvoiceColumns columns =
                invoiceColumns(dueDates, amounts, paymentDates, paidAmounts, invoiceDates);
            columns.flags = flags;
            columns.customers = customers;
            columns.customerIndex = &indexOf;
            const InvoiceRows rows = readInvoiceRows(columns, dates, situation);
            std::vector<CustomerInvoice> invoices;
            invoices.reserve(rows.lines.size());
            for (std::size_t i = 0; i < rows.lines.size(); ++i)
                invoices.push_back(
                    {rows.lines[i], rows.flags.empty() ? FollowUpFlags{} : rows.flags[i]});
            const std::vector<CustomerFigures> figures =
                summarizeCustomers(invoices, rows.customerOf, unique, situation, limits);

            uno::Sequence<uno::Sequence<uno::Any>> result(static_cast<sal_Int32>(listed.size()));
            for (std::size_t i = 0; i < listed.size(); ++i)
            {
                uno::Sequence<uno::Any> row(4);
                uno::Any* cells = row.getArray();
                const std::size_t c = uniqueOf[i];
                if (c == kNoCustomer)
                    for (int k = 0; k < 4; ++k)
                        cells[k] <<= OUString();
                else
                {
                    const CustomerFigures& figure = figures[c];
                    cells[0] <<= euros(figure.overdue);
                    if (figure.averageDaysLate)
                        cells[1] <<= *figure.averageDaysLate;
                    else
                        cells[1] <<= OUString();
                    if (problems[c].empty())
                    {
                        cells[2] <<= static_cast<double>(figure.risk.score);
                        cells[3] <<= fromUtf8(describeReasons(figure.risk, resultLanguage()));
                    }
                    else
                    {
                        cells[2] <<= OUString();
                        cells[3] <<= fromUtf8(problems[c]);
                    }
                }
                result.getArray()[static_cast<sal_Int32>(i)] = row;
            }
            return result;
        });
}

} // namespace relance::addin
