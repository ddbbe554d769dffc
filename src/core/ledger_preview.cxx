#include "ledger_preview.hxx"

#include <cstdio>
#include <memory>

#include <unicode/locid.h>
#include <unicode/numberformatter.h>

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

std::string formatDate(DayNumber day, Language language)
{
    const CivilDate date = toCivil(day);
    char text[32];
    if (language == Language::French)
        std::snprintf(text, sizeof text, "%02u/%02u/%04d", date.day, date.month, date.year);
    else
        std::snprintf(text, sizeof text, "%04d-%02u-%02u", date.year, date.month, date.day);
    return text;
}

std::string previewText(const ImportResult& result, std::size_t firstSheetRow, Language language,
                        std::size_t maxRows, std::size_t maxProblems)
{
    const bool fr = language == Language::French;
    std::string text =
        fr ? std::to_string(result.invoices.size()) + " facture(s) lue(s). Premières lignes :\n"
           : std::to_string(result.invoices.size()) + " invoice(s) read. First rows:\n";
    for (std::size_t i = 0; i < result.invoices.size() && i < maxRows; ++i)
    {
        const ImportedInvoice& invoice = result.invoices[i];
        text += (fr ? "Ligne " : "Row ") + std::to_string(invoice.sourceRow + firstSheetRow) +
                " | " + invoice.number + " | " + invoice.customer + " | " +
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
        text += "- " + describe(result.problems[i], language, firstSheetRow) + "\n";
    if (result.problems.size() > maxProblems)
        text += fr ? "…\n" : "...\n";
    return text;
}

} // namespace relance
