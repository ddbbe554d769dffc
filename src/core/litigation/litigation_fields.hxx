// The fields of the litigation file's documents (templates dossier-contentieux and
// decompte-creance, litigation-file and statement-of-claim in English), as display strings.
#pragma once

#include <vector>

#include "core/litigation/litigation_claim.hxx"
#include "core/reminders/letter_fields.hxx"

namespace relance
{

// Document fields: societe.*, client.* (client.raison_sociale the legal name, client.siren the
// nine digits), date, dossier.principal / penalites / indemnites / total, dossier.conditions
// (the invoices' terms), dossier.taux (statutory or contractual), dossier.relances (one line
// per reminder), dossier.mise_en_demeure, dossier.non_reclamees, dossier.avoirs,
// dossier.avertissements. Tables: "Factures" (facture.*, one row per invoice claimed),
// "Penalites" (ligne.facture, ligne.periode, ligne.du, ligne.au, ligne.jours, ligne.taux,
// ligne.montant: one row per invoice and half-year), "Pieces" (ligne.numero, ligne.piece,
// ligne.fichier).
LetterFields litigationFields(const LitigationClaim& claim, const SenderDetails& sender,
                              const std::vector<Exhibit>& exhibits, Language language);

// One line per invoice claimed, and the summary the command reports.
std::string describe(const LitigationClaim& claim, Language language);

} // namespace relance
