#include "core/reminders/letter_fields.hxx"

#include <algorithm>

#include "core/common/input_error.hxx"
#include "core/ledger/ledger_preview.hxx"

namespace relance
{
namespace
{

constexpr std::string_view kOpen = "{{";
constexpr std::string_view kClose = "}}";
constexpr std::size_t kMaxNameLength = 64;
constexpr const char* kNoBreakSpace = "\u00a0";

std::string dayCount(int days, Language language)
{
    if (language == Language::French)
        return std::to_string(days) + (days > 1 || days < -1 ? " jours" : " jour");
    return std::to_string(days) + (days == 1 || days == -1 ? " day" : " days");
}

} // namespace

// 121'500 ppm: "12,15 %" (French, no-break space) or "12.15%"; up to four decimals, at least two.
std::string formatRate(RatePpm rate, Language language)
{
    std::string decimals = std::to_string(rate % 10'000);
    decimals.insert(0, 4 - decimals.size(), '0');
    while (decimals.size() > 2 && decimals.back() == '0')
        decimals.pop_back();
    const std::string number =
        std::to_string(rate / 10'000) + (language == Language::French ? "," : ".") + decimals;
    return language == Language::French ? number + kNoBreakSpace + "%" : number + "%";
}

// The distinct rates of a penalty's half-years, in order: "12,15 % / 12 %".
std::string penaltyRates(const Penalty& penalty, Language language)
{
    std::vector<RatePpm> rates;
    for (const PenaltySegment& segment : penalty.segments)
        if (std::find(rates.begin(), rates.end(), segment.rate) == rates.end())
            rates.push_back(segment.rate);
    std::string text;
    for (const RatePpm rate : rates)
        text += (text.empty() ? "" : " / ") + formatRate(rate, language);
    return text;
}

namespace
{

std::string subject(const CustomerReminder& letter, Language language)
{
    const bool fr = language == Language::French;
    const bool several = letter.invoices.size() > 1;
    switch (letter.level)
    {
    case ReminderLevel::PreDue:
        return fr ? (several ? "Rappel : échéance prochaine de vos factures"
                             : "Rappel : échéance prochaine de votre facture")
                  : (several ? "Reminder: invoices falling due" : "Reminder: invoice falling due");
    case ReminderLevel::First:
    case ReminderLevel::Second:
    {
        const std::string number = std::to_string(static_cast<int>(letter.level));
        return fr ? "Relance n° " + number +
                        (several ? " : factures impayées" : " : facture impayée")
                  : "Reminder no. " + number + (several ? ": unpaid invoices" : ": unpaid invoice");
    }
    case ReminderLevel::FormalNotice:
        return fr ? "Mise en demeure de payer" : "Formal notice to pay";
    }
    return {};
}

std::string nextStep(ReminderLevel level, Language language)
{
    const bool fr = language == Language::French;
    switch (level)
    {
    case ReminderLevel::Second:
        return fr ? "À défaut de règlement dans ce délai, nous vous adresserons une mise en "
                    "demeure de payer."
                  : "Failing payment within this period, we will send you a formal notice "
                    "to pay.";
    case ReminderLevel::FormalNotice:
        return fr ? "À défaut de règlement dans ce délai, nous saisirons la juridiction "
                    "compétente (injonction de payer) sans autre avis."
                  : "Failing payment within this period, we will refer the matter to the "
                    "competent court (order for payment) without further notice.";
    default:
        return {};
    }
}

} // namespace

FieldMap invoiceRow(const ReminderLine& line, Language language)
{
    const ReminderInvoice& invoice = line.invoice;
    FieldMap row;
    row["facture.numero"] = invoice.number;
    row["facture.date"] = formatDate(invoice.invoiceDate, language);
    row["facture.echeance"] = formatDate(invoice.dueDate, language);
    row["facture.montant"] = formatMoney(invoice.amountInclVat, language);
    row["facture.regle"] = formatMoney(invoice.paid, language);
    row["facture.reste"] = formatMoney(invoice.balance, language);
    row["facture.retard"] = line.daysLate > 0              ? dayCount(line.daysLate, language)
                            : language == Language::French ? "à échoir"
                                                           : "not yet due";
    row["facture.penalite"] = line.penalty ? formatMoney(line.penalty->amount, language) : "";
    row["facture.taux"] = line.penalty ? penaltyRates(*line.penalty, language) : "";
    row["facture.jours"] = line.penalty ? std::to_string(line.penalty->days) : "";
    row["facture.indemnite"] = line.penalty ? formatMoney(line.indemnity, language) : "";
    return row;
}

namespace
{

std::string invoiceListLine(const ReminderLine& line, Language language)
{
    const bool fr = language == Language::French;
    const ReminderInvoice& invoice = line.invoice;
    std::string text =
        "- " + invoice.number + (fr ? " du " : " of ") + formatDate(invoice.invoiceDate, language) +
        (line.daysLate > 0 ? (fr ? ", échue le " : ", due ") : (fr ? ", échéance le " : ", due ")) +
        formatDate(invoice.dueDate, language) + (fr ? " : " : ": ") +
        formatMoney(invoice.balance, language) + (fr ? " restant dû" : " outstanding");
    if (line.penalty)
        text += fr ? " (pénalités " + formatMoney(line.penalty->amount, language) +
                         ", indemnité forfaitaire " + formatMoney(line.indemnity, language) + ")"
                   : " (penalties " + formatMoney(line.penalty->amount, language) +
                         ", fixed indemnity " + formatMoney(line.indemnity, language) + ")";
    return text;
}

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    return text;
}

// Calls literal(text) and placeholder(name) in order over the text.
template <typename Literal, typename Placeholder>
void scan(std::string_view text, Literal literal, Placeholder placeholder)
{
    std::size_t position = 0;
    while (position < text.size())
    {
        const std::size_t open = text.find(kOpen, position);
        if (open == std::string_view::npos)
            break;
        const std::size_t close = text.find(kClose, open + kOpen.size());
        if (close == std::string_view::npos)
            break; // an unclosed "{{" is text
        const std::string_view inside = text.substr(open + kOpen.size(), close - open - 2);
        // "{{{name}}}": the first brace is text, the placeholder starts at the next one.
        if (inside.find('{') != std::string_view::npos)
        {
            literal(text.substr(position, open + 1 - position));
            position = open + 1;
            continue;
        }
        const std::string_view name = trimmed(inside);
        if (name.empty() || name.size() > kMaxNameLength ||
            !std::all_of(name.begin(), name.end(), isNameChar))
            throw InputError("invalid placeholder \"{{" + std::string(inside).substr(0, 80) +
                             "}}\": a name is letters, digits, '.', '_' or '-'");
        literal(text.substr(position, open - position));
        placeholder(name);
        position = close + kClose.size();
    }
    literal(text.substr(position));
}

} // namespace

const std::vector<std::string_view>& letterFieldNames()
{
    static const std::vector<std::string_view> names = {
        "client.nom",
        "client.raison_sociale",
        "client.adresse",
        "client.siren",
        "client.email",
        "societe.nom",
        "societe.siret",
        "societe.adresse",
        "societe.iban",
        "societe.bic",
        "societe.email",
        "societe.telephone",
        "societe.ville",
        "date",
        "date.longue",
        "niveau",
        "objet",
        "echeance_reglement",
        "delai",
        "nombre_factures",
        "factures.liste",
        "total.du",
        "total.penalites",
        "total.indemnites",
        "total.general",
        "mention.paiement_croise",
        "mention.releve_joint",
        "mention.piece_jointe",
        "suite",
    };
    return names;
}

const std::vector<std::string_view>& invoiceFieldNames()
{
    static const std::vector<std::string_view> names = {
        "facture.numero", "facture.date",  "facture.echeance",  "facture.montant",
        "facture.regle",  "facture.reste", "facture.retard",    "facture.penalite",
        "facture.taux",   "facture.jours", "facture.indemnite",
    };
    return names;
}

LetterFields letterFields(const CustomerReminder& letter, const SenderDetails& sender,
                          Language language, bool statementEnclosed)
{
    const bool fr = language == Language::French;
    LetterFields result;
    FieldMap& f = result.fields;
    const ReminderCustomer& customer = letter.customer;
    f["client.nom"] = customer.name;
    f["client.raison_sociale"] = customer.legalName.empty() ? customer.name : customer.legalName;
    f["client.adresse"] = customer.address;
    f["client.siren"] = customer.siren;
    f["client.email"] = customer.email;
    f["societe.nom"] = sender.name;
    f["societe.siret"] = sender.siret;
    f["societe.adresse"] = sender.address;
    f["societe.iban"] = sender.iban;
    f["societe.bic"] = sender.bic;
    f["societe.email"] = sender.email;
    f["societe.telephone"] = sender.phone;
    f["societe.ville"] = sender.city;
    f["date"] = formatDate(letter.date, language);
    f["date.longue"] = formatLongDate(letter.date, language);
    f["niveau"] = levelName(letter.level, language);
    f["objet"] = subject(letter, language);
    f["echeance_reglement"] = formatDate(letter.deadline, language);
    f["delai"] = dayCount(letter.deadline - letter.date, language);
    f["nombre_factures"] = std::to_string(letter.invoices.size());
    std::string list;
    for (const ReminderLine& line : letter.invoices)
        list += (list.empty() ? "" : "\n") + invoiceListLine(line, language);
    f["factures.liste"] = list;
    f["total.du"] = formatMoney(letter.totalBalance, language);
    f["total.penalites"] = formatMoney(letter.totalPenalties, language);
    f["total.indemnites"] = formatMoney(letter.totalIndemnities, language);
    f["total.general"] = formatMoney(letter.total(), language);
    f["mention.paiement_croise"] =
        fr ? "Si votre règlement a croisé ce courrier, nous vous prions de ne pas en tenir compte."
           : "If your payment has crossed this letter, please disregard it.";
    f["mention.releve_joint"] = !statementEnclosed ? ""
                                : fr ? "Vous trouverez ci-joint le relevé de votre compte."
                                     : "Please find enclosed a statement of your account.";
    f["mention.piece_jointe"] = !statementEnclosed ? ""
                                : fr               ? "P. J. : relevé de compte"
                                                   : "Enclosure: statement of account";
    f["suite"] = nextStep(letter.level, language);

    for (const ReminderLine& line : letter.invoices)
        result.invoices.push_back(invoiceRow(line, language));
    return result;
}

std::vector<std::string> placeholdersIn(std::string_view text)
{
    std::vector<std::string> names;
    scan(
        text, [](std::string_view) {},
        [&](std::string_view name)
        {
            if (std::find(names.begin(), names.end(), name) == names.end())
                names.emplace_back(name);
        });
    return names;
}

std::string fillPlaceholders(std::string_view text, const FieldMap& fields)
{
    std::string out;
    out.reserve(text.size());
    scan(
        text, [&](std::string_view literal) { out += literal; },
        [&](std::string_view name)
        {
            const auto found = fields.find(name);
            if (found == fields.end())
                throw InputError("unknown placeholder {{" + std::string(name) + "}}");
            out += found->second;
        });
    return out;
}

} // namespace relance
