# Compiles the rate tables of data/*.csv into a C++ source at build time: the rates stay data
# that anyone can check against the ECB and Banque de France pages, not numbers buried in code.
#
# Two roles in one file:
#  - include(EmbedRates) defines relance_embed_rates(<var>), which adds the build rule and sets
#    <var> to the generated source;
#  - cmake -DECB_CSV=... -DLEGAL_CSV=... -DOUTPUT=... -P EmbedRates.cmake is that build rule.
#
# Rates are read as decimal text into parts per million (4.50 -> 45000), never through a
# floating-point number. A malformed line fails the build with its file and line number.

if(NOT CMAKE_SCRIPT_MODE_FILE)
  function(relance_embed_rates output_var)
    set(ecb ${PROJECT_SOURCE_DIR}/data/ecb-main-refinancing-rate.csv)
    set(legal ${PROJECT_SOURCE_DIR}/data/legal-interest-rate.csv)
    set(output ${CMAKE_CURRENT_BINARY_DIR}/generated/embedded_rates.cxx)
    add_custom_command(
      OUTPUT ${output}
      COMMAND ${CMAKE_COMMAND} -DECB_CSV=${ecb} -DLEGAL_CSV=${legal} -DOUTPUT=${output}
              -P ${CMAKE_CURRENT_FUNCTION_LIST_FILE}
      DEPENDS ${ecb} ${legal} ${CMAKE_CURRENT_FUNCTION_LIST_FILE}
      COMMENT "Embedding the rate tables of data/*.csv"
      VERBATIM)
    # Both core variants compile the output: one target drives the rule so that parallel
    # builds do not run it twice (add_dependencies on this target).
    add_custom_target(relance_embedded_rates DEPENDS ${output})
    set(${output_var} ${output} PARENT_SCOPE)
  endfunction()
  return()
endif()

# Decimal digits to a number math(EXPR) reads as decimal ("0500" -> "500"). Not REGEX REPLACE
# "^0+": CMake re-anchors "^" after each replacement and would eat inner zeros too.
function(relance_strip_leading_zeros digits out_var)
  string(REGEX MATCH "[1-9][0-9]*$" stripped "${digits}")
  if(stripped STREQUAL "")
    set(stripped 0)
  endif()
  set(${out_var} ${stripped} PARENT_SCOPE)
endfunction()

# Reads one CSV (half_year,rate_percent,source_note) into C++ initialisers, one row per line.
function(relance_rates_to_cxx csv out_var)
  file(READ "${csv}" content)
  # CMake lists split on ';': keep a ';' in a line as a character no rate can contain.
  string(ASCII 1 semicolon_stand_in)
  string(REPLACE ";" "${semicolon_stand_in}" content "${content}")
  string(REPLACE "\r" "" content "${content}")
  string(REPLACE "\n" ";" lines "${content}")

  set(line_number 0)
  set(previous_index "")
  set(previous_name "")
  set(rows "")
  foreach(line IN LISTS lines)
    math(EXPR line_number "${line_number} + 1")
    string(STRIP "${line}" line)
    if(line STREQUAL "" OR line MATCHES "^#" OR line MATCHES "^half_year,")
      continue()
    endif()
    set(where "${csv}:${line_number}")
    string(REPLACE "${semicolon_stand_in}" ";" shown_line "${line}")
    if(line MATCHES "^[^,]*,[0-9]+,[0-9]+(,|$)")
      message(FATAL_ERROR
        "${where}: \"${shown_line}\": write the rate with a decimal point (2.15), not a comma")
    endif()
    if(NOT line MATCHES "^([0-9][0-9][0-9][0-9])-S([12]),([0-9]+)(\\.([0-9]+))?,")
      message(FATAL_ERROR
        "${where}: malformed rate line \"${shown_line}\": expected half_year,rate_percent,source_note "
        "with the half-year as YYYY-S1 or YYYY-S2 and the rate in percent with a dot (4.50)")
    endif()
    set(year ${CMAKE_MATCH_1})
    set(half ${CMAKE_MATCH_2})
    set(integer_part ${CMAKE_MATCH_3})
    set(fraction ${CMAKE_MATCH_5})
    set(rate_text "${CMAKE_MATCH_3}${CMAKE_MATCH_4}")
    set(name "${year}-S${half}")

    string(LENGTH "${fraction}" fraction_length)
    relance_strip_leading_zeros("${integer_part}" integer_part)
    string(LENGTH "${integer_part}" integer_length)
    if(fraction_length GREATER 4 OR integer_length GREATER 3)
      message(FATAL_ERROR
        "${where}: rate of ${name} \"${rate_text}\" must be a percentage from 0 to "
        "100 with at most 4 decimals")
    endif()
    # Parts per million of 1 = ten-thousandths of a percent: pad the fraction to 4 digits.
    string(SUBSTRING "${fraction}0000" 0 4 fraction)
    relance_strip_leading_zeros("${fraction}" fraction)
    math(EXPR rate_ppm "${integer_part} * 10000 + ${fraction}")
    if(rate_ppm GREATER 1000000)
      message(FATAL_ERROR "${where}: rate of ${name} is above 100 %")
    endif()

    # One row per half-year, in order, without gap: a hole would only surface as an error in a
    # user's spreadsheet much later.
    relance_strip_leading_zeros("${year}" year_number)
    math(EXPR index "${year_number} * 2 + ${half} - 1")
    if(NOT previous_index STREQUAL "")
      math(EXPR expected_index "${previous_index} + 1")
      if(NOT index EQUAL expected_index)
        message(FATAL_ERROR
          "${where}: ${name} does not follow ${previous_name}: one row per half-year, in order, "
          "without gap or repetition")
      endif()
    endif()
    set(previous_index ${index})
    set(previous_name ${name})

    string(APPEND rows "    {{${year_number}, ${half}}, ${rate_ppm}}, // ${rate_text} %\n")
  endforeach()
  if(rows STREQUAL "")
    message(FATAL_ERROR "${csv}: no rate rows")
  endif()
  set(${out_var} "${rows}" PARENT_SCOPE)
endfunction()

foreach(variable ECB_CSV LEGAL_CSV OUTPUT)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "EmbedRates.cmake: -D${variable}=... is required")
  endif()
endforeach()

relance_rates_to_cxx("${ECB_CSV}" ecb_rows)
relance_rates_to_cxx("${LEGAL_CSV}" legal_rows)
get_filename_component(ecb_name "${ECB_CSV}" NAME)
get_filename_component(legal_name "${LEGAL_CSV}" NAME)

file(WRITE "${OUTPUT}" "\
// Generated by cmake/EmbedRates.cmake from data/${ecb_name} and data/${legal_name}:
// edit those files, not this one. Rates in parts per million (4.50 % = 45000).
#include \"core/law/late_payment_law.hxx\"

namespace relance::embedded_rates
{
namespace
{

constexpr RateTable::Row kEcbMainRefinancing[] = {
${ecb_rows}};

constexpr RateTable::Row kLegalInterest[] = {
${legal_rows}};

} // namespace

std::span<const RateTable::Row> ecbMainRefinancing()
{
    return kEcbMainRefinancing;
}

std::span<const RateTable::Row> legalInterest()
{
    return kLegalInterest;
}

} // namespace relance::embedded_rates
")
