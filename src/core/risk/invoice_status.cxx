#include "core/risk/invoice_status.hxx"

#include <cstdlib>
#include <vector>

#include "core/calendar/date_text.hxx"
#include "core/common/text_fold.hxx"

namespace relance
{
namespace
{

bool isOneOf(const std::string& word, std::initializer_list<std::string_view> candidates)
{
    for (std::string_view candidate : candidates)
        if (word == candidate)
            return true;
    return false;
}

// The first date among the next few words: "20/11/2026", "1er décembre 2024",
// "March 12, 2024", or without a year ("20/11", "Nov 20"), then the occurrence nearest the
// as-of date.
std::optional<DayNumber> dateAfter(const std::vector<std::string>& words, std::size_t from,
                                   DayNumber asOf)
{
    const int year = toCivil(asOf).year;
    for (std::size_t start = from; start < words.size() && start < from + 6; ++start)
        for (std::size_t length = 4; length >= 2; --length)
        {
            if (start + length > words.size())
                continue;
            std::string candidate;
            for (std::size_t k = 0; k < length; ++k)
                candidate += (k ? " " : "") + words[start + k];
            if (const auto day = parseDateText(candidate))
                return day;
            std::optional<DayNumber> best;
            for (int y : {year - 1, year, year + 1})
                if (const auto day = parseDateText(candidate + " " + std::to_string(y)))
                    if (!best || std::abs(*day - asOf) < std::abs(*best - asOf))
                        best = day;
            if (best)
                return best;
        }
    return std::nullopt;
}

} // namespace

FollowUpFlags parseFollowUpFlags(std::string_view text, DayNumber asOf)
{
    FollowUpFlags flags;
    const std::vector<std::string> words = foldedWords(text);
    for (std::size_t i = 0; i < words.size(); ++i)
    {
        const std::string& w = words[i];
        if (isOneOf(w, {"litige", "litiges", "contestee", "conteste", "contestation", "reclamation",
                        "dispute", "disputed"}))
            flags.disputed = true;
        else if (isOneOf(w, {"contentieux", "injonction", "huissier", "tribunal", "avocat",
                             "redressement", "liquidation", "sauvegarde", "litigation", "lawsuit",
                             "court", "insolvency"}))
            flags.litigation = true;
        else if (isOneOf(w, {"perte", "pertes", "irrecouvrable"}) ||
                 (w == "bad" && i + 1 < words.size() && words[i + 1] == "debt") ||
                 (w == "written" && i + 1 < words.size() && words[i + 1] == "off") ||
                 (w == "write" && i + 1 < words.size() && words[i + 1] == "off"))
            flags.writtenOff = true;
        else if (isOneOf(w, {"promesse", "promis", "promise", "promised"}))
        {
            flags.promised = true;
            // "promesse non tenue" / "broken promise": the promise has already failed.
            const bool broken =
                (i + 2 < words.size() && words[i + 1] == "non" && words[i + 2] == "tenue") ||
                (i > 0 && words[i - 1] == "broken");
            if (broken)
                flags.promiseDate = toDayNumber({kMinYear, 1, 1});
            else if (!flags.promiseDate)
                flags.promiseDate = dateAfter(words, i + 1, asOf);
        }
    }
    return flags;
}

InvoiceStatus invoiceStatus(Cents amount, Cents outstanding, std::optional<DayNumber> dueDate,
                            DayNumber asOf, const FollowUpFlags& flags)
{
    if (outstanding <= 0)
        return InvoiceStatus::Paid;
    if (flags.writtenOff)
        return InvoiceStatus::WrittenOff;
    if (flags.litigation)
        return InvoiceStatus::Litigation;
    if (flags.disputed)
        return InvoiceStatus::Disputed;
    if (flags.promised && !flags.promiseBroken(asOf))
        return InvoiceStatus::Promised;
    if (outstanding < amount)
        return InvoiceStatus::PartiallyPaid;
    if (dueDate && asOf > *dueDate)
        return InvoiceStatus::Overdue;
    return InvoiceStatus::NotDue;
}

std::string statusLabel(InvoiceStatus status, Language language)
{
    const bool fr = language == Language::French;
    switch (status)
    {
    case InvoiceStatus::NotDue:
        return fr ? "Non échue" : "Not due";
    case InvoiceStatus::Overdue:
        return fr ? "En retard" : "Overdue";
    case InvoiceStatus::PartiallyPaid:
        return fr ? "Partiellement réglée" : "Partially paid";
    case InvoiceStatus::Paid:
        return fr ? "Réglée" : "Paid";
    case InvoiceStatus::Disputed:
        return fr ? "En litige" : "Disputed";
    case InvoiceStatus::Promised:
        return fr ? "Promesse de paiement" : "Payment promised";
    case InvoiceStatus::Litigation:
        return fr ? "Contentieux" : "Litigation";
    case InvoiceStatus::WrittenOff:
        return fr ? "Passée en perte" : "Written off";
    }
    return {};
}

} // namespace relance
