// parsePaymentTerms, describe and dueDate under both end-of-month readings.
//
// Invariants, for every text the parser accepts:
//  - the terms are well formed: 0 <= days <= kMaxTermDays, a day of month is 1..31 and implies
//    end of month, a stated reading implies end of month and days > 0;
//  - case does not matter: the upper-cased text parses to the same terms;
//  - describe() is canonical: parsing its wording gives the same terms back;
//  - for invoice dates around every month end of a leap and a common year (and 1900, 2000,
//    2100), under both readings: the due date is on or after the invoice date; plain terms give
//    exactly invoice + days; end-of-month terms give a month end (reading A) or a month end plus
//    the days (reading B) within a month of invoice + days; "le N" gives day N (clamped to the
//    month's length) within the month after that end of month; the whole span is at most
//    days + 30 + 31 days (427 at kMaxTermDays), and at most 400 days without "le N";
//  - the two readings agree when the wording states its reading, and when there are no days to
//    order ("fin de mois", "fin de mois le 10"): A and B only differ in the order of "+ days" and
//    "end of month";
//  - shiftWeekend lands on a weekday at most two days away, in the asked direction.
#include <vector>

#include "fuzz_support.hxx"
#include "core/common/input_error.hxx"
#include "core/calendar/payment_terms.hxx"

namespace relance::fuzz
{
namespace
{

std::string show(const PaymentTerms& terms)
{
    return concat("{days=", terms.days, " endOfMonth=", terms.endOfMonth,
                  " dayOfMonth=", terms.dayOfMonth ? std::to_string(*terms.dayOfMonth) : "none",
                  " statedReading=",
                  !terms.statedReading                                            ? "none"
                  : *terms.statedReading == EndOfMonthReading::DaysThenEndOfMonth ? "A"
                                                                                  : "B",
                  " \"", describe(terms), "\"}");
}

const char* show(EndOfMonthReading reading)
{
    return reading == EndOfMonthReading::DaysThenEndOfMonth ? "A (days then end of month)"
                                                            : "B (end of month then days)";
}

// The dates where end-of-month arithmetic can go wrong: both ends of each month (and Feb 28/29)
// in a leap and a common year, and the century years of the supported range.
const std::vector<DayNumber>& invoiceDates()
{
    static const std::vector<DayNumber> dates = []
    {
        std::vector<DayNumber> result;
        for (int year : {2023, 2024})
            for (unsigned month = 1; month <= 12; ++month)
                for (unsigned day : {1u, 2u, 15u, 27u, 28u, 29u, 30u, 31u})
                    if (isValid({year, month, day}))
                        result.push_back(toDayNumber({year, month, day}));
        for (CivilDate extra :
             {CivilDate{1900, 1, 1}, CivilDate{1900, 2, 28}, CivilDate{2000, 2, 29},
              CivilDate{2100, 2, 28}, CivilDate{9998, 1, 31}})
            result.push_back(toDayNumber(extra));
        return result;
    }();
    return dates;
}

bool isMonthEnd(DayNumber day)
{
    return endOfMonth(day) == day;
}

void checkDueDate(DayNumber invoice, const PaymentTerms& terms, EndOfMonthReading reading)
{
    const DayNumber due = dueDate(invoice, terms, reading);
    const auto context = [&]
    {
        return concat("invoice ", showDate(invoice), ", terms ", show(terms), ", reading ",
                      show(reading), ", due ", showDate(due));
    };
    FUZZ_CHECK(due >= invoice, context());
    const DayNumber span = due - invoice;
    FUZZ_CHECK(span <= terms.days + 30 + 31, context());
    if (!terms.dayOfMonth)
        FUZZ_CHECK(span <= 400, context());

    if (!terms.endOfMonth)
    {
        FUZZ_CHECK(due == invoice + terms.days, context());
        return;
    }
    const EndOfMonthReading applied = terms.statedReading.value_or(reading);
    // The end of month the terms count from, before any "le N".
    const DayNumber base = applied == EndOfMonthReading::DaysThenEndOfMonth
                               ? endOfMonth(invoice + terms.days)
                               : endOfMonth(invoice) + terms.days;
    FUZZ_CHECK(base >= invoice + terms.days && base < invoice + terms.days + 31, context());
    if (!terms.dayOfMonth)
    {
        FUZZ_CHECK(due == base, context());
        if (applied == EndOfMonthReading::DaysThenEndOfMonth)
            FUZZ_CHECK(isMonthEnd(due), context());
        else
            FUZZ_CHECK(isMonthEnd(due - terms.days), context());
        return;
    }
    const CivilDate civil = toCivil(due);
    const unsigned last = lastDayOfMonth(civil.year, civil.month);
    FUZZ_CHECK(civil.day == (*terms.dayOfMonth < last ? *terms.dayOfMonth : last), context());
    FUZZ_CHECK(due >= base && due <= base + 31, context());
    if (applied == EndOfMonthReading::DaysThenEndOfMonth)
        FUZZ_CHECK(due > base, "\"le N\" must fall after the end of month; ", context());
}

void checkWeekendShift(DayNumber due)
{
    const DayNumber none = shiftWeekend(due, WeekendShift::None);
    const DayNumber next = shiftWeekend(due, WeekendShift::NextMonday);
    const DayNumber previous = shiftWeekend(due, WeekendShift::PreviousFriday);
    FUZZ_CHECK(none == due, showDate(due));
    FUZZ_CHECK(isoWeekday(next) < 5 && next >= due && next <= due + 2, showDate(due), " -> ",
               showDate(next));
    FUZZ_CHECK(isoWeekday(previous) < 5 && previous <= due && previous >= due - 2, showDate(due),
               " -> ", showDate(previous));
}

} // namespace

int fuzzPaymentTerms(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text = asText(data, size);
    const CurrentInput current(text);
    PaymentTerms terms;
    try
    {
        terms = parsePaymentTerms(text);
    }
    catch (const InputError& error)
    {
        FUZZ_CHECK(*error.what() != '\0');
        return 0;
    }

    FUZZ_CHECK(terms.days >= 0 && terms.days <= kMaxTermDays, show(terms));
    FUZZ_CHECK(!terms.dayOfMonth || (*terms.dayOfMonth >= 1 && *terms.dayOfMonth <= 31),
               show(terms));
    FUZZ_CHECK(!terms.dayOfMonth || terms.endOfMonth, show(terms));
    FUZZ_CHECK(!terms.statedReading || (terms.endOfMonth && terms.days > 0), show(terms));

    const std::string upper = upperAscii(text);
    try
    {
        const PaymentTerms again = parsePaymentTerms(upper);
        FUZZ_CHECK(again == terms, show(terms), " but upper case gives ", show(again));
    }
    catch (const InputError& error)
    {
        FUZZ_CHECK(false, show(terms), " but upper case is refused: ", error.what());
    }

    const std::string canonical = describe(terms);
    try
    {
        const PaymentTerms again = parsePaymentTerms(canonical);
        FUZZ_CHECK(again == terms, show(terms), " but its description parses to ", show(again));
    }
    catch (const InputError& error)
    {
        FUZZ_CHECK(false, show(terms), " but its description is refused: ", error.what());
    }

    for (DayNumber invoice : invoiceDates())
    {
        for (EndOfMonthReading reading :
             {EndOfMonthReading::DaysThenEndOfMonth, EndOfMonthReading::EndOfMonthThenDays})
            checkDueDate(invoice, terms, reading);
        const DayNumber a = dueDate(invoice, terms, EndOfMonthReading::DaysThenEndOfMonth);
        const DayNumber b = dueDate(invoice, terms, EndOfMonthReading::EndOfMonthThenDays);
        if (terms.statedReading || terms.days == 0)
            FUZZ_CHECK_ID("readings-agree-without-days", a == b,
                          "the readings disagree although there is nothing to order: invoice ",
                          showDate(invoice), ", terms ", show(terms), ", A gives ", showDate(a),
                          ", B gives ", showDate(b));
        checkWeekendShift(a);
    }
    return 0;
}

} // namespace relance::fuzz
