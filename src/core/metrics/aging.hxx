// Lateness and aging of one invoice as of a date ("date de situation").
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/calendar/civil_date.hxx"
#include "core/common/language.hxx"

namespace relance
{

// Days past the due date at the as-of date; 0 when not yet due. A payment made on or before
// the as-of date stops the count at the payment date; one made later does not exist yet.
int daysLate(DayNumber dueDate, std::optional<DayNumber> paymentDate, DayNumber asOf);

// True when a payment date exists and lies on or before the as-of date.
bool isPaidAsOf(std::optional<DayNumber> paymentDate, DayNumber asOf);

// Upper bounds (in days past due) of the overdue buckets, strictly increasing and positive:
// {30, 60, 90} gives not due / 1-30 / 31-60 / 61-90 / >90.
class AgingBounds
{
public:
    AgingBounds() : upper_{30, 60, 90} {}
    // Throws InputError unless the bounds are whole, positive, strictly increasing, at most 24.
    static AgingBounds fromValues(std::span<const double> values);

    std::size_t bucketCount() const noexcept { return upper_.size() + 2; }
    // 0 = not due, 1 = first overdue bucket, ..., bucketCount() - 1 = beyond the last bound.
    std::size_t bucketOf(int daysPastDue) const noexcept;
    std::string label(std::size_t bucket, Language language) const;

    // Ageing from the invoice date instead of the due date: buckets 0-30, 31-60, ..., > last.
    std::size_t ageBucketOf(int daysSinceInvoice) const noexcept;
    std::size_t ageBucketCount() const noexcept { return upper_.size() + 1; }
    std::string ageLabel(std::size_t bucket, Language language) const;

private:
    explicit AgingBounds(std::vector<int> upper) : upper_(std::move(upper)) {}
    std::vector<int> upper_;
};

std::string paidLabel(Language language);

} // namespace relance
