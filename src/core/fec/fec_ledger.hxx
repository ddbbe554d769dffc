// The tracked ledger from a FEC: the customer accounts' (411…) lines become invoices, credit
// notes and payments, allocated from the accountant's lettering, so that the ledger's
// outstanding equals the balance of the 411 accounts.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/payment_terms.hxx"
#include "core/fec/fec_file.hxx"
#include "core/ledger/ledger_model.hxx"

namespace relance
{

struct FecLedgerOptions
{
    // Entries dated after it are not in the books yet, a lettering dated after it was not
    // done yet. Empty: the closing date, else the FEC's last entry date.
    std::optional<DayNumber> asOf;
    std::optional<DayNumber> closingDate; // from the file's name (fecClosingDate)
    // Terms per customer (its folded name), from the ledger's Clients sheet; else these.
    std::map<std::string, std::string> customerTerms;
    std::optional<std::string> defaultTerms;
    EndOfMonthReading reading = EndOfMonthReading::DaysThenEndOfMonth;
};

struct FecLedger
{
    DayNumber asOf = 0;
    // One per debit on a 411 account (lines of the same piece, customer and date add up), one
    // credit note per credit on a 411 account in an entry with a sales (7…) line. A lettered
    // payment is on its invoice's payments, referenced to it.
    std::vector<ImportedInvoice> invoices;
    // Credits not lettered by the as-of date (or lettered beyond their invoices): allocated as
    // the converter does, to the invoice they name, else the customer's oldest open invoices.
    std::vector<PaymentEntry> loosePayments;
    std::size_t customerLines = 0;  // 411 lines used
    std::size_t laterLines = 0;     // 411 lines dated after the as-of date, left for later
    std::size_t transferLines = 0;  // lines moving a debt between 411 and 416 (doubtful)
    std::size_t letteredGroups = 0; // lettering codes used
    std::size_t partialGroups = 0;  // of which partial (invoices not fully offset)
    std::size_t withoutTerms = 0;   // invoices whose due date no terms give
    std::vector<std::string> unreadableTerms; // a customer's terms that do not read
    Cents fecBalance = 0;        // Σ debit − Σ credit of the 411 lines up to the as-of date
    Cents ledgerOutstanding = 0; // the same invoices' balances once payments are allocated
    Cents unallocated = 0;       // credits no invoice could take (advances, overpayments)
};

// Throws InputError when the FEC has no customer (411) line at all, or the default terms do
// not read.
FecLedger ledgerFromFec(const FecFile& file, const FecLedgerOptions& options);

// The closing date a FEC's file name carries: <SIREN>FEC<AAAAMMJJ>.txt (A47 A-1).
std::optional<DayNumber> fecClosingDate(std::string_view fileName);

// The FEC's summary for the preview and the command's report: lines read and left out (each
// named, at most `maxProblems`), invoices, credit notes, payments, lettering, terms used,
// and the 411 balance against the ledger's outstanding.
std::string describeFecImport(const FecFile& file, const FecLedger& ledger, Language language,
                              std::size_t maxProblems = 20);

} // namespace relance
