#include "core/ledger/ledger_preview.hxx"
#include "core/ledger/source_sheets.hxx"

#include <cstdio>
#include <memory>
#include <stdexcept>

#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

namespace relance
{

std::string formatMoney(Cents cents, Language language)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale =
        language == Language::French ? icu::Locale("fr", "FR") : icu::Locale("en", "GB");
    thread_local icu::number::LocalizedNumberFormatter french =
        icu::number::NumberFormatter::withLocale(icu::Locale("fr", "FR"))
            .unit(icu::CurrencyUnit(u"EUR", status));
    thread_local icu::number::LocalizedNumberFormatter english =
        icu::number::NumberFormatter::withLocale(icu::Locale("en", "GB"))
            .unit(icu::CurrencyUnit(u"EUR", status));
    (void)locale;
    // Cents as a decimal string keeps the amount exact through the formatter.
    char decimal[32];
    std::snprintf(decimal, sizeof decimal, "%s%lld.%02lld", cents < 0 ? "-" : "",
                  static_cast<long long>((cents < 0 ? -cents : cents) / 100),
                  static_cast<long long>((cents < 0 ? -cents : cents) % 100));
    status = U_ZERO_ERROR;
    const icu::number::FormattedNumber formatted =
        (language == Language::French ? french : english).formatDecimal(decimal, status);
    std::string out;
    if (U_SUCCESS(status))
        formatted.toString(status).toUTF8String(out);
    return U_SUCCESS(status) ? out : std::string(decimal) + " EUR";
}

namespace
{

// One formatter per pattern and thread (ICU formatters are not safe for concurrent use).
std::string formatWithPattern(DayNumber day, Language language, bool longForm)
{
    const auto make = [](const char16_t* pattern, const icu::Locale& locale)
    {
        UErrorCode status = U_ZERO_ERROR;
        auto format =
            std::make_unique<icu::SimpleDateFormat>(icu::UnicodeString(pattern), locale, status);
        if (U_FAILURE(status))
            throw std::runtime_error("ICU date format unavailable");
        // Proleptic Gregorian in UTC, as the day numbers are: no Julian calendar before 1582,
        // no time zone to shift a date.
        auto calendar = std::make_unique<icu::GregorianCalendar>(icu::TimeZone::getGMT()->clone(),
                                                                 locale, status);
        calendar->setGregorianChange(-8.64e15, status);
        if (U_FAILURE(status))
            throw std::runtime_error("ICU calendar unavailable");
        format->adoptCalendar(calendar.release());
        return format;
    };
    thread_local const std::unique_ptr<icu::SimpleDateFormat> formats[2][2] = {
        {make(u"dd/MM/y", icu::Locale("fr", "FR")), make(u"d MMMM y", icu::Locale("fr", "FR"))},
        {make(u"y-MM-dd", icu::Locale("en", "GB")), make(u"d MMMM y", icu::Locale("en", "GB"))}};
    const icu::SimpleDateFormat& format =
        *formats[language == Language::French ? 0 : 1][longForm ? 1 : 0];
    icu::UnicodeString text;
    format.format(static_cast<UDate>(day) * U_MILLIS_PER_DAY, text);
    std::string out;
    text.toUTF8String(out);
    return out;
}

} // namespace

std::string formatDate(DayNumber day, Language language)
{
    return formatWithPattern(day, language, false);
}

std::string formatLongDate(DayNumber day, Language language)
{
    std::string text = formatWithPattern(day, language, true);
    if (language == Language::French && toCivil(day).day == 1)
        text.insert(1, "er");
    return text;
}

std::string previewText(const ImportResult& result, const SourceSheets& sheets, Language language,
                        std::size_t maxRows, std::size_t maxProblems)
{
    const bool fr = language == Language::French;
    std::string text;
    // The remarks first: each is money wrongly chased or left out unless the user decides.
    if (!result.remarks.empty())
    {
        const std::string count = std::to_string(result.remarks.size());
        text = fr ? "Incohérences à vérifier (" + count + ") :\n"
                  : "Inconsistencies to check (" + count + "):\n";
        for (const ConsistencyRemark& remark : result.remarks)
            text += "- " + describe(remark, language, sheets) + "\n  " + fixText(remark, language) +
                    "\n";
        text += "\n";
    }
    text += fr ? std::to_string(result.invoices.size()) + " facture(s) lue(s)"
               : std::to_string(result.invoices.size()) + " invoice(s) read";
    if (sheets.size() > 1)
        text += fr ? " sur " + std::to_string(sheets.size()) + " feuilles"
                   : " from " + std::to_string(sheets.size()) + " sheets";
    text += fr ? ". Premières lignes :\n" : ". First rows:\n";
    for (std::size_t i = 0; i < result.invoices.size() && i < maxRows; ++i)
    {
        const ImportedInvoice& invoice = result.invoices[i];
        text += (fr ? "Ligne " : "Row ") +
                sourceRowText(sheets, invoice.sourceSheet, invoice.sourceRow) + " | " +
                invoice.number + " | " + invoice.customer + " | " +
                (invoice.invoiceDate ? formatDate(*invoice.invoiceDate, language) : "-") + " | " +
                (invoice.dueDate ? formatDate(*invoice.dueDate, language) : "-") + " | " +
                (invoice.amountInclVat ? formatMoney(*invoice.amountInclVat, language) : "-") +
                " | " + (invoice.paidAmount ? formatMoney(*invoice.paidAmount, language) : "-") +
                "\n";
    }
    if (result.problems.empty())
        return text + (fr ? "\nAucun problème détecté.\n" : "\nNo problem found.\n");
    text += fr ? "\n" + std::to_string(result.problems.size()) + " remarque(s) :\n"
               : "\n" + std::to_string(result.problems.size()) + " remark(s):\n";
    for (std::size_t i = 0; i < result.problems.size() && i < maxProblems; ++i)
        text += "- " + describe(result.problems[i], language, sheets) + "\n";
    if (result.problems.size() > maxProblems)
        text += fr ? "…\n" : "...\n";
    return text;
}

std::string previewText(const ImportResult& result, std::size_t firstSheetRow, Language language,
                        std::size_t maxRows, std::size_t maxProblems)
{
    return previewText(result, SourceSheets{{std::string(), firstSheetRow}}, language, maxRows,
                       maxProblems);
}

} // namespace relance
