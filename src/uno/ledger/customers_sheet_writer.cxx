// The Writer's Clients sheet: the customers already there keep their rows, new ones follow;
// their names are defined before any formula exists, the rows and formulas written later.
#include "uno/ledger/ledger_workbook.hxx"

#include <algorithm>
#include <set>

#include <com/sun/star/sheet/XCellRangeData.hpp>

#include "core/common/text_fold.hxx"
#include "uno/functions/used_area.hxx"

using namespace css;

namespace relance::addin::ledger_writer
{

// The customers' rows: those already in the sheet keep theirs (addresses, limits typed by
// the user), new ones follow. Their names are defined here, before any formula exists.
std::vector<Row> Writer::customerRows(const std::vector<LedgerRow<UserCells>>& rows)
{
    bool created = false;
    const uno::Reference<sheet::XSpreadsheet> sheet = ensureSheet(LedgerSheet::Customers, created);
    const std::vector<LedgerColumn>& columns = customerColumns();

    // Existing customers keep their rows (addresses, limits typed by the user).
    std::vector<Row> existing;
    std::set<std::string> known;
    if (!created)
    {
        const sal_Int32 usedRow = lastUsedRow(sheet);
        if (usedRow >= 1)
        {
            const Grid data = uno::Reference<sheet::XCellRangeData>(
                                  rangeOf(sheet, 0, 1, 8, usedRow), uno::UNO_QUERY_THROW)
                                  ->getDataArray();
            for (const Row& cells : data)
            {
                OUString customer;
                cells[0] >>= customer;
                if (customer.trim().isEmpty())
                    continue;
                known.insert(foldText(toUtf8(customer)));
                existing.push_back(cells);
            }
        }
    }
    for (const auto& row : rows)
    {
        const ImportedInvoice& invoice = row.invoice;
        if (invoice.customer.empty() || !known.insert(foldText(invoice.customer)).second)
            continue;
        existing.push_back(sequenceOf<uno::Any>(
            {textValue(invoice.customer), textValue(invoice.legalName), textValue(invoice.siren),
             textValue(invoice.email), uno::Any(OUString()), textValue(invoice.terms),
             uno::Any(OUString()), uno::Any(OUString()), uno::Any(OUString())}));
    }
    const sal_Int32 lastRow = static_cast<sal_Int32>(existing.size());
    if (lastRow > 0)
    {
        const OUString sheetName = name(LedgerSheet::Customers);
        defineName("Clients_Nom", rangeText(sheetName, 0, 1, lastRow));
        defineName("Clients_Echu",
                   rangeText(sheetName, static_cast<sal_Int32>(columnIndex(columns, "overdue")), 1,
                             lastRow));
        defineName("Clients_Score",
                   rangeText(sheetName, static_cast<sal_Int32>(columnIndex(columns, "risk_score")),
                             1, lastRow));
    }
    return existing;
}

void Writer::writeCustomers(const std::vector<Row>& existing)
{
    bool created = false;
    const uno::Reference<sheet::XSpreadsheet> sheet = ensureSheet(LedgerSheet::Customers, created);
    const std::vector<LedgerColumn>& columns = customerColumns();
    const sal_Int32 lastRow = static_cast<sal_Int32>(existing.size());
    formatTable(sheet, columns, std::max<sal_Int32>(lastRow, 1), formats_, language_);
    if (existing.empty())
        return;
    Grid values(lastRow);
    for (sal_Int32 i = 0; i < lastRow; ++i)
        values.getArray()[i] = existing[static_cast<std::size_t>(i)];
    uno::Reference<sheet::XCellRangeData>(rangeOf(sheet, 0, 1, 8, lastRow), uno::UNO_QUERY_THROW)
        ->setDataArray(values);
    fillFormulas(sheet, columns, lastRow);
}

} // namespace relance::addin::ledger_writer
