// Internal to the ledger conversion: the Writer that lays out the ledger's sheets, its shared
// state, and the cell helpers every sheet's part uses. Its member functions are defined in one
// file per sheet (named below); this header declares them once for all of them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/sheet/XNamedRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/util/XNumberFormatTypes.hpp>
#include <com/sun/star/util/XNumberFormats.hpp>

#include "uno/functions/any_convert.hxx"
#include "uno/ledger/ledger_converter.hxx"
#include "uno/ledger/ledger_layout.hxx"

namespace relance::addin::ledger_writer
{

using Row = css::uno::Sequence<css::uno::Any>;
using Grid = css::uno::Sequence<Row>;

OUString text(const LocalizedText& localized, Language language);

OUString address(const OUString& sheet, sal_Int32 column, sal_Int32 row);

OUString rangeText(const OUString& sheet, sal_Int32 column, sal_Int32 firstRow, sal_Int32 lastRow);

css::uno::Reference<css::sheet::XSpreadsheets>
sheetsOf(const css::uno::Reference<css::frame::XModel>& document);

css::uno::Reference<css::sheet::XSpreadsheet>
sheetNamed(const css::uno::Reference<css::sheet::XSpreadsheets>& sheets, const OUString& name);

css::uno::Reference<css::table::XCellRange>
rangeOf(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 left, sal_Int32 top,
        sal_Int32 right, sal_Int32 bottom);

sal_Int32 numberFormatOf(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
                         sal_Int32 column, sal_Int32 row);

// The ledger language's formats: four-digit years, whole days, money in euros.
class Formats
{
public:
    Formats(const css::uno::Reference<css::frame::XModel>& document, Language language);
    bool isBrokenPercent(sal_Int32 key) const;

    sal_Int32 key(CellFormat format) const;

private:
    sal_Int32 code(const char* french, const char* english = nullptr);

    css::uno::Reference<css::util::XNumberFormats> formats_;
    css::uno::Reference<css::util::XNumberFormatTypes> types_;
    css::lang::Locale locale_;
    sal_Int32 date_ = 0, integer_ = 0, percent_ = 0, money_ = 0, text_ = 0;
};

void setProperty(const css::uno::Reference<css::uno::XInterface>& object, const OUString& name,
                 const css::uno::Any& value);

void formatTable(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
                 const std::vector<LedgerColumn>& columns, sal_Int32 lastRow,
                 const Formats& formats, Language language);

css::uno::Any dateValue(const std::optional<DayNumber>& day, DayNumber nullDate);

css::uno::Any textValue(const std::string& value);

using UserCells = std::vector<css::uno::Any>; // one per ledger column, only User columns used

class Writer
{
public:
    Writer(const css::uno::Reference<css::frame::XModel>& document,
           const ConversionRequest& request,
           const css::uno::Reference<css::task::XStatusIndicator>& progress,
           std::vector<OUString>& createdSheets);

    // ledger_converter.cxx: one conversion or re-sync, sheet after sheet.
    // loosePayments: payments the source holds apart from its invoices (a FEC's unlettered
    // credits), allocated with the others.
    ConversionReport run(const ImportResult& imported, const SourceSheets& sources,
                         const std::vector<PaymentEntry>& loosePayments = {});

private:
    OUString name(LedgerSheet sheet) const { return text(sheetName(sheet), language_); }

    void step(sal_Int32 percent) const
    {
        if (progress_.is())
            progress_->setValue(percent);
    }

    // ledger_workbook.cxx: the sheets, the names and the single cells every sheet uses.
    css::uno::Reference<css::sheet::XSpreadsheet> ensureSheet(LedgerSheet which, bool& created);
    void defineName(const OUString& rangeName, const OUString& content);
    sal_Int16 sheetIndex(const OUString& sheetName) const;
    void put(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 column,
             sal_Int32 row, const css::uno::Any& value);
    void putFormula(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 column,
                    sal_Int32 row, const OUString& formula);

    // ledger_sheet_writer.cxx: Registre, the invoices.
    std::vector<LedgerRow<UserCells>>
    readLedger(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet) const;
    void writeLedger(const std::vector<LedgerRow<UserCells>>& rows, const SourceSheets& sources);
    void seedReminderHistory(std::vector<LedgerRow<UserCells>>& rows,
                             const std::vector<ImportedInvoice>& source) const;
    void seedHolds(std::vector<LedgerRow<UserCells>>& rows,
                   const std::vector<ImportedInvoice>& source) const;
    void fillFormulas(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
                      const std::vector<LedgerColumn>& columns, sal_Int32 lastRow) const;
    void highlightOverdue(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
                          sal_Int32 lastRow, sal_Int16 sheetIndex);

    // payments_sheet_writer.cxx: Règlements.
    std::vector<PaymentEntry> readPayments();
    void addSourcePayments(std::vector<PaymentEntry>& payments,
                           const std::vector<ImportedInvoice>& source,
                           const std::vector<PaymentEntry>& loosePayments);
    void writePayments(const std::vector<PaymentEntry>& payments, const Allocation& allocation);

    // customers_sheet_writer.cxx: Clients.
    std::vector<Row> customerRows(const std::vector<LedgerRow<UserCells>>& rows);
    void writeCustomers(const std::vector<Row>& existing);

    // settings_sheet_writer.cxx: Paramètres, and the Relances log sheet.
    void ensureSettings();
    void ensureReminders();
    void seedReminderLog(const std::vector<ImportedInvoice>& source);

    // dashboard_writer.cxx: Tableau de bord.
    void ensureDashboard();
    // dashboard_steering.cxx: its forecast and reminder-effectiveness blocks, and the log's
    // names they read.
    void defineLogNames();
    void ensureSteeringBlocks(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet);

    css::uno::Reference<css::frame::XModel> document_;
    css::uno::Reference<css::sheet::XSpreadsheets> sheets_;
    const ConversionRequest& request_;
    std::vector<OUString>& created_;
    Language language_;
    Formats formats_;
    css::uno::Reference<css::task::XStatusIndicator> progress_;
    DayNumber nullDate_ = 0;
    css::uno::Reference<css::sheet::XNamedRanges> names_;
    std::vector<OUString> paymentNotes_;
};

} // namespace relance::addin::ledger_writer
