# Locates the LibreOffice SDK (Debian's libreoffice-dev) and generates C++ headers for the
# office's types and for Relance's own IDL.
set(LO_PROGRAM_DIR "/usr/lib/libreoffice/program" CACHE PATH "LibreOffice program directory")
set(LO_SDK_DIR "/usr/lib/libreoffice/sdk" CACHE PATH "LibreOffice SDK directory")

set(LO_TYPES_RDB "${LO_PROGRAM_DIR}/types.rdb")
set(LO_OFFAPI_RDB "${LO_PROGRAM_DIR}/types/offapi.rdb")
foreach(required "${LO_TYPES_RDB}" "${LO_OFFAPI_RDB}" "${LO_SDK_DIR}/bin/cppumaker"
                 "${LO_SDK_DIR}/bin/unoidl-write" "${LO_SDK_DIR}/include/sal/types.h")
  if(NOT EXISTS "${required}")
    message(FATAL_ERROR "LibreOffice SDK file missing: ${required} (install libreoffice-dev)")
  endif()
endforeach()

find_program(LO_SOFFICE soffice PATHS "${LO_PROGRAM_DIR}" REQUIRED)
find_program(LO_UNOPKG unopkg PATHS "${LO_PROGRAM_DIR}" REQUIRED)
find_program(ZIP_EXECUTABLE zip REQUIRED)

set(RELANCE_RDB "${CMAKE_BINARY_DIR}/relance.rdb")
set(UNO_GENERATED_DIR "${CMAKE_BINARY_DIR}/uno_generated")

# The office's own types: generated once, all of them (a second or so).
set(LO_TYPES_STAMP "${UNO_GENERATED_DIR}/office.stamp")
add_custom_command(
  OUTPUT "${LO_TYPES_STAMP}"
  COMMAND "${LO_SDK_DIR}/bin/cppumaker" -Gc "-O${UNO_GENERATED_DIR}" "${LO_TYPES_RDB}"
  COMMAND "${LO_SDK_DIR}/bin/cppumaker" -Gc "-O${UNO_GENERATED_DIR}" "-X${LO_TYPES_RDB}"
          "${LO_OFFAPI_RDB}"
  COMMAND ${CMAKE_COMMAND} -E touch "${LO_TYPES_STAMP}"
  COMMENT "Generating C++ headers for the LibreOffice API"
  VERBATIM)

# Relance's types: one IDL file, since unoidl-write keeps only its last input's content.
set(RELANCE_IDL "${CMAKE_SOURCE_DIR}/idl/relance.idl")
set(RELANCE_TYPES_STAMP "${UNO_GENERATED_DIR}/relance.stamp")
add_custom_command(
  OUTPUT "${RELANCE_RDB}" "${RELANCE_TYPES_STAMP}"
  COMMAND "${LO_SDK_DIR}/bin/unoidl-write" "${LO_TYPES_RDB}" "${LO_OFFAPI_RDB}" "${RELANCE_IDL}"
          "${RELANCE_RDB}"
  COMMAND "${LO_SDK_DIR}/bin/cppumaker" -Gc "-O${UNO_GENERATED_DIR}" "-X${LO_TYPES_RDB}"
          "-X${LO_OFFAPI_RDB}" "${RELANCE_RDB}"
  COMMAND ${CMAKE_COMMAND} -E touch "${RELANCE_TYPES_STAMP}"
  DEPENDS "${RELANCE_IDL}"
  COMMENT "Compiling Relance IDL"
  VERBATIM)

add_custom_target(uno_headers DEPENDS "${LO_TYPES_STAMP}" "${RELANCE_TYPES_STAMP}")

# Everything that compiles against UNO links this.
add_library(lo_sdk INTERFACE)
add_dependencies(lo_sdk uno_headers)
target_include_directories(lo_sdk SYSTEM INTERFACE "${UNO_GENERATED_DIR}" "${LO_SDK_DIR}/include")
target_compile_definitions(lo_sdk INTERFACE UNX GCC LINUX CPPU_ENV=gcc3 RTL_USING)
target_link_directories(lo_sdk INTERFACE "${LO_SDK_DIR}/lib" "${LO_PROGRAM_DIR}")
target_link_libraries(lo_sdk INTERFACE uno_cppuhelpergcc3 uno_cppu uno_sal)
