// The conversion's entry points: the source sheet read into a grid, and one conversion or
// re-sync run as a single undo step; the Writer (ledger_workbook.hxx) writes the sheets.
#include "uno/ledger/ledger_converter.hxx"

#include <algorithm>
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

// An invoice the user asked to hold while checking it (a consistency remark's fix) is held in
// the ledger's own column, which the user clears; a hold already typed there is kept.
void Writer::seedHolds(std::vector<LedgerRow<UserCells>>& rows,
                       const std::vector<ImportedInvoice>& source) const
{
    std::unordered_map<std::string, const std::string*> held;
    for (const ImportedInvoice& invoice : source)
        if (!invoice.hold.empty())
            held.emplace(invoiceKey(invoice.number), &invoice.hold);
    if (held.empty())
        return;
    const std::size_t holdColumn = columnIndex(invoiceColumns(), "hold");
    for (LedgerRow<UserCells>& row : rows)
    {
        const auto found = held.find(invoiceKey(row.invoice.number));
        if (found == held.end())
            continue;
        if (row.user.size() < invoiceColumns().size())
            row.user.resize(invoiceColumns().size());
        const uno::Any& current = row.user[holdColumn];
        OUString typed;
        if (current.hasValue() && (!(current >>= typed) || !typed.trim().isEmpty()))
            continue;
        row.user[holdColumn] <<= fromUtf8(*found->second);
    }
}

ConversionReport Writer::run(const ImportResult& imported, const SourceSheets& sources,
                             const std::vector<PaymentEntry>& loosePayments)
{
    ConversionReport report;
    report.import = imported;
    report.sources = sources;
    step(5);
    const OUString ledgerName = name(LedgerSheet::Invoices);
    report.resync = sheets_->hasByName(ledgerName);

    std::vector<LedgerRow<UserCells>> existing;
    if (report.resync)
        existing = readLedger(sheetNamed(sheets_, ledgerName));
    std::vector<LedgerRow<UserCells>> rows = mergeLedger(existing, imported.invoices, report.merge);
    seedReminderHistory(rows, imported.invoices);
    seedHolds(rows, imported.invoices);
    step(20);

    // Payments: the source's, plus any the user added in the ledger; then allocate.
    std::vector<PaymentEntry> payments = readPayments();
    addSourcePayments(payments, imported.invoices, loosePayments);
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
    defineLogNames();
    ensureSettings();
    const std::vector<Row> customers = customerRows(rows);
    // The dashboard (its chart computes its data when it is made) before the rows.
    ensureDashboard();
    writeLedger(rows, sources);
    step(60);
    writePayments(payments, allocation);
    writeCustomers(customers);
    ensureReminders();
    seedReminderLog(imported.invoices);
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

std::string ConversionReport::summary(Language language, bool withKeys) const
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
    if (sources.size() > 1)
    {
        text += fr ? " de " + std::to_string(sources.size()) + " feuilles ("
                   : " from " + std::to_string(sources.size()) + " sheets (";
        for (std::size_t i = 0; i < sources.size(); ++i)
            text += (i ? ", " : "") + sources[i].name;
        text += ")";
    }
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
    text += ".";
    if (!dateOrderNote.empty())
        text += "\n" + dateOrderNote;
    // Then each remark, keyed by the name the command's Fixes argument takes.
    for (const ConsistencyRemark& remark : import.remarks)
        text += "\n" + (withKeys ? "[" + std::string(remarkKey(remark.kind)) + "] " : "- ") +
                describe(remark, language, sources) + " \u2014 " + fixText(remark, language);
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
            throw InputError("no sheet named \"" + toUtf8(requested) + "\"",
                             "aucune feuille nommée « " + toUtf8(requested) + " »");
        if (isLedgerSheet(requested))
            throw InputError("\"" + toUtf8(requested) +
                                 "\" is a ledger sheet, not a source: choose your invoice sheet",
                             "« " + toUtf8(requested) +
                                 " » est une feuille du registre, pas une source : choisissez "
                                 "votre feuille de factures");
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
    throw InputError("no invoice sheet: the workbook holds only the ledger's sheets",
                     "aucune feuille de factures : le classeur ne contient que les feuilles du "
                     "registre");
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
    return readSheet(resolveSourceSheet(request.sourceSheet), request.sourceRange, firstSheetRow);
}

SourceGrid LedgerConverter::readSheet(const OUString& sheetName,
                                      const std::optional<table::CellRangeAddress>& sourceRange,
                                      std::size_t& firstSheetRow) const
{
    if (keepSheetsRead_ && !sourceRange)
        if (const auto found = sheetsRead_.find(sheetName); found != sheetsRead_.end())
        {
            firstSheetRow = found->second.second;
            return found->second.first;
        }
    const uno::Reference<sheet::XSpreadsheet> sheet = sheetNamed(sheetsOf(document_), sheetName);
    table::CellRangeAddress range;
    if (sourceRange)
        range = *sourceRange;
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
    if (keepSheetsRead_ && !sourceRange)
        sheetsRead_.emplace(sheetName, std::make_pair(grid, firstSheetRow));
    return grid;
}

LedgerConverter::ReadSheets LedgerConverter::readSheets(const ConversionRequest& request) const
{
    std::vector<OUString> names{resolveSourceSheet(request.sourceSheet)};
    const bool everySameLayout = std::find(request.otherSheets.begin(), request.otherSheets.end(),
                                           "*") != request.otherSheets.end();
    if (everySameLayout)
    {
        for (const OUString& name : sourceSheetNames())
            if (name != names.front())
                names.push_back(name); // those without the model's header are left out below
    }
    else
        for (const OUString& other : request.otherSheets)
            if (!other.isEmpty())
                if (const OUString name = resolveSourceSheet(other);
                    std::find(names.begin(), names.end(), name) == names.end())
                    names.push_back(name);
    std::vector<SourceGrid> grids;
    SourceSheets sources;
    for (std::size_t i = 0; i < names.size(); ++i)
    {
        std::size_t firstSheetRow = 1;
        grids.push_back(
            readSheet(names[i], i == 0 ? request.sourceRange : std::nullopt, firstSheetRow));
        sources.push_back({toUtf8(names[i]), firstSheetRow});
    }
    const HeaderGuess model = request.header ? *request.header : detectHeader(grids[0]);
    std::vector<HeaderGuess> headers{model};
    std::vector<std::size_t> kept{0};
    for (std::size_t i = 1; i < names.size(); ++i)
    {
        const auto header = matchingHeader(grids[0], model, grids[i]);
        if (!header && everySameLayout)
            continue;
        if (!header)
            throw InputError(
                "sheet \"" + sources[i].name + "\" does not have the header row of \"" +
                    sources[0].name +
                    "\": only sheets of the same layout convert together (leave it out, or make "
                    "its headers the same)",
                "la feuille « " + sources[i].name + " » n'a pas la ligne d'en-tête de « " +
                    sources[0].name +
                    " » : seules des feuilles de même présentation se convertissent ensemble "
                    "(retirez-la de la liste, ou rendez ses en-têtes identiques)");
        headers.push_back(*header);
        kept.push_back(i);
    }
    ReadSheets read;
    read.grids.reserve(kept.size()); // the SheetSources point into it: no reallocation
    for (std::size_t k = 0; k < kept.size(); ++k)
    {
        read.grids.push_back(std::move(grids[kept[k]]));
        read.sheets.push_back({&read.grids.back(), headers[k]});
        read.sources.push_back(sources[kept[k]]);
    }
    return read;
}

ConversionReport LedgerConverter::convert(const ConversionRequest& request)
{
    const ReadSheets read = readSheets(request);
    ImportOptions options = request.options;
    options.language = request.language; // of the hold reasons the accepted fixes write
    util::Date nullDate;
    uno::Reference<beans::XPropertySet>(document_, uno::UNO_QUERY_THROW)
        ->getPropertyValue("NullDate") >>= nullDate;
    options.nullDate = toDayNumber({nullDate.Year, nullDate.Month, nullDate.Day});
    std::string dateOrderNote;
    if (request.dateOrderFromData)
    {
        const SheetsDateOrder found = detectDateOrder(read.sheets);
        if (found.evidence.order)
            options.dateOrder = *found.evidence.order;
        dateOrderNote = describeDateOrder(found, request.language, read.sources);
    }
    const ImportResult imported = importInvoices(read.sheets, options);
    if (imported.invoices.empty())
        throw InputError("no invoice found below the header row: check the header row number "
                         "and that the amount and date columns are mapped",
                         "aucune facture sous la ligne d'en-tête : vérifiez le numéro de la ligne "
                         "d'en-tête et que les colonnes du montant et de la date sont choisies");
    ConversionReport report = write(request, imported, read.sources, {});
    report.dateOrderNote = dateOrderNote;
    return report;
}

DayNumber LedgerConverter::nullDate() const
{
    util::Date nullDate;
    uno::Reference<beans::XPropertySet>(document_, uno::UNO_QUERY_THROW)
        ->getPropertyValue("NullDate") >>= nullDate;
    return toDayNumber({nullDate.Year, nullDate.Month, nullDate.Day});
}

ConversionReport LedgerConverter::write(const ConversionRequest& request,
                                        const ImportResult& imported, const SourceSheets& sources,
                                        const std::vector<PaymentEntry>& loosePayments)
{
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
        report = writer.run(imported, sources, loosePayments);
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
