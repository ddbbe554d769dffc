// The figures an owner steers by: when the cash comes in (AR.CASHFORECAST), whether reminding
// works (AR.REMINDEREFFECT), how many invoices needed it (AR.REMINDEDSHARE), and the days lost
// between delivery and invoice (AR.INVOICINGDELAY). Ranges read once, the computation in
// core/forecast, core/reminders and core/metrics.
#include <unordered_map>

#include "core/common/text_fold.hxx"
#include "core/forecast/cash_forecast.hxx"
#include "core/reminders/reminder_effect.hxx"
#include "core/reminders/reminder_plan.hxx"
#include "uno/common/guarded_call.hxx"
#include "uno/functions/receivables_functions_detail.hxx"

using namespace css;

namespace relance::addin
{
using namespace detail;

namespace
{

using Grid = uno::Sequence<uno::Sequence<uno::Any>>;

ForecastPeriod forecastPeriod(const uno::Any& value)
{
    const std::string text = foldedOption(value, "period");
    if (text.empty() || text == "s" || text == "w" || text.rfind("sem", 0) == 0 ||
        text.rfind("week", 0) == 0)
        return ForecastPeriod::Week;
    if (text == "m" || text.rfind("mois", 0) == 0 || text.rfind("month", 0) == 0)
        return ForecastPeriod::Month;
    throw InputError("period: expects \"semaines\" or \"mois\" (\"weeks\" or \"months\")");
}

// Each distinct customer name (folded) its index, in order of first appearance.
std::unordered_map<std::string, std::size_t> indexOfCustomers(const uno::Any& customers)
{
    std::unordered_map<std::string, std::size_t> index;
    std::unordered_map<OUString, bool, rtl::OUStringHash> seen;
    for (const uno::Any& cell : cellsOf(customers))
    {
        OUString name;
        if (!(cell >>= name) || name.trim().isEmpty() || !seen.emplace(name, true).second)
            continue;
        index.emplace(foldText(toUtf8(name)), index.size());
    }
    return index;
}

// The letters of the reminder log with the ledger lines they name. A failed sending
// ("Échec…" / "Failed…" in the state column) is not a letter sent.
struct LetterColumns
{
    const uno::Any& dates;
    const uno::Any& levels;
    const uno::Any& invoices;
    const uno::Any& states;
};

std::vector<SentLetter> readLetters(const LetterColumns& columns, const DateContext& dates,
                                    const uno::Any& invoiceNumbers, const InvoiceRows& rows)
{
    const CellView letterDates(columns.dates);
    const CellView levels(columns.levels);
    const CellView named(columns.invoices);
    const CellView states(columns.states);
    const CellView numbers(invoiceNumbers);
    if (levels.size() != letterDates.size() || named.size() != letterDates.size() ||
        (!states.empty() && states.size() != letterDates.size()))
        throw InputError("the letters' dates, levels, invoices and states must be ranges of the "
                         "same size");

    std::unordered_map<std::string, std::size_t> lineOf;
    for (std::size_t i = 0; i < rows.lines.size(); ++i)
    {
        const std::size_t row = rows.sourceRow[i];
        if (row >= numbers.size())
            throw InputError("invoice numbers and amounts are ranges of different sizes");
        OUString number;
        if (!(numbers[row] >>= number))
            if (double value = 0; numbers[row] >>= value)
                number = OUString::number(value);
        if (!number.trim().isEmpty())
            lineOf.emplace(foldText(toUtf8(number.trim())), i);
    }

    std::vector<SentLetter> letters;
    for (std::size_t i = 0; i < letterDates.size(); ++i)
    {
        const std::string where = "letter row " + std::to_string(i + 1);
        const auto date = optionalDate(letterDates[i], dates, "letter date, " + where);
        if (!date)
            continue;
        if (!states.empty())
        {
            OUString state;
            states[i] >>= state;
            const std::string folded = foldText(toUtf8(state));
            if (folded.rfind("echec", 0) == 0 || folded.rfind("failed", 0) == 0)
                continue;
        }
        SentLetter letter;
        letter.date = *date;
        letter.level = optionalInteger(levels[i], "letter level, " + where, 1, 0, 3);
        OUString list;
        named[i] >>= list;
        // "F2026-0101, F2026-0102", as the log writes them; unknown numbers are left out.
        list = list.replace(';', ',').replace('\n', ',');
        sal_Int32 at = 0;
        do
        {
            const OUString piece = list.getToken(0, ',', at).trim();
            if (const auto found = lineOf.find(foldText(toUtf8(piece)));
                !piece.isEmpty() && found != lineOf.end())
                letter.invoices.push_back(found->second);
        } while (at >= 0);
        letters.push_back(std::move(letter));
    }
    return letters;
}

uno::Any optionalNumber(const std::optional<double>& value)
{
    return value ? uno::Any(*value) : uno::Any(OUString());
}

} // namespace

Grid ReceivablesAddIn::cashForecast(const Document& options, const uno::Any& customers,
                                    const uno::Any& dueDates, const uno::Any& amounts,
                                    const uno::Any& paymentDates, const uno::Any& paidAmounts,
                                    const uno::Any& flags, const uno::Any& asOf,
                                    const uno::Any& period, const uno::Any& periods,
                                    const uno::Any& invoiceDates)
{
    return guardedCall(
        self(this),
        [&]
        {
            const DateContext dates(options);
            const DayNumber situation = asOfOrToday(asOf, dates);
            const ForecastPeriod unit = forecastPeriod(period);
            const int count =
                optionalInteger(periods, "periods", unit == ForecastPeriod::Week ? 8 : 6, 1, 60);
            const auto index = indexOfCustomers(customers);
            InvoiceColumns columns =
                invoiceColumns(dueDates, amounts, paymentDates, paidAmounts, invoiceDates);
            columns.flags = flags;
            if (!isBlank(customers))
            {
                columns.customers = customers;
                columns.customerIndex = &index;
            }
            const InvoiceRows rows = readInvoiceRows(columns, dates, situation);
            std::vector<ForecastInvoice> invoices;
            invoices.reserve(rows.lines.size());
            for (std::size_t i = 0; i < rows.lines.size(); ++i)
                invoices.push_back({rows.lines[i],
                                    rows.flags.empty() ? FollowUpFlags{} : rows.flags[i],
                                    rows.customerOf.empty() ? kNoCustomer : rows.customerOf[i]});
            const auto buckets = forecastCashIn(invoices, index.size(), situation, unit, count);

            Grid result(static_cast<sal_Int32>(buckets.size()));
            for (std::size_t b = 0; b < buckets.size(); ++b)
            {
                const ForecastBucket& bucket = buckets[b];
                auto date = [&](const std::optional<DayNumber>& day)
                { return day ? uno::Any(dates.toSerial(*day)) : uno::Any(OUString()); };
                result.getArray()[static_cast<sal_Int32>(b)] = sequenceOf<uno::Any>(
                    {uno::Any(fromUtf8(
                         bucketLabel(bucket, static_cast<int>(b), unit, resultLanguage()))),
                     date(bucket.from), date(bucket.to), uno::Any(euros(bucket.amount)),
                     uno::Any(static_cast<double>(bucket.invoices))});
            }
            return result;
        });
}

Grid ReceivablesAddIn::reminderEffect(const Document& options, const uno::Any& letterDates,
                                      const uno::Any& letterLevels, const uno::Any& letterInvoices,
                                      const uno::Any& invoiceNumbers, const uno::Any& amounts,
                                      const uno::Any& paymentDates, const uno::Any& paidAmounts,
                                      const uno::Any& asOf, const uno::Any& letterStates)
{
    return guardedCall(
        self(this),
        [&]
        {
            const DateContext dates(options);
            const DayNumber situation = asOfOrToday(asOf, dates);
            InvoiceColumns columns =
                invoiceColumns(uno::Any(), amounts, paymentDates, paidAmounts, uno::Any());
            columns.everyRow = true; // an unpaid invoice has no date here
            const InvoiceRows rows = readInvoiceRows(columns, dates, situation);
            const auto letters =
                readLetters({letterDates, letterLevels, letterInvoices, letterStates}, dates,
                            invoiceNumbers, rows);
            const auto effects = relance::reminderEffect(letters, rows.lines, situation);
            Grid result(static_cast<sal_Int32>(effects.size()));
            for (std::size_t l = 0; l < effects.size(); ++l)
            {
                const LevelEffect& effect = effects[l];
                result.getArray()[static_cast<sal_Int32>(l)] = sequenceOf<uno::Any>(
                    {uno::Any(fromUtf8(
                         levelName(static_cast<ReminderLevel>(effect.level), resultLanguage()))),
                     uno::Any(static_cast<double>(effect.letters)),
                     optionalNumber(effect.paidWithin[0]), optionalNumber(effect.paidWithin[1]),
                     optionalNumber(effect.paidWithin[2]),
                     optionalNumber(effect.medianDaysToPayment)});
            }
            return result;
        });
}

double ReceivablesAddIn::remindedShare(const Document& options, const uno::Any& invoiceNumbers,
                                       const uno::Any& invoiceDates, const uno::Any& dueDates,
                                       const uno::Any& amounts, const uno::Any& letterDates,
                                       const uno::Any& letterLevels, const uno::Any& letterInvoices,
                                       const uno::Any& from, const uno::Any& to,
                                       const uno::Any& asOf, const uno::Any& letterStates)
{
    return guardedCall(
        self(this),
        [&]
        {
            const DateContext dates(options);
            const DayNumber situation = asOfOrToday(asOf, dates);
            const DayNumber first = requiredDate(from, dates, "from");
            const DayNumber last = optionalDate(to, dates, "to").value_or(situation);
            if (last < first)
                throw InputError("to: the period ends before it starts");
            InvoiceColumns columns =
                invoiceColumns(dueDates, amounts, uno::Any(), uno::Any(), invoiceDates);
            const InvoiceRows rows = readInvoiceRows(columns, dates, situation);
            const auto letters =
                readLetters({letterDates, letterLevels, letterInvoices, letterStates}, dates,
                            invoiceNumbers, rows);
            const auto share = relance::remindedShare(letters, rows.lines, first, last, situation);
            if (!share)
                throw InputError("no invoice dated within the period is due by the as-of date");
            return *share;
        });
}

uno::Any ReceivablesAddIn::invoicingDelay(const Document& options, const uno::Any& deliveryDates,
                                          const uno::Any& invoiceDates, const uno::Any& amounts,
                                          const uno::Any& from, const uno::Any& to)
{
    return guardedCall(
        self(this),
        [&]
        {
            const DateContext dates(options);
            const auto first = optionalDate(from, dates, "from");
            const auto last = optionalDate(to, dates, "to");
            if (first && last && *last < *first)
                throw InputError("to: the period ends before it starts");
            const InvoiceRows rows = readInvoiceRows(
                invoiceColumns(uno::Any(), amounts, uno::Any(), uno::Any(), invoiceDates), dates,
                today());
            const CellView delivered(deliveryDates);
            if (delivered.size() != CellView(amounts).size())
                throw InputError("delivery dates and amounts are ranges of different sizes");
            std::vector<std::optional<DayNumber>> deliveries;
            deliveries.reserve(rows.lines.size());
            for (const std::size_t row : rows.sourceRow)
                deliveries.push_back(optionalDate(delivered[row], dates,
                                                  "delivery date, row " + std::to_string(row + 1)));
            const auto days = averageInvoicingDelay(rows.lines, deliveries, first, last);
            return days ? uno::Any(*days) : uno::Any(); // #N/A: no invoice with both dates
        });
}

} // namespace relance::addin
