#include "core/reminders/reminder_plan.hxx"

#include <algorithm>
#include <map>
#include <utility>

#include "core/common/input_error.hxx"
#include "core/ledger/ledger_preview.hxx"
#include "core/common/text_fold.hxx"

namespace relance
{
namespace
{

constexpr int kMaxThresholdDays = 3650;
constexpr int kMaxSettingDays = 365;

// `label` is the setting's line in the ledger's Paramètres sheet, for the French message.
void requireDays(int value, int low, int high, const char* name, const char* label)
{
    if (value < low || value > high)
        throw InputError(std::string("reminder setting ") + name + " must be from " +
                             std::to_string(low) + " to " + std::to_string(high) + " days",
                         std::string("Paramètres, « ") + label + " » : de " + std::to_string(low) +
                             " à " + std::to_string(high) + " jours, pas " + std::to_string(value));
}

void requireDate(DayNumber day, const std::string& what)
{
    if (!isInSupportedRange(day))
        throw InputError(what + " out of range (years " + std::to_string(kMinYear) + " to " +
                         std::to_string(kMaxYear) + ")");
}

int levelNumber(ReminderLevel level)
{
    return static_cast<int>(level);
}

std::optional<ReminderLevel> rawLevel(int daysLate, const ReminderPolicy& policy)
{
    if (daysLate >= policy.formalNoticeDays)
        return ReminderLevel::FormalNotice;
    if (daysLate >= policy.secondDays)
        return ReminderLevel::Second;
    if (daysLate >= policy.firstDays)
        return ReminderLevel::First;
    if (policy.preDueDays && daysLate <= 0 && daysLate >= -*policy.preDueDays)
        return ReminderLevel::PreDue;
    return std::nullopt;
}

// One step at a time: reminder 1 before reminder 2 before the formal notice. A level sent on
// the as-of date (or recorded later) is not a step to build on today: a rerun the same day
// regenerates that letter, it does not escalate.
ReminderLevel escalated(ReminderLevel raw, const ReminderInvoice& invoice, DayNumber asOf,
                        bool fromLateness)
{
    if (fromLateness)
        return raw;
    const bool sentToday = invoice.lastReminderDate && *invoice.lastReminderDate >= asOf;
    const int ceiling = sentToday ? std::max(invoice.lastLevelSent, 1) : invoice.lastLevelSent + 1;
    return static_cast<ReminderLevel>(std::min(levelNumber(raw), ceiling));
}

void validateInvoice(const ReminderInvoice& invoice)
{
    if (invoice.customer.empty())
        throw InputError("invoice \"" + invoice.number + "\" has no customer");
    if (invoice.number.empty())
        throw InputError("an invoice of \"" + invoice.customer + "\" has no number");
    const std::string which = "invoice \"" + invoice.number + "\": ";
    requireDate(invoice.invoiceDate, which + "invoice date");
    requireDate(invoice.dueDate, which + "due date");
    if (invoice.promiseDate)
        requireDate(*invoice.promiseDate, which + "promise date");
    if (invoice.lastReminderDate)
        requireDate(*invoice.lastReminderDate, which + "last reminder date");
    for (const Cents amount : {invoice.amountInclVat, invoice.paid, invoice.balance})
        if (amount > kMaxCents || amount < -kMaxCents)
            throw InputError(which + "amount out of range");
    if (invoice.lastLevelSent < 0 || invoice.lastLevelSent > 3)
        throw InputError(which + "last reminder level must be 0 (none) to 3, not " +
                         std::to_string(invoice.lastLevelSent));
}

struct Candidate
{
    const ReminderInvoice* invoice;
    int daysLate;
    ReminderLevel level;
};

bool hasHistory(const ReminderInvoice& invoice)
{
    return invoice.lastLevelSent > 0 || invoice.lastReminderDate.has_value();
}

// The first half-year, over the letter's days of lateness, whose ECB rate is not known.
std::optional<HalfYear> firstMissingRate(const std::vector<Candidate>& lines, DayNumber asOf,
                                         const RateTable& ecb)
{
    std::optional<HalfYear> missing;
    for (const Candidate& line : lines)
    {
        if (line.invoice->dueDate >= asOf)
            continue;
        for (HalfYear period = halfYearOf(line.invoice->dueDate + 1); period <= halfYearOf(asOf);
             period = period.half == 1 ? HalfYear{period.year, 2} : HalfYear{period.year + 1, 1})
            if (!ecb.rateFor(period))
            {
                if (!missing || period < *missing)
                    missing = period;
                break;
            }
    }
    return missing;
}

struct CustomerGroup
{
    std::string displayName; // the customer record's name, else the first invoice's spelling
    const ReminderCustomer* record = nullptr;
    std::vector<const ReminderInvoice*> invoices;
    std::vector<const ReminderLogEntry*> log;
};

// The order of a letter's or a statement's invoices.
bool byDueDateThenNumber(const ReminderInvoice& a, const ReminderInvoice& b)
{
    if (a.dueDate != b.dueDate)
        return a.dueDate < b.dueDate;
    return a.number < b.number;
}

// The latest reminder to the customer, and the highest level sent on the as-of date.
struct ReminderHistory
{
    std::optional<DayNumber> last;
    std::optional<int> highestToday;

    void add(DayNumber date, int level, DayNumber asOf)
    {
        if (!last || date > *last)
            last = date;
        if (date == asOf && (!highestToday || level > *highestToday))
            highestToday = level;
    }
};

} // namespace

void validate(const ReminderPolicy& policy)
{
    if (policy.preDueDays)
        requireDays(*policy.preDueDays, 0, kMaxSettingDays, "preDueDays", "Pré-relance");
    requireDays(policy.firstDays, 1, kMaxThresholdDays, "firstDays", "Relance 1");
    // Each level after the one before: a reminder 2 before reminder 1 would skip a step.
    requireDays(policy.secondDays, policy.firstDays + 1, kMaxThresholdDays, "secondDays",
                "Relance 2");
    requireDays(policy.formalNoticeDays, policy.secondDays + 1, kMaxThresholdDays,
                "formalNoticeDays", "Mise en demeure");
    requireDays(policy.deadlineDays, 0, kMaxSettingDays, "deadlineDays",
                "Délai accordé dans les relances");
    requireDays(policy.minDaysBetween, 0, kMaxSettingDays, "minDaysBetween",
                "Jours minimum entre deux relances");
    if (policy.minimumAmount < 0 || policy.minimumAmount > kMaxCents)
        throw InputError("reminder setting minimumAmount out of range",
                         "Paramètres, « Montant minimum à relancer » : montant hors limites");
    if (policy.contractualRate &&
        (*policy.contractualRate <= 0 || *policy.contractualRate > 1'000'000))
        throw InputError("reminder setting contractualRate must be above 0 % and at most 100 %",
                         "Paramètres, « Taux de pénalité contractuel » : au-dessus de 0 % et "
                         "au plus 100 %");
}

std::string levelName(ReminderLevel level, Language language)
{
    const bool fr = language == Language::French;
    switch (level)
    {
    case ReminderLevel::PreDue:
        return fr ? "Pré-relance" : "Pre-due notice";
    case ReminderLevel::First:
        return fr ? "Relance 1" : "Reminder 1";
    case ReminderLevel::Second:
        return fr ? "Relance 2" : "Reminder 2";
    case ReminderLevel::FormalNotice:
        return fr ? "Mise en demeure" : "Formal notice";
    }
    return {};
}

std::string exclusionReasonText(ExclusionReason reason, Language language)
{
    const bool fr = language == Language::French;
    switch (reason)
    {
    case ExclusionReason::Disputed:
        return fr ? "litige en cours" : "disputed";
    case ExclusionReason::PromiseHeld:
        return fr ? "promesse de paiement en cours" : "payment promised, not yet due";
    case ExclusionReason::InvoiceOnHold:
        return fr ? "facture suspendue" : "invoice on hold";
    case ExclusionReason::Litigation:
        return fr ? "en contentieux" : "in litigation";
    case ExclusionReason::CustomerOnHold:
        return fr ? "client suspendu" : "customer on hold";
    case ExclusionReason::BelowMinimum:
        return fr ? "montant inférieur au minimum" : "amount below the minimum";
    case ExclusionReason::TooSoon:
        return fr ? "dernière relance trop récente" : "last reminder too recent";
    case ExclusionReason::AlreadyRemindedToday:
        return fr ? "déjà relancé aujourd'hui" : "already reminded today";
    case ExclusionReason::NothingAtChosenLevel:
        return fr ? "aucune facture pour le niveau choisi" : "no invoice for the chosen level";
    case ExclusionReason::RateMissing:
        return fr ? "mise en demeure impossible sans le taux BCE du semestre"
                  : "formal notice impossible without the half-year's ECB rate";
    case ExclusionReason::CreditToApply:
        return fr ? "avoir ouvert à imputer" : "open credit note to apply";
    }
    return {};
}

std::string describe(const Exclusion& exclusion, Language language)
{
    const bool fr = language == Language::French;
    std::string text = exclusion.customer;
    if (!exclusion.invoice.empty())
        text += (fr ? ", facture " : ", invoice ") + exclusion.invoice;
    text += (fr ? " : " : ": ") + exclusionReasonText(exclusion.reason, language);
    switch (exclusion.reason)
    {
    case ExclusionReason::PromiseHeld:
        if (exclusion.date)
            text += (fr ? " (promesse au " : " (promised for ") +
                    formatDate(*exclusion.date, language) + ")";
        break;
    case ExclusionReason::TooSoon:
    case ExclusionReason::AlreadyRemindedToday:
        if (exclusion.date)
            text += (fr ? " (dernière relance le " : " (last reminder on ") +
                    formatDate(*exclusion.date, language) + ")";
        break;
    case ExclusionReason::BelowMinimum:
        text += " (" + formatMoney(exclusion.amount, language) + ")";
        break;
    case ExclusionReason::CreditToApply:
        text = exclusion.customer +
               (fr ? " : avoir ouvert de " + formatMoney(exclusion.amount, language) +
                         " à imputer sur ses factures avant de le relancer (saisissez "
                         "l'imputation dans Règlements, ou marquez l'avoir imputé dans votre "
                         "feuille, puis actualisez le registre)"
                   : ": open credit note of " + formatMoney(exclusion.amount, language) +
                         " to set against its invoices before reminding it (enter it in "
                         "Payments, or mark it applied in your sheet, then re-sync the ledger)");
        break;
    case ExclusionReason::RateMissing:
        text = exclusion.customer +
               (fr ? " : mise en demeure impossible, taux BCE " + exclusion.halfYear +
                         " à saisir dans Paramètres (ou choisir Relance 2 pour ce client)"
                   : ": formal notice impossible, ECB rate " + exclusion.halfYear +
                         " to enter in Settings (or choose Reminder 2 for this customer)");
        break;
    default:
        break;
    }
    return text;
}

ReminderPlan planReminders(const ReminderInput& input, const ReminderPolicy& policy,
                           const RateTable& ecb)
{
    validate(policy);
    requireDate(input.asOf, "as-of date");
    const DayNumber asOf = input.asOf;

    // Customers are matched on folded names: "DUPONT sarl" is "Dupont SARL".
    std::map<std::string, CustomerGroup> groups;
    for (const ReminderCustomer& customer : input.customers)
    {
        if (customer.name.empty())
            throw InputError("a customer has no name");
        CustomerGroup& group = groups[foldText(customer.name)];
        if (group.record)
            throw InputError("customer \"" + customer.name + "\" is listed twice");
        group.record = &customer;
        group.displayName = customer.name;
    }
    for (const ReminderInvoice& invoice : input.invoices)
    {
        validateInvoice(invoice);
        CustomerGroup& group = groups[foldText(invoice.customer)];
        if (group.displayName.empty())
            group.displayName = invoice.customer;
        group.invoices.push_back(&invoice);
    }
    for (const ReminderLogEntry& entry : input.log)
    {
        requireDate(entry.date, "reminder log date of \"" + entry.customer + "\"");
        const auto found = groups.find(foldText(entry.customer));
        if (found != groups.end())
            found->second.log.push_back(&entry);
    }

    std::map<std::string, ReminderLevel> chosenLevels;
    for (const auto& [customer, level] : input.levelOverrides)
        chosenLevels[foldText(customer)] = level;

    ReminderPlan plan;
    for (const auto& [key, group] : groups)
    {
        const bool neverReminded =
            group.log.empty() &&
            std::none_of(group.invoices.begin(), group.invoices.end(),
                         [](const ReminderInvoice* invoice) { return hasHistory(*invoice); });
        const bool fromLateness = input.startFromLateness && neverReminded;
        std::vector<Candidate> candidates;
        bool latenessRaised = false;
        for (const ReminderInvoice* invoice : group.invoices)
        {
            if (invoice->balance <= 0)
                continue;
            const int daysLate = asOf - invoice->dueDate;
            if (const std::optional<ReminderLevel> raw = rawLevel(daysLate, policy))
            {
                const ReminderLevel level = escalated(*raw, *invoice, asOf, fromLateness);
                latenessRaised |= level != escalated(*raw, *invoice, asOf, false);
                candidates.push_back({invoice, daysLate, level});
            }
        }
        if (candidates.empty())
            continue;
        std::sort(candidates.begin(), candidates.end(),
                  [](const Candidate& a, const Candidate& b)
                  { return byDueDateThenNumber(*a.invoice, *b.invoice); });

        if (group.record && group.record->onHold)
        {
            Cents total = 0;
            for (const Candidate& candidate : candidates)
                total += candidate.invoice->balance;
            plan.excluded.push_back(
                {group.displayName, {}, ExclusionReason::CustomerOnHold, {}, total, {}});
            continue;
        }

        Cents openCredit = 0;
        for (const ReminderInvoice* invoice : group.invoices)
            if (invoice->balance < 0)
                openCredit -= invoice->balance;
        if (openCredit > 0)
        {
            plan.excluded.push_back(
                {group.displayName, {}, ExclusionReason::CreditToApply, {}, openCredit, {}});
            continue;
        }

        std::vector<Candidate> kept;
        for (const Candidate& candidate : candidates)
        {
            const ReminderInvoice& invoice = *candidate.invoice;
            std::optional<ExclusionReason> reason;
            std::optional<DayNumber> date;
            if (invoice.disputed)
                reason = ExclusionReason::Disputed;
            else if (invoice.promiseDate && *invoice.promiseDate >= asOf)
            {
                reason = ExclusionReason::PromiseHeld;
                date = invoice.promiseDate;
            }
            else if (invoice.litigation)
                reason = ExclusionReason::Litigation;
            else if (invoice.onHold)
                reason = ExclusionReason::InvoiceOnHold;
            if (reason)
                plan.excluded.push_back(
                    {group.displayName, invoice.number, *reason, date, invoice.balance, {}});
            else
                kept.push_back(candidate);
        }
        if (kept.empty())
            continue;

        ReminderLevel level = ReminderLevel::PreDue;
        for (const Candidate& candidate : kept)
            level = std::max(level, candidate.level);
        const auto chosen = chosenLevels.find(key);
        if (chosen != chosenLevels.end())
            level = chosen->second;
        // A pre-due notice lists what falls due soon; a reminder lists only overdue invoices.
        std::erase_if(kept,
                      [&](const Candidate& candidate) {
                          return (candidate.level == ReminderLevel::PreDue) !=
                                 (level == ReminderLevel::PreDue);
                      });
        if (kept.empty())
        {
            plan.excluded.push_back(
                {group.displayName, {}, ExclusionReason::NothingAtChosenLevel, {}, 0, {}});
            continue;
        }

        Cents totalBalance = 0;
        for (const Candidate& candidate : kept)
            totalBalance += candidate.invoice->balance;
        if (totalBalance < policy.minimumAmount)
        {
            plan.excluded.push_back(
                {group.displayName, {}, ExclusionReason::BelowMinimum, {}, totalBalance, {}});
            continue;
        }

        if (!input.force)
        {
            ReminderHistory history;
            for (const ReminderLogEntry* entry : group.log)
                history.add(entry->date, levelNumber(entry->level), asOf);
            for (const ReminderInvoice* invoice : group.invoices)
                if (invoice->lastReminderDate)
                    history.add(*invoice->lastReminderDate, invoice->lastLevelSent, asOf);
            if (history.highestToday && *history.highestToday >= levelNumber(level))
            {
                plan.excluded.push_back({group.displayName,
                                         {},
                                         ExclusionReason::AlreadyRemindedToday,
                                         asOf,
                                         totalBalance,
                                         {}});
                continue;
            }
            if (history.last && asOf - *history.last < policy.minDaysBetween)
            {
                plan.excluded.push_back({group.displayName,
                                         {},
                                         ExclusionReason::TooSoon,
                                         history.last,
                                         totalBalance,
                                         {}});
                continue;
            }
        }

        // A formal notice claims penalties: without every half-year's rate it is not written.
        if (level == ReminderLevel::FormalNotice && !policy.contractualRate)
            if (const std::optional<HalfYear> missing = firstMissingRate(kept, asOf, ecb))
            {
                plan.excluded.push_back({group.displayName,
                                         {},
                                         ExclusionReason::RateMissing,
                                         {},
                                         totalBalance,
                                         toString(*missing)});
                continue;
            }

        CustomerReminder letter;
        if (group.record)
            letter.customer = *group.record;
        else
            letter.customer.name = group.displayName;
        letter.level = level;
        letter.levelFromLateness = latenessRaised && chosen == chosenLevels.end();
        letter.date = asOf;
        letter.deadline = asOf + policy.deadlineDays;
        for (const Candidate& candidate : kept)
        {
            ReminderLine line{*candidate.invoice, candidate.daysLate, candidate.level, {}, 0};
            if (letter.level == ReminderLevel::FormalNotice)
            {
                line.penalty =
                    policy.contractualRate
                        ? contractualPenalty(candidate.invoice->balance, candidate.invoice->dueDate,
                                             asOf, *policy.contractualRate)
                        : statutoryPenalty(candidate.invoice->balance, candidate.invoice->dueDate,
                                           asOf, ecb);
                line.indemnity = recoveryIndemnity(candidate.daysLate);
                letter.totalPenalties += line.penalty->amount;
                letter.totalIndemnities += line.indemnity;
            }
            letter.totalBalance += candidate.invoice->balance;
            letter.invoices.push_back(std::move(line));
        }
        plan.letters.push_back(std::move(letter));
    }
    return plan;
}

bool hasReminderHistory(const ReminderInput& input)
{
    return !input.log.empty() ||
           std::any_of(input.invoices.begin(), input.invoices.end(), hasHistory);
}

std::vector<CustomerReminder> accountStatements(const ReminderInput& input,
                                                std::string_view customer)
{
    requireDate(input.asOf, "as-of date");
    const std::string wanted = customer.empty() ? std::string() : foldText(customer);
    std::map<std::string, const ReminderCustomer*> records;
    for (const ReminderCustomer& record : input.customers)
        records.emplace(foldText(record.name), &record);

    std::map<std::string, CustomerReminder> statements;
    for (const ReminderInvoice& invoice : input.invoices)
    {
        validateInvoice(invoice);
        const std::string key = foldText(invoice.customer);
        if (invoice.balance <= 0 || (!wanted.empty() && key != wanted))
            continue;
        CustomerReminder& statement = statements[key];
        if (statement.customer.name.empty())
        {
            const auto record = records.find(key);
            if (record != records.end())
                statement.customer = *record->second;
            else
                statement.customer.name = invoice.customer;
            statement.date = input.asOf;
            statement.deadline = input.asOf;
        }
        statement.invoices.push_back(
            {invoice, std::max(0, input.asOf - invoice.dueDate), ReminderLevel::First, {}, 0});
        statement.totalBalance += invoice.balance;
    }

    std::vector<CustomerReminder> sorted;
    for (auto& [key, statement] : statements)
    {
        std::sort(statement.invoices.begin(), statement.invoices.end(),
                  [](const ReminderLine& a, const ReminderLine& b)
                  { return byDueDateThenNumber(a.invoice, b.invoice); });
        sorted.push_back(std::move(statement));
    }
    return sorted;
}

} // namespace relance
