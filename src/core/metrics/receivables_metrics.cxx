#include "core/metrics/receivables_metrics.hxx"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "core/common/input_error.hxx"

namespace relance
{

Cents outstandingAsOf(const InvoiceLine& line, DayNumber asOf)
{
    if (line.invoiceDate && *line.invoiceDate > asOf)
        return 0;
    if (line.paymentDate)
        return *line.paymentDate > asOf ? line.amount
                                        : line.amount - line.paid.value_or(line.amount);
    return line.amount - line.paid.value_or(0);
}

namespace
{

std::optional<int> daysPastDue(const InvoiceLine& line, DayNumber asOf)
{
    const std::optional<DayNumber> from = line.dueDate ? line.dueDate : line.invoiceDate;
    if (!from)
        return std::nullopt;
    return asOf - *from;
}

} // namespace

std::vector<Cents> agedBalance(std::span<const InvoiceLine> lines, DayNumber asOf,
                               const AgingBounds& bounds)
{
    std::vector<Cents> totals(bounds.bucketCount(), 0);
    for (const InvoiceLine& line : lines)
    {
        const Cents open = outstandingAsOf(line, asOf);
        if (open == 0)
            continue;
        const auto days = daysPastDue(line, asOf);
        if (!days)
            throw InputError("an invoice with an amount due has neither a due date nor a date");
        totals[bounds.bucketOf(*days)] += open;
    }
    return totals;
}

Cents overdueAmount(std::span<const InvoiceLine> lines, DayNumber asOf, int minDaysLate)
{
    Cents total = 0;
    for (const InvoiceLine& line : lines)
    {
        const Cents open = outstandingAsOf(line, asOf);
        const auto days = daysPastDue(line, asOf);
        if (open != 0 && days && *days > minDaysLate)
            total += open;
    }
    return total;
}

Cents totalOutstanding(std::span<const InvoiceLine> lines, DayNumber asOf)
{
    Cents total = 0;
    for (const InvoiceLine& line : lines)
        total += outstandingAsOf(line, asOf);
    return total;
}

double dsoStandard(Cents receivables, Cents sales, double periodDays)
{
    if (sales <= 0)
        throw InputError("DSO: sales must be positive");
    if (!(periodDays > 0))
        throw InputError("DSO: the period must be positive");
    return static_cast<double>(receivables) / static_cast<double>(sales) * periodDays;
}

double dsoCountback(Cents receivables, std::span<const InvoiceLine> invoices, DayNumber closing)
{
    if (receivables <= 0)
        return 0.0;
    // Sales per month index (year * 12 + month - 1), invoices after the closing date excluded.
    std::map<int, Cents> monthlySales;
    std::optional<int> firstMonth;
    for (const InvoiceLine& line : invoices)
    {
        if (!line.invoiceDate || *line.invoiceDate > closing)
            continue;
        const CivilDate date = toCivil(*line.invoiceDate);
        const int month = date.year * 12 + static_cast<int>(date.month) - 1;
        monthlySales[month] += line.amount;
        firstMonth = firstMonth ? std::min(*firstMonth, month) : month;
    }
    const CivilDate closingDate = toCivil(closing);
    Cents remaining = receivables;
    double days = 0.0;
    for (int month = closingDate.year * 12 + static_cast<int>(closingDate.month) - 1;
         firstMonth && month >= *firstMonth; --month)
    {
        const int year = month >= 0 ? month / 12 : (month - 11) / 12;
        const unsigned monthOfYear = static_cast<unsigned>(month - year * 12) + 1;
        const bool closingMonth = year == closingDate.year && monthOfYear == closingDate.month;
        const int monthDays = closingMonth ? static_cast<int>(closingDate.day)
                                           : static_cast<int>(lastDayOfMonth(year, monthOfYear));
        const auto found = monthlySales.find(month);
        const Cents sales = found == monthlySales.end() ? 0 : found->second;
        if (sales > 0 && remaining <= sales)
            return days + static_cast<double>(remaining) / static_cast<double>(sales) * monthDays;
        remaining -= std::max<Cents>(sales, 0);
        days += monthDays;
    }
    throw InputError("countback DSO: the receivables exceed all the sales before the closing date");
}

double collectionEffectiveness(Cents openingReceivables, Cents sales, Cents closingReceivables,
                               Cents closingCurrentReceivables, int months)
{
    if (months < 1)
        throw InputError("CEI: the period must be at least one month");
    const double monthlySales = static_cast<double>(sales) / months;
    const double collectible = static_cast<double>(openingReceivables) + monthlySales;
    const double denominator = collectible - static_cast<double>(closingCurrentReceivables);
    if (denominator <= 0)
        throw InputError("CEI: nothing was collectible over the period");
    return (collectible - static_cast<double>(closingReceivables)) / denominator * 100.0;
}

std::optional<double> weightedAverageDays(std::span<const std::pair<Cents, int>> amountDays)
{
    __int128 weighted = 0;
    __int128 total = 0;
    for (const auto& [amount, days] : amountDays)
    {
        if (amount <= 0)
            continue;
        weighted += static_cast<__int128>(amount) * days;
        total += amount;
    }
    if (total == 0)
        return std::nullopt;
    return static_cast<double>(weighted) / static_cast<double>(total);
}

std::optional<double> averageInvoicingDelay(std::span<const InvoiceLine> lines,
                                            std::span<const std::optional<DayNumber>> deliveries,
                                            std::optional<DayNumber> from,
                                            std::optional<DayNumber> to)
{
    if (deliveries.size() != lines.size())
        throw std::invalid_argument("averageInvoicingDelay: one delivery date per invoice");
    std::vector<std::pair<Cents, int>> amountDays;
    for (std::size_t i = 0; i < lines.size(); ++i)
    {
        const auto issued = lines[i].invoiceDate;
        if (!issued || !deliveries[i] || (from && *issued < *from) || (to && *issued > *to))
            continue;
        amountDays.emplace_back(lines[i].amount, std::max(0, *issued - *deliveries[i]));
    }
    return weightedAverageDays(amountDays);
}

} // namespace relance
