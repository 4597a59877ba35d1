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
endfunction()
