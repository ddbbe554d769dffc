// Replays every saved input through the same entry functions as the fuzz targets:
// regressions/<target>/* (inputs that once broke an invariant, crashed or hung) and the seed
// corpus corpus/<target>/*. A broken invariant fails the test with the input printed; any
// exception other than InputError fails it too; a sanitizer error aborts the run.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "fuzz_support.hxx"

namespace relance::fuzz
{
namespace
{

std::vector<std::filesystem::path> filesUnder(const std::filesystem::path& directory)
{
    std::vector<std::filesystem::path> files;
    if (std::filesystem::is_directory(directory))
        for (const auto& entry : std::filesystem::directory_iterator(directory))
            if (entry.is_regular_file())
                files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

void replayAll(const Target& target, std::string_view kind)
{
    throwOnFailure(true);
    const std::filesystem::path directory =
        std::filesystem::path(RELANCE_FUZZ_DIR) / kind / target.name;
    for (const auto& path : filesUnder(directory))
    {
        SCOPED_TRACE(path.string());
        std::ifstream in(path, std::ios::binary);
        ASSERT_TRUE(in) << "cannot read " << path;
        const std::string bytes{std::istreambuf_iterator<char>(in),
                                std::istreambuf_iterator<char>()};
        try
        {
            EXPECT_EQ(
                target.entry(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()), 0);
        }
        catch (const InvariantViolation& violation)
        {
            ADD_FAILURE() << violation.what();
        }
    }
    throwOnFailure(false);
}

} // namespace

// GoogleTest prints parameters with this (found by argument-dependent lookup).
void PrintTo(const Target& target, std::ostream* out)
{
    *out << target.name;
}

namespace
{

class FuzzInputs : public ::testing::TestWithParam<Target>
{
};

TEST_P(FuzzInputs, Regressions)
{
    replayAll(GetParam(), "regressions");
}

TEST_P(FuzzInputs, SeedCorpus)
{
    const Target& target = GetParam();
    EXPECT_FALSE(
        filesUnder(std::filesystem::path(RELANCE_FUZZ_DIR) / "corpus" / target.name).empty())
        << "no seed corpus for " << target.name;
    replayAll(target, "corpus");
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzInputs, ::testing::ValuesIn(kTargets),
                         [](const ::testing::TestParamInfo<Target>& info)
                         { return std::string(info.param.name); });

} // namespace
} // namespace relance::fuzz
