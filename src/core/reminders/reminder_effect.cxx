#include "core/reminders/reminder_effect.hxx"

#include <algorithm>
#include <stdexcept>

namespace relance
{

namespace
{

// The day the letter's invoices were all fully paid, as known at the as-of date.
std::optional<DayNumber> settledOn(const SentLetter& letter, std::span<const InvoiceLine> invoices,
                                   DayNumber asOf)
{
    std::optional<DayNumber> last;
    for (const std::size_t i : letter.invoices)
    {
        const InvoiceLine& line = invoices[i];
        if (!line.paymentDate || *line.paymentDate > asOf || outstandingAsOf(line, asOf) > 0)
            return std::nullopt;
        last = std::max(last.value_or(*line.paymentDate), *line.paymentDate);
    }
    return last;
}

std::optional<double> median(std::vector<int> values)
{
    if (values.empty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

} // namespace

std::vector<LevelEffect> reminderEffect(std::span<const SentLetter> letters,
                                        std::span<const InvoiceLine> invoices, DayNumber asOf)
{
    std::vector<LevelEffect> effects(4);
    std::vector<std::array<int, kEffectWindows.size()>> paid(4);
    std::vector<std::vector<int>> daysToPayment(4);
    for (int level = 0; level < 4; ++level)
        effects[static_cast<std::size_t>(level)].level = level;
    for (const SentLetter& letter : letters)
    {
        if (letter.level < 0 || letter.level > 3)
            throw std::invalid_argument("reminderEffect: level 0 to 3");
        for (const std::size_t i : letter.invoices)
            if (i >= invoices.size())
                throw std::out_of_range("reminderEffect: invoice index");
        if (letter.invoices.empty() || letter.date > asOf)
            continue;
        const auto level = static_cast<std::size_t>(letter.level);
        ++effects[level].letters;
        const auto settled = settledOn(letter, invoices, asOf);
        const bool afterLetter = settled && *settled >= letter.date;
        if (afterLetter)
            daysToPayment[level].push_back(*settled - letter.date);
        for (std::size_t w = 0; w < kEffectWindows.size(); ++w)
        {
            if (letter.date + kEffectWindows[w] > asOf)
                continue; // the window is not over: the letter cannot be judged yet
            ++effects[level].judged[w];
            if (afterLetter && *settled - letter.date <= kEffectWindows[w])
                ++paid[level][w];
        }
    }
    for (std::size_t level = 0; level < 4; ++level)
    {
        for (std::size_t w = 0; w < kEffectWindows.size(); ++w)
            if (effects[level].judged[w] > 0)
                effects[level].paidWithin[w] =
                    static_cast<double>(paid[level][w]) / effects[level].judged[w];
        effects[level].medianDaysToPayment = median(std::move(daysToPayment[level]));
    }
    return effects;
}

std::optional<double> remindedShare(std::span<const SentLetter> letters,
                                    std::span<const InvoiceLine> invoices, DayNumber from,
                                    DayNumber to, DayNumber asOf)
{
    std::vector<bool> reminded(invoices.size(), false);
    for (const SentLetter& letter : letters)
        if (letter.level >= 1 && letter.date <= asOf)
            for (const std::size_t i : letter.invoices)
                reminded.at(i) = true;
    int dated = 0, chased = 0;
    for (std::size_t i = 0; i < invoices.size(); ++i)
    {
        const auto date = invoices[i].invoiceDate;
        if (!date || *date < from || *date > to || invoices[i].amount <= 0)
            continue;
        if (invoices[i].dueDate && *invoices[i].dueDate > asOf)
            continue; // not due yet: it could not have needed a reminder
        if (*date > asOf)
            continue;
        ++dated;
        chased += reminded[i] ? 1 : 0;
    }
    if (dated == 0)
        return std::nullopt;
    return static_cast<double>(chased) / dated;
}

} // namespace relance
