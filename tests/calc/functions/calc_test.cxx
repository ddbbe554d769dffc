// Relance functions typed into real cells of a headless LibreOffice Calc with the built
// extension installed: values, labels, documented error codes, both UI languages, and the
// names stored in ODF documents.
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <sstream>
#include <string>
#include <vector>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <gtest/gtest.h>

#include "calc_support.hxx"
#include "uno/functions/function_table.hxx"

using namespace css;
namespace fs = std::filesystem;

using namespace relance_test;

namespace
{

struct Case
{
    std::string formula;
    std::string expected;            // a formula computing the expected value, or "Err:NNN"
    std::string expectedFrench = {}; // when the French result differs (labels)
};

// Inputs the cases refer to, typed as a user would (text cells included).
void fillInputs(const Sheet& sheet)
{
    sheet.text("H1", "12 mars 2024");
    sheet.text("H2", "45 jours fin de mois");
    sheet.type("H3", "15");
    sheet.type("H5", "45");
    sheet.text("H6", "selon accord");
    sheet.type("H7", "=DATE(2024;1;15)");
    sheet.text("H8", "31/02/2024");
    sheet.type("H11", "60");
    sheet.type("H12", "30");
    sheet.text("H20", "2026-S2");
    sheet.type("I20", "=215/10000");

    // A small invoice list, as of 30/06/2024: customer, invoice date, due date, amount,
    // payment date, paid amount, notes. Row 4 is blank, row 5 a subtotal without dates.
    const char* rows[][7] = {
        {"Alpha SARL", "=DATE(2024;1;10)", "=DATE(2024;2;9)", "1000", "=DATE(2024;3;10)", "", ""},
        {"Alpha SARL", "=DATE(2024;3;1)", "=DATE(2024;3;31)", "2000", "", "500", "litige"},
        {"Beta SAS", "=DATE(2024;5;2)", "=DATE(2024;6;1)", "'1 234,56 €", "", "", ""},
        {"", "", "", "", "", "", ""},
        {"Sous-total", "", "", "4234", "", "", ""},
        {"beta sas", "'15/06/2024", "=DATE(2024;7;15)", "300", "", "", ""},
        {"Gamma", "=DATE(2024;4;15)", "=DATE(2024;5;15)", "800", "=DATE(2024;7;5)", "", ""},
    };
    const char* columns = "MNOPQRS";
    for (int r = 0; r < 7; ++r)
        for (int c = 0; c < 7; ++c)
        {
            const std::string address = std::string(1, columns[c]) + std::to_string(r + 1);
            const std::string value = rows[r][c];
            if (value.empty())
                continue;
            if (value[0] == '\'')
                sheet.text(address.c_str(), value.substr(1));
            else if (value[0] == '=' || std::isdigit(static_cast<unsigned char>(value[0])))
                sheet.type(address.c_str(), value);
            else
                sheet.text(address.c_str(), value);
        }
    // A customer list for AR.CUSTOMERSUMMARY: a name in other letter case, one without
    // invoices; Alpha's creation date and credit limit beside it.
    sheet.text("U1", "Alpha SARL");
    sheet.text("U2", "gamma");
    sheet.text("U3", "Nobody");
    sheet.type("V1", "=DATE(2023;1;1)");
    sheet.type("W1", "1600");
    // The invoices' numbers, and a reminder log: letter date, level, invoices, state. The
    // last letter failed to send: it is not a reminder.
    for (const char* cell : {"T1", "T2", "T3", "T6", "T7"})
        sheet.text(cell, std::string("F") + cell[1]);
    const char* log[][4] = {{"=DATE(2024;2;20)", "1", "F1", "Envoyé"},
                            {"=DATE(2024;4;10)", "2", "F2", "Généré"},
                            {"=DATE(2024;6;1)", "1", "F7, F99", "Envoyé"},
                            {"=DATE(2024;6;5)", "3", "F3", "Échec de l'envoi : refusé"}};
    for (int r = 0; r < 4; ++r)
    {
        const std::string row = std::to_string(r + 1);
        sheet.type(("X" + row).c_str(), log[r][0]);
        sheet.type(("Y" + row).c_str(), log[r][1]);
        sheet.text(("Z" + row).c_str(), log[r][2]);
        sheet.text(("AA" + row).c_str(), log[r][3]);
    }
    sheet.type("AB1", "=DATE(2024;1;10)");
    sheet.type("AB2", "=DATE(2024;2;20)");
    sheet.type("AB3", "=DATE(2024;5;5)");
    // H4 and H10 stay empty.
}

const std::vector<Case>& cases()
{
    static const std::vector<Case> list = {
        // due dates
        {"=AR.DUEDATE(DATE(2024;1;15);\"45 jours fin de mois\")", "=DATE(2024;2;29)"},
        {"=AR.DUEDATE(DATE(2024;1;15);\"45 jours fin de mois\";\"B\")", "=DATE(2024;3;16)"},
        {"=AR.DUEDATE(H7;H2;2)", "=DATE(2024;3;16)"},
        {"=AR.DUEDATE(H1;30)", "=DATE(2024;4;11)"},
        {"=AR.DUEDATE(\"12/03/2024\";\"à réception\")", "=DATE(2024;3;12)"},
        {"=AR.DUEDATE(DATE(2024;1;15);\"30 jours fin de mois le 10\")", "=DATE(2024;3;10)"},
        {"=AR.DUEDATE(DATE(2024;1;15);\"fin de mois le 10\")", "=DATE(2024;2;10)"},
        {"=AR.DUEDATE(DATE(2023;12;20);\"60 jours date de facture\")", "=DATE(2024;2;18)"},
        {"=AR.DUEDATE(DATE(2024;2;29);\"net 30\")", "=DATE(2024;3;30)"},
        // days late
        {"=AR.DAYSLATE(DATE(2024;2;28);;DATE(2024;3;1))", "=2"},
        {"=AR.DAYSLATE(DATE(2024;2;28);DATE(2024;3;10))", "=11"},
        {"=AR.DAYSLATE(DATE(2024;2;28);DATE(2024;4;1);DATE(2024;3;10))", "=11"},
        {"=AR.DAYSLATE(DATE(2024;2;28);H10;DATE(2024;1;1))", "=0"},
        {"=AR.DAYSLATE(DATE(2024;2;28))", "=TODAY()-DATE(2024;2;28)"},
        {"=AR.DAYSLATE(AR.DUEDATE(\"15/01/2024\";\"30 jours\");;\"15/03/2024\")", "=30"},
        // aging buckets; labels follow the office language
        {"=AR.AGINGBUCKET(DATE(2024;1;31);;DATE(2024;1;31))", "=\"Not due\"", "=\"Non échu\""},
        {"=AR.AGINGBUCKET(DATE(2024;1;31);;DATE(2024;3;1))", "=\"1-30 days\"", "=\"1-30 j\""},
        {"=AR.AGINGBUCKET(DATE(2024;1;31);;DATE(2024;5;1))", "=\"> 90 days\"", "=\"> 90 j\""},
        {"=AR.AGINGBUCKET(DATE(2024;1;31);DATE(2024;2;1);DATE(2024;3;2))", "=\"Paid\"",
         "=\"Réglée\""},
        {"=AR.AGINGBUCKET(DATE(2024;1;31);;DATE(2024;2;20);H3:H5)", "=\"16-45 days\"",
         "=\"16-45 j\""},
        // documented errors: Err:502 for every bad argument, never a crash or a number
        {"=AR.DUEDATE(DATE(2024;1;15);H6)", "Err:502"},
        {"=AR.DUEDATE(H10;30)", "Err:502"},
        {"=AR.DUEDATE(DATE(2024;1;15);H10)", "Err:502"}, // blank terms are not "on receipt"
        {"=AR.DUEDATE(H8;30)", "Err:502"},
        {"=AR.DUEDATE(DATE(2024;1;15);\"60 jours date de livraison\")", "Err:502"},
        {"=AR.DUEDATE(DATE(2024;1;15);-30)", "Err:502"},
        {"=AR.DUEDATE(DATE(2024;1;15);30;\"C\")", "Err:502"},
        {"=AR.DUEDATE(H1:H2;30)", "Err:502"},
        {"=AR.DUEDATE()", "Err:502"},
        {"=AR.DAYSLATE(\"hier\")", "Err:502"},
        {"=AR.AGINGBUCKET(DATE(2024;1;31);;;\"30;60\")", "Err:502"},
        {"=AR.AGINGBUCKET(DATE(2024;1;31);;;H11:H12)", "Err:502"}, // decreasing bounds

        // due dates: weekend shift on request only (16/03/2024 is a Saturday)
        {"=AR.DUEDATE(DATE(2024;1;15);\"45 jours fin de mois\";\"B\")", "=DATE(2024;3;16)"},
        {"=AR.DUEDATE(DATE(2024;1;15);\"45 jours fin de mois\";\"B\";1)", "=DATE(2024;3;18)"},
        {"=AR.DUEDATE(DATE(2024;1;15);\"45 jours fin de mois\";\"B\";-1)", "=DATE(2024;3;15)"},
        {"=AR.DUEDATE(DATE(2024;1;15);\"comptant\")", "=DATE(2024;1;15)"},
        // legal maximum terms
        {"=AR.TERMSCHECK(\"60 jours date de facture\")", "=\"Compliant\"", "=\"Conforme\""},
        {"=AR.TERMSCHECK(\"45 jours fin de mois\")", "=\"Compliant\"", "=\"Conforme\""},
        {"=AR.TERMSCHECK(\"75 jours\";DATE(2024;1;15))",
         "=\"Beyond the legal limit (L441-10): up to 75 days, 60 allowed\"",
         "=\"Hors délai légal (L441-10) : jusqu'à 75 j pour 60 j autorisés\""},
        // days to pay; #N/A while unpaid
        {"=AR.DAYSTOPAY(DATE(2024;1;10);DATE(2024;3;10))", "=60"},
        {"=AR.DAYSTOPAY(DATE(2024;1;10);;DATE(2024;3;1))", "Err:32767"},
        // aging from the invoice date
        {"=AR.AGINGBUCKET(DATE(2024;1;1);;DATE(2024;1;20);;\"invoice\")", "=\"0-30 days\"",
         "=\"0-30 j\""},
        // status
        {"=AR.STATUS(DATE(2024;3;31);2000;500;;DATE(2024;6;30);\"litige\")", "=\"Disputed\"",
         "=\"En litige\""},
        {"=AR.STATUS(DATE(2024;3;31);2000;500;;DATE(2024;6;30))", "=\"Partially paid\"",
         "=\"Partiellement réglée\""},
        {"=AR.STATUS(DATE(2024;3;31);2000;2000;;DATE(2024;6;30))", "=\"Paid\"", "=\"Réglée\""},
        {"=AR.STATUS(DATE(2024;3;31);2000;;;DATE(2024;6;30);\"promesse 15/07\")",
         "=\"Payment promised\"", "=\"Promesse de paiement\""},
        {"=AR.STATUS(DATE(2024;3;31);2000;;;DATE(2024;6;30);\"promesse 15/06\")", "=\"Overdue\"",
         "=\"En retard\""},
        {"=AR.STATUS(DATE(2024;7;31);\"1 234,56 €\";;;DATE(2024;6;30))", "=\"Not due\"",
         "=\"Non échue\""},
        // penalties: 2 days at 14.50 % (2024-S1) and 3 days at 14.25 % (2024-S2) on 1000 €
        {"=AR.PENALTY(1000;DATE(2024;6;28);;DATE(2024;7;3))", "=197/100"},
        {"=AR.PENALTY(1000;DATE(2024;6;28);DATE(2024;7;3);DATE(2024;12;31))", "=197/100"},
        {"=AR.PENALTY(1000;DATE(2024;1;1);;DATE(2024;1;11);20%)", "=548/100"},
        {"=AR.PENALTY(1000;DATE(2024;1;1);;DATE(2023;12;1))", "=0"},
        // a blank contract-rate cell is no contractual rate: the statutory rate applies
        {"=AR.PENALTY(1000;DATE(2024;6;28);;DATE(2024;7;3);H10)", "=197/100"},
        // nor is 0 %, typed as a number or as text: never a penalty of 0
        {"=AR.PENALTY(1000;DATE(2024;6;28);;DATE(2024;7;3);0)", "=197/100"},
        {"=AR.PENALTY(1000;DATE(2024;6;28);;DATE(2024;7;3);\"0 %\")", "=197/100"},
        {"=AR.PENALTY(1000;DATE(2026;6;30);;DATE(2026;7;10))", "Err:502"}, // 2026-S2 rate unknown
        {"=AR.PENALTY(1000;DATE(2026;6;30);;DATE(2026;7;10);;H20:I20)", "=333/100"},
        {"=AR.INDEMNITY(DATE(2024;6;28);;DATE(2024;7;3))", "=40"},
        {"=AR.INDEMNITY(DATE(2024;6;28);DATE(2024;6;28))", "=0"},
        {"=AR.PENALTYRATE(DATE(2024;7;1))", "=1425/10000"},
        {"=AR.PENALTYRATE(DATE(2026;3;1))", "=1215/10000"},
        {"=AR.LEGALRATE(DATE(2024;1;15))", "=507/10000"},
        {"=AR.RATEFLOORCHECK(15%;DATE(2024;3;1))", "=0"},
        {"=AR.RATEFLOORCHECK(16%;DATE(2024;3;1))", "=1"},
        {"=AR.RATEFLOORCHECK(15;DATE(2024;3;1))", "Err:502"}, // 15 is ambiguous: 15 % or 1500 %
        // ranges: the invoice list in M1:S7 as of 30/06/2024
        {"=INDEX(AR.AGEDBALANCE(O1:O7;P1:P7;Q1:Q7;R1:R7;DATE(2024;6;30));1;1)", "=300"},
        {"=INDEX(AR.AGEDBALANCE(O1:O7;P1:P7;Q1:Q7;R1:R7;DATE(2024;6;30));1;2)", "=123456/100"},
        {"=INDEX(AR.AGEDBALANCE(O1:O7;P1:P7;Q1:Q7;R1:R7;DATE(2024;6;30));1;3)", "=800"},
        {"=INDEX(AR.AGEDBALANCE(O1:O7;P1:P7;Q1:Q7;R1:R7;DATE(2024;6;30));1;4)", "=0"},
        {"=INDEX(AR.AGEDBALANCE(O1:O7;P1:P7;Q1:Q7;R1:R7;DATE(2024;6;30));1;5)", "=1500"},
        {"=SUM(AR.AGEDBALANCE(O1:O7;P1:P7;Q1:Q7;R1:R7;DATE(2024;6;30)))", "=383456/100"},
        {"=SUM(AR.AGEDBALANCE(O1:O7;P1:P7;Q1:Q7;R1:R7;DATE(2024;6;30);H3:H5))", "=383456/100"},
        {"=INDEX(AR.AGEDBALANCE(O1:O7;P1:P7;Q1:Q7;R1:R7;DATE(2024;6;30);H3:H5);1;4)", "=2300"},
        // as of an earlier date: Alpha's first invoice was still open, later ones did not exist
        {"=SUM(AR.AGEDBALANCE(O1:O7;P1:P7;Q1:Q7;R1:R7;DATE(2024;2;1);;N1:N7))", "=1000"},
        {"=INDEX(AR.AGEDBALANCEIF(M1:M7;\"BETA SAS\";O1:O7;P1:P7;Q1:Q7;R1:R7;DATE(2024;6;30));1;1)",
         "=300"},
        {"=AR.OVERDUE(O1:O7;P1:P7;Q1:Q7;R1:R7;DATE(2024;6;30))", "=353456/100"},
        {"=AR.OVERDUE(O1:O7;P1:P7;Q1:Q7;R1:R7;DATE(2024;6;30);30)", "=2300"},
        {"=AR.OVERDUEIF(M1:M7;\"alpha sarl\";O1:O7;P1:P7;Q1:Q7;R1:R7;DATE(2024;6;30))", "=1500"},
        {"=AR.OVERDUESHARE(O1:O7;P1:P7;Q1:Q7;R1:R7;DATE(2024;6;30))", "=353456/383456"},
        {"=AR.OVERDUE(O1:O7;P1:P6)", "Err:502"}, // ranges of different sizes
        {"=AR.OVERDUE(O1:O7;M1:M7)", "Err:502"}, // names are not amounts
        // DSO family
        {"=AR.DSO(50000;300000)", "=50000/300000*365"},
        {"=AR.DSO(50000;300000;3;360)", "=15"},
        {"=AR.DSO(P1:P3;300000)", "=423456/100/300000*365"},
        {"=AR.DSO(50000;0)", "Err:502"},
        {"=AR.DSO(50000;300000;12;300)", "Err:502"},
        {"=AR.BPDSO(20000;300000)", "=20000/300000*365"},
        {"=AR.ADD(50000;20000;300000)", "=30000/300000*365"},
        {"=AR.CEI(10000;30000;12000;8000)", "=175/2"},
        {"=AR.DSOCOUNTBACK(N1:N7;P1:P7;Q1:Q7;R1:R7;DATE(2024;6;30))", "=91+1500/2000*31"},
        {"=AR.AVGDAYSTOPAY(N1:N7;Q1:Q7;P1:P7)", "=(60*1000+81*800)/1800"},
        {"=AR.AVGDAYSTOPAYIF(M1:M7;\"Gamma\";N1:N7;Q1:Q7;P1:P7)", "=81"},
        {"=AR.AVGDAYSLATE(O1:O7;P1:P7;Q1:Q7;DATE(2024;6;30))",
         "=(30*1000+91*2000+29*123456/100+46*800)/(533456/100)"},
        {"=AR.AVGDAYSLATEIF(M1:M7;\"Alpha SARL\";O1:O7;P1:P7;Q1:Q7;DATE(2024;6;30))",
         "=(30*1000+91*2000)/3000"},
        {"=AR.AVGTERMS(N1:N7;O1:O7;P1:P7)", "=30"},
        // risk, explained
        {"=AR.RISKSCORE(M1:M7;\"Alpha SARL\";O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30))",
         "=60"},
        {"=AR.RISKSCORE(M1:M7;\"Alpha "
         "SARL\";O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30);DATE(2023;1;1);1600)",
         "=85"},
        {"=AR.RISKFLAGS(M1:M7;\"Alpha SARL\";O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30))",
         "=\"Weighted average delay 71 days, rating C (+25); Partial payments: 1 invoice (+10); "
         "Open dispute: 1 invoice (+15); Concentration: 39\u00a0% of receivables (+10)\"",
         "=\"Retard moyen pondéré 71 j, note C (+25) ; Paiements partiels : 1 facture (+10) ; "
         "Litige en cours : 1 facture (+15) ; Concentration : 39\u00a0% des créances (+10)\""},
        {"=AR.RISKFLAGS(M1:M7;\"Gamma\";O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30))",
         "=\"Weighted average delay 46 days, rating B (+10); Concentration: 21\u00a0% of "
         "receivables (+10)\"",
         "=\"Retard moyen pondéré 46 j, note B (+10) ; Concentration : 21\u00a0% des créances "
         "(+10)\""},
        {"=AR.RISKSCORE(M1:M7;\"Alpha SARL\";O1:O7;P1:P7)",
         "=AR.RISKSCORE(M1:M7;\"Alpha SARL\";O1:O7;P1:P7;;;;TODAY())"},
        {"=AR.RISKSCORE(M1:M7;;O1:O7;P1:P7)", "Err:502"}, // no customer named
        // every customer at once: the same figures as the one-customer functions above
        {"=INDEX(AR.CUSTOMERSUMMARY(U1:U3;M1:M7;O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30));1;"
         "1)",
         "=1500"},
        {"=INDEX(AR.CUSTOMERSUMMARY(U1:U3;M1:M7;O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30));1;"
         "2)",
         "=(30*1000+91*2000)/3000"},
        {"=INDEX(AR.CUSTOMERSUMMARY(U1:U3;M1:M7;O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30));1;"
         "3)",
         "=60"},
        {"=INDEX(AR.CUSTOMERSUMMARY(U1:U3;M1:M7;O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30);V1:"
         "V3;W1:W3);1;3)",
         "=85"},
        {"=INDEX(AR.CUSTOMERSUMMARY(U1:U3;M1:M7;O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30));2;"
         "1)",
         "=800"},
        {"=INDEX(AR.CUSTOMERSUMMARY(U1:U3;M1:M7;O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30));2;"
         "2)",
         "=46"},
        {"=INDEX(AR.CUSTOMERSUMMARY(U1:U3;M1:M7;O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30));2;"
         "4)",
         "=\"Weighted average delay 46 days, rating B (+10); Concentration: 21\u00a0% of "
         "receivables (+10)\"",
         "=\"Retard moyen pondéré 46 j, note B (+10) ; Concentration : 21\u00a0% des créances "
         "(+10)\""},
        {"=INDEX(AR.CUSTOMERSUMMARY(U1:U3;M1:M7;O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30));3;"
         "1)",
         "=0"},
        {"=INDEX(AR.CUSTOMERSUMMARY(U1:U3;M1:M7;O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30));3;"
         "2)",
         "=\"\""},
        {"=INDEX(AR.CUSTOMERSUMMARY(U1:U3;M1:M7;O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30));3;"
         "4)",
         "=\"No risk signal\"", "=\"Aucun signal de risque\""},
        {"=AR.CUSTOMERSUMMARY(U1:U3;M1:M7;O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30);V1:V2)",
         "Err:502"}, // creation dates not parallel to the list
        // cash-in forecast as of 30/06/2024: Beta's and Gamma's overdue invoices in one bar;
        // beta's invoice due 15/07 expected 30 days later (the portfolio's habit: Alpha's
        // one settled invoice, paid 30 days late), 14/08, in week 7 (11/08-17/08); Alpha's
        // disputed balance apart. The buckets sum to the receivables.
        {"=INDEX(AR.CASHFORECAST(M1:M7;O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30));1;4)",
         "=203456/100"},
        {"=INDEX(AR.CASHFORECAST(M1:M7;O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30));1;5)", "=2"},
        {"=INDEX(AR.CASHFORECAST(M1:M7;O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30));1;1)",
         "=\"Overdue\"", "=\"Échu\""},
        {"=INDEX(AR.CASHFORECAST(M1:M7;O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30));8;4)",
         "=300"},
        {"=INDEX(AR.CASHFORECAST(M1:M7;O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30));8;2)",
         "=DATE(2024;8;11)"},
        {"=INDEX(AR.CASHFORECAST(M1:M7;O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30));8;3)",
         "=DATE(2024;8;17)"},
        {"=INDEX(AR.CASHFORECAST(M1:M7;O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30));7;4)", "=0"},
        {"=INDEX(AR.CASHFORECAST(M1:M7;O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30));10;4)", "=0"},
        {"=INDEX(AR.CASHFORECAST(M1:M7;O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30));11;4)",
         "=1500"},
        {"=INDEX(AR.CASHFORECAST(M1:M7;O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30));11;5)", "=1"},
        {"=SUM(INDEX(AR.CASHFORECAST(M1:M7;O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30));0;4))",
         "=383456/100"},
        {"=INDEX(AR.CASHFORECAST(M1:M7;O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30);\"mois\";2);2;"
         "1)",
         "=\"June 2024\"", "=\"juin 2024\""},
        {"=INDEX(AR.CASHFORECAST(M1:M7;O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30);\"months\";2);"
         "3;3)",
         "=DATE(2024;7;31)"},
        {"=INDEX(AR.CASHFORECAST(M1:M7;O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30);\"mois\";2);4;"
         "4)",
         "=300"},
        {"=INDEX(AR.CASHFORECAST(M1:M7;O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30);\"jours\");1;"
         "4)",
         "Err:502"},
        {"=INDEX(AR.CASHFORECAST(M1:M7;O1:O7;P1:P7;Q1:Q7;R1:R7;S1:S7;DATE(2024;6;30);;0);1;4)",
         "Err:502"},
        // reminder effectiveness: Alpha's first reminder of 20/02 paid 19 days after; Gamma's
        // of 01/06 not paid by 30/06 (its 30 days not over), paid on 05/07, 34 days after;
        // the second reminder's invoice still part-paid; the failed formal notice not counted.
        {"=INDEX(AR.REMINDEREFFECT(X1:X4;Y1:Y4;Z1:Z4;T1:T7;P1:P7;Q1:Q7;R1:R7;DATE(2024;6;30);AA1:"
         "AA4);2;2)",
         "=2"},
        {"=INDEX(AR.REMINDEREFFECT(X1:X4;Y1:Y4;Z1:Z4;T1:T7;P1:P7;Q1:Q7;R1:R7;DATE(2024;6;30);AA1:"
         "AA4);2;3)",
         "=0"},
        {"=INDEX(AR.REMINDEREFFECT(X1:X4;Y1:Y4;Z1:Z4;T1:T7;P1:P7;Q1:Q7;R1:R7;DATE(2024;6;30);AA1:"
         "AA4);2;5)",
         "=1"},
        {"=INDEX(AR.REMINDEREFFECT(X1:X4;Y1:Y4;Z1:Z4;T1:T7;P1:P7;Q1:Q7;R1:R7;DATE(2024;6;30);AA1:"
         "AA4);2;6)",
         "=19"},
        {"=INDEX(AR.REMINDEREFFECT(X1:X4;Y1:Y4;Z1:Z4;T1:T7;P1:P7;Q1:Q7;R1:R7;DATE(2024;6;30);AA1:"
         "AA4);2;1)",
         "=\"Reminder 1\"", "=\"Relance 1\""},
        {"=INDEX(AR.REMINDEREFFECT(X1:X4;Y1:Y4;Z1:Z4;T1:T7;P1:P7;Q1:Q7;R1:R7;DATE(2024;6;30);AA1:"
         "AA4);3;2)",
         "=1"},
        {"=INDEX(AR.REMINDEREFFECT(X1:X4;Y1:Y4;Z1:Z4;T1:T7;P1:P7;Q1:Q7;R1:R7;DATE(2024;6;30);AA1:"
         "AA4);3;5)",
         "=0"},
        {"=INDEX(AR.REMINDEREFFECT(X1:X4;Y1:Y4;Z1:Z4;T1:T7;P1:P7;Q1:Q7;R1:R7;DATE(2024;6;30);AA1:"
         "AA4);3;6)",
         "=\"\""},
        {"=INDEX(AR.REMINDEREFFECT(X1:X4;Y1:Y4;Z1:Z4;T1:T7;P1:P7;Q1:Q7;R1:R7;DATE(2024;6;30);AA1:"
         "AA4);4;2)",
         "=0"},
        {"=INDEX(AR.REMINDEREFFECT(X1:X4;Y1:Y4;Z1:Z4;T1:T7;P1:P7;Q1:Q7;R1:R7;DATE(2024;7;31);AA1:"
         "AA4);2;5)",
         "=1/2"},
        {"=INDEX(AR.REMINDEREFFECT(X1:X4;Y1:Y4;Z1:Z4;T1:T7;P1:P7;Q1:Q7;R1:R7;DATE(2024;7;31);AA1:"
         "AA4);2;6)",
         "=53/2"},
        {"=INDEX(AR.REMINDEREFFECT(X1:X4;Y1:Y3;Z1:Z4;T1:T7;P1:P7;Q1:Q7;R1:R7);1;1)", "Err:502"},
        // share needing a reminder: of F1, F2, F3 and F7 (beta's invoice is not due yet),
        // all but F3, whose only letter failed to send.
        {"=AR.REMINDEDSHARE(T1:T7;N1:N7;O1:O7;P1:P7;X1:X4;Y1:Y4;Z1:Z4;DATE(2024;1;1);DATE(2024;6;"
         "30);DATE(2024;6;30);AA1:AA4)",
         "=3/4"},
        {"=AR.REMINDEDSHARE(T1:T7;N1:N7;O1:O7;P1:P7;X1:X4;Y1:Y4;Z1:Z4;DATE(2024;1;1);DATE(2024;6;"
         "30);DATE(2024;6;30))",
         "=1"},
        {"=AR.REMINDEDSHARE(T1:T7;N1:N7;O1:O7;P1:P7;X1:X4;Y1:Y4;Z1:Z4;DATE(2024;4;1);DATE(2024;6;"
         "30);DATE(2024;6;30);AA1:AA4)",
         "=1/2"},
        {"=AR.REMINDEDSHARE(T1:T7;N1:N7;O1:O7;P1:P7;X1:X4;Y1:Y4;Z1:Z4;DATE(2025;1;1))", "Err:502"},
        {"=AR.REMINDEDSHARE(T1:T7;N1:N7;O1:O7;P1:P7;X1:X4;Y1:Y4;Z1:Z4;DATE(2024;6;1);DATE(2024;1;1)"
         ")",
         "Err:502"},
        // days from delivery to invoice: M..S's invoice dates, with delivery dates in AB
        // (10/01 for the invoice of 10/01: 0; 20/02 for 01/03: 10 days; 05/05, after its
        // invoice of 02/05: 0; none for the others): (1000x0 + 2000x10 + 1234.56x0) / 4234.56
        {"=AR.INVOICINGDELAY(AB1:AB7;N1:N7;P1:P7)", "=2000000/423456"},
        {"=AR.INVOICINGDELAY(AB1:AB7;N1:N7;P1:P7;DATE(2024;2;1))", "=2000000/323456"},
        {"=AR.INVOICINGDELAY(AB1:AB7;N1:N7;P1:P7;DATE(2024;6;1))", "Err:32767"},
        {"=AR.INVOICINGDELAY(AB1:AB3;N1:N7;P1:P7)", "Err:502"},
        {"=AR.INVOICINGDELAY(AB1:AB7;N1:N7;P1:P7;DATE(2024;6;1);DATE(2024;1;1))", "Err:502"},
        // data checks name the first unreadable value
        {"=AR.CHECK(H8)", "=\"Row 1: \"\"31/02/2024\"\" is not a date\"",
         "=\"Ligne 1 : « 31/02/2024 » n'est pas une date\""},
        {"=AR.CHECK(P1:P7;\"amount\")", "=\"OK: 6 values read\"", "=\"OK : 6 valeurs lues\""},
    };
    return list;
}

} // namespace

TEST(Calc, ExtensionIsInstalled)
{
    const uno::Reference<uno::XInterface> addIn =
        office().context()->getServiceManager()->createInstanceWithContext(
            OUString::createFromAscii(relance::addin::kServiceName), office().context());
    ASSERT_TRUE(addIn.is()) << "the Relance add-in service is not registered in the office";
    EXPECT_TRUE(uno::Reference<sheet::XAddIn>(addIn, uno::UNO_QUERY).is());
    EXPECT_TRUE(uno::Reference<lang::XServiceInfo>(addIn, uno::UNO_QUERY_THROW)
                    ->supportsService("com.sun.star.sheet.AddIn"));
}

TEST(Calc, FunctionsEvaluateInCells)
{
    const Sheet sheet(office().newSpreadsheet());
    fillInputs(sheet);
    std::vector<std::string> addresses;
    for (std::size_t i = 0; i < cases().size(); ++i)
    {
        const Case& c = cases()[i];
        const std::string row = std::to_string(i + 1);
        sheet.type(("A" + row).c_str(), localized(c.formula));
        const std::string& expected =
            french() && !c.expectedFrench.empty() ? c.expectedFrench : c.expected;
        if (expected.rfind("Err:", 0) != 0)
            sheet.type(("B" + row).c_str(), localized(expected));
    }
    sheet.recalculate();
    for (std::size_t i = 0; i < cases().size(); ++i)
    {
        const Case& c = cases()[i];
        const std::string row = std::to_string(i + 1);
        const std::string expected =
            french() && !c.expectedFrench.empty() ? c.expectedFrench : c.expected;
        const auto cell = sheet.cell(("A" + row).c_str());
        SCOPED_TRACE(localized(c.formula));
        if (expected.rfind("Err:", 0) == 0)
        {
            EXPECT_EQ("Err:" + std::to_string(cell->getError()), expected);
            continue;
        }
        ASSERT_EQ(cell->getError(), 0) << "formula: " << utf8(cell->getFormula());
        const auto reference = sheet.cell(("B" + row).c_str());
        ASSERT_EQ(reference->getError(), 0);
        if (expected.rfind("=\"", 0) == 0) // a label
            EXPECT_EQ(sheet.string(("A" + row).c_str()), sheet.string(("B" + row).c_str()));
        else // the same number, up to the last bits of a double computed another way
            EXPECT_NEAR(cell->getValue(), reference->getValue(),
                        1e-12 * std::max(1.0, std::fabs(reference->getValue())));
    }
}

TEST(Calc, DocumentsStoreProgrammaticNamesAndReload)
{
    const fs::path saved = fs::path(env("RELANCE_TEST_PROFILE")) / "roundtrip.fods";
    {
        const Sheet sheet(office().newSpreadsheet());
        sheet.type("A1", localized("=AR.DUEDATE(DATE(2024;1;15);\"45 jours fin de mois\")"));
        sheet.type("A2", localized("=AR.AGINGBUCKET(A1;;DATE(2024;4;15))"));
        sheet.recalculate();
        const uno::Sequence<beans::PropertyValue> filter =
            sequenceOf<beans::PropertyValue>({beans::PropertyValue(
                "FilterName", 0, uno::Any(OUString("OpenDocument Spreadsheet Flat XML")),
                beans::PropertyState_DIRECT_VALUE)});
        uno::Reference<frame::XStorable>(sheet.document(), uno::UNO_QUERY_THROW)
            ->storeToURL(ustr(fileUrl(saved.string())), filter);
    }
    std::ifstream in(saved);
    std::stringstream content;
    content << in.rdbuf();
    // Calc writes the service and method name (upper-cased) whatever the UI language.
    EXPECT_NE(content.str().find("of:=FR.RELANCE.FUNCTIONS.DUEDATE("), std::string::npos);
    EXPECT_NE(content.str().find("FR.RELANCE.FUNCTIONS.AGINGBUCKET("), std::string::npos);

    const Sheet reloaded(office().load(saved.string()));
    reloaded.recalculate();
    EXPECT_EQ(reloaded.cell("A1")->getError(), 0);
    EXPECT_EQ(reloaded.cell("A1")->getValue(), 45351.0); // 2024-02-29
    EXPECT_EQ(reloaded.string("A2"), french() ? "31-60 j" : "31-60 days");
    // What the user sees in the formula bar is the localized name.
    const auto formula =
        uno::Reference<beans::XPropertySet>(reloaded.cell("A1"), uno::UNO_QUERY_THROW)
            ->getPropertyValue("FormulaLocal")
            .get<OUString>();
    EXPECT_NE(utf8(formula).find(french() ? "CREANCES.ECHEANCE(" : "AR.DUEDATE("),
              std::string::npos)
        << utf8(formula);
}

TEST(Calc, BundledSampleEvaluates)
{
    const Sheet sample(office().load(env("RELANCE_SOURCE_DIR") + "/sample/factures.fods"));
    sample.recalculate();
    int evaluated = 0;
    int errors = 0;
    for (int row = 5; row <= 400; ++row)
    {
        const std::string due = "K" + std::to_string(row);
        const auto cell = sample.cell(due.c_str());
        if (cell->getType() != table::CellContentType_FORMULA)
            continue;
        ++evaluated;
        if (cell->getError() != 0)
        {
            // Only invoices without payment terms may fail, and with the documented code.
            EXPECT_EQ(cell->getError(), 502) << due;
            EXPECT_TRUE(sample.string(("D" + std::to_string(row)).c_str()).empty()) << due;
            ++errors;
        }
        EXPECT_NE(cell->getError(), 525) << due << ": #NAME? means the add-in is missing";
    }
    EXPECT_GT(evaluated, 300);
    EXPECT_LT(errors, evaluated / 5);
}

int main(int argc, char** argv)
{
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
