#include "function_table.hxx"

namespace relance::addin
{
namespace
{

const ArgumentSpec kAsOf{
    "asOf",
    {"date_situation", "as_of"},
    {"Date de situation (facultatif, aujourd'hui par défaut) : date à laquelle le retard est "
     "mesuré.",
     "As-of date (optional, today by default): the date at which lateness is measured."}};

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

std::vector<FunctionSpec> makeTable()
{
    return {
        {"dueDate",
         {"CREANCES.ECHEANCE", "AR.DUEDATE"},
         {"Date d'échéance d'une facture à partir de sa date et des conditions de paiement "
          "(« 30 jours », « 45 jours fin de mois », « fin de mois le 10 », « à réception »…).",
          "Due date of an invoice from its date and French payment terms (\"30 jours\", \"45 "
          "jours fin de mois\", \"fin de mois le 10\", \"net 30\", \"on receipt\"...)."},
         {{"invoiceDate",
           {"date_facture", "invoice_date"},
           {"Date d'émission de la facture (date ou texte comme 12/03/2024 ou 12 mars 2024).",
            "Invoice issue date (a date, or text such as 12/03/2024 or 12 March 2024)."}},
          {"terms",
           {"conditions", "terms"},
           {"Conditions de paiement en texte, ou nombre de jours nets.",
            "Payment terms as text, or a number of net days."}},
          {"reading",
           {"lecture_fin_de_mois", "eom_reading"},
           {"Lecture de « N jours fin de mois » (facultatif) : \"A\" ou 1 = date + N jours puis "
            "fin de mois (par défaut) ; \"B\" ou 2 = fin de mois puis + N jours.",
            "Reading of \"N days end of month\" (optional): \"A\" or 1 = date + N days then end "
            "of month (default); \"B\" or 2 = end of month then + N days."}}}},
        {"daysLate",
         {"CREANCES.JOURS.RETARD", "AR.DAYSLATE"},
         {"Nombre de jours de retard d'une facture à la date de situation (0 si non échue) ; "
          "arrêté à la date du règlement si elle est réglée.",
          "Days past due of an invoice at the as-of date (0 when not yet due); stops at the "
          "payment date when paid."},
         {kDueDate, kPaymentDate, kAsOf}},
        {"agingBucket",
         {"CREANCES.TRANCHE", "AR.AGINGBUCKET"},
         {"Tranche d'ancienneté d'une facture à la date de situation : Non échu, 1-30 j, "
          "31-60 j, 61-90 j, > 90 j (ou vos bornes) ; Réglée si elle est réglée.",
          "Aging bucket of an invoice at the as-of date: Not due, 1-30 days, 31-60 days, "
          "61-90 days, > 90 days (or your bounds); Paid when paid."},
         {kDueDate,
          kPaymentDate,
          kAsOf,
          {"bounds",
           {"bornes", "bounds"},
           {"Bornes des tranches en jours de retard (facultatif), croissantes, par exemple "
            "{30;60;90} ou une plage.",
            "Bucket upper bounds in days past due (optional), increasing, e.g. {30;60;90} or a "
            "range."}}}},
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
