// Finding the consistency remarks in the imported invoices and applying the fixes the user
// accepted. One pass over the invoices, hash look-ups only: a hundred thousand rows stay fast.
#include "core/ledger/consistency_checks.hxx"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdlib>
#include <unordered_map>

#include "core/common/input_error.hxx"
#include "core/ledger/ledger_import.hxx"

namespace relance
{
namespace
{

constexpr std::size_t indexOf(RemarkKind kind)
{
    return static_cast<std::size_t>(kind);
}

constexpr std::array<std::string_view, kRemarkKindCount> kRemarkKeys = {
    "paid_excl_vat",       "paid_status_with_balance", "unpaid_status_nothing_due", "overpaid",
    "number_other_amount", "payment_before_invoice",   "due_before_invoice",        "vat_ratio"};

constexpr std::array<std::string_view, kRemarkKindCount> kFixKeys = {
    "treat_as_paid", "treat_as_paid", "treat_as_unpaid", "cap_at_amount",
    "keep_both",     "hold",          "due_from_terms",  "hold"};

// ---------------------------------------------------------------------------------------------
// What the sheet says of the invoice being paid

enum class SheetStatus
{
    None, // says nothing
    Paid, // « Payée », « Réglée », « Soldée », « Encaissée », "Paid", "Settled", paid flag Oui
    Unpaid, // « Impayée », « Non réglée », « En attente », "Unpaid", "Due", paid flag Non
    Unsure, // partly paid, or paid and unpaid at once: no claim to check against the amounts
};

bool isOneOf(std::string_view word, std::initializer_list<std::string_view> candidates)
{
    return std::find(candidates.begin(), candidates.end(), word) != candidates.end();
}

// The words of a status text, lower case without accents, split at every other character
// and between digits and letters, as foldedWords gives them. The French and Western European
// letters are folded by hand: notes are free text, often all different, and transliterating a
// hundred thousand of them with ICU took a second. Other letters separate words: no status
// word has them.
std::vector<std::string> statusWords(std::string_view text)
{
    std::vector<std::string> words;
    std::string current;
    bool digits = false;
    const auto separate = [&]
    {
        if (!current.empty())
            words.push_back(std::move(current));
        current.clear();
    };
    const auto push = [&](std::string_view letters, bool digit)
    {
        if (digit != digits)
            separate();
        current += letters;
        digits = digit;
    };
    // U+00C0 to U+00DF, and U+00E0 to U+00FF in the same places: what each folds to ("" for
    // × and ÷, which separate).
    static constexpr std::array<std::string_view, 32> kLatin1 = {
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
        "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss"};
    for (std::size_t i = 0; i < text.size();)
    {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80)
        {
            if (byte >= 'A' && byte <= 'Z')
            {
                const char lower = static_cast<char>(byte - 'A' + 'a');
                push(std::string_view(&lower, 1), false);
            }
            else if ((byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9'))
                push(text.substr(i, 1), byte <= '9');
            else
                separate();
            ++i;
            continue;
        }
        const std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
        const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
        if (byte == 0xC3 && next == 0xBF) // ÿ (ß's place in upper case)
            push("y", false);
        else if (byte == 0xC3 && next >= 0x80 && next < 0xBF &&
                 !kLatin1[(next - 0x80) % 32].empty())
            push(kLatin1[(next - 0x80) % 32], false);
        else if (byte == 0xC5 && (next == 0x92 || next == 0x93)) // Œ œ
            push("oe", false);
        else if (!(byte == 0xCC || (byte == 0xCD && next < 0xB0))) // combining accents: skipped
            separate();
        i += length;
    }
    separate();
    return words;
}

SheetStatus statusOfWords(const std::vector<std::string>& words)
{
    bool paid = false, unpaid = false;
    for (std::size_t i = 0; i < words.size(); ++i)
    {
        const std::string& word = words[i];
        const std::string_view next = i + 1 < words.size() ? words[i + 1] : std::string_view();
        const bool negated = i > 0 && isOneOf(words[i - 1], {"non", "pas", "not"});
        if (isOneOf(word, {"partiel", "partielle", "partiellement", "partial", "partially",
                           "partie", "acompte", "reste", "restant", "remaining"}))
            return SheetStatus::Unsure;
        if (isOneOf(word, {"payee", "paye", "payees", "payes", "reglee", "regle", "reglees",
                           "regles", "soldee", "soldees", "encaissee", "encaisse", "encaissees",
                           "paid", "settled"}) ||
            // « Soldé » and « Soldé le 12/03 », but not « solde 120 € » or « solde restant ».
            (word == "solde" && i == 0 &&
             (next.empty() || (!isOneOf(next, {"du", "de", "a", "restant", "reste"}) &&
                               !(next[0] >= '0' && next[0] <= '9')))))
            (negated ? unpaid : paid) = true;
        else if (isOneOf(word, {"impayee", "impaye", "impayees", "impayes", "unpaid", "due",
                                "overdue", "outstanding", "pending"}) ||
                 (word == "attente" && i > 0 && words[i - 1] == "en") ||
                 (word == "a" && isOneOf(next, {"regler", "payer"})))
            unpaid = true;
    }
    if (paid && unpaid)
        return SheetStatus::Unsure;
    return paid ? SheetStatus::Paid : unpaid ? SheetStatus::Unpaid : SheetStatus::None;
}

struct StatusClaim
{
    SheetStatus status = SheetStatus::None;
    bool fromNotes = false; // the notes' words say it (then quoted in the remark)
};

// A status column holds a handful of wordings: each distinct text is read once.
class StatusReader
{
public:
    StatusClaim of(const ImportedInvoice& invoice)
    {
        SheetStatus words = SheetStatus::None;
        if (!invoice.notes.empty())
        {
            auto [found, inserted] = byNotes_.try_emplace(invoice.notes);
            if (inserted)
                found->second = statusOfWords(statusWords(invoice.notes));
            words = found->second;
        }
        if (!invoice.paidFlag)
            return {words, words != SheetStatus::None};
        const SheetStatus flag = *invoice.paidFlag ? SheetStatus::Paid : SheetStatus::Unpaid;
        if (words == SheetStatus::None || words == flag)
            return {flag, words == flag};
        return {SheetStatus::Unsure, false};
    }

private:
    // Keyed by views into the invoices' notes, which the checks never change.
    std::unordered_map<std::string_view, SheetStatus> byNotes_;
};

// ---------------------------------------------------------------------------------------------
// Amounts and VAT

// French VAT rates in tenths of a percent: 20 %, 10 %, 5,5 %, 2,1 %.
constexpr std::array<int, 4> kVatRates = {200, 100, 55, 21};

// True when incl is excl plus the rate, rounded to the cent, within a cent either way.
bool addsVat(Cents excl, Cents incl, int rate)
{
    const Cents expected = divideRounded(static_cast<__int128>(excl) * (1000 + rate), 1000);
    return std::llabs(incl - expected) <= 1;
}

bool isFrenchVatRatio(Cents excl, Cents incl)
{
    if (addsVat(excl, incl, 0))
        return true;
    return std::any_of(kVatRates.begin(), kVatRates.end(),
                       [&](int rate) { return addsVat(excl, incl, rate); });
}

// The paid amount is the amount excl. VAT: the HT column's, or without one, the amount less a
// French VAT rate.
bool paidIsExclVat(const ImportedInvoice& invoice, Cents amount, Cents paid)
{
    if (invoice.amountExclVat)
        return paid == *invoice.amountExclVat;
    return std::any_of(kVatRates.begin(), kVatRates.end(),
                       [&](int rate) { return addsVat(paid, amount, rate); });
}

// ---------------------------------------------------------------------------------------------
// Collecting the remarks

class Collector
{
public:
    Collector()
    {
        for (std::size_t kind = 0; kind < kRemarkKindCount; ++kind)
            found_[kind].remark.kind = static_cast<RemarkKind>(kind);
    }

    void add(RemarkKind kind, std::size_t invoice, const ImportedInvoice& source, Cents money,
             std::string_view statusText = {})
    {
        Found& found = found_[indexOf(kind)];
        if (found.invoices.empty())
            found.remark.sample = statusText;
        else if (found.sharedSample && found.remark.sample != statusText)
            found.sharedSample = false;
        found.invoices.push_back(invoice);
        found.remark.rows.push_back(source.sourceRow);
        found.remark.sheets.push_back(source.sourceSheet);
        ++found.remark.count;
        found.remark.amount += money;
    }

    const std::vector<std::size_t>& invoices(RemarkKind kind) const
    {
        return found_[indexOf(kind)].invoices;
    }

    ConsistencyRemark& remark(RemarkKind kind) { return found_[indexOf(kind)].remark; }

    // The remarks found, in the order of the kinds.
    std::vector<ConsistencyRemark> take()
    {
        std::vector<ConsistencyRemark> remarks;
        for (Found& found : found_)
        {
            if (found.remark.count == 0)
                continue;
            if (!found.sharedSample)
                found.remark.sample.clear();
            remarks.push_back(std::move(found.remark));
        }
        return remarks;
    }

private:
    struct Found
    {
        ConsistencyRemark remark;
        std::vector<std::size_t> invoices; // indices into the result's invoices
        bool sharedSample = true;
    };
    std::array<Found, kRemarkKindCount> found_;
};

Cents magnitude(std::optional<Cents> amount)
{
    return amount ? std::llabs(*amount) : 0;
}

void findRemarks(const std::vector<ImportedInvoice>& invoices, Collector& collector)
{
    StatusReader statuses;
    for (std::size_t i = 0; i < invoices.size(); ++i)
    {
        const ImportedInvoice& invoice = invoices[i];
        // Credit notes and rows without an amount have no balance to compare a status with: a
        // credit note's "paid" is its netting, not money received.
        if (invoice.amountInclVat && *invoice.amountInclVat > 0)
        {
            const Cents amount = *invoice.amountInclVat;
            const Cents paid = invoice.paidAmount.value_or(0);
            const Cents left = amount - paid;
            const StatusClaim claim = statuses.of(invoice);
            const std::string_view text =
                claim.fromNotes ? std::string_view(invoice.notes) : std::string_view();
            const bool calledPaid =
                claim.status == SheetStatus::Paid ||
                (claim.status == SheetStatus::None && invoice.paymentDate && invoice.paidAmount);
            // At most one of these per invoice: their fixes all set the paid amount.
            if (left > 0 && paid > 0 && calledPaid && paidIsExclVat(invoice, amount, paid))
                collector.add(RemarkKind::PaidExclVat, i, invoice, left, text);
            else if (left > 0 && claim.status == SheetStatus::Paid)
                collector.add(RemarkKind::PaidStatusWithBalance, i, invoice, left, text);
            else if (left <= 0 && claim.status == SheetStatus::Unpaid)
                collector.add(RemarkKind::UnpaidStatusNothingDue, i, invoice, amount, text);
            else if (left < 0)
                collector.add(RemarkKind::Overpaid, i, invoice, -left);
        }
        if (invoice.invoiceDate && invoice.paymentDate &&
            *invoice.paymentDate < *invoice.invoiceDate)
            collector.add(RemarkKind::PaymentBeforeInvoice, i, invoice,
                          magnitude(invoice.amountInclVat));
        if (invoice.invoiceDate && invoice.dueDate && *invoice.dueDate < *invoice.invoiceDate)
            collector.add(RemarkKind::DueBeforeInvoice, i, invoice,
                          magnitude(invoice.amountInclVat));
        if (invoice.amountExclVat && invoice.amountInclVat &&
            !isFrenchVatRatio(*invoice.amountExclVat, *invoice.amountInclVat))
            collector.add(RemarkKind::VatRatio, i, invoice, magnitude(invoice.amountInclVat));
    }
}

// ---------------------------------------------------------------------------------------------
// Applying the fixes

std::string holdReason(RemarkKind kind, Language language)
{
    const bool fr = language == Language::French;
    switch (kind)
    {
    case RemarkKind::PaymentBeforeInvoice:
        return fr ? "Règlement daté d'avant la facture" : "Payment dated before the invoice";
    case RemarkKind::DueBeforeInvoice:
        return fr ? "Échéance avant la date de facture, sans conditions de paiement"
                  : "Due date before the invoice date, no payment terms";
    case RemarkKind::VatRatio:
        return fr ? "Montants HT et TTC sans taux de TVA reconnu"
                  : "Amounts excl. and incl. VAT match no VAT rate";
    default:
        return fr ? "À vérifier" : "To check";
    }
}

void addHold(ImportedInvoice& invoice, RemarkKind kind, Language language)
{
    const std::string reason = holdReason(kind, language);
    if (invoice.hold.empty())
        invoice.hold = reason;
    else if (invoice.hold.find(reason) == std::string::npos)
        invoice.hold += (language == Language::French ? " ; " : "; ") + reason;
}

// The row's own terms, as the import read them (text or a number of days), else the default
// terms when the row has none; nullopt when they cannot be read.
std::optional<PaymentTerms> termsOf(const ImportedInvoice& invoice, const ImportOptions& options)
{
    if (invoice.terms.empty())
        return options.defaultTerms;
    try
    {
        return parsePaymentTerms(invoice.terms);
    }
    catch (const InputError&)
    {
    }
    int days = 0;
    const char* end = invoice.terms.data() + invoice.terms.size();
    if (const auto [last, error] = std::from_chars(invoice.terms.data(), end, days);
        error == std::errc() && last == end)
        try
        {
            return paymentTermsFromDays(days);
        }
        catch (const InputError&)
        {
        }
    return std::nullopt;
}

void applyFix(RemarkKind kind, const std::vector<std::size_t>& concerned,
              std::vector<ImportedInvoice>& invoices, const ImportOptions& options,
              ConsistencyRemark& remark)
{
    for (const std::size_t i : concerned)
    {
        ImportedInvoice& invoice = invoices[i];
        switch (kind)
        {
        case RemarkKind::PaidExclVat:
        case RemarkKind::PaidStatusWithBalance:
        case RemarkKind::Overpaid:
            invoice.paidAmount = invoice.amountInclVat;
            invoice.balance = 0;
            break;
        case RemarkKind::UnpaidStatusNothingDue:
            invoice.paidAmount = 0;
            invoice.balance = invoice.amountInclVat;
            invoice.paymentDate.reset();
            break;
        case RemarkKind::DueBeforeInvoice:
            if (const std::optional<PaymentTerms> terms = termsOf(invoice, options))
                if (const DayNumber due = dueDate(*invoice.invoiceDate, *terms, options.reading);
                    isInSupportedRange(due))
                {
                    invoice.dueDate = due;
                    break;
                }
            addHold(invoice, kind, options.language);
            ++remark.held;
            break;
        case RemarkKind::PaymentBeforeInvoice:
        case RemarkKind::VatRatio:
            addHold(invoice, kind, options.language);
            break;
        case RemarkKind::NumberOtherAmount: // applied while reading the rows
            break;
        }
    }
    remark.fixed = true;
}

ConsistencyRemark repeatedNumbersRemark(const std::vector<RepeatedNumber>& repeated)
{
    ConsistencyRemark remark;
    remark.kind = RemarkKind::NumberOtherAmount;
    std::vector<std::pair<std::size_t, std::size_t>> rows; // (sheet, row)
    for (const RepeatedNumber& row : repeated)
    {
        rows.emplace_back(row.firstSheet, row.firstRow);
        rows.emplace_back(row.laterSheet, row.laterRow);
        remark.amount += std::llabs(row.laterAmount);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (const auto& [sheet, row] : rows)
    {
        remark.sheets.push_back(sheet);
        remark.rows.push_back(row);
    }
    remark.count = repeated.size();
    remark.sample = repeated.front().keptNumber;
    remark.fixed = repeated.front().kept;
    return remark;
}

} // namespace

std::string_view remarkKey(RemarkKind kind)
{
    return kRemarkKeys[indexOf(kind)];
}

std::optional<RemarkKind> remarkFromKey(std::string_view key)
{
    for (std::size_t kind = 0; kind < kRemarkKindCount; ++kind)
        if (kRemarkKeys[kind] == key)
            return static_cast<RemarkKind>(kind);
    return std::nullopt;
}

std::string_view fixKey(RemarkKind kind)
{
    return kFixKeys[indexOf(kind)];
}

bool acceptsFix(const ImportOptions& options, RemarkKind kind)
{
    return std::find(options.acceptedFixes.begin(), options.acceptedFixes.end(), kind) !=
           options.acceptedFixes.end();
}

void checkConsistency(ImportResult& result, const std::vector<RepeatedNumber>& repeated,
                      const ImportOptions& options)
{
    Collector collector;
    findRemarks(result.invoices, collector);
    // Every remark is found on the invoices as read before any fix changes them.
    for (std::size_t kind = 0; kind < kRemarkKindCount; ++kind)
    {
        const auto remarkKind = static_cast<RemarkKind>(kind);
        if (!collector.invoices(remarkKind).empty() && acceptsFix(options, remarkKind))
            applyFix(remarkKind, collector.invoices(remarkKind), result.invoices, options,
                     collector.remark(remarkKind));
    }
    result.remarks = collector.take();
    if (!repeated.empty())
    {
        const auto before = std::find_if(result.remarks.begin(), result.remarks.end(),
                                         [](const ConsistencyRemark& remark)
                                         { return remark.kind > RemarkKind::NumberOtherAmount; });
        result.remarks.insert(before, repeatedNumbersRemark(repeated));
    }
}

} // namespace relance
