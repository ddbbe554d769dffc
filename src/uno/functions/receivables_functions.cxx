// The spreadsheet functions: each converts its arguments, calls the core, converts the result.
#include <cmath>

#include "uno/functions/any_convert.hxx"
#include "core/risk/customer_risk.hxx"
#include "core/calendar/date_text.hxx"
#include "uno/common/guarded_call.hxx"
#include "core/risk/invoice_status.hxx"
#include "core/law/late_payment_law.hxx"
#include "uno/functions/range_reader.hxx"
#include "uno/functions/receivables_addin.hxx"
#include "core/metrics/receivables_metrics.hxx"
#include "core/common/text_fold.hxx"

using namespace css;

namespace relance::addin
{
namespace
{

using Document = ReceivablesAddIn::Document;

uno::Reference<uno::XInterface> self(ReceivablesAddIn* addIn)
{
    return static_cast<cppu::OWeakObject*>(addIn);
}

DayNumber asOfOrToday(const uno::Any& asOf, const DateContext& dates)
{
    return optionalDate(asOf, dates, "as-of date").value_or(today());
}

// The dates lateness is measured with. Without an as-of date a paid invoice's lateness is
// final (measured at its payment); an open one runs to today.
struct Lateness
{
    DayNumber due;
    std::optional<DayNumber> paid;
    DayNumber situation;
};

Lateness lateness(const DateContext& dates, const uno::Any& dueDate, const uno::Any& paymentDate,
                  const uno::Any& asOf)
{
    const DayNumber due = requiredDate(dueDate, dates, "due date");
    const auto paid = optionalDate(paymentDate, dates, "payment date");
    return {due, paid, optionalDate(asOf, dates, "as-of date").value_or(paid ? *paid : today())};
}

double euros(Cents cents)
{
    return eurosFromCents(cents);
}

double rate(RatePpm ppm)
{
    return static_cast<double>(ppm) / 1'000'000.0;
}

uno::Any daysOrNotApplicable(std::optional<double> days)
{
    return days ? uno::Any(*days) : uno::Any();
}

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

RateTable ecbRates(const uno::Any& rates, const DateContext& dates)
{
    const auto rows = rateRows(rates, dates, "rates");
    return rows.empty() ? RateTable::ecbMainRefinancing()
                        : RateTable::ecbMainRefinancing().withOverrides(rows);
}

RateTable legalRates(const uno::Any& rates, const DateContext& dates)
{
    const auto rows = rateRows(rates, dates, "rates");
    return rows.empty() ? RateTable::legalInterest()
                        : RateTable::legalInterest().withOverrides(rows);
}

InvoiceColumns invoiceColumns(const uno::Any& dueDates, const uno::Any& amounts,
                              const uno::Any& paymentDates, const uno::Any& paidAmounts,
                              const uno::Any& invoiceDates)
{
    InvoiceColumns columns;
    columns.dueDates = dueDates;
    columns.amounts = amounts;
    columns.paymentDates = paymentDates;
    columns.paidAmounts = paidAmounts;
    columns.invoiceDates = invoiceDates;
    return columns;
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

void requireCustomers(const uno::Any& customers)
{
    if (isBlank(customers))
        throw InputError("customers are missing");
}

RiskThresholds riskThresholds(const uno::Any& value)
{
    RiskThresholds t;
    const CellView cells(value);
    if (cells.size() > 8)
        throw InputError("thresholds: at most 8 values");
    auto number = [&](std::size_t i, double fallback)
    {
        double v = fallback;
        OUString text;
        if (i >= cells.size() || !cells[i].hasValue() ||
            ((cells[i] >>= text) && text.trim().isEmpty()))
            return fallback;
        if (!(cells[i] >>= v) || !std::isfinite(v) || v < 0)
            throw InputError("thresholds: value " + std::to_string(i + 1) +
                             " must be a positive number");
        return v;
    };
    t.ratingB = static_cast<int>(number(0, t.ratingB));
    t.ratingC = static_cast<int>(number(1, t.ratingC));
    t.ratingD = static_cast<int>(number(2, t.ratingD));
    t.concentration = number(3, t.concentration);
    t.youngYears = static_cast<int>(number(4, t.youngYears));
    t.creditAlert = number(5, t.creditAlert);
    t.creditWarning = number(6, t.creditWarning);
    t.creditCritical = number(7, t.creditCritical);
    if (!(t.ratingB < t.ratingC && t.ratingC < t.ratingD))
        throw InputError("thresholds: the rating bounds must increase");
    if (!(t.creditAlert < t.creditWarning && t.creditWarning < t.creditCritical))
        throw InputError("thresholds: the credit-limit alerts must increase");
    return t;
}

RiskAssessment assessRisk(const Document& options, const uno::Any& customers,
                          const uno::Any& customer, const uno::Any& dueDates,
                          const uno::Any& amounts, const uno::Any& paymentDates,
                          const uno::Any& paidAmounts, const uno::Any& flags, const uno::Any& asOf,
                          const uno::Any& creationDate, const uno::Any& creditLimit,
                          const uno::Any& thresholds, const uno::Any& invoiceDates)
{
    const DateContext dates(options);
    const DayNumber situation = asOfOrToday(asOf, dates);
    InvoiceColumns columns =
        invoiceColumns(dueDates, amounts, paymentDates, paidAmounts, invoiceDates);
    columns.flags = flags;
    columns.customers = customers;
    columns.customer = customer;
    requireCustomers(customers);
    const InvoiceRows rows = readInvoiceRows(columns, dates, situation);
    std::vector<CustomerInvoice> mine;
    for (std::size_t i = 0; i < rows.lines.size(); ++i)
        if (rows.matchesCustomer[i])
            mine.push_back({rows.lines[i], rows.flags.empty() ? FollowUpFlags{} : rows.flags[i]});
    const std::optional<Cents> limit = optionalAmount(creditLimit, "credit limit");
    return assessCustomerRisk(mine, totalOutstanding(rows.lines, situation), situation,
                              optionalDate(creationDate, dates, "creation date"), limit,
                              riskThresholds(thresholds));
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

OUString ReceivablesAddIn::invoiceStatus(const Document& options, const uno::Any& dueDate,
                                         const uno::Any& amount, const uno::Any& paidAmount,
                                         const uno::Any& paymentDate, const uno::Any& asOf,
                                         const uno::Any& flags)
{
    return guardedCall(self(this),
                       [&]
                       {
                           const DateContext dates(options);
                           const DayNumber situation = asOfOrToday(asOf, dates);
                           InvoiceLine line;
                           line.dueDate = requiredDate(dueDate, dates, "due date");
                           line.amount = requiredAmount(amount, "amount");
                           line.paid = optionalAmount(paidAmount, "paid amount");
                           line.paymentDate = optionalDate(paymentDate, dates, "payment date");
                           OUString notes;
                           singleValue(flags, "flags") >>= notes;
                           const FollowUpFlags followUp =
                               parseFollowUpFlags(toUtf8(notes), situation);
                           return fromUtf8(statusLabel(
                               relance::invoiceStatus(line.amount, outstandingAsOf(line, situation),
                                                      line.dueDate, situation, followUp),
                               resultLanguage()));
                       });
}

double ReceivablesAddIn::penalty(const Document& options, const uno::Any& amount,
                                 const uno::Any& dueDate, const uno::Any& paymentDate,
                                 const uno::Any& asOf, const uno::Any& contractRate,
                                 const uno::Any& rates)
{
    return guardedCall(self(this),
                       [&]
                       {
                           const DateContext dates(options);
                           const Cents principal = requiredAmount(amount, "amount");
                           const auto [due, paid, situation] =
                               lateness(dates, dueDate, paymentDate, asOf);
                           const DayNumber end = isPaidAsOf(paid, situation) ? *paid : situation;
                           const std::optional<RatePpm> contractual =
                               relance::addin::contractRate(contractRate, "contract rate");
                           const Penalty result =
                               contractual
                                   ? contractualPenalty(principal, due, end, *contractual)
                                   : statutoryPenalty(principal, due, end, ecbRates(rates, dates));
                           return euros(result.amount);
                       });
}

double ReceivablesAddIn::indemnity(const Document& options, const uno::Any& dueDate,
                                   const uno::Any& paymentDate, const uno::Any& asOf)
{
    return guardedCall(
        self(this),
        [&]
        {
            const DateContext dates(options);
            const Lateness late = lateness(dates, dueDate, paymentDate, asOf);
            return euros(recoveryIndemnity(relance::daysLate(late.due, late.paid, late.situation)));
        });
}

double ReceivablesAddIn::penaltyRate(const Document& options, const uno::Any& date,
                                     const uno::Any& rates)
{
    return guardedCall(
        self(this),
        [&]
        {
            const DateContext dates(options);
            return rate(statutoryPenaltyRate(asOfOrToday(date, dates), ecbRates(rates, dates)));
        });
}

double ReceivablesAddIn::legalRate(const Document& options, const uno::Any& date,
                                   const uno::Any& rates)
{
    return guardedCall(
        self(this),
        [&]
        {
            const DateContext dates(options);
            const HalfYear period = halfYearOf(asOfOrToday(date, dates));
            return rate(legalRates(rates, dates).requireRateFor(period, "legal interest rate"));
        });
}

double ReceivablesAddIn::rateFloorCheck(const Document& options, const uno::Any& contractRate,
                                        const uno::Any& date, const uno::Any& rates)
{
    return guardedCall(self(this),
                       [&]
                       {
                           const DateContext dates(options);
                           // 1 or 0, as Calc's own TRUE and FALSE (a UNO boolean result does not
                           // reach the cell).
                           return respectsLegalFloor(ratePpm(contractRate, "contract rate"),
                                                     asOfOrToday(date, dates),
                                                     legalRates(rates, dates))
                                      ? 1.0
                                      : 0.0;
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

double ReceivablesAddIn::riskScore(const Document& options, const uno::Any& customers,
                                   const uno::Any& customer, const uno::Any& dueDates,
                                   const uno::Any& amounts, const uno::Any& paymentDates,
                                   const uno::Any& paidAmounts, const uno::Any& flags,
                                   const uno::Any& asOf, const uno::Any& creationDate,
                                   const uno::Any& creditLimit, const uno::Any& thresholds,
                                   const uno::Any& invoiceDates)
{
    return guardedCall(self(this),
                       [&]
                       {
                           return static_cast<double>(
                               assessRisk(options, customers, customer, dueDates, amounts,
                                          paymentDates, paidAmounts, flags, asOf, creationDate,
                                          creditLimit, thresholds, invoiceDates)
                                   .score);
                       });
}

OUString ReceivablesAddIn::riskFlags(const Document& options, const uno::Any& customers,
                                     const uno::Any& customer, const uno::Any& dueDates,
                                     const uno::Any& amounts, const uno::Any& paymentDates,
                                     const uno::Any& paidAmounts, const uno::Any& flags,
                                     const uno::Any& asOf, const uno::Any& creationDate,
                                     const uno::Any& creditLimit, const uno::Any& thresholds,
                                     const uno::Any& invoiceDates)
{
    return guardedCall(self(this),
                       [&]
                       {
                           return fromUtf8(describeReasons(
                               assessRisk(options, customers, customer, dueDates, amounts,
                                          paymentDates, paidAmounts, flags, asOf, creationDate,
                                          creditLimit, thresholds, invoiceDates),
                               resultLanguage()));
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
