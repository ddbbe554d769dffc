// The one declarative description of every Relance spreadsheet function: names, descriptions,
// arguments and category, in French and English. Every XAddIn method of the add-in is a
// look-up in this table; a metadata test checks it against the IDL. No UNO type here.
#pragma once

#include <string_view>
#include <vector>

#include "core/common/language.hxx"

namespace relance::addin
{

struct LocalizedText
{
    const char* french;  // UTF-8
    const char* english; // UTF-8

    const char* in(Language language) const
    {
        return language == Language::French ? french : english;
    }
};

struct ArgumentSpec
{
    const char* programmaticName; // the IDL parameter name
    LocalizedText displayName;
    LocalizedText description;
};

struct FunctionSpec
{
    const char* programmaticName; // the IDL method name, stored in documents
    LocalizedText displayName;    // upper case: CREANCES.xxx / AR.xxx
    LocalizedText description;
    std::vector<ArgumentSpec> arguments; // as seen in Calc, after the hidden document argument
};

// Calc knows only its built-in categories: add-in functions all appear under "Add-In".
inline constexpr const char* kProgrammaticCategory = "Add-In";
inline constexpr LocalizedText kDisplayCategory{"Créances clients", "Receivables"};

// The UNO service under which Calc stores the functions in documents
// (e.g. of:=fr.relance.Functions.dueDate(...)).
inline constexpr const char* kServiceName = "fr.relance.Functions";
inline constexpr const char* kImplementationName = "fr.relance.FunctionsImpl";

const std::vector<FunctionSpec>& functionTable();
const FunctionSpec* findFunction(std::string_view programmaticName);

} // namespace relance::addin
