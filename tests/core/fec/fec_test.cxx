#include "core/fec/fec_file.hxx"
#include "core/fec/fec_ledger.hxx"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/common/input_error.hxx"

using namespace relance;

namespace
{

DayNumber day(int y, unsigned m, unsigned d)
{
    return toDayNumber({y, m, d});
}

const char* kHeader = "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|"
                      "CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|"
                      "EcritureLet|DateLet|ValidDate|Montantdevise|Idevise";

// A small joinery's books for the first quarter: two customers under 411000 with auxiliary
// accounts, one with its own 411DUP account; lettering full, partial and after the as-of date;
// a credit note lettered with its invoice; an unlettered payment.
std::vector<std::string> quarterLines()
{
    return {
        "VT|Ventes|1|20260110|411000|Clients|CMARTIN|Boulangerie Martin|F001|20260110|Facture "
        "F001|1200,00|0,00|A|20260210|20260110||",
        "VT|Ventes|1|20260110|706000|Prestations|||F001|20260110|Facture F001|0,00|1000,00|||||",
        "VT|Ventes|1|20260110|445710|TVA collectée|||F001|20260110|Facture F001|0,00|200,00|||||",
        "VT|Ventes|2|20260120|411DUP|Garage Dupuis|||F003|20260120|Facture "
        "F003|2400,00|0,00|B|20260220|||",
        "VT|Ventes|2|20260120|706000|Prestations|||F003|20260120|Facture F003|0,00|2400,00|||||",
        "VT|Ventes|3|20260201|411DUP|Garage Dupuis|||AV001|20260201|Avoir "
        "AV001|0,00|240,00|B|20260220|||",
        "VT|Ventes|3|20260201|706000|Prestations|||AV001|20260201|Avoir AV001|240,00|0,00|||||",
        "VT|Ventes|4|20260205|411000|Clients|CMARTIN|Boulangerie Martin|F002|20260205|Facture "
        "F002|600,00|0,00|c|20260301|||",
        "VT|Ventes|4|20260205|706000|Prestations|||F002|20260205|Facture F002|0,00|600,00|||||",
        "BQ|Banque|5|20260210|411000|Clients|CMARTIN|Boulangerie Martin|VIR0210|20260210|Virement "
        "Martin|0,00|1200,00|A|20260210|||",
        "BQ|Banque|5|20260210|512000|Banque|||VIR0210|20260210|Virement Martin|1200,00|0,00|||||",
        "BQ|Banque|6|20260220|411DUP|Garage Dupuis|||CHQ88|20260220|Chèque "
        "Dupuis|0,00|2160,00|B|20260220|||",
        "BQ|Banque|6|20260220|512000|Banque|||CHQ88|20260220|Chèque Dupuis|2160,00|0,00|||||",
        "BQ|Banque|7|20260301|411000|Clients|CMARTIN|Boulangerie Martin|VIR0301|20260301|Acompte "
        "F002|0,00|300,00|c|20260301|||",
        "BQ|Banque|7|20260301|512000|Banque|||VIR0301|20260301|Acompte F002|300,00|0,00|||||",
        "VT|Ventes|8|20260305|411000|Clients|CHOTEL|Hôtel Élysée|F004|20260305|Facture "
        "F004|900,00|0,00|||||",
        "VT|Ventes|8|20260305|706000|Prestations|||F004|20260305|Facture F004|0,00|900,00|||||",
        "VT|Ventes|9|20260310|411000|Clients|CMARTIN|Boulangerie Martin|F005|20260310|Facture "
        "F005|100,00|0,00|D|20260405|||",
        "VT|Ventes|9|20260310|706000|Prestations|||F005|20260310|Facture F005|0,00|100,00|||||",
        "BQ|Banque|10|20260320|411000|Clients|CHOTEL|Hôtel Élysée|VIR0320|20260320|Virement "
        "hôtel|0,00|500,00|||||",
        "BQ|Banque|10|20260320|512000|Banque|||VIR0320|20260320|Virement hôtel|500,00|0,00|||||",
        "BQ|Banque|11|20260325|411000|Clients|CMARTIN|Boulangerie Martin|VIR0325|20260325|Virement "
        "F005|0,00|100,00|D|20260405|||",
        "BQ|Banque|11|20260325|512000|Banque|||VIR0325|20260325|Virement F005|100,00|0,00|||||",
        "BQ|Banque|12|20260410|411000|Clients|CHOTEL|Hôtel Élysée|VIR0410|20260410|Virement "
        "hôtel|0,00|400,00|||||",
        "BQ|Banque|12|20260410|512000|Banque|||VIR0410|20260410|Virement hôtel|400,00|0,00|||||",
    };
}

std::string fecText(const std::vector<std::string>& lines, char separator = '|')
{
    std::string text = kHeader;
    text += "\r\n";
    for (const std::string& line : lines)
        text += line + "\r\n";
    if (separator != '|')
        for (char& c : text)
            if (c == '|')
                c = separator;
    return text;
}

const ImportedInvoice& invoiceNumbered(const FecLedger& ledger, const std::string& number)
{
    for (const ImportedInvoice& invoice : ledger.invoices)
        if (invoice.number == number)
            return invoice;
    throw std::runtime_error("no invoice " + number);
}

Cents outstandingOf(const FecLedger& ledger, const std::string& number)
{
    // What allocatePayments leaves on the invoice, as the ledger will show it.
    std::vector<PaymentEntry> payments = paymentsFromSource(ledger.invoices);
    payments.insert(payments.end(), ledger.loosePayments.begin(), ledger.loosePayments.end());
    const Allocation allocation = allocatePayments(ledger.invoices, payments);
    for (std::size_t i = 0; i < ledger.invoices.size(); ++i)
        if (ledger.invoices[i].number == number)
            return isCreditNote(ledger.invoices[i])
                       ? *ledger.invoices[i].amountInclVat -
                             ledger.invoices[i].paidAmount.value_or(0)
                       : *ledger.invoices[i].amountInclVat - allocation.paid[i];
    throw std::runtime_error("no invoice " + number);
}

} // namespace

TEST(FecFile, AmountsAsSoftwareWritesThem)
{
    EXPECT_EQ(parseFecAmount("1437,12"), 143712);
    EXPECT_EQ(parseFecAmount(" 000000000001437,12"), 143712);
    EXPECT_EQ(parseFecAmount("-000000000001437,12"), -143712);
    EXPECT_EQ(parseFecAmount("+12"), 1200);
    EXPECT_EQ(parseFecAmount("12.5"), 1250);
    EXPECT_EQ(parseFecAmount(""), 0);
    EXPECT_FALSE(parseFecAmount("12,3,4"));
    EXPECT_FALSE(parseFecAmount("1 437,12x"));
    EXPECT_FALSE(parseFecAmount("1,234"));
    EXPECT_EQ(parseFecDate("20260115"), day(2026, 1, 15));
    EXPECT_EQ(parseFecDate("2026-01-15"), day(2026, 1, 15));
    EXPECT_FALSE(parseFecDate("20260231"));
    EXPECT_FALSE(parseFecDate("2026011"));
}

TEST(FecFile, PipeAndTabReadTheSame)
{
    const FecFile pipe = readFec(fecText(quarterLines()));
    const FecFile tab = readFec(fecText(quarterLines(), '\t'));
    EXPECT_EQ(pipe.separator, '|');
    EXPECT_EQ(tab.separator, '\t');
    ASSERT_EQ(pipe.lines.size(), 25u);
    ASSERT_EQ(tab.lines.size(), 25u);
    EXPECT_EQ(pipe.lines[0].line, 2u);
    EXPECT_EQ(pipe.lines[0].auxLabel, "Boulangerie Martin");
    EXPECT_EQ(pipe.lines[0].debit, 120000);
    EXPECT_EQ(pipe.lines[0].letteringDate, day(2026, 2, 10));
    EXPECT_EQ(tab.lines[15].auxLabel, "Hôtel Élysée");
    EXPECT_TRUE(pipe.problems.empty());
}

TEST(FecFile, Latin9IsDetectedAndConverted)
{
    std::string text = fecText(quarterLines());
    // "Hôtel Élysée" and a "€" in ISO-8859-15 bytes: ô F4, É C9, é E9, € A4.
    std::string latin;
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        const std::string_view rest = std::string_view(text).substr(i);
        if (rest.substr(0, 2) == "\xC3\xB4")
            latin += '\xF4', ++i;
        else if (rest.substr(0, 2) == "\xC3\x89")
            latin += '\xC9', ++i;
        else if (rest.substr(0, 2) == "\xC3\xA9")
            latin += '\xE9', ++i;
        else if (rest.substr(0, 2) == "\xC3\xA8")
            latin += '\xE8', ++i;
        else
            latin += text[i];
    }
    latin += "OD|Op\xE9rations diverses|13|20260331|471000|Attente|||X1|20260331|Frais "
             "\xA4|0,00|0,00|||||\r\n";
    const FecFile file = readFec(latin);
    EXPECT_EQ(file.encoding, FecEncoding::Iso885915);
    EXPECT_EQ(file.lines[15].auxLabel, "Hôtel Élysée");
    EXPECT_EQ(file.lines.back().label, "Frais \u20ac");
}

TEST(FecFile, UnreadableLinesAreNamedWithTheirField)
{
    std::vector<std::string> lines = quarterLines();
    lines.push_back("BQ|Banque|13|20260331|512000|Banque|||X|20260331|Frais|12,3,4|0,00|||||");
    lines.push_back("BQ|Banque|14|20263131|512000|Banque|||X|20260331|Frais|1,00|0,00|||||");
    lines.push_back("BQ|Banque|15|20260331|512000");
    const FecFile file = readFec(fecText(lines));
    ASSERT_EQ(file.problems.size(), 3u);
    EXPECT_EQ(describe(file.problems[0], Language::French),
              "Ligne 27 : montant illisible \u00ab\u00a012,3,4\u00a0\u00bb (Debit), ligne ignorée");
    EXPECT_EQ(describe(file.problems[1], Language::English),
              "Line 28: unreadable date \u201c20263131\u201d (EcritureDate), line left out");
    EXPECT_EQ(file.problems[2].kind, FecProblem::Kind::FieldCount);
    EXPECT_EQ(file.lineCount, 28u);
}

TEST(FecFile, AmountAndSenseVariant)
{
    const std::string text =
        "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\t"
        "CompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tMontant\tSens\tEcritureLet\tDateLet\t"
        "ValidDate\tMontantdevise\tIdevise\n"
        "VT\tVentes\t1\t20260110\t411000\tClients\tC1\tMartin\tF1\t20260110\tF1\t "
        "000000000001437,12\tD\t\t\t\t\t\n"
        "BQ\tBanque\t2\t20260120\t411000\tClients\tC1\tMartin\tV1\t20260120\tV1\t000000000000437,"
        "12\tC\t\t\t\t\t\n"
        "BQ\tBanque\t3\t20260120\t411000\tClients\tC1\tMartin\tV1\t20260120\tV1\t1,"
        "00\tX\t\t\t\t\t\n";
    const FecFile file = readFec(text);
    EXPECT_TRUE(file.amountAndSense);
    ASSERT_EQ(file.lines.size(), 2u);
    EXPECT_EQ(file.lines[0].debit, 143712);
    EXPECT_EQ(file.lines[1].credit, 43712);
    ASSERT_EQ(file.problems.size(), 1u);
    EXPECT_EQ(file.problems[0].kind, FecProblem::Kind::UnreadableSense);
}

TEST(FecFile, NotAFecIsRefusedInBothLanguages)
{
    try
    {
        readFec("Date;Client;Montant\n01/01/2026;Martin;12\n");
        FAIL();
    }
    catch (const InputError& error)
    {
        EXPECT_NE(error.message(Language::French).find("ce n'est pas un fichier FEC"),
                  std::string::npos);
    }
    try
    {
        readFec("JournalCode|EcritureNum|EcritureDate|CompteNum|Debit|Credit\n");
        FAIL();
    }
    catch (const InputError& error)
    {
        EXPECT_NE(std::string(error.what()).find("no column PieceRef"), std::string::npos);
    }
}

TEST(FecLedger, LetteringAllocatesAndTheBalanceMatches)
{
    FecLedgerOptions options;
    options.asOf = day(2026, 3, 31);
    options.defaultTerms = "30 jours";
    options.customerTerms["garage dupuis"] = "45 jours fin de mois";
    const FecLedger ledger = ledgerFromFec(readFec(fecText(quarterLines())), options);

    EXPECT_EQ(ledger.laterLines, 1u); // the hotel's payment of 10 April
    EXPECT_EQ(ledger.fecBalance, 70000);
    EXPECT_EQ(ledger.ledgerOutstanding, 70000);
    EXPECT_EQ(ledger.unallocated, 0);
    ASSERT_EQ(ledger.invoices.size(), 6u);

    const ImportedInvoice& f001 = invoiceNumbered(ledger, "F001");
    EXPECT_EQ(f001.customer, "Boulangerie Martin");
    EXPECT_EQ(f001.paidAmount, 120000);
    EXPECT_EQ(f001.paymentDate, day(2026, 2, 10));
    EXPECT_EQ(f001.dueDate, day(2026, 2, 9));
    EXPECT_EQ(f001.terms, "30 jours");
    EXPECT_EQ(f001.sourceRow, 1u); // the FEC's line 2

    // The credit note and the cheque together settle F003, whose terms are the customer's.
    const ImportedInvoice& f003 = invoiceNumbered(ledger, "F003");
    EXPECT_EQ(f003.customer, "Garage Dupuis");
    EXPECT_EQ(f003.terms, "45 jours fin de mois");
    EXPECT_EQ(f003.dueDate, day(2026, 3, 31));
    EXPECT_EQ(f003.paidAmount, 240000);
    EXPECT_EQ(f003.payments.size(), 2u);
    const ImportedInvoice& av001 = invoiceNumbered(ledger, "AV001");
    EXPECT_EQ(av001.amountInclVat, -24000);
    EXPECT_EQ(av001.paidAmount, -24000);
    EXPECT_EQ(outstandingOf(ledger, "AV001"), 0);
    EXPECT_EQ(outstandingOf(ledger, "F003"), 0);

    // Partial lettering keeps F002 part-paid; F005's lettering of 5 April was not done on
    // 31 March, so its payment went, unlettered, to Martin's oldest open invoice.
    EXPECT_EQ(invoiceNumbered(ledger, "F002").paidAmount, 30000);
    EXPECT_EQ(ledger.partialGroups, 1u);
    ASSERT_EQ(ledger.loosePayments.size(), 2u);
    EXPECT_EQ(outstandingOf(ledger, "F002"), 20000);
    EXPECT_EQ(outstandingOf(ledger, "F005"), 10000);
    EXPECT_EQ(outstandingOf(ledger, "F004"), 40000);
}

TEST(FecLedger, AtTheLastDateEverythingLetteredIsSettled)
{
    FecLedgerOptions options;
    options.defaultTerms = "30 jours";
    const FecLedger ledger = ledgerFromFec(readFec(fecText(quarterLines())), options);
    EXPECT_EQ(ledger.asOf, day(2026, 4, 10));
    EXPECT_EQ(ledger.fecBalance, 30000);
    EXPECT_EQ(ledger.ledgerOutstanding, 30000);
    EXPECT_EQ(outstandingOf(ledger, "F005"), 0);
    EXPECT_EQ(outstandingOf(ledger, "F004"), 0);
    EXPECT_EQ(outstandingOf(ledger, "F002"), 30000);
    const std::string text =
        describeFecImport(readFec(fecText(quarterLines())), ledger, Language::French);
    EXPECT_NE(text.find("Solde des comptes clients (411, 416) au 10/04/2026 : 300,00\u00a0€ = "
                        "encours du registre"),
              std::string::npos)
        << text;
}

TEST(FecLedger, ADebtMovedToDoubtfulCustomersIsStillOwed)
{
    std::vector<std::string> lines = quarterLines();
    // The accountant moves the hotel's open F004 to 416 (doubtful), lettering it on 411.
    lines[15] = "VT|Ventes|8|20260305|411000|Clients|CHOTEL|Hôtel Élysée|F004|20260305|Facture "
                "F004|900,00|0,00|H|20260330|||";
    lines.push_back("OD|Opérations diverses|20|20260330|411000|Clients|CHOTEL|Hôtel "
                    "Élysée|DOUT1|20260330|Transfert douteux|0,00|900,00|H|20260330|||");
    lines.push_back("OD|Opérations diverses|20|20260330|416000|Clients douteux|CHOTEL|Hôtel "
                    "Élysée|DOUT1|20260330|Transfert douteux|900,00|0,00|||||");
    FecLedgerOptions options;
    options.asOf = day(2026, 3, 31);
    const FecLedger ledger = ledgerFromFec(readFec(fecText(lines)), options);
    EXPECT_EQ(ledger.transferLines, 2u);
    EXPECT_EQ(ledger.fecBalance, 70000);
    EXPECT_EQ(ledger.ledgerOutstanding, 70000);
    EXPECT_EQ(ledger.invoices.size(), 6u) << "no invoice made of the transfer";
    EXPECT_EQ(outstandingOf(ledger, "F004"), 40000);
}

TEST(FecLedger, AnAdvanceIsNamedAsTheDifference)
{
    std::vector<std::string> lines = quarterLines();
    lines.push_back("BQ|Banque|13|20260410|411000|Clients|CNEUF|Café Neuf|VIR0410B|20260410|"
                    "Acompte commande|0,00|150,00|||||");
    FecLedgerOptions options;
    const FecFile file = readFec(fecText(lines));
    const FecLedger ledger = ledgerFromFec(file, options);
    EXPECT_EQ(ledger.fecBalance, 15000);
    EXPECT_EQ(ledger.ledgerOutstanding, 30000);
    EXPECT_EQ(ledger.unallocated, 15000);
    EXPECT_EQ(ledger.withoutTerms, 5u);
    const std::string text = describeFecImport(file, ledger, Language::English);
    EXPECT_NE(text.find("Difference: €150.00 of payments with no open invoice"), std::string::npos)
        << text;
    EXPECT_NE(text.find("5 invoice(s) without terms"), std::string::npos) << text;
}

TEST(FecLedger, TheClosingDateComesFromTheFileName)
{
    EXPECT_EQ(fecClosingDate("/home/x/512345678FEC20251231.txt"), day(2025, 12, 31));
    EXPECT_EQ(fecClosingDate("512345678FEC20251231-latin9.txt"), day(2025, 12, 31));
    EXPECT_FALSE(fecClosingDate("export.txt"));
    FecLedgerOptions options;
    options.closingDate = day(2026, 4, 30);
    EXPECT_EQ(ledgerFromFec(readFec(fecText(quarterLines())), options).asOf, day(2026, 4, 30));
}

TEST(FecLedger, NoCustomerLineIsRefused)
{
    const std::vector<std::string> lines = {
        "BQ|Banque|1|20260110|512000|Banque|||X|20260110|Frais|10,00|0,00|||||",
        "BQ|Banque|1|20260110|627000|Frais|||X|20260110|Frais|0,00|10,00|||||"};
    EXPECT_THROW(ledgerFromFec(readFec(fecText(lines)), {}), InputError);
}
