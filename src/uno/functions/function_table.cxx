#include "uno/functions/function_table.hxx"

namespace relance::addin
{
namespace
{

// Arguments shared by several functions.
const ArgumentSpec kAsOf{
    "asOf",
    {"date_situation", "as_of"},
    {"Date de situation (facultatif, aujourd'hui par défaut) : la date à laquelle on se place.",
     "As-of date (optional, today by default): the date the figures are computed at."}};
const ArgumentSpec kPaymentDate{
    "paymentDate",
    {"date_règlement", "payment_date"},
    {"Date du règlement (facultatif) : vide si la facture n'est pas réglée. Un règlement "
     "postérieur à la date de situation est ignoré.",
     "Payment date (optional): empty when unpaid. A payment after the as-of date is ignored."}};
const ArgumentSpec kDueDate{"dueDate",
                            {"échéance", "due_date"},
                            {"Date d'échéance de la facture (date ou texte comme 12/03/2024).",
                             "Due date of the invoice (a date, or text such as 12/03/2024)."}};
const ArgumentSpec kInvoiceDate{
    "invoiceDate",
    {"date_facture", "invoice_date"},
    {"Date d'émission de la facture (date ou texte comme 12/03/2024 ou 12 mars 2024).",
     "Invoice issue date (a date, or text such as 12/03/2024 or 12 March 2024)."}};
const ArgumentSpec kAmount{"amount",
                           {"montant_ttc", "amount"},
                           {"Montant TTC de la facture (nombre ou texte comme 1 234,56 €).",
                            "Invoice amount incl. VAT (a number or text such as 1 234,56 €)."}};
const ArgumentSpec kTerms{"terms",
                          {"conditions", "terms"},
                          {"Conditions de paiement en texte (« 45 jours fin de mois »), ou nombre "
                           "de jours nets.",
                           "Payment terms as text (\"45 jours fin de mois\", \"net 30\"), or a "
                           "number of net days."}};
const ArgumentSpec kReading{
    "reading",
    {"lecture_fin_de_mois", "eom_reading"},
    {"Lecture de « N jours fin de mois » (facultatif) : \"A\" ou 1 = date + N jours puis fin de "
     "mois (par défaut) ; \"B\" ou 2 = fin de mois puis + N jours.",
     "Reading of \"N days end of month\" (optional): \"A\" or 1 = date + N days then end of month "
     "(default); \"B\" or 2 = end of month then + N days."}};
const ArgumentSpec kBounds{"bounds",
                           {"bornes", "bounds"},
                           {"Bornes des tranches en jours (facultatif), croissantes, par exemple "
                            "{30;60;90} ou une plage. Par défaut 30, 60, 90.",
                            "Bucket upper bounds in days (optional), increasing, e.g. {30;60;90} "
                            "or a range. Default 30, 60, 90."}};
const ArgumentSpec kRates{
    "rates",
    {"taux_bce", "ecb_rates"},
    {"Vos taux (facultatif) : plage de deux colonnes, date du semestre (ou texte 2026-S2) et "
     "taux en vigueur ; ils complètent ou remplacent la table livrée.",
     "Your rates (optional): a two-column range, the half-year's date (or text 2026-S2) and the "
     "rate in force; they extend or replace the shipped table."}};
const ArgumentSpec kContractRate{
    "contractRate",
    {"taux_contractuel", "contract_rate"},
    {"Taux annuel prévu au contrat (facultatif, par exemple 15 %) : remplace le taux légal (BCE "
     "+ 10 points).",
     "Annual rate set by the contract (optional, e.g. 15 %): replaces the statutory rate (ECB + "
     "10 points)."}};

// Ranges, one cell per invoice, all of the same size.
const ArgumentSpec kDueDates{"dueDates",
                             {"échéances", "due_dates"},
                             {"Plage des dates d'échéance (une ligne par facture).",
                              "Range of due dates (one row per invoice)."}};
const ArgumentSpec kAmounts{
    "amounts",
    {"montants_ttc", "amounts"},
    {"Plage des montants TTC, de même taille.", "Range of amounts incl. VAT, of the same size."}};
const ArgumentSpec kPaymentDates{
    "paymentDates",
    {"dates_règlement", "payment_dates"},
    {"Plage des dates de règlement (facultatif) : une facture réglée après la date de situation "
     "était encore ouverte.",
     "Range of payment dates (optional): an invoice paid after the as-of date was still open."}};
const ArgumentSpec kPaidAmounts{
    "paidAmounts",
    {"montants_réglés", "paid_amounts"},
    {"Plage des montants déjà réglés (facultatif, pour les règlements partiels).",
     "Range of amounts already paid (optional, for partial payments)."}};
const ArgumentSpec kInvoiceDates{
    "invoiceDates",
    {"dates_facture", "invoice_dates"},
    {"Plage des dates de facture (facultatif) : une facture émise après la date de situation "
     "n'existait pas encore.",
     "Range of invoice dates (optional): an invoice issued after the as-of date did not exist "
     "yet."}};
const ArgumentSpec kRequiredInvoiceDates{
    "invoiceDates",
    {"dates_facture", "invoice_dates"},
    {"Plage des dates de facture.", "Range of invoice dates."}};
const ArgumentSpec kCustomers{
    "customers",
    {"clients", "customers"},
    {"Plage des noms de clients, de même taille.", "Range of customer names, of the same size."}};
const ArgumentSpec kCustomer{"customer",
                             {"client", "customer"},
                             {"Le client retenu (majuscules et accents ignorés).",
                              "The customer to keep (case and accents ignored)."}};
const ArgumentSpec kMinDays{
    "minDays",
    {"jours_min", "min_days"},
    {"Ne compter que les retards de plus de N jours (facultatif, 0 par défaut).",
     "Only count invoices more than N days late (optional, 0 by default)."}};
const ArgumentSpec kMonths{"months",
                           {"mois", "months"},
                           {"Durée de la période en mois (facultatif, 12 par défaut).",
                            "Length of the period in months (optional, 12 by default)."}};
const ArgumentSpec kDayBasis{"basis",
                             {"base_jours", "day_basis"},
                             {"Jours par an (facultatif) : 365 (par défaut) ou 360.",
                              "Days per year (optional): 365 (default) or 360."}};
const ArgumentSpec kSales{"sales",
                          {"ca_ttc", "sales"},
                          {"Chiffre d'affaires TTC de la période (nombre ou plage).",
                           "Sales incl. VAT over the period (a number or a range)."}};
const ArgumentSpec kReceivables{"receivables",
                                {"encours", "receivables"},
                                {"Encours clients TTC à la clôture (nombre ou plage).",
                                 "Receivables incl. VAT at closing (a number or a range)."}};
const ArgumentSpec kCurrentReceivables{
    "currentReceivables",
    {"encours_non_échu", "current_receivables"},
    {"Encours non échu (pas encore dû) à la clôture (nombre ou plage).",
     "Current (not yet due) receivables at closing (a number or a range)."}};
const ArgumentSpec kFlags{
    "flags",
    {"suivi", "flags"},
    {"Plage des notes de suivi (facultatif) : « litige », « promesse 20/11/2026 », "
     "« contentieux », « passée en perte »...",
     "Range of follow-up notes (optional): \"dispute\", \"promise 20/11/2026\", \"litigation\", "
     "\"written off\"..."}};

// The reminder log's columns (the Relances sheet), one cell per letter.
const ArgumentSpec kLetterDates{"letterDates",
                                {"dates_relances", "letter_dates"},
                                {"Plage des dates des lettres de relance (journal des relances).",
                                 "Range of the reminder letters' dates (the reminder log)."}};
const ArgumentSpec kLetterLevels{
    "letterLevels",
    {"niveaux_relances", "letter_levels"},
    {"Plage des niveaux des lettres, de même taille : 0 pré-relance, 1, 2, 3 mise en demeure.",
     "Range of the letters' levels, of the same size: 0 pre-due notice, 1, 2, 3 formal "
     "notice."}};
const ArgumentSpec kLetterInvoices{
    "letterInvoices",
    {"factures_relancées", "letter_invoices"},
    {"Plage des factures de chaque lettre, de même taille (« F2026-0101, F2026-0102 »).",
     "Range of each letter's invoices, of the same size (\"F2026-0101, F2026-0102\")."}};
const ArgumentSpec kInvoiceNumbers{
    "invoiceNumbers",
    {"n°_factures", "invoice_numbers"},
    {"Plage des numéros de facture du registre, parallèle aux montants.",
     "Range of the ledger's invoice numbers, parallel to the amounts."}};
const ArgumentSpec kLetterStates{
    "letterStates",
    {"états_relances", "letter_states"},
    {"Plage de l'état de chaque lettre (facultatif) : un envoi en « Échec » n'est pas une "
     "relance.",
     "Range of each letter's state (optional): a \"Failed\" sending is not a reminder."}};

std::vector<FunctionSpec> makeTable()
{
    const std::vector<ArgumentSpec> rangeArguments = {
        kDueDates, kAmounts, kPaymentDates, kPaidAmounts, kAsOf, kBounds, kInvoiceDates};
    const std::vector<ArgumentSpec> overdueArguments = {
        kDueDates, kAmounts, kPaymentDates, kPaidAmounts, kAsOf, kMinDays, kInvoiceDates};
    auto withCustomer = [](std::vector<ArgumentSpec> arguments)
    {
        arguments.insert(arguments.begin(), {kCustomers, kCustomer});
        return arguments;
    };
    const std::vector<ArgumentSpec> riskArguments = {
        kCustomers,
        kCustomer,
        kDueDates,
        kAmounts,
        kPaymentDates,
        kPaidAmounts,
        kFlags,
        kAsOf,
        {"creationDate",
         {"date_création", "creation_date"},
         {"Date de création de l'entreprise cliente (facultatif).",
          "The customer company's creation date (optional)."}},
        {"creditLimit",
         {"plafond_crédit", "credit_limit"},
         {"Plafond de crédit accordé au client (facultatif).",
          "Credit limit granted to the customer (optional)."}},
        {"thresholds",
         {"seuils", "thresholds"},
         {"Seuils (facultatif), dans l'ordre : notes B, C, D en jours (30;60;90), part de "
          "concentration (0,2), ancienneté en années (3), alertes de plafond (0,5;0,7;0,9).",
          "Thresholds (optional), in order: ratings B, C, D in days (30;60;90), concentration "
          "share (0.2), company age in years (3), credit-limit alerts (0.5;0.7;0.9)."}},
        kInvoiceDates};

    return {
        // Per invoice
        {"dueDate",
         {"CREANCES.ECHEANCE", "AR.DUEDATE"},
         {"Date d'échéance d'une facture à partir de sa date et des conditions de paiement "
          "(« 30 jours », « 45 jours fin de mois », « fin de mois le 10 », « à réception »…).",
          "Due date of an invoice from its date and French payment terms (\"30 jours\", \"45 "
          "jours fin de mois\", \"fin de mois le 10\", \"net 30\", \"on receipt\"...)."},
         {kInvoiceDate,
          kTerms,
          kReading,
          {"weekend",
           {"week_end", "weekend"},
           {"Échéance un samedi ou un dimanche (facultatif) : 0 = inchangée (par défaut), 1 = "
            "lundi suivant, -1 = vendredi précédent.",
            "Due date on a Saturday or Sunday (optional): 0 = unchanged (default), 1 = next "
            "Monday, -1 = previous Friday."}}}},
        {"termsCheck",
         {"CREANCES.CONDITIONS.CONFORMES", "AR.TERMSCHECK"},
         {"Vérifie que des conditions de paiement respectent les délais maximaux de l'article "
          "L441-10 (60 jours date de facture, ou 45 jours fin de mois).",
          "Checks payment terms against the L441-10 maximums (60 days from the invoice date, or "
          "45 days end of month)."},
         {kTerms,
          {"invoiceDate",
           {"date_facture", "invoice_date"},
           {"Date de la facture (facultatif) : sans date, le pire cas sur toutes les dates.",
            "Invoice date (optional): without it, the worst case over every date."}},
          kReading}},
        {"daysLate",
         {"CREANCES.JOURS.RETARD", "AR.DAYSLATE"},
         {"Nombre de jours de retard d'une facture à la date de situation (0 si non échue) ; "
          "arrêté à la date du règlement si elle est réglée.",
          "Days past due of an invoice at the as-of date (0 when not yet due); stops at the "
          "payment date when paid."},
         {kDueDate, kPaymentDate, kAsOf}},
        {"daysToPay",
         {"CREANCES.DELAI.PAIEMENT", "AR.DAYSTOPAY"},
         {"Nombre de jours entre la facture et son règlement ; #N/A si elle n'est pas réglée à "
          "la date de situation.",
          "Days from the invoice to its payment; #N/A when unpaid at the as-of date."},
         {kInvoiceDate, kPaymentDate, kAsOf}},
        {"agingBucket",
         {"CREANCES.TRANCHE", "AR.AGINGBUCKET"},
         {"Tranche d'ancienneté d'une facture à la date de situation : Non échu, 1-30 j, "
          "31-60 j, 61-90 j, > 90 j (ou vos bornes) ; Réglée si elle est réglée.",
          "Aging bucket of an invoice at the as-of date: Not due, 1-30 days, 31-60 days, "
          "61-90 days, > 90 days (or your bounds); Paid when paid."},
         {kDueDate,
          kPaymentDate,
          kAsOf,
          kBounds,
          {"basis",
           {"base", "basis"},
           {"Base de l'ancienneté (facultatif) : \"échéance\" (par défaut) ou \"facture\" (le "
            "premier argument est alors la date de facture).",
            "Aging basis (optional): \"due\" (default) or \"invoice\" (the first argument is "
            "then the invoice date)."}}}},
        {"invoiceStatus",
         {"CREANCES.STATUT", "AR.STATUS"},
         {"Statut d'une facture : Non échue, En retard, Partiellement réglée, Réglée, ou selon "
          "les notes de suivi En litige, Promesse de paiement, Contentieux, Passée en perte.",
          "Status of an invoice: Not due, Overdue, Partially paid, Paid, or from the follow-up "
          "notes Disputed, Payment promised, Litigation, Written off."},
         {kDueDate,
          kAmount,
          {"paidAmount",
           {"montant_réglé", "paid_amount"},
           {"Montant déjà réglé (facultatif).", "Amount already paid (optional)."}},
          kPaymentDate,
          kAsOf,
          {"flags",
           {"suivi", "flags"},
           {"Note de suivi (facultatif) : « litige », « promesse 20/11/2026 », « contentieux », "
            "« passée en perte ».",
            "Follow-up note (optional): \"dispute\", \"promise 20/11/2026\", \"litigation\", "
            "\"written off\"."}}}},

        // French late-payment law
        {"penalty",
         {"CREANCES.PENALITES", "AR.PENALTY"},
         {"Pénalités de retard (L441-10) : montant × taux × jours / 365, du lendemain de "
          "l'échéance au règlement ou à la date de situation ; taux BCE du semestre + 10 points.",
          "Statutory late-payment penalty (L441-10): amount × rate × days / 365, from the day "
          "after the due date to payment or the as-of date; ECB rate of each half-year + 10 "
          "points."},
         {kAmount, kDueDate, kPaymentDate, kAsOf, kContractRate, kRates}},
        {"indemnity",
         {"CREANCES.INDEMNITE", "AR.INDEMNITY"},
         {"Indemnité forfaitaire pour frais de recouvrement (D441-5) : 40 € par facture payée en "
          "retard, sinon 0.",
          "Fixed recovery indemnity (D441-5): 40 € per invoice paid late, else 0."},
         {kDueDate, kPaymentDate, kAsOf}},
        {"penaltyRate",
         {"CREANCES.TAUX.PENALITES", "AR.PENALTYRATE"},
         {"Taux annuel des pénalités légales applicable à une date : taux BCE en vigueur au 1er "
          "janvier ou au 1er juillet + 10 points.",
          "Annual statutory penalty rate on a date: ECB rate in force on 1 January or 1 July + 10 "
          "points."},
         {{"date",
           {"date", "date"},
           {"La date (facultatif, aujourd'hui par défaut).",
            "The date (optional, today by default)."}},
          kRates}},
        {"legalRate",
         {"CREANCES.TAUX.LEGAL", "AR.LEGALRATE"},
         {"Taux de l'intérêt légal (créanciers professionnels) applicable à une date.",
          "French legal interest rate (professional creditors) on a date."},
         {{"date",
           {"date", "date"},
           {"La date (facultatif, aujourd'hui par défaut).",
            "The date (optional, today by default)."}},
          {"rates",
           {"taux_légaux", "legal_rates"},
           {"Vos taux légaux (facultatif) : plage de deux colonnes, date du semestre et taux.",
            "Your legal rates (optional): a two-column range, half-year date and rate."}}}},
        {"rateFloorCheck",
         {"CREANCES.TAUX.PLANCHER", "AR.RATEFLOORCHECK"},
         {"VRAI (1) si un taux de pénalité contractuel atteint au moins 3 fois le taux de "
          "l'intérêt légal (L441-10), sinon FAUX (0).",
          "TRUE (1) when a contractual penalty rate is at least 3 times the legal interest rate "
          "(L441-10), else FALSE (0)."},
         {kContractRate,
          {"date",
           {"date", "date"},
           {"La date (facultatif, aujourd'hui par défaut).",
            "The date (optional, today by default)."}},
          {"rates",
           {"taux_légaux", "legal_rates"},
           {"Vos taux légaux (facultatif) : plage de deux colonnes, date du semestre et taux.",
            "Your legal rates (optional): a two-column range, half-year date and rate."}}}},

        // Over ranges
        {"agedBalance",
         {"CREANCES.BALANCE.AGEE", "AR.AGEDBALANCE"},
         {"Balance âgée : montants restant dus par tranche (non échu, 1-30, 31-60, 61-90, > 90 "
          "j), en ligne ; la somme des tranches est l'encours. Formule matricielle.",
          "Aged balance: amounts still due per bucket (not due, 1-30, 31-60, 61-90, > 90 days), "
          "as a row; the buckets sum to the outstanding. Array formula."},
         rangeArguments},
        {"agedBalanceIf",
         {"CREANCES.BALANCE.AGEE.SI", "AR.AGEDBALANCEIF"},
         {"Balance âgée d'un seul client (comme SOMME.SI). Formule matricielle.",
          "Aged balance of one customer (like SUMIF). Array formula."},
         withCustomer(rangeArguments)},
        {"overdue",
         {"CREANCES.ECHUES", "AR.OVERDUE"},
         {"Total des montants échus et non réglés à la date de situation (au-delà de N jours de "
          "retard si demandé).",
          "Total overdue and unpaid at the as-of date (beyond N days late if asked)."},
         overdueArguments},
        {"overdueIf",
         {"CREANCES.ECHUES.SI", "AR.OVERDUEIF"},
         {"Total échu d'un seul client (comme SOMME.SI).",
          "Total overdue of one customer (like SUMIF)."},
         withCustomer(overdueArguments)},
        {"overdueShare",
         {"CREANCES.PART.ECHUE", "AR.OVERDUESHARE"},
         {"Part de l'encours qui est échue (0 à 1) ; #N/A si rien n'est dû.",
          "Share of the outstanding that is overdue (0 to 1); #N/A when nothing is due."},
         overdueArguments},
        {"dso",
         {"CREANCES.DSO", "AR.DSO"},
         {"DSO, méthode standard : encours / chiffre d'affaires TTC × jours de la période.",
          "DSO, standard method: receivables / sales incl. VAT × days in the period."},
         {kReceivables, kSales, kMonths, kDayBasis}},
        {"dsoCountback",
         {"CREANCES.DSO.EPUISEMENT", "AR.DSOCOUNTBACK"},
         {"DSO par épuisement du chiffre d'affaires, calculé depuis la liste des factures "
          "(encours à la date de situation, ventes mensuelles tirées des factures).",
          "Countback DSO from the invoice list (outstanding at the as-of date, monthly sales "
          "from the invoices)."},
         {kRequiredInvoiceDates, kAmounts, kPaymentDates, kPaidAmounts, kAsOf}},
        {"bestPossibleDso",
         {"CREANCES.DSO.OPTIMAL", "AR.BPDSO"},
         {"Best Possible DSO : encours non échu / chiffre d'affaires × jours de la période.",
          "Best Possible DSO: current receivables / sales × days in the period."},
         {kCurrentReceivables, kSales, kMonths, kDayBasis}},
        {"averageDaysDelinquent",
         {"CREANCES.ADD", "AR.ADD"},
         {"Retard moyen (ADD) = DSO - Best Possible DSO.",
          "Average days delinquent (ADD) = DSO - Best Possible DSO."},
         {kReceivables, kCurrentReceivables, kSales, kMonths, kDayBasis}},
        {"collectionEffectiveness",
         {"CREANCES.CEI", "AR.CEI"},
         {"Indice d'efficacité du recouvrement (CEI), en % : (encours début + CA/N - encours "
          "fin) / (encours début + CA/N - encours fin non échu) × 100.",
          "Collection effectiveness index (CEI), in %: (opening + sales/N - closing) / (opening "
          "+ sales/N - closing current) × 100."},
         {{"openingReceivables",
           {"encours_début", "opening_receivables"},
           {"Encours en début de période.", "Receivables at the start of the period."}},
          kSales,
          {"closingReceivables",
           {"encours_fin", "closing_receivables"},
           {"Encours total en fin de période.", "Total receivables at the end of the period."}},
          {"closingCurrent",
           {"encours_fin_non_échu", "closing_current"},
           {"Encours non échu en fin de période.",
            "Current receivables at the end of the period."}},
          {"months",
           {"mois", "months"},
           {"Nombre de mois de la période (facultatif, 1 par défaut).",
            "Number of months in the period (optional, 1 by default)."}}}},
        {"averageDaysToPay",
         {"CREANCES.DELAI.MOYEN", "AR.AVGDAYSTOPAY"},
         {"Délai moyen de paiement pondéré par les montants, sur les factures réglées ; #N/A "
          "s'il n'y en a pas.",
          "Amount-weighted average days to pay over the paid invoices; #N/A when there are none."},
         {kRequiredInvoiceDates, kPaymentDates, kAmounts}},
        {"averageDaysToPayIf",
         {"CREANCES.DELAI.MOYEN.SI", "AR.AVGDAYSTOPAYIF"},
         {"Délai moyen de paiement pondéré d'un seul client.",
          "Amount-weighted average days to pay of one customer."},
         {kCustomers, kCustomer, kRequiredInvoiceDates, kPaymentDates, kAmounts}},
        {"averageDaysLate",
         {"CREANCES.RETARD.MOYEN", "AR.AVGDAYSLATE"},
         {"Retard moyen pondéré par les montants à la date de situation (factures réglées : "
          "retard final ; ouvertes : retard à date).",
          "Amount-weighted average days late at the as-of date (paid invoices: final delay; "
          "open ones: delay so far)."},
         {kDueDates, kAmounts, kPaymentDates, kAsOf}},
        {"averageDaysLateIf",
         {"CREANCES.RETARD.MOYEN.SI", "AR.AVGDAYSLATEIF"},
         {"Retard moyen pondéré d'un seul client.",
          "Amount-weighted average days late of one customer."},
         {kCustomers, kCustomer, kDueDates, kAmounts, kPaymentDates, kAsOf}},
        {"averageTerms",
         {"CREANCES.CONDITIONS.MOYENNES", "AR.AVGTERMS"},
         {"Délai de paiement accordé moyen (échéance - date de facture), pondéré par les "
          "montants.",
          "Amount-weighted average terms granted (due date - invoice date)."},
         {kRequiredInvoiceDates, kDueDates, kAmounts}},

        // Customer risk
        {"riskScore",
         {"CREANCES.RISQUE.SCORE", "AR.RISKSCORE"},
         {"Score de risque d'un client de 0 à 100, somme de points expliqués par "
          "CREANCES.RISQUE.SIGNAUX.",
          "Customer risk score from 0 to 100, the sum of points explained by AR.RISKFLAGS."},
         riskArguments},
        {"riskFlags",
         {"CREANCES.RISQUE.SIGNAUX", "AR.RISKFLAGS"},
         {"Les raisons du score de risque d'un client, en texte : retards, tendance, paiements "
          "partiels, litiges, promesses non tenues, jeune entreprise, concentration, plafond.",
          "The reasons behind a customer's risk score, as text: delays, trend, partial payments, "
          "disputes, broken promises, young company, concentration, credit limit."},
         riskArguments},
        {"customerSummary",
         {"CREANCES.SYNTHESE.CLIENTS", "AR.CUSTOMERSUMMARY"},
         {"Une ligne par client de la liste, en formule matricielle de 4 colonnes : échu, retard "
          "moyen pondéré (j), score et signaux de risque, comme CREANCES.ECHUES.SI, "
          "CREANCES.RETARD.MOYEN.SI et CREANCES.RISQUE.*, en une seule lecture des plages.",
          "One row per listed customer, as a 4-column array formula: overdue, amount-weighted "
          "days late, risk score and risk flags, as AR.OVERDUEIF, AR.AVERAGEDAYSLATEIF and "
          "AR.RISK*, from one reading of the ranges."},
         {{"customerList",
           {"liste_clients", "customer_list"},
           {"Les clients, un par ligne (une colonne) : une ligne de résultat pour chacun.",
            "The customers, one per row (one column): one result row for each."}},
          kCustomers,
          kDueDates,
          kAmounts,
          kPaymentDates,
          kPaidAmounts,
          kFlags,
          kAsOf,
          {"creationDates",
           {"dates_création", "creation_dates"},
           {"Dates de création des clients (facultatif), parallèles à la liste des clients.",
            "The customers' creation dates (optional), parallel to the customer list."}},
          {"creditLimits",
           {"plafonds_crédit", "credit_limits"},
           {"Plafonds de crédit des clients (facultatif), parallèles à la liste des clients.",
            "The customers' credit limits (optional), parallel to the customer list."}},
          riskArguments[10],
          kInvoiceDates}},

        // Steering: cash-in forecast, reminder effectiveness
        {"cashForecast",
         {"CREANCES.PREVISION.ENCAISSEMENTS", "AR.CASHFORECAST"},
         {"Encaissements attendus, en formule matricielle de 5 colonnes (libellé, du, au, "
          "montant, factures) : l'échu, puis chaque semaine ou mois à venir selon l'habitude de "
          "paiement de chaque client (retard pondéré de ses factures réglées, celui du "
          "portefeuille s'il en a moins de 3), puis au-delà, et à part les litiges, contentieux "
          "et pertes.",
          "Expected cash-in, as a 5-column array formula (label, from, to, amount, invoices): "
          "what is overdue, then each week or month ahead from each customer's payment habit "
          "(weighted delay of its settled invoices, the portfolio's when it has fewer than 3), "
          "then later, and apart the disputes, litigation and write-offs."},
         {kCustomers,
          kDueDates,
          kAmounts,
          kPaymentDates,
          kPaidAmounts,
          kFlags,
          kAsOf,
          {"period",
           {"période", "period"},
           {"« semaines » (par défaut) ou « mois » (calendaires, le premier jusqu'à sa fin).",
            "\"weeks\" (default) or \"months\" (calendar months, the first to its end)."}},
          {"periods",
           {"nombre", "periods"},
           {"Nombre de périodes (facultatif) : 8 semaines ou 6 mois par défaut, 60 au plus.",
            "Number of periods (optional): 8 weeks or 6 months by default, 60 at most."}},
          kInvoiceDates}},
        {"reminderEffect",
         {"CREANCES.EFFICACITE.RELANCES", "AR.REMINDEREFFECT"},
         {"Efficacité des relances par niveau, en formule matricielle de 4 lignes (pré-relance, "
          "relance 1, relance 2, mise en demeure) et 6 colonnes : niveau, lettres, part réglée "
          "en totalité sous 8, 15 et 30 jours après la lettre (parmi les lettres dont le délai "
          "est écoulé), délai médian de paiement (j). Un règlement antérieur à la lettre n'est "
          "pas son succès.",
          "Reminder effectiveness per level, as an array formula of 4 rows (pre-due notice, "
          "reminder 1, reminder 2, formal notice) and 6 columns: level, letters, share fully "
          "paid within 8, 15 and 30 days after the letter (among letters whose window is over), "
          "median days to payment. A payment before the letter is not its success."},
         {kLetterDates, kLetterLevels, kLetterInvoices, kInvoiceNumbers, kAmounts, kPaymentDates,
          kPaidAmounts, kAsOf, kLetterStates}},
        {"remindedShare",
         {"CREANCES.PART.RELANCEES", "AR.REMINDEDSHARE"},
         {"Part des factures datées de la période et échues à la date de situation qui ont dû "
          "être relancées (une lettre de niveau 1 ou plus ; une pré-relance ne compte pas).",
          "Share of the invoices dated within the period and due by the as-of date that needed "
          "a reminder (a letter of level 1 or more; a pre-due notice does not count)."},
         {kInvoiceNumbers,
          kRequiredInvoiceDates,
          kDueDates,
          kAmounts,
          kLetterDates,
          kLetterLevels,
          kLetterInvoices,
          {"from",
           {"du", "from"},
           {"Premier jour de la période (dates de facture).",
            "First day of the period (invoice dates)."}},
          {"to",
           {"au", "to"},
           {"Dernier jour de la période (facultatif, la date de situation par défaut).",
            "Last day of the period (optional, the as-of date by default)."}},
          kAsOf,
          kLetterStates}},
        {"invoicingDelay",
         {"CREANCES.DELAI.FACTURATION", "AR.INVOICINGDELAY"},
         {"Délai moyen entre la livraison (ou la prestation) et la facture, pondéré par les "
          "montants : chaque jour est de la trésorerie perdue. Une facture émise avant la "
          "livraison (acompte) compte 0 jour ; #N/A si aucune facture n'a les deux dates.",
          "Amount-weighted average days from delivery (or service) to invoice: every day is cash "
          "lost. An invoice issued before the delivery (a deposit) counts 0 days; #N/A when no "
          "invoice has both dates."},
         {{"deliveryDates",
           {"dates_livraison", "delivery_dates"},
           {"Plage des dates de livraison ou de prestation, parallèle aux montants.",
            "Range of delivery or service dates, parallel to the amounts."}},
          kRequiredInvoiceDates,
          kAmounts,
          {"from",
           {"du", "from"},
           {"Premier jour de la période (dates de facture, facultatif).",
            "First day of the period (invoice dates, optional)."}},
          {"to",
           {"au", "to"},
           {"Dernier jour de la période (facultatif).", "Last day of the period (optional)."}}}},

        // Data checks
        {"checkValues",
         {"CREANCES.VERIFIER", "AR.CHECK"},
         {"Vérifie qu'une plage se lit bien (dates, montants ou conditions) et nomme la première "
          "valeur illisible.",
          "Checks that a range reads well (dates, amounts or terms) and names the first "
          "unreadable value."},
         {{"values", {"valeurs", "values"}, {"La plage à vérifier.", "The range to check."}},
          {"kind",
           {"type", "kind"},
           {"\"date\" (par défaut), \"montant\" ou \"conditions\".",
            "\"date\" (default), \"amount\" or \"terms\"."}}}},
    };
}

} // namespace

const std::vector<FunctionSpec>& functionTable()
{
    static const std::vector<FunctionSpec> table = makeTable();
    return table;
}

const FunctionSpec* findFunction(std::string_view programmaticName)
{
    for (const FunctionSpec& function : functionTable())
        if (programmaticName == function.programmaticName)
            return &function;
    return nullptr;
}

} // namespace relance::addin
