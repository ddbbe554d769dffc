#include "core/risk/invoice_status.hxx"

#include <gtest/gtest.h>

#include <optional>
#include <string>

using namespace relance;

namespace
{

DayNumber day(int y, unsigned m, unsigned d)
{
    return toDayNumber({y, m, d});
}

std::string isoOrNone(const std::optional<DayNumber>& date)
{
    return date ? toIsoString(*date) : std::string("none");
}

struct FlagsRow
{
    const char* text;
    CivilDate asOf;
    bool disputed;
    bool promised;
    bool litigation;
    bool writtenOff;
    const char* promiseDate; // ISO, or "none"
};

constexpr CivilDate kOctober{2024, 10, 15};

void checkFlags(const FlagsRow& row)
{
    const FollowUpFlags flags = parseFollowUpFlags(row.text, toDayNumber(row.asOf));
    EXPECT_EQ(flags.disputed, row.disputed) << row.text;
    EXPECT_EQ(flags.promised, row.promised) << row.text;
    EXPECT_EQ(flags.litigation, row.litigation) << row.text;
    EXPECT_EQ(flags.writtenOff, row.writtenOff) << row.text;
    EXPECT_EQ(isoOrNone(flags.promiseDate), row.promiseDate) << row.text;
}

} // namespace

TEST(InvoiceStatus, ParsesFollowUpKeywords)
{
    const FlagsRow rows[] = {
        // text, as of, disputed, promised, litigation, written off, promise date
        {"", kOctober, false, false, false, false, "none"},
        {"relancé par téléphone", kOctober, false, false, false, false, "none"},
        // disputes
        {"LITIGE", kOctober, true, false, false, false, "none"},
        {"Contestée", kOctober, true, false, false, false, "none"},
        {"facture contestée par le client", kOctober, true, false, false, false, "none"},
        {"Réclamation en cours", kOctober, true, false, false, false, "none"},
        {"Disputed", kOctober, true, false, false, false, "none"},
        // litigation
        {"Contentieux", kOctober, false, false, true, false, "none"},
        {"injonction de payer", kOctober, false, false, true, false, "none"},
        {"Liquidation judiciaire", kOctober, false, false, true, false, "none"},
        {"handed to the COURT", kOctober, false, false, true, false, "none"},
        // written off
        {"passée en perte", kOctober, false, false, false, true, "none"},
        {"PASSÉE EN PERTE", kOctober, false, false, false, true, "none"},
        {"Irrécouvrable", kOctober, false, false, false, true, "none"},
        {"written off", kOctober, false, false, false, true, "none"},
        {"Write-off", kOctober, false, false, false, true, "none"},
        {"bad debt", kOctober, false, false, false, true, "none"},
        {"Bad  Debt", kOctober, false, false, false, true, "none"},
        {"bad", kOctober, false, false, false, false, "none"}, // "bad" alone is not a write-off
        {"bad payer", kOctober, false, false, false, false, "none"},
        {"debt", kOctober, false, false, false, false, "none"},
        {"off", kOctober, false, false, false, false, "none"},
        // whole words only
        {"compromis", kOctober, false, false, false, false, "none"},
        // promises, with and without a date
        {"promesse orale", kOctober, false, true, false, false, "none"},
        {"promesse de paiement 20/11", kOctober, false, true, false, false, "2024-11-20"},
        {"Promesse de paiement 20/11/2025", kOctober, false, true, false, false, "2025-11-20"},
        {"promise 2024-07-15", kOctober, false, true, false, false, "2024-07-15"},
        {"Promised 20 November 2024", kOctober, false, true, false, false, "2024-11-20"},
        {"promis pour le 20 novembre", kOctober, false, true, false, false, "2024-11-20"},
        // several flags in one note
        {"litige ; promesse 05/11", kOctober, true, true, false, false, "2024-11-05"},
        {"Contestée puis contentieux", kOctober, true, false, true, false, "none"},
    };
    for (const FlagsRow& row : rows)
        checkFlags(row);
}

TEST(InvoiceStatus, PromiseDateWithoutYearIsTheNearestOccurrence)
{
    const FlagsRow rows[] = {
        // as of 2024-12-28, "05/01": 2024-01-05 is 358 days back, 2025-01-05 8 days ahead
        {"promesse 05/01", {2024, 12, 28}, false, true, false, false, "2025-01-05"},
        // as of 2025-01-03, "28/12": 2024-12-28 is 6 days back, 2025-12-28 359 days ahead
        {"promesse 28/12", {2025, 1, 3}, false, true, false, false, "2024-12-28"},
        // a broken promise stays in the past when it is the nearest
        {"promesse 20/12", {2024, 12, 28}, false, true, false, false, "2024-12-20"},
        // 29 February exists only in 2024 among 2023, 2024 and 2025
        {"promesse 29/02", {2024, 12, 28}, false, true, false, false, "2024-02-29"},
        // with a month name and no year
        {"promesse 3 janvier", {2024, 12, 28}, false, true, false, false, "2025-01-03"},
    };
    for (const FlagsRow& row : rows)
        checkFlags(row);
}

TEST(InvoiceStatus, PromiseBroken)
{
    FollowUpFlags flags;
    flags.promised = true;
    EXPECT_FALSE(flags.promiseBroken(day(2024, 10, 15))); // no date: holds
    flags.promiseDate = day(2024, 10, 15);
    EXPECT_FALSE(flags.promiseBroken(day(2024, 10, 15))); // due today: still holds
    EXPECT_TRUE(flags.promiseBroken(day(2024, 10, 16)));
    flags.promised = false;
    EXPECT_FALSE(flags.promiseBroken(day(2024, 10, 16)));
}

TEST(InvoiceStatus, Precedence)
{
    const DayNumber asOf = day(2024, 10, 15);
    const DayNumber pastDue = day(2024, 9, 30);
    FollowUpFlags none;
    FollowUpFlags all;
    all.disputed = all.litigation = all.writtenOff = all.promised = true;
    all.promiseDate = day(2024, 10, 20);
    FollowUpFlags litigationDisputePromise = all;
    litigationDisputePromise.writtenOff = false;
    FollowUpFlags disputePromise = litigationDisputePromise;
    disputePromise.litigation = false;
    FollowUpFlags holding; // promise for a later date
    holding.promised = true;
    holding.promiseDate = day(2024, 10, 20);
    FollowUpFlags dueToday = holding;
    dueToday.promiseDate = asOf;
    FollowUpFlags undated;
    undated.promised = true;
    FollowUpFlags broken = holding;
    broken.promiseDate = day(2024, 10, 10);

    struct Row
    {
        const char* name;
        Cents outstanding;
        std::optional<DayNumber> dueDate;
        FollowUpFlags flags;
        InvoiceStatus expected;
    };
    const Row rows[] = {
        // paid beats everything
        {"paid, every flag set", 0, pastDue, all, InvoiceStatus::Paid},
        {"overpaid", -50, pastDue, none, InvoiceStatus::Paid},
        {"written off beats litigation", 1000, pastDue, all, InvoiceStatus::WrittenOff},
        {"litigation beats dispute", 1000, pastDue, litigationDisputePromise,
         InvoiceStatus::Litigation},
        {"dispute beats promise", 1000, pastDue, disputePromise, InvoiceStatus::Disputed},
        {"dispute, not yet due", 1000, day(2024, 11, 30), disputePromise, InvoiceStatus::Disputed},
        {"holding promise beats partial payment", 400, pastDue, holding, InvoiceStatus::Promised},
        {"promise due today still holds", 1000, pastDue, dueToday, InvoiceStatus::Promised},
        {"promise without a date holds", 1000, pastDue, undated, InvoiceStatus::Promised},
        {"broken promise, overdue", 1000, pastDue, broken, InvoiceStatus::Overdue},
        {"broken promise, partially paid", 400, pastDue, broken, InvoiceStatus::PartiallyPaid},
        {"broken promise, not yet due", 1000, day(2024, 11, 30), broken, InvoiceStatus::NotDue},
        {"partially paid beats overdue", 400, pastDue, none, InvoiceStatus::PartiallyPaid},
        {"partially paid, not due", 1, day(2024, 11, 30), none, InvoiceStatus::PartiallyPaid},
        {"one day late", 1000, day(2024, 10, 14), none, InvoiceStatus::Overdue},
        {"due on the as-of date", 1000, asOf, none, InvoiceStatus::NotDue},
        {"no due date", 1000, std::nullopt, none, InvoiceStatus::NotDue},
    };
    for (const Row& row : rows)
        EXPECT_EQ(statusLabel(invoiceStatus(1000, row.outstanding, row.dueDate, asOf, row.flags),
                              Language::English),
                  statusLabel(row.expected, Language::English))
            << row.name;
}

TEST(InvoiceStatus, FromNotesAcrossAYearEnd)
{
    // "promesse 05/01" read on 2024-12-28 is 2025-01-05: holding; read on 2025-01-06 it is
    // the same day, now past: the invoice (due 2024-12-01) is overdue again.
    const DayNumber due = day(2024, 12, 1);
    const DayNumber before = day(2024, 12, 28);
    const DayNumber after = day(2025, 1, 6);
    EXPECT_EQ(invoiceStatus(1000, 1000, due, before, parseFollowUpFlags("promesse 05/01", before)),
              InvoiceStatus::Promised);
    EXPECT_EQ(invoiceStatus(1000, 1000, due, after, parseFollowUpFlags("promesse 05/01", after)),
              InvoiceStatus::Overdue);
    EXPECT_EQ(invoiceStatus(1000, 1000, due, after, parseFollowUpFlags("bad", after)),
              InvoiceStatus::Overdue);
    EXPECT_EQ(invoiceStatus(1000, 1000, due, after, parseFollowUpFlags("bad debt", after)),
              InvoiceStatus::WrittenOff);
    EXPECT_EQ(invoiceStatus(1000, 1000, due, after, parseFollowUpFlags("LITIGE", after)),
              InvoiceStatus::Disputed);
    EXPECT_EQ(invoiceStatus(1000, 1000, due, after, parseFollowUpFlags("contentieux", after)),
              InvoiceStatus::Litigation);
}

TEST(InvoiceStatus, Labels)
{
    struct Row
    {
        InvoiceStatus status;
        const char* french;
        const char* english;
    };
    const Row rows[] = {
        {InvoiceStatus::NotDue, "Non échue", "Not due"},
        {InvoiceStatus::Overdue, "En retard", "Overdue"},
        {InvoiceStatus::PartiallyPaid, "Partiellement réglée", "Partially paid"},
        {InvoiceStatus::Paid, "Réglée", "Paid"},
        {InvoiceStatus::Disputed, "En litige", "Disputed"},
        {InvoiceStatus::Promised, "Promesse de paiement", "Payment promised"},
        {InvoiceStatus::Litigation, "Contentieux", "Litigation"},
        {InvoiceStatus::WrittenOff, "Passée en perte", "Written off"},
    };
    for (const Row& row : rows)
    {
        EXPECT_EQ(statusLabel(row.status, Language::French), row.french) << row.english;
        EXPECT_EQ(statusLabel(row.status, Language::English), row.english) << row.english;
    }
}

TEST(InvoiceStatus, PromiseDateWithAnOrdinalDay)
{
    const FlagsRow rows[] = {
        {"promesse 1er décembre 2024", kOctober, false, true, false, false, "2024-12-01"},
        {"promesse le 1er décembre", kOctober, false, true, false, false, "2024-12-01"},
    };
    for (const FlagsRow& row : rows)
        checkFlags(row);
}

TEST(InvoiceStatus, PromiseDateWithTheMonthFirst)
{
    const FlagsRow rows[] = {
        {"promised March 12, 2024", kOctober, false, true, false, false, "2024-03-12"},
        {"promise Nov 20", kOctober, false, true, false, false, "2024-11-20"},
    };
    for (const FlagsRow& row : rows)
        checkFlags(row);
}
