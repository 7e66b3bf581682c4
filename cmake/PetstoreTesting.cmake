# SPDX-License-Identifier: GPL-3.0-or-later
# One helper registers every Qt Test executable: tests/auto/<layer>/<unit>/tst_<unit>.cpp.
find_package(Qt6 REQUIRED COMPONENTS Test)

# petstore_add_test(<unit> SOURCES ... LIBRARIES ...)
function(petstore_add_test unit)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBRARIES" ${ARGN})
  set(target tst_${unit})
  add_executable(${target} tst_${unit}.cpp ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE Qt6::Test ${ARG_LIBRARIES})
  add_test(NAME ${target} COMMAND ${target})
  set_tests_properties(${target} PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;PETSTORE_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
    TIMEOUT 120)
endfunction()
