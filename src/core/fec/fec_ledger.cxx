#include "core/fec/fec_ledger.hxx"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

#include "core/common/input_error.hxx"
#include "core/common/text_fold.hxx"
#include "core/ledger/ledger_preview.hxx"

namespace relance
{
namespace
{

// 411 customers, and 416 the doubtful ones, whose debt is still owed.
bool isCustomerAccount(const std::string& account)
{
    return account.rfind("411", 0) == 0 || account.rfind("416", 0) == 0;
}

// The customer a 411 line belongs to: its auxiliary account when the books keep one 411000
// for every customer, else its own 411XXX account.
std::string customerKey(const FecLine& line)
{
    return line.auxAccount.empty() ? line.account : line.auxAccount;
}

std::string customerName(const FecLine& line)
{
    if (!line.auxAccount.empty())
        return line.auxLabel.empty() ? line.auxAccount : line.auxLabel;
    return line.accountLabel.empty() ? line.account : line.accountLabel;
}

struct Piece // an invoice or credit note being built, and the lines it came from
{
    ImportedInvoice invoice;
    std::string customerKey;
    Cents open = 0; // what lettering has not yet offset (positive: owed by the customer)
};

} // namespace

FecLedger ledgerFromFec(const FecFile& file, const FecLedgerOptions& options)
{
    FecLedger ledger;
    DayNumber last = 0;
    bool anyCustomer = false;
    for (const FecLine& line : file.lines)
    {
        last = std::max(last, line.entryDate);
        anyCustomer = anyCustomer || isCustomerAccount(line.account);
    }
    if (!anyCustomer)
        throw InputError("the FEC has no line on a customer account (411…): nothing to track",
                         "le FEC n'a aucune ligne sur un compte client (411…) : aucune créance "
                         "à suivre");
    ledger.asOf = options.asOf.value_or(options.closingDate.value_or(last));

    std::optional<PaymentTerms> defaultTerms;
    if (options.defaultTerms && !options.defaultTerms->empty())
        defaultTerms = parsePaymentTerms(*options.defaultTerms); // throws, naming the text
    std::map<std::string, std::optional<PaymentTerms>> customerTerms;
    for (const auto& [customer, text] : options.customerTerms)
    {
        try
        {
            customerTerms[customer] = parsePaymentTerms(text);
        }
        catch (const InputError&)
        {
            ledger.unreadableTerms.push_back(customer + " : " + text);
        }
    }

    // Entries with a sales line (7…): a credit on 411 there is a credit note, not money in.
    std::set<std::pair<std::string, std::string>> salesEntries;
    for (const FecLine& line : file.lines)
        if (!line.account.empty() && line.account.front() == '7')
            salesEntries.insert({line.journalCode, line.entryNumber});

    // Entries that only move a customer's debt between its accounts (411 to 416, doubtful):
    // the debt is the same, neither an invoice nor a payment.
    std::set<std::pair<std::string, std::string>> transfers;
    {
        std::map<std::pair<std::string, std::string>, std::map<std::string, Cents>> net;
        std::map<std::pair<std::string, std::string>, std::pair<bool, std::size_t>> shape;
        for (const FecLine& line : file.lines)
        {
            const auto entry = std::make_pair(line.journalCode, line.entryNumber);
            const bool customer = isCustomerAccount(line.account);
            auto& [onlyCustomers, lines] = shape.try_emplace(entry, true, 0).first->second;
            onlyCustomers = onlyCustomers && customer;
            ++lines;
            if (customer)
                net[entry][foldText(customerName(line))] += line.debit - line.credit;
        }
        for (const auto& [entry, customers] : net)
        {
            const auto& [onlyCustomers, lines] = shape[entry];
            bool zero = onlyCustomers && lines >= 2;
            for (const auto& [name, amount] : customers)
                zero = zero && amount == 0;
            if (zero)
                transfers.insert(entry);
        }
    }

    std::vector<Piece> pieces;
    std::map<std::tuple<std::string, std::string, DayNumber, bool>, std::size_t> pieceOf;
    struct Credit
    {
        const FecLine* line;
        Cents amount;
    };
    std::vector<Credit> payments;
    // Lettering groups: per customer and code, the pieces and payments it offsets.
    struct Group
    {
        std::vector<std::size_t> pieces;   // indexes into `pieces`
        std::vector<std::size_t> payments; // indexes into `payments`
    };
    std::map<std::pair<std::string, std::string>, Group> groups;

    for (const FecLine& line : file.lines)
    {
        if (!isCustomerAccount(line.account))
            continue;
        if (line.entryDate > ledger.asOf)
        {
            ++ledger.laterLines;
            continue;
        }
        ++ledger.customerLines;
        ledger.fecBalance += line.debit - line.credit;
        if (transfers.count({line.journalCode, line.entryNumber}))
        {
            ++ledger.transferLines;
            continue;
        }
        const bool lettered =
            !line.lettering.empty() && (!line.letteringDate || *line.letteringDate <= ledger.asOf);
        const bool creditNote =
            line.credit > 0 && salesEntries.count({line.journalCode, line.entryNumber}) > 0;
        if (line.debit > 0 || creditNote)
        {
            const Cents amount = line.debit > 0 ? line.debit : -line.credit;
            const DayNumber date = line.pieceDate.value_or(line.entryDate);
            std::string number = line.pieceRef;
            if (number.empty())
                number = line.journalCode + "-" + line.entryNumber;
            const auto key = std::make_tuple(customerKey(line), foldText(number), date, creditNote);
            auto found = pieceOf.find(key);
            if (found == pieceOf.end())
            {
                Piece piece;
                piece.customerKey = customerKey(line);
                piece.invoice.sourceRow = line.line - 1;
                piece.invoice.number = number;
                piece.invoice.customer = customerName(line);
                piece.invoice.invoiceDate = date;
                piece.invoice.amountInclVat = 0;
                piece.invoice.notes = line.label;
                found = pieceOf.emplace(key, pieces.size()).first;
                pieces.push_back(std::move(piece));
            }
            Piece& piece = pieces[found->second];
            *piece.invoice.amountInclVat += amount;
            piece.open += amount;
            if (lettered)
            {
                auto& members = groups[{customerKey(line), line.lettering}].pieces;
                if (std::find(members.begin(), members.end(), found->second) == members.end())
                    members.push_back(found->second);
            }
        }
        else if (line.credit > 0)
        {
            if (lettered)
                groups[{customerKey(line), line.lettering}].payments.push_back(payments.size());
            payments.push_back({&line, line.credit});
        }
    }

    // Terms and due dates.
    for (Piece& piece : pieces)
    {
        ImportedInvoice& invoice = piece.invoice;
        if (*invoice.amountInclVat < 0)
            continue; // a credit note falls due on nothing
        const auto terms = customerTerms.find(foldText(invoice.customer));
        std::optional<PaymentTerms> chosen = defaultTerms;
        if (terms != customerTerms.end() && terms->second)
        {
            chosen = terms->second;
            invoice.terms = options.customerTerms.at(terms->first);
        }
        else if (defaultTerms)
            invoice.terms = *options.defaultTerms;
        if (chosen)
            invoice.dueDate = dueDate(*invoice.invoiceDate, *chosen, options.reading);
        else
            ++ledger.withoutTerms;
    }

    // Each lettering offsets its own lines: credit notes first, then payments by date, to the
    // group's invoices oldest first. What a partial lettering leaves stays open; a payment
    // lettered beyond its invoices keeps the rest, allocated like an unlettered one.
    std::vector<Cents> paymentLeft;
    for (const Credit& credit : payments)
        paymentLeft.push_back(credit.amount);
    for (auto& [key, group] : groups)
    {
        ++ledger.letteredGroups;
        std::vector<std::size_t> invoices, creditNotes;
        for (const std::size_t p : group.pieces)
            (*pieces[p].invoice.amountInclVat < 0 ? creditNotes : invoices).push_back(p);
        auto byDate = [&](std::size_t a, std::size_t b)
        {
            return std::tie(*pieces[a].invoice.invoiceDate, pieces[a].invoice.sourceRow) <
                   std::tie(*pieces[b].invoice.invoiceDate, pieces[b].invoice.sourceRow);
        };
        std::sort(invoices.begin(), invoices.end(), byDate);
        std::sort(creditNotes.begin(), creditNotes.end(), byDate);
        std::sort(group.payments.begin(), group.payments.end(),
                  [&](std::size_t a, std::size_t b)
                  {
                      return std::tie(payments[a].line->entryDate, payments[a].line->line) <
                             std::tie(payments[b].line->entryDate, payments[b].line->line);
                  });
        auto settle = [&](Cents& available, DayNumber date, auto&& onPart)
        {
            for (const std::size_t i : invoices)
            {
                Piece& invoice = pieces[i];
                if (available <= 0)
                    return;
                const Cents part = std::min(available, invoice.open);
                if (part <= 0)
                    continue;
                invoice.open -= part;
                available -= part;
                invoice.invoice.payments.push_back({date, part});
                onPart(invoice, part);
            }
        };
        for (const std::size_t c : creditNotes)
        {
            Piece& note = pieces[c];
            Cents available = -note.open;
            const Cents before = available;
            settle(available, *note.invoice.invoiceDate, [](Piece&, Cents) {});
            note.open += before - available;
        }
        for (const std::size_t p : group.payments)
            settle(paymentLeft[p], payments[p].line->entryDate, [](Piece&, Cents) {});
        bool partial = false;
        for (const std::size_t i : invoices)
            partial = partial || pieces[i].open > 0;
        ledger.partialGroups += partial;
    }

    for (Piece& piece : pieces)
    {
        ImportedInvoice& invoice = piece.invoice;
        if (*invoice.amountInclVat < 0)
        {
            // A credit note: how much of it the lettering set against invoices.
            const Cents netted = *invoice.amountInclVat - piece.open;
            if (netted != 0)
                invoice.paidAmount = netted;
            continue;
        }
        Cents paid = 0;
        for (const SourcePayment& payment : invoice.payments)
        {
            paid += payment.amount;
            invoice.paymentDate = std::max(invoice.paymentDate.value_or(payment.date.value_or(0)),
                                           payment.date.value_or(0));
        }
        if (paid != 0)
            invoice.paidAmount = paid;
        // One lettered payment is the plain paid amount and date; several stay a series.
        if (invoice.payments.size() == 1)
            invoice.payments.clear();
        ledger.invoices.push_back(invoice);
    }
    for (Piece& piece : pieces)
        if (*piece.invoice.amountInclVat < 0)
            ledger.invoices.push_back(piece.invoice);
    std::stable_sort(ledger.invoices.begin(), ledger.invoices.end(),
                     [](const ImportedInvoice& a, const ImportedInvoice& b)
                     { return a.sourceRow < b.sourceRow; });
    for (std::size_t p = 0; p < payments.size(); ++p)
        if (paymentLeft[p] > 0)
            ledger.loosePayments.push_back({payments[p].line->entryDate,
                                            customerName(*payments[p].line), paymentLeft[p],
                                            payments[p].line->pieceRef});

    // The check the preview shows: the ledger's outstanding, allocated as the Writer will.
    std::vector<PaymentEntry> all = paymentsFromSource(ledger.invoices);
    all.insert(all.end(), ledger.loosePayments.begin(), ledger.loosePayments.end());
    const Allocation allocation = allocatePayments(ledger.invoices, all);
    for (std::size_t i = 0; i < ledger.invoices.size(); ++i)
    {
        const ImportedInvoice& invoice = ledger.invoices[i];
        ledger.ledgerOutstanding += isCreditNote(invoice)
                                        ? *invoice.amountInclVat - invoice.paidAmount.value_or(0)
                                        : *invoice.amountInclVat - allocation.paid[i];
    }
    for (const Cents left : allocation.unallocated)
        ledger.unallocated += left;
    return ledger;
}

std::optional<DayNumber> fecClosingDate(std::string_view fileName)
{
    const std::size_t slash = fileName.find_last_of("/\\");
    if (slash != std::string_view::npos)
        fileName.remove_prefix(slash + 1);
    const std::size_t at = fileName.find("FEC");
    if (at == std::string_view::npos || fileName.size() < at + 11)
        return std::nullopt;
    return parseFecDate(fileName.substr(at + 3, 8));
}

std::string describeFecImport(const FecFile& file, const FecLedger& ledger, Language language,
                              std::size_t maxProblems)
{
    const bool fr = language == Language::French;
    std::size_t creditNotes = 0, paid = 0;
    for (const ImportedInvoice& invoice : ledger.invoices)
    {
        creditNotes += isCreditNote(invoice);
        paid += !isCreditNote(invoice) && invoice.paidAmount.value_or(0) > 0;
    }
    const std::size_t invoices = ledger.invoices.size() - creditNotes;
    std::string text;
    text +=
        fr ? "FEC (" + std::string(file.encoding == FecEncoding::Utf8 ? "UTF-8" : "ISO-8859-15") +
                 ", séparateur " + (file.separator == '\t' ? "tabulation" : "« | »") +
                 ") : " + std::to_string(file.lineCount) + " lignes d'écritures, " +
                 std::to_string(file.problems.size()) + " illisible(s) ; " +
                 std::to_string(ledger.customerLines) +
                 " lignes de comptes clients (411, 416) au " + formatDate(ledger.asOf, language)
           : "FEC (" + std::string(file.encoding == FecEncoding::Utf8 ? "UTF-8" : "ISO-8859-15") +
                 ", " + (file.separator == '\t' ? "tab" : "'|'") +
                 " separated): " + std::to_string(file.lineCount) + " entry lines, " +
                 std::to_string(file.problems.size()) + " unreadable; " +
                 std::to_string(ledger.customerLines) + " customer account (411, 416) lines to " +
                 formatDate(ledger.asOf, language);
    if (ledger.transferLines > 0)
        text += fr ? " (dont " + std::to_string(ledger.transferLines) +
                         " de reclassement en clients douteux 416, sans effet sur la dette)"
                   : " (of which " + std::to_string(ledger.transferLines) +
                         " moving debts to doubtful customers, 416, which changes no debt)";
    if (ledger.laterLines > 0)
        text += fr ? " (" + std::to_string(ledger.laterLines) + " postérieures laissées de côté)"
                   : " (" + std::to_string(ledger.laterLines) + " later ones left out)";
    text += ".\n";
    text += fr ? std::to_string(invoices) + " facture(s), " + std::to_string(creditNotes) +
                     " avoir(s), " + std::to_string(paid) +
                     " facture(s) réglée(s) en tout ou partie ; " +
                     std::to_string(ledger.letteredGroups) + " lettrage(s) dont " +
                     std::to_string(ledger.partialGroups) + " partiel(s) ; " +
                     std::to_string(ledger.loosePayments.size()) +
                     " règlement(s) non lettré(s), affecté(s) aux factures les plus anciennes.\n"
               : std::to_string(invoices) + " invoice(s), " + std::to_string(creditNotes) +
                     " credit note(s), " + std::to_string(paid) +
                     " invoice(s) paid in full or in part; " +
                     std::to_string(ledger.letteredGroups) + " lettering code(s), " +
                     std::to_string(ledger.partialGroups) + " partial; " +
                     std::to_string(ledger.loosePayments.size()) +
                     " unlettered payment(s), allocated to the oldest invoices.\n";
    text += fr ? "Échéances : le FEC n'en contient pas ; elles viennent des conditions de chaque "
                 "client (feuille Clients), sinon des conditions par défaut"
               : "Due dates: the FEC holds none; they come from each customer's terms (Customers "
                 "sheet), else the default terms";
    if (ledger.withoutTerms > 0)
        text += fr ? " — " + std::to_string(ledger.withoutTerms) +
                         " facture(s) sans conditions : donnez des conditions par défaut, sans "
                         "quoi elles ne seront ni datées ni relancées"
                   : " — " + std::to_string(ledger.withoutTerms) +
                         " invoice(s) without terms: give default terms, else they are neither "
                         "dated nor chased";
    text += ".\n";
    for (const std::string& terms : ledger.unreadableTerms)
        text += (fr ? "Conditions illisibles, remplacées par celles par défaut : "
                    : "Unreadable terms, the default used instead: ") +
                terms + "\n";
    const bool equal = ledger.fecBalance == ledger.ledgerOutstanding;
    text += fr ? "Solde des comptes clients (411, 416) au " + formatDate(ledger.asOf, language) +
                     " : " + formatMoney(ledger.fecBalance, language) +
                     (equal ? " = encours du registre."
                            : " ; encours du registre : " +
                                  formatMoney(ledger.ledgerOutstanding, language) + ".")
               : "Balance of the customer accounts (411, 416) on " +
                     formatDate(ledger.asOf, language) + ": " +
                     formatMoney(ledger.fecBalance, language) +
                     (equal ? " = the ledger's outstanding."
                            : "; the ledger's outstanding: " +
                                  formatMoney(ledger.ledgerOutstanding, language) + ".");
    if (ledger.unallocated != 0)
        text += fr ? " Écart : " + formatMoney(ledger.unallocated, language) +
                         " de règlements sans facture ouverte à solder (acomptes ou trop-perçus), "
                         "visibles dans la feuille Règlements, colonne « Non affecté »."
                   : " Difference: " + formatMoney(ledger.unallocated, language) +
                         " of payments with no open invoice to settle (advances or overpayments), "
                         "shown in the Payments sheet, column \"Unallocated\".";
    text += "\n";
    for (std::size_t i = 0; i < file.problems.size() && i < maxProblems; ++i)
        text += describe(file.problems[i], language) + "\n";
    if (file.problems.size() > maxProblems)
        text += fr ? "… et " + std::to_string(file.problems.size() - maxProblems) + " autre(s).\n"
                   : "… and " + std::to_string(file.problems.size() - maxProblems) + " more.\n";
    if (!text.empty() && text.back() == '\n')
        text.pop_back();
    return text;
}

} // namespace relance
