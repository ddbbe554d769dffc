#include "core/metrics/aging.hxx"

#include <algorithm>
#include <cmath>

#include "core/common/input_error.hxx"

namespace relance
{

bool isPaidAsOf(std::optional<DayNumber> paymentDate, DayNumber asOf)
{
    return paymentDate && *paymentDate <= asOf;
}

int daysLate(DayNumber dueDate, std::optional<DayNumber> paymentDate, DayNumber asOf)
{
    const DayNumber end = isPaidAsOf(paymentDate, asOf) ? *paymentDate : asOf;
    return std::max(0, end - dueDate);
}

AgingBounds AgingBounds::fromValues(std::span<const double> values)
{
    if (values.empty())
        return AgingBounds();
    if (values.size() > 24)
        throw InputError("aging bounds: at most 24 bounds");
    std::vector<int> upper;
    for (double value : values)
    {
        if (!std::isfinite(value) || value != std::floor(value) || value < 1 || value > 36500)
            throw InputError("aging bounds must be whole numbers of days from 1 to 36500");
        if (!upper.empty() && value <= upper.back())
            throw InputError("aging bounds must be strictly increasing");
        upper.push_back(static_cast<int>(value));
    }
    return AgingBounds(std::move(upper));
}

std::size_t AgingBounds::bucketOf(int daysPastDue) const noexcept
{
    if (daysPastDue <= 0)
        return 0;
    const auto found = std::lower_bound(upper_.begin(), upper_.end(), daysPastDue);
    return 1 + static_cast<std::size_t>(found - upper_.begin());
}

std::string AgingBounds::label(std::size_t bucket, Language language) const
{
    if (bucket == 0)
        return language == Language::French ? "Non échu" : "Not due";
    if (bucket > upper_.size())
        return "> " + std::to_string(upper_.back()) +
               (language == Language::French ? " j" : " days");
    const int from = bucket == 1 ? 1 : upper_[bucket - 2] + 1;
    return std::to_string(from) + "-" + std::to_string(upper_[bucket - 1]) +
           (language == Language::French ? " j" : " days");
}

std::size_t AgingBounds::ageBucketOf(int daysSinceInvoice) const noexcept
{
    return bucketOf(std::max(daysSinceInvoice, 1)) - 1;
}

std::string AgingBounds::ageLabel(std::size_t bucket, Language language) const
{
    const char* unit = language == Language::French ? " j" : " days";
    if (bucket >= upper_.size())
        return "> " + std::to_string(upper_.back()) + unit;
    const int from = bucket == 0 ? 0 : upper_[bucket - 1] + 1;
    return std::to_string(from) + "-" + std::to_string(upper_[bucket]) + unit;
}

std::string paidLabel(Language language)
{
    return language == Language::French ? "Réglée" : "Paid";
}

} // namespace relance
