#include "uno/ledger/ledger_converter.hxx"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <type_traits>
#include <unordered_map>
#include <variant>
#include <vector>

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/Rectangle.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/table/XTableColumns.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XDesktop2.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/sheet/ConditionOperator.hpp>
#include <com/sun/star/sheet/XArrayFormulaRange.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/FillDirection.hpp>
#include <com/sun/star/sheet/XCellSeries.hpp>
#include <com/sun/star/sheet/XDatabaseRange.hpp>
#include <com/sun/star/sheet/XDatabaseRanges.hpp>
#include <com/sun/star/sheet/XNamedRange.hpp>
#include <com/sun/star/sheet/XNamedRanges.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetConditionalEntries.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/table/CellAddress.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableChartsSupplier.hpp>
#include <com/sun/star/i18n/NumberFormatIndex.hpp>
#include <com/sun/star/util/NumberFormat.hpp>
#include <com/sun/star/util/XNumberFormatTypes.hpp>
#include <com/sun/star/util/XNumberFormats.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>
#include <com/sun/star/util/Date.hpp>

#include "core/metrics/aging.hxx"
#include "uno/functions/any_convert.hxx"
#include "core/common/input_error.hxx"
#include "uno/ledger/ledger_layout.hxx"
#include "core/common/text_fold.hxx"
#include "uno/functions/used_area.hxx"

using namespace css;

namespace relance::addin
{
namespace
{

using Row = uno::Sequence<uno::Any>;
using Grid = uno::Sequence<Row>;

OUString text(const LocalizedText& localized, Language language)
{
    return fromUtf8(localized.in(language));
}

OUString quotedSheet(const OUString& name)
{
    return "$'" + name.replaceAll("'", "''") + "'";
}

OUString address(const OUString& sheet, sal_Int32 column, sal_Int32 row)
{
    return quotedSheet(sheet) + ".$" + fromUtf8(columnLetter(static_cast<std::size_t>(column))) +
           "$" + OUString::number(row + 1);
}

OUString rangeText(const OUString& sheet, sal_Int32 column, sal_Int32 firstRow, sal_Int32 lastRow)
{
    return address(sheet, column, firstRow) + ":$" +
           fromUtf8(columnLetter(static_cast<std::size_t>(column))) + "$" +
           OUString::number(lastRow + 1);
}

bool isLedgerSheet(const OUString& name)
{
    for (LedgerSheet sheet :
         {LedgerSheet::Invoices, LedgerSheet::Payments, LedgerSheet::Customers,
          LedgerSheet::Reminders, LedgerSheet::Dashboard, LedgerSheet::Settings})
        for (Language language : {Language::French, Language::English})
            if (name == text(sheetName(sheet), language))
                return true;
    return false;
}

uno::Reference<sheet::XSpreadsheets> sheetsOf(const uno::Reference<frame::XModel>& document)
{
    const uno::Reference<sheet::XSpreadsheetDocument> spreadsheet(document, uno::UNO_QUERY);
    if (!spreadsheet.is())
        throw InputError("this document is not a spreadsheet");
    return spreadsheet->getSheets();
}

uno::Reference<sheet::XSpreadsheet> sheetNamed(const uno::Reference<sheet::XSpreadsheets>& sheets,
                                               const OUString& name)
{
    return uno::Reference<sheet::XSpreadsheet>(sheets->getByName(name), uno::UNO_QUERY_THROW);
}

uno::Reference<table::XCellRange> rangeOf(const uno::Reference<sheet::XSpreadsheet>& sheet,
                                          sal_Int32 left, sal_Int32 top, sal_Int32 right,
                                          sal_Int32 bottom)
{
    return sheet->getCellRangeByPosition(left, top, right, bottom);
}

sal_Int32 numberFormatOf(const uno::Reference<sheet::XSpreadsheet>& sheet, sal_Int32 column,
                         sal_Int32 row)
{
    sal_Int32 key = 0;
    uno::Reference<beans::XPropertySet>(sheet->getCellByPosition(column, row), uno::UNO_QUERY_THROW)
        ->getPropertyValue("NumberFormat") >>= key;
    return key;
}

SourceCell toSourceCell(const uno::Any& value)
{
    double number = 0;
    OUString string;
    if (value >>= number)
        return SourceCell::of(number);
    if ((value >>= string) && !string.isEmpty())
        return SourceCell::of(toUtf8(string));
    return SourceCell::empty();
}

// The ledger language's formats: four-digit years, whole days, money in euros.
class Formats
{
public:
    Formats(const uno::Reference<frame::XModel>& document, Language language)
    {
        const uno::Reference<util::XNumberFormatsSupplier> supplier(document, uno::UNO_QUERY_THROW);
        formats_ = supplier->getNumberFormats();
        types_.set(formats_, uno::UNO_QUERY_THROW);
        const bool french = language == Language::French;
        locale_ = french ? lang::Locale("fr", "FR", "") : lang::Locale("en", "GB", "");
        date_ = code(french ? "JJ/MM/AAAA" : "DD/MM/YYYY");
        integer_ = code("0");
        // The locale's own "0,00 %": a space typed in a code is Calc's thousands divisor in
        // French, and "0,0 %" showed 80,6 % as 0,1 %.
        percent_ = types_->getFormatIndex(i18n::NumberFormatIndex::PERCENT_DEC2, locale_);
        money_ =
            types_->getStandardFormat(util::NumberFormat::CURRENCY, lang::Locale("fr", "FR", ""));
        text_ = types_->getStandardFormat(util::NumberFormat::TEXT, locale_);
    }
    // The percent format code of the first ledgers, in which Calc reads the space as a
    // thousands divisor (80,6 % shown as 0,1 %): a re-sync replaces it, and only it.
    bool isBrokenPercent(sal_Int32 key) const
    {
        OUString code;
        formats_->getByKey(key)->getPropertyValue("FormatString") >>= code;
        // Calc keeps that space as the French group separator, a no-break space.
        const std::string text = toUtf8(code);
        return text == "0,0\xC2\xA0%" || text == "0,0 %";
    }

    sal_Int32 key(CellFormat format) const
    {
        switch (format)
        {
        case CellFormat::Date:
            return date_;
        case CellFormat::Money:
            return money_;
        case CellFormat::Percent:
            return percent_;
        case CellFormat::Integer:
            return integer_;
        case CellFormat::Text:
            return text_;
        }
        return 0;
    }

private:
    sal_Int32 code(const char* french, const char* english = nullptr)
    {
        const OUString text =
            OUString::createFromAscii(english && locale_.Language != "fr" ? english : french);
        sal_Int32 key = formats_->queryKey(text, locale_, false);
        if (key < 0)
            key = formats_->addNew(text, locale_);
        return key;
    }

    uno::Reference<util::XNumberFormats> formats_;
    uno::Reference<util::XNumberFormatTypes> types_;
    lang::Locale locale_;
    sal_Int32 date_ = 0, integer_ = 0, percent_ = 0, money_ = 0, text_ = 0;
};

void setProperty(const uno::Reference<uno::XInterface>& object, const OUString& name,
                 const uno::Any& value)
{
    uno::Reference<beans::XPropertySet>(object, uno::UNO_QUERY_THROW)
        ->setPropertyValue(name, value);
}

// Header row, column widths and formats of a table laid out from `columns`.
void formatTable(const uno::Reference<sheet::XSpreadsheet>& sheet,
                 const std::vector<LedgerColumn>& columns, sal_Int32 lastRow,
                 const Formats& formats, Language language)
{
    const sal_Int32 lastColumn = static_cast<sal_Int32>(columns.size()) - 1;
    Row header(static_cast<sal_Int32>(columns.size()));
    for (std::size_t c = 0; c < columns.size(); ++c)
        header.getArray()[c] <<= text(columns[c].header, language);
    const uno::Reference<table::XCellRange> headerRange = rangeOf(sheet, 0, 0, lastColumn, 0);
    uno::Reference<sheet::XCellRangeData>(headerRange, uno::UNO_QUERY_THROW)
        ->setDataArray(Grid(&header, 1));
    setProperty(headerRange, "CharWeight", uno::Any(awt::FontWeight::BOLD));

    const uno::Reference<table::XColumnRowRange> columnRange(sheet, uno::UNO_QUERY_THROW);
    const uno::Reference<container::XIndexAccess> allColumns(columnRange->getColumns(),
                                                             uno::UNO_QUERY_THROW);
    for (std::size_t c = 0; c < columns.size(); ++c)
    {
        setProperty(uno::Reference<uno::XInterface>(
                        allColumns->getByIndex(static_cast<sal_Int32>(c)), uno::UNO_QUERY),
                    "Width", uno::Any(static_cast<sal_Int32>(columns[c].widthMm * 100)));
        if (lastRow >= 1)
            setProperty(
                rangeOf(sheet, static_cast<sal_Int32>(c), 1, static_cast<sal_Int32>(c), lastRow),
                "NumberFormat", uno::Any(formats.key(columns[c].format)));
    }
}

uno::Any dateValue(const std::optional<DayNumber>& day, DayNumber nullDate)
{
    return day ? uno::Any(static_cast<double>(*day - nullDate)) : uno::Any(OUString());
}

uno::Any moneyValue(const std::optional<Cents>& cents)
{
    return cents ? uno::Any(eurosFromCents(*cents)) : uno::Any(OUString());
}

uno::Any textValue(const std::string& value)
{
    return uno::Any(fromUtf8(value));
}

uno::Any importedValue(const ImportedInvoice& invoice, const LedgerColumn& column,
                       DayNumber nullDate, std::size_t firstSheetRow)
{
    if (!column.field)
        return uno::Any(static_cast<double>(invoice.sourceRow + firstSheetRow)); // source row
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

using UserCells = std::vector<uno::Any>; // one per ledger column, only User columns used

class Writer
{
public:
    Writer(const uno::Reference<frame::XModel>& document, const ConversionRequest& request,
           const uno::Reference<task::XStatusIndicator>& progress,
           std::vector<OUString>& createdSheets)
        : document_(document), sheets_(sheetsOf(document)), request_(request),
          created_(createdSheets), language_(request.language),
          formats_(document, request.language), progress_(progress)
    {
        const uno::Reference<beans::XPropertySet> properties(document, uno::UNO_QUERY_THROW);
        util::Date date;
        properties->getPropertyValue("NullDate") >>= date;
        nullDate_ = toDayNumber({date.Year, date.Month, date.Day});
        names_.set(properties->getPropertyValue("NamedRanges"), uno::UNO_QUERY_THROW);
    }

    ConversionReport run(const ImportResult& imported, std::size_t firstSheetRow)
    {
        ConversionReport report;
        report.import = imported;
        report.firstSheetRow = firstSheetRow;
        step(5);
        const OUString ledgerName = name(LedgerSheet::Invoices);
        report.resync = sheets_->hasByName(ledgerName);

        std::vector<LedgerRow<UserCells>> existing;
        if (report.resync)
            existing = readLedger(sheetNamed(sheets_, ledgerName));
        std::vector<LedgerRow<UserCells>> rows =
            mergeLedger(existing, imported.invoices, report.merge);
        step(20);

        // Payments: the source's, plus any the user added in the ledger; then allocate.
        std::vector<PaymentEntry> payments = readPayments();
        addSourcePayments(payments, imported.invoices);
        std::vector<ImportedInvoice> invoices;
        invoices.reserve(rows.size());
        for (const auto& row : rows)
            invoices.push_back(row.invoice);
        const Allocation allocation = allocatePayments(invoices, payments);
        for (std::size_t i = 0; i < rows.size(); ++i)
        {
            if (allocation.paid[i] != 0 || rows[i].invoice.paidAmount)
                rows[i].invoice.paidAmount = allocation.paid[i];
            if (allocation.lastPaid[i])
                rows[i].invoice.paymentDate = allocation.lastPaid[i];
        }
        step(30);

        // Every sheet exists, and every name the formulas use is defined, before the first
        // formula is written: defining a name later makes Calc re-resolve every formula cell.
        for (LedgerSheet sheet :
             {LedgerSheet::Invoices, LedgerSheet::Payments, LedgerSheet::Customers,
              LedgerSheet::Reminders, LedgerSheet::Dashboard, LedgerSheet::Settings})
        {
            bool created = false;
            ensureSheet(sheet, created);
        }
        defineName(OUString::createFromAscii(kAsOfName),
                   address(name(LedgerSheet::Dashboard), 1, 2));
        ensureSettings();
        const std::vector<Row> customers = customerRows(rows);
        // The dashboard (its chart computes its data when it is made) before the rows.
        ensureDashboard();
        writeLedger(rows, firstSheetRow);
        step(60);
        writePayments(payments, allocation);
        writeCustomers(customers);
        ensureReminders();
        step(95);
        return report;
    }

private:
    OUString name(LedgerSheet sheet) const { return text(sheetName(sheet), language_); }

    void step(sal_Int32 percent) const
    {
        if (progress_.is())
            progress_->setValue(percent);
    }

    // The sheet, created at the end of the document when missing.
    uno::Reference<sheet::XSpreadsheet> ensureSheet(LedgerSheet which, bool& created)
    {
        const OUString sheetName = name(which);
        // Created by this run, now or a moment ago: its content is still to be laid out.
        created = std::find(created_.begin(), created_.end(), sheetName) != created_.end();
        if (created || sheets_->hasByName(sheetName))
            return sheetNamed(sheets_, sheetName);
        created = true;
        created_.push_back(sheetName);
        sheets_->insertNewByName(
            sheetName, static_cast<sal_Int16>(
                           uno::Reference<container::XIndexAccess>(sheets_, uno::UNO_QUERY_THROW)
                               ->getCount()));
        return sheetNamed(sheets_, sheetName);
    }

    // Each change of a name makes Calc re-resolve every formula of the document: a name that
    // already says the same (a re-sync) is left alone.
    void defineName(const OUString& rangeName, const OUString& content)
    {
        const uno::Reference<container::XNameAccess> access(names_, uno::UNO_QUERY_THROW);
        if (access->hasByName(rangeName))
        {
            const uno::Reference<sheet::XNamedRange> existing(access->getByName(rangeName),
                                                              uno::UNO_QUERY_THROW);
            if (existing->getContent() == content)
                return;
            names_->removeByName(rangeName);
        }
        names_->addNewByName(rangeName, content, table::CellAddress(0, 0, 0), 0);
    }

    std::vector<LedgerRow<UserCells>>
    readLedger(const uno::Reference<sheet::XSpreadsheet>& sheet) const
    {
        const std::vector<LedgerColumn>& columns = invoiceColumns();
        const sal_Int32 lastRow = lastUsedRow(sheet);
        std::vector<LedgerRow<UserCells>> rows;
        if (lastRow < 1)
            return rows;
        const Grid data =
            uno::Reference<sheet::XCellRangeData>(
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
                    readImported(row.invoice, columns[c], cells[static_cast<sal_Int32>(c)],
                                 nullDate_);
                else if (columns[c].source == ColumnSource::User)
                    row.user[c] = cells[static_cast<sal_Int32>(c)];
            }
            if (!row.invoice.number.empty())
                rows.push_back(std::move(row));
        }
        return rows;
    }

    std::vector<PaymentEntry> readPayments()
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

    void addSourcePayments(std::vector<PaymentEntry>& payments,
                           const std::vector<ImportedInvoice>& source)
    {
        std::set<std::string> known;
        auto key = [](const PaymentEntry& p)
        {
            return invoiceKey(p.reference) + "|" + std::to_string(p.amount) + "|" +
                   std::to_string(p.date.value_or(0));
        };
        for (const PaymentEntry& payment : payments)
            known.insert(key(payment));
        for (const PaymentEntry& payment : paymentsFromSource(source))
            if (known.insert(key(payment)).second)
            {
                payments.push_back(payment);
                paymentNotes_.push_back(OUString());
            }
    }

    void writeLedger(const std::vector<LedgerRow<UserCells>>& rows, std::size_t firstSheetRow)
    {
        bool created = false;
        const uno::Reference<sheet::XSpreadsheet> sheet =
            ensureSheet(LedgerSheet::Invoices, created);
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
            {"Registre_Statut", "status"}};
        for (const auto& [rangeName, key] : named)
            defineName(OUString::createFromAscii(rangeName),
                       rangeText(sheetName, static_cast<sal_Int32>(columnIndex(columns, key)), 1,
                                 lastRow));

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
                        cell = importedValue(rows[r].invoice, columns[c], nullDate_, firstSheetRow);
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
                uno::Reference<sheet::XCellRangeData>(rangeOf(sheet, static_cast<sal_Int32>(first),
                                                              1, static_cast<sal_Int32>(end) - 1,
                                                              lastRow),
                                                      uno::UNO_QUERY_THROW)
                    ->setDataArray(values);
            first = end;
        }

        fillFormulas(sheet, columns, lastRow);

        highlightOverdue(sheet, lastRow, sheetIndex(sheetName));

        // Autofilter over the written table.
        const uno::Reference<beans::XPropertySet> documentProperties(document_,
                                                                     uno::UNO_QUERY_THROW);
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
    void fillFormulas(const uno::Reference<sheet::XSpreadsheet>& sheet,
                      const std::vector<LedgerColumn>& columns, sal_Int32 lastRow) const
    {
        for (std::size_t first = 0; first < columns.size();)
        {
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
                                                           static_cast<sal_Int32>(end) - 1,
                                                           lastRow),
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
    void highlightOverdue(const uno::Reference<sheet::XSpreadsheet>& sheet, sal_Int32 lastRow,
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
             beans::PropertyValue("SourcePosition", 0,
                                  uno::Any(table::CellAddress(sheetIndex, 0, 1)),
                                  beans::PropertyState_DIRECT_VALUE)}));
        keyCells->setPropertyValue("ConditionalFormat", uno::Any(entries));
    }

    sal_Int16 sheetIndex(const OUString& sheetName) const
    {
        const uno::Reference<container::XIndexAccess> indexed(sheets_, uno::UNO_QUERY_THROW);
        for (sal_Int32 i = 0; i < indexed->getCount(); ++i)
            if (uno::Reference<container::XNamed>(indexed->getByIndex(i), uno::UNO_QUERY_THROW)
                    ->getName() == sheetName)
                return static_cast<sal_Int16>(i);
        return 0;
    }

    void writePayments(const std::vector<PaymentEntry>& payments, const Allocation& allocation)
    {
        bool created = false;
        const uno::Reference<sheet::XSpreadsheet> sheet =
            ensureSheet(LedgerSheet::Payments, created);
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
        uno::Reference<sheet::XCellRangeData>(rangeOf(sheet, 0, 1, 6, lastRow),
                                              uno::UNO_QUERY_THROW)
            ->setDataArray(values);
    }

    // The customers' rows: those already in the sheet keep theirs (addresses, limits typed by
    // the user), new ones follow. Their names are defined here, before any formula exists.
    std::vector<Row> customerRows(const std::vector<LedgerRow<UserCells>>& rows)
    {
        bool created = false;
        const uno::Reference<sheet::XSpreadsheet> sheet =
            ensureSheet(LedgerSheet::Customers, created);
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
                {textValue(invoice.customer), textValue(invoice.legalName),
                 textValue(invoice.siren), textValue(invoice.email), uno::Any(OUString()),
                 textValue(invoice.terms), uno::Any(OUString()), uno::Any(OUString()),
                 uno::Any(OUString())}));
        }
        const sal_Int32 lastRow = static_cast<sal_Int32>(existing.size());
        if (lastRow > 0)
        {
            const OUString sheetName = name(LedgerSheet::Customers);
            defineName("Clients_Nom", rangeText(sheetName, 0, 1, lastRow));
            defineName("Clients_Echu",
                       rangeText(sheetName, static_cast<sal_Int32>(columnIndex(columns, "overdue")),
                                 1, lastRow));
            defineName("Clients_Score",
                       rangeText(sheetName,
                                 static_cast<sal_Int32>(columnIndex(columns, "risk_score")), 1,
                                 lastRow));
        }
        return existing;
    }

    void writeCustomers(const std::vector<Row>& existing)
    {
        bool created = false;
        const uno::Reference<sheet::XSpreadsheet> sheet =
            ensureSheet(LedgerSheet::Customers, created);
        const std::vector<LedgerColumn>& columns = customerColumns();
        const sal_Int32 lastRow = static_cast<sal_Int32>(existing.size());
        formatTable(sheet, columns, std::max<sal_Int32>(lastRow, 1), formats_, language_);
        if (existing.empty())
            return;
        Grid values(lastRow);
        for (sal_Int32 i = 0; i < lastRow; ++i)
            values.getArray()[i] = existing[static_cast<std::size_t>(i)];
        uno::Reference<sheet::XCellRangeData>(rangeOf(sheet, 0, 1, 8, lastRow),
                                              uno::UNO_QUERY_THROW)
            ->setDataArray(values);
        fillFormulas(sheet, columns, lastRow);
    }

    void ensureReminders()
    {
        bool created = false;
        const uno::Reference<sheet::XSpreadsheet> sheet =
            ensureSheet(LedgerSheet::Reminders, created);
        if (created)
            formatTable(sheet, reminderColumns(), 1, formats_, language_);
    }

    void put(const uno::Reference<sheet::XSpreadsheet>& sheet, sal_Int32 column, sal_Int32 row,
             const uno::Any& value)
    {
        const Grid one(sequenceOf<Row>({sequenceOf<uno::Any>({value})}));
        uno::Reference<sheet::XCellRangeData>(rangeOf(sheet, column, row, column, row),
                                              uno::UNO_QUERY_THROW)
            ->setDataArray(one);
    }

    void putFormula(const uno::Reference<sheet::XSpreadsheet>& sheet, sal_Int32 column,
                    sal_Int32 row, const OUString& formula)
    {
        sheet->getCellByPosition(column, row)->setFormula(formula);
    }

    void ensureSettings()
    {
        bool created = false;
        const uno::Reference<sheet::XSpreadsheet> sheet =
            ensureSheet(LedgerSheet::Settings, created);
        const OUString sheetName = name(LedgerSheet::Settings);
        const bool fr = language_ == Language::French;
        if (created)
        {
            struct Line
            {
                const char* french;
                const char* english;
                uno::Any value;
            };
            const std::vector<Line> lines = {
                {"Votre entreprise", "Your company", uno::Any(OUString())},
                {"Raison sociale", "Company name", uno::Any(OUString())},
                {"SIRET", "SIRET", uno::Any(OUString())},
                {"Adresse", "Address", uno::Any(OUString())},
                {"Code postal et ville", "Postcode and city", uno::Any(OUString())},
                {"E-mail", "E-mail", uno::Any(OUString())},
                {"Téléphone", "Phone", uno::Any(OUString())},
                {"IBAN", "IBAN", uno::Any(OUString())},
                {"BIC", "BIC", uno::Any(OUString())},
                {"", "", uno::Any(OUString())},
                {"Politique de relance", "Reminder policy", uno::Any(OUString())},
                {"Pré-relance (jours avant échéance, vide = désactivée)",
                 "Pre-due notice (days before due, blank = off)", uno::Any(OUString())},
                {"Relance 1, courtoise (jours après échéance)",
                 "Reminder 1, courteous (days after due)", uno::Any(1.0)},
                {"Relance 2, ferme (jours après échéance)", "Reminder 2, firm (days after due)",
                 uno::Any(15.0)},
                {"Mise en demeure (jours après échéance)", "Formal notice (days after due)",
                 uno::Any(30.0)},
                {"Délai accordé dans les relances (jours)", "Deadline given in reminders (days)",
                 uno::Any(8.0)},
                {"Montant minimum à relancer", "Minimum amount to chase", uno::Any(0.0)},
                {"Jours minimum entre deux relances", "Minimum days between two reminders",
                 uno::Any(7.0)},
                {"Taux de pénalité contractuel (vide = légal)",
                 "Contractual penalty rate (blank = statutory)", uno::Any(OUString())},
                {"", "", uno::Any(OUString())},
                {"Taux BCE à ajouter (semestre, taux)", "ECB rates to add (half-year, rate)",
                 uno::Any(OUString())},
            };
            Grid data(static_cast<sal_Int32>(lines.size()));
            for (std::size_t i = 0; i < lines.size(); ++i)
                data.getArray()[i] = sequenceOf<uno::Any>(
                    {uno::Any(fromUtf8(fr ? lines[i].french : lines[i].english)), lines[i].value});
            uno::Reference<sheet::XCellRangeData>(
                rangeOf(sheet, 0, 0, 1, static_cast<sal_Int32>(lines.size()) - 1),
                uno::UNO_QUERY_THROW)
                ->setDataArray(data);
            for (sal_Int32 row : {0, 10, 20})
                setProperty(rangeOf(sheet, 0, row, 0, row), "CharWeight",
                            uno::Any(awt::FontWeight::BOLD));
            // The next half-year to fill in: 2026-S2 is not in the shipped table.
            put(sheet, 0, 21, uno::Any(OUString("2026-S2")));
            setProperty(rangeOf(sheet, 0, 32, 0, 32), "CharWeight",
                        uno::Any(awt::FontWeight::BOLD));
            setProperty(rangeOf(sheet, 1, 16, 1, 16), "NumberFormat",
                        uno::Any(formats_.key(CellFormat::Money)));
            const uno::Reference<table::XColumnRowRange> columnRange(sheet, uno::UNO_QUERY_THROW);
            setProperty(uno::Reference<uno::XInterface>(columnRange->getColumns()->getByIndex(0),
                                                        uno::UNO_QUERY),
                        "Width", uno::Any(sal_Int32(11000)));
            setProperty(uno::Reference<uno::XInterface>(columnRange->getColumns()->getByIndex(1),
                                                        uno::UNO_QUERY),
                        "Width", uno::Any(sal_Int32(6000)));
        }
        // Below the rates, the settings added since the first ledgers: written on a re-sync too
        // where both cells of the row are still empty, never over what the user typed.
        struct LaterSetting
        {
            sal_Int32 row;
            const char* french;
            const char* english;
            const char* frenchValue;
            const char* englishValue;
        };
        const LaterSetting later[] = {
            {32, "Modèles de lettres", "Letter templates", "", ""},
            {33, "Dossier de vos modèles (vide = modèles fournis)",
             "Folder of your own templates (blank = shipped ones)", "", ""},
            {34, "Relevé de compte joint à la relance 2 (Oui/Non)",
             "Statement of account enclosed with reminder 2 (Yes/No)", "Oui", "Yes"},
        };
        for (const LaterSetting& setting : later)
        {
            if (sheet->getCellByPosition(0, setting.row)->getType() !=
                    table::CellContentType_EMPTY ||
                sheet->getCellByPosition(1, setting.row)->getType() != table::CellContentType_EMPTY)
                continue;
            put(sheet, 0, setting.row, uno::Any(fromUtf8(fr ? setting.french : setting.english)));
            if (*setting.frenchValue)
                put(sheet, 1, setting.row,
                    uno::Any(fromUtf8(fr ? setting.frenchValue : setting.englishValue)));
        }
        // The rates as percentages; on a re-sync only where the first ledgers' broken format is.
        for (sal_Int32 row : {18, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30})
            if (created || formats_.isBrokenPercent(numberFormatOf(sheet, 1, row)))
                setProperty(rangeOf(sheet, 1, row, 1, row), "NumberFormat",
                            uno::Any(formats_.key(CellFormat::Percent)));
        const std::pair<const char*, sal_Int32> named[] = {
            {"Societe_Nom", 1},      {"Societe_SIRET", 2},   {"Societe_Adresse", 3},
            {"Societe_Ville", 4},    {"Societe_Email", 5},   {"Societe_Telephone", 6},
            {"Societe_IBAN", 7},     {"Societe_BIC", 8},     {"DelaiPreRelance", 11},
            {"DelaiR1", 12},         {"DelaiR2", 13},        {"DelaiMED", 14},
            {"DelaiAccorde", 15},    {"MontantMinimum", 16}, {"DelaiEntreRelances", 17},
            {"TauxContractuel", 18}, {"DossierModeles", 33}, {"ReleveAvecRelance2", 34}};
        for (const auto& [rangeName, row] : named)
            defineName(OUString::createFromAscii(rangeName), address(sheetName, 1, row));
        defineName("TauxBCE", address(sheetName, 0, 21) + ":$B$31");
    }

    void ensureDashboard()
    {
        bool created = false;
        const uno::Reference<sheet::XSpreadsheet> sheet =
            ensureSheet(LedgerSheet::Dashboard, created);
        const OUString sheetName = name(LedgerSheet::Dashboard);
        const bool fr = language_ == Language::French;
        // A ledger made when the percent format was a wrong one: its share overdue shown as a
        // percentage again, unless the user replaced the formula.
        if (!created && formats_.isBrokenPercent(numberFormatOf(sheet, 1, 6)))
            setProperty(rangeOf(sheet, 1, 6, 1, 6), "NumberFormat",
                        uno::Any(formats_.key(CellFormat::Percent)));
        if (created)
        {
            put(sheet, 0, 0,
                uno::Any(fromUtf8(fr ? "Tableau de bord des créances" : "Receivables dashboard")));
            setProperty(rangeOf(sheet, 0, 0, 0, 0), "CharWeight", uno::Any(awt::FontWeight::BOLD));
            setProperty(rangeOf(sheet, 0, 0, 0, 0), "CharHeight", uno::Any(16.0f));
            put(sheet, 0, 2, uno::Any(fromUtf8(fr ? "Date de situation" : "As-of date")));
            setProperty(rangeOf(sheet, 0, 2, 0, 2), "CharWeight", uno::Any(awt::FontWeight::BOLD));
            struct Kpi
            {
                const char* french;
                const char* english;
                const char* formula;
                CellFormat format;
            };
            const Kpi kpis[] = {
                {"Encours clients", "Receivables", "=SUM(Registre_ResteDu)", CellFormat::Money},
                {"Échu", "Overdue",
                 "=FR.RELANCE.FUNCTIONS.OVERDUE(Registre_Echeance;Registre_Montant;Registre_"
                 "DateReglement;Registre_Regle;DateSituation)",
                 CellFormat::Money},
                {"Part échue", "Share overdue", "=IF(B5=0;0;B6/B5)", CellFormat::Percent},
                {"Chiffre d'affaires TTC des 12 derniers mois", "Sales incl. VAT, last 12 months",
                 "=SUMIFS(Registre_Montant;Registre_DateFacture;\">\"&(DateSituation-365);Registre_"
                 "DateFacture;\"<=\"&DateSituation)",
                 CellFormat::Money},
                {"DSO standard (jours)", "DSO, standard (days)",
                 "=IF(B8>0;FR.RELANCE.FUNCTIONS.DSO(B5;B8);\"\")", CellFormat::Integer},
                {"DSO par épuisement (jours)", "DSO, countback (days)",
                 "=IFERROR(FR.RELANCE.FUNCTIONS.DSOCOUNTBACK(Registre_DateFacture;Registre_Montant;"
                 "Registre_DateReglement;Registre_Regle;DateSituation);\"\")",
                 CellFormat::Integer},
                {"Retard moyen, ADD (jours)", "Average days delinquent (days)",
                 "=IF(B8>0;FR.RELANCE.FUNCTIONS.AVERAGEDAYSDELINQUENT(B5;B5-B6;B8);\"\")",
                 CellFormat::Integer},
                {"Retard moyen pondéré (jours)", "Weighted days late",
                 "=IFERROR(FR.RELANCE.FUNCTIONS.AVERAGEDAYSLATE(Registre_Echeance;Registre_Montant;"
                 "Registre_DateReglement;DateSituation);\"\")",
                 CellFormat::Integer},
                {"Factures à relancer aujourd'hui", "Invoices to chase today",
                 "=COUNTIFS(Registre_ProchaineAction;\"<=\"&DateSituation;Registre_ResteDu;\">0\")",
                 CellFormat::Integer},
                {"Pénalités de retard exigibles", "Late-payment penalties due",
                 "=IFERROR(SUM(Registre_Penalites);\"?\")", CellFormat::Money},
                {"Indemnités forfaitaires (40 €)", "Recovery indemnities (40 €)",
                 "=SUM(Registre_Indemnites)", CellFormat::Money},
            };
            for (std::size_t i = 0; i < std::size(kpis); ++i)
            {
                const sal_Int32 row = 4 + static_cast<sal_Int32>(i);
                put(sheet, 0, row, uno::Any(fromUtf8(fr ? kpis[i].french : kpis[i].english)));
                // Formats before formulas: a format change on a formula cell makes Calc
                // compute it (for the row height), here over the whole ledger.
                setProperty(rangeOf(sheet, 1, row, 1, row), "NumberFormat",
                            uno::Any(formats_.key(kpis[i].format)));
                putFormula(sheet, 1, row, OUString::createFromAscii(kpis[i].formula));
            }
            put(sheet, 2, 13,
                uno::Any(fromUtf8(fr ? "si « ? » : ajoutez le taux BCE du semestre dans Paramètres"
                                     : "if \"?\": add the half-year's ECB rate in Settings")));

            // Aged balance table and its chart.
            put(sheet, 3, 2, uno::Any(fromUtf8(fr ? "Balance âgée" : "Aged balance")));
            setProperty(rangeOf(sheet, 3, 2, 3, 2), "CharWeight", uno::Any(awt::FontWeight::BOLD));
            const AgingBounds bounds;
            for (std::size_t b = 0; b < bounds.bucketCount(); ++b)
                put(sheet, 3 + static_cast<sal_Int32>(b), 3,
                    uno::Any(fromUtf8(bounds.label(b, language_))));
            const sal_Int32 lastBucketColumn = 3 + static_cast<sal_Int32>(bounds.bucketCount()) - 1;
            setProperty(rangeOf(sheet, 3, 4, lastBucketColumn, 4), "NumberFormat",
                        uno::Any(formats_.key(CellFormat::Money)));
            uno::Reference<sheet::XArrayFormulaRange>(rangeOf(sheet, 3, 4, lastBucketColumn, 4),
                                                      uno::UNO_QUERY_THROW)
                ->setArrayFormula(
                    "=FR.RELANCE.FUNCTIONS.AGEDBALANCE(Registre_Echeance;Registre_Montant;"
                    "Registre_DateReglement;Registre_Regle;DateSituation;;Registre_DateFacture)");
            const uno::Reference<table::XTableChartsSupplier> charts(sheet, uno::UNO_QUERY_THROW);
            const uno::Sequence<table::CellRangeAddress> source =
                sequenceOf<table::CellRangeAddress>(
                    {table::CellRangeAddress(sheetIndex(sheetName), 3, 3, lastBucketColumn, 4)});
            charts->getCharts()->addNewByName("Relance_BalanceAgee",
                                              awt::Rectangle(14000, 3000, 16000, 8000), source,
                                              true, false);

            // Top late payers, from the Clients sheet.
            put(sheet, 0, 17,
                uno::Any(fromUtf8(fr ? "Principaux retards (échu)" : "Top late payers (overdue)")));
            setProperty(rangeOf(sheet, 0, 17, 0, 17), "CharWeight",
                        uno::Any(awt::FontWeight::BOLD));
            for (sal_Int32 k = 1; k <= 5; ++k)
            {
                const sal_Int32 row = 17 + k;
                setProperty(rangeOf(sheet, 1, row, 1, row), "NumberFormat",
                            uno::Any(formats_.key(CellFormat::Money)));
                putFormula(sheet, 0, row,
                           "=IFERROR(IF(LARGE(Clients_Echu;" + OUString::number(k) +
                               ")<=0;\"\";INDEX(Clients_Nom;MATCH(LARGE(Clients_Echu;" +
                               OUString::number(k) + ");Clients_Echu;0)));\"\")");
                putFormula(sheet, 1, row,
                           "=IFERROR(IF(LARGE(Clients_Echu;" + OUString::number(k) +
                               ")<=0;\"\";LARGE(Clients_Echu;" + OUString::number(k) + "));\"\")");
            }
            const uno::Reference<table::XColumnRowRange> columnRange(sheet, uno::UNO_QUERY_THROW);
            setProperty(uno::Reference<uno::XInterface>(columnRange->getColumns()->getByIndex(0),
                                                        uno::UNO_QUERY),
                        "Width", uno::Any(sal_Int32(9000)));
            setProperty(uno::Reference<uno::XInterface>(columnRange->getColumns()->getByIndex(1),
                                                        uno::UNO_QUERY),
                        "Width", uno::Any(sal_Int32(3500)));
        }
        // The as-of date: a fixed date when asked, else today; it drives every formula.
        if (created || request_.asOf)
        {
            if (request_.asOf)
                put(sheet, 1, 2, uno::Any(static_cast<double>(*request_.asOf - nullDate_)));
            else
                putFormula(sheet, 1, 2, "=TODAY()");
            setProperty(rangeOf(sheet, 1, 2, 1, 2), "NumberFormat",
                        uno::Any(formats_.key(CellFormat::Date)));
        }
    }

    uno::Reference<frame::XModel> document_;
    uno::Reference<sheet::XSpreadsheets> sheets_;
    const ConversionRequest& request_;
    std::vector<OUString>& created_;
    Language language_;
    Formats formats_;
    uno::Reference<task::XStatusIndicator> progress_;
    DayNumber nullDate_ = 0;
    uno::Reference<sheet::XNamedRanges> names_;
    std::vector<OUString> paymentNotes_;
};

} // namespace

std::string ConversionReport::summary(Language language) const
{
    const bool fr = language == Language::French;
    std::string text;
    if (resync)
        text = fr ? "Registre actualisé : " + std::to_string(merge.added) + " ajoutée(s), " +
                        std::to_string(merge.updated) + " mise(s) à jour, " +
                        std::to_string(merge.unchanged) + " inchangée(s)"
                  : "Ledger re-synced: " + std::to_string(merge.added) + " added, " +
                        std::to_string(merge.updated) + " updated, " +
                        std::to_string(merge.unchanged) + " unchanged";
    else
        text = fr ? "Registre créé : " + std::to_string(import.invoices.size()) + " factures"
                  : "Ledger created: " + std::to_string(import.invoices.size()) + " invoices";
    std::size_t skipped = 0;
    for (const ImportProblem& problem : import.problems)
        skipped += problem.kind == ImportProblem::Kind::BlankRow ||
                   problem.kind == ImportProblem::Kind::SubtotalRow ||
                   problem.kind == ImportProblem::Kind::DuplicateNumber;
    text += fr ? " ; " + std::to_string(skipped) + " ligne(s) ignorée(s), " +
                     std::to_string(import.problems.size() - skipped) + " valeur(s) à vérifier."
               : "; " + std::to_string(skipped) + " row(s) skipped, " +
                     std::to_string(import.problems.size() - skipped) + " value(s) to check.";
    return text;
}

LedgerConverter::LedgerConverter(uno::Reference<uno::XComponentContext> context,
                                 uno::Reference<frame::XModel> document,
                                 uno::Reference<task::XStatusIndicator> progress)
    : context_(std::move(context)), document_(std::move(document)), progress_(std::move(progress))
{
}

OUString LedgerConverter::resolveSourceSheet(const OUString& requested) const
{
    const uno::Reference<sheet::XSpreadsheets> sheets = sheetsOf(document_);
    if (!requested.isEmpty())
    {
        if (!sheets->hasByName(requested))
            throw InputError("no sheet named \"" + toUtf8(requested) + "\"");
        if (isLedgerSheet(requested))
            throw InputError("\"" + toUtf8(requested) + "\" is a ledger sheet, not a source");
        return requested;
    }
    // The active sheet when the user is on a source sheet, else the first one that is not ours.
    if (const uno::Reference<sheet::XSpreadsheetView> view(document_->getCurrentController(),
                                                           uno::UNO_QUERY);
        view.is())
    {
        const OUString active =
            uno::Reference<container::XNamed>(view->getActiveSheet(), uno::UNO_QUERY_THROW)
                ->getName();
        if (!isLedgerSheet(active))
            return active;
    }
    for (const OUString& name : sheets->getElementNames())
        if (!isLedgerSheet(name))
            return name;
    throw InputError("no source sheet");
}

uno::Sequence<OUString> LedgerConverter::sourceSheetNames() const
{
    std::vector<OUString> names;
    for (const OUString& name : sheetsOf(document_)->getElementNames())
        if (!isLedgerSheet(name))
            names.push_back(name);
    return uno::Sequence<OUString>(names.data(), static_cast<sal_Int32>(names.size()));
}

SourceGrid LedgerConverter::readSource(const ConversionRequest& request,
                                       std::size_t& firstSheetRow) const
{
    const uno::Reference<sheet::XSpreadsheet> sheet =
        sheetNamed(sheetsOf(document_), resolveSourceSheet(request.sourceSheet));
    table::CellRangeAddress range;
    if (request.sourceRange)
        range = *request.sourceRange;
    else
    {
        const uno::Reference<sheet::XSheetCellCursor> cursor = sheet->createCursor();
        const uno::Reference<sheet::XUsedAreaCursor> used(cursor, uno::UNO_QUERY_THROW);
        used->gotoStartOfUsedArea(false);
        used->gotoEndOfUsedArea(true);
        range = uno::Reference<sheet::XCellRangeAddressable>(cursor, uno::UNO_QUERY_THROW)
                    ->getRangeAddress();
    }
    firstSheetRow = static_cast<std::size_t>(range.StartRow) + 1;
    const Grid data =
        uno::Reference<sheet::XCellRangeData>(
            rangeOf(sheet, range.StartColumn, range.StartRow, range.EndColumn, range.EndRow),
            uno::UNO_QUERY_THROW)
            ->getDataArray();
    SourceGrid grid;
    grid.reserve(static_cast<std::size_t>(data.getLength()));
    for (const Row& cells : data)
    {
        std::vector<SourceCell> row;
        row.reserve(static_cast<std::size_t>(cells.getLength()));
        for (const uno::Any& cell : cells)
            row.push_back(toSourceCell(cell));
        grid.push_back(std::move(row));
    }
    return grid;
}

ConversionReport LedgerConverter::convert(const ConversionRequest& request)
{
    std::size_t firstSheetRow = 1;
    const SourceGrid grid = readSource(request, firstSheetRow);
    const HeaderGuess header = request.header ? *request.header : detectHeader(grid);
    ImportOptions options = request.options;
    util::Date nullDate;
    uno::Reference<beans::XPropertySet>(document_, uno::UNO_QUERY_THROW)
        ->getPropertyValue("NullDate") >>= nullDate;
    options.nullDate = toDayNumber({nullDate.Year, nullDate.Month, nullDate.Day});
    const ImportResult imported = importInvoices(grid, header, options);
    if (imported.invoices.empty())
        throw InputError("no invoice found below the header row");

    if (progress_.is())
        progress_->start(fromUtf8(request.language == Language::French
                                      ? "Relance : création du registre"
                                      : "Relance: building the ledger"),
                         100);
    const uno::Reference<document::XUndoManager> undo =
        uno::Reference<document::XUndoManagerSupplier>(document_, uno::UNO_QUERY_THROW)
            ->getUndoManager();
    const uno::Reference<sheet::XCalculatable> calculation(document_, uno::UNO_QUERY_THROW);
    const bool autoCalc = calculation->isAutomaticCalculationEnabled();
    const OUString undoTitle =
        fromUtf8(request.language == Language::French ? "Relance : registre" : "Relance: ledger");
    undo->enterUndoContext(undoTitle);
    document_->lockControllers();
    calculation->enableAutomaticCalculation(false);
    auto restore = [&]
    {
        calculation->enableAutomaticCalculation(autoCalc);
        document_->unlockControllers();
        if (progress_.is())
            progress_->end();
    };
    ConversionReport report;
    std::vector<OUString> createdSheets;
    const bool resync =
        sheetsOf(document_)->hasByName(text(sheetName(LedgerSheet::Invoices), request.language));
    try
    {
        Writer writer(document_, request, progress_, createdSheets);
        report = writer.run(imported, firstSheetRow);
    }
    catch (...)
    {
        // Everything is validated before writing, so this is rare: put the document back.
        // New sheets go first; a re-sync's changes to existing ledger sheets are undone, which
        // Calc can only do for the document in front of the user.
        try
        {
            for (const OUString& sheet : createdSheets)
                sheetsOf(document_)->removeByName(sheet);
        }
        catch (const uno::Exception&)
        {
        }
        undo->leaveUndoContext();
        try
        {
            const uno::Reference<frame::XDesktop2> desktop = frame::Desktop::create(context_);
            if (resync &&
                desktop->getCurrentComponent() ==
                    uno::Reference<lang::XComponent>(document_, uno::UNO_QUERY) &&
                undo->isUndoPossible() && undo->getCurrentUndoActionTitle() == undoTitle)
                undo->undo();
        }
        catch (const uno::Exception&)
        {
        }
        restore();
        throw;
    }
    undo->leaveUndoContext();
    restore();
    return report;
}

} // namespace relance::addin
