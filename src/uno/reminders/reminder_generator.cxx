// The generator's runs, from the ledger read (reminder_reading.cxx) to the letters written
// (letter_writer.cxx): the plan, each letter's files and e-mail, its row in the Relances log
// and on its invoices; also the statements of account and the report's summary.
#include "uno/reminders/reminder_generator.hxx"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <osl/file.hxx>

#include "uno/functions/any_convert.hxx"
#include "core/mail/eml_message.hxx"
#include "core/common/input_error.hxx"
#include "uno/ledger/ledger_layout.hxx"
#include "core/ledger/ledger_model.hxx"
#include "core/ledger/ledger_preview.hxx"
#include "uno/mail/smtp_sender.hxx"
#include "core/common/text_fold.hxx"
#include "uno/reminders/reminder_generator_detail.hxx"

using namespace css;
namespace fs = std::filesystem;

namespace relance::addin
{
using namespace reminder_detail;

namespace
{

// The letters the user kept (the levels they chose are planned with the rest).
ReminderPlan applyChoices(ReminderPlan plan, const ReminderRequest& request)
{
    std::erase_if(plan.letters, [&](const CustomerReminder& letter)
                  { return request.skipped.count(foldText(letter.customer.name)) > 0; });
    return plan;
}

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The e-mail's text; the letter itself, and its enclosed statement when there is one, are
// in the attached PDF.
std::string emailBody(const LetterFields& fields, bool withStatement, Language language)
{
    const auto field = [&](const char* name)
    {
        const auto found = fields.fields.find(name);
        return found == fields.fields.end() ? std::string() : found->second;
    };
    if (language == Language::French)
        return "Bonjour,\n\nVeuillez trouver ci-joint notre courrier : " + field("objet") +
               (withStatement ? ", suivi du relevé de votre compte" : "") +
               ".\nMontant dû : " + field("total.general") + ", à régler avant le " +
               field("echeance_reglement") + ".\n\n" + field("mention.paiement_croise") +
               "\n\nCordialement,\n" + field("societe.nom") + "\n";
    return "Hello,\n\nPlease find attached our letter: " + field("objet") +
           (withStatement ? ", followed by the statement of your account" : "") +
           ".\nAmount due: " + field("total.general") + ", to be paid by " +
           field("echeance_reglement") + ".\n\n" + field("mention.paiement_croise") +
           "\n\nKind regards,\n" + field("societe.nom") + "\n";
}

// A letter's file name not taken yet in the day's folder: a run forced the same day, or two
// customers whose names make the same file name, never overwrite a letter the log points to.
std::string unusedBase(const fs::path& folder, const std::string& base)
{
    const auto taken = [&](const std::string& name)
    {
        for (const char* extension : {".pdf", ".odt", ".eml"})
            if (fs::exists(folder / (name + extension)))
                return true;
        return false;
    };
    std::string name = base;
    for (int n = 2; taken(name); ++n)
        name = base + "-" + std::to_string(n);
    return name;
}

} // namespace

std::string fileSafeName(std::string_view text)
{
    std::string name;
    for (const std::string& word : foldedWords(text))
    {
        std::string ascii;
        for (char c : word)
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                ascii.push_back(c);
        if (ascii.empty())
            continue;
        name += (name.empty() ? "" : "-") + ascii;
        if (name.size() > 60)
            break;
    }
    return name.empty() ? "client" : name;
}

std::string ReminderReport::summary(Language language) const
{
    const bool fr = language == Language::French;
    std::string text = fr ? std::to_string(letters.size()) + " relance(s) générée(s), " +
                                std::to_string(plan.excluded.size()) + " exclusion(s)."
                          : std::to_string(letters.size()) + " reminder(s) generated, " +
                                std::to_string(plan.excluded.size()) + " exclusion(s).";
    // How many of each level: what the run sent, at a glance.
    std::map<ReminderLevel, int> byLevel;
    for (const GeneratedLetter& letter : letters)
        ++byLevel[letter.level];
    std::string levels;
    for (const auto& [level, count] : byLevel)
        levels += (levels.empty() ? "" : ", ") + levelName(level, language) + (fr ? " : " : ": ") +
                  std::to_string(count);
    if (!levels.empty())
        text += "\n" + levels;
    if (stopped)
        text +=
            fr ? "\nArrêt demandé : " + std::to_string(plan.letters.size() - letters.size()) +
                     " relance(s) non produite(s) ni journalisée(s)."
               : "\nStopped on request: " + std::to_string(plan.letters.size() - letters.size()) +
                     " reminder(s) not made and not logged.";
    for (const GeneratedLetter& letter : letters)
        if (!letter.problem.empty())
            text += "\n" + letter.customer + " : " +
                    (letter.failed ? (fr ? "non envoyé : " : "not sent: ") : "") + letter.problem;
    // A formal notice not written for want of a rate is what the user must act on.
    for (const Exclusion& exclusion : plan.excluded)
        if (exclusion.reason == ExclusionReason::RateMissing)
            text += "\n" + describe(exclusion, language);
    return text;
}

std::string planSummary(const ReminderPlan& plan, Language language)
{
    const bool fr = language == Language::French;
    std::map<ReminderLevel, int> byLevel;
    Cents total = 0;
    for (const CustomerReminder& letter : plan.letters)
    {
        ++byLevel[letter.level];
        total += letter.total();
    }
    std::string text =
        (fr ? std::to_string(plan.letters.size()) + " relance(s) à envoyer, pour " +
                  formatMoney(total, language) + ", " + std::to_string(plan.excluded.size()) +
                  " exclusion(s). Rien n'a été écrit."
            : std::to_string(plan.letters.size()) + " reminder(s) to send, for " +
                  formatMoney(total, language) + ", " + std::to_string(plan.excluded.size()) +
                  " exclusion(s). Nothing was written.");
    std::string levels;
    for (const auto& [level, count] : byLevel)
        levels += (levels.empty() ? "" : ", ") + levelName(level, language) + (fr ? " : " : ": ") +
                  std::to_string(count);
    if (!levels.empty())
        text += "\n" + levels;
    return text;
}

ReminderGenerator::ReminderGenerator(uno::Reference<uno::XComponentContext> context,
                                     uno::Reference<frame::XModel> document,
                                     uno::Reference<task::XStatusIndicator> progress)
    : context_(std::move(context)), document_(std::move(document)), progress_(std::move(progress))
{
}

ReminderPlan ReminderGenerator::plan(const ReminderRequest& request) const
{
    const LedgerReader reader(document_);
    std::map<std::string, sal_Int32> rowOf;
    return applyChoices(
        planReminders(readInput(reader, request, rowOf), reader.policy(), reader.ecbRates()),
        request);
}

bool ReminderGenerator::hasHistory(const ReminderRequest& request) const
{
    const LedgerReader reader(document_);
    std::map<std::string, sal_Int32> rowOf;
    return hasReminderHistory(readInput(reader, request, rowOf));
}

std::vector<std::string> ReminderGenerator::statements(const ReminderRequest& request,
                                                       const std::string& customer)
{
    const LedgerReader reader(document_);
    std::map<std::string, sal_Int32> rowOf;
    const ReminderInput input = readInput(reader, request, rowOf);
    const SenderDetails sender = reader.sender();
    const bool fr = request.language == Language::French;

    // Every customer with something due, or the one asked for: all its open invoices.
    const std::vector<CustomerReminder> all = accountStatements(input, customer);
    if (!customer.empty() && all.empty())
        throw InputError(fr ? "aucune facture ouverte pour « " + customer + " »"
                            : "no open invoice for \"" + customer + "\"");

    fs::path out = request.outputDir.empty() ? fs::temp_directory_path() / "Relances"
                                             : fs::path(request.outputDir);
    out /= toIsoString(input.asOf);
    fs::create_directories(out);
    const TemplateFolder templates(context_, request.language, reader.templatesFolder());
    LetterWriter writer(context_, request.language, templates, false);
    std::vector<std::string> written;
    for (const CustomerReminder& statement : all)
    {
        const std::string base = std::string(statementTemplateName(request.language)) + "_" +
                                 fileSafeName(statement.customer.name);
        const fs::path pdf = out / (base + ".pdf");
        std::optional<fs::path> odt;
        if (request.odt)
            odt = out / (base + ".odt");
        writer.write(statement, letterFields(statement, sender, request.language), pdf, odt,
                     statementTemplateName(request.language));
        written.push_back(pdf.string());
    }
    return written;
}

DayNumber ReminderGenerator::asOf() const
{
    return LedgerReader(document_).asOf();
}

ReminderReport ReminderGenerator::generate(const ReminderRequest& request,
                                           const LetterProgress& onLetter)
{
    return run(request, true, onLetter);
}

ReminderReport ReminderGenerator::previewLetters(const ReminderRequest& request)
{
    return run(request, false, {});
}

ReminderReport ReminderGenerator::run(const ReminderRequest& request, bool record,
                                      const LetterProgress& onLetter)
{
    // Everything is read and planned before the first file or cell is written.
    const LedgerReader reader(document_);
    std::map<std::string, sal_Int32> rowOf;
    const ReminderInput input = readInput(reader, request, rowOf);
    ReminderReport report;
    const ReminderPolicy policy = reader.policy();
    report.plan = applyChoices(planReminders(input, policy, reader.ecbRates()), request);
    const SenderDetails sender = reader.sender();
    // Reminder 2 encloses the customer's statement of account: every statement is built at the
    // first such letter, in one pass over the invoices.
    std::optional<std::map<std::string, CustomerReminder>> statements;
    const auto enclosureFor =
        [&](const CustomerReminder& letter) -> std::optional<LetterWriter::Enclosure>
    {
        if (letter.level != ReminderLevel::Second || !policy.statementWithSecond)
            return std::nullopt;
        if (!statements)
        {
            statements.emplace();
            for (CustomerReminder& statement : accountStatements(input))
                statements->emplace(foldText(statement.customer.name), std::move(statement));
        }
        const auto found = statements->find(foldText(letter.customer.name));
        if (found == statements->end())
            return std::nullopt;
        return LetterWriter::Enclosure{statementTemplateName(request.language),
                                       letterFields(found->second, sender, request.language)};
    };

    fs::path out = request.outputDir;
    if (out.empty())
    {
        OUString path;
        const OUString url = document_->getURL();
        if (!url.isEmpty() &&
            osl::FileBase::getSystemPathFromFileURL(url, path) == osl::FileBase::E_None)
            out = fs::path(toUtf8(path)).parent_path() / "Relances";
        else
            out = fs::temp_directory_path() / "Relances";
    }
    out /= toIsoString(input.asOf);
    fs::create_directories(out);
    if (report.plan.letters.empty())
        return report;

    const TemplateFolder templates(context_, request.language, reader.templatesFolder());
    LetterWriter writer(context_, request.language, templates,
                        request.pdf && request.combined && record);
    const sal_Int32 total = static_cast<sal_Int32>(report.plan.letters.size());
    if (progress_.is())
        progress_->start(fromUtf8(request.language == Language::French ? "Relance : courriers"
                                                                       : "Relance: letters"),
                         total);
    // One SMTP connection for the whole batch, with the server set in LibreOffice's mail merge
    // options; a connection failure is recorded on every letter, which still exists as PDF.
    std::unique_ptr<SmtpSession> smtp;
    std::string smtpFailure;
    if (request.send && record)
        try
        {
            smtp = std::make_unique<SmtpSession>(context_, smtpSettingsFromOffice(context_));
        }
        catch (const InputError& error)
        {
            smtpFailure = error.what();
        }
    const bool fr = request.language == Language::French;

    // The proof log: one row per letter, written as soon as the letter exists (and its e-mail
    // left), with each invoice's last level and date.
    uno::Reference<sheet::XSpreadsheet> logSheet, ledger;
    sal_Int32 nextLogRow = 0;
    if (record)
    {
        logSheet = ledgerSheet(document_, LedgerSheet::Reminders, true);
        ledger = ledgerSheet(document_, LedgerSheet::Invoices, true);
        nextLogRow = static_cast<sal_Int32>(dataRows(logSheet, 9).getLength()) + 1;
    }
    const sal_Int32 levelColumn = static_cast<sal_Int32>(columnIndex(invoiceColumns(), "level"));
    const double today = static_cast<double>(input.asOf - reader.nullDate());
    const auto logLetter = [&](const CustomerReminder& letter, const GeneratedLetter& generated)
    {
        // A letter the server did not take is not a reminder: its invoices keep their level.
        std::string numbers;
        for (const ReminderLine& line : letter.invoices)
        {
            numbers += (numbers.empty() ? "" : ", ") + line.invoice.number;
            if (const auto found = rowOf.find(invoiceKey(line.invoice.number));
                !generated.failed && found != rowOf.end())
            {
                ledger->getCellByPosition(levelColumn, found->second)
                    ->setValue(static_cast<int>(letter.level));
                ledger->getCellByPosition(levelColumn + 1, found->second)->setValue(today);
            }
        }
        const std::string channel = generated.sent || generated.failed ? "E-mail (SMTP)"
                                    : request.eml && !generated.eml.empty()
                                        ? "E-mail (.eml)"
                                        : (fr ? "Courrier PDF" : "PDF letter");
        const std::string file = !generated.eml.empty()
                                     ? generated.eml
                                     : (!generated.pdf.empty() ? generated.pdf : generated.odt);
        // "Échec…" / "Failed…": the words by which the log's reader leaves the row out.
        const std::string state =
            generated.failed ? (fr ? "Échec de l'envoi : " : "Failed to send: ") + generated.problem
            : generated.sent            ? (fr ? "Envoyé" : "Sent")
            : generated.problem.empty() ? (fr ? "Généré" : "Generated")
                                        : (fr ? "Généré, " : "Generated, ") + generated.problem;
        const Grid row = sequenceOf<uno::Sequence<uno::Any>>({sequenceOf<uno::Any>(
            {uno::Any(today), uno::Any(fromUtf8(letter.customer.name)),
             uno::Any(static_cast<double>(static_cast<int>(letter.level))),
             uno::Any(fromUtf8(numbers)), uno::Any(eurosFromCents(letter.totalBalance)),
             uno::Any(eurosFromCents(letter.totalPenalties + letter.totalIndemnities)),
             uno::Any(fromUtf8(channel)), uno::Any(fromUtf8(file)), uno::Any(fromUtf8(state))})});
        uno::Reference<sheet::XCellRangeData>(
            logSheet->getCellRangeByPosition(0, nextLogRow, 8, nextLogRow), uno::UNO_QUERY_THROW)
            ->setDataArray(row);
        ++nextLogRow;
    };

    // The log and level cells change once per letter: Calc recalculates what depends on them
    // (the ledger's next actions, the customers' risk) once, at the end, not after each.
    const uno::Reference<sheet::XCalculatable> calculation(document_, uno::UNO_QUERY_THROW);
    const bool autoCalc = calculation->isAutomaticCalculationEnabled();
    if (record)
    {
        document_->lockControllers();
        calculation->enableAutomaticCalculation(false);
    }

    // Whatever happens: the calculation and the views as they were, the status bar freed, and
    // the PDFs made only for their e-mails removed.
    std::vector<fs::path> pdfs;
    const auto finish = [&]
    {
        if (record)
        {
            calculation->enableAutomaticCalculation(autoCalc);
            document_->unlockControllers();
        }
        std::error_code ignored;
        for (const fs::path& pdf : pdfs)
            fs::remove(pdf, ignored);
        if (progress_.is())
            progress_->end();
    };
    try
    {
        for (sal_Int32 i = 0; i < total; ++i)
        {
            const CustomerReminder& letter = report.plan.letters[static_cast<std::size_t>(i)];
            if (onLetter && !onLetter(static_cast<std::size_t>(i), static_cast<std::size_t>(total),
                                      letter.customer.name))
            {
                report.stopped = true;
                break;
            }
            const std::optional<LetterWriter::Enclosure> enclosure = enclosureFor(letter);
            const LetterFields fields =
                letterFields(letter, sender, request.language, enclosure.has_value());
            std::string base = fileSafeName(levelName(letter.level, request.language)) + "_" +
                               fileSafeName(letter.customer.name);
            if (record)
                base = unusedBase(out, base);
            GeneratedLetter generated;
            generated.customer = letter.customer.name;
            generated.level = letter.level;
            const fs::path pdf = out / (base + ".pdf");
            std::optional<fs::path> odt;
            if (request.odt)
                odt = out / (base + ".odt");
            pdfs.push_back(pdf);
            writer.write(letter, fields, pdf, odt, nullptr, enclosure);
            if (odt)
                generated.odt = odt->string();
            if (request.eml || (request.send && record))
            {
                try
                {
                    if (letter.customer.email.empty())
                        throw InputError(fr ? "pas d'adresse e-mail" : "no e-mail address");
                    EmailMessage message;
                    message.from = sender.email;
                    message.fromName = sender.name;
                    message.to = letter.customer.email;
                    message.toName = letter.customer.legalName.empty() ? letter.customer.name
                                                                       : letter.customer.legalName;
                    message.subject = fields.fields.at("objet");
                    message.bodyText = emailBody(fields, enclosure.has_value(), request.language);
                    message.date = input.asOf;
                    message.attachments.push_back(
                        {pdf.filename().string(), "application/pdf", readFile(pdf)});
                    if (request.eml)
                    {
                        const fs::path eml = out / (base + ".eml");
                        const std::string text = toEml(message); // validates before writing
                        std::ofstream(eml, std::ios::binary) << text;
                        generated.eml = eml.string();
                    }
                    if (request.send && record)
                    {
                        try
                        {
                            if (!smtpFailure.empty())
                                throw InputError(smtpFailure);
                            smtp->send(message);
                            generated.sent = true;
                        }
                        catch (const InputError& error)
                        {
                            generated.failed = true;
                            generated.problem = error.message(request.language);
                        }
                    }
                }
                catch (const InputError& error)
                {
                    // The letter exists; this e-mail does not.
                    generated.problem = error.message(request.language);
                }
            }
            // Beside the PDFs asked for, an e-mail's PDF stays unless its .eml (which holds it)
            // was written: a letter sent through the server keeps it as the proof of what was
            // sent, one whose e-mail could not be made keeps it as the letter to post.
            const bool emailAsked = request.eml || (request.send && record);
            if (request.pdf || (record && emailAsked && generated.eml.empty()))
            {
                generated.pdf = pdf.string();
                pdfs.pop_back();
            }
            if (record)
                logLetter(letter, generated);
            report.letters.push_back(std::move(generated));
            if (progress_.is())
                progress_->setValue(i + 1);
        }
        if (request.pdf && request.combined && record)
        {
            const fs::path combined =
                out / (unusedBase(out, fr ? "relances-a-imprimer" : "letters-to-print") + ".pdf");
            if (writer.storeCombined(combined))
                report.combinedPdf = combined.string();
        }
    }
    catch (...)
    {
        finish();
        throw;
    }
    finish();
    return report;
}

} // namespace relance::addin
