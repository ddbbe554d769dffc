// The aging and metrics functions: aging bucket, aged balance, overdue amounts, DSO, ADD, CEI and
// the amount-weighted averages, over the whole ranges or one customer's rows.
#include "uno/functions/any_convert.hxx"
#include "uno/common/guarded_call.hxx"
#include "uno/functions/range_reader.hxx"
#include "uno/functions/receivables_addin.hxx"
#include "uno/functions/receivables_functions_detail.hxx"
#include "core/metrics/receivables_metrics.hxx"
#include "core/common/text_fold.hxx"

using namespace css;

namespace relance::addin
{
using namespace detail;

namespace
{

uno::Any daysOrNotApplicable(std::optional<double> days)
{
    return days ? uno::Any(*days) : uno::Any();
}

bool invoiceBasis(const uno::Any& basis)
{
    const uno::Any value = singleValue(basis, "basis");
    double number = 0;
    if (value >>= number)
    {
        if (number == 0 || number == 1)
            return number == 1;
        throw InputError("basis: expects 0 (due date) or 1 (invoice date)");
    }
    const std::string option = foldedOption(value, "basis");
    if (option.empty() || option == "echeance" || option == "due" || option == "due date")
        return false;
    if (option == "facture" || option == "date de facture" || option == "invoice" ||
        option == "invoice date")
        return true;
    throw InputError("basis: expects \"échéance\"/\"due\" or \"facture\"/\"invoice\"");
}

// Days in the DSO period: a 365- or 360-day year, prorated to the number of months.
double periodDays(const uno::Any& months, const uno::Any& basis)
{
    const int monthCount = optionalInteger(months, "months", 12, 1, 120);
    const int yearDays = optionalInteger(basis, "day basis", 365, 360, 365);
    if (yearDays != 360 && yearDays != 365)
        throw InputError("day basis: expects 365 or 360");
    return yearDays * monthCount / 12.0;
}

uno::Sequence<uno::Sequence<double>> bucketRow(const std::vector<Cents>& totals)
{
    uno::Sequence<double> row(static_cast<sal_Int32>(totals.size()));
    for (std::size_t i = 0; i < totals.size(); ++i)
        row.getArray()[i] = euros(totals[i]);
    return uno::Sequence<uno::Sequence<double>>(&row, 1);
}

std::optional<double> weightedDays(const std::vector<InvoiceLine>& lines,
                                   std::optional<int> (*daysOf)(const InvoiceLine&, DayNumber),
                                   DayNumber asOf)
{
    std::vector<std::pair<Cents, int>> amountDays;
    for (const InvoiceLine& line : lines)
        if (const auto days = daysOf(line, asOf))
            amountDays.emplace_back(line.amount, *days);
    return weightedAverageDays(amountDays);
}

std::optional<int> daysToPayOf(const InvoiceLine& line, DayNumber asOf)
{
    if (!line.invoiceDate || !line.paymentDate || *line.paymentDate > asOf)
        return std::nullopt;
    return *line.paymentDate - *line.invoiceDate;
}

std::optional<int> daysLateOf(const InvoiceLine& line, DayNumber asOf)
{
    if (!line.dueDate)
        return std::nullopt;
    return relance::daysLate(*line.dueDate, line.paymentDate, asOf);
}

std::optional<int> termsOf(const InvoiceLine& line, DayNumber)
{
    if (!line.invoiceDate || !line.dueDate)
        return std::nullopt;
    return *line.dueDate - *line.invoiceDate;
}

InvoiceRows customerRows(const Document& options, const uno::Any& customers,
                         const uno::Any& customer, InvoiceColumns columns, DayNumber asOf)
{
    columns.customers = customers;
    columns.customer = customer;
    return readInvoiceRows(columns, DateContext(options), asOf);
}

uno::Sequence<uno::Sequence<double>>
agedBalanceOf(const Document& options, const uno::Any& customers, const uno::Any& customer,
              const uno::Any& dueDates, const uno::Any& amounts, const uno::Any& paymentDates,
              const uno::Any& paidAmounts, const uno::Any& asOf, const uno::Any& bounds,
              const uno::Any& invoiceDates)
{
    const DayNumber situation = asOfOrToday(asOf, DateContext(options));
    const InvoiceRows rows = customerRows(
        options, customers, customer,
        invoiceColumns(dueDates, amounts, paymentDates, paidAmounts, invoiceDates), situation);
    return bucketRow(relance::agedBalance(selectedLines(rows), situation, agingBounds(bounds)));
}

double overdueOf(const Document& options, const uno::Any& customers, const uno::Any& customer,
                 const uno::Any& dueDates, const uno::Any& amounts, const uno::Any& paymentDates,
                 const uno::Any& paidAmounts, const uno::Any& asOf, const uno::Any& minDays,
                 const uno::Any& invoiceDates)
{
    const DayNumber situation = asOfOrToday(asOf, DateContext(options));
    const InvoiceRows rows = customerRows(
        options, customers, customer,
        invoiceColumns(dueDates, amounts, paymentDates, paidAmounts, invoiceDates), situation);
    return euros(overdueAmount(selectedLines(rows), situation,
                               optionalInteger(minDays, "minimum days", 0, 0, 36500)));
}

uno::Any averageDaysToPayOf(const Document& options, const uno::Any& customers,
                            const uno::Any& customer, const uno::Any& invoiceDates,
                            const uno::Any& paymentDates, const uno::Any& amounts)
{
    // Every recorded payment counts, whatever today's date.
    const DayNumber end = toDayNumber({kMaxYear, 12, 31});
    const InvoiceRows rows = customerRows(
        options, customers, customer,
        invoiceColumns(uno::Any(), amounts, paymentDates, uno::Any(), invoiceDates), end);
    return daysOrNotApplicable(weightedDays(selectedLines(rows), daysToPayOf, end));
}

uno::Any averageDaysLateOf(const Document& options, const uno::Any& customers,
                           const uno::Any& customer, const uno::Any& dueDates,
                           const uno::Any& amounts, const uno::Any& paymentDates,
                           const uno::Any& asOf)
{
    const DayNumber situation = asOfOrToday(asOf, DateContext(options));
    const InvoiceRows rows = customerRows(
        options, customers, customer,
        invoiceColumns(dueDates, amounts, paymentDates, uno::Any(), uno::Any()), situation);
    return daysOrNotApplicable(weightedDays(selectedLines(rows), daysLateOf, situation));
}

} // namespace

OUString ReceivablesAddIn::agingBucket(const Document& options, const uno::Any& dueDate,
                                       const uno::Any& paymentDate, const uno::Any& asOf,
                                       const uno::Any& bounds, const uno::Any& basis)
{
    return guardedCall(self(this),
                       [&]
                       {
                           const DateContext dates(options);
                           const DayNumber from = requiredDate(dueDate, dates, "due date");
                           const auto paid = optionalDate(paymentDate, dates, "payment date");
                           const DayNumber situation = asOfOrToday(asOf, dates);
                           const AgingBounds buckets = agingBounds(bounds);
                           const bool byInvoiceDate = invoiceBasis(basis);
                           const Language language = resultLanguage();
                           if (isPaidAsOf(paid, situation))
                               return fromUtf8(paidLabel(language));
                           const int days = situation - from;
                           return fromUtf8(
                               byInvoiceDate ? buckets.ageLabel(buckets.ageBucketOf(days), language)
                                             : buckets.label(buckets.bucketOf(days), language));
                       });
}

uno::Sequence<uno::Sequence<double>>
ReceivablesAddIn::agedBalance(const Document& options, const uno::Any& dueDates,
                              const uno::Any& amounts, const uno::Any& paymentDates,
                              const uno::Any& paidAmounts, const uno::Any& asOf,
                              const uno::Any& bounds, const uno::Any& invoiceDates)
{
    return guardedCall(self(this),
                       [&]
                       {
                           return agedBalanceOf(options, uno::Any(), uno::Any(), dueDates, amounts,
                                                paymentDates, paidAmounts, asOf, bounds,
                                                invoiceDates);
                       });
}

uno::Sequence<uno::Sequence<double>>
ReceivablesAddIn::agedBalanceIf(const Document& options, const uno::Any& customers,
                                const uno::Any& customer, const uno::Any& dueDates,
                                const uno::Any& amounts, const uno::Any& paymentDates,
                                const uno::Any& paidAmounts, const uno::Any& asOf,
                                const uno::Any& bounds, const uno::Any& invoiceDates)
{
    return guardedCall(self(this),
                       [&]
                       {
                           requireCustomers(customers);
                           return agedBalanceOf(options, customers, customer, dueDates, amounts,
                                                paymentDates, paidAmounts, asOf, bounds,
                                                invoiceDates);
                       });
}

double ReceivablesAddIn::overdue(const Document& options, const uno::Any& dueDates,
                                 const uno::Any& amounts, const uno::Any& paymentDates,
                                 const uno::Any& paidAmounts, const uno::Any& asOf,
                                 const uno::Any& minDays, const uno::Any& invoiceDates)
{
    return guardedCall(self(this),
                       [&]
                       {
                           return overdueOf(options, uno::Any(), uno::Any(), dueDates, amounts,
                                            paymentDates, paidAmounts, asOf, minDays, invoiceDates);
                       });
}

double ReceivablesAddIn::overdueIf(const Document& options, const uno::Any& customers,
                                   const uno::Any& customer, const uno::Any& dueDates,
                                   const uno::Any& amounts, const uno::Any& paymentDates,
                                   const uno::Any& paidAmounts, const uno::Any& asOf,
                                   const uno::Any& minDays, const uno::Any& invoiceDates)
{
    return guardedCall(self(this),
                       [&]
                       {
                           requireCustomers(customers);
                           return overdueOf(options, customers, customer, dueDates, amounts,
                                            paymentDates, paidAmounts, asOf, minDays, invoiceDates);
                       });
}

uno::Any ReceivablesAddIn::overdueShare(const Document& options, const uno::Any& dueDates,
                                        const uno::Any& amounts, const uno::Any& paymentDates,
                                        const uno::Any& paidAmounts, const uno::Any& asOf,
                                        const uno::Any& minDays, const uno::Any& invoiceDates)
{
    return guardedCall(
        self(this),
        [&]
        {
            const DateContext dates(options);
            const DayNumber situation = asOfOrToday(asOf, dates);
            const InvoiceRows rows = readInvoiceRows(
                invoiceColumns(dueDates, amounts, paymentDates, paidAmounts, invoiceDates), dates,
                situation);
            const Cents total = totalOutstanding(rows.lines, situation);
            if (total <= 0)
                return uno::Any(); // nothing outstanding: #N/A
            const Cents late = overdueAmount(rows.lines, situation,
                                             optionalInteger(minDays, "minimum days", 0, 0, 36500));
            return uno::Any(static_cast<double>(late) / static_cast<double>(total));
        });
}

double ReceivablesAddIn::dso(const Document&, const uno::Any& receivables, const uno::Any& sales,
                             const uno::Any& months, const uno::Any& basis)
{
    return guardedCall(self(this),
                       [&]
                       {
                           return dsoStandard(sumOfAmounts(receivables, "receivables"),
                                              sumOfAmounts(sales, "sales"),
                                              periodDays(months, basis));
                       });
}

double ReceivablesAddIn::dsoCountback(const Document& options, const uno::Any& invoiceDates,
                                      const uno::Any& amounts, const uno::Any& paymentDates,
                                      const uno::Any& paidAmounts, const uno::Any& asOf)
{
    return guardedCall(self(this),
                       [&]
                       {
                           const DateContext dates(options);
                           const DayNumber situation = asOfOrToday(asOf, dates);
                           if (!invoiceDates.hasValue())
                               throw InputError("invoice dates are missing");
                           const InvoiceRows rows =
                               readInvoiceRows(invoiceColumns(uno::Any(), amounts, paymentDates,
                                                              paidAmounts, invoiceDates),
                                               dates, situation);
                           return relance::dsoCountback(totalOutstanding(rows.lines, situation),
                                                        rows.lines, situation);
                       });
}

double ReceivablesAddIn::bestPossibleDso(const Document&, const uno::Any& currentReceivables,
                                         const uno::Any& sales, const uno::Any& months,
                                         const uno::Any& basis)
{
    return guardedCall(self(this),
                       [&]
                       {
                           return dsoStandard(
                               sumOfAmounts(currentReceivables, "current receivables"),
                               sumOfAmounts(sales, "sales"), periodDays(months, basis));
                       });
}

double ReceivablesAddIn::averageDaysDelinquent(const Document&, const uno::Any& receivables,
                                               const uno::Any& currentReceivables,
                                               const uno::Any& sales, const uno::Any& months,
                                               const uno::Any& basis)
{
    return guardedCall(
        self(this),
        [&]
        {
            const Cents total = sumOfAmounts(receivables, "receivables");
            const Cents current = sumOfAmounts(currentReceivables, "current receivables");
            if (current > total)
                throw InputError("current receivables exceed the receivables");
            const Cents turnover = sumOfAmounts(sales, "sales");
            const double days = periodDays(months, basis);
            return dsoStandard(total, turnover, days) - dsoStandard(current, turnover, days);
        });
}

double
ReceivablesAddIn::collectionEffectiveness(const Document&, const uno::Any& openingReceivables,
                                          const uno::Any& sales, const uno::Any& closingReceivables,
                                          const uno::Any& closingCurrent, const uno::Any& months)
{
    return guardedCall(self(this),
                       [&]
                       {
                           return relance::collectionEffectiveness(
                               sumOfAmounts(openingReceivables, "opening receivables"),
                               sumOfAmounts(sales, "sales"),
                               sumOfAmounts(closingReceivables, "closing receivables"),
                               sumOfAmounts(closingCurrent, "closing current receivables"),
                               optionalInteger(months, "months", 1, 1, 120));
                       });
}

uno::Any ReceivablesAddIn::averageDaysToPay(const Document& options, const uno::Any& invoiceDates,
                                            const uno::Any& paymentDates, const uno::Any& amounts)
{
    return guardedCall(self(this),
                       [&]
                       {
                           return averageDaysToPayOf(options, uno::Any(), uno::Any(), invoiceDates,
                                                     paymentDates, amounts);
                       });
}

uno::Any ReceivablesAddIn::averageDaysToPayIf(const Document& options, const uno::Any& customers,
                                              const uno::Any& customer,
                                              const uno::Any& invoiceDates,
                                              const uno::Any& paymentDates, const uno::Any& amounts)
{
    return guardedCall(self(this),
                       [&]
                       {
                           requireCustomers(customers);
                           return averageDaysToPayOf(options, customers, customer, invoiceDates,
                                                     paymentDates, amounts);
                       });
}

uno::Any ReceivablesAddIn::averageDaysLate(const Document& options, const uno::Any& dueDates,
                                           const uno::Any& amounts, const uno::Any& paymentDates,
                                           const uno::Any& asOf)
{
    return guardedCall(self(this),
                       [&]
                       {
                           return averageDaysLateOf(options, uno::Any(), uno::Any(), dueDates,
                                                    amounts, paymentDates, asOf);
                       });
}

uno::Any ReceivablesAddIn::averageDaysLateIf(const Document& options, const uno::Any& customers,
                                             const uno::Any& customer, const uno::Any& dueDates,
                                             const uno::Any& amounts, const uno::Any& paymentDates,
                                             const uno::Any& asOf)
{
    return guardedCall(self(this),
                       [&]
                       {
                           requireCustomers(customers);
                           return averageDaysLateOf(options, customers, customer, dueDates, amounts,
                                                    paymentDates, asOf);
                       });
}

uno::Any ReceivablesAddIn::averageTerms(const Document& options, const uno::Any& invoiceDates,
                                        const uno::Any& dueDates, const uno::Any& amounts)
{
    return guardedCall(self(this),
                       [&]
                       {
                           const DateContext dates(options);
                           const InvoiceRows rows =
                               readInvoiceRows(invoiceColumns(dueDates, amounts, uno::Any(),
                                                              uno::Any(), invoiceDates),
                                               dates, today());
                           return daysOrNotApplicable(weightedDays(rows.lines, termsOf, today()));
                       });
}

} // namespace relance::addin
