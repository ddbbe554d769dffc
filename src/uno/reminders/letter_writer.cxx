// Writing the letters: the Writer templates (the user's or the shipped ones) filled for each
// customer and exported as PDF and ODT, with the combined PDF for printing. Kept apart from
// the ledger and the log: only Writer documents are handled here.
#include "uno/reminders/reminder_generator_detail.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/deployment/PackageInformationProvider.hpp>
#include <com/sun/star/datatransfer/XTransferable.hpp>
#include <com/sun/star/datatransfer/XTransferableSupplier.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/style/BreakType.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/table/XTableRows.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/text/XTextTablesSupplier.hpp>
#include <com/sun/star/text/XTextViewCursor.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/util/XModifiable.hpp>
#include <com/sun/star/util/XReplaceDescriptor.hpp>
#include <com/sun/star/util/XReplaceable.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <osl/file.hxx>

#include "uno/functions/any_convert.hxx"
#include "core/common/input_error.hxx"
#include "core/common/text_fold.hxx"

using namespace css;
namespace fs = std::filesystem;

namespace relance::addin::reminder_detail
{
namespace
{

OUString urlOf(const fs::path& path)
{
    OUString url;
    osl::FileBase::getFileURLFromSystemPath(fromUtf8(path.string()), url);
    return url;
}

beans::PropertyValue property(const char* name, const uno::Any& value)
{
    return beans::PropertyValue(OUString::createFromAscii(name), 0, value,
                                beans::PropertyState_DIRECT_VALUE);
}

const char* templateName(ReminderLevel level, Language language)
{
    const bool fr = language == Language::French;
    switch (level)
    {
    case ReminderLevel::PreDue:
        return fr ? "pre-relance" : "pre-due-notice";
    case ReminderLevel::First:
        return fr ? "relance-1" : "reminder-1";
    case ReminderLevel::Second:
        return fr ? "relance-2" : "reminder-2";
    case ReminderLevel::FormalNotice:
        return fr ? "mise-en-demeure" : "formal-notice";
    }
    return "relance-1";
}

} // namespace

const char* statementTemplateName(Language language)
{
    return language == Language::French ? "releve" : "statement";
}

TemplateFolder::TemplateFolder(const uno::Reference<uno::XComponentContext>& context,
                               Language language, const std::string& userFolder)
{
    const OUString location =
        deployment::PackageInformationProvider::get(context)->getPackageLocation("fr.relance.calc");
    if (location.isEmpty())
        throw InputError("the Relance extension's templates cannot be found");
    shipped_ = location + "/templates/" + (language == Language::French ? "fr/" : "en/");
    if (!userFolder.empty())
    {
        user_ = fs::path(userFolder);
        if (userFolder.rfind("file:", 0) == 0)
        {
            OUString path;
            osl::FileBase::getSystemPathFromFileURL(fromUtf8(userFolder), path);
            user_ = fs::path(toUtf8(path));
        }
        std::error_code error;
        if (!fs::is_directory(user_, error))
            throw InputError((language == Language::French
                                  ? "le dossier de modèles indiqué dans Paramètres n'existe pas : "
                                  : "the templates folder set in Settings does not exist: ") +
                             userFolder);
    }
}

OUString TemplateFolder::url(const char* name) const
{
    if (!user_.empty())
        for (const char* extension : {".odt", ".ott", ".fodt"})
            if (const fs::path candidate = user_ / (std::string(name) + extension);
                fs::is_regular_file(candidate))
                return urlOf(candidate);
    return shipped_ + OUString::createFromAscii(name) + ".odt";
}

LetterWriter::LetterWriter(const uno::Reference<uno::XComponentContext>& context, Language language,
                           const TemplateFolder& templates, bool combine)
    : desktop_(frame::Desktop::create(context)), language_(language), templates_(templates),
      combine_(combine)
{
}

LetterWriter::~LetterWriter()
{
    for (const auto& [name, document] : open_)
        close(document);
    close(combined_);
}

void LetterWriter::write(const CustomerReminder& letter, const LetterFields& fields,
                         const fs::path& pdf, const std::optional<fs::path>& odt,
                         const char* templateOverride, const std::optional<Enclosure>& enclosure)
{
    const char* name = templateOverride ? templateOverride : templateName(letter.level, language_);
    const uno::Reference<lang::XComponent> document = templateDocument(name);
    bool restorable = false;
    try
    {
        restorable = asOneUndoStep(document,
                                   [&]
                                   {
                                       fillFields(document, fields);
                                       if (enclosure)
                                           appendEnclosure(document, *enclosure);
                                   });
        const uno::Reference<frame::XStorable> storable(document, uno::UNO_QUERY_THROW);
        storable->storeToURL(
            urlOf(pdf), sequenceOf<beans::PropertyValue>(
                            {property("FilterName", uno::Any(OUString("writer_pdf_Export")))}));
        if (odt)
            storable->storeToURL(urlOf(*odt), sequenceOf<beans::PropertyValue>({property(
                                                  "FilterName", uno::Any(OUString("writer8")))}));
        if (combine_)
            appendToCombined(document, name);
    }
    catch (...)
    {
        forget(name, document);
        throw;
    }
    restore(name, document, restorable);
}

bool LetterWriter::storeCombined(const fs::path& pdf)
{
    if (!combined_.is())
        return false;
    uno::Reference<frame::XModel>(combined_, uno::UNO_QUERY_THROW)->unlockControllers();
    uno::Reference<frame::XStorable>(combined_, uno::UNO_QUERY_THROW)
        ->storeToURL(urlOf(pdf), sequenceOf<beans::PropertyValue>({property(
                                     "FilterName", uno::Any(OUString("writer_pdf_Export")))}));
    return true;
}

uno::Reference<lang::XComponent> LetterWriter::load(const char* name)
{
    const uno::Reference<lang::XComponent> document = desktop_->loadComponentFromURL(
        templates_.url(name), "_blank", 0,
        sequenceOf<beans::PropertyValue>(
            {property("Hidden", uno::Any(true)), property("AsTemplate", uno::Any(true))}));
    if (!document.is())
        throw InputError(std::string("cannot open the letter template ") + name);
    return document;
}

uno::Reference<lang::XComponent> LetterWriter::templateDocument(const char* name)
{
    auto found = open_.find(name);
    if (found == open_.end())
        found = open_.emplace(name, load(name)).first;
    return found->second;
}

void LetterWriter::forget(const char* name, const uno::Reference<lang::XComponent>& document)
{
    open_.erase(name);
    close(document);
}

uno::Reference<frame::XController>
LetterWriter::controllerOf(const uno::Reference<lang::XComponent>& document)
{
    return uno::Reference<frame::XModel>(document, uno::UNO_QUERY_THROW)->getCurrentController();
}

template <typename Change>
bool LetterWriter::asOneUndoStep(const uno::Reference<lang::XComponent>& document,
                                 const Change& change)
{
    const uno::Reference<document::XUndoManager> undo =
        uno::Reference<document::XUndoManagerSupplier>(document, uno::UNO_QUERY_THROW)
            ->getUndoManager();
    const uno::Reference<frame::XModel> model(document, uno::UNO_QUERY_THROW);
    model->lockControllers();
    undo->enterUndoContext("Relance");
    try
    {
        change();
    }
    catch (...)
    {
        undo->leaveUndoContext();
        model->unlockControllers();
        throw;
    }
    undo->leaveUndoContext();
    model->unlockControllers();
    return undo->isUndoPossible();
}

void LetterWriter::restore(const char* name, const uno::Reference<lang::XComponent>& document,
                           bool restorable)
{
    try
    {
        if (restorable)
            uno::Reference<document::XUndoManagerSupplier>(document, uno::UNO_QUERY_THROW)
                ->getUndoManager()
                ->undo();
        else if (uno::Reference<util::XModifiable>(document, uno::UNO_QUERY_THROW)->isModified())
            forget(name, document);
    }
    catch (...)
    {
        forget(name, document);
    }
}

void LetterWriter::fillFields(const uno::Reference<lang::XComponent>& document,
                              const LetterFields& fields)
{
    replaceFields(document, fields.fields);
    fillInvoiceTable(document, fields);
}

void LetterWriter::appendEnclosure(const uno::Reference<lang::XComponent>& letter,
                                   const Enclosure& enclosure)
{
    const uno::Reference<lang::XComponent> document = templateDocument(enclosure.templateName);
    bool restorable = false;
    try
    {
        restorable = asOneUndoStep(document, [&] { fillFields(document, enclosure.fields); });
        appendOnNewPage(letter, copyOf(document), DocumentEnd::FromModel);
    }
    catch (...)
    {
        forget(enclosure.templateName, document);
        throw;
    }
    restore(enclosure.templateName, document, restorable);
}

uno::Reference<datatransfer::XTransferable>
LetterWriter::copyOf(const uno::Reference<lang::XComponent>& document)
{
    const uno::Reference<text::XText> body =
        uno::Reference<text::XTextDocument>(document, uno::UNO_QUERY_THROW)->getText();
    const uno::Reference<text::XTextCursor> all = body->createTextCursor();
    all->gotoStart(false);
    all->gotoEnd(true);
    const uno::Reference<frame::XController> source = controllerOf(document);
    uno::Reference<view::XSelectionSupplier>(source, uno::UNO_QUERY_THROW)
        ->select(uno::Any(uno::Reference<text::XTextRange>(all, uno::UNO_QUERY_THROW)));
    return uno::Reference<datatransfer::XTransferableSupplier>(source, uno::UNO_QUERY_THROW)
        ->getTransferable();
}

void LetterWriter::paste(const uno::Reference<lang::XComponent>& target,
                         const uno::Reference<datatransfer::XTransferable>& copy)
{
    uno::Reference<datatransfer::XTransferableSupplier>(controllerOf(target), uno::UNO_QUERY_THROW)
        ->insertTransferable(copy);
}

uno::Reference<text::XTextViewCursor>
LetterWriter::viewCursorOf(const uno::Reference<lang::XComponent>& document)
{
    return uno::Reference<text::XTextViewCursorSupplier>(controllerOf(document),
                                                         uno::UNO_QUERY_THROW)
        ->getViewCursor();
}

void LetterWriter::replaceContent(const uno::Reference<lang::XComponent>& target,
                                  const uno::Reference<datatransfer::XTransferable>& copy)
{
    const uno::Reference<text::XTextViewCursor> cursor = viewCursorOf(target);
    cursor->gotoStart(false);
    cursor->gotoEnd(true);
    paste(target, copy);
}

void LetterWriter::appendOnNewPage(const uno::Reference<lang::XComponent>& target,
                                   const uno::Reference<datatransfer::XTransferable>& copy,
                                   DocumentEnd end)
{
    const uno::Reference<text::XText> body =
        uno::Reference<text::XTextDocument>(target, uno::UNO_QUERY_THROW)->getText();
    const uno::Reference<text::XTextViewCursor> view = viewCursorOf(target);
    const uno::Reference<text::XTextCursor> cursor =
        end == DocumentEnd::FromView ? uno::Reference<text::XTextCursor>(view, uno::UNO_QUERY_THROW)
                                     : body->createTextCursor();
    cursor->gotoEnd(false);
    body->insertControlCharacter(uno::Reference<text::XTextRange>(cursor, uno::UNO_QUERY_THROW),
                                 text::ControlCharacter::PARAGRAPH_BREAK, false);
    cursor->gotoEnd(false);
    uno::Reference<beans::XPropertySet>(cursor, uno::UNO_QUERY_THROW)
        ->setPropertyValue("BreakType", uno::Any(style::BreakType_PAGE_BEFORE));
    if (end == DocumentEnd::FromModel)
        view->gotoRange(uno::Reference<text::XTextRange>(cursor, uno::UNO_QUERY_THROW), false);
    paste(target, copy);
}

void LetterWriter::appendToCombined(const uno::Reference<lang::XComponent>& letter,
                                    const char* name)
{
    const uno::Reference<datatransfer::XTransferable> copy = copyOf(letter);
    // The first letter replaces the whole of a fresh copy of its template (same page
    // styles); each next one starts with a page break after the last.
    const bool first = !combined_.is();
    if (first)
    {
        // Nobody undoes in this document, and laying it out after each letter would cost
        // in proportion to its length: no undo, and the layout once, when it is exported.
        combined_ = load(name);
        uno::Reference<document::XUndoManagerSupplier>(combined_, uno::UNO_QUERY_THROW)
            ->getUndoManager()
            ->lock();
        uno::Reference<frame::XModel>(combined_, uno::UNO_QUERY_THROW)->lockControllers();
    }
    if (first)
        replaceContent(combined_, copy);
    else
        appendOnNewPage(combined_, copy, DocumentEnd::FromView);
}

void LetterWriter::close(const uno::Reference<lang::XComponent>& document)
{
    if (!document.is())
        return;
    try
    {
        uno::Reference<util::XCloseable>(document, uno::UNO_QUERY_THROW)->close(true);
    }
    catch (const uno::Exception&)
    {
    }
}

void LetterWriter::replaceFields(const uno::Reference<lang::XComponent>& document,
                                 const FieldMap& fields)
{
    const uno::Reference<util::XReplaceable> replaceable(document, uno::UNO_QUERY_THROW);
    const uno::Reference<util::XReplaceDescriptor> search = replaceable->createReplaceDescriptor();
    search->setSearchString("\\{\\{[^{}]*\\}\\}");
    search->setPropertyValue("SearchRegularExpression", uno::Any(true));
    const uno::Reference<container::XIndexAccess> found =
        replaceable->findAll(uno::Reference<util::XSearchDescriptor>(search, uno::UNO_QUERY_THROW));
    std::vector<uno::Reference<text::XTextRange>> ranges;
    for (sal_Int32 i = 0; found.is() && i < found->getCount(); ++i)
        ranges.emplace_back(found->getByIndex(i), uno::UNO_QUERY_THROW);
    for (const auto& range : ranges)
    {
        const std::string placeholder = toUtf8(range->getString());
        const std::string name = foldText(placeholder.substr(2, placeholder.size() - 4));
        if (name.rfind("facture.", 0) == 0 || name.rfind("ligne.", 0) == 0)
            continue; // a table's row field, filled per row
        const auto value = fields.find(name);
        if (value == fields.end())
            throw InputError("the letter template has an unknown field " + placeholder);
        range->setString(fromUtf8(value->second));
    }
}

void LetterWriter::fillInvoiceTable(const uno::Reference<lang::XComponent>& document,
                                    const LetterFields& fields)
{
    const uno::Reference<container::XNameAccess> tables(
        uno::Reference<text::XTextTablesSupplier>(document, uno::UNO_QUERY_THROW)->getTextTables(),
        uno::UNO_QUERY_THROW);
    auto fill = [&](const char* name, const std::vector<FieldMap>& rows)
    {
        if (!tables->hasByName(OUString::createFromAscii(name)))
            return;
        const uno::Reference<text::XTextTable> table(
            tables->getByName(OUString::createFromAscii(name)), uno::UNO_QUERY_THROW);
        const uno::Reference<table::XCellRange> cells(table, uno::UNO_QUERY_THROW);
        const sal_Int32 columns =
            uno::Reference<container::XIndexAccess>(table->getColumns(), uno::UNO_QUERY_THROW)
                ->getCount();
        std::vector<std::string> templateRow;
        for (sal_Int32 c = 0; c < columns; ++c)
            templateRow.push_back(toUtf8(
                uno::Reference<text::XText>(cells->getCellByPosition(c, 1), uno::UNO_QUERY_THROW)
                    ->getString()));
        const sal_Int32 count = static_cast<sal_Int32>(rows.size());
        if (count == 0)
        {
            table->getRows()->removeByIndex(1, 1);
            return;
        }
        if (count > 1)
            table->getRows()->insertByIndex(2, count - 1);
        for (sal_Int32 r = 0; r < count; ++r)
            for (sal_Int32 c = 0; c < columns; ++c)
                uno::Reference<text::XText>(cells->getCellByPosition(c, r + 1),
                                            uno::UNO_QUERY_THROW)
                    ->setString(fromUtf8(fillPlaceholders(templateRow[static_cast<std::size_t>(c)],
                                                          rows[static_cast<std::size_t>(r)])));
    };
    fill("Factures", fields.invoices);
    for (const auto& [name, rows] : fields.tables)
        fill(name.c_str(), rows);
}

} // namespace relance::addin::reminder_detail
