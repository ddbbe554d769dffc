// The one exception type the core throws for bad input. The glue turns it into the
// documented Calc error (Err:502); its message names the problem for dialogs and logs.
#pragma once

#include <stdexcept>
#include <string>

namespace relance
{

class InputError : public std::invalid_argument
{
public:
    using std::invalid_argument::invalid_argument;
};

} // namespace relance
