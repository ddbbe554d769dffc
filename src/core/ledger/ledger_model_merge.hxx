// Template part of ledger_model.hxx.
#pragma once

#include <unordered_map>

namespace relance
{

template <typename UserCells>
std::vector<LedgerRow<UserCells>> mergeLedger(const std::vector<LedgerRow<UserCells>>& existing,
                                              const std::vector<ImportedInvoice>& source,
                                              MergeStats& stats)
{
    std::unordered_map<std::string, std::size_t> sourceByKey;
    for (std::size_t i = 0; i < source.size(); ++i)
        sourceByKey.emplace(invoiceKey(source[i].number), i);

    std::vector<LedgerRow<UserCells>> merged;
    merged.reserve(existing.size() + source.size());
    std::vector<bool> used(source.size(), false);
    for (const LedgerRow<UserCells>& row : existing)
    {
        LedgerRow<UserCells> next = row;
        const auto found = sourceByKey.find(invoiceKey(row.invoice.number));
        if (found == sourceByKey.end())
            ++stats.kept;
        else
        {
            used[found->second] = true;
            if (sameLedgerData(row.invoice, source[found->second]))
                ++stats.unchanged;
            else
                ++stats.updated;
            // The source's reading either way: it also knows what the ledger does not keep
            // (the row and sheet it comes from, the amount excl. VAT, the typed balance).
            next.invoice = source[found->second];
        }
        merged.push_back(std::move(next));
    }
    for (std::size_t i = 0; i < source.size(); ++i)
        if (!used[i])
        {
            merged.push_back({source[i], UserCells{}});
            ++stats.added;
        }
    return merged;
}

} // namespace relance
