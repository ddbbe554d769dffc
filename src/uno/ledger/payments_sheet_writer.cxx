// The Writer's Règlements sheet: the payments the user typed there, those the source holds,
// and the sheet written back with each payment's allocation.
#include "uno/ledger/ledger_workbook.hxx"

#include <algorithm>
#include <set>

#include <com/sun/star/sheet/XCellRangeData.hpp>

#include "uno/functions/used_area.hxx"

using namespace css;

namespace relance::addin::ledger_writer
{

std::vector<PaymentEntry> Writer::readPayments()
{
    std::vector<PaymentEntry> payments;
    const OUString sheetName = name(LedgerSheet::Payments);
    if (!sheets_->hasByName(sheetName))
        return payments;
    const uno::Reference<sheet::XSpreadsheet> sheet = sheetNamed(sheets_, sheetName);
    const sal_Int32 lastRow = lastUsedRow(sheet);
    if (lastRow < 1)
        return payments;
    const Grid data = uno::Reference<sheet::XCellRangeData>(rangeOf(sheet, 0, 1, 6, lastRow),
                                                            uno::UNO_QUERY_THROW)
                          ->getDataArray();
    const DateContext dates(nullDate_);
    for (sal_Int32 r = 0; r < data.getLength(); ++r)
    {
        const Row& cells = data[r];
        const std::string where = "payments, row " + std::to_string(r + 2);
        PaymentEntry entry;
        entry.date = optionalDate(cells[0], dates, where);
        OUString string;
        cells[1] >>= string;
        entry.customer = toUtf8(string);
        entry.amount = optionalAmount(cells[2], where).value_or(0);
        string.clear();
        cells[3] >>= string;
        entry.reference = toUtf8(string);
        OUString notes;
        cells[6] >>= notes;
        if (entry.amount != 0 || entry.date)
        {
            payments.push_back(entry);
            paymentNotes_.push_back(notes);
        }
    }
    return payments;
}

void Writer::addSourcePayments(std::vector<PaymentEntry>& payments,
                               const std::vector<ImportedInvoice>& source,
                               const std::vector<PaymentEntry>& loosePayments)
{
    std::set<std::string> known;
    auto key = [](const PaymentEntry& p)
    {
        return invoiceKey(p.reference) + "|" + std::to_string(p.amount) + "|" +
               std::to_string(p.date.value_or(0));
    };
    for (const PaymentEntry& payment : payments)
        known.insert(key(payment));
    std::vector<PaymentEntry> fromSource = paymentsFromSource(source);
    fromSource.insert(fromSource.end(), loosePayments.begin(), loosePayments.end());
    for (const PaymentEntry& payment : fromSource)
        if (known.insert(key(payment)).second)
        {
            payments.push_back(payment);
            paymentNotes_.push_back(OUString());
        }
}

void Writer::writePayments(const std::vector<PaymentEntry>& payments, const Allocation& allocation)
{
    bool created = false;
    const uno::Reference<sheet::XSpreadsheet> sheet = ensureSheet(LedgerSheet::Payments, created);
    const std::vector<LedgerColumn>& columns = paymentColumns();
    const sal_Int32 lastRow = static_cast<sal_Int32>(payments.size());
    formatTable(sheet, columns, std::max<sal_Int32>(lastRow, 1), formats_, language_);
    if (payments.empty())
        return;
    Grid values(lastRow);
    for (std::size_t i = 0; i < payments.size(); ++i)
    {
        const PaymentEntry& p = payments[i];
        values.getArray()[i] = sequenceOf<uno::Any>(
            {dateValue(p.date, nullDate_), textValue(p.customer),
             uno::Any(eurosFromCents(p.amount)), textValue(p.reference),
             textValue(allocation.allocatedTo[i]),
             uno::Any(eurosFromCents(allocation.unallocated[i])),
             uno::Any(i < paymentNotes_.size() ? paymentNotes_[i] : OUString())});
    }
    uno::Reference<sheet::XCellRangeData>(rangeOf(sheet, 0, 1, 6, lastRow), uno::UNO_QUERY_THROW)
        ->setDataArray(values);
}

} // namespace relance::addin::ledger_writer
