// The Writer's Tableau de bord sheet: the as-of date every formula uses, the key figures, the
// aged balance and its chart, the top late payers.
#include "uno/ledger/ledger_workbook.hxx"

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/Rectangle.hpp>
#include <com/sun/star/sheet/XArrayFormulaRange.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableChartsSupplier.hpp>
#include <com/sun/star/table/XTableColumns.hpp>

#include "core/metrics/aging.hxx"

using namespace css;

namespace relance::addin::ledger_writer
{

namespace
{

constexpr sal_Int32 kPenaltiesRow = 13;
// What the first ledgers showed when a half-year's ECB rate was missing: a bare "?", and a note.
constexpr char kBarePenaltiesFormula[] = "=IFERROR(SUM(Registre_Penalites);\"?\")";
constexpr const char* kBareNotes[] = {"si « ? » : ajoutez le taux BCE du semestre dans Paramètres",
                                      "if \"?\": add the half-year's ECB rate in Settings"};

// The half-year of a date as the rate tables name it: "2026-S2".
std::string halfYearOf(const std::string& date)
{
    return "YEAR(" + date + ")&\"-S\"&IF(MONTH(" + date + ")<7;1;2)";
}

// The penalties due, or, when a half-year's ECB rate is missing (Relance never guesses one),
// which rate to enter and where: the as-of date's half-year first, else the oldest open due
// date's (the table may not reach back that far). Any other failure points to the column.
OUString penaltiesFormula(bool fr)
{
    const std::string missing = fr ? "\"taux BCE \"&" : "\"ECB rate \"&";
    const std::string where = fr ? "&\" à saisir dans Paramètres\"" : "&\" to enter in Settings\"";
    const std::string oldestOpen = "MINIFS(Registre_Echeance;Registre_ResteDu;\">0\")";
    const std::string formula =
        "=IFERROR(SUM(Registre_Penalites);IF(ISERROR(FR.RELANCE.FUNCTIONS.PENALTYRATE("
        "DateSituation;TauxBCE));" +
        missing + halfYearOf("DateSituation") + where +
        ";IF(ISERROR(FR.RELANCE.FUNCTIONS.PENALTYRATE(" + oldestOpen + ";TauxBCE));" + missing +
        halfYearOf(oldestOpen) + where + ";\"" +
        (fr ? "voir la colonne Pénalités du Registre" : "see the Penalty column of the ledger") +
        "\")))";
    return fromUtf8(formula);
}

} // namespace

void Writer::ensureDashboard()
{
    bool created = false;
    const uno::Reference<sheet::XSpreadsheet> sheet = ensureSheet(LedgerSheet::Dashboard, created);
    const OUString sheetName = name(LedgerSheet::Dashboard);
    const bool fr = language_ == Language::French;
    // A ledger made when the percent format was a wrong one: its share overdue shown as a
    // percentage again, unless the user replaced the formula.
    if (!created && formats_.isBrokenPercent(numberFormatOf(sheet, 1, 6)))
        setProperty(rangeOf(sheet, 1, 6, 1, 6), "NumberFormat",
                    uno::Any(formats_.key(CellFormat::Percent)));
    // A ledger made when a missing rate showed as a bare "?": the formula that says which rate
    // to enter, unless the user replaced it.
    if (!created)
    {
        const uno::Reference<sheet::XCellRangeFormula> formulas(
            rangeOf(sheet, 1, kPenaltiesRow, 2, kPenaltiesRow), uno::UNO_QUERY_THROW);
        const uno::Sequence<uno::Sequence<OUString>> current = formulas->getFormulaArray();
        if (current[0][0] == kBarePenaltiesFormula)
        {
            putFormula(sheet, 1, kPenaltiesRow, penaltiesFormula(fr));
            for (const char* note : kBareNotes)
                if (current[0][1] == fromUtf8(note))
                    put(sheet, 2, kPenaltiesRow, uno::Any(OUString()));
        }
    }
    if (created)
    {
        put(sheet, 0, 0,
            uno::Any(fromUtf8(fr ? "Tableau de bord des créances" : "Receivables dashboard")));
        setProperty(rangeOf(sheet, 0, 0, 0, 0), "CharWeight", uno::Any(awt::FontWeight::BOLD));
        setProperty(rangeOf(sheet, 0, 0, 0, 0), "CharHeight", uno::Any(16.0f));
        put(sheet, 0, 2, uno::Any(fromUtf8(fr ? "Date de situation" : "As-of date")));
        setProperty(rangeOf(sheet, 0, 2, 0, 2), "CharWeight", uno::Any(awt::FontWeight::BOLD));
        struct Kpi
        {
            const char* french;
            const char* english;
            const char* formula;
            CellFormat format;
        };
        const Kpi kpis[] = {
            {"Encours clients", "Receivables", "=SUM(Registre_ResteDu)", CellFormat::Money},
            {"Échu", "Overdue",
             "=FR.RELANCE.FUNCTIONS.OVERDUE(Registre_Echeance;Registre_Montant;Registre_"
             "DateReglement;Registre_Regle;DateSituation)",
             CellFormat::Money},
            {"Part échue", "Share overdue", "=IF(B5=0;0;B6/B5)", CellFormat::Percent},
            {"Chiffre d'affaires TTC des 12 derniers mois", "Sales incl. VAT, last 12 months",
             "=SUMIFS(Registre_Montant;Registre_DateFacture;\">\"&(DateSituation-365);Registre_"
             "DateFacture;\"<=\"&DateSituation)",
             CellFormat::Money},
            {"DSO standard (jours)", "DSO, standard (days)",
             "=IF(B8>0;FR.RELANCE.FUNCTIONS.DSO(B5;B8);\"\")", CellFormat::Integer},
            {"DSO par épuisement (jours)", "DSO, countback (days)",
             "=IFERROR(FR.RELANCE.FUNCTIONS.DSOCOUNTBACK(Registre_DateFacture;Registre_Montant;"
             "Registre_DateReglement;Registre_Regle;DateSituation);\"\")",
             CellFormat::Integer},
            {"Retard moyen, ADD (jours)", "Average days delinquent (days)",
             "=IF(B8>0;FR.RELANCE.FUNCTIONS.AVERAGEDAYSDELINQUENT(B5;B5-B6;B8);\"\")",
             CellFormat::Integer},
            {"Retard moyen pondéré (jours)", "Weighted days late",
             "=IFERROR(FR.RELANCE.FUNCTIONS.AVERAGEDAYSLATE(Registre_Echeance;Registre_Montant;"
             "Registre_DateReglement;DateSituation);\"\")",
             CellFormat::Integer},
            {"Factures à relancer aujourd'hui", "Invoices to chase today",
             "=COUNTIFS(Registre_ProchaineAction;\"<=\"&DateSituation;Registre_ResteDu;\">0\")",
             CellFormat::Integer},
            {"Pénalités de retard exigibles", "Late-payment penalties due", nullptr,
             CellFormat::Money},
            {"Indemnités forfaitaires (40 €)", "Recovery indemnities (40 €)",
             "=SUM(Registre_Indemnites)", CellFormat::Money},
        };
        for (std::size_t i = 0; i < std::size(kpis); ++i)
        {
            const sal_Int32 row = 4 + static_cast<sal_Int32>(i);
            put(sheet, 0, row, uno::Any(fromUtf8(fr ? kpis[i].french : kpis[i].english)));
            // Formats before formulas: a format change on a formula cell makes Calc
            // compute it (for the row height), here over the whole ledger.
            setProperty(rangeOf(sheet, 1, row, 1, row), "NumberFormat",
                        uno::Any(formats_.key(kpis[i].format)));
            putFormula(sheet, 1, row,
                       kpis[i].formula ? OUString::createFromAscii(kpis[i].formula)
                                       : penaltiesFormula(fr));
        }

        // Aged balance table and its chart.
        put(sheet, 3, 2, uno::Any(fromUtf8(fr ? "Balance âgée" : "Aged balance")));
        setProperty(rangeOf(sheet, 3, 2, 3, 2), "CharWeight", uno::Any(awt::FontWeight::BOLD));
        const AgingBounds bounds;
        for (std::size_t b = 0; b < bounds.bucketCount(); ++b)
            put(sheet, 3 + static_cast<sal_Int32>(b), 3,
                uno::Any(fromUtf8(bounds.label(b, language_))));
        const sal_Int32 lastBucketColumn = 3 + static_cast<sal_Int32>(bounds.bucketCount()) - 1;
        setProperty(rangeOf(sheet, 3, 4, lastBucketColumn, 4), "NumberFormat",
                    uno::Any(formats_.key(CellFormat::Money)));
        uno::Reference<sheet::XArrayFormulaRange>(rangeOf(sheet, 3, 4, lastBucketColumn, 4),
                                                  uno::UNO_QUERY_THROW)
            ->setArrayFormula(
                "=FR.RELANCE.FUNCTIONS.AGEDBALANCE(Registre_Echeance;Registre_Montant;"
                "Registre_DateReglement;Registre_Regle;DateSituation;;Registre_DateFacture)");
        const uno::Reference<table::XTableChartsSupplier> charts(sheet, uno::UNO_QUERY_THROW);
        const uno::Sequence<table::CellRangeAddress> source = sequenceOf<table::CellRangeAddress>(
            {table::CellRangeAddress(sheetIndex(sheetName), 3, 3, lastBucketColumn, 4)});
        charts->getCharts()->addNewByName(
            "Relance_BalanceAgee", awt::Rectangle(14000, 3000, 16000, 8000), source, true, false);

        // Top late payers, from the Clients sheet.
        put(sheet, 0, 17,
            uno::Any(fromUtf8(fr ? "Principaux retards (échu)" : "Top late payers (overdue)")));
        setProperty(rangeOf(sheet, 0, 17, 0, 17), "CharWeight", uno::Any(awt::FontWeight::BOLD));
        for (sal_Int32 k = 1; k <= 5; ++k)
        {
            const sal_Int32 row = 17 + k;
            setProperty(rangeOf(sheet, 1, row, 1, row), "NumberFormat",
                        uno::Any(formats_.key(CellFormat::Money)));
            putFormula(sheet, 0, row,
                       "=IFERROR(IF(LARGE(Clients_Echu;" + OUString::number(k) +
                           ")<=0;\"\";INDEX(Clients_Nom;MATCH(LARGE(Clients_Echu;" +
                           OUString::number(k) + ");Clients_Echu;0)));\"\")");
            putFormula(sheet, 1, row,
                       "=IFERROR(IF(LARGE(Clients_Echu;" + OUString::number(k) +
                           ")<=0;\"\";LARGE(Clients_Echu;" + OUString::number(k) + "));\"\")");
        }
        const uno::Reference<table::XColumnRowRange> columnRange(sheet, uno::UNO_QUERY_THROW);
        setProperty(uno::Reference<uno::XInterface>(columnRange->getColumns()->getByIndex(0),
                                                    uno::UNO_QUERY),
                    "Width", uno::Any(sal_Int32(9000)));
        setProperty(uno::Reference<uno::XInterface>(columnRange->getColumns()->getByIndex(1),
                                                    uno::UNO_QUERY),
                    "Width", uno::Any(sal_Int32(3500)));
    }
    ensureSteeringBlocks(sheet);
    // The as-of date: a fixed date when asked, else today; it drives every formula.
    if (created || request_.asOf)
    {
        if (request_.asOf)
            put(sheet, 1, 2, uno::Any(static_cast<double>(*request_.asOf - nullDate_)));
        else
            putFormula(sheet, 1, 2, "=TODAY()");
        setProperty(rangeOf(sheet, 1, 2, 1, 2), "NumberFormat",
                    uno::Any(formats_.key(CellFormat::Date)));
    }
}

} // namespace relance::addin::ledger_writer
