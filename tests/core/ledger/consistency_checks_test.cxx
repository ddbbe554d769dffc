// Consistency remarks on an imported sheet: every kind found (and credit notes, partial
// payments, rows without an amount left alone), each fix applied or refused, the texts in
// French and English, and the sheet whose paid amounts were typed excl. VAT.
#include "core/ledger/consistency_checks.hxx"
#include "core/ledger/ledger_import.hxx"
#include "core/ledger/ledger_model.hxx"
#include "core/ledger/ledger_preview.hxx"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "ledger_import_fixtures.hxx"

using namespace relance;
using namespace relance_test::ledger_import;

namespace
{

using RK = RemarkKind;

const std::string kNnbsp = "\u202f"; // groups thousands, as formatMoney does
const std::string kNbsp = "\u00a0";

const DayNumber kInvoiceDay = day(2026, 3, 2);

// An invoice of 120,00 € incl. VAT dated 2 March 2026 on grid row 4, to which a test row adds
// what it is about.
ImportedInvoice invoice()
{
    ImportedInvoice made;
    made.sourceRow = 4;
    made.number = "F-1";
    made.invoiceDate = kInvoiceDay;
    made.amountInclVat = 12000;
    return made;
}

ImportedInvoice paid(std::optional<Cents> amount, std::optional<Cents> paidAmount,
                     std::string notes = {})
{
    ImportedInvoice made = invoice();
    made.amountInclVat = amount;
    made.paidAmount = paidAmount;
    made.notes = std::move(notes);
    return made;
}

ImportResult checked(std::vector<ImportedInvoice> invoices, std::vector<RemarkKind> accepted = {},
                     Language language = Language::French)
{
    ImportResult result;
    result.invoices = std::move(invoices);
    ImportOptions options;
    options.acceptedFixes = std::move(accepted);
    options.language = language;
    checkConsistency(result, {}, options);
    return result;
}

std::vector<RemarkKind> kindsOf(const ImportResult& result)
{
    std::vector<RemarkKind> kinds;
    for (const ConsistencyRemark& remark : result.remarks)
        kinds.push_back(remark.kind);
    return kinds;
}

} // namespace

TEST(ConsistencyChecks, KeysRoundTrip)
{
    const std::vector<std::pair<RK, std::string_view>> keys = {
        {RK::PaidExclVat, "paid_excl_vat"},
        {RK::PaidStatusWithBalance, "paid_status_with_balance"},
        {RK::UnpaidStatusNothingDue, "unpaid_status_nothing_due"},
        {RK::Overpaid, "overpaid"},
        {RK::NumberOtherAmount, "number_other_amount"},
        {RK::PaymentBeforeInvoice, "payment_before_invoice"},
        {RK::DueBeforeInvoice, "due_before_invoice"},
        {RK::VatRatio, "vat_ratio"},
    };
    ASSERT_EQ(keys.size(), kRemarkKindCount);
    for (const auto& [kind, key] : keys)
    {
        EXPECT_EQ(remarkKey(kind), key);
        EXPECT_EQ(remarkFromKey(key), kind) << key;
    }
    EXPECT_EQ(remarkFromKey("Paid_Excl_Vat"), std::nullopt);
    EXPECT_EQ(remarkFromKey(""), std::nullopt);
    EXPECT_EQ(fixKey(RK::PaidExclVat), "treat_as_paid");
    EXPECT_EQ(fixKey(RK::PaidStatusWithBalance), "treat_as_paid");
    EXPECT_EQ(fixKey(RK::UnpaidStatusNothingDue), "treat_as_unpaid");
    EXPECT_EQ(fixKey(RK::Overpaid), "cap_at_amount");
    EXPECT_EQ(fixKey(RK::NumberOtherAmount), "keep_both");
    EXPECT_EQ(fixKey(RK::PaymentBeforeInvoice), "hold");
    EXPECT_EQ(fixKey(RK::DueBeforeInvoice), "due_from_terms");
    EXPECT_EQ(fixKey(RK::VatRatio), "hold");
}

TEST(ConsistencyChecks, FindsEachKindAndLeavesTheRestAlone)
{
    const auto withHt = [](ImportedInvoice made, Cents ht)
    {
        made.amountExclVat = ht;
        return made;
    };
    const auto withFlag = [](ImportedInvoice made, bool flag)
    {
        made.paidFlag = flag;
        return made;
    };
    const auto paidOn = [](ImportedInvoice made, DayNumber date)
    {
        made.paymentDate = date;
        return made;
    };
    const auto dueOn = [](ImportedInvoice made, DayNumber date)
    {
        made.dueDate = date;
        return made;
    };
    struct Row
    {
        const char* what;
        ImportedInvoice invoice;
        std::vector<RemarkKind> kinds;
        Cents money; // of the first remark
    };
    const std::vector<Row> rows = {
        // Paid amount typed excl. VAT: with the HT column, or a French rate without it.
        {"HT column", withHt(paid(12000, 10000, "Payée"), 10000), {RK::PaidExclVat}, 2000},
        {"20 %", paid(12000, 10000, "Payée"), {RK::PaidExclVat}, 2000},
        {"10 %", paid(11000, 10000, "Réglée"), {RK::PaidExclVat}, 1000},
        {"5,5 %", paid(10550, 10000, "soldée"), {RK::PaidExclVat}, 550},
        {"2,1 %", paid(10210, 10000, "ENCAISSÉE"), {RK::PaidExclVat}, 210},
        {"rounded to the cent", paid(4000, 3333, "payée"), {RK::PaidExclVat}, 667},
        {"English", paid(12000, 10000, "Paid"), {RK::PaidExclVat}, 2000},
        {"accents decomposed", paid(12000, 10000, "Re\u0301gle\u0301e"), {RK::PaidExclVat}, 2000},
        {"no-break space, tick", paid(12000, 10000, "Payée\u00a0\u2713"), {RK::PaidExclVat}, 2000},
        {"« Soldé le »", paid(12000, 10000, "Soldé le 12/03"), {RK::PaidExclVat}, 2000},
        {"paid flag", withFlag(paid(12000, 10000), true), {RK::PaidExclVat}, 2000},
        {"payment date", paidOn(paid(12000, 10000), kInvoiceDay + 20), {RK::PaidExclVat}, 2000},
        // A status « Payée » with another balance left.
        {"paid, balance left", paid(12000, 5000, "Payée"), {RK::PaidStatusWithBalance}, 7000},
        {"paid, nothing recorded",
         paid(12000, std::nullopt, "Réglée"),
         {RK::PaidStatusWithBalance},
         12000},
        {"HT column, paid not HT",
         withHt(paid(12000, 11000, "Payée"), 10000),
         {RK::PaidStatusWithBalance},
         1000},
        {"flag, balance left", withFlag(paid(12000, 0), true), {RK::PaidStatusWithBalance}, 12000},
        {"settled", paid(12000, 100, "settled"), {RK::PaidStatusWithBalance}, 11900},
        // A status « Impayée » with nothing due.
        {"non réglée", paid(12000, 12000, "Non réglée"), {RK::UnpaidStatusNothingDue}, 12000},
        {"impayée", paid(12000, 12000, "IMPAYÉE"), {RK::UnpaidStatusNothingDue}, 12000},
        {"en attente", paid(12000, 12000, "En attente"), {RK::UnpaidStatusNothingDue}, 12000},
        {"unpaid", paid(12000, 12000, "unpaid"), {RK::UnpaidStatusNothingDue}, 12000},
        {"due", paid(12000, 12000, "Due"), {RK::UnpaidStatusNothingDue}, 12000},
        {"à régler", paid(12000, 12000, "à régler"), {RK::UnpaidStatusNothingDue}, 12000},
        {"flag Non", withFlag(paid(12000, 12000), false), {RK::UnpaidStatusNothingDue}, 12000},
        {"unpaid and overpaid: the status wins",
         paid(12000, 13000, "Impayée"),
         {RK::UnpaidStatusNothingDue},
         12000},
        // Paid beyond the amount.
        {"overpaid", paid(12000, 13000), {RK::Overpaid}, 1000},
        {"overpaid, said paid", paid(12000, 12500, "Payée"), {RK::Overpaid}, 500},
        // Dates and VAT.
        {"paid before the invoice",
         paidOn(paid(12000, 12000), kInvoiceDay - 3),
         {RK::PaymentBeforeInvoice},
         12000},
        {"due before the invoice",
         dueOn(invoice(), kInvoiceDay - 1),
         {RK::DueBeforeInvoice},
         12000},
        {"no French rate", withHt(invoice(), 10500), {RK::VatRatio}, 12000},
        {"two cents off", withHt(paid(12002, 0), 10000), {RK::VatRatio}, 12002},
        {"credit note, no rate", withHt(paid(-12000, 0), -11000), {RK::VatRatio}, 12000},
        {"signs apart", withHt(paid(12000, 0), -10000), {RK::VatRatio}, 12000},
        // An invoice in two kinds of remark: its status, and its dates.
        {"HT and paid before",
         paidOn(paid(12000, 10000, "Payée"), kInvoiceDay - 1),
         {RK::PaidExclVat, RK::PaymentBeforeInvoice},
         2000},
        // Nothing to say.
        {"paid in full", paid(12000, 12000, "Payée"), {}, 0},
        {"soldé", paid(12000, 12000, "Soldé"), {}, 0},
        {"unpaid, nothing paid", paid(12000, 0, "Impayée"), {}, 0},
        {"partial, said so", paid(12000, 10000, "Partiellement réglée"), {}, 0},
        {"acompte", paid(12000, 10000, "Payée (acompte)"), {}, 0},
        {"solde noun", paid(12000, 10000, "Solde 20 €"), {}, 0},
        {"payment date, a real part payment", paidOn(paid(12000, 5000), kInvoiceDay + 20), {}, 0},
        {"paid excl. VAT, no claim", paid(12000, 10000), {}, 0},
        {"flag and words disagree", withFlag(paid(12000, 10000, "Impayée"), true), {}, 0},
        {"paid and unpaid words", paid(12000, 10000, "payée ? non, impayée"), {}, 0},
        {"litige", paid(12000, 0, "litige"), {}, 0},
        {"no amount", paid(std::nullopt, 10000, "Payée"), {}, 0},
        {"zero amount", paid(0, 0, "Impayée"), {}, 0},
        {"credit note said paid", paid(-12000, -10000, "Payée"), {}, 0},
        {"credit note netted, said unpaid", paid(-12000, -12000, "Impayée"), {}, 0},
        {"credit note netted beyond", paid(-12000, -20000), {}, 0},
        {"credit note, HT", withHt(paid(-12000, 0), -10000), {}, 0},
        {"20 % HT", withHt(invoice(), 10000), {}, 0},
        {"0 %", withHt(invoice(), 12000), {}, 0},
        {"a cent off", withHt(paid(12001, 0), 10000), {}, 0},
        {"5,5 % HT", withHt(paid(10550, 0), 10000), {}, 0},
        {"paid the day of the invoice", paidOn(paid(12000, 12000), kInvoiceDay), {}, 0},
        {"due the day of the invoice", dueOn(invoice(), kInvoiceDay), {}, 0},
    };
    for (const Row& row : rows)
    {
        const ImportResult result = checked({row.invoice});
        EXPECT_EQ(kindsOf(result), row.kinds) << row.what;
        if (!result.remarks.empty())
        {
            EXPECT_EQ(result.remarks[0].amount, row.money) << row.what;
            EXPECT_EQ(result.remarks[0].count, 1u) << row.what;
            EXPECT_EQ(result.remarks[0].rows, std::vector<std::size_t>{4}) << row.what;
            EXPECT_FALSE(result.remarks[0].fixed) << row.what;
        }
        // Refused, nothing changes.
        EXPECT_TRUE(sameImportedData(result.invoices[0], row.invoice)) << row.what;
        EXPECT_EQ(result.invoices[0].hold, "") << row.what;
    }
}

TEST(ConsistencyChecks, AppliesTheAcceptedFixOnly)
{
    struct Row
    {
        RemarkKind kind;
        ImportedInvoice before;
        std::optional<Cents> paidAfter;
        std::optional<Cents> balanceAfter;
        std::string holdAfter;
    };
    ImportedInvoice paidBefore = paid(12000, 12000);
    paidBefore.paymentDate = kInvoiceDay - 3;
    ImportedInvoice vat = invoice();
    vat.amountExclVat = 10500;
    ImportedInvoice unpaid = paid(12000, 12000, "Impayée");
    unpaid.paymentDate = kInvoiceDay + 5;
    const std::vector<Row> rows = {
        {RK::PaidExclVat, paid(12000, 10000, "Payée"), 12000, 0, ""},
        {RK::PaidStatusWithBalance, paid(12000, std::nullopt, "Payée"), 12000, 0, ""},
        {RK::UnpaidStatusNothingDue, unpaid, 0, 12000, ""},
        {RK::Overpaid, paid(12000, 13000), 12000, 0, ""},
        {RK::PaymentBeforeInvoice, paidBefore, 12000, std::nullopt,
         "Règlement daté d'avant la facture"},
        {RK::VatRatio, vat, std::nullopt, std::nullopt,
         "Montants HT et TTC sans taux de TVA reconnu"},
    };
    for (const Row& row : rows)
    {
        const std::string key(remarkKey(row.kind));
        // Another kind's fix accepted: this one is not applied.
        const RemarkKind other = row.kind == RK::VatRatio ? RK::PaymentBeforeInvoice : RK::VatRatio;
        const ImportResult refused = checked({row.before}, {other});
        ASSERT_EQ(kindsOf(refused), std::vector<RemarkKind>{row.kind}) << key;
        EXPECT_FALSE(refused.remarks[0].fixed) << key;
        EXPECT_TRUE(sameImportedData(refused.invoices[0], row.before)) << key;
        EXPECT_EQ(refused.invoices[0].hold, "") << key;

        const ImportResult accepted = checked({row.before, paid(5000, 5000)}, {row.kind});
        ASSERT_EQ(kindsOf(accepted), std::vector<RemarkKind>{row.kind}) << key;
        EXPECT_TRUE(accepted.remarks[0].fixed) << key;
        const ImportedInvoice& after = accepted.invoices[0];
        EXPECT_EQ(after.paidAmount, row.paidAfter) << key;
        EXPECT_EQ(after.balance, row.balanceAfter) << key;
        EXPECT_EQ(after.hold, row.holdAfter) << key;
        EXPECT_EQ(after.amountInclVat, row.before.amountInclVat) << key;
        // The invoice no remark concerns is untouched.
        EXPECT_TRUE(sameImportedData(accepted.invoices[1], paid(5000, 5000))) << key;
        EXPECT_EQ(accepted.invoices[1].hold, "") << key;
    }
    // Treated as unpaid, the invoice has no payment date left.
    EXPECT_EQ(checked({unpaid}, {RK::UnpaidStatusNothingDue}).invoices[0].paymentDate,
              std::nullopt);
}

TEST(ConsistencyChecks, HoldReasonsAddUpInTheImportLanguage)
{
    ImportedInvoice both = paid(12000, 12000);
    both.paymentDate = kInvoiceDay - 3;
    both.amountExclVat = 10500;
    const ImportResult french =
        checked({both}, {RK::PaymentBeforeInvoice, RK::VatRatio}, Language::French);
    EXPECT_EQ(french.invoices[0].hold, "Règlement daté d'avant la facture ; Montants HT et TTC "
                                       "sans taux de TVA reconnu");
    const ImportResult english =
        checked({both}, {RK::PaymentBeforeInvoice, RK::VatRatio}, Language::English);
    EXPECT_EQ(english.invoices[0].hold,
              "Payment dated before the invoice; Amounts excl. and incl. VAT match no VAT rate");
    // A hold typed before is kept.
    both.hold = "Client en redressement";
    EXPECT_EQ(checked({both}, {RK::VatRatio}).invoices[0].hold,
              "Client en redressement ; Montants HT et TTC sans taux de TVA reconnu");
}

TEST(ConsistencyChecks, DueDateFromTheTermsElseHeld)
{
    struct Row
    {
        const char* terms;
        std::optional<PaymentTerms> defaultTerms;
        std::optional<DayNumber> due; // nullopt: held, due date left as typed
    };
    const std::vector<Row> rows = {
        {"30 jours", std::nullopt, kInvoiceDay + 30},
        {"30", std::nullopt, kInvoiceDay + 30}, // a number of days, as a number cell reads
        {"fin de mois", std::nullopt, day(2026, 3, 31)},
        {"", PaymentTerms{45, false, {}, {}}, kInvoiceDay + 45},
        {"", std::nullopt, std::nullopt},
        {"selon accord", PaymentTerms{45, false, {}, {}}, std::nullopt},
    };
    for (const Row& row : rows)
    {
        ImportedInvoice before = invoice();
        before.terms = row.terms;
        before.dueDate = kInvoiceDay - 10;
        ImportResult result;
        result.invoices = {before};
        ImportOptions options;
        options.defaultTerms = row.defaultTerms;
        options.acceptedFixes = {RK::DueBeforeInvoice};
        checkConsistency(result, {}, options);
        ASSERT_EQ(kindsOf(result), std::vector<RemarkKind>{RK::DueBeforeInvoice}) << row.terms;
        const ConsistencyRemark& remark = result.remarks[0];
        EXPECT_TRUE(remark.fixed);
        const ImportedInvoice& after = result.invoices[0];
        if (row.due)
        {
            EXPECT_EQ(iso(after.dueDate), iso(row.due)) << row.terms;
            EXPECT_EQ(after.hold, "") << row.terms;
            EXPECT_EQ(remark.held, 0u);
        }
        else
        {
            EXPECT_EQ(after.dueDate, before.dueDate) << row.terms;
            EXPECT_EQ(after.hold, "Échéance avant la date de facture, sans conditions de paiement")
                << row.terms;
            EXPECT_EQ(remark.held, 1u);
        }
    }
}

TEST(ConsistencyChecks, OneRemarkPerKindGathersItsInvoices)
{
    std::vector<ImportedInvoice> invoices;
    for (std::size_t i = 0; i < 20; ++i)
    {
        ImportedInvoice made = paid(12000, i % 2 ? 10000 : 12000, "Payée");
        made.sourceRow = 3 + i;
        invoices.push_back(made);
    }
    invoices[5].notes = "Réglée"; // another wording: no single word to quote
    const ImportResult result = checked(invoices);
    ASSERT_EQ(kindsOf(result), std::vector<RemarkKind>{RK::PaidExclVat});
    const ConsistencyRemark& remark = result.remarks[0];
    EXPECT_EQ(remark.count, 10u);
    EXPECT_EQ(remark.amount, 20000);
    EXPECT_EQ(remark.rows, (std::vector<std::size_t>{4, 6, 8, 10, 12, 14, 16, 18, 20, 22}));
    EXPECT_EQ(remark.sample, "");
    EXPECT_EQ(describe(remark, Language::French),
              "10 factures données pour réglées dont le montant réglé est le montant HT : 200,00" +
                  kNbsp + "€ de TVA resteraient dus (lignes 5, 7, 9, 11, 13, 15, 17, 19 … et 2 " +
                  "autres)");
    invoices[5].notes = "Payée";
    EXPECT_EQ(checked(invoices).remarks[0].sample, "Payée");
}

TEST(ConsistencyChecks, DescribesRemarksInFrenchAndEnglish)
{
    const auto remark = [](RemarkKind kind, std::size_t count, Cents amount,
                           std::vector<std::size_t> rows, std::string sample = {},
                           bool fixed = false, std::size_t held = 0)
    {
        ConsistencyRemark made;
        made.kind = kind;
        made.count = count;
        made.amount = amount;
        made.rows = std::move(rows);
        made.sample = std::move(sample);
        made.fixed = fixed;
        made.held = held;
        return made;
    };
    std::vector<std::size_t> many;
    for (std::size_t row = 4; row < 4 + 1204; ++row)
        many.push_back(row);
    const std::string eur = kNbsp + "€";
    struct Row
    {
        ConsistencyRemark remark;
        std::string french, frenchFix, frenchLabel;
        std::string english, englishFix, englishLabel;
    };
    const std::vector<Row> rows = {
        {remark(RK::PaidExclVat, 1204, 2408000, many, "Payée"),
         "1" + kNnbsp + "204 factures dites « Payée » dont le montant réglé est le montant HT : " +
             "24" + kNnbsp + "080,00" + eur +
             " de TVA resteraient dus (lignes 5, 6, 7, 8, 9, 10, 11, 12 … et 1" + kNnbsp +
             "196 autres)",
         "Correction proposée : les traiter comme réglées",
         "Traiter comme réglées les 1" + kNnbsp + "204 factures payées au HT",
         "1,204 invoices marked “Payée” whose paid amount is the amount excl. VAT: €24,080.00 "
         "of VAT would be left due (rows 5, 6, 7, 8, 9, 10, 11, 12 … and 1,196 more)",
         "Proposed fix: treat them as paid", "Treat the 1,204 invoices paid excl. VAT as paid"},
        {remark(RK::PaidExclVat, 1, 2000, {4}, "", true),
         "1 facture donnée pour réglée dont le montant réglé est le montant HT : 20,00" + eur +
             " de TVA resteraient dus (ligne 5)",
         "Corrigé : traitée comme réglée", "Traiter comme réglée la facture payée au HT",
         "1 invoice shown as paid whose paid amount is the amount excl. VAT: €20.00 of VAT "
         "would be left due (row 5)",
         "Fixed: treated as paid", "Treat the invoice paid excl. VAT as paid"},
        {remark(RK::PaidStatusWithBalance, 3, 36000, {4, 8, 9}, "Réglée", true),
         "3 factures dites « Réglée » avec un reste dû : 360,00" + eur +
             " seraient réclamés (lignes 5, 9 et 10)",
         "Corrigé : traitées comme réglées",
         "Traiter comme réglées les 3 factures dites réglées avec un reste dû",
         "3 invoices marked “Réglée” with a balance left: €360.00 would be chased (rows 5, 9 "
         "and 10)",
         "Fixed: treated as paid", "Treat the 3 invoices marked paid with a balance left as paid"},
        {remark(RK::UnpaidStatusNothingDue, 2, 24000, {4, 5}),
         "2 factures données pour impayées dont rien ne reste dû : 240,00" + eur +
             " ne seraient pas réclamés (lignes 5 et 6)",
         "Correction proposée : les traiter comme impayées",
         "Traiter comme impayées les 2 factures dites impayées sans reste dû",
         "2 invoices shown as unpaid with nothing left due: €240.00 would not be chased (rows 5 "
         "and 6)",
         "Proposed fix: treat them as unpaid",
         "Treat the 2 invoices marked unpaid with nothing due as unpaid"},
        {remark(RK::Overpaid, 1, 1000, {11}),
         "1 facture réglée au-delà de son montant : 10,00" + eur + " de trop-perçu (ligne 12)",
         "Correction proposée : ramener le montant réglé à celui de la facture",
         "Ramener à son montant la facture trop réglée",
         "1 invoice paid beyond its amount: €10.00 overpaid (row 12)",
         "Proposed fix: cap the paid amount at the invoice amount",
         "Cap the overpaid invoice at its amount"},
        {remark(RK::Overpaid, 2, 1500, {11, 12}, "", true),
         "2 factures réglées au-delà de leur montant : 15,00" + eur +
             " de trop-perçu (lignes 12 et 13)",
         "Corrigé : montants réglés ramenés à ceux des factures",
         "Ramener à leur montant les 2 factures trop réglées",
         "2 invoices paid beyond their amount: €15.00 overpaid (rows 12 and 13)",
         "Fixed: paid amounts capped at the invoice amounts",
         "Cap the 2 overpaid invoices at their amount"},
        {remark(RK::NumberOtherAmount, 2, 35000, {3, 5, 9}, "F-1-2"),
         "2 lignes reprennent le numéro d'une facture précédente avec un autre montant : 350,00" +
             eur + " seraient ignorés (lignes 4, 6 et 10)",
         "Correction proposée : les garder comme factures distinctes, numérotées à la suite "
         "(« F-1-2 »…)",
         "Garder comme factures distinctes les 2 lignes au numéro repris",
         "2 rows repeat an earlier invoice's number with another amount: €350.00 would be left "
         "out (rows 4, 6 and 10)",
         "Proposed fix: keep them as separate invoices, numbered in sequence (“F-1-2”…)",
         "Keep the 2 rows with a repeated number as separate invoices"},
        {remark(RK::NumberOtherAmount, 1, 15000, {3, 5}, "F-1-2", true),
         "1 ligne reprend le numéro d'une facture précédente avec un autre montant : 150,00" + eur +
             " seraient ignorés (lignes 4 et 6)",
         "Corrigé : gardée comme facture distincte, numérotée « F-1-2 »",
         "Garder comme facture distincte la ligne au numéro repris",
         "1 row repeats an earlier invoice's number with another amount: €150.00 would be left "
         "out (rows 4 and 6)",
         "Fixed: kept as a separate invoice, numbered “F-1-2”",
         "Keep the row with a repeated number as a separate invoice"},
        {remark(RK::PaymentBeforeInvoice, 2, 30000, {6, 7}),
         "2 factures dont la date de règlement précède la date de facture : 300,00" + eur +
             " en tout (lignes 7 et 8)",
         "Correction proposée : suspendre leurs relances jusqu'à vérification",
         "Suspendre les relances des 2 factures réglées avant leur date",
         "2 invoices whose payment date is before the invoice date: €300.00 in all (rows 7 and "
         "8)",
         "Proposed fix: hold their reminders until checked",
         "Hold reminders for the 2 invoices paid before their date"},
        {remark(RK::PaymentBeforeInvoice, 1, 0, {6}, "", true),
         "1 facture dont la date de règlement précède la date de facture (ligne 7)",
         "Corrigé : relances suspendues jusqu'à vérification",
         "Suspendre les relances de la facture réglée avant sa date",
         "1 invoice whose payment date is before the invoice date (row 7)",
         "Fixed: reminders held until checked",
         "Hold reminders for the invoice paid before its date"},
        {remark(RK::DueBeforeInvoice, 1, 12000, {6}),
         "1 facture dont l'échéance précède la date de facture : 120,00" + eur + " (ligne 7)",
         "Correction proposée : recalculer l'échéance d'après les conditions de paiement, à "
         "défaut suspendre les relances",
         "Recalculer l'échéance de la facture échue avant sa date",
         "1 invoice whose due date is before the invoice date: €120.00 (row 7)",
         "Proposed fix: recompute the due date from the payment terms, or else hold the "
         "reminders",
         "Recompute the due date of the invoice due before its date"},
        {remark(RK::DueBeforeInvoice, 3, 36000, {6, 7, 8}, "", true, 1),
         "3 factures dont l'échéance précède la date de facture : 360,00" + eur +
             " en tout (lignes 7, 8 et 9)",
         "Corrigé : échéances recalculées d'après les conditions de paiement, relances "
         "suspendues pour 1 sans conditions",
         "Recalculer l'échéance des 3 factures échues avant leur date",
         "3 invoices whose due date is before the invoice date: €360.00 in all (rows 7, 8 and "
         "9)",
         "Fixed: due dates recomputed from the payment terms, reminders held for 1 without terms",
         "Recompute the due date of the 3 invoices due before their date"},
        {remark(RK::DueBeforeInvoice, 2, 24000, {6, 7}, "", true, 2),
         "2 factures dont l'échéance précède la date de facture : 240,00" + eur +
             " en tout (lignes 7 et 8)",
         "Corrigé : relances suspendues, faute de conditions de paiement",
         "Recalculer l'échéance des 2 factures échues avant leur date",
         "2 invoices whose due date is before the invoice date: €240.00 in all (rows 7 and 8)",
         "Fixed: reminders held, no payment terms known",
         "Recompute the due date of the 2 invoices due before their date"},
        {remark(RK::VatRatio, 2, 25000, {6, 9}),
         "2 factures dont les montants HT et TTC ne correspondent à aucun taux de TVA français : "
         "250,00" +
             eur + " en tout (lignes 7 et 10)",
         "Correction proposée : suspendre leurs relances jusqu'à vérification",
         "Suspendre les relances des 2 factures aux montants HT et TTC incohérents",
         "2 invoices whose amounts excl. and incl. VAT match no French VAT rate: €250.00 in all "
         "(rows 7 and 10)",
         "Proposed fix: hold their reminders until checked",
         "Hold reminders for the 2 invoices whose amounts excl. and incl. VAT disagree"},
    };
    for (const Row& row : rows)
    {
        const std::string key(remarkKey(row.remark.kind));
        EXPECT_EQ(describe(row.remark, Language::French), row.french) << key;
        EXPECT_EQ(fixText(row.remark, Language::French), row.frenchFix) << key;
        EXPECT_EQ(fixLabel(row.remark, Language::French), row.frenchLabel) << key;
        EXPECT_EQ(describe(row.remark, Language::English), row.english) << key;
        EXPECT_EQ(fixText(row.remark, Language::English), row.englishFix) << key;
        EXPECT_EQ(fixLabel(row.remark, Language::English), row.englishLabel) << key;
    }
    // Rows counted from the grid's first sheet row; a long status text is shortened.
    const ConsistencyRemark shifted =
        remark(RK::PaidStatusWithBalance, 1, 100, {0}, std::string(80, 'x'));
    const std::string text = describe(shifted, Language::French, 10);
    EXPECT_TRUE(
        text.ends_with("… » avec un reste dû : 1,00" + eur + " seraient réclamés (ligne 10)"))
        << text;
    EXPECT_LT(text.size(), 140u); // 80 characters would make it 165
}

// ---------------------------------------------------------------------------------------------
// Through the import: the sheet whose paid amounts were typed excl. VAT, repeated numbers

namespace
{

// A thousand invoices: 800 said « Payée » whose paid amount is the amount excl. VAT, 150
// « Payée » paid in full, 40 « Impayée » with nothing paid and 10 credit notes « Payée ».
SourceGrid exclVatSheet(bool withHtColumn)
{
    SourceGrid grid;
    grid.push_back({T("Factures 2025")});
    std::vector<SourceCell> header = {T("N° facture"),  T("Client"),        T("Date"),
                                      T("Montant TTC"), T("Montant réglé"), T("Statut")};
    if (withHtColumn)
        header.insert(header.begin() + 3, T("Montant HT"));
    grid.push_back(header);
    for (int i = 0; i < 1000; ++i)
    {
        const bool creditNote = i >= 990;
        const Cents excl = (creditNote ? -1 : 1) * (10000 + 100 * (i % 50)); // 100 to 149 €
        const Cents incl = excl * 12 / 10;
        const bool paidExclVat = i < 800, unpaid = i >= 950 && !creditNote;
        const Cents paidAmount = unpaid ? 0 : paidExclVat ? excl : incl;
        std::vector<SourceCell> row = {SourceCell::of("F2025-" + std::to_string(i)),
                                       SourceCell::of("Client " + std::to_string(i % 37)),
                                       N(serial(2025, 1, 2) + i % 300),
                                       N(eurosFromCents(incl)),
                                       N(eurosFromCents(paidAmount)),
                                       T(unpaid ? "Impayée" : "Payée")};
        if (withHtColumn)
            row.insert(row.begin() + 3, N(eurosFromCents(excl)));
        grid.push_back(row);
    }
    return grid;
}

Cents totalBalance(const ImportResult& result)
{
    Cents balance = 0;
    for (const ImportedInvoice& invoice : result.invoices)
        if (!isCreditNote(invoice))
            balance += *invoice.amountInclVat - invoice.paidAmount.value_or(0);
    return balance;
}

} // namespace

TEST(ConsistencyChecks, PaidAmountsTypedExclVat)
{
    // The VAT of the 800: 20 % of 100 + 101 + ... + 149 €, sixteen times over.
    // The 40 « Impayée » are due in full.
    Cents vat = 0, unpaid = 0;
    for (int i = 0; i < 800; ++i)
        vat += (10000 + 100 * (i % 50)) * 2 / 10;
    for (int i = 950; i < 990; ++i)
        unpaid += (10000 + 100 * (i % 50)) * 12 / 10;
    for (const bool withHtColumn : {true, false})
    {
        const SourceGrid grid = exclVatSheet(withHtColumn);
        const HeaderGuess header = detectHeader(grid);
        ASSERT_EQ(header.headerRow, 1u);
        ImportOptions options;
        const ImportResult refused = importInvoices(grid, header, options);
        ASSERT_EQ(refused.invoices.size(), 1000u);
        ASSERT_EQ(kindsOf(refused), std::vector<RemarkKind>{RK::PaidExclVat}) << withHtColumn;
        const ConsistencyRemark& remark = refused.remarks[0];
        EXPECT_EQ(remark.count, 800u);
        EXPECT_EQ(remark.amount, vat);
        EXPECT_EQ(remark.rows.front(), 2u);
        EXPECT_EQ(remark.rows.back(), 801u);
        EXPECT_EQ(remark.sample, "Payée");
        EXPECT_FALSE(remark.fixed);
        EXPECT_EQ(totalBalance(refused), vat + unpaid);
        EXPECT_TRUE(describe(remark, Language::French)
                        .starts_with("800 factures dites « Payée » dont le montant réglé est le "
                                     "montant HT : " +
                                     formatMoney(vat, Language::French) +
                                     " de TVA resteraient dus (lignes 3, 4, 5"));

        options.acceptedFixes = {RK::PaidExclVat};
        const ImportResult fixed = importInvoices(grid, header, options);
        ASSERT_EQ(kindsOf(fixed), std::vector<RemarkKind>{RK::PaidExclVat});
        EXPECT_TRUE(fixed.remarks[0].fixed);
        EXPECT_EQ(fixed.remarks[0].amount, vat);
        for (std::size_t i = 0; i < 800; ++i)
        {
            EXPECT_EQ(fixed.invoices[i].paidAmount, fixed.invoices[i].amountInclVat);
            EXPECT_EQ(fixed.invoices[i].balance, 0);
        }
        // Only the « Impayée » remain due, the credit notes as they were.
        for (std::size_t i = 800; i < 1000; ++i)
            EXPECT_TRUE(sameImportedData(fixed.invoices[i], refused.invoices[i])) << i;
        EXPECT_EQ(totalBalance(fixed), unpaid);
    }
}

TEST(ConsistencyChecks, RepeatedNumberWithAnotherAmount)
{
    const SourceGrid grid = {
        {T("N° facture"), T("Client"), T("Date"), T("Montant TTC")},
        /* 1 */ {T("F-1"), T("Martin"), T("02/03/2026"), N(100)},
        /* 2 */ {T("F-2"), T("Dubois"), T("03/03/2026"), N(200)},
        /* 3: another amount: another invoice typed with the same number */
        {T("f-1"), T("Martin"), T("31/02/2026"), N(150)},
        /* 4: the same invoice typed twice */
        {T("F-1"), T("Martin"), T("02/03/2026"), N(100)},
        /* 5: a number the sheet really has: the kept row must not take it */
        {T("F-1-2"), T("Perrin"), T("05/03/2026"), N(80)},
        /* 6 */ {T("F-1"), T("Martin"), T("06/03/2026"), N(175)},
        /* 7: no amount: nothing would be lost */
        {T("F-2"), T("Dubois"), T("06/03/2026"), E},
    };
    const HeaderGuess header = detectHeader(grid);
    const auto numbers = [](const ImportResult& result)
    {
        std::vector<std::string> list;
        for (const ImportedInvoice& invoice : result.invoices)
            list.push_back(invoice.number);
        return list;
    };
    const auto problemKinds = [](const ImportResult& result)
    {
        std::vector<std::pair<Kind, std::size_t>> list;
        for (const ImportProblem& problem : result.problems)
            list.emplace_back(problem.kind, problem.sourceRow);
        return list;
    };

    ImportOptions options;
    const ImportResult refused = importInvoices(grid, header, options);
    EXPECT_EQ(numbers(refused), (std::vector<std::string>{"F-1", "F-2", "F-1-2"}));
    // Refused, the rows with another amount are skipped like duplicates, their cells unread.
    EXPECT_EQ(problemKinds(refused),
              (std::vector<std::pair<Kind, std::size_t>>{{Kind::DuplicateNumber, 3},
                                                         {Kind::DuplicateNumber, 4},
                                                         {Kind::DuplicateNumber, 6},
                                                         {Kind::DuplicateNumber, 7}}));
    ASSERT_EQ(kindsOf(refused), std::vector<RemarkKind>{RK::NumberOtherAmount});
    const ConsistencyRemark& remark = refused.remarks[0];
    EXPECT_EQ(remark.count, 2u);
    EXPECT_EQ(remark.rows, (std::vector<std::size_t>{1, 3, 6}));
    EXPECT_EQ(remark.amount, 32500);
    EXPECT_EQ(remark.sample, "F-1-3");
    EXPECT_FALSE(remark.fixed);
    EXPECT_EQ(describe(remark, Language::French),
              "2 lignes reprennent le numéro d'une facture précédente avec un autre montant : "
              "325,00" +
                  kNbsp + "€ seraient ignorés (lignes 2, 4 et 7)");

    options.acceptedFixes = {RK::NumberOtherAmount};
    const ImportResult kept = importInvoices(grid, header, options);
    EXPECT_EQ(numbers(kept), (std::vector<std::string>{"F-1", "F-2", "F-1-3", "F-1-2", "F-1-4"}));
    EXPECT_EQ(kept.invoices[2].amountInclVat, 15000);
    EXPECT_EQ(kept.invoices[4].amountInclVat, 17500);
    EXPECT_EQ(kept.invoices[4].sourceRow, 6u);
    // The kept row's unreadable date is reported now that the row is read.
    EXPECT_EQ(problemKinds(kept),
              (std::vector<std::pair<Kind, std::size_t>>{{Kind::UnreadableDate, 3},
                                                         {Kind::DuplicateNumber, 4},
                                                         {Kind::DuplicateNumber, 7}}));
    ASSERT_EQ(kindsOf(kept), std::vector<RemarkKind>{RK::NumberOtherAmount});
    EXPECT_TRUE(kept.remarks[0].fixed);
    EXPECT_EQ(fixText(kept.remarks[0], Language::French),
              "Corrigé : gardées comme factures distinctes, numérotées à la suite (« F-1-3 »…)");
}

TEST(ConsistencyChecks, PreviewListsTheRemarksFirst)
{
    ImportResult result =
        checked({paid(12000, 10000, "Payée"), paid(12000, 13000)}, {RK::Overpaid});
    const std::string french = previewText(result, 1, Language::French);
    EXPECT_TRUE(french.starts_with(
        "Incohérences à vérifier (2) :\n"
        "- 1 facture dite « Payée » dont le montant réglé est le montant HT : 20,00" +
        kNbsp +
        "€ de TVA resteraient dus (ligne 5)\n"
        "  Correction proposée : la traiter comme réglée\n"
        "- 1 facture réglée au-delà de son montant : 10,00" +
        kNbsp +
        "€ de trop-perçu (ligne 5)\n"
        "  Corrigé : montant réglé ramené à celui de la facture\n"
        "\n2 facture(s) lue(s)."))
        << french;
    const std::string english = previewText(result, 1, Language::English);
    EXPECT_TRUE(english.starts_with("Inconsistencies to check (2):\n- 1 invoice marked “Payée”"))
        << english;
    EXPECT_NE(english.find("\n  Fixed: paid amount capped at the invoice amount\n\n2 invoice(s) "
                           "read."),
              std::string::npos)
        << english;

    result = checked({paid(12000, 12000, "Payée")});
    EXPECT_TRUE(previewText(result, 1, Language::French).starts_with("1 facture(s) lue(s)."));
    EXPECT_TRUE(previewText(result, 1, Language::English).starts_with("1 invoice(s) read."));
}
