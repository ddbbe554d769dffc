// The Writer's Registre sheet, the invoices: reading back an existing ledger for a re-sync,
// writing the rows, filling the formula columns down, the overdue highlight and the autofilter.
#include "uno/ledger/ledger_workbook.hxx"

#include <algorithm>
#include <type_traits>
#include <variant>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/ConditionOperator.hpp>
#include <com/sun/star/sheet/FillDirection.hpp>
#include <com/sun/star/sheet/XArrayFormulaRange.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellSeries.hpp>
#include <com/sun/star/sheet/XDatabaseRange.hpp>
#include <com/sun/star/sheet/XDatabaseRanges.hpp>
#include <com/sun/star/sheet/XSheetConditionalEntries.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/table/CellAddress.hpp>

#include "uno/functions/used_area.hxx"

using namespace css;

namespace relance::addin::ledger_writer
{
namespace
{

uno::Any moneyValue(const std::optional<Cents>& cents)
{
    return cents ? uno::Any(eurosFromCents(*cents)) : uno::Any(OUString());
}

uno::Any importedValue(const ImportedInvoice& invoice, const LedgerColumn& column,
                       DayNumber nullDate, const SourceSheets& sources)
{
    if (!column.field) // the source row: a number, or "Février, 12" for a sheet per month
        return sources.size() > 1
                   ? textValue(sourceRowText(sources, invoice.sourceSheet, invoice.sourceRow))
                   : uno::Any(static_cast<double>(
                         sheetRow(sources, invoice.sourceSheet, invoice.sourceRow)));
    return std::visit(
        [&](auto member) -> uno::Any
        {
            using Member = decltype(member);
            if constexpr (std::is_same_v<Member, TextMember>)
                return textValue(invoice.*member);
            else if constexpr (std::is_same_v<Member, DateMember>)
                return dateValue(invoice.*member, nullDate);
            else
                return moneyValue(invoice.*member);
        },
        memberOf(*column.field));
}

// Reads back an imported value from an existing ledger cell (for re-sync comparisons).
void readImported(ImportedInvoice& invoice, const LedgerColumn& column, const uno::Any& cell,
                  DayNumber nullDate)
{
    double number = 0;
    const bool isNumber = cell >>= number;
    if (!column.field)
    {
        if (isNumber)
            invoice.sourceRow = static_cast<std::size_t>(number);
        return;
    }
    OUString string;
    cell >>= string;
    std::visit(
        [&](auto member)
        {
            using Member = decltype(member);
            if constexpr (std::is_same_v<Member, TextMember>)
                // An invoice number Calc holds as a number reads back without ".0".
                invoice.*member = !isNumber ? toUtf8(string)
                                  : *column.field == LedgerField::InvoiceNumber
                                      ? toUtf8(OUString::number(static_cast<sal_Int64>(number)))
                                      : std::string();
            else if constexpr (std::is_same_v<Member, DateMember>)
                invoice.*member =
                    isNumber ? std::optional<DayNumber>(nullDate + static_cast<DayNumber>(number))
                             : std::nullopt;
            else
                invoice.*member =
                    isNumber ? std::optional<Cents>(centsFromEuros(number)) : std::nullopt;
        },
        memberOf(*column.field));
}

} // namespace

std::vector<LedgerRow<UserCells>>
Writer::readLedger(const uno::Reference<sheet::XSpreadsheet>& sheet) const
{
    const std::vector<LedgerColumn>& columns = invoiceColumns();
    const sal_Int32 lastRow = lastUsedRow(sheet);
    std::vector<LedgerRow<UserCells>> rows;
    if (lastRow < 1)
        return rows;
    const Grid data = uno::Reference<sheet::XCellRangeData>(
                          rangeOf(sheet, 0, 1, static_cast<sal_Int32>(columns.size()) - 1, lastRow),
                          uno::UNO_QUERY_THROW)
                          ->getDataArray();
    for (const Row& cells : data)
    {
        LedgerRow<UserCells> row;
        row.user.resize(columns.size());
        for (std::size_t c = 0;
             c < columns.size() && c < static_cast<std::size_t>(cells.getLength()); ++c)
        {
            if (columns[c].source == ColumnSource::Imported)
                readImported(row.invoice, columns[c], cells[static_cast<sal_Int32>(c)], nullDate_);
            else if (columns[c].source == ColumnSource::User)
                row.user[c] = cells[static_cast<sal_Int32>(c)];
        }
        if (!row.invoice.number.empty())
            rows.push_back(std::move(row));
    }
    return rows;
}

void Writer::writeLedger(const std::vector<LedgerRow<UserCells>>& rows, const SourceSheets& sources)
{
    bool created = false;
    const uno::Reference<sheet::XSpreadsheet> sheet = ensureSheet(LedgerSheet::Invoices, created);
    const std::vector<LedgerColumn>& columns = invoiceColumns();
    const sal_Int32 lastColumn = static_cast<sal_Int32>(columns.size()) - 1;
    const sal_Int32 lastRow = static_cast<sal_Int32>(rows.size()); // header is row 0
    const OUString sheetName = name(LedgerSheet::Invoices);

    if (!created)
    {
        // Clear the previous data rows (values and formulas); user cells are rewritten below.
        const sal_Int32 usedRow = lastUsedRow(sheet);
        if (usedRow >= 1)
            uno::Reference<sheet::XSheetOperation>(rangeOf(sheet, 0, 1, lastColumn, usedRow),
                                                   uno::UNO_QUERY_THROW)
                ->clearContents(sheet::CellFlags::VALUE | sheet::CellFlags::DATETIME |
                                sheet::CellFlags::STRING | sheet::CellFlags::FORMULA);
    }
    formatTable(sheet, columns, lastRow, formats_, language_);
    if (rows.empty())
        return;

    // Names the other sheets' formulas use.
    const std::pair<const char*, const char*> named[] = {
        {"Registre_Numero", "number"},
        {"Registre_Client", "customer"},
        {"Registre_DateFacture", "invoice_date"},
        {"Registre_Echeance", "due_date"},
        {"Registre_Montant", "amount"},
        {"Registre_Regle", "paid"},
        {"Registre_DateReglement", "payment_date"},
        {"Registre_ResteDu", "balance"},
        {"Registre_Penalites", "penalty"},
        {"Registre_Indemnites", "indemnity"},
        {"Registre_ProchaineAction", "next_action"},
        {"Registre_Suivi", "follow_up"},
        {"Registre_Statut", "status"},
        {"Registre_DateLivraison", "delivery_date"}};
    for (const auto& [rangeName, key] : named)
        defineName(
            OUString::createFromAscii(rangeName),
            rangeText(sheetName, static_cast<sal_Int32>(columnIndex(columns, key)), 1, lastRow));

    // The values, one setDataArray per run of value columns: the formula columns are
    // filled below, and a run of columns with nothing in them is not written at all.
    for (std::size_t first = 0; first < columns.size();)
    {
        if (columns[first].source == ColumnSource::Formula)
        {
            ++first;
            continue;
        }
        std::size_t end = first;
        while (end < columns.size() && columns[end].source != ColumnSource::Formula)
            ++end;
        Grid values(static_cast<sal_Int32>(rows.size()));
        bool any = false;
        for (std::size_t r = 0; r < rows.size(); ++r)
        {
            Row cells(static_cast<sal_Int32>(end - first));
            uno::Any* out = cells.getArray();
            for (std::size_t c = first; c < end; ++c)
            {
                uno::Any& cell = out[c - first];
                if (columns[c].source == ColumnSource::Imported)
                    cell = importedValue(rows[r].invoice, columns[c], nullDate_, sources);
                else if (rows[r].user.size() > c && rows[r].user[c].hasValue())
                    cell = rows[r].user[c];
                else
                    cell <<= OUString();
                OUString text;
                any = any || !(cell >>= text) || !text.isEmpty();
            }
            values.getArray()[r] = std::move(cells);
        }
        if (any)
            uno::Reference<sheet::XCellRangeData>(rangeOf(sheet, static_cast<sal_Int32>(first), 1,
                                                          static_cast<sal_Int32>(end) - 1, lastRow),
                                                  uno::UNO_QUERY_THROW)
                ->setDataArray(values);
        first = end;
    }

    fillFormulas(sheet, columns, lastRow);

    highlightOverdue(sheet, lastRow, sheetIndex(sheetName));

    // Autofilter over the written table.
    const uno::Reference<beans::XPropertySet> documentProperties(document_, uno::UNO_QUERY_THROW);
    const uno::Reference<sheet::XDatabaseRanges> databaseRanges(
        documentProperties->getPropertyValue("DatabaseRanges"), uno::UNO_QUERY_THROW);
    const OUString filterName = "Relance_Registre";
    if (uno::Reference<container::XNameAccess>(databaseRanges, uno::UNO_QUERY_THROW)
            ->hasByName(filterName))
        databaseRanges->removeByName(filterName);
    databaseRanges->addNewByName(
        filterName, table::CellRangeAddress(sheetIndex(sheetName), 0, 0, lastColumn, lastRow));
    setProperty(uno::Reference<uno::XInterface>(
                    uno::Reference<container::XNameAccess>(databaseRanges, uno::UNO_QUERY_THROW)
                        ->getByName(filterName),
                    uno::UNO_QUERY),
                "AutoFilter", uno::Any(true));
}

// The formula columns: each one's row-2 formula, filled down to lastRow, a run of
// adjacent formula columns at a time. setFormulaArray grows quadratically with the column
// length in Calc 7.4; filling is linear and adjusts the relative references the same.
void Writer::fillFormulas(const uno::Reference<sheet::XSpreadsheet>& sheet,
                          const std::vector<LedgerColumn>& columns, sal_Int32 lastRow) const
{
    for (std::size_t first = 0; first < columns.size();)
    {
        if (columns[first].source == ColumnSource::ArrayFormula)
        {
            std::size_t end = first;
            while (end < columns.size() && columns[end].source == ColumnSource::ArrayFormula)
                ++end;
            const auto left = static_cast<sal_Int32>(first);
            const auto right = static_cast<sal_Int32>(end) - 1;
            // An earlier array (a re-sync with fewer or more rows) goes first: Calc refuses to
            // change part of an array.
            const sal_Int32 usedRow = std::max(lastUsedRow(sheet), lastRow);
            if (usedRow >= 1)
                uno::Reference<sheet::XSheetOperation>(rangeOf(sheet, left, 1, right, usedRow),
                                                       uno::UNO_QUERY_THROW)
                    ->clearContents(sheet::CellFlags::VALUE | sheet::CellFlags::DATETIME |
                                    sheet::CellFlags::STRING | sheet::CellFlags::FORMULA);
            uno::Reference<sheet::XArrayFormulaRange>(rangeOf(sheet, left, 1, right, lastRow),
                                                      uno::UNO_QUERY_THROW)
                ->setArrayFormula(fromUtf8(
                    arrayFormulaFor(columns[first], 2, static_cast<std::size_t>(lastRow) + 1)));
            first = end;
            continue;
        }
        if (columns[first].source != ColumnSource::Formula)
        {
            ++first;
            continue;
        }
        std::size_t end = first;
        for (; end < columns.size() && columns[end].source == ColumnSource::Formula; ++end)
            sheet->getCellByPosition(static_cast<sal_Int32>(end), 1)
                ->setFormula(fromUtf8(formulaForRow(columns[end], 2, language_)));
        if (lastRow > 1)
            uno::Reference<sheet::XCellSeries>(rangeOf(sheet, static_cast<sal_Int32>(first), 1,
                                                       static_cast<sal_Int32>(end) - 1, lastRow),
                                               uno::UNO_QUERY_THROW)
                ->fillAuto(sheet::FillDirection_TO_BOTTOM, 1);
        first = end;
    }
}

// Overdue open invoices: their number, customer, date and terms turn red. Set once the
// rows are there (filling formulas down through a conditionally formatted range is much
// slower in Calc 7.4), and on these typed columns only: Calc records a conditional format
// for undo by copying its whole range, and copying the computed columns' formulas took
// more time than the rest of the conversion together (bench/PROFILE.md).
void Writer::highlightOverdue(const uno::Reference<sheet::XSpreadsheet>& sheet, sal_Int32 lastRow,
                              sal_Int16 sheetIndex)
{
    const sal_Int32 lastKey = static_cast<sal_Int32>(columnIndex(invoiceColumns(), "terms"));
    const uno::Reference<beans::XPropertySet> keyCells(rangeOf(sheet, 0, 1, lastKey, lastRow),
                                                       uno::UNO_QUERY_THROW);
    const uno::Reference<sheet::XSheetConditionalEntries> entries(
        keyCells->getPropertyValue("ConditionalFormat"), uno::UNO_QUERY_THROW);
    entries->clear();
    entries->addNew(sequenceOf<beans::PropertyValue>(
        {beans::PropertyValue("Operator", 0, uno::Any(sheet::ConditionOperator_FORMULA),
                              beans::PropertyState_DIRECT_VALUE),
         beans::PropertyValue("Formula1", 0, uno::Any(OUString("AND(N($I2)>0;N($J2)>0)")),
                              beans::PropertyState_DIRECT_VALUE),
         beans::PropertyValue("StyleName", 0, uno::Any(OUString("Bad")),
                              beans::PropertyState_DIRECT_VALUE),
         beans::PropertyValue("SourcePosition", 0, uno::Any(table::CellAddress(sheetIndex, 0, 1)),
                              beans::PropertyState_DIRECT_VALUE)}));
    keyCells->setPropertyValue("ConditionalFormat", uno::Any(entries));
}

} // namespace relance::addin::ledger_writer
