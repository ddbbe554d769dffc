// The one exception type the core throws for bad input. The glue turns it into the
// documented Calc error (Err:502); its message names the problem for dialogs and logs.
#pragma once

#include <stdexcept>
#include <string>

#include "core/common/language.hxx"

namespace relance
{

class InputError : public std::invalid_argument
{
public:
    using std::invalid_argument::invalid_argument;

    // With the message in French too: for the problems a user meets in the normal course of
    // things (a half-year's rate not yet added, a setting mistyped), told in the office's
    // language by the dialogs and commands. what() stays English, for logs and tests.
    InputError(const std::string& english, std::string french)
        : std::invalid_argument(english), french_(std::move(french))
    {
    }

    std::string message(Language language) const
    {
        return language == Language::French && !french_.empty() ? french_ : std::string(what());
    }

private:
    std::string french_;
};

} // namespace relance
