// The conversion's entry points: the source sheet read into a grid, and one conversion or
// re-sync run as a single undo step; the Writer (ledger_workbook.hxx) writes the sheets.
#include "uno/ledger/ledger_converter.hxx"

#include <string>
#include <unordered_map>
#include <vector>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XDesktop2.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/util/Date.hpp>

#include "core/common/input_error.hxx"
#include "uno/ledger/ledger_workbook.hxx"

using namespace css;

namespace relance::addin::ledger_writer
{

// The owner's own reminder notes ("R1 le 02/06/2026") fill the ledger's last level and date
// where the ledger has a lower level or none: after the first run, Relance's own record (the
// same columns, written when a letter goes) is the higher one and stays.
void Writer::seedReminderHistory(std::vector<LedgerRow<UserCells>>& rows,
                                 const std::vector<ImportedInvoice>& source) const
{
    std::unordered_map<std::string, const ImportedInvoice*> marked;
    for (const ImportedInvoice& invoice : source)
        if (invoice.lastReminderLevel)
            marked.emplace(invoiceKey(invoice.number), &invoice);
    if (marked.empty())
        return;
    const std::size_t levelColumn = columnIndex(invoiceColumns(), "level");
    const std::size_t dateColumn = columnIndex(invoiceColumns(), "level_date");
    for (LedgerRow<UserCells>& row : rows)
    {
        const auto found = marked.find(invoiceKey(row.invoice.number));
        if (found == marked.end())
            continue;
        if (row.user.size() < invoiceColumns().size())
            row.user.resize(invoiceColumns().size());
        double recorded = 0;
        row.user[levelColumn] >>= recorded;
        const int level = *found->second->lastReminderLevel;
        if (recorded >= level)
            continue;
        row.user[levelColumn] <<= static_cast<double>(level);
        if (found->second->lastReminderDate)
            row.user[dateColumn] <<=
                static_cast<double>(*found->second->lastReminderDate - nullDate_);
        else
            row.user[dateColumn].clear();
    }
}

ConversionReport Writer::run(const ImportResult& imported, std::size_t firstSheetRow)
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
    std::vector<LedgerRow<UserCells>> rows = mergeLedger(existing, imported.invoices, report.merge);
    seedReminderHistory(rows, imported.invoices);
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
        // A credit note keeps what the sheet says of it: applied (nothing left) or still open.
        if (isCreditNote(rows[i].invoice))
            continue;
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
    defineName(OUString::createFromAscii(kAsOfName), address(name(LedgerSheet::Dashboard), 1, 2));
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

} // namespace relance::addin::ledger_writer

namespace relance::addin
{

using ledger_writer::Grid;
using ledger_writer::rangeOf;
using ledger_writer::Row;
using ledger_writer::sheetNamed;
using ledger_writer::sheetsOf;
using ledger_writer::text;
using ledger_writer::Writer;

namespace
{

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
                     std::to_string(import.problems.size() - skipped) + " valeur(s) à vérifier"
               : "; " + std::to_string(skipped) + " row(s) skipped, " +
                     std::to_string(import.problems.size() - skipped) + " value(s) to check";
    // A silent conversion shows no preview: the inconsistencies left as read are named here.
    std::size_t fixed = 0;
    for (const ConsistencyRemark& remark : import.remarks)
        fixed += remark.fixed;
    if (const std::size_t open = import.remarks.size() - fixed; open > 0)
        text += fr ? ", " + std::to_string(open) + " incohérence(s) à vérifier"
                   : ", " + std::to_string(open) + " inconsistenc" + (open == 1 ? "y" : "ies") +
                         " to check";
    if (fixed > 0)
        text += fr ? ", " + std::to_string(fixed) + " incohérence(s) corrigée(s)"
                   : ", " + std::to_string(fixed) + " inconsistenc" + (fixed == 1 ? "y" : "ies") +
                         " fixed";
    return text + ".";
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
    options.language = request.language; // of the hold reasons the accepted fixes write
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
