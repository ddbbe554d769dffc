#include "any_convert.hxx"

#include <cmath>
#include <ctime>
#include <unordered_map>

#include <com/sun/star/util/Date.hpp>

#include "date_text.hxx"
#include "input_error.hxx"

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

uno::Any singleValue(const uno::Any& value, std::string_view what)
{
    uno::Sequence<uno::Sequence<uno::Any>> rows;
    if (!(value >>= rows))
        return value;
    if (rows.getLength() == 1 && rows[0].getLength() == 1)
        return rows[0][0];
    throw InputError(std::string(what) + ": expects a single cell, not a range");
}

std::optional<DayNumber> optionalDate(const uno::Any& raw, const DateContext& dates,
                                      std::string_view what)
{
    const uno::Any value = singleValue(raw, what);
    double number = 0;
    OUString text;
    if (!value.hasValue())
        return std::nullopt;
    if (value >>= number)
    {
        if (number == 0)
            return std::nullopt;
        try
        {
            return dates.fromSerial(number);
        }
        catch (const InputError& error)
        {
            throw InputError(std::string(what) + ": " + error.what());
        }
    }
    if (value >>= text)
    {
        const OUString trimmed = text.trim();
        if (trimmed.isEmpty())
            return std::nullopt;
        const std::string utf8 = toUtf8(trimmed);
        if (const auto day = parseDateText(utf8))
            return day;
        throw InputError(std::string(what) + ": \"" + utf8 + "\" is not a date");
    }
    throw InputError(std::string(what) + ": expects a date");
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

} // namespace relance::addin
