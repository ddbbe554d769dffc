#include "uno/relance_dispatch.hxx"

#include <filesystem>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XDispatchResultListener.hpp>
#include <com/sun/star/task/XStatusIndicatorFactory.hpp>
#include <cppuhelper/supportsservice.hxx>

#include "uno/functions/any_convert.hxx"
#include "core/calendar/date_text.hxx"
#include "core/common/input_error.hxx"
#include "core/common/text_fold.hxx"
#include "uno/fec/fec_import.hxx"
#include "uno/ledger/ledger_converter.hxx"
#include "uno/litigation/litigation_file.hxx"
#include "uno/common/dialog_window.hxx"
#include "uno/ledger/ledger_dialog.hxx"
#include "uno/reminders/reminder_dialog.hxx"
#include "uno/reminders/reminder_generator.hxx"
#include "uno/common/office_language.hxx"

using namespace css;
namespace fs = std::filesystem;

namespace relance::addin
{
namespace
{

// A yes/no argument: a boolean, as a macro passes it. Anything else is refused rather than
// read as the default, so that Force="yes" does not quietly mean "no".
bool booleanArgument(const beans::PropertyValue& argument)
{
    bool value = false;
    if (!(argument.Value >>= value))
        throw InputError(toUtf8(argument.Name) + ": expects true or false");
    return value;
}

struct Arguments
{
    bool silent = false;
    ConversionRequest request;
};

Arguments parseArguments(const uno::Sequence<beans::PropertyValue>& arguments,
                         const uno::Reference<uno::XComponentContext>& context)
{
    Arguments parsed;
    parsed.request.language = officeUiLanguage(context).value_or(Language::French);
    std::optional<std::size_t> headerRow;
    OUString mapping;
    bool dateOrderGiven = false;
    for (const beans::PropertyValue& argument : arguments)
    {
        const OUString& name = argument.Name;
        OUString text;
        if (name == "Silent")
            parsed.silent = booleanArgument(argument);
        else if (name == "SourceSheet")
            argument.Value >>= parsed.request.sourceSheet;
        else if (name == "SourceSheets")
        {
            // "Janvier;Février;Mars": converted together, the first is the model unless
            // SourceSheet names one; "*": every sheet with the model's header row.
            argument.Value >>= text;
            for (sal_Int32 index = 0; index >= 0;)
                if (const OUString sheet = text.getToken(0, ';', index).trim(); !sheet.isEmpty())
                    parsed.request.otherSheets.push_back(sheet);
        }
        else if (name == "HeaderRow")
        {
            sal_Int32 row = 0;
            if (!(argument.Value >>= row) || row < 1)
                throw InputError("HeaderRow: expects a sheet row number");
            headerRow = static_cast<std::size_t>(row);
        }
        else if (name == "Mapping")
            argument.Value >>= mapping;
        else if (name == "DateOrder")
        {
            dateOrderGiven = true;
            argument.Value >>= text;
            if (text == "MDY")
                parsed.request.options.dateOrder = DateOrder::MonthDayYear;
            else if (!text.isEmpty() && text != "DMY")
                throw InputError("DateOrder: expects DMY or MDY");
        }
        else if (name == "Fixes")
        {
            // "paid_excl_vat;overpaid", or "all": the consistency fixes to apply.
            argument.Value >>= text;
            for (sal_Int32 index = 0; index >= 0;)
            {
                const OUString key = text.getToken(0, ';', index).trim();
                if (key.isEmpty())
                    continue;
                if (key == "all")
                {
                    for (std::size_t kind = 0; kind < kRemarkKindCount; ++kind)
                        parsed.request.options.acceptedFixes.push_back(
                            static_cast<RemarkKind>(kind));
                    continue;
                }
                const auto kind = remarkFromKey(toUtf8(key));
                if (!kind)
                    throw InputError("Fixes: unknown remark \"" + toUtf8(key) +
                                         "\"; expects all or keys among paid_excl_vat, "
                                         "paid_status_with_balance, unpaid_status_nothing_due, "
                                         "overpaid, number_other_amount, payment_before_invoice, "
                                         "due_before_invoice, vat_ratio",
                                     "Fixes : remarque inconnue « " + toUtf8(key) +
                                         " » ; attend all ou des clés parmi paid_excl_vat, "
                                         "paid_status_with_balance, unpaid_status_nothing_due, "
                                         "overpaid, number_other_amount, payment_before_invoice, "
                                         "due_before_invoice, vat_ratio");
                parsed.request.options.acceptedFixes.push_back(*kind);
            }
        }
        else if (name == "DefaultTerms")
        {
            argument.Value >>= text;
            if (!text.trim().isEmpty())
                parsed.request.options.defaultTerms = parsePaymentTerms(toUtf8(text));
        }
        else if (name == "AsOf")
        {
            argument.Value >>= text;
            if (const auto day = parseDateText(toUtf8(text)))
                parsed.request.asOf = day;
            else
                throw InputError("AsOf: expects a date such as 2026-11-15");
        }
        else if (name == "Language")
        {
            argument.Value >>= text;
            parsed.request.language = languageFromTag(toUtf8(text));
        }
    }
    parsed.request.dateOrderFromData = !dateOrderGiven;
    if (parsed.request.sourceSheet.isEmpty() && !parsed.request.otherSheets.empty() &&
        parsed.request.otherSheets.front() != "*")
    {
        parsed.request.sourceSheet = parsed.request.otherSheets.front();
        parsed.request.otherSheets.erase(parsed.request.otherSheets.begin());
    }
    if (headerRow || !mapping.isEmpty())
    {
        // "A=invoice_number;B=customer;..." with sheet column letters; HeaderRow is the sheet row.
        HeaderGuess header;
        header.headerRow = headerRow.value_or(1) - 1; // adjusted to the grid by the caller
        for (sal_Int32 index = 0; index >= 0;)
        {
            const OUString pair = mapping.getToken(0, ';', index).trim();
            if (pair.isEmpty())
                continue;
            const sal_Int32 equals = pair.indexOf('=');
            if (equals <= 0)
                throw InputError("Mapping: expects COLUMN=field pairs");
            const OUString letters = pair.copy(0, equals).trim().toAsciiUpperCase();
            std::size_t column = 0;
            for (sal_Int32 i = 0; i < letters.getLength(); ++i)
            {
                if (letters[i] < 'A' || letters[i] > 'Z')
                    throw InputError("Mapping: bad column " + toUtf8(letters));
                column = column * 26 + static_cast<std::size_t>(letters[i] - 'A' + 1);
            }
            const auto field = fieldFromKey(toUtf8(pair.copy(equals + 1).trim()));
            if (!field || column == 0)
                throw InputError("Mapping: unknown field in " + toUtf8(pair));
            if (header.mapping.size() < column)
                header.mapping.resize(column);
            header.mapping[column - 1] = field;
        }
        parsed.request.header = header;
    }
    return parsed;
}

// Arguments of fr.relance:generateReminders: AsOf, OutputDir, Formats ("pdf,odt,eml,smtp"),
// Combined (the PDF of all letters, with pdf; true by default), Force,
// Skip ("Client A;Client B"), Levels ("Client A=3;Client B=1"), StartFromLateness (customers
// never reminded start at the level of their lateness; false by default), PlanOnly (silently:
// the plan told, nothing written).
ReminderRequest reminderRequest(const uno::Sequence<beans::PropertyValue>& arguments,
                                Language language)
{
    ReminderRequest request;
    request.language = language;
    for (const beans::PropertyValue& argument : arguments)
    {
        OUString text;
        argument.Value >>= text;
        if (argument.Name == "AsOf")
        {
            if (const auto day = parseDateText(toUtf8(text)))
                request.asOf = day;
            else
                throw InputError("AsOf: expects a date such as 2026-11-15");
        }
        else if (argument.Name == "OutputDir")
            request.outputDir = toUtf8(text);
        else if (argument.Name == "Formats")
        {
            // A list such as "pdf,eml": every word must be a known output.
            request.pdf = request.odt = request.eml = request.send = false;
            std::string word;
            const std::string formats = foldText(toUtf8(text)) + ",";
            for (const char c : formats)
            {
                if (c != ',' && c != ';' && c != ' ')
                {
                    word += c;
                    continue;
                }
                if (word == "pdf")
                    request.pdf = true;
                else if (word == "odt")
                    request.odt = true;
                else if (word == "eml")
                    request.eml = true;
                else if (word == "smtp")
                    request.send = true;
                else if (!word.empty())
                    throw InputError("Formats: unknown output \"" + word +
                                     "\" (expects pdf, odt, eml, smtp)");
                word.clear();
            }
            if (!request.pdf && !request.odt && !request.eml && !request.send)
                throw InputError("Formats: expects at least one of pdf, odt, eml, smtp");
        }
        else if (argument.Name == "Force")
            request.force = booleanArgument(argument);
        else if (argument.Name == "StartFromLateness")
            request.startFromLateness = booleanArgument(argument);
        else if (argument.Name == "Combined")
            request.combined = booleanArgument(argument);
        else if (argument.Name == "PlanOnly")
            request.planOnly = booleanArgument(argument);
        else if (argument.Name == "Skip" || argument.Name == "Levels")
            for (sal_Int32 index = 0; index >= 0;)
            {
                const OUString item = text.getToken(0, ';', index).trim();
                if (item.isEmpty())
                    continue;
                if (argument.Name == "Skip")
                {
                    request.skipped.insert(foldText(toUtf8(item)));
                    continue;
                }
                const sal_Int32 equals = item.lastIndexOf('=');
                const sal_Int32 level = equals > 0 ? item.copy(equals + 1).trim().toInt32() : -1;
                if (level < 0 || level > 3)
                    throw InputError("Levels: expects Customer=0..3 pairs");
                request.levelOverride[foldText(toUtf8(item.copy(0, equals).trim()))] =
                    static_cast<ReminderLevel>(level);
            }
    }
    return request;
}

void notify(const uno::Reference<frame::XDispatchResultListener>& listener,
            const uno::Reference<uno::XInterface>& source, sal_Int16 state, const OUString& result)
{
    if (listener.is())
        listener->dispatchFinished(frame::DispatchResultEvent(source, state, uno::Any(result)));
}

} // namespace

RelanceDispatch::RelanceDispatch(uno::Reference<uno::XComponentContext> context)
    : context_(std::move(context))
{
}

void RelanceDispatch::initialize(const uno::Sequence<uno::Any>& arguments)
{
    for (const uno::Any& argument : arguments)
        if (argument >>= frame_)
            break;
}

uno::Reference<frame::XDispatch> RelanceDispatch::queryDispatch(const util::URL& url,
                                                                const OUString&, sal_Int32)
{
    if (url.Protocol == OUString::createFromAscii(kProtocol))
        return this;
    return {};
}

uno::Sequence<uno::Reference<frame::XDispatch>>
RelanceDispatch::queryDispatches(const uno::Sequence<frame::DispatchDescriptor>& requests)
{
    uno::Sequence<uno::Reference<frame::XDispatch>> result(requests.getLength());
    for (sal_Int32 i = 0; i < requests.getLength(); ++i)
        result.getArray()[i] =
            queryDispatch(requests[i].FeatureURL, requests[i].FrameName, requests[i].SearchFlags);
    return result;
}

void RelanceDispatch::dispatch(const util::URL& url,
                               const uno::Sequence<beans::PropertyValue>& arguments)
{
    dispatchWithNotification(url, arguments, nullptr);
}

void RelanceDispatch::dispatchWithNotification(
    const util::URL& url, const uno::Sequence<beans::PropertyValue>& arguments,
    const uno::Reference<frame::XDispatchResultListener>& listener)
{
    const uno::Reference<uno::XInterface> self = static_cast<cppu::OWeakObject*>(this);
    // Failures are told in the command's language: the office's, or its Language argument.
    Language language = officeUiLanguage(context_).value_or(Language::French);
    const auto fail = [&](const OUString& message)
    {
        notify(listener, self, frame::DispatchResultState::FAILURE, message);
        if (!listener.is())
            showMessage(context_, frame_, message);
    };
    // A menu command must never throw into the office: every failure becomes a message.
    try
    {
        if (!frame_.is())
            throw InputError("no document window");
        const uno::Reference<frame::XModel> document = frame_->getController()->getModel();
        uno::Reference<task::XStatusIndicator> progress;
        if (const uno::Reference<task::XStatusIndicatorFactory> factory(frame_, uno::UNO_QUERY);
            factory.is())
            progress = factory->createStatusIndicator();
        const Arguments parsed = parseArguments(arguments, context_);
        language = parsed.request.language;
        if (url.Path == "convertLedger")
        {
            LedgerConverter converter(context_, document, progress);
            if (parsed.silent)
            {
                ConversionRequest request = parsed.request;
                if (request.header)
                {
                    // The header row is a sheet row; the grid starts at the used area's top.
                    std::size_t firstSheetRow = 1;
                    converter.readSource(request, firstSheetRow);
                    if (request.header->headerRow + 1 < firstSheetRow)
                        throw InputError("HeaderRow: above the source data");
                    request.header->headerRow -= firstSheetRow - 1;
                }
                const ConversionReport report = converter.convert(request);
                notify(listener, self, frame::DispatchResultState::SUCCESS,
                       fromUtf8(report.summary(request.language, true)));
            }
            else
            {
                const OUString message =
                    runConversionDialog(context_, frame_, converter, parsed.request);
                notify(listener, self, frame::DispatchResultState::SUCCESS, message);
            }
            return;
        }
        if (url.Path == "generateReminders")
        {
            ReminderGenerator generator(context_, document, progress);
            ReminderRequest request = reminderRequest(arguments, parsed.request.language);
            if (parsed.silent && request.planOnly)
                notify(listener, self, frame::DispatchResultState::SUCCESS,
                       fromUtf8(planSummary(generator.plan(request), request.language)));
            else if (parsed.silent)
            {
                const ReminderReport report = generator.generate(request);
                notify(listener, self, frame::DispatchResultState::SUCCESS,
                       fromUtf8(report.summary(request.language)));
            }
            else
                notify(listener, self, frame::DispatchResultState::SUCCESS,
                       runReminderDialog(context_, frame_, generator, request));
            return;
        }
        if (url.Path == "litigationFile")
        {
            // Customer, AsOf, OutputDir, Language.
            LitigationFileBuilder builder(context_, document, progress);
            LitigationRequest request;
            request.language = parsed.request.language;
            request.asOf = parsed.request.asOf;
            for (const beans::PropertyValue& argument : arguments)
            {
                OUString value;
                argument.Value >>= value;
                if (argument.Name == "Customer")
                    request.customer = toUtf8(value.trim());
                else if (argument.Name == "OutputDir")
                    request.outputDir = toUtf8(value.trim());
            }
            if (parsed.silent)
                notify(listener, self, frame::DispatchResultState::SUCCESS,
                       fromUtf8(builder.build(request).summary(request.language)));
            else
                notify(listener, self, frame::DispatchResultState::SUCCESS,
                       runLitigationDialog(context_, frame_, builder, request));
            return;
        }
        if (url.Path == "importFec")
        {
            // File (a path or file:// URL), AsOf, DefaultTerms, Language.
            FecImporter importer(context_, document, progress);
            FecImportRequest request;
            request.language = parsed.request.language;
            request.asOf = parsed.request.asOf;
            for (const beans::PropertyValue& argument : arguments)
            {
                OUString value;
                argument.Value >>= value;
                if (argument.Name == "File")
                    request.file = toUtf8(value.trim());
                else if (argument.Name == "DefaultTerms" && !value.trim().isEmpty())
                    request.defaultTerms = toUtf8(value.trim());
            }
            if (parsed.silent)
                notify(listener, self, frame::DispatchResultState::SUCCESS,
                       fromUtf8(importer.import(request)));
            else
                notify(listener, self, frame::DispatchResultState::SUCCESS,
                       runFecDialog(context_, frame_, importer, request));
            return;
        }
        if (url.Path == "statement")
        {
            ReminderGenerator generator(context_, document, progress);
            const ReminderRequest request = reminderRequest(arguments, parsed.request.language);
            std::string customer;
            for (const beans::PropertyValue& argument : arguments)
                if (argument.Name == "Customer")
                {
                    OUString name;
                    argument.Value >>= name;
                    customer = toUtf8(name.trim());
                }
            const std::vector<std::string> files = generator.statements(request, customer);
            const bool fr = request.language == Language::French;
            const OUString message = fromUtf8(
                std::to_string(files.size()) +
                (fr ? " relevé(s) de compte : " : " statement(s) of account: ") +
                (files.empty() ? std::string() : fs::path(files.front()).parent_path().string()));
            notify(listener, self, frame::DispatchResultState::SUCCESS, message);
            if (!parsed.silent)
                showMessage(context_, frame_, message);
            return;
        }
        throw InputError("unknown command " + toUtf8(url.Complete));
    }
    catch (const InputError& error)
    {
        fail(fromUtf8(error.message(language)));
    }
    catch (const uno::Exception& error)
    {
        fail(error.Message);
    }
    catch (const std::exception& error)
    {
        fail(fromUtf8(error.what()));
    }
    catch (...)
    {
        fail(unexpectedFailure(language));
    }
}

OUString RelanceDispatch::getImplementationName()
{
    return OUString::createFromAscii(kDispatchImplementationName);
}

sal_Bool RelanceDispatch::supportsService(const OUString& serviceName)
{
    return cppu::supportsService(this, serviceName);
}

uno::Sequence<OUString> RelanceDispatch::getSupportedServiceNames()
{
    return supportedServiceNames();
}

uno::Sequence<OUString> RelanceDispatch::supportedServiceNames()
{
    return sequenceOf<OUString>({"com.sun.star.frame.ProtocolHandler"});
}

} // namespace relance::addin
