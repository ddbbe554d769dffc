// Status of one invoice, and the follow-up flags people type in a notes or status column
// ("litige", "promesse 20/11", "contentieux", "passée en perte", "disputed", ...).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/calendar/civil_date.hxx"
#include "core/common/language.hxx"
#include "core/common/money.hxx"

namespace relance
{

struct FollowUpFlags
{
    bool disputed = false;
    bool promised = false;
    bool litigation = false; // contentieux, court, insolvency proceedings
    bool writtenOff = false;
    std::optional<DayNumber> promiseDate;

    // A promise whose date has passed while money is still due.
    bool promiseBroken(DayNumber asOf) const
    {
        return promised && promiseDate && *promiseDate < asOf;
    }
};

// Keywords are matched on folded words (case and accents ignored), in French and English.
// A date after "promesse"/"promise" is the promised date; without a year ("20/11") it is the
// occurrence nearest to the as-of date.
FollowUpFlags parseFollowUpFlags(std::string_view text, DayNumber asOf);

enum class InvoiceStatus
{
    NotDue,
    Overdue,
    PartiallyPaid,
    Paid,
    Disputed,
    Promised,
    Litigation,
    WrittenOff,
};

// Precedence: paid (nothing outstanding), written off, litigation, disputed, promised (while
// the promise holds), partially paid, overdue, not due.
InvoiceStatus invoiceStatus(Cents amount, Cents outstanding, std::optional<DayNumber> dueDate,
                            DayNumber asOf, const FollowUpFlags& flags);

std::string statusLabel(InvoiceStatus status, Language language);

} // namespace relance
