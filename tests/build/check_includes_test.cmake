# Runs manmulsang_check_includes (cmake/ManmulsangModule.cmake) on a source file written here:
# `cmake -DALLOWED=a;b -P check_includes_test.cmake` must fail when the file includes a module's
# header that ALLOWED does not name, and pass when it does. CTest runs both (tests/CMakeLists.txt).
cmake_minimum_required(VERSION 3.25)
include("${CMAKE_CURRENT_LIST_DIR}/../../cmake/ManmulsangModule.cmake")
set(PROJECT_SOURCE_DIR "${CMAKE_CURRENT_LIST_DIR}/../..")
string(RANDOM LENGTH 12 suffix)
set(source "${TEMP_DIRECTORY}/check_includes_${suffix}.cpp")
file(WRITE "${source}" "#include \"manmulsang/core/money.hpp\"\n#include \"manmulsang/orders/orders.hpp\"\n#include \"manmulsang/catalog/http/catalog_routes.hpp\"\n")
manmulsang_check_includes("a test module" ALLOWED ${ALLOWED} FILES "${source}")
file(REMOVE "${source}")
