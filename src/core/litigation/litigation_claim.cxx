#include "core/litigation/litigation_claim.hxx"

#include <algorithm>
#include <set>

#include "core/common/input_error.hxx"
#include "core/common/text_fold.hxx"
#include "core/ledger/ledger_preview.hxx"

namespace relance
{
namespace
{

std::string levelTitle(int level, Language language)
{
    return levelName(static_cast<ReminderLevel>(std::clamp(level, 0, 3)), language);
}

std::string baseName(const std::string& path)
{
    const std::size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

} // namespace

std::string sirenDigits(std::string_view text)
{
    std::string digits;
    for (const char c : text)
    {
        if (c >= '0' && c <= '9')
            digits += c;
        else if (c != ' ' && c != '.' && c != '-' && static_cast<unsigned char>(c) < 0x80)
            return {};
        else if (static_cast<unsigned char>(c) >= 0x80 && c != '\xC2' && c != '\xA0')
            return {}; // only no-break spaces among non-ASCII bytes
    }
    return digits.size() == 9 || digits.size() == 14 ? digits : std::string();
}

bool hasValidCheckDigit(std::string_view digits)
{
    if (digits.size() == 14 && digits.substr(0, 9) == "356000000")
    {
        int sum = 0;
        for (const char c : digits)
            sum += c - '0';
        return sum % 5 == 0;
    }
    int sum = 0;
    for (std::size_t i = 0; i < digits.size(); ++i)
    {
        int digit = digits[digits.size() - 1 - i] - '0';
        if (i % 2 == 1)
            digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
        sum += digit;
    }
    return sum % 10 == 0;
}

bool LogRecord::failed() const
{
    const std::string folded = foldText(state);
    return folded.rfind("echec", 0) == 0 || folded.rfind("failed", 0) == 0;
}

LitigationClaim buildLitigationClaim(const LitigationInput& input, Language language,
                                     const RateTable& ecb)
{
    const bool fr = language == Language::French;
    const std::string key = foldText(input.customer);
    LitigationClaim claim;
    claim.asOf = input.asOf;
    claim.contractualRate = input.policy.contractualRate;
    const auto customer =
        std::find_if(input.customers.begin(), input.customers.end(),
                     [&](const ReminderCustomer& c) { return foldText(c.name) == key; });
    if (customer == input.customers.end())
        throw InputError("no customer \"" + input.customer + "\" in the ledger's Customers sheet",
                         "aucun client « " + input.customer +
                             " » dans la feuille Clients du registre");
    claim.customer = *customer;
    // Identity first: an injonction against a trade name can fail.
    if (customer->legalName.empty())
        throw InputError("the litigation file is not built: " + customer->name +
                             " has no legal name (dénomination sociale) in the Customers sheet; "
                             "type it as on its Kbis, since a claim against a trade name can fail",
                         "dossier de contentieux non constitué : " + customer->name +
                             " n'a pas de raison sociale dans la feuille Clients ; saisissez-la "
                             "telle qu'elle figure sur son Kbis, car une requête contre un nom "
                             "commercial peut échouer");
    claim.siren = sirenDigits(customer->siren);
    if (customer->siren.empty() || claim.siren.empty())
        throw InputError(
            "the litigation file is not built: " + customer->name +
                (customer->siren.empty()
                     ? " has no SIREN"
                     : " has a SIREN of neither 9 nor 14 digits (\"" + customer->siren + "\")") +
                " in the Customers sheet; find it on annuaire-entreprises.data.gouv.fr",
            "dossier de contentieux non constitué : " + customer->name +
                (customer->siren.empty()
                     ? " n'a pas de SIREN"
                     : " a un SIREN qui n'a ni 9 ni 14 chiffres (« " + customer->siren + " »)") +
                " dans la feuille Clients ; il se trouve sur annuaire-entreprises.data.gouv.fr");
    if (!hasValidCheckDigit(claim.siren))
        claim.warnings.push_back(
            fr ? "Le SIREN " + claim.siren +
                     " a une clé de contrôle (Luhn) fausse : vérifiez-le sur le Kbis avant de "
                     "déposer la requête."
               : "SIREN " + claim.siren +
                     " has a wrong check digit (Luhn): check it on the Kbis before filing.");
    claim.siren = claim.siren.substr(0, 9);

    std::set<std::string> terms;
    for (std::size_t i = 0; i < input.invoices.size(); ++i)
    {
        const ReminderInvoice& invoice = input.invoices[i];
        if (foldText(invoice.customer) != key || invoice.balance == 0)
            continue;
        if (invoice.balance < 0)
        {
            claim.openCreditNotes.push_back(invoice);
            claim.principal += invoice.balance;
            continue;
        }
        if (invoice.disputed)
        {
            claim.notClaimed.push_back(
                {invoice.number, invoice.balance,
                 fr ? "contestée (litige) : à régler à part" : "disputed: to be settled apart"});
            continue;
        }
        if (invoice.dueDate >= input.asOf)
        {
            claim.notClaimed.push_back({invoice.number, invoice.balance,
                                        fr ? "non échue au " + formatDate(input.asOf, language)
                                           : "not due on " + formatDate(input.asOf, language)});
            continue;
        }
        ClaimLine line;
        line.invoice = invoice;
        line.terms = i < input.terms.size() ? input.terms[i] : std::string();
        line.daysLate = input.asOf - invoice.dueDate;
        if (input.policy.contractualRate)
            line.penalty = contractualPenalty(invoice.balance, invoice.dueDate, input.asOf,
                                              *input.policy.contractualRate);
        else
            line.penalty = statutoryPenalty(invoice.balance, invoice.dueDate, input.asOf, ecb);
        line.indemnity = recoveryIndemnity(line.daysLate);
        DayNumber from = invoice.dueDate + 1;
        for (const PenaltySegment& segment : line.penalty.segments)
        {
            ClaimLine::Period period;
            period.segment = segment;
            period.from = from;
            period.to = from + segment.days - 1;
            // Each half-year's share rounded, the last one taking what makes them add up to the
            // total, which is rounded once.
            period.amount =
                divideRounded(static_cast<__int128>(invoice.balance) * segment.rate * segment.days,
                              static_cast<__int128>(1'000'000) * 365);
            from = period.to + 1;
            line.periods.push_back(period);
        }
        if (!line.periods.empty())
        {
            Cents others = 0;
            for (std::size_t p = 0; p + 1 < line.periods.size(); ++p)
                others += line.periods[p].amount;
            line.periods.back().amount = line.penalty.amount - others;
        }
        if (!line.terms.empty())
            terms.insert(line.terms);
        claim.principal += invoice.balance;
        claim.penalties += line.penalty.amount;
        claim.indemnities += line.indemnity;
        claim.lines.push_back(std::move(line));
    }
    if (claim.lines.empty())
        throw InputError(input.customer + " owes nothing due on " + toIsoString(input.asOf) +
                             ": there is no claim to file",
                         input.customer + " ne doit rien d'échu au " +
                             formatDate(input.asOf, language) + " : aucune créance à réclamer");
    claim.terms.assign(terms.begin(), terms.end());

    for (const LogRecord& record : input.log)
        if (foldText(record.customer) == key && !record.failed())
            claim.reminders.push_back(record);
    std::stable_sort(claim.reminders.begin(), claim.reminders.end(),
                     [](const LogRecord& a, const LogRecord& b) { return a.date < b.date; });
    for (const LogRecord& record : claim.reminders)
        if (record.level >= 3)
            claim.formalNotice = record;
    std::string noted;
    std::size_t notedCount = 0;
    for (const LogRecord& record : claim.reminders)
        if (record.file.empty())
        {
            ++notedCount;
            noted += (noted.empty() ? "" : ", ") + formatDate(record.date, language);
        }
    if (notedCount > 0)
        claim.warnings.push_back(
            fr ? std::to_string(notedCount) + " relance(s) au journal sans fichier (" + noted +
                     ") : pas de copie au dossier, joignez la vôtre si vous l'avez gardée."
               : std::to_string(notedCount) + " reminder(s) in the log without a file (" + noted +
                     "): no copy in the file, add yours if you kept one.");
    if (!claim.formalNotice)
        claim.warnings.push_back(
            fr ? "Aucune mise en demeure dans le journal des relances : les juges l'attendent "
                 "avant une injonction de payer (envoyez-la d'abord, en recommandé)."
               : "No formal notice in the reminder log: judges expect one before an injunction "
                 "to pay (send it first, by registered letter).");
    else
    {
        claim.deadline = claim.formalNotice->date + input.policy.deadlineDays;
        if (*claim.deadline >= input.asOf)
            claim.warnings.push_back(
                fr ? "Le délai de la mise en demeure du " +
                         formatDate(claim.formalNotice->date, language) + " court jusqu'au " +
                         formatDate(*claim.deadline, language) + " : attendez-le avant de déposer."
                   : "The formal notice of " + formatDate(claim.formalNotice->date, language) +
                         " runs until " + formatDate(*claim.deadline, language) +
                         ": wait for it before filing.");
    }
    return claim;
}

std::vector<LitigationCandidate> litigationCandidates(const LitigationInput& input)
{
    std::vector<LitigationCandidate> candidates;
    for (const ReminderCustomer& customer : input.customers)
    {
        const std::string key = foldText(customer.name);
        LitigationCandidate candidate;
        candidate.customer = customer.name;
        for (const ReminderInvoice& invoice : input.invoices)
            if (foldText(invoice.customer) == key && invoice.balance > 0 &&
                invoice.dueDate < input.asOf)
                candidate.overdue += invoice.balance;
        if (candidate.overdue <= 0)
            continue;
        for (const LogRecord& record : input.log)
            if (foldText(record.customer) == key && record.level >= 3 && !record.failed() &&
                (!candidate.formalNotice || record.date > *candidate.formalNotice))
                candidate.formalNotice = record.date;
        if (candidate.formalNotice)
        {
            candidate.deadline = *candidate.formalNotice + input.policy.deadlineDays;
            candidate.deadlinePassed = *candidate.deadline < input.asOf;
        }
        candidates.push_back(candidate);
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const LitigationCandidate& a, const LitigationCandidate& b)
                     {
                         if (a.deadlinePassed != b.deadlinePassed)
                             return a.deadlinePassed;
                         if (a.deadlinePassed && *a.formalNotice != *b.formalNotice)
                             return *a.formalNotice < *b.formalNotice;
                         return a.overdue > b.overdue;
                     });
    return candidates;
}

std::string describe(const LitigationCandidate& candidate, Language language)
{
    const bool fr = language == Language::French;
    std::string text = candidate.customer + " \u2014 " + formatMoney(candidate.overdue, language) +
                       (fr ? " échus" : " overdue");
    if (candidate.formalNotice)
        text += (fr ? " \u2014 mise en demeure du " : " \u2014 formal notice of ") +
                formatDate(*candidate.formalNotice, language) +
                (candidate.deadlinePassed ? (fr ? ", délai expiré le " : ", deadline passed on ")
                                          : (fr ? ", délai jusqu'au " : ", deadline ")) +
                formatDate(*candidate.deadline, language);
    else
        text += fr ? " \u2014 pas de mise en demeure" : " \u2014 no formal notice";
    return text;
}

std::vector<Exhibit> litigationExhibits(const LitigationClaim& claim, Language language,
                                        bool (*exists)(const std::string&))
{
    const bool fr = language == Language::French;
    const std::string asOf = formatDate(claim.asOf, language);
    std::vector<Exhibit> exhibits;
    auto add =
        [&](std::string title, std::string file, std::string source = {}, bool missing = false)
    {
        const int number = static_cast<int>(exhibits.size()) + 1;
        const std::string prefix = (number < 10 ? "0" : "") + std::to_string(number) + "-";
        exhibits.push_back({number, std::move(title), file.empty() ? file : prefix + file,
                            std::move(source), missing});
    };
    add(fr ? "Décompte de la créance au " + asOf : "Statement of the claim on " + asOf,
        fr ? "decompte-de-la-creance.pdf" : "statement-of-claim.pdf");
    add(fr ? "Relevé de compte au " + asOf : "Statement of account on " + asOf,
        fr ? "releve-de-compte.pdf" : "statement-of-account.pdf");
    add(fr ? "Liste des factures (tableur)" : "List of the invoices (spreadsheet)",
        fr ? "factures.ods" : "invoices.ods");
    for (const LogRecord& record : claim.reminders)
    {
        // A reminder the owner noted in the sheet has no file: the summary lists it, and the
        // warnings ask for the owner's own copy.
        if (record.file.empty())
            continue;
        std::string title = levelTitle(record.level, language) + (fr ? " du " : " of ") +
                            formatDate(record.date, language);
        if (!record.channel.empty())
            title += " (" + record.channel + ")";
        if (!exists(record.file))
        {
            add(title + (fr ? " \u2014 fichier introuvable : " : " \u2014 file not found: ") +
                    record.file,
                "", record.file, true);
            continue;
        }
        add(title, baseName(record.file), record.file);
        // An e-mail carries its letter: the PDF made with it joins the file too, readable
        // without a mail client.
        const std::size_t dot = record.file.rfind('.');
        if (dot != std::string::npos && record.file.substr(dot) == ".eml")
            if (const std::string pdf = record.file.substr(0, dot) + ".pdf"; exists(pdf))
                add(title + (fr ? ", la lettre jointe (PDF)" : ", the attached letter (PDF)"),
                    baseName(pdf), pdf);
    }
    add(fr ? "Extrait du journal des relances" : "Extract of the reminder log",
        fr ? "journal-des-relances.pdf" : "reminder-log.pdf");
    return exhibits;
}

} // namespace relance
