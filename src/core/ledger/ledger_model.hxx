// The tracked ledger as data: allocating payments to invoices (partial payments, oldest first
// unless a reference names the invoice) and merging a re-read source into an existing ledger
// without losing what the user typed there.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/ledger/ledger_import.hxx"

namespace relance
{

struct PaymentEntry
{
    std::optional<DayNumber> date;
    std::string customer;
    Cents amount = 0;
    std::string reference; // an invoice number, or empty
};

struct Allocation
{
    std::vector<Cents> paid;                        // per invoice
    std::vector<std::optional<DayNumber>> lastPaid; // per invoice: date of the last payment
    std::vector<std::string> allocatedTo;           // per payment: "F2024-0001, F2024-0002"
    std::vector<Cents> unallocated;                 // per payment: what no invoice could take
};

// Payments in date order. A payment whose reference names an invoice goes to it first; the
// rest (and unreferenced payments) goes to the same customer's open invoices, oldest invoice
// date first. Customers and references match case- and accent-insensitively. An invoice never
// receives more than its amount; an overpayment stays unallocated.
Allocation allocatePayments(const std::vector<ImportedInvoice>& invoices,
                            const std::vector<PaymentEntry>& payments);

// The payments a source sheet implies: one entry per invoice with a paid amount.
// A credit note ("avoir"): a negative amount incl. VAT. Its paid amount is how much of it the
// owner has already netted against invoices (all of it when the sheet says nothing is left).
bool isCreditNote(const ImportedInvoice& invoice);

// One payment per invoice the sheet says was (partly) paid, or one per payment of a numbered
// series of payment columns (ImportedInvoice::payments); credit notes make none.
std::vector<PaymentEntry> paymentsFromSource(const std::vector<ImportedInvoice>& invoices);

// One ledger row: the imported invoice and the cells the user owns (dispute, promise, hold,
// notes, reminder level...), kept verbatim across re-syncs.
template <typename UserCells> struct LedgerRow
{
    ImportedInvoice invoice;
    UserCells user{};
};

struct MergeStats
{
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::size_t kept = 0; // ledger rows no longer in the source: kept, never deleted
};

bool sameImportedData(const ImportedInvoice& a, const ImportedInvoice& b);
// What a re-sync compares: the fields the ledger keeps in its own columns. The amount excl. VAT
// and the typed balance are not among them (the balance is a formula there), so a source
// giving them is not "updated" on every re-sync.
bool sameLedgerData(const ImportedInvoice& a, const ImportedInvoice& b);

// Existing rows keep their order and user cells; their imported data is replaced by the
// source's when the invoice number matches (case-insensitive); new invoices are appended in
// source order.
template <typename UserCells>
std::vector<LedgerRow<UserCells>> mergeLedger(const std::vector<LedgerRow<UserCells>>& existing,
                                              const std::vector<ImportedInvoice>& source,
                                              MergeStats& stats);

std::string invoiceKey(const std::string& number); // folded, trimmed

} // namespace relance

#include "core/ledger/ledger_model_merge.hxx"
