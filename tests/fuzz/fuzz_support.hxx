// Shared by the fuzz targets: the input as text, invariant checks that name the input, and the
// list of entry functions (one per target) that the libFuzzer, replay and regression drivers call.
//
// An entry function returns 0 for every input. A broken invariant calls fail(): it prints the
// input (hex and escaped text) and the failed condition, then aborts, which libFuzzer reports as
// a crash and saves. The regression test switches fail() to throwing InvariantViolation instead.
// InputError is the only exception an entry function catches: any other escapes and crashes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/calendar/civil_date.hxx"

namespace relance::fuzz
{

using EntryFunction = int (*)(const std::uint8_t* data, std::size_t size);

int fuzzPaymentTerms(const std::uint8_t* data, std::size_t size);
int fuzzDateText(const std::uint8_t* data, std::size_t size);
int fuzzAmountText(const std::uint8_t* data, std::size_t size);
int fuzzTextFold(const std::uint8_t* data, std::size_t size);
int fuzzFollowUpFlags(const std::uint8_t* data, std::size_t size);
int fuzzTemplateFill(const std::uint8_t* data, std::size_t size);
int fuzzEmlMessage(const std::uint8_t* data, std::size_t size);
int fuzzFecFile(const std::uint8_t* data, std::size_t size);
#ifdef RELANCE_FUZZ_LEDGER_IMPORT
int fuzzLedgerImport(const std::uint8_t* data, std::size_t size);
#endif

struct Target
{
    std::string_view name; // directory name under corpus/ and regressions/
    EntryFunction entry;
};

inline constexpr Target kTargets[] = {
    {"payment_terms", fuzzPaymentTerms},    {"date_text", fuzzDateText},
    {"amount_text", fuzzAmountText},        {"text_fold", fuzzTextFold},
    {"follow_up_flags", fuzzFollowUpFlags}, {"template_fill", fuzzTemplateFill},
    {"eml_message", fuzzEmlMessage},        {"fec_file", fuzzFecFile},
#ifdef RELANCE_FUZZ_LEDGER_IMPORT
    {"ledger_import", fuzzLedgerImport},
#endif
};

// Thrown by fail() once throwOnFailure(true) was called (the GoogleTest regression test).
class InvariantViolation : public std::logic_error
{
public:
    using std::logic_error::logic_error;
};

void throwOnFailure(bool enabled);

// The input being run, for failure messages; set by each entry function.
class CurrentInput
{
public:
    explicit CurrentInput(std::string_view input);
    ~CurrentInput();
    CurrentInput(const CurrentInput&) = delete;
    CurrentInput& operator=(const CurrentInput&) = delete;

private:
    std::string_view previous_;
};

[[noreturn]] void fail(const char* file, int line, const char* condition, const std::string& detail,
                       std::string_view id = {});

// True when the invariant named id is listed in RELANCE_FUZZ_IGNORE (comma-separated), so that
// fuzzing can go on past a known, reported finding. Never in the regression test.
bool ignored(std::string_view id);

inline std::string_view asText(const std::uint8_t* data, std::size_t size)
{
    return {reinterpret_cast<const char*>(data), size};
}

// Printable forms for messages.
std::string hex(std::string_view bytes);
std::string escaped(std::string_view bytes);
std::string showDate(DayNumber day);

// ASCII letters to upper case, everything else unchanged (folding must undo it).
std::string upperAscii(std::string_view text);

template <typename... Parts> std::string concat(const Parts&... parts)
{
    std::ostringstream out;
    (out << ... << parts);
    return out.str();
}

} // namespace relance::fuzz

// Checks an invariant; the remaining arguments are streamed into the failure message.
// FUZZ_CHECK_ID names the invariant (a reported finding) so that RELANCE_FUZZ_IGNORE can waive it.
#define FUZZ_CHECK(condition, ...)                                                                 \
    do                                                                                             \
    {                                                                                              \
        if (!(condition))                                                                          \
            ::relance::fuzz::fail(__FILE__, __LINE__, #condition,                                  \
                                  ::relance::fuzz::concat("" __VA_OPT__(, ) __VA_ARGS__));         \
    } while (false)

#define FUZZ_CHECK_ID(id, condition, ...)                                                          \
    do                                                                                             \
    {                                                                                              \
        if (!(condition) && !::relance::fuzz::ignored(id))                                         \
            ::relance::fuzz::fail(__FILE__, __LINE__, #condition,                                  \
                                  ::relance::fuzz::concat("" __VA_OPT__(, ) __VA_ARGS__), id);     \
    } while (false)
