#include "core/risk/customer_summary.hxx"

#include <gtest/gtest.h>

#include <vector>

#include "core/metrics/aging.hxx"

using namespace relance;

namespace
{

DayNumber day(int y, unsigned m, unsigned d)
{
    return toDayNumber({y, m, d});
}

const DayNumber kAsOf = day(2024, 6, 30);

CustomerInvoice invoice(DayNumber due, Cents amount, std::optional<Cents> paid = std::nullopt,
                        std::optional<DayNumber> paidOn = std::nullopt, FollowUpFlags flags = {})
{
    return {InvoiceLine{due - 30, due, amount, paid, paidOn}, flags};
}

} // namespace

// Each customer's figures are those computed over its own invoices alone, with the
// concentration measured against all of them, listed customers or not.
TEST(CustomerSummary, EqualsTheOneCustomerComputations)
{
    FollowUpFlags disputed;
    disputed.disputed = true;
    const std::vector<CustomerInvoice> invoices = {
        invoice(day(2024, 2, 9), 100000, 100000, day(2024, 3, 10)),
        invoice(day(2024, 3, 31), 200000, 50000, std::nullopt, disputed),
        invoice(day(2024, 6, 1), 123456),
        invoice(day(2024, 7, 15), 30000),
        invoice(day(2024, 5, 15), 80000, 80000, day(2024, 7, 5)),
        invoice(day(2024, 1, 15), 500000), // not listed: counts in the concentration only
        // no due date: in the risk and the concentration, never overdue from its invoice date
        {InvoiceLine{day(2024, 1, 2), std::nullopt, 42561, std::nullopt, std::nullopt}, {}},
    };
    const std::vector<std::size_t> customerOf = {0, 0, 1, 1, 2, kNoCustomer, 1};
    std::vector<SummaryCustomer> customers(3);
    customers[0].creationDate = day(2023, 1, 1);
    customers[0].creditLimit = 160000;
    const RiskThresholds thresholds;

    const auto figures = summarizeCustomers(invoices, customerOf, customers, kAsOf, thresholds);
    ASSERT_EQ(figures.size(), 3u);

    std::vector<InvoiceLine> all;
    for (const auto& i : invoices)
        all.push_back(i.line);
    for (std::size_t c = 0; c < customers.size(); ++c)
    {
        SCOPED_TRACE(c);
        std::vector<CustomerInvoice> own;
        std::vector<InvoiceLine> lines;
        std::vector<std::pair<Cents, int>> amountDays;
        for (std::size_t i = 0; i < invoices.size(); ++i)
            if (customerOf[i] == c)
            {
                own.push_back(invoices[i]);
                if (!invoices[i].line.dueDate)
                    continue;
                lines.push_back(invoices[i].line);
                amountDays.emplace_back(
                    invoices[i].line.amount,
                    daysLate(*invoices[i].line.dueDate, invoices[i].line.paymentDate, kAsOf));
            }
        EXPECT_EQ(figures[c].overdue, overdueAmount(lines, kAsOf));
        EXPECT_EQ(figures[c].averageDaysLate, weightedAverageDays(amountDays));
        const RiskAssessment alone =
            assessCustomerRisk(own, totalOutstanding(all, kAsOf), kAsOf, customers[c].creationDate,
                               customers[c].creditLimit, thresholds);
        EXPECT_EQ(figures[c].risk.score, alone.score);
        EXPECT_EQ(describeReasons(figures[c].risk, Language::English),
                  describeReasons(alone, Language::English));
    }
    // Hand-checked: Alpha owes 1 500 € overdue (the disputed invoice's balance), Beta
    // 1 234,56 € (its July invoice is not due), Gamma 800 € (paid on 5 July, after the as-of
    // date: still open then).
    EXPECT_EQ(figures[0].overdue, 150000);
    EXPECT_EQ(figures[1].overdue, 123456);
    EXPECT_EQ(figures[2].overdue, 80000);
    EXPECT_NE(figures[0].risk.score, 0);
}

TEST(CustomerSummary, ACustomerWithoutInvoicesHasNothingDue)
{
    const std::vector<CustomerInvoice> invoices = {invoice(day(2024, 2, 9), 100000)};
    const std::vector<std::size_t> customerOf = {0};
    const std::vector<SummaryCustomer> customers(2);
    const auto figures = summarizeCustomers(invoices, customerOf, customers, kAsOf, {});
    EXPECT_EQ(figures[1].overdue, 0);
    EXPECT_FALSE(figures[1].averageDaysLate);
    EXPECT_EQ(figures[1].risk.score, 0);
}

TEST(CustomerSummary, RefusesUnparallelIndexes)
{
    const std::vector<CustomerInvoice> invoices = {invoice(day(2024, 2, 9), 100000)};
    const std::vector<std::size_t> customerOf;
    const std::vector<SummaryCustomer> customers(1);
    EXPECT_THROW(summarizeCustomers(invoices, customerOf, customers, kAsOf, {}),
                 std::invalid_argument);
}
