// The libFuzzer entry point of one target: compiled once per target executable with
// RELANCE_FUZZ_ENTRY naming its entry function (see CMakeLists.txt). Linked with
// -fsanitize=fuzzer it is driven by libFuzzer; linked with replay_main.cxx it replays files.
#include "fuzz_support.hxx"

#ifndef RELANCE_FUZZ_ENTRY
#error "RELANCE_FUZZ_ENTRY must name the target's entry function"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    return relance::fuzz::RELANCE_FUZZ_ENTRY(data, size);
}
