// An explainable customer risk score (0-100) from the customer's own invoices: every point
// comes from a named reason, so the user sees the drivers, not only a number. The signals are
// those credit-management tools use (see README for thresholds and points).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/risk/invoice_status.hxx"
#include "core/common/language.hxx"
#include "core/metrics/receivables_metrics.hxx"

namespace relance
{

struct RiskThresholds
{
    // Amount-weighted days late: rating A up to ratingB, B up to ratingC, C up to ratingD, D above.
    int ratingB = 30;
    int ratingC = 60;
    int ratingD = 90;
    int trendInvoices = 5;       // "recent" = this many latest due invoices
    double trendDays = 10;       // worsening when recent average exceeds the earlier one by more
    double concentration = 0.20; // share of all receivables
    int youngYears = 3;
    double creditAlert = 0.50; // outstanding / credit limit alerts: 50 %, 70 %, 90 %, 100 %
    double creditWarning = 0.70;
    double creditCritical = 0.90;
    double lateShare = 0.50; // share of settled invoices paid late
};

struct CustomerInvoice
{
    InvoiceLine line;
    FollowUpFlags flags;
};

enum class RiskReasonKind
{
    LatePayer,
    WorseningTrend,
    OftenLate,
    PartialPayments,
    OpenDispute,
    BrokenPromise,
    Litigation,
    YoungCompany,
    Concentration,
    CreditLimit,
};

struct RiskReason
{
    RiskReasonKind kind;
    int points = 0;
    double value = 0; // the measured figure (days, share, count...)
    double other = 0; // a second figure where the text needs one
    char rating = 0;  // for LatePayer
};

struct RiskAssessment
{
    int score = 0; // 0..100
    std::vector<RiskReason> reasons;
    char rating = 'A';
};

RiskAssessment assessCustomerRisk(std::span<const CustomerInvoice> invoices,
                                  Cents allCustomersOutstanding, DayNumber asOf,
                                  std::optional<DayNumber> creationDate,
                                  std::optional<Cents> creditLimit,
                                  const RiskThresholds& thresholds);

// "Retard moyen pondéré 42 j, note B (+10) ; Paiements partiels : 2 factures (+10)"
std::string describeReasons(const RiskAssessment& assessment, Language language);

} // namespace relance
