// The date and terms functions: due date, terms check, days late, days to pay, and the check of
// typed values. Each converts its arguments, calls the core, converts the result.
#include "uno/functions/any_convert.hxx"
#include "core/calendar/date_text.hxx"
#include "uno/common/guarded_call.hxx"
#include "core/law/late_payment_law.hxx"
#include "uno/functions/range_reader.hxx"
#include "uno/functions/receivables_addin.hxx"
#include "uno/functions/receivables_functions_detail.hxx"
#include "core/common/text_fold.hxx"

using namespace css;

namespace relance::addin
{
using namespace detail;

namespace
{

WeekendShift weekendShift(const uno::Any& raw)
{
    const uno::Any value = singleValue(raw, "weekend");
    double number = 0;
    if (value >>= number)
    {
        if (number == 0)
            return WeekendShift::None;
        if (number == 1)
            return WeekendShift::NextMonday;
        if (number == -1)
            return WeekendShift::PreviousFriday;
        throw InputError("weekend: expects 0, 1 (next Monday) or -1 (previous Friday)");
    }
    const std::string option = foldedOption(value, "weekend");
    if (option.empty())
        return WeekendShift::None;
    if (option == "suivant" || option == "lundi" || option == "next" || option == "monday")
        return WeekendShift::NextMonday;
    if (option == "precedent" || option == "vendredi" || option == "previous" || option == "friday")
        return WeekendShift::PreviousFriday;
    throw InputError("weekend: expects 0, 1 (next Monday) or -1 (previous Friday)");
}

} // namespace

double ReceivablesAddIn::dueDate(const Document& options, const uno::Any& invoiceDate,
                                 const uno::Any& terms, const uno::Any& reading,
                                 const uno::Any& weekend)
{
    return guardedCall(
        self(this),
        [&]
        {
            const DateContext dates(options);
            const DayNumber invoice = requiredDate(invoiceDate, dates, "invoice date");
            const DayNumber due = shiftWeekend(
                relance::dueDate(invoice, paymentTerms(terms), endOfMonthReading(reading)),
                weekendShift(weekend));
            if (!isInSupportedRange(due))
                throw InputError("due date out of range");
            return dates.toSerial(due);
        });
}

OUString ReceivablesAddIn::termsCheck(const Document& options, const uno::Any& terms,
                                      const uno::Any& invoiceDate, const uno::Any& reading)
{
    return guardedCall(
        self(this),
        [&]
        {
            const DateContext dates(options);
            const TermsCompliance check =
                checkTermsCompliance(paymentTerms(terms), endOfMonthReading(reading),
                                     optionalDate(invoiceDate, dates, "invoice date"));
            const bool french = resultLanguage() == Language::French;
            if (check.compliant)
                return fromUtf8(french ? "Conforme" : "Compliant");
            const std::string longest = std::to_string(check.longestDays);
            const std::string limit = std::to_string(check.limitDays);
            return fromUtf8(french ? "Hors délai légal (L441-10) : jusqu'à " + longest +
                                         " j pour " + limit + " j autorisés"
                                   : "Beyond the legal limit (L441-10): up to " + longest +
                                         " days, " + limit + " allowed");
        });
}

double ReceivablesAddIn::daysLate(const Document& options, const uno::Any& dueDate,
                                  const uno::Any& paymentDate, const uno::Any& asOf)
{
    return guardedCall(self(this),
                       [&]
                       {
                           const DateContext dates(options);
                           const Lateness late = lateness(dates, dueDate, paymentDate, asOf);
                           return static_cast<double>(
                               relance::daysLate(late.due, late.paid, late.situation));
                       });
}

uno::Any ReceivablesAddIn::daysToPay(const Document& options, const uno::Any& invoiceDate,
                                     const uno::Any& paymentDate, const uno::Any& asOf)
{
    return guardedCall(
        self(this),
        [&]
        {
            const DateContext dates(options);
            const DayNumber invoice = requiredDate(invoiceDate, dates, "invoice date");
            const auto paid = optionalDate(paymentDate, dates, "payment date");
            const DayNumber situation =
                optionalDate(asOf, dates, "as-of date").value_or(paid ? *paid : today());
            if (!isPaidAsOf(paid, situation))
                return uno::Any(); // not paid yet: #N/A
            if (*paid < invoice)
                throw InputError("payment date before the invoice date");
            return uno::Any(static_cast<double>(*paid - invoice));
        });
}

OUString ReceivablesAddIn::checkValues(const Document& options, const uno::Any& values,
                                       const uno::Any& kind)
{
    return guardedCall(
        self(this),
        [&]
        {
            const DateContext dates(options);
            const std::string option = foldedOption(kind, "kind");
            enum class Kind
            {
                Date,
                Amount,
                Terms
            } expected = Kind::Date;
            if (option == "montant" || option == "montants" || option == "amount" ||
                option == "amounts")
                expected = Kind::Amount;
            else if (option == "conditions" || option == "terms")
                expected = Kind::Terms;
            else if (!option.empty() && option != "date" && option != "dates")
                throw InputError(
                    "kind: expects \"date\", \"montant\"/\"amount\" or \"conditions\"/\"terms\"");

            const bool french = resultLanguage() == Language::French;
            std::size_t row = 0;
            std::size_t read = 0;
            for (const uno::Any& cell : cellsOf(values))
            {
                ++row;
                OUString text;
                if (!cell.hasValue() || ((cell >>= text) && text.trim().isEmpty()))
                    continue;
                try
                {
                    if (expected == Kind::Date)
                        optionalDate(cell, dates, "value");
                    else if (expected == Kind::Amount)
                        optionalAmount(cell, "value");
                    else
                        paymentTerms(cell);
                    ++read;
                }
                catch (const InputError&)
                {
                    double number = 0;
                    const std::string shown =
                        (cell >>= text) ? toUtf8(text)
                                        : ((cell >>= number) ? std::to_string(number) : "?");
                    const char* what = expected == Kind::Date ? (french ? "une date" : "a date")
                                       : expected == Kind::Amount
                                           ? (french ? "un montant" : "an amount")
                                           : (french ? "des conditions de paiement reconnues"
                                                     : "recognised payment terms");
                    return fromUtf8(french ? "Ligne " + std::to_string(row) + " : « " + shown +
                                                 " » n'est pas " + what
                                           : "Row " + std::to_string(row) + ": \"" + shown +
                                                 "\" is not " + what);
                }
            }
            return fromUtf8(french ? "OK : " + std::to_string(read) + " valeurs lues"
                                   : "OK: " + std::to_string(read) + " values read");
        });
}

} // namespace relance::addin
