// The add-in function cases, each against the native formulas a user would write instead (per
// row, or over the whole ranges), and what measuring one gives: times, values and formulas.
#pragma once

#include <string>
#include <vector>

#include "bench_support.hxx"

namespace bench
{

enum class Kind
{
    PerRow,    // one formula per invoice row: a column of N formulas
    Aggregate, // formulas over the N-row ranges: one row of a few cells
};

struct Case
{
    std::string name;
    Kind kind;
    std::string addIn;
    // What a user would write without Relance, computing the same thing: one formula (per-row
    // cases, single-cell aggregates) or one per result cell (the add-in is then an array formula).
    std::vector<std::string> native;
};

const std::vector<Case>& cases();

struct Side
{
    double median = 0;
    std::vector<double> runs;
    double cpuMedian = 0; // CPU time of the office (and this program) over the same calls
    std::vector<double> cpuRuns;
    bool slow = false; // one calculation took longer than kSlowSeconds: not repeated
    std::vector<uno::Any> values;
    std::vector<bool> errors;
    // As Calc reads them back, to show what was parsed: the first cell's (per-row cases), every
    // cell's (aggregates; an array formula once, in braces).
    std::vector<std::string> formulas;
};

struct Result
{
    const Case* spec;
    long cells = 0; // result cells per side
    Side addIn, native;
    long mismatches = 0;
    long errorCells = 0; // cells in error on either side (counted as mismatches too)
    std::string example; // first mismatching cell, for diagnosis
};

std::string show(const uno::Any& value);
Result run(const Workbook& book, const Case& spec, const Options& options);

} // namespace bench
