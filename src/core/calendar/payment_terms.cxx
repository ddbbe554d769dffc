#include "core/calendar/payment_terms.hxx"

#include <array>
#include <cmath>
#include <span>

#include "core/common/input_error.hxx"
#include "core/common/text_fold.hxx"

namespace relance
{
namespace
{

using Words = std::vector<std::string>;

bool isOneOf(const std::string& word, std::initializer_list<std::string_view> candidates)
{
    for (std::string_view candidate : candidates)
        if (word == candidate)
            return true;
    return false;
}

bool isNumber(const std::string& word)
{
    return !word.empty() && word.front() >= '0' && word.front() <= '9';
}

int toNumber(const std::string& word, std::string_view original)
{
    if (word.size() > 4)
        throw InputError("payment terms: number too large in \"" + std::string(original) + "\"");
    return std::stoi(word);
}

// Multi-word phrase at position i; returns its length or 0.
std::size_t matchPhrase(const Words& words, std::size_t i,
                        std::initializer_list<std::initializer_list<std::string_view>> phrases)
{
    for (const auto& phrase : phrases)
    {
        if (i + phrase.size() > words.size())
            continue;
        std::size_t k = 0;
        for (std::string_view part : phrase)
        {
            if (words[i + k] != part)
                break;
            ++k;
        }
        if (k == phrase.size())
            return k;
    }
    return 0;
}

std::size_t matchEndOfMonth(const Words& words, std::size_t i)
{
    return matchPhrase(words, i,
                       {{"fin", "de", "mois"},
                        {"fin", "du", "mois"},
                        {"fin", "mois"},
                        {"fdm"},
                        {"eom"},
                        {"end", "of", "month"},
                        {"end", "of", "the", "month"}});
}

bool isDayUnit(const std::string& w)
{
    return isOneOf(w, {"j", "jr", "jrs", "jour", "jours", "d", "day", "days"});
}

bool isOrdinalSuffix(const std::string& w)
{
    return isOneOf(w, {"er", "e", "eme", "th", "st", "nd", "rd"});
}

bool isImmediate(const std::string& w)
{
    return isOneOf(w, {"reception", "receipt", "comptant", "cash", "immediat", "immediate",
                       "immediatement", "immediately"});
}

// Words that carry no meaning for the computation: terms always run from the invoice date.
bool isFiller(const std::string& w)
{
    return isOneOf(w, {"net",       "nets",     "nette",       "a",        "au",      "de",
                       "des",       "la",       "l",           "d",        "du",      "date",
                       "facture",   "factures", "facturation", "emission", "compter", "paiement",
                       "reglement", "payable",  "echeance",    "des",      "sur",     "the",
                       "from",      "invoice",  "payment",     "terms",    "due",     "upon",
                       "on",        "after",    "of",          "apres",    "et",      "and",
                       "soit",      "plus"});
}

} // namespace

// Every character must be a letter, an ASCII digit, a space or ordinary punctuation: a symbol
// or a digit of another script ("３０", "٣٠", "?") would otherwise vanish as a separator and
// "?? jours fin de mois" would silently read as "fin de mois". A sign before a number is not
// a duration either ("-30 jours").
void checkCharacters(std::string_view text, const Words& words)
{
    const std::string folded = foldText(text);
    std::string kept;
    for (std::size_t i = 0; i < folded.size(); ++i)
    {
        const char c = folded[i];
        if (c == '-' && i + 1 < folded.size() && folded[i + 1] >= '0' && folded[i + 1] <= '9' &&
            (i == 0 || folded[i - 1] == ' '))
            throw InputError("payment terms cannot be negative: \"" + std::string(text) + "\"");
        if (c == ' ' || std::string_view(".,'/+()-:;").find(c) != std::string_view::npos)
            continue;
        kept.push_back(c);
    }
    std::string letters;
    for (const std::string& word : words)
        letters += word;
    if (kept != letters)
        throw InputError("payment terms not recognised: \"" + std::string(text) + "\"");
}

PaymentTerms parsePaymentTerms(std::string_view text)
{
    const Words words = foldedWords(text);
    if (words.empty())
        throw InputError("payment terms are empty");
    checkCharacters(text, words);

    auto unknown = [&](const std::string& word)
    {
        return InputError("payment terms not recognised: \"" + std::string(text) + "\" (word \"" +
                          word + "\")");
    };

    PaymentTerms terms;
    bool haveDays = false;
    bool immediate = false;
    bool sawEndOfMonth = false;
    for (std::size_t i = 0; i < words.size();)
    {
        const std::string& word = words[i];
        if (std::size_t length = matchEndOfMonth(words, i))
        {
            if (sawEndOfMonth)
                throw InputError("payment terms: \"fin de mois\" twice in \"" + std::string(text) +
                                 "\"");
            sawEndOfMonth = true;
            terms.endOfMonth = true;
            i += length;
            continue;
        }
        if ((word == "le" || word == "the" || word == "on") && i + 1 < words.size() &&
            isNumber(words[i + 1]))
        {
            if (terms.dayOfMonth)
                throw InputError("payment terms: two days of month in \"" + std::string(text) +
                                 "\"");
            const int day = toNumber(words[i + 1], text);
            if (day < 1 || day > 31)
                throw InputError("payment terms: day of month must be 1 to 31 in \"" +
                                 std::string(text) + "\"");
            terms.dayOfMonth = static_cast<unsigned>(day);
            i += 2;
            if (i < words.size() && isOrdinalSuffix(words[i]))
                ++i;
            // "le 10 du mois suivant", "on the 10th of the following month"
            while (i < words.size() && isOneOf(words[i], {"du", "de", "of", "the", "mois",
                                                          "suivant", "month", "following", "next"}))
                ++i;
            continue;
        }
        if (isNumber(word))
        {
            if (haveDays)
                throw InputError("payment terms: two durations in \"" + std::string(text) + "\"");
            haveDays = true;
            terms.days = toNumber(word, text);
            if (sawEndOfMonth)
                terms.statedReading = EndOfMonthReading::EndOfMonthThenDays;
            ++i;
            if (i < words.size() && isDayUnit(words[i]))
                ++i;
            continue;
        }
        if (isImmediate(word))
        {
            immediate = true;
            ++i;
            continue;
        }
        if (isDayUnit(word) && word != "d") // "d" alone is the elided "de" ("date d'émission")
            throw InputError("payment terms: \"" + word + "\" without a number of days in \"" +
                             std::string(text) + "\"");
        if (isFiller(word))
        {
            ++i;
            continue;
        }
        throw unknown(word);
    }

    if (terms.dayOfMonth)
        terms.endOfMonth = true; // "30 jours le 10": paid on the 10th after the month's end
    if (!haveDays && !terms.endOfMonth && !immediate)
        throw InputError("payment terms not recognised: \"" + std::string(text) + "\"");
    if (immediate && (terms.days > 0 || terms.endOfMonth))
        throw InputError("payment terms contradict themselves: \"" + std::string(text) + "\"");
    if (terms.days > kMaxTermDays)
        throw InputError("payment terms longer than a year: \"" + std::string(text) + "\"");
    if (!terms.endOfMonth || terms.days == 0)
        terms.statedReading.reset();
    return terms;
}

PaymentTerms paymentTermsFromDays(double days)
{
    if (!std::isfinite(days) || days < 0 || days > kMaxTermDays || days != std::floor(days))
        throw InputError("payment terms in days must be a whole number from 0 to 366");
    PaymentTerms terms;
    terms.days = static_cast<int>(days);
    return terms;
}

namespace
{

DayNumber firstDayOfMonthOnOrAfter(DayNumber from, unsigned dayOfMonth)
{
    const CivilDate date = toCivil(from);
    const DayNumber sameMonth = dayOfMonthClamped(date.year, date.month, dayOfMonth);
    if (sameMonth >= from)
        return sameMonth;
    const CivilDate next = addMonths(CivilDate{date.year, date.month, 1}, 1);
    return dayOfMonthClamped(next.year, next.month, dayOfMonth);
}

} // namespace

DayNumber dueDate(DayNumber invoiceDate, const PaymentTerms& terms, EndOfMonthReading reading)
{
    if (!terms.endOfMonth)
        return invoiceDate + terms.days;
    // Without days the two readings are the same thing: the end of the invoice's month.
    const EndOfMonthReading applied = terms.days == 0 ? EndOfMonthReading::DaysThenEndOfMonth
                                                      : terms.statedReading.value_or(reading);
    const DayNumber base = applied == EndOfMonthReading::DaysThenEndOfMonth
                               ? endOfMonth(invoiceDate + terms.days)
                               : endOfMonth(invoiceDate) + terms.days;
    if (!terms.dayOfMonth)
        return base;
    // The next occurrence of that day after the end of month ("le 10" of the following month).
    return firstDayOfMonthOnOrAfter(
        base + (applied == EndOfMonthReading::DaysThenEndOfMonth ? 1 : 0), *terms.dayOfMonth);
}

DayNumber shiftWeekend(DayNumber day, WeekendShift shift)
{
    const unsigned weekday = isoWeekday(day); // 5 Saturday, 6 Sunday
    if (weekday < 5 || shift == WeekendShift::None)
        return day;
    return shift == WeekendShift::NextMonday ? day + static_cast<DayNumber>(7 - weekday)
                                             : day - static_cast<DayNumber>(weekday - 4);
}

std::string describe(const PaymentTerms& terms)
{
    if (!terms.endOfMonth)
        return terms.days == 0 ? "à réception" : std::to_string(terms.days) + " jours";
    std::string text;
    if (terms.days > 0 && terms.statedReading == EndOfMonthReading::EndOfMonthThenDays)
        text = "fin de mois + " + std::to_string(terms.days) + " jours";
    else if (terms.days > 0)
        text = std::to_string(terms.days) + " jours fin de mois";
    else
        text = "fin de mois";
    if (terms.dayOfMonth)
        text += " le " + std::to_string(*terms.dayOfMonth);
    return text;
}

} // namespace relance
