// Who gets which reminder letter ("relance") today: one letter per customer listing its
// overdue invoices, its tone set by the highest level reached, and the list of what was left
// out and why. Pure computation: the glue reads the sheets and the reminder log, and records
// what was sent.
//
// Ladder (DOMAIN.md, "Reminder practice"): optional pre-due notice, reminder 1 (courteous),
// reminder 2 (firm), formal notice ("mise en demeure", penalties and the 40 EUR indemnity
// claimed), then litigation (outside this module).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/civil_date.hxx"
#include "core/common/language.hxx"
#include "core/law/late_payment_law.hxx"
#include "core/common/money.hxx"

namespace relance
{

struct ReminderPolicy
{
    // Pre-due notice window: D-preDueDays to D+0 (the due date itself). Off when nullopt.
    std::optional<int> preDueDays;
    int firstDays = 1;         // days past due for reminder 1
    int secondDays = 15;       // days past due for reminder 2
    int formalNoticeDays = 30; // days past due for the formal notice
    int deadlineDays = 8;      // payment deadline given in the letter, from its date
    Cents minimumAmount = 0;   // a customer owing less (in the letter's invoices) is not chased
    int minDaysBetween = 7;    // at least this many days between two letters to a customer
    // Reminder 2 encloses the customer's statement of account (every open invoice, not only
    // the overdue ones), so that the debtor can reconcile the whole account at once.
    bool statementWithSecond = true;
    // The penalty rate of the contract (general terms of sale), for every day late, instead of
    // the statutory ECB rate + 10 points: the rate the ledger's penalty column uses too.
    std::optional<RatePpm> contractualRate;
};

// Throws InputError naming the setting when out of range: thresholds must satisfy
// 1 <= firstDays < secondDays < formalNoticeDays <= 3650, preDueDays 0..365,
// deadlineDays 0..365, minDaysBetween 0..365, minimumAmount 0..kMaxCents, contractualRate
// above 0 and at most 100 %.
void validate(const ReminderPolicy& policy);

enum class ReminderLevel
{
    PreDue = 0,
    First = 1,
    Second = 2,
    FormalNotice = 3,
};

// "Pré-relance", "Relance 1", "Relance 2", "Mise en demeure" /
// "Pre-due notice", "Reminder 1", "Reminder 2", "Formal notice".
std::string levelName(ReminderLevel level, Language language);

struct ReminderInvoice
{
    std::string number;
    std::string customer; // matched to ReminderCustomer::name with case and accents ignored
    DayNumber invoiceDate = 0;
    DayNumber dueDate = 0;
    Cents amountInclVat = 0;
    Cents paid = 0;
    // What is still due; only invoices with a balance > 0 are chased. A credit note still to
    // set against the customer's invoices has a negative balance.
    Cents balance = 0;
    bool disputed = false;
    std::optional<DayNumber> promiseDate; // payment promised for that date
    bool onHold = false;
    bool litigation = false; // "contentieux": in the hands of a court or a recovery agency
    // The last level sent for this invoice, 0 (none, or only a pre-due notice) to 3, and when.
    int lastLevelSent = 0;
    std::optional<DayNumber> lastReminderDate;
};

struct ReminderCustomer
{
    std::string name;
    std::string legalName; // "raison sociale"; the name is used when empty
    std::string siren;
    std::string email;
    std::string address; // multi-line, '\n' between lines
    bool onHold = false;
};

// One reminder already sent (the proof log the glue keeps).
struct ReminderLogEntry
{
    std::string customer;
    DayNumber date = 0;
    ReminderLevel level = ReminderLevel::First;
};

struct ReminderInput
{
    DayNumber asOf = 0;
    std::vector<ReminderInvoice> invoices;
    // Customers without an entry here are chased under their invoice spelling, no address.
    std::vector<ReminderCustomer> customers;
    std::vector<ReminderLogEntry> log;
    // Ignore the timing checks (minDaysBetween, already reminded today): regenerate the letters.
    // Never overrides disputes, promises, holds or the minimum amount.
    bool force = false;
    // Levels the user chose for some customers (name, case and accents ignored), instead of the
    // planned one: the letter keeps its invoices and takes that level's tone and claims.
    std::map<std::string, ReminderLevel> levelOverrides;
    // A customer never reminded (no log entry, no last level or date on any invoice) starts at
    // the level its lateness calls for instead of reminder 1: on a first run there is no history,
    // only lateness, and a debt of months is no "simple oversight". Proposed, not imposed: the
    // dialog shows it for the user to confirm, the silent command takes it as an argument.
    bool startFromLateness = false;
};

struct ReminderLine
{
    ReminderInvoice invoice;
    int daysLate = 0;    // asOf - dueDate (negative or zero in a pre-due notice)
    ReminderLevel level; // this invoice's own level (record it as its last level sent)
    // Formal notice only: L441-10 penalty on the balance up to the as-of date, and the
    // D441-5 indemnity. Lower levels claim neither (nullopt, 0).
    std::optional<Penalty> penalty;
    Cents indemnity = 0;
};

struct CustomerReminder
{
    ReminderCustomer customer;
    ReminderLevel level = ReminderLevel::First; // the highest level of its invoices
    // The customer had no reminder history and startFromLateness set its level above the
    // one-step ladder's (the dialog says so on its line).
    bool levelFromLateness = false;
    DayNumber date = 0;                 // the as-of date
    DayNumber deadline = 0;             // date + deadlineDays
    std::vector<ReminderLine> invoices; // by due date, then number
    Cents totalBalance = 0;
    Cents totalPenalties = 0;
    Cents totalIndemnities = 0;

    Cents total() const { return totalBalance + totalPenalties + totalIndemnities; }
};

enum class ExclusionReason
{
    Disputed,             // invoice disputed
    PromiseHeld,          // payment promised for a date not yet passed (promise >= as-of)
    InvoiceOnHold,        // invoice put on hold
    Litigation,           // invoice in litigation ("contentieux"): the procedure chases it
    CustomerOnHold,       // customer put on hold
    BelowMinimum,         // the letter's total below policy.minimumAmount
    TooSoon,              // last letter to the customer fewer than minDaysBetween days ago
    AlreadyRemindedToday, // a letter of this level (or higher) already sent on the as-of date
    NothingAtChosenLevel, // the level chosen lists none of its invoices (pre-due versus overdue)
    RateMissing,          // a formal notice needs a half-year's ECB rate that is not known
    // An open credit note (a negative balance) not yet set against the customer's invoices:
    // a letter would claim money the customer does not owe.
    CreditToApply,
};

std::string exclusionReasonText(ExclusionReason reason, Language language);

struct Exclusion
{
    std::string customer;
    std::string invoice; // empty when the whole customer is excluded
    ExclusionReason reason = ExclusionReason::Disputed;
    // PromiseHeld: the promise date; TooSoon / AlreadyRemindedToday: the last letter's date.
    std::optional<DayNumber> date;
    Cents amount = 0;     // the balance left out (the invoice's, or the customer's total)
    std::string halfYear; // RateMissing: the first half-year without a rate ("2026-S2")
};

// "Dupont SARL, facture F-12 : litige en cours" / "Dupont SARL, invoice F-12: disputed", with
// the date or amount when it explains the reason.
std::string describe(const Exclusion& exclusion, Language language);

struct ReminderPlan
{
    std::vector<CustomerReminder> letters; // by customer name (folded)
    std::vector<Exclusion> excluded;       // by customer, then invoice
};

// Rules:
//  - An invoice's level comes from its days past due: >= formalNoticeDays formal notice,
//    >= secondDays reminder 2, >= firstDays reminder 1, within the pre-due window (when
//    enabled) pre-due notice, otherwise none (not chased yet, not reported).
//  - Escalation is one step at a time: never more than lastLevelSent + 1. An invoice never
//    reminded gets reminder 1 even at 40 days late, then reminder 2 on the next run (after
//    minDaysBetween), then the formal notice: the debtor always had the previous warning.
//    A level recorded on the as-of date is not built on the same day (a rerun regenerates the
//    same letter rather than escalating).
//  - Exclusions are checked in this order and reported once each: customer on hold (the whole
//    customer), then per invoice disputed, promise held, litigation, invoice on hold; then for the
//    letter below minimum, already reminded today (a log entry or an invoice's last reminder on the
//    as-of date at the letter's level or higher), too soon (the latest reminder, in the log or
//    on an invoice, fewer than minDaysBetween days before the as-of date). `force` skips the
//    last two.
//  - A customer's letter level is the highest of its remaining invoices; a pre-due notice lists
//    the invoices in their pre-due window, a reminder or formal notice its invoices at level 1
//    or more (an invoice still in its pre-due window is not listed as overdue).
//  - A level chosen in levelOverrides replaces the customer's planned level before its
//    invoices are listed and anything is claimed: a letter raised to the formal notice claims
//    its penalties and indemnities, one lowered from it claims none; a pre-due notice lists
//    only invoices in their pre-due window, the other levels only overdue ones, and a chosen
//    level with none is excluded (NothingAtChosenLevel).
//  - Formal notice: each invoice's statutory penalty (ECB rate + 10 points per half-year, on
//    the balance, from the day after the due date to the as-of date) and 40 EUR indemnity.
//    With policy.contractualRate, that rate for every day late instead. When a half-year's
//    ECB rate is missing, the customer is excluded (RateMissing, naming the half-year): never
//    a letter claiming a guessed or zero penalty, and the other letters are still planned.
//  - startFromLateness: a customer without any history gets the level of its lateness, as
//    if each earlier step had been sent (levelFromLateness tells when that changed it).
// Throws InputError for an invalid policy or input (empty invoice number or customer, date out
// of range, balance beyond kMaxCents, lastLevelSent outside 0..3, a customer listed twice).
ReminderPlan planReminders(const ReminderInput& input, const ReminderPolicy& policy,
                           const RateTable& ecb = RateTable::ecbMainRefinancing());

// Whether any customer of the input was ever reminded (a log entry, or an invoice with a last
// level or date): without, the run is a first run and the dialog proposes startFromLateness.
bool hasReminderHistory(const ReminderInput& input);

// Statements of account ("relevés de compte") as of input.asOf: per customer, every open
// invoice (balance > 0) by due date then number, whatever its follow-up (disputed, promised,
// on hold: a statement reports the account, it chases nothing), with its days late (0 when not
// yet due), no penalty claimed; the customer's details from input.customers when listed.
// Customers in the order of their folded names; only `customer` (case and accents ignored)
// when it is not empty, and then none when it owes nothing. The log and `force` play no part.
// Throws InputError for invalid input, as planReminders does.
std::vector<CustomerReminder> accountStatements(const ReminderInput& input,
                                                std::string_view customer = {});

} // namespace relance
