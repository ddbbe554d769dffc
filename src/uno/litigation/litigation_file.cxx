#include "uno/litigation/litigation_file.hxx"

#include <filesystem>
#include <fstream>
#include <iterator>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/embed/ElementModes.hpp>
#include <com/sun/star/embed/StorageFactory.hpp>
#include <com/sun/star/embed/XStorage.hpp>
#include <com/sun/star/embed/XTransactedObject.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/io/XStream.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <osl/file.hxx>

#include "core/common/input_error.hxx"
#include "core/common/text_fold.hxx"
#include "core/ledger/ledger_model.hxx"
#include "core/ledger/ledger_preview.hxx"
#include "core/litigation/litigation_fields.hxx"
#include "uno/functions/any_convert.hxx"
#include "uno/reminders/reminder_generator_detail.hxx"

using namespace css;
namespace fs = std::filesystem;

namespace relance::addin
{
namespace
{

using reminder_detail::dataRows;
using reminder_detail::LedgerReader;
using reminder_detail::ledgerSheet;

beans::PropertyValue property(const char* name, const uno::Any& value)
{
    return beans::PropertyValue(OUString::createFromAscii(name), 0, value,
                                beans::PropertyState_DIRECT_VALUE);
}

OUString urlOf(const fs::path& path)
{
    OUString url;
    osl::FileBase::getFileURLFromSystemPath(fromUtf8(path.string()), url);
    return url;
}

std::string text(const uno::Any& cell)
{
    OUString value;
    double number = 0;
    if (cell >>= value)
        return toUtf8(value.trim());
    if (cell >>= number)
        return toUtf8(OUString::number(number));
    return {};
}

// A log file as logged: a path, or a file:// URL.
std::string localPath(const std::string& file)
{
    if (file.rfind("file:", 0) != 0)
        return file;
    OUString path;
    osl::FileBase::getSystemPathFromFileURL(fromUtf8(file), path);
    return toUtf8(path);
}

bool fileExists(const std::string& file)
{
    std::error_code error;
    return fs::is_regular_file(localPath(file), error);
}

std::vector<LogRecord> readLog(const uno::Reference<frame::XModel>& document, DayNumber nullDate)
{
    std::vector<LogRecord> log;
    const auto sheet = ledgerSheet(document, LedgerSheet::Reminders, false);
    if (!sheet.is())
        return log;
    const DateContext dates(nullDate);
    const auto rows = dataRows(sheet, 9);
    for (sal_Int32 r = 0; r < rows.getLength(); ++r)
    {
        const auto& cells = rows[r];
        const auto date = optionalDate(cells[0], dates, "Relances, date");
        LogRecord record;
        record.row = static_cast<std::size_t>(r) + 2;
        record.customer = text(cells[1]);
        if (!date || record.customer.empty())
            continue;
        record.date = *date;
        record.level = optionalInteger(cells[2], "Relances, level", 1, 0, 3);
        record.invoices = text(cells[3]);
        record.channel = text(cells[6]);
        record.file = text(cells[7]);
        record.state = text(cells[8]);
        log.push_back(record);
    }
    return log;
}

// A hidden Calc document holding one table, stored as .ods or PDF.
void storeTable(const uno::Reference<uno::XComponentContext>& context,
                const std::vector<std::vector<uno::Any>>& rows, const fs::path& path,
                const char* filter)
{
    const uno::Reference<lang::XComponent> document =
        frame::Desktop::create(context)->loadComponentFromURL(
            "private:factory/scalc", "_blank", 0,
            sequenceOf<beans::PropertyValue>({property("Hidden", uno::Any(true))}));
    try
    {
        const uno::Reference<sheet::XSpreadsheet> sheet(
            uno::Reference<container::XIndexAccess>(
                uno::Reference<sheet::XSpreadsheetDocument>(document, uno::UNO_QUERY_THROW)
                    ->getSheets(),
                uno::UNO_QUERY_THROW)
                ->getByIndex(0),
            uno::UNO_QUERY_THROW);
        const sal_Int32 width = static_cast<sal_Int32>(rows.front().size());
        uno::Sequence<uno::Sequence<uno::Any>> data(static_cast<sal_Int32>(rows.size()));
        for (std::size_t r = 0; r < rows.size(); ++r)
            data.getArray()[r] =
                uno::Sequence<uno::Any>(rows[r].data(), static_cast<sal_Int32>(rows[r].size()));
        const uno::Reference<table::XCellRange> range =
            sheet->getCellRangeByPosition(0, 0, width - 1, static_cast<sal_Int32>(rows.size()) - 1);
        uno::Reference<sheet::XCellRangeData>(range, uno::UNO_QUERY_THROW)->setDataArray(data);
        uno::Reference<beans::XPropertySet>(
            uno::Reference<table::XColumnRowRange>(range, uno::UNO_QUERY_THROW)->getColumns(),
            uno::UNO_QUERY_THROW)
            ->setPropertyValue("OptimalWidth", uno::Any(true));
        // Printed landscape, every column on the page's width, without the "Sheet1" header.
        const uno::Reference<container::XNameAccess> pageStyles(
            uno::Reference<container::XNameAccess>(
                uno::Reference<style::XStyleFamiliesSupplier>(document, uno::UNO_QUERY_THROW)
                    ->getStyleFamilies()
                    ->getByName("PageStyles"),
                uno::UNO_QUERY_THROW));
        const uno::Reference<beans::XPropertySet> page(pageStyles->getByName("Default"),
                                                       uno::UNO_QUERY_THROW);
        sal_Int32 pageWidth = 0, pageHeight = 0;
        page->getPropertyValue("Width") >>= pageWidth;
        page->getPropertyValue("Height") >>= pageHeight;
        if (pageWidth < pageHeight)
        {
            page->setPropertyValue("IsLandscape", uno::Any(true));
            page->setPropertyValue("Width", uno::Any(pageHeight));
            page->setPropertyValue("Height", uno::Any(pageWidth));
        }
        page->setPropertyValue("HeaderIsOn", uno::Any(false));
        page->setPropertyValue("ScaleToPagesX", uno::Any(sal_Int16(1)));
        page->setPropertyValue("ScaleToPagesY", uno::Any(sal_Int16(0)));
        uno::Reference<frame::XStorable>(document, uno::UNO_QUERY_THROW)
            ->storeToURL(urlOf(path),
                         sequenceOf<beans::PropertyValue>({property(
                             "FilterName", uno::Any(OUString::createFromAscii(filter)))}));
    }
    catch (...)
    {
        uno::Reference<util::XCloseable>(document, uno::UNO_QUERY_THROW)->close(true);
        throw;
    }
    uno::Reference<util::XCloseable>(document, uno::UNO_QUERY_THROW)->close(true);
}

// The folder's files in one zip, written by the office's package service (ZipFormat storage).
void zipFolder(const uno::Reference<uno::XComponentContext>& context, const fs::path& folder,
               const fs::path& zip)
{
    const uno::Reference<lang::XSingleServiceFactory> factory =
        embed::StorageFactory::create(context);
    const uno::Reference<embed::XStorage> root(
        factory->createInstanceWithArguments(sequenceOf<uno::Any>(
            {uno::Any(urlOf(zip)), uno::Any(embed::ElementModes::READWRITE),
             uno::Any(sequenceOf<beans::PropertyValue>(
                 {property("StorageFormat", uno::Any(OUString("ZipFormat")))}))})),
        uno::UNO_QUERY_THROW);
    const uno::Reference<embed::XStorage> inside = root->openStorageElement(
        fromUtf8(folder.filename().string()), embed::ElementModes::READWRITE);
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.is_regular_file())
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files)
    {
        std::ifstream in(file, std::ios::binary);
        const std::string bytes{std::istreambuf_iterator<char>(in),
                                std::istreambuf_iterator<char>()};
        const uno::Reference<io::XStream> stream = inside->openStreamElement(
            fromUtf8(file.filename().string()),
            embed::ElementModes::READWRITE | embed::ElementModes::TRUNCATE);
        const uno::Reference<io::XOutputStream> out = stream->getOutputStream();
        out->writeBytes(uno::Sequence<sal_Int8>(reinterpret_cast<const sal_Int8*>(bytes.data()),
                                                static_cast<sal_Int32>(bytes.size())));
        out->closeOutput();
    }
    uno::Reference<embed::XTransactedObject>(inside, uno::UNO_QUERY_THROW)->commit();
    uno::Reference<embed::XTransactedObject>(root, uno::UNO_QUERY_THROW)->commit();
    uno::Reference<lang::XComponent>(root, uno::UNO_QUERY_THROW)->dispose();
}

} // namespace

std::string LitigationReport::summary(Language language) const
{
    const bool fr = language == Language::French;
    std::string text =
        describe(claim, language) + "\n" + (fr ? "Dossier : " : "File: ") + folder + " (" +
        std::to_string(exhibits.size()) + (fr ? " pièces), archive : " : " exhibits), archive: ") +
        zip + "\n" +
        (fr ? std::to_string(invoicesMarked) +
                  " facture(s) marquée(s) « Contentieux » dans le registre."
            : std::to_string(invoicesMarked) + " invoice(s) marked \"Contentieux\" in the ledger.");
    for (const Exhibit& exhibit : exhibits)
        if (exhibit.missing)
            text += (fr ? "\nPièce " : "\nExhibit ") + std::to_string(exhibit.number) + " : " +
                    exhibit.title;
    return text;
}

LitigationFileBuilder::LitigationFileBuilder(uno::Reference<uno::XComponentContext> context,
                                             uno::Reference<frame::XModel> document,
                                             uno::Reference<task::XStatusIndicator> progress)
    : context_(std::move(context)), document_(std::move(document)), progress_(std::move(progress))
{
}

LitigationInput LitigationFileBuilder::input(const LitigationRequest& request) const
{
    const LedgerReader reader(document_);
    ReminderRequest reminders;
    reminders.language = request.language;
    reminders.asOf = request.asOf;
    std::map<std::string, sal_Int32> rowOf;
    const ReminderInput read = reminder_detail::readInput(reader, reminders, rowOf);
    LitigationInput input;
    input.asOf = read.asOf;
    input.customer = request.customer;
    input.invoices = read.invoices;
    input.customers = read.customers;
    input.policy = reader.policy();
    input.log = readLog(document_, reader.nullDate());
    // Each invoice's terms, as the ledger gives them, for the basis of the claim.
    std::map<std::string, std::string> termsOf;
    const auto rows = dataRows(ledgerSheet(document_, LedgerSheet::Invoices, true),
                               static_cast<sal_Int32>(invoiceColumns().size()));
    const auto numberColumn = static_cast<sal_Int32>(columnIndex(invoiceColumns(), "number"));
    const auto termsColumn = static_cast<sal_Int32>(columnIndex(invoiceColumns(), "terms"));
    for (const auto& cells : rows)
        termsOf[invoiceKey(text(cells[numberColumn]))] = text(cells[termsColumn]);
    for (const ReminderInvoice& invoice : input.invoices)
        input.terms.push_back(termsOf[invoiceKey(invoice.number)]);
    return input;
}

std::vector<LitigationCandidate>
LitigationFileBuilder::candidates(const LitigationRequest& request) const
{
    return litigationCandidates(input(request));
}

std::string LitigationFileBuilder::preview(const LitigationRequest& request) const
{
    const LedgerReader reader(document_);
    return describe(buildLitigationClaim(input(request), request.language, reader.ecbRates()),
                    request.language);
}

LitigationReport LitigationFileBuilder::build(const LitigationRequest& request)
{
    if (request.customer.empty())
        throw InputError("choose the customer of the litigation file (Customer)",
                         "choisissez le client du dossier de contentieux (Customer)");
    // Everything is read and computed before the first file is written.
    const LedgerReader reader(document_);
    const LitigationInput in = input(request);
    LitigationReport report;
    report.claim = buildLitigationClaim(in, request.language, reader.ecbRates());
    const Language language = request.language;
    const bool fr = language == Language::French;
    report.exhibits = litigationExhibits(report.claim, language,
                                         [](const std::string& file) { return fileExists(file); });
    const SenderDetails sender = reader.sender();

    fs::path base = request.outputDir;
    if (base.empty())
    {
        OUString path;
        const OUString url = document_->getURL();
        if (!url.isEmpty() &&
            osl::FileBase::getSystemPathFromFileURL(url, path) == osl::FileBase::E_None)
            base = fs::path(toUtf8(path)).parent_path() / (fr ? "Contentieux" : "Litigation");
        else
            base = fs::temp_directory_path() / (fr ? "Contentieux" : "Litigation");
    }
    base /= fileSafeName(report.claim.customer.name);
    // A rerun the same day makes a new folder, never over an earlier one.
    fs::path folder = base / toIsoString(report.claim.asOf);
    for (int n = 2; fs::exists(folder) || fs::exists(fs::path(folder.string() + ".zip")); ++n)
        folder = base / (toIsoString(report.claim.asOf) + "-" + std::to_string(n));
    fs::create_directories(folder);
    report.folder = folder.string();

    if (progress_.is())
        progress_->start(
            fromUtf8(fr ? "Relance : dossier de contentieux" : "Relance: litigation file"), 100);
    {
        const reminder_detail::TemplateFolder templates(context_, language,
                                                        reader.templatesFolder());
        reminder_detail::LetterWriter writer(context_, language, templates, false);
        CustomerReminder letter;
        letter.customer = report.claim.customer;
        letter.level = ReminderLevel::FormalNotice;
        letter.date = report.claim.asOf;
        const LetterFields fields =
            litigationFields(report.claim, sender, report.exhibits, language);
        writer.write(letter, fields,
                     folder / (fr ? "00-bordereau-de-pieces.pdf" : "00-list-of-exhibits.pdf"),
                     std::nullopt, fr ? "dossier-contentieux" : "litigation-file");
        writer.write(letter, fields, folder / report.exhibits[0].fileName, std::nullopt,
                     fr ? "decompte-creance" : "statement-of-claim");
        ReminderInput statementInput;
        statementInput.asOf = in.asOf;
        statementInput.invoices = in.invoices;
        statementInput.customers = in.customers;
        const auto statements = accountStatements(statementInput, report.claim.customer.name);
        if (!statements.empty())
            writer.write(statements.front(), letterFields(statements.front(), sender, language),
                         folder / report.exhibits[1].fileName, std::nullopt,
                         reminder_detail::statementTemplateName(language));
    }
    if (progress_.is())
        progress_->setValue(50);

    // The invoices, claimed or not, as a spreadsheet the recipient can compute with.
    const DateContext dates(reader.nullDate());
    std::vector<std::vector<uno::Any>> invoices{
        {uno::Any(fromUtf8(fr ? "N° facture" : "Invoice no.")),
         uno::Any(fromUtf8(fr ? "Date" : "Date")), uno::Any(fromUtf8(fr ? "Échéance" : "Due date")),
         uno::Any(fromUtf8(fr ? "Montant TTC" : "Amount")),
         uno::Any(fromUtf8(fr ? "Réglé" : "Paid")), uno::Any(fromUtf8(fr ? "Reste dû" : "Balance")),
         uno::Any(fromUtf8(fr ? "Jours de retard" : "Days late")),
         uno::Any(fromUtf8(fr ? "Pénalités" : "Penalty")),
         uno::Any(fromUtf8(fr ? "Indemnité" : "Indemnity")),
         uno::Any(fromUtf8(fr ? "Réclamée" : "Claimed"))}};
    for (const ClaimLine& line : report.claim.lines)
        invoices.push_back({uno::Any(fromUtf8(line.invoice.number)),
                            uno::Any(fromUtf8(formatDate(line.invoice.invoiceDate, language))),
                            uno::Any(fromUtf8(formatDate(line.invoice.dueDate, language))),
                            uno::Any(eurosFromCents(line.invoice.amountInclVat)),
                            uno::Any(eurosFromCents(line.invoice.paid)),
                            uno::Any(eurosFromCents(line.invoice.balance)),
                            uno::Any(static_cast<double>(line.daysLate)),
                            uno::Any(eurosFromCents(line.penalty.amount)),
                            uno::Any(eurosFromCents(line.indemnity)),
                            uno::Any(fromUtf8(fr ? "oui" : "yes"))});
    for (const auto& item : report.claim.notClaimed)
        invoices.push_back({uno::Any(fromUtf8(item.number)), uno::Any(OUString()),
                            uno::Any(OUString()), uno::Any(OUString()), uno::Any(OUString()),
                            uno::Any(eurosFromCents(item.balance)), uno::Any(OUString()),
                            uno::Any(OUString()), uno::Any(OUString()),
                            uno::Any(fromUtf8(item.reason))});
    storeTable(context_, invoices, folder / report.exhibits[2].fileName, "calc8");

    // Copies of every letter and e-mail the log recorded; a missing one is named, not skipped.
    for (const Exhibit& exhibit : report.exhibits)
        if (!exhibit.source.empty() && !exhibit.missing)
            fs::copy_file(localPath(exhibit.source), folder / exhibit.fileName,
                          fs::copy_options::overwrite_existing);

    // The log's rows for this customer, as they are in the Relances sheet.
    std::vector<std::vector<uno::Any>> log{
        {uno::Any(fromUtf8(fr ? "Ligne" : "Row")), uno::Any(fromUtf8("Date")),
         uno::Any(fromUtf8(fr ? "Niveau" : "Level")),
         uno::Any(fromUtf8(fr ? "Factures" : "Invoices")),
         uno::Any(fromUtf8(fr ? "Canal" : "Channel")), uno::Any(fromUtf8(fr ? "Fichier" : "File")),
         uno::Any(fromUtf8(fr ? "État" : "State"))}};
    const std::string key = foldText(report.claim.customer.name);
    for (const LogRecord& record : in.log)
        if (foldText(record.customer) == key)
            log.push_back(
                {uno::Any(static_cast<double>(record.row)),
                 uno::Any(fromUtf8(formatDate(record.date, language))),
                 uno::Any(fromUtf8(levelName(static_cast<ReminderLevel>(record.level), language))),
                 uno::Any(fromUtf8(record.invoices)), uno::Any(fromUtf8(record.channel)),
                 uno::Any(fromUtf8(fs::path(localPath(record.file)).filename().string())),
                 uno::Any(fromUtf8(record.state))});
    storeTable(context_, log, folder / report.exhibits.back().fileName, "calc_pdf_Export");
    if (progress_.is())
        progress_->setValue(80);

    const fs::path zip = folder.string() + ".zip";
    zipFolder(context_, folder, zip);
    report.zip = zip.string();

    // The invoices claimed are now in litigation: marked in the ledger's notes, one undo step.
    const auto ledger = ledgerSheet(document_, LedgerSheet::Invoices, true);
    const auto rows = dataRows(ledger, static_cast<sal_Int32>(invoiceColumns().size()));
    const auto numberColumn = static_cast<sal_Int32>(columnIndex(invoiceColumns(), "number"));
    const auto notesColumn = static_cast<sal_Int32>(columnIndex(invoiceColumns(), "notes"));
    std::set<std::string> claimed;
    for (const ClaimLine& line : report.claim.lines)
        claimed.insert(invoiceKey(line.invoice.number));
    const std::string mark =
        (fr ? "Contentieux \u2014 dossier du " : "Contentieux \u2014 litigation file of ") +
        formatDate(report.claim.asOf, language);
    const uno::Reference<document::XUndoManager> undo =
        uno::Reference<document::XUndoManagerSupplier>(document_, uno::UNO_QUERY_THROW)
            ->getUndoManager();
    undo->enterUndoContext(fromUtf8(fr ? "Relance : contentieux" : "Relance: litigation"));
    try
    {
        for (sal_Int32 r = 0; r < rows.getLength(); ++r)
        {
            if (!claimed.count(invoiceKey(text(rows[r][numberColumn]))))
                continue;
            const std::string notes = text(rows[r][notesColumn]);
            ++report.invoicesMarked;
            if (foldText(notes).find("contentieux") != std::string::npos)
                continue;
            uno::Reference<text::XTextRange>(ledger->getCellByPosition(notesColumn, r + 1),
                                             uno::UNO_QUERY_THROW)
                ->setString(fromUtf8(notes.empty() ? mark : notes + " ; " + mark));
        }
    }
    catch (...)
    {
        undo->leaveUndoContext();
        throw;
    }
    undo->leaveUndoContext();
    if (progress_.is())
        progress_->end();
    return report;
}

} // namespace relance::addin
