// What an imported sheet says against itself, named before anything is written: a status
// « Payée » over a balance equal to the VAT (the paid amount typed excl. VAT), a paid amount
// above the amount, a payment or a due date before the invoice date, an invoice number typed
// again with another amount, amounts excl. and incl. VAT that no French VAT rate links. Each
// remark comes with one fix the user accepts or refuses; a refused fix changes nothing.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/language.hxx"
#include "core/common/money.hxx"

namespace relance
{

struct ImportOptions;
struct ImportResult;

// In the order the preview lists them: money wrongly chased first.
enum class RemarkKind
{
    // Called paid (status word, paid flag, or a payment date with a paid amount) while the
    // paid amount is the amount excl. VAT: the balance left is the VAT. Fix: treat as paid.
    PaidExclVat,
    // Status says paid (word or paid flag) with a balance left, HT case aside. Fix: treat as
    // paid.
    PaidStatusWithBalance,
    // Status says unpaid (word or paid flag) with nothing due. Fix: treat as unpaid.
    UnpaidStatusNothingDue,
    // Paid more than the amount (credit notes aside). Fix: cap the paid amount at the amount.
    Overpaid,
    // A later row with an earlier invoice's number and another amount: skipped until the fix
    // keeps it as its own invoice, "<number>-2". (Same amount: a DuplicateNumber problem.)
    NumberOtherAmount,
    // Payment date before the invoice date. Fix: hold the reminders.
    PaymentBeforeInvoice,
    // Due date before the invoice date. Fix: due date from the terms, else hold.
    DueBeforeInvoice,
    // Amounts excl. and incl. VAT that no French rate (0, 2.1, 5.5, 10, 20 %) links to the
    // cent. Fix: hold the reminders.
    VatRatio,
};
inline constexpr std::size_t kRemarkKindCount = 8;

// Stable keys, for the silent command's argument: "paid_excl_vat", "paid_status_with_balance",
// "unpaid_status_nothing_due", "overpaid", "number_other_amount", "payment_before_invoice",
// "due_before_invoice", "vat_ratio".
std::string_view remarkKey(RemarkKind kind);
std::optional<RemarkKind> remarkFromKey(std::string_view key);
// The fix's own key: "treat_as_paid", "treat_as_unpaid", "cap_at_amount", "keep_both", "hold",
// "due_from_terms".
std::string_view fixKey(RemarkKind kind);

// One kind of inconsistency, every invoice it concerns in the import.
struct ConsistencyRemark
{
    RemarkKind kind = RemarkKind::PaidExclVat;
    std::vector<std::size_t> rows; // source rows (grid indices), ascending
    // Invoices concerned; for NumberOtherAmount, the later rows (rows also holds the earlier).
    std::size_t count = 0;
    // The money at stake: the balances wrongly left due (PaidExclVat, PaidStatusWithBalance),
    // the amounts that would not be chased (UnpaidStatusNothingDue), the excess (Overpaid),
    // the amounts left out (NumberOtherAmount), the amounts held (others, as absolute values).
    Cents amount = 0;
    bool fixed = false; // the user accepted the fix and the invoices carry it
    // The status text every invoice concerned shares (« Payée »), quoted in the description;
    // for NumberOtherAmount, the number the first later row gets when kept ("F-12-2").
    std::string sample;
    // DueBeforeInvoice fixed: the invoices with no known terms, held instead.
    std::size_t held = 0;
    // The sheet of each row (rows[i] is on sheets[i]) when several sheets are converted
    // together; rows are then in (sheet, row) order.
    std::vector<std::size_t> sheets;
};

// « 1 204 factures dites « Payée » dont le montant réglé est le montant HT : 24 080,00 € de TVA
// resteraient dus (lignes 5, 6, 9 … et 1 201 autres) », rows counted from 1 like Calc's
// given the grid's first sheet row.
std::string describe(const ConsistencyRemark& remark, Language language,
                     std::size_t firstSheetRow = 1);
struct SourceSheet; // core/ledger/source_sheets.hxx, which includes this header's includer
using SourceSheets = std::vector<SourceSheet>;
// The same, rows named on their sheet when several are converted together (« Février 12 »).
std::string describe(const ConsistencyRemark& remark, Language language,
                     const SourceSheets& sheets);
// « Correction proposée : les traiter comme réglées », or once applied « Corrigé : traitées
// comme réglées ».
std::string fixText(const ConsistencyRemark& remark, Language language);
// The dialog's checkbox: « Traiter comme réglées les 1 204 factures payées au HT ».
std::string fixLabel(const ConsistencyRemark& remark, Language language);

bool acceptsFix(const ImportOptions& options, RemarkKind kind);

// A row the import read with an earlier invoice's number and another amount.
struct RepeatedNumber
{
    std::size_t firstRow = 0; // the earlier invoice's source row
    std::size_t laterRow = 0;
    Cents laterAmount = 0;
    std::string keptNumber; // the number the later row gets, or would get, as its own invoice
    bool kept = false;      // the fix was accepted: the later row is one of the invoices
    std::size_t firstSheet = 0;
    std::size_t laterSheet = 0;
};

// Finds the remarks in result.invoices (and the repeated numbers the rows gave), applies the
// fixes options accepts, and sets result.remarks. Invoices no remark concerns are not touched.
// Linear in the number of invoices.
void checkConsistency(ImportResult& result, const std::vector<RepeatedNumber>& repeated,
                      const ImportOptions& options);

} // namespace relance
