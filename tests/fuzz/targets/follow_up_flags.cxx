// parseFollowUpFlags, and invoiceStatus / statusLabel on the flags it returns.
//
// Invariants, for any text and as-of dates spread over the supported years:
//  - a promise date implies a promise, and is a valid date in kMinYear..kMaxYear;
//  - the keyword flags (disputed, promised, litigation, written off) do not depend on the as-of
//    date, which only picks the year of a promise date written without one;
//  - case does not matter: the upper-cased text gives the same flags and promise date;
//  - promiseBroken(asOf) is exactly "promised, dated, and the date is before asOf";
//  - invoiceStatus follows its documented precedence (paid, written off, litigation, disputed,
//    promised while the promise holds, partially paid, overdue, not due), and every status has
//    a non-empty label in French and English.
#include "fuzz_support.hxx"
#include "core/common/input_error.hxx"
#include "core/risk/invoice_status.hxx"

namespace relance::fuzz
{
namespace
{

std::string show(const FollowUpFlags& flags)
{
    return concat("{disputed=", flags.disputed, " promised=", flags.promised,
                  " litigation=", flags.litigation, " writtenOff=", flags.writtenOff,
                  " promiseDate=", flags.promiseDate ? showDate(*flags.promiseDate) : "none", "}");
}

bool sameFlags(const FollowUpFlags& a, const FollowUpFlags& b)
{
    return a.disputed == b.disputed && a.promised == b.promised && a.litigation == b.litigation &&
           a.writtenOff == b.writtenOff;
}

void checkStatus(const FollowUpFlags& flags, DayNumber asOf)
{
    const auto context = [&] { return concat(show(flags), " as of ", showDate(asOf)); };
    const Cents amount = 100'00;
    FUZZ_CHECK(invoiceStatus(amount, 0, asOf - 1, asOf, flags) == InvoiceStatus::Paid, context());
    const InvoiceStatus late = invoiceStatus(amount, amount, asOf - 1, asOf, flags);
    const InvoiceStatus early = invoiceStatus(amount, amount, asOf + 1, asOf, flags);
    const InvoiceStatus partial = invoiceStatus(amount, amount / 2, asOf - 1, asOf, flags);
    InvoiceStatus expected = InvoiceStatus::Overdue;
    if (flags.writtenOff)
        expected = InvoiceStatus::WrittenOff;
    else if (flags.litigation)
        expected = InvoiceStatus::Litigation;
    else if (flags.disputed)
        expected = InvoiceStatus::Disputed;
    else if (flags.promised && !flags.promiseBroken(asOf))
        expected = InvoiceStatus::Promised;
    FUZZ_CHECK(late == expected, context(), ": status ", static_cast<int>(late), ", expected ",
               static_cast<int>(expected));
    if (expected == InvoiceStatus::Overdue)
    {
        FUZZ_CHECK(early == InvoiceStatus::NotDue, context());
        FUZZ_CHECK(partial == InvoiceStatus::PartiallyPaid, context());
    }
    else
        FUZZ_CHECK(early == expected && partial == expected, context());
    for (InvoiceStatus status : {late, early, partial})
        for (Language language : {Language::French, Language::English})
            FUZZ_CHECK(!statusLabel(status, language).empty(), context());
}

FollowUpFlags parse(std::string_view text, DayNumber asOf)
{
    try
    {
        return parseFollowUpFlags(text, asOf);
    }
    catch (const InputError& error)
    {
        FUZZ_CHECK(*error.what() != '\0');
        return {};
    }
}

} // namespace

int fuzzFollowUpFlags(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text = asText(data, size);
    const CurrentInput current(text);
    std::optional<FollowUpFlags> first;
    // Near a year's end and start (a yearless "promesse 20/11" may fall in the next or previous
    // year), on a leap day, and at both ends of the supported years.
    for (CivilDate asOfDate :
         {CivilDate{2024, 11, 15}, CivilDate{2024, 1, 3}, CivilDate{2024, 2, 29},
          CivilDate{1900, 1, 1}, CivilDate{9999, 12, 31}})
    {
        const DayNumber asOf = toDayNumber(asOfDate);
        const FollowUpFlags flags = parse(text, asOf);
        const auto context = [&] { return concat(show(flags), " as of ", showDate(asOf)); };
        if (flags.promiseDate)
        {
            FUZZ_CHECK(flags.promised, context());
            FUZZ_CHECK(isInSupportedRange(*flags.promiseDate), context());
        }
        FUZZ_CHECK(flags.promiseBroken(asOf) ==
                       (flags.promised && flags.promiseDate && *flags.promiseDate < asOf),
                   context());
        if (first)
            FUZZ_CHECK(sameFlags(flags, *first), context(), " but ", show(*first),
                       " for another as-of date");
        else
        {
            first = flags;
            const FollowUpFlags upper = parse(upperAscii(text), asOf);
            FUZZ_CHECK(sameFlags(upper, flags) && upper.promiseDate == flags.promiseDate, context(),
                       " but upper case gives ", show(upper));
        }
        checkStatus(flags, asOf);
    }
    return 0;
}

} // namespace relance::fuzz
