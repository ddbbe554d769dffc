// Reminder letters from the tracked ledger: reads Registre, Clients, Relances and Paramètres,
// plans who gets which level (core planReminders), fills the Writer templates, writes PDF (one
// per customer and one combined for printing), ODT and .eml files, and records every letter in
// the Relances log and on each invoice. The dialog and the silent command both end here.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "uno/common/uno_basics.hxx"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include "core/reminders/letter_fields.hxx"
#include "core/reminders/reminder_plan.hxx"

namespace relance::addin
{

struct ReminderRequest
{
    Language language = Language::French;
    std::optional<DayNumber> asOf; // empty: the dashboard's as-of date
    std::string outputDir;         // empty: "Relances" beside the document, else the temp dir
    bool pdf = true;
    bool odt = false;
    bool eml = false;
    bool send = false;    // through the SMTP server set in LibreOffice's mail merge options
    bool combined = true; // with pdf: one more PDF holding every letter, for printing
    bool force = false;   // regenerate what was already done today
    std::set<std::string> skipped;                      // customers the user unticked (folded)
    std::map<std::string, ReminderLevel> levelOverride; // by folded customer name
    // Customers never reminded start at the level of their lateness (ReminderInput).
    bool startFromLateness = false;
    bool planOnly = false; // the silent command's dry run: the plan told, nothing written
};

struct GeneratedLetter
{
    std::string customer;
    ReminderLevel level = ReminderLevel::First;
    std::string pdf, odt, eml; // paths written
    std::string problem;       // e.g. "no e-mail address": the letter exists, the e-mail does not
    bool sent = false;         // delivered to the SMTP server
    // To be sent, and the server did not take it (problem says why): logged as a failure, not
    // as a reminder, so that the next run sends it again.
    bool failed = false;
};

struct ReminderReport
{
    ReminderPlan plan;
    std::vector<GeneratedLetter> letters;
    std::string combinedPdf;
    bool stopped = false; // the user stopped the run: letters holds what was made and logged
    std::string summary(Language language) const;
};

// Asked before each letter, with the letters made so far and the customer next in line;
// returning false stops the run there. Every letter made is already in the log by then.
using LetterProgress =
    std::function<bool(std::size_t done, std::size_t total, const std::string& nextCustomer)>;

class ReminderGenerator
{
    ReminderReport run(const ReminderRequest& request, bool record, const LetterProgress& onLetter);

public:
    ReminderGenerator(css::uno::Reference<css::uno::XComponentContext> context,
                      css::uno::Reference<css::frame::XModel> document,
                      css::uno::Reference<css::task::XStatusIndicator> progress);

    // What would be sent, without writing anything (the dialog's list and preview).
    ReminderPlan plan(const ReminderRequest& request) const;
    // Whether the ledger or the log holds any reminder: without, the dialog proposes levels
    // from lateness.
    bool hasHistory(const ReminderRequest& request) const;

    // Throws InputError before writing anything when the ledger cannot be read. Each letter
    // is logged as soon as it is made, so a run that stops or fails midway leaves a log of
    // exactly what was made and sent.
    ReminderReport generate(const ReminderRequest& request, const LetterProgress& onLetter = {});

    // Writes the letters only, recording nothing (the dialog's preview).
    ReminderReport previewLetters(const ReminderRequest& request);

    // Statements of account ("relevés de compte"): every open invoice of one customer, or of
    // each customer with something due when `customer` is empty. Returns the PDFs written;
    // records nothing in the log.
    std::vector<std::string> statements(const ReminderRequest& request,
                                        const std::string& customer);

    // The dashboard's as-of date (DateSituation).
    DayNumber asOf() const;

private:
    css::uno::Reference<css::uno::XComponentContext> context_;
    css::uno::Reference<css::frame::XModel> document_;
    css::uno::Reference<css::task::XStatusIndicator> progress_;
};

// The dry run's answer: the letters that would go out by level, their total and the
// exclusions, saying that nothing was written.
std::string planSummary(const ReminderPlan& plan, Language language);

// A name safe for a file: letters and digits of the folded text, dashes between words.
std::string fileSafeName(std::string_view text);

} // namespace relance::addin
