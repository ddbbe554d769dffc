// Reading an existing, hand-typed invoice sheet into ledger rows, without changing it:
// header detection, column mapping (accent-, case- and synonym-insensitive, French and English),
// row parsing (text dates and amounts, blank and subtotal rows, duplicates) and the list of
// problems the user sees in the dialog's preview. Pure C++: the sheet arrives as a grid.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/calendar/civil_date.hxx"
#include "core/calendar/date_text.hxx"
#include "core/common/language.hxx"
#include "core/common/money.hxx"
#include "core/calendar/payment_terms.hxx"
#include "core/ledger/consistency_checks.hxx"

namespace relance
{

enum class LedgerField
{
    InvoiceNumber,
    Customer,
    LegalName, // dénomination sociale
    Siren,
    Email,
    InvoiceDate,
    DueDate,
    Terms,
    AmountInclVat,
    AmountExclVat,
    PaidAmount,
    PaymentDate,
    Balance, // reste dû
    Notes,   // statut / remarques
    // The owner's own note of the last reminder sent ("R1 le 02/06/2026"): seeds the ledger's
    // last level and date, which Relance keeps from then on.
    LastReminder,
    // When the goods were delivered or the service done ("Date de livraison", "Date de
    // prestation"): the delay to the invoice is cash lost (AR.INVOICINGDELAY).
    DeliveryDate,
    // Yes/no columns. A disputed invoice gets « Litige » in its notes, which the follow-up
    // reading of notes already treats as a dispute.
    Disputed,
    PaidFlag, // "Payé ? Oui/Non"
};
inline constexpr std::size_t kLedgerFieldCount = 18;

// Stable key ("invoice_number"), and the label shown in the dialog and ledger headers.
std::string_view fieldKey(LedgerField field);
std::string fieldLabel(LedgerField field, Language language);
std::optional<LedgerField> fieldFromKey(std::string_view key);

// One cell of the source sheet as Calc holds it. Dates are Calc serials (numbers).
struct SourceCell
{
    enum class Kind
    {
        Empty,
        Number,
        Text,
    };
    Kind kind = Kind::Empty;
    double number = 0;
    std::string text; // UTF-8

    static SourceCell empty() { return {}; }
    static SourceCell of(double value) { return {Kind::Number, value, {}}; }
    static SourceCell of(std::string value) { return {Kind::Text, 0, std::move(value)}; }
};
using SourceGrid = std::vector<std::vector<SourceCell>>; // rows of cells, ragged allowed

// The field a header text names, if any. Headers are folded (case, accents, punctuation and
// filler words such as "de", "the", "en euros" ignored) and a word that is not a known word is
// split into known words ("InvoiceAmount", "INVOICEAMOUNT", "invoiceamount" all read "invoice
// amount"; "numero_facture" splits on "_"), so that the field never depends on letter case.
// Recognised, in French and English:
//  - invoice number: "N° fact.", "Numéro de facture", "Invoice #", "Inv #", "Inv No", "Doc No",
//    "Document No", "Réf.", "Pièce", "invoiceNumber";
//  - customer: "Client", "Nom client", "Customer name", "Tiers"; identifiers ("Customer ID",
//    "customerID", "Customer code", "Code client", "N° client") name the customer too, but
//    detectHeader gives the field to a column naming the customer by name when there is one;
//  - "Raison sociale", "SIREN"/"SIRET", "E-mail"/"Courriel", "Conditions"/"Payment terms";
//  - invoice date: "Date", "Date facture", "Invoice date", "Date pièce", "InvoiceDate";
//  - due date: "Échéance", "Date échéance", "Due date", "DueDate", "date_echeance";
//  - amounts: "Montant TTC", "Total TTC", "Mt TTC", "Amount", "Amt", "Invoice Amt",
//    "montant_ttc"; "HT", "Montant HT", "Mt HT", "Net amount";
//  - paid amount: "Réglé", "Payé", "Règlement", "Acompte", "Paid", "Payment", "Amount paid";
//  - payment date: "Réglé le", "Date (de) règlement", "Paid on", "Paid date", "Settled",
//    "Settled date", "Cleared", "Cleared date", "SettledDate";
//  - balance: "Reste dû", "Solde", "Balance", "Amount due", "Outstanding";
//  - notes: "Remarques", "Statut", "Notes", "Comments"; last reminder: "Relance", "Dernière
//    relance", "Reminder";
//  - disputed: "Litige", "En litige", "Contesté(e)", "Contestation", "Disputed", "Dispute";
//  - paid flag: "Payé ? (Oui/Non)", "Paid? (Yes/No)", "Payée", "Réglée", "Is paid" (a "Payé ?"
//    or "Settled" column holding yes/no answers is told apart by detectHeader, from its data).
// Derived columns are never taken for a field, least of all for a date to age invoices from:
// "DaysToSettle", "DaysLate", "Jours de retard", "nb_jours_retard", "annee", "mois", "month",
// "year", "week", "semaine", "trimestre", "quarter", "PaperlessDate", "Montant TVA",
// "Date de livraison", and the columns Relance computes itself ("Échéance (Relance)").
std::optional<LedgerField> matchHeader(std::string_view headerText);

struct HeaderGuess
{
    std::size_t headerRow = 0; // index into the grid
    // One entry per column of the header row: the proposed field, or nullopt (ignored column).
    // A field is usually in one column; PaidAmount and PaymentDate may be in several, a
    // numbered series ("Règlement 1", "Règlement 2", "Date règlement 1"...), read in column
    // order: the k-th paid amount column goes with the k-th payment date column.
    std::vector<std::optional<LedgerField>> mapping;
};

// The header row is the row, among the first maxRows, whose cells name the most distinct
// fields (a title row above it names none); ties go to the first. Throws InputError when no row
// names at least an amount and a date or an invoice number.
// In that row each field goes to the column naming it best (a customer's name before a
// customer identifier), with two readings of the data below the header:
//  - a column whose header names the paid amount, the payment date or the notes ("Payé ?",
//    "Settled", "Statut") but whose non-empty cells in the next 50 rows are at least 80 % yes/no
//    answers (and not only zeros) is the paid flag;
//  - every column of a numbered series of paid amounts or payment dates, when the series holds
//    the field's best column, is mapped to the field.
HeaderGuess detectHeader(const SourceGrid& grid, std::size_t maxRows = 30);

// Whether the text dates of the date columns (invoice, due and payment dates, as mapped) below
// the header show their order: "30/1/2012" can only be day first, "1/30/2012" only month first.
// Numeric dates written a/b/y, a-b-y or a.b.y (four- or two-digit years) are evidence; ISO dates,
// dates in words and Calc date numbers are not.
struct DateOrderEvidence
{
    // Set when one order has evidence and the other none.
    std::optional<DateOrder> order;
    std::size_t dayFirstOnly = 0;   // values readable only day first
    std::size_t monthFirstOnly = 0; // values readable only month first
    // The first decisive value and its grid row.
    std::optional<std::size_t> exampleRow;
    std::string example;
    // When both orders have evidence: the first value read only the other way than example.
    std::optional<std::size_t> counterExampleRow;
    std::string counterExample;
};
DateOrderEvidence detectDateOrder(const SourceGrid& grid, const HeaderGuess& header);

// « Dates lues au format MM/JJ/AAAA d'après « 1/30/2012 » (ligne 5) » / "Dates read as
// MM/DD/YYYY from “1/30/2012” (row 5)"; for contradicting evidence « Dates contradictoires :
// 12 ne se lisent que JJ/MM, 7 que MM/JJ (ex. ligne 9 « 30/1/2012 », ligne 14 « 1/30/2012 ») :
// choisir l'ordre dans la liste ». Empty when no date decides. Rows are counted like describe's.
std::string describeDateOrder(const DateOrderEvidence& evidence, Language language,
                              std::size_t firstSheetRow = 1);

struct ImportOptions
{
    DateOrder dateOrder = DateOrder::DayMonthYear;
    std::optional<PaymentTerms> defaultTerms; // used when the row has neither terms nor due date
    EndOfMonthReading reading = EndOfMonthReading::DaysThenEndOfMonth;
    DayNumber nullDate = toDayNumber({1899, 12, 30}); // the source document's null date
    // The consistency remarks whose fix the user accepted (the others only name the rows).
    std::vector<RemarkKind> acceptedFixes;
    Language language = Language::French; // of the hold reasons the fixes write
};

// One payment of a numbered series of paid amount columns ("Règlement 1", "Règlement 2").
struct SourcePayment
{
    std::optional<DayNumber> date; // from the payment date column of the same rank, if any
    Cents amount = 0;
};

// An invoice as read, every field optional except the source row.
struct ImportedInvoice
{
    std::size_t sourceRow = 0;   // index into the grid
    std::size_t sourceSheet = 0; // index into the sheets converted together (0: the only one)
    std::string number;          // trimmed text; numbers written without ".0"
    std::string customer;
    std::string legalName;
    std::string siren;
    std::string email;
    std::optional<DayNumber> invoiceDate;
    std::optional<DayNumber> deliveryDate; // goods delivered or service done
    std::optional<DayNumber> dueDate;      // as typed, else from the terms, else default terms
    std::string terms;                     // as typed
    std::optional<Cents> amountInclVat;
    std::optional<Cents> amountExclVat;
    // As typed (the sum of a series' payments), else amount - balance when both are known,
    // else the whole amount or nothing when only a paid flag says yes or no.
    std::optional<Cents> paidAmount;
    std::optional<DayNumber> paymentDate; // the latest of a series' dates
    // Filled only when two paid amount columns or more are mapped: one entry per amount read.
    std::vector<SourcePayment> payments;
    std::optional<Cents> balance;
    std::string notes;
    // From LastReminder (parseReminderMark). Not compared on re-sync: they only seed the
    // ledger's own columns, which keep the higher level.
    std::optional<DayNumber> lastReminderDate;
    std::optional<int> lastReminderLevel;
    // What the sheet says of the invoice being paid, from a "Payé ? Oui/Non" column.
    std::optional<bool> paidFlag;
    // What a "Litige Oui/Non" column says; yes has also added « Litige » to the notes.
    std::optional<bool> disputed;
    // Why no reminder may go out until the owner has checked the invoice (a consistency
    // remark whose fix the user accepted); empty when none. Seeds the ledger's hold column.
    std::string hold;
};

// Where a field's value lives in an ImportedInvoice, by the kind of value it is, so that code
// reading or writing fields handles three kinds rather than fifteen fields. The yes/no fields
// (Disputed, PaidFlag) are apart: memberOf throws std::logic_error for them, flagMemberOf gives
// their member.
using TextMember = std::string ImportedInvoice::*;
using DateMember = std::optional<DayNumber> ImportedInvoice::*;
using MoneyMember = std::optional<Cents> ImportedInvoice::*;
using FieldMember = std::variant<TextMember, DateMember, MoneyMember>;
FieldMember memberOf(LedgerField field);

using FlagMember = std::optional<bool> ImportedInvoice::*;
bool isFlagField(LedgerField field);
FlagMember flagMemberOf(LedgerField field); // throws std::logic_error for other fields

struct ImportProblem
{
    enum class Kind
    {
        BlankRow,       // skipped
        SubtotalRow,    // skipped: "Sous-total", "Total", or an amount with no number/date/customer
        UnreadableDate, // kept, field left empty
        UnreadableAmount,
        UnreadableTerms,
        DuplicateNumber,    // the later row is skipped
        MissingNumber,      // kept, numbered from its row ("L12")
        MissingAmount,      // kept
        UnreadableReminder, // kept, no reminder history taken from the cell
        UnreadableFlag,     // kept, a yes/no cell that is neither: the flag is left unset
    };
    Kind kind;
    std::size_t sourceRow = 0;
    std::optional<LedgerField> field;
    std::string value; // the offending text
    std::size_t sourceSheet = 0;
};

// "Ligne 12 : date illisible « 31/02/2024 » (Échéance)" / "Row 12: unreadable date ..."
// (rows counted from 1 like Calc's row numbers, given the grid's first sheet row).
std::string describe(const ImportProblem& problem, Language language,
                     std::size_t firstSheetRow = 1);

struct ImportResult
{
    std::vector<ImportedInvoice> invoices;
    std::vector<ImportProblem> problems;
    std::vector<ConsistencyRemark> remarks; // with the accepted fixes already applied
};

// Reads every row below the header, then checks the invoices' consistency (checkConsistency).
// Never throws for bad cells: they become problems.
ImportResult importInvoices(const SourceGrid& grid, const HeaderGuess& header,
                            const ImportOptions& options);

// One sheet of a workbook kept as a sheet per month or per year.
struct SheetSource
{
    const SourceGrid* grid = nullptr;
    HeaderGuess header;
};

// Several sheets read as one book, in order: an invoice number seen on an earlier sheet is a
// duplicate on a later one; invoices and problems carry their sheet's index.
ImportResult importInvoices(const std::vector<SheetSource>& sheets, const ImportOptions& options);

} // namespace relance
