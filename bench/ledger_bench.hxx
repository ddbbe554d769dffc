// The ledger at scale: Relance's converted ledger against the same ledger written with Calc's
// native formulas, at several sizes, in one office: conversion, full recalculation, load and
// recalculation of the saved .ods, and the reminders' plan.
#pragma once

#include <string>
#include <vector>

#include "bench_support.hxx"
#include "office_session.hxx"

namespace bench
{

struct LedgerScalePoint
{
    long invoices = 0;
    double write = 0;      // one setDataArray of the source, s
    double conversion = 0; // fr.relance:convertLedger, automatic calculation off, s
    std::vector<double> relanceRecalc, nativeRecalc; // calculateAll, s
    std::vector<double> nativeWithoutRisk;         // the native ledger without the risk it keeps, s
    double relanceLoad = 0, relanceLoadRecalc = 0; // the saved .ods loaded, then calculateAll
    double nativeLoad = 0, nativeLoadRecalc = 0;
    double plan = 0;      // generateReminders PlanOnly, s
    double planFloor = 0; // the sheets the plan reads, read once over the bridge, s
    std::string planMessage;
    long compared = 0, mismatches = 0;
    std::vector<std::string> examples; // the first mismatches, named
    std::string failure;
};

struct LedgerScaleResult
{
    bool ran = false;
    std::vector<LedgerScalePoint> points;
};

LedgerScaleResult benchmarkLedgerScale(const OfficeSession& session, const std::vector<long>& sizes,
                                       const Options& options);
// The scale section of RESULTS.md.
std::string ledgerScaleReport(const LedgerScaleResult& result);
bool ledgerScaleFailed(const LedgerScaleResult& result);

} // namespace bench
