#include "core/risk/customer_risk.hxx"

#include <algorithm>
#include <cmath>

namespace relance
{
namespace
{

int daysLateOf(const InvoiceLine& line, DayNumber asOf)
{
    const DayNumber end = line.paymentDate && *line.paymentDate <= asOf ? *line.paymentDate : asOf;
    return std::max(0, end - *line.dueDate);
}

double average(std::span<const int> values)
{
    double sum = 0;
    for (int v : values)
        sum += v;
    return values.empty() ? 0 : sum / static_cast<double>(values.size());
}

} // namespace

RiskAssessment assessCustomerRisk(std::span<const CustomerInvoice> invoices,
                                  Cents allCustomersOutstanding, DayNumber asOf,
                                  std::optional<DayNumber> creationDate,
                                  std::optional<Cents> creditLimit, const RiskThresholds& t)
{
    RiskAssessment result;
    auto add = [&](RiskReason reason)
    {
        result.reasons.push_back(reason);
        result.score += reason.points;
    };

    // Invoices already due at the as-of date, oldest due date first.
    std::vector<const CustomerInvoice*> due;
    Cents outstanding = 0;
    int partial = 0, disputes = 0, broken = 0, litigation = 0, settled = 0, settledLate = 0;
    for (const CustomerInvoice& invoice : invoices)
    {
        const Cents open = outstandingAsOf(invoice.line, asOf);
        outstanding += open;
        if (open > 0)
        {
            if (open < invoice.line.amount)
                ++partial;
            disputes += invoice.flags.disputed;
            broken += invoice.flags.promiseBroken(asOf);
            litigation += invoice.flags.litigation;
        }
        if (invoice.line.dueDate && *invoice.line.dueDate < asOf &&
            !(invoice.line.invoiceDate && *invoice.line.invoiceDate > asOf))
            due.push_back(&invoice);
        if (invoice.line.dueDate && open == 0 && invoice.line.paymentDate &&
            *invoice.line.paymentDate <= asOf)
        {
            ++settled;
            settledLate += *invoice.line.paymentDate > *invoice.line.dueDate;
        }
    }
    std::stable_sort(due.begin(), due.end(),
                     [](const CustomerInvoice* a, const CustomerInvoice* b)
                     { return *a->line.dueDate < *b->line.dueDate; });

    // Late payer: amount-weighted days late of the due invoices.
    std::vector<std::pair<Cents, int>> weighted;
    std::vector<int> lateness;
    for (const CustomerInvoice* invoice : due)
    {
        const int days = daysLateOf(invoice->line, asOf);
        weighted.emplace_back(invoice->line.amount, days);
        lateness.push_back(days);
    }
    if (const auto days = weightedAverageDays(weighted))
    {
        const char rating = *days > t.ratingD   ? 'D'
                            : *days > t.ratingC ? 'C'
                            : *days > t.ratingB ? 'B'
                                                : 'A';
        result.rating = rating;
        const int points = rating == 'D' ? 40 : rating == 'C' ? 25 : rating == 'B' ? 10 : 0;
        if (points > 0)
            add({RiskReasonKind::LatePayer, points, *days, 0, rating});
    }

    // Worsening trend: the latest due invoices against the ones before them.
    const std::size_t recent = static_cast<std::size_t>(std::max(1, t.trendInvoices));
    if (lateness.size() >= recent + 2)
    {
        const std::span<const int> all(lateness);
        const double before = average(all.first(all.size() - recent));
        const double after = average(all.last(recent));
        if (after - before > t.trendDays)
            add({RiskReasonKind::WorseningTrend, 15, after, before});
    }

    if (settled >= 3 && static_cast<double>(settledLate) / settled > t.lateShare)
        add({RiskReasonKind::OftenLate, 5, static_cast<double>(settledLate) / settled, 0});
    if (partial > 0)
        add({RiskReasonKind::PartialPayments, 10, static_cast<double>(partial), 0});
    if (disputes > 0)
        add({RiskReasonKind::OpenDispute, 15, static_cast<double>(disputes), 0});
    if (broken > 0)
        add({RiskReasonKind::BrokenPromise, 20, static_cast<double>(broken), 0});
    if (litigation > 0)
        add({RiskReasonKind::Litigation, 30, static_cast<double>(litigation), 0});

    if (creationDate)
    {
        CivilDate anniversary = toCivil(*creationDate);
        anniversary.year += t.youngYears;
        anniversary.day =
            std::min(anniversary.day, lastDayOfMonth(anniversary.year, anniversary.month));
        if (asOf < toDayNumber(anniversary))
            add({RiskReasonKind::YoungCompany, 10,
                 static_cast<double>(asOf - *creationDate) / 365.25,
                 static_cast<double>(t.youngYears)});
    }

    if (allCustomersOutstanding > 0 && outstanding > 0)
    {
        const double share =
            static_cast<double>(outstanding) / static_cast<double>(allCustomersOutstanding);
        if (share > t.concentration)
            add({RiskReasonKind::Concentration, 10, share, 0});
    }

    if (creditLimit && *creditLimit > 0)
    {
        const double use = static_cast<double>(outstanding) / static_cast<double>(*creditLimit);
        const int points = use >= 1.0                ? 20
                           : use >= t.creditCritical ? 15
                           : use >= t.creditWarning  ? 10
                           : use >= t.creditAlert    ? 5
                                                     : 0;
        if (points > 0)
            add({RiskReasonKind::CreditLimit, points, use, 0});
    }

    result.score = std::min(100, result.score);
    return result;
}

namespace
{

std::string percent(double share)
{
    return std::to_string(static_cast<int>(std::lround(share * 100))) + "\u00a0%";
}

std::string days(double value)
{
    return std::to_string(static_cast<int>(std::lround(value)));
}

std::string count(double value, bool french)
{
    const int n = static_cast<int>(value);
    return std::to_string(n) +
           (french ? (n > 1 ? " factures" : " facture") : (n > 1 ? " invoices" : " invoice"));
}

std::string describe(const RiskReason& r, bool fr)
{
    switch (r.kind)
    {
    case RiskReasonKind::LatePayer:
        return fr ? "Retard moyen pondéré " + days(r.value) + " j, note " + r.rating
                  : "Weighted average delay " + days(r.value) + " days, rating " + r.rating;
    case RiskReasonKind::WorseningTrend:
        return fr ? "Retards en hausse : " + days(r.value) +
                        " j sur les dernières factures contre " + days(r.other) + " j avant"
                  : "Worsening delays: " + days(r.value) + " days on the latest invoices against " +
                        days(r.other) + " days before";
    case RiskReasonKind::OftenLate:
        return fr ? "Factures réglées en retard : " + percent(r.value)
                  : "Invoices paid late: " + percent(r.value);
    case RiskReasonKind::PartialPayments:
        return fr ? "Paiements partiels : " + count(r.value, fr)
                  : "Partial payments: " + count(r.value, fr);
    case RiskReasonKind::OpenDispute:
        return fr ? "Litige en cours : " + count(r.value, fr)
                  : "Open dispute: " + count(r.value, fr);
    case RiskReasonKind::BrokenPromise:
        return fr ? "Promesse de paiement non tenue : " + count(r.value, fr)
                  : "Broken payment promise: " + count(r.value, fr);
    case RiskReasonKind::Litigation:
        return fr ? "Contentieux : " + count(r.value, fr) : "Litigation: " + count(r.value, fr);
    case RiskReasonKind::YoungCompany:
        return fr ? "Entreprise de moins de " + days(r.other) + " ans"
                  : "Company less than " + days(r.other) + " years old";
    case RiskReasonKind::Concentration:
        return fr ? "Concentration : " + percent(r.value) + " des créances"
                  : "Concentration: " + percent(r.value) + " of receivables";
    case RiskReasonKind::CreditLimit:
        return r.value >= 1.0
                   ? (fr ? "Plafond de crédit dépassé : " + percent(r.value)
                         : "Credit limit exceeded: " + percent(r.value))
                   : (fr ? "Encours à " + percent(r.value) + " du plafond"
                         : "Outstanding at " + percent(r.value) + " of the credit limit");
    }
    return {};
}

} // namespace

std::string describeReasons(const RiskAssessment& assessment, Language language)
{
    const bool fr = language == Language::French;
    if (assessment.reasons.empty())
        return fr ? "Aucun signal de risque" : "No risk signal";
    std::string text;
    for (const RiskReason& reason : assessment.reasons)
    {
        if (!text.empty())
            text += fr ? " ; " : "; ";
        text += describe(reason, fr) + " (+" + std::to_string(reason.points) + ")";
    }
    return text;
}

} // namespace relance
