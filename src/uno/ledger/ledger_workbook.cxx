// The Writer's shared part: its construction, the sheets and names it creates, single cells,
// and the free cell helpers (addresses, number formats, table headers) every sheet uses.
#include "uno/ledger/ledger_workbook.hxx"

#include <algorithm>

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/i18n/NumberFormatIndex.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XNamedRange.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/CellAddress.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableColumns.hpp>
#include <com/sun/star/util/Date.hpp>
#include <com/sun/star/util/NumberFormat.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>

#include "core/common/input_error.hxx"

using namespace css;

namespace relance::addin::ledger_writer
{
namespace
{

OUString quotedSheet(const OUString& name)
{
    return "$'" + name.replaceAll("'", "''") + "'";
}

} // namespace

OUString text(const LocalizedText& localized, Language language)
{
    return fromUtf8(localized.in(language));
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

Formats::Formats(const uno::Reference<frame::XModel>& document, Language language)
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
    money_ = types_->getStandardFormat(util::NumberFormat::CURRENCY, lang::Locale("fr", "FR", ""));
    text_ = types_->getStandardFormat(util::NumberFormat::TEXT, locale_);
}

// The percent format code of the first ledgers, in which Calc reads the space as a
// thousands divisor (80,6 % shown as 0,1 %): a re-sync replaces it, and only it.
bool Formats::isBrokenPercent(sal_Int32 key) const
{
    OUString code;
    formats_->getByKey(key)->getPropertyValue("FormatString") >>= code;
    // Calc keeps that space as the French group separator, a no-break space.
    const std::string text = toUtf8(code);
    return text == "0,0\xC2\xA0%" || text == "0,0 %";
}

sal_Int32 Formats::key(CellFormat format) const
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

sal_Int32 Formats::code(const char* french, const char* english)
{
    const OUString text =
        OUString::createFromAscii(english && locale_.Language != "fr" ? english : french);
    sal_Int32 key = formats_->queryKey(text, locale_, false);
    if (key < 0)
        key = formats_->addNew(text, locale_);
    return key;
}

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

uno::Any textValue(const std::string& value)
{
    return uno::Any(fromUtf8(value));
}

Writer::Writer(const uno::Reference<frame::XModel>& document, const ConversionRequest& request,
               const uno::Reference<task::XStatusIndicator>& progress,
               std::vector<OUString>& createdSheets)
    : document_(document), sheets_(sheetsOf(document)), request_(request), created_(createdSheets),
      language_(request.language), formats_(document, request.language), progress_(progress)
{
    const uno::Reference<beans::XPropertySet> properties(document, uno::UNO_QUERY_THROW);
    util::Date date;
    properties->getPropertyValue("NullDate") >>= date;
    nullDate_ = toDayNumber({date.Year, date.Month, date.Day});
    names_.set(properties->getPropertyValue("NamedRanges"), uno::UNO_QUERY_THROW);
}

// The sheet, created at the end of the document when missing.
uno::Reference<sheet::XSpreadsheet> Writer::ensureSheet(LedgerSheet which, bool& created)
{
    const OUString sheetName = name(which);
    // Created by this run, now or a moment ago: its content is still to be laid out.
    created = std::find(created_.begin(), created_.end(), sheetName) != created_.end();
    if (created || sheets_->hasByName(sheetName))
        return sheetNamed(sheets_, sheetName);
    created = true;
    created_.push_back(sheetName);
    sheets_->insertNewByName(
        sheetName,
        static_cast<sal_Int16>(
            uno::Reference<container::XIndexAccess>(sheets_, uno::UNO_QUERY_THROW)->getCount()));
    return sheetNamed(sheets_, sheetName);
}

// Each change of a name makes Calc re-resolve every formula of the document: a name that
// already says the same (a re-sync) is left alone.
void Writer::defineName(const OUString& rangeName, const OUString& content)
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

sal_Int16 Writer::sheetIndex(const OUString& sheetName) const
{
    const uno::Reference<container::XIndexAccess> indexed(sheets_, uno::UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < indexed->getCount(); ++i)
        if (uno::Reference<container::XNamed>(indexed->getByIndex(i), uno::UNO_QUERY_THROW)
                ->getName() == sheetName)
            return static_cast<sal_Int16>(i);
    return 0;
}

void Writer::put(const uno::Reference<sheet::XSpreadsheet>& sheet, sal_Int32 column, sal_Int32 row,
                 const uno::Any& value)
{
    const Grid one(sequenceOf<Row>({sequenceOf<uno::Any>({value})}));
    uno::Reference<sheet::XCellRangeData>(rangeOf(sheet, column, row, column, row),
                                          uno::UNO_QUERY_THROW)
        ->setDataArray(one);
}

void Writer::putFormula(const uno::Reference<sheet::XSpreadsheet>& sheet, sal_Int32 column,
                        sal_Int32 row, const OUString& formula)
{
    sheet->getCellByPosition(column, row)->setFormula(formula);
}

} // namespace relance::addin::ledger_writer
