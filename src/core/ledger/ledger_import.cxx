// Reading the rows below the header into invoices: blank and subtotal rows, invoice numbers
// (missing or duplicate), dates, amounts, terms and the due and paid amounts derived from them.
#include "core/ledger/ledger_import.hxx"
#include "core/ledger/reminder_mark.hxx"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/common/input_error.hxx"
#include "core/common/text_fold.hxx"
#include "core/ledger/ledger_import_detail.hxx"

namespace relance
{
using namespace ledger_import_detail;

namespace
{

using Field = LedgerField;

constexpr std::array<Field, 4> kAmountFields = {Field::AmountInclVat, Field::AmountExclVat,
                                                Field::Balance, Field::PaidAmount};

class RowReader
{
public:
    RowReader(const ImportOptions& options, ImportResult& result)
        : options_(options), result_(result)
    {
    }

    // The sheet the next rows come from, and where its fields are.
    void useSheet(const HeaderGuess& header, std::size_t sheet)
    {
        sheet_ = sheet;
        columns_ = {};
        paidAmountColumns_.clear();
        paymentDateColumns_.clear();
        for (std::size_t column = 0; column < header.mapping.size(); ++column)
        {
            const auto field = header.mapping[column];
            if (field && !columns_[index(*field)])
                columns_[index(*field)] = column;
            if (field == Field::PaidAmount)
                paidAmountColumns_.push_back(column);
            if (field == Field::PaymentDate)
                paymentDateColumns_.push_back(column);
        }
    }

    void reserve(std::size_t rows)
    {
        result_.invoices.reserve(rows);
        invoiceByNumber_.reserve(rows);
    }

    // Numbers typed anywhere in the sheet: a number made up for a row without one must not
    // take a number a later row really has.
    void noteTypedNumber(const std::vector<SourceCell>& row)
    {
        const Cell number = readCell(row, columns_[index(Field::InvoiceNumber)]);
        if (!number.empty())
            typedNumbers_.insert(duplicateKey(cellText(number)));
    }

    // True when no mapped cell of the row holds anything.
    bool isBlank(const std::vector<SourceCell>& row) const
    {
        for (const auto& column : columns_)
            if (!readCell(row, column).empty())
                return false;
        if (isPaymentSeries())
            for (const auto& columns : {paidAmountColumns_, paymentDateColumns_})
                for (const std::size_t column : columns)
                    if (!readCell(row, column).empty())
                        return false;
        return true;
    }

    void read(const std::vector<SourceCell>& row, std::size_t rowIndex)
    {
        row_ = &row;
        rowIndex_ = rowIndex;
        if (isBlank(row))
        {
            addProblem(ImportProblem::Kind::BlankRow, std::nullopt, {});
            return;
        }
        if (const auto subtotal = subtotalText())
        {
            addProblem(ImportProblem::Kind::SubtotalRow, std::nullopt, *subtotal);
            return;
        }

        ImportedInvoice invoice;
        invoice.sourceRow = rowIndex;
        invoice.sourceSheet = sheet_;
        const std::size_t invoiceIndex = result_.invoices.size();
        std::optional<std::size_t> earlier; // the invoice that already has this row's number
        const Cell numberCell = cell(Field::InvoiceNumber);
        if (numberCell.empty())
        {
            invoice.number = "L" + std::to_string(rowIndex + 1);
            for (int suffix = 2;
                 typedNumbers_.count(duplicateKey(invoice.number)) ||
                 !invoiceByNumber_.emplace(duplicateKey(invoice.number), invoiceIndex).second;
                 ++suffix)
                invoice.number = "L" + std::to_string(rowIndex + 1) + "-" + std::to_string(suffix);
            addProblem(ImportProblem::Kind::MissingNumber, Field::InvoiceNumber, invoice.number);
        }
        else
        {
            invoice.number = cellText(numberCell);
            if (const auto [found, inserted] =
                    invoiceByNumber_.emplace(duplicateKey(invoice.number), invoiceIndex);
                !inserted)
                earlier = found->second;
        }
        const std::size_t problemsBefore = result_.problems.size();

        invoice.customer = cellText(cell(Field::Customer));
        invoice.legalName = cellText(cell(Field::LegalName));
        invoice.siren = sirenFrom(cell(Field::Siren));
        invoice.email = cellText(cell(Field::Email));
        invoice.notes = cellText(cell(Field::Notes));
        invoice.invoiceDate = date(Field::InvoiceDate);
        invoice.deliveryDate = date(Field::DeliveryDate);
        invoice.dueDate = date(Field::DueDate);
        const std::vector<std::optional<DayNumber>> paymentDates = readPaymentDates(invoice);
        invoice.amountInclVat = amount(Field::AmountInclVat);
        invoice.amountExclVat = amount(Field::AmountExclVat);
        invoice.balance = amount(Field::Balance);
        readPaidAmounts(invoice, paymentDates);
        readReminderMark(invoice);
        invoice.paidFlag = flag(Field::PaidFlag);
        invoice.disputed = flag(Field::Disputed);
        if (invoice.disputed.value_or(false))
            markDisputed(invoice.notes);

        const Cell termsCell = cell(Field::Terms);
        invoice.terms = cellText(termsCell);
        const std::optional<PaymentTerms> terms = paymentTerms(termsCell);
        // Unreadable terms give no due date: the default terms are for rows without any.
        const PaymentTerms* applied =
            terms
                ? &*terms
                : (termsCell.empty() && options_.defaultTerms ? &*options_.defaultTerms : nullptr);
        if (!invoice.dueDate && invoice.invoiceDate && applied)
            if (const DayNumber due = dueDate(*invoice.invoiceDate, *applied, options_.reading);
                isInSupportedRange(due))
                invoice.dueDate = due;

        if (!invoice.paidAmount)
        {
            const Cell balanceCell = cell(Field::Balance);
            if (invoice.amountInclVat && invoice.balance)
                invoice.paidAmount = *invoice.amountInclVat - *invoice.balance;
            else if (invoice.paymentDate && balanceCell.empty())
                invoice.paidAmount = invoice.amountInclVat;
        }
        // A "Payé ? Oui/Non" column is all the sheet says of the payment when nothing else does.
        if (invoice.paidFlag && !paidAmountOrDateOrBalanceTyped())
            invoice.paidAmount = *invoice.paidFlag ? invoice.amountInclVat : Cents{0};

        if (!invoice.amountInclVat && cell(Field::AmountInclVat).empty())
            addProblem(ImportProblem::Kind::MissingAmount, Field::AmountInclVat, {});

        if (earlier && !keepRepeatedNumber(invoice, *earlier, problemsBefore))
            return;
        result_.invoices.push_back(std::move(invoice));
    }

    const std::vector<RepeatedNumber>& repeatedNumbers() const { return repeated_; }

private:
    Cell cell(Field field) const { return readCell(*row_, columns_[index(field)]); }

    // A row with an earlier invoice's number, read whole. With the same amount it is the same
    // invoice typed twice: skipped, its cells unreported. With another amount it is money the
    // sheet claims: named in a remark, and kept as "<number>-2" (-3...) when the user accepts,
    // the number spelled as the first invoice has it; refused, it is skipped as a duplicate.
    // Compared with the first invoice of the number only.
    bool keepRepeatedNumber(ImportedInvoice& invoice, std::size_t earlier,
                            std::size_t problemsBefore)
    {
        const ImportedInvoice& first = result_.invoices[earlier];
        const auto skip = [&]
        {
            result_.problems.erase(result_.problems.begin() +
                                       static_cast<std::ptrdiff_t>(problemsBefore),
                                   result_.problems.end());
            addProblem(ImportProblem::Kind::DuplicateNumber, Field::InvoiceNumber, invoice.number);
            return false;
        };
        if (!invoice.amountInclVat || invoice.amountInclVat == first.amountInclVat)
            return skip();
        std::string number;
        for (int suffix = 2;; ++suffix)
        {
            number = first.number + "-" + std::to_string(suffix);
            const std::string key = duplicateKey(number);
            if (!typedNumbers_.count(key) && !invoiceByNumber_.count(key))
                break;
        }
        const bool keep = acceptsFix(options_, RemarkKind::NumberOtherAmount);
        repeated_.push_back({first.sourceRow, rowIndex_, *invoice.amountInclVat, number, keep,
                             first.sourceSheet, sheet_});
        if (!keep)
            return skip();
        invoiceByNumber_.emplace(duplicateKey(number), result_.invoices.size());
        invoice.number = std::move(number);
        return true;
    }

    // Two paid amount columns or more: a numbered series ("Règlement 1", "Règlement 2").
    bool isPaymentSeries() const { return paidAmountColumns_.size() >= 2; }

    // The payment date; for a series, every payment date column's date in column order, the
    // invoice's payment date being the latest.
    std::vector<std::optional<DayNumber>> readPaymentDates(ImportedInvoice& invoice)
    {
        if (!isPaymentSeries())
        {
            invoice.paymentDate = date(Field::PaymentDate);
            return {};
        }
        std::vector<std::optional<DayNumber>> dates;
        for (const std::size_t column : paymentDateColumns_)
        {
            const std::optional<DayNumber> day = dateAt(Field::PaymentDate, column);
            if (day && (!invoice.paymentDate || *invoice.paymentDate < *day))
                invoice.paymentDate = day;
            dates.push_back(day);
        }
        return dates;
    }

    // The paid amount; for a series, one payment per amount read, dated from the date column
    // of the same rank, the paid amount being their sum.
    void readPaidAmounts(ImportedInvoice& invoice,
                         const std::vector<std::optional<DayNumber>>& paymentDates)
    {
        if (!isPaymentSeries())
        {
            invoice.paidAmount = amount(Field::PaidAmount);
            return;
        }
        Cents total = 0;
        std::string typed; // "100 + 250", for a total beyond what an amount may be
        for (std::size_t rank = 0; rank < paidAmountColumns_.size(); ++rank)
        {
            const Cell source = readCell(*row_, paidAmountColumns_[rank]);
            const std::optional<Cents> paid = amountAt(Field::PaidAmount, paidAmountColumns_[rank]);
            if (!paid)
                continue;
            invoice.payments.push_back(
                {rank < paymentDates.size() ? paymentDates[rank] : std::nullopt, *paid});
            total += *paid;
            typed += (typed.empty() ? "" : " + ") + cellText(source);
        }
        if (invoice.payments.empty())
            return;
        if (total < -kMaxCents || total > kMaxCents)
        {
            invoice.payments.clear();
            addProblem(ImportProblem::Kind::UnreadableAmount, Field::PaidAmount, typed);
            return;
        }
        invoice.paidAmount = total;
    }

    bool paidAmountOrDateOrBalanceTyped() const
    {
        if (!cell(Field::Balance).empty() || !cell(Field::PaidAmount).empty() ||
            !cell(Field::PaymentDate).empty())
            return true;
        for (const auto& columns : {paidAmountColumns_, paymentDateColumns_})
            for (const std::size_t column : columns)
                if (!readCell(*row_, column).empty())
                    return true;
        return false;
    }

    // Yes, no, or nothing for a blank cell; neither yes nor no is a problem.
    std::optional<bool> flag(Field field)
    {
        const Cell source = cell(field);
        if (source.empty())
            return std::nullopt;
        const std::string text = cellText(source);
        const std::optional<bool> answer = parseYesNo(text);
        if (!answer)
            addProblem(ImportProblem::Kind::UnreadableFlag, field, text);
        return answer;
    }

    // « Litige » in the notes is what the follow-up reading of notes takes for a dispute.
    static void markDisputed(std::string& notes)
    {
        const std::vector<std::string> words = foldedWords(notes);
        if (std::find(words.begin(), words.end(), "litige") != words.end())
            return;
        notes += notes.empty() ? "Litige" : " ; Litige";
    }

    void readReminderMark(ImportedInvoice& invoice)
    {
        const Cell source = cell(Field::LastReminder);
        std::optional<ReminderMark> mark;
        if (source.kind == SourceCell::Kind::Number)
        {
            // A level typed as a number, or a date cell.
            if (source.number >= 1 && source.number <= 3 &&
                source.number == std::floor(source.number))
                mark = ReminderMark{static_cast<int>(source.number), std::nullopt};
            else if (std::isfinite(source.number) && source.number > 3 && source.number < 1e7)
                if (const DayNumber day =
                        options_.nullDate + static_cast<DayNumber>(std::floor(source.number));
                    isInSupportedRange(day))
                    mark = ReminderMark{1, day};
        }
        else if (source.isText())
            mark = parseReminderMark(source.text, options_.dateOrder);
        else
            return;
        if (!mark)
        {
            addProblem(ImportProblem::Kind::UnreadableReminder, Field::LastReminder,
                       cellText(source));
            return;
        }
        invoice.lastReminderLevel = mark->level;
        invoice.lastReminderDate = mark->date;
    }

    void addProblem(ImportProblem::Kind kind, std::optional<Field> field, std::string value)
    {
        result_.problems.push_back(ImportProblem{kind, rowIndex_, field, std::move(value), sheet_});
    }

    // The text that makes the row a subtotal, or nullopt for an invoice row.
    std::optional<std::string> subtotalText() const
    {
        const Cell number = cell(Field::InvoiceNumber);
        const bool hasInvoiceDate = !cell(Field::InvoiceDate).empty();
        if (!hasInvoiceDate)
        {
            const auto notesColumn = columns_[index(Field::Notes)];
            const auto numberColumn = columns_[index(Field::InvoiceNumber)];
            for (std::size_t column = 0; column < row_->size(); ++column)
            {
                const SourceCell& source = (*row_)[column];
                if (source.kind != SourceCell::Kind::Text || column == notesColumn)
                    continue;
                // An invoice numbered "F-12" for the customer "Total Énergies" is no subtotal.
                if (!number.empty() && column != numberColumn)
                    continue;
                const std::string_view text = trim(source.text);
                if (startsWithSubtotalWord(text))
                    return std::string(text);
            }
        }
        if (!number.empty() || hasInvoiceDate || !cell(Field::DueDate).empty() ||
            !cell(Field::Customer).empty() || !cell(Field::LegalName).empty())
            return std::nullopt;
        for (Field field : kAmountFields)
            if (const Cell amountCell = cell(field); !amountCell.empty())
                return cellText(amountCell);
        return std::nullopt;
    }

    std::optional<DayNumber> date(Field field) { return dateAt(field, columns_[index(field)]); }

    std::optional<DayNumber> dateAt(Field field, std::optional<std::size_t> column)
    {
        const Cell source = readCell(*row_, column);
        std::optional<DayNumber> day;
        if (source.kind == SourceCell::Kind::Number)
        {
            if (source.number == 0) // Calc's blank-as-zero: no date
                return std::nullopt;
            if (std::isfinite(source.number) && std::fabs(source.number) < 1e7)
            {
                const DayNumber candidate =
                    options_.nullDate + static_cast<DayNumber>(std::floor(source.number));
                if (isInSupportedRange(candidate))
                    day = candidate;
            }
        }
        else if (source.isText())
        {
            if (const auto numeric = numericDateText(source.text, options_.dateOrder))
                day = *numeric;
            else
            {
                auto [found, inserted] = dateCache_.try_emplace(source.text);
                if (inserted)
                    found->second = parseDateText(source.text, options_.dateOrder);
                day = found->second;
            }
        }
        else
            return std::nullopt;
        if (!day)
            addProblem(ImportProblem::Kind::UnreadableDate, field, cellText(source));
        return day;
    }

    std::optional<Cents> amount(Field field) { return amountAt(field, columns_[index(field)]); }

    std::optional<Cents> amountAt(Field field, std::optional<std::size_t> column)
    {
        const Cell source = readCell(*row_, column);
        std::optional<Cents> cents;
        if (source.kind == SourceCell::Kind::Number)
        {
            try
            {
                cents = centsFromEuros(source.number);
            }
            catch (const InputError&)
            {
            }
        }
        else if (source.isText())
        {
            if (const auto plain = plainAmountText(source.text))
                cents = *plain;
            else
                cents = parseAmountText(source.text);
        }
        else
            return std::nullopt;
        if (!cents)
            addProblem(ImportProblem::Kind::UnreadableAmount, field, cellText(source));
        return cents;
    }

    std::optional<PaymentTerms> paymentTerms(const Cell& source)
    {
        std::optional<PaymentTerms> terms;
        if (source.kind == SourceCell::Kind::Number)
        {
            try
            {
                terms = paymentTermsFromDays(source.number);
            }
            catch (const InputError&)
            {
            }
        }
        else if (source.isText())
        {
            // A sheet uses a handful of wordings: parse each once.
            auto [found, inserted] = termsCache_.try_emplace(source.text);
            if (inserted)
            {
                try
                {
                    found->second = parsePaymentTerms(source.text);
                }
                catch (const InputError&)
                {
                }
            }
            terms = found->second;
        }
        else
            return std::nullopt;
        if (!terms)
            addProblem(ImportProblem::Kind::UnreadableTerms, Field::Terms, cellText(source));
        return terms;
    }

    const ImportOptions& options_;
    ImportResult& result_;
    std::array<std::optional<std::size_t>, kLedgerFieldCount> columns_{}; // a field's first
    // Every paid amount and payment date column, in column order.
    std::vector<std::size_t> paidAmountColumns_;
    std::vector<std::size_t> paymentDateColumns_;
    const std::vector<SourceCell>* row_ = nullptr;
    std::size_t rowIndex_ = 0;
    std::size_t sheet_ = 0;
    // Every number given so far (typed or made up), to the index of its invoice.
    std::unordered_map<std::string, std::size_t> invoiceByNumber_;
    std::unordered_set<std::string> typedNumbers_;
    // Keyed by views into the grid, which outlives the import.
    std::unordered_map<std::string_view, std::optional<PaymentTerms>> termsCache_;
    std::unordered_map<std::string_view, std::optional<DayNumber>> dateCache_;
    std::vector<RepeatedNumber> repeated_;
};

} // namespace

ImportResult importInvoices(const std::vector<SheetSource>& sheets, const ImportOptions& options)
{
    ImportResult result;
    RowReader reader(options, result);
    // Per sheet, the rows below its header; blank rows after the last filled one are the end
    // of the sheet, not rows to report.
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    std::size_t rows = 0;
    for (std::size_t sheet = 0; sheet < sheets.size(); ++sheet)
    {
        const SourceGrid& grid = *sheets[sheet].grid;
        const std::size_t first = sheets[sheet].header.headerRow + 1;
        reader.useSheet(sheets[sheet].header, sheet);
        std::size_t end = grid.size();
        while (end > first && reader.isBlank(grid[end - 1]))
            --end;
        spans.emplace_back(first, std::max(first, end));
        rows += std::max(first, end) - first;
        for (std::size_t rowIndex = first; rowIndex < end; ++rowIndex)
            reader.noteTypedNumber(grid[rowIndex]);
    }
    reader.reserve(rows);
    for (std::size_t sheet = 0; sheet < sheets.size(); ++sheet)
    {
        reader.useSheet(sheets[sheet].header, sheet);
        for (std::size_t rowIndex = spans[sheet].first; rowIndex < spans[sheet].second; ++rowIndex)
            reader.read((*sheets[sheet].grid)[rowIndex], rowIndex);
    }
    checkConsistency(result, reader.repeatedNumbers(), options);
    return result;
}

ImportResult importInvoices(const SourceGrid& grid, const HeaderGuess& header,
                            const ImportOptions& options)
{
    return importInvoices(std::vector<SheetSource>{{&grid, header}}, options);
}

} // namespace relance
