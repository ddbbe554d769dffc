// The dashboard's steering blocks, below its key figures: when the cash comes in (forecast table
// and chart), whether reminding works (effectiveness per level) and how many invoices needed a
// reminder. Added to a dashboard made before them on the next re-sync, never rewritten after.
#include "uno/ledger/ledger_workbook.hxx"

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/Rectangle.hpp>
#include <com/sun/star/sheet/XArrayFormulaRange.hpp>
#include <com/sun/star/table/XTableChartsSupplier.hpp>

using namespace css;

namespace relance::addin::ledger_writer
{

namespace
{

constexpr sal_Int32 kForecastTitleRow = 24;
constexpr sal_Int32 kForecastRows = 8 + 3; // overdue, 8 weeks, later, apart
constexpr sal_Int32 kEffectTitleRow = kForecastTitleRow + 2 + kForecastRows + 1;
constexpr sal_Int32 kEffectRows = 4; // levels 0..3
constexpr sal_Int32 kShareRow = kEffectTitleRow + 2 + kEffectRows + 1;
constexpr sal_Int32 kInvoicingDelayRow = kShareRow + 1;

// The log's columns as names that follow its length: the letters appended by each reminder
// run are counted without the names being redefined (which would re-resolve every formula).
OUString logColumn(const OUString& sheet, std::size_t column)
{
    const OUString letter = fromUtf8(columnLetter(column));
    const OUString whole =
        address(sheet, static_cast<sal_Int32>(column), 0) + ":$" + letter + "$1048576";
    return address(sheet, static_cast<sal_Int32>(column), 1) + ":INDEX(" + whole +
           ";MAX(2;COUNTA(" + address(sheet, 0, 0) + ":$A$1048576)))";
}

} // namespace

void Writer::defineLogNames()
{
    const OUString sheet = name(LedgerSheet::Reminders);
    const std::pair<const char*, const char*> named[] = {{"Relances_Date", "date"},
                                                         {"Relances_Niveau", "level"},
                                                         {"Relances_Factures", "invoices"},
                                                         {"Relances_Etat", "state"}};
    for (const auto& [rangeName, key] : named)
        defineName(OUString::createFromAscii(rangeName),
                   logColumn(sheet, columnIndex(reminderColumns(), key)));
}

void Writer::ensureSteeringBlocks(const uno::Reference<sheet::XSpreadsheet>& sheet)
{
    if (!sheet->getCellByPosition(0, kForecastTitleRow)->getFormula().isEmpty())
        return; // there already, or the user's own use of these cells
    const bool fr = language_ == Language::French;
    auto title = [&](sal_Int32 row, const char* french, const char* english)
    {
        put(sheet, 0, row, uno::Any(fromUtf8(fr ? french : english)));
        setProperty(rangeOf(sheet, 0, row, 0, row), "CharWeight", uno::Any(awt::FontWeight::BOLD));
    };
    auto headers =
        [&](sal_Int32 row, std::initializer_list<std::pair<const char*, const char*>> texts)
    {
        sal_Int32 column = 0;
        for (const auto& [french, english] : texts)
            put(sheet, column++, row, uno::Any(fromUtf8(fr ? french : english)));
        setProperty(rangeOf(sheet, 0, row, column - 1, row), "CharWeight",
                    uno::Any(awt::FontWeight::BOLD));
    };
    auto format = [&](sal_Int32 firstColumn, sal_Int32 firstRow, sal_Int32 lastColumn,
                      sal_Int32 lastRow, CellFormat cellFormat)
    {
        setProperty(rangeOf(sheet, firstColumn, firstRow, lastColumn, lastRow), "NumberFormat",
                    uno::Any(formats_.key(cellFormat)));
    };

    // Cash-in forecast: 8 weeks from the as-of date, what is overdue and what is apart.
    title(kForecastTitleRow, "Encaissements attendus (8 semaines)", "Expected cash-in (8 weeks)");
    const sal_Int32 forecastHeader = kForecastTitleRow + 1;
    const sal_Int32 forecastFirst = forecastHeader + 1;
    const sal_Int32 forecastLast = forecastFirst + kForecastRows - 1;
    headers(forecastHeader, {{"Période", "Period"},
                             {"Du", "From"},
                             {"Au", "To"},
                             {"Montant attendu", "Expected amount"},
                             {"Factures", "Invoices"}});
    format(1, forecastFirst, 2, forecastLast, CellFormat::Date);
    format(3, forecastFirst, 3, forecastLast, CellFormat::Money);
    format(4, forecastFirst, 4, forecastLast, CellFormat::Integer);
    uno::Reference<sheet::XArrayFormulaRange>(rangeOf(sheet, 0, forecastFirst, 4, forecastLast),
                                              uno::UNO_QUERY_THROW)
        ->setArrayFormula(fromUtf8(
            std::string("=FR.RELANCE.FUNCTIONS.CASHFORECAST(Registre_Client;Registre_Echeance;"
                        "Registre_Montant;Registre_DateReglement;Registre_Regle;Registre_Suivi;"
                        "DateSituation;\"") +
            (fr ? "semaines" : "weeks") + "\";8;Registre_DateFacture)"));
    const sal_Int16 index = sheetIndex(name(LedgerSheet::Dashboard));
    const uno::Sequence<table::CellRangeAddress> source = sequenceOf<table::CellRangeAddress>(
        {table::CellRangeAddress(index, 0, forecastHeader, 0, forecastLast),
         table::CellRangeAddress(index, 3, forecastHeader, 3, forecastLast)});
    uno::Reference<table::XTableChartsSupplier>(sheet, uno::UNO_QUERY_THROW)
        ->getCharts()
        ->addNewByName("Relance_Prevision", awt::Rectangle(14000, 11500, 16000, 8000), source, true,
                       true);

    // Reminder effectiveness per level, from the log.
    title(kEffectTitleRow, "Efficacité des relances", "Reminder effectiveness");
    const sal_Int32 effectHeader = kEffectTitleRow + 1;
    const sal_Int32 effectFirst = effectHeader + 1;
    const sal_Int32 effectLast = effectFirst + kEffectRows - 1;
    headers(effectHeader, {{"Niveau", "Level"},
                           {"Lettres", "Letters"},
                           {"Réglées sous 8 j", "Paid within 8 days"},
                           {"Sous 15 j", "Within 15 days"},
                           {"Sous 30 j", "Within 30 days"},
                           {"Délai médian (j)", "Median days to pay"}});
    format(1, effectFirst, 1, effectLast, CellFormat::Integer);
    format(2, effectFirst, 4, effectLast, CellFormat::Percent);
    format(5, effectFirst, 5, effectLast, CellFormat::Integer);
    uno::Reference<sheet::XArrayFormulaRange>(rangeOf(sheet, 0, effectFirst, 5, effectLast),
                                              uno::UNO_QUERY_THROW)
        ->setArrayFormula("=FR.RELANCE.FUNCTIONS.REMINDEREFFECT(Relances_Date;Relances_Niveau;"
                          "Relances_Factures;Registre_Numero;Registre_Montant;"
                          "Registre_DateReglement;Registre_Regle;DateSituation;Relances_Etat)");

    // The share of the last 12 months' invoices, due by now, that needed a reminder.
    put(sheet, 0, kShareRow,
        uno::Any(fromUtf8(fr ? "Factures relancées (émises sur 12 mois, échues)"
                             : "Invoices that needed a reminder (issued in 12 months, due)")));
    format(1, kShareRow, 1, kShareRow, CellFormat::Percent);
    putFormula(sheet, 1, kShareRow,
               "=IFERROR(FR.RELANCE.FUNCTIONS.REMINDEDSHARE(Registre_Numero;Registre_DateFacture;"
               "Registre_Echeance;Registre_Montant;Relances_Date;Relances_Niveau;"
               "Relances_Factures;DateSituation-365;DateSituation;DateSituation;Relances_Etat);"
               "\"\")");

    // Days from delivery to invoice over the last 12 months, when the sheet has the date.
    put(sheet, 0, kInvoicingDelayRow,
        uno::Any(fromUtf8(fr ? "Délai livraison → facture (jours, 12 mois)"
                             : "Days from delivery to invoice (12 months)")));
    format(1, kInvoicingDelayRow, 1, kInvoicingDelayRow, CellFormat::Integer);
    putFormula(sheet, 1, kInvoicingDelayRow,
               fromUtf8(std::string("=IFERROR(FR.RELANCE.FUNCTIONS.INVOICINGDELAY("
                                    "Registre_DateLivraison;Registre_DateFacture;Registre_Montant;"
                                    "DateSituation-365;DateSituation);\"") +
                        (fr ? "pas de date de livraison" : "no delivery date") + "\")"));
}

} // namespace relance::addin::ledger_writer
