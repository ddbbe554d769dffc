#include "uno/functions/any_convert.hxx"

#include <cmath>
#include <ctime>
#include <unordered_map>

#include <com/sun/star/util/Date.hpp>

#include "core/calendar/date_text.hxx"
#include "core/common/input_error.hxx"
#include "core/common/text_fold.hxx"

using namespace css;

namespace relance::addin
{

std::string toUtf8(const OUString& text)
{
    const OString bytes = OUStringToOString(text, RTL_TEXTENCODING_UTF8);
    return std::string(bytes.getStr(), static_cast<std::size_t>(bytes.getLength()));
}

OUString fromUtf8(std::string_view text)
{
    return OUString(text.data(), static_cast<sal_Int32>(text.size()), RTL_TEXTENCODING_UTF8);
}

DateContext::DateContext(const uno::Reference<beans::XPropertySet>& document)
    : nullDate_(toDayNumber({1899, 12, 30}))
{
    if (!document.is())
        return;
    util::Date nullDate;
    if (document->getPropertyValue("NullDate") >>= nullDate)
    {
        const CivilDate civil{nullDate.Year, nullDate.Month, nullDate.Day};
        if (isValid(civil))
            nullDate_ = toDayNumber(civil);
    }
}

DayNumber DateContext::fromSerial(double serial) const
{
    // Times of day are dropped: terms and lateness count whole calendar days.
    if (!std::isfinite(serial) || std::fabs(serial) > 4.0e6)
        throw InputError("date out of range");
    const DayNumber day = nullDate_ + static_cast<DayNumber>(std::floor(serial));
    if (!isInSupportedRange(day))
        throw InputError("date out of range (years 1900 to 9999)");
    return day;
}

DayNumber today()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return toDayNumber({local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                        static_cast<unsigned>(local.tm_mday)});
}

bool isBlank(const uno::Any& raw)
{
    uno::Sequence<uno::Sequence<uno::Any>> rows;
    const uno::Any value =
        (raw >>= rows) && rows.getLength() == 1 && rows[0].getLength() == 1 ? rows[0][0] : raw;
    OUString text;
    return !value.hasValue() || ((value >>= text) && text.trim().isEmpty());
}

uno::Any singleValue(const uno::Any& value, std::string_view what)
{
    uno::Sequence<uno::Sequence<uno::Any>> rows;
    if (!(value >>= rows))
        return value;
    if (rows.getLength() == 1 && rows[0].getLength() == 1)
        return rows[0][0];
    throw InputError(std::string(what) + ": expects a single cell, not a range");
}

namespace
{

// One cell read as a date or an amount: blank is nothing, a number goes through fromNumber
// (which may refuse it, its message prefixed with `what`), text through fromText (nothing
// when it does not read); anything else is refused as not being a `noun`.
template <typename Value, typename FromNumber, typename FromText>
std::optional<Value> readCell(const uno::Any& raw, std::string_view what, const char* noun,
                              FromNumber&& fromNumber, FromText&& fromText)
{
    const uno::Any value = singleValue(raw, what);
    if (!value.hasValue())
        return std::nullopt;
    if (double number = 0; value >>= number)
    {
        try
        {
            return fromNumber(number);
        }
        catch (const InputError& error)
        {
            throw InputError(std::string(what) + ": " + error.what());
        }
    }
    if (OUString text; value >>= text)
    {
        const OUString trimmed = text.trim();
        if (trimmed.isEmpty())
            return std::nullopt;
        const std::string utf8 = toUtf8(trimmed);
        if (const std::optional<Value> read = fromText(utf8))
            return read;
        throw InputError(std::string(what) + ": \"" + utf8 + "\" is not " + noun);
    }
    throw InputError(std::string(what) + ": expects " + noun);
}

} // namespace

std::optional<DayNumber> optionalDate(const uno::Any& raw, const DateContext& dates,
                                      std::string_view what)
{
    return readCell<DayNumber>(
        raw, what, "a date",
        [&](double number) -> std::optional<DayNumber>
        {
            // A blank cell reaches the add-in as 0 (the null date): no date.
            if (number == 0)
                return std::nullopt;
            return dates.fromSerial(number);
        },
        [](const std::string& text) { return parseDateText(text); });
}

DayNumber requiredDate(const uno::Any& value, const DateContext& dates, std::string_view what)
{
    if (const auto day = optionalDate(value, dates, what))
        return *day;
    throw InputError(std::string(what) + " is missing");
}

PaymentTerms paymentTerms(const uno::Any& raw)
{
    const uno::Any value = singleValue(raw, "terms");
    double days = 0;
    OUString text;
    // A blank cell reaches an add-in as 0: a zero is read as missing terms, never as
    // "payable on receipt" (which users write as text: "à réception", "comptant").
    if ((value >>= days) && days != 0)
        return paymentTermsFromDays(days);
    if (value.has<double>())
        throw InputError("payment terms are missing (blank cell or 0)");
    if (!(value >>= text) || text.trim().isEmpty())
        throw InputError("payment terms are missing");

    // The same few wordings repeat on every row: parse each once per thread.
    thread_local std::unordered_map<std::string, PaymentTerms> parsed;
    std::string utf8 = toUtf8(text);
    if (const auto found = parsed.find(utf8); found != parsed.end())
        return found->second;
    PaymentTerms terms = parsePaymentTerms(utf8);
    if (parsed.size() > 4096)
        parsed.clear();
    parsed.emplace(std::move(utf8), terms);
    return terms;
}

EndOfMonthReading endOfMonthReading(const uno::Any& raw)
{
    const uno::Any value = singleValue(raw, "reading");
    double number = 0;
    OUString text;
    if (!value.hasValue())
        return EndOfMonthReading::DaysThenEndOfMonth;
    if (value >>= number)
    {
        if (number == 1)
            return EndOfMonthReading::DaysThenEndOfMonth;
        if (number == 2)
            return EndOfMonthReading::EndOfMonthThenDays;
    }
    else if (value >>= text)
    {
        const OUString letter = text.trim().toAsciiUpperCase();
        if (letter.isEmpty() || letter == "A")
            return EndOfMonthReading::DaysThenEndOfMonth;
        if (letter == "B")
            return EndOfMonthReading::EndOfMonthThenDays;
    }
    throw InputError("end-of-month reading must be \"A\" (1) or \"B\" (2)");
}

AgingBounds agingBounds(const uno::Any& value)
{
    std::vector<double> bounds;
    auto take = [&](const uno::Any& cell)
    {
        double number = 0;
        OUString text;
        if (!cell.hasValue() || ((cell >>= text) && text.trim().isEmpty()))
            return;
        if (!(cell >>= number))
            throw InputError("aging bounds must be numbers of days");
        bounds.push_back(number);
    };
    uno::Sequence<uno::Sequence<uno::Any>> rows;
    if (value >>= rows)
    {
        for (const auto& row : rows)
            for (const auto& cell : row)
                take(cell);
        if (bounds.empty())
            throw InputError("aging bounds: the range is empty");
    }
    else
        take(value);
    return AgingBounds::fromValues(bounds);
}

std::optional<Cents> optionalAmount(const uno::Any& raw, std::string_view what)
{
    return readCell<Cents>(
        raw, what, "an amount",
        [](double number) -> std::optional<Cents> { return centsFromEuros(number); },
        [](const std::string& text) { return parseAmountText(text); });
}

Cents requiredAmount(const uno::Any& value, std::string_view what)
{
    // A blank cell reaches the add-in as 0: a required amount of 0 is a missing one.
    if (const auto cents = optionalAmount(value, what); cents && *cents != 0)
        return *cents;
    throw InputError(std::string(what) + " is missing");
}

int optionalInteger(const uno::Any& raw, std::string_view what, int fallback, int min, int max)
{
    const uno::Any value = singleValue(raw, what);
    double number = 0;
    OUString text;
    if (!value.hasValue() || ((value >>= text) && text.trim().isEmpty()))
        return fallback;
    if (!(value >>= number) || !std::isfinite(number) || number != std::floor(number) ||
        number < min || number > max)
        throw InputError(std::string(what) + ": expects a whole number from " +
                         std::to_string(min) + " to " + std::to_string(max));
    return static_cast<int>(number);
}

std::optional<RatePpm> contractRate(const uno::Any& raw, std::string_view what)
{
    if (isBlank(raw))
        return std::nullopt;
    const RatePpm rate = ratePpm(raw, what);
    return rate == 0 ? std::nullopt : std::optional<RatePpm>(rate);
}

RatePpm ratePpm(const uno::Any& raw, std::string_view what)
{
    const uno::Any value = singleValue(raw, what);
    double number = 0;
    OUString text;
    if (value >>= text)
    {
        // "12,15 %" or "12.15%": a percentage written as text.
        std::string utf8 = toUtf8(text.trim());
        const std::size_t percentSign = utf8.find('%');
        if (percentSign == std::string::npos)
            throw InputError(std::string(what) + ": write the rate as a percentage (12,15 %)");
        utf8.erase(percentSign);
        const auto hundredths = parseAmountText(utf8);
        if (!hundredths)
            throw InputError(std::string(what) + ": \"" + toUtf8(text) + "\" is not a rate");
        return *hundredths * 100; // 12,15 -> 1215 hundredths of a percent -> 121500 ppm
    }
    if (!(value >>= number))
        throw InputError(std::string(what) + " is missing");
    if (!std::isfinite(number) || number < 0 || number > 1)
        throw InputError(std::string(what) +
                         ": expects a rate from 0 % to 100 % (12,15 % or 0.1215)");
    return std::llround(number * 1'000'000.0);
}

std::vector<RateTable::Row> rateRows(const uno::Any& value, const DateContext& dates,
                                     std::string_view what)
{
    std::vector<RateTable::Row> rows;
    if (!value.hasValue())
        return rows;
    uno::Sequence<uno::Sequence<uno::Any>> range;
    if (!(value >>= range))
        throw InputError(std::string(what) + ": expects a two-column range (date, rate)");
    for (sal_Int32 r = 0; r < range.getLength(); ++r)
    {
        const auto& cells = range[r];
        if (cells.getLength() != 2)
            throw InputError(std::string(what) + ": expects a two-column range (date, rate)");
        const uno::Any& when = cells[0];
        const uno::Any& rate = cells[1];
        OUString text;
        const bool blankRate = !rate.hasValue() || ((rate >>= text) && text.trim().isEmpty());
        if (blankRate)
            continue; // a half-year listed without its rate yet (the row waiting to be filled)
        const std::string row = std::string(what) + ", row " + std::to_string(r + 1);
        HalfYear period;
        if ((when >>= text) && text.trim().getLength() == 7 && text[4] == '-' &&
            (text[5] == 'S' || text[5] == 's') && (text[6] == '1' || text[6] == '2'))
            period = HalfYear{text.copy(0, 4).toInt32(), text[6] - '0'};
        else if (const auto day = optionalDate(when, dates, row))
            period = halfYearOf(*day);
        else
            throw InputError(row + ": the date is missing");
        rows.push_back({period, ratePpm(rate, row)});
    }
    return rows;
}

std::string foldedOption(const uno::Any& raw, std::string_view what)
{
    const uno::Any value = singleValue(raw, what);
    OUString text;
    if (!value.hasValue())
        return {};
    if (!(value >>= text))
        throw InputError(std::string(what) + ": expects a word");
    return foldText(toUtf8(text));
}

} // namespace relance::addin
