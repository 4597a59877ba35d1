# How tests are registered with CTest (docs/ARCHITECTURE.md, tests): every test that stands on a
# store runs twice, on SQLite and on a private PostgreSQL 15 cluster that the `postgres` fixture
# (tests/CMakeLists.txt, scripts/test-postgres) starts before the first such test and stops after
# the last.

# The cluster's folder and URL. The folder is named after this build tree, so the release and
# sanitizer builds, or two clones, never share a cluster; it is under /tmp because, run as root,
# the cluster runs as the `postgres` system user, who cannot reach into /root.
string(MD5 manmulsang_build_hash "${CMAKE_BINARY_DIR}")
string(SUBSTRING "${manmulsang_build_hash}" 0 12 manmulsang_build_hash)
set(MANMULSANG_TEST_POSTGRES_DIRECTORY "/tmp/manmulsang-test-postgres-${manmulsang_build_hash}")
set(MANMULSANG_TEST_POSTGRES_URL
    "postgresql://manmulsang@/postgres?host=${MANMULSANG_TEST_POSTGRES_DIRECTORY}&port=5432")

# manmulsang_discover_tests(<target> <label> [STORE])
# Registers a GoogleTest binary's tests with the label. STORE: the tests stand on a store
# (TestDatabase, TestMarketplace, TestServer), so the binary is registered a second time, its tests
# prefixed `postgres.` and labelled `postgres` only (so `-L 'unit|http'` leaves them out), with
# MANMULSANG_TEST_POSTGRES set to the cluster's URL (TestDatabase then makes each store there).
function(manmulsang_discover_tests target label)
  cmake_parse_arguments(DISCOVER "STORE" "" "" ${ARGN})
  gtest_discover_tests(${target} DISCOVERY_MODE PRE_TEST PROPERTIES LABELS ${label})
  if(DISCOVER_STORE)
    gtest_discover_tests(${target} DISCOVERY_MODE PRE_TEST TEST_PREFIX "postgres."
      PROPERTIES LABELS postgres
                 ENVIRONMENT "MANMULSANG_TEST_POSTGRES=${MANMULSANG_TEST_POSTGRES_URL}"
                 FIXTURES_REQUIRED postgres)
  endif()
endfunction()

# manmulsang_add_store_test(NAME <name> COMMAND <command...> LABELS <labels...> [TIMEOUT <s>])
# One CTest test for a whole binary (the black-box suite shares one server across its scenarios),
# registered on SQLite with the labels and again on PostgreSQL as postgres.<name>.
function(manmulsang_add_store_test)
  cmake_parse_arguments(STORE_TEST "" "NAME;TIMEOUT" "COMMAND;LABELS" ${ARGN})
  add_test(NAME ${STORE_TEST_NAME} COMMAND ${STORE_TEST_COMMAND})
  set_tests_properties(${STORE_TEST_NAME} PROPERTIES LABELS "${STORE_TEST_LABELS}")
  add_test(NAME postgres.${STORE_TEST_NAME} COMMAND ${STORE_TEST_COMMAND})
  set_tests_properties(postgres.${STORE_TEST_NAME} PROPERTIES
    LABELS postgres
    ENVIRONMENT "MANMULSANG_TEST_POSTGRES=${MANMULSANG_TEST_POSTGRES_URL}"
    FIXTURES_REQUIRED postgres)
  if(STORE_TEST_TIMEOUT)
    set_tests_properties(${STORE_TEST_NAME} postgres.${STORE_TEST_NAME} PROPERTIES TIMEOUT ${STORE_TEST_TIMEOUT})
  endif()
  # A whole binary of scenarios runs for a minute or more: started early, beside the quick tests.
  set_tests_properties(${STORE_TEST_NAME} postgres.${STORE_TEST_NAME} PROPERTIES COST 100)
endfunction()

# manmulsang_build_tests_quickly(<directory>)
# How the tests' own code (every `*_test` binary and the manmulsang_test_* helpers under the given
# folder) is compiled, in every preset; the code under test keeps its preset's flags.
# - -O0: tests spend their time in the code under test and in the server they start, not in their
#   own glue, and optimising the GoogleTest-heavy files took over half of each build of
#   `make test` (a black-box test file: 10.8 s at -O3 against 5.9 s at -O0; with the sanitizers,
#   which still instrument it, 29.6 s at -O1 against 12.2 s).
# - One precompiled header, GoogleTest, Boost.JSON and the standard headers the tests use, built
#   once for manmulsang_test_support and reused by every other test target (4.7 s instead of
#   6.1 s for that file).
function(manmulsang_build_tests_quickly directory)
  get_property(targets DIRECTORY "${directory}" PROPERTY BUILDSYSTEM_TARGETS)
  foreach(target IN LISTS targets)
    get_target_property(type ${target} TYPE)
    if(type STREQUAL "INTERFACE_LIBRARY")
      continue()
    endif()
    if(target MATCHES "_test$" OR target MATCHES "^manmulsang_test_")
      # -pthread (which defines _REENTRANT) on every one: some take it from libvips' flags, and
      # a precompiled header is only used where the macros it was made with are the same.
      target_compile_options(${target} PRIVATE -O0 -pthread)
      if(target STREQUAL "manmulsang_test_support")
        target_precompile_headers(${target} PRIVATE
          <gtest/gtest.h> <boost/json.hpp> <algorithm> <chrono> <filesystem> <functional> <map>
          <optional> <regex> <string> <string_view> <thread> <vector>)
      else()
        target_precompile_headers(${target} REUSE_FROM manmulsang_test_support)
      endif()
    endif()
  endforeach()
  get_property(subdirectories DIRECTORY "${directory}" PROPERTY SUBDIRECTORIES)
  foreach(subdirectory IN LISTS subdirectories)
    manmulsang_build_tests_quickly("${subdirectory}")
  endforeach()
endfunction()
