// Whether reminding works: for each level of letter, the share followed by full payment within
// 8, 15 and 30 days, and the median days from letter to payment; and the share of invoices that
// needed a reminder at all. From the reminder log (letters, their dates and invoices) and the
// ledger's payments. A payment dated before the letter is not the letter's success.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "core/metrics/receivables_metrics.hxx"

namespace relance
{

struct SentLetter
{
    DayNumber date = 0;
    int level = 1;                     // 0 pre-due notice, 1, 2, 3 formal notice
    std::vector<std::size_t> invoices; // indices into the invoice lines; unknown ones left out
};

inline constexpr std::array<int, 3> kEffectWindows = {8, 15, 30};

struct LevelEffect
{
    int level = 0;
    int letters = 0; // letters of that level with at least one known invoice
    // For each window: of the letters whose window has ended by the as-of date, the share whose
    // invoices were all fully paid within it, after the letter; none when no window has ended.
    std::array<std::optional<double>, kEffectWindows.size()> paidWithin;
    std::array<int, kEffectWindows.size()> judged{}; // letters whose window has ended
    // Median days from the letter to the last payment, over the letters fully paid after it.
    std::optional<double> medianDaysToPayment;
};

// One entry per level 0..3. Letters dated after the as-of date are not counted; a payment
// dated after it had not happened.
std::vector<LevelEffect> reminderEffect(std::span<const SentLetter> letters,
                                        std::span<const InvoiceLine> invoices, DayNumber asOf);

// Of the invoices dated within [from, to] and due by the as-of date (one not due yet could not
// have needed a reminder), the share named in a letter of level 1 or more (a pre-due notice is
// not a reminder); none when no such invoice. Letters dated after the as-of date do not count.
std::optional<double> remindedShare(std::span<const SentLetter> letters,
                                    std::span<const InvoiceLine> invoices, DayNumber from,
                                    DayNumber to, DayNumber asOf);

} // namespace relance
