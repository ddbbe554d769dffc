// After the mise en demeure: the claim an injonction de payer asks for (Code de procédure
// civile art. 1405 ff.), computed from the ledger as of a date: principal per invoice, late
// penalties per invoice and per half-year with their rate and days (Code de commerce L441-10),
// 40 EUR per late invoice (D441-5); the debtor's identity checked first, since a claim against
// a trade name instead of the legal entity can fail; the numbered exhibits of the file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/law/late_payment_law.hxx"
#include "core/reminders/reminder_plan.hxx"

namespace relance
{

// SIREN (9 digits) or SIRET (14) with spaces and dots aside; empty when it is neither.
std::string sirenDigits(std::string_view text);
// The Luhn check digit of a SIREN or SIRET (La Poste's SIRETs, 356 000 000 …, sum to a
// multiple of 5 instead).
bool hasValidCheckDigit(std::string_view digits);

// One row of the reminder log, as the Relances sheet holds it.
struct LogRecord
{
    std::size_t row = 0; // sheet row, from 1
    DayNumber date = 0;
    std::string customer;
    int level = 1; // 0 pre-due notice … 3 formal notice
    std::string invoices;
    std::string channel;
    std::string file;  // the PDF or .eml made, as logged
    std::string state; // "Envoyé", "Échec de l'envoi…", "Noté dans la feuille"…
    bool failed() const;
};

struct ClaimLine
{
    ReminderInvoice invoice;
    std::string terms; // as the ledger gives them
    int daysLate = 0;
    Penalty penalty;
    Cents indemnity = 0;
    struct Period // a half-year's share of the penalty, for the statement of the claim
    {
        DayNumber from = 0, to = 0; // days counted, both included
        PenaltySegment segment;
        Cents amount = 0;
    };
    std::vector<Period> periods;
};

struct LitigationClaim
{
    ReminderCustomer customer;
    std::string siren; // digits
    DayNumber asOf = 0;
    std::vector<ClaimLine> lines;                 // the invoices claimed: due, unpaid, not disputed
    std::vector<ReminderInvoice> openCreditNotes; // deducted from the principal
    struct NotClaimed
    {
        std::string number;
        Cents balance = 0;
        std::string reason;
    };
    std::vector<NotClaimed> notClaimed; // not yet due, disputed
    Cents principal = 0;                // balances, less the open credit notes
    Cents penalties = 0;
    Cents indemnities = 0;
    Cents total() const { return principal + penalties + indemnities; }
    std::optional<RatePpm> contractualRate;
    std::vector<LogRecord> reminders;      // letters sent to the customer, by date
    std::optional<LogRecord> formalNotice; // the latest mise en demeure
    std::optional<DayNumber> deadline;     // its payment deadline
    std::vector<std::string> terms;        // the distinct terms of the invoices claimed
    std::vector<std::string> warnings;     // check digit, deadline not passed, no notice…
};

struct LitigationInput
{
    DayNumber asOf = 0;
    std::string customer; // as named in the ledger
    std::vector<ReminderInvoice> invoices;
    std::vector<std::string> terms; // per invoice, same order (may be empty strings)
    std::vector<ReminderCustomer> customers;
    std::vector<LogRecord> log;
    ReminderPolicy policy;
};

// Throws InputError, in the user's language: customer unknown or owing nothing due; its legal
// name or SIREN missing or not 9/14 digits (the file is not built); a half-year's rate missing.
LitigationClaim buildLitigationClaim(const LitigationInput& input, Language language,
                                     const RateTable& ecb = RateTable::ecbMainRefinancing());

// Customers owing something due, for the dialog's list: those whose mise en demeure's deadline
// has passed first (oldest first), then the others by amount due.
struct LitigationCandidate
{
    std::string customer;
    Cents overdue = 0;
    std::optional<DayNumber> formalNotice;
    std::optional<DayNumber> deadline;
    bool deadlinePassed = false;
};
std::vector<LitigationCandidate> litigationCandidates(const LitigationInput& input);
// "Boulangerie Martin — 2 153,05 € échus — mise en demeure du 15/06/2026, délai expiré le
// 23/06/2026".
std::string describe(const LitigationCandidate& candidate, Language language);

// The exhibits (pièces), numbered from 1 in the order of the bordereau.
struct Exhibit
{
    int number = 0;
    std::string title;    // « Décompte de la créance au 30/06/2026 »
    std::string fileName; // in the folder: "02-decompte-de-la-creance.pdf"
    std::string source;   // a log file to copy; empty for what the command writes
    bool missing = false; // the log names a file that is not there: named, never skipped
};
// `exists` tells whether a log file is there.
std::vector<Exhibit> litigationExhibits(const LitigationClaim& claim, Language language,
                                        bool (*exists)(const std::string&));

} // namespace relance
