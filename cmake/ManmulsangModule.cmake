# Helpers that give every platform part and module the same shape (docs/ARCHITECTURE.md).

include("${CMAKE_CURRENT_LIST_DIR}/ManmulsangTests.cmake")

# manmulsang_embed(TARGET <target> NAME <symbol> BASE <dir> FILES <files...>)
# Compiles the files into the target as manmulsang::embedded::<symbol>(), a span of
# {path relative to BASE, content} declared in the generated header "embedded/<symbol>.hpp".
function(manmulsang_embed)
  cmake_parse_arguments(EMBED "" "TARGET;NAME;BASE" "FILES" ${ARGN})
  set(out_dir "${CMAKE_BINARY_DIR}/generated/embedded")
  set(out_cpp "${out_dir}/${EMBED_NAME}.cpp")
  set(out_hpp "${out_dir}/${EMBED_NAME}.hpp")
  add_custom_command(
    OUTPUT "${out_cpp}" "${out_hpp}"
    COMMAND ${CMAKE_COMMAND} -DNAME=${EMBED_NAME} -DBASE=${EMBED_BASE} "-DFILES=${EMBED_FILES}"
            -DOUT_CPP=${out_cpp} -DOUT_HPP=${out_hpp} -P "${PROJECT_SOURCE_DIR}/cmake/Embed.cmake"
    DEPENDS ${EMBED_FILES} "${PROJECT_SOURCE_DIR}/cmake/Embed.cmake"
    COMMENT "Embedding ${EMBED_NAME}"
    VERBATIM)
  target_sources(${EMBED_TARGET} PRIVATE "${out_cpp}" "${out_hpp}")
  target_include_directories(${EMBED_TARGET} PRIVATE "${CMAKE_BINARY_DIR}/generated")
endfunction()

# manmulsang_check_includes(<what> ALLOWED <names...> FILES <files...>)
# A module's DEPENDS list is its contract. Linking is PUBLIC (a public header names its
# dependencies' types), so the compiler alone would let a module use the headers of a module it
# reaches only through another; this check makes such an undeclared use stop the configure step.
# A name is a module or platform part whose headers sit under include/manmulsang/<name>/, or
# <module>_http for a module's http/ headers (manmulsang/<module>/http/).
function(manmulsang_check_includes what)
  cmake_parse_arguments(CHECK "" "" "ALLOWED;FILES" ${ARGN})
  foreach(file IN LISTS CHECK_FILES)
    file(STRINGS "${file}" includes REGEX "^#include \"manmulsang/[a-z_]+/")
    foreach(line IN LISTS includes)
      string(REGEX MATCH "manmulsang/([a-z_]+)/(http/)?" matched "${line}")
      set(included "${CMAKE_MATCH_1}")
      if(CMAKE_MATCH_2)
        set(included "${CMAKE_MATCH_1}_http")
      endif()
      if(NOT included IN_LIST CHECK_ALLOWED)
        file(RELATIVE_PATH relative "${PROJECT_SOURCE_DIR}" "${file}")
        message(SEND_ERROR "${relative} includes manmulsang/${CMAKE_MATCH_1}/${CMAKE_MATCH_2}..., "
                            "which ${what} does not declare: add it to DEPENDS, PLATFORM or HTTP_DEPENDS")
      endif()
    endforeach()
  endforeach()
endfunction()

# manmulsang_add_module(<name> [DEPENDS <modules...>] [PLATFORM <parts...>] [LIBRARIES <libs...>]
#                       [HTTP_DEPENDS <modules...>])
# In modules/<name>/: include/ is the public header folder; *.cpp (minus *_test.cpp) form
# manmulsang_<name>; http/*.cpp form manmulsang_<name>_http; migrations/ and http/templates/
# and http/i18n/ are embedded; *_test.cpp become the test binary <name>_test.
function(manmulsang_add_module name)
  cmake_parse_arguments(MODULE "" "" "DEPENDS;PLATFORM;LIBRARIES;HTTP_DEPENDS" ${ARGN})
  set(dir "${CMAKE_CURRENT_SOURCE_DIR}")
  set(target manmulsang_${name})

  file(GLOB sources CONFIGURE_DEPENDS "${dir}/*.cpp")
  list(FILTER sources EXCLUDE REGEX "_test\\.cpp$")
  add_library(${target} STATIC ${sources})
  target_include_directories(${target} PUBLIC "${dir}/include" PRIVATE "${dir}")
  set(module_links manmulsang_core manmulsang_db)
  foreach(part IN LISTS MODULE_PLATFORM)
    list(APPEND module_links manmulsang_${part})
  endforeach()
  foreach(dependency IN LISTS MODULE_DEPENDS)
    list(APPEND module_links manmulsang_${dependency})
  endforeach()
  target_link_libraries(${target} PUBLIC ${module_links} ${MODULE_LIBRARIES})
  set(allowed ${name} core db ${MODULE_PLATFORM} ${MODULE_DEPENDS})
  file(GLOB_RECURSE headers CONFIGURE_DEPENDS "${dir}/include/*.hpp")
  file(GLOB private_headers CONFIGURE_DEPENDS "${dir}/*.hpp")
  list(FILTER private_headers EXCLUDE REGEX "_(test|fixture)[a-z_]*\\.hpp$")  # test set-ups link what they like
  manmulsang_check_includes("${name}" ALLOWED ${allowed} FILES ${sources} ${headers} ${private_headers})

  file(GLOB migrations CONFIGURE_DEPENDS "${dir}/migrations/sqlite/*.sql" "${dir}/migrations/postgres/*.sql")
  if(migrations)
    manmulsang_embed(TARGET ${target} NAME ${name}_migrations BASE "${dir}/migrations" FILES ${migrations})
  endif()

  file(GLOB http_sources CONFIGURE_DEPENDS "${dir}/http/*.cpp")
  list(FILTER http_sources EXCLUDE REGEX "_test\\.cpp$")
  if(http_sources)
    add_library(${target}_http STATIC ${http_sources})
    target_include_directories(${target}_http PUBLIC "${dir}/http/include" PRIVATE "${dir}/http")
    set(http_links ${target} manmulsang_http manmulsang_html)
    foreach(dependency IN LISTS MODULE_HTTP_DEPENDS)
      list(APPEND http_links manmulsang_${dependency})
    endforeach()
    target_link_libraries(${target}_http PUBLIC ${http_links})
    file(GLOB_RECURSE http_headers CONFIGURE_DEPENDS "${dir}/http/*.hpp")
    list(FILTER http_headers EXCLUDE REGEX "_(test|fixture)[a-z_]*\\.hpp$")
    manmulsang_check_includes("${name}/http" ALLOWED ${allowed} ${name}_http http html ${MODULE_HTTP_DEPENDS}
                              FILES ${http_sources} ${http_headers})
    file(GLOB templates CONFIGURE_DEPENDS "${dir}/http/templates/*.html")
    if(templates)
      manmulsang_embed(TARGET ${target}_http NAME ${name}_templates BASE "${dir}/http/templates" FILES ${templates})
    endif()
    file(GLOB catalogs CONFIGURE_DEPENDS "${dir}/http/i18n/*.toml")
    if(catalogs)
      manmulsang_embed(TARGET ${target}_http NAME ${name}_i18n BASE "${dir}/http/i18n" FILES ${catalogs})
    endif()
  endif()

  file(GLOB tests CONFIGURE_DEPENDS "${dir}/*_test.cpp" "${dir}/http/*_test.cpp")
  if(tests AND MANMULSANG_TESTS)
    add_executable(${name}_test ${tests})
    target_include_directories(${name}_test PRIVATE "${dir}")
    target_link_libraries(${name}_test PRIVATE ${target} manmulsang_test_support GTest::gtest_main)
    if(TARGET ${target}_http)
      target_link_libraries(${name}_test PRIVATE ${target}_http)
    endif()
    # A module's (or flow's) tests stand on a store: they run on SQLite and on PostgreSQL.
    manmulsang_discover_tests(${name}_test unit STORE)
  endif()
endfunction()

# manmulsang_add_flow(<name> [DEPENDS <modules...>] ...): flows/<name>/, a flow across modules
# (the seller center). The shape and arguments of a module, but it owns no tables: a migrations/
# folder is refused, the tables belong to the module whose rules guard them.
function(manmulsang_add_flow name)
  if(EXISTS "${CMAKE_CURRENT_SOURCE_DIR}/migrations")
    message(FATAL_ERROR "flows/${name} has migrations/: a flow owns no tables; move them to the module that owns them")
  endif()
  manmulsang_add_module(${name} ${ARGN})
endfunction()

# manmulsang_add_platform(<part> [LIBRARIES <libs...>]): platform/<part>, same shape without http/.
function(manmulsang_add_platform part)
  cmake_parse_arguments(PART "" "" "LIBRARIES" ${ARGN})
  set(dir "${CMAKE_CURRENT_SOURCE_DIR}")
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS "${dir}/*.cpp")
  list(FILTER sources EXCLUDE REGEX "_test\\.cpp$")
  add_library(manmulsang_${part} STATIC ${sources})
  target_include_directories(manmulsang_${part} PUBLIC "${dir}/include" PRIVATE "${dir}")
  target_link_libraries(manmulsang_${part} PUBLIC ${PART_LIBRARIES})
  file(GLOB_RECURSE tests CONFIGURE_DEPENDS "${dir}/*_test.cpp")
  if(tests AND MANMULSANG_TESTS)
    add_executable(${part}_test ${tests})
    target_include_directories(${part}_test PRIVATE "${dir}")
    target_link_libraries(${part}_test PRIVATE manmulsang_${part} manmulsang_test_support GTest::gtest_main)
    # Most platform parts never open a store (text, html, http, image...) and run once; a part
    # whose tests take their store from tests/support (or read MANMULSANG_TEST_POSTGRES themselves)
    # runs on both stores, as modules do.
    set(store_option "")
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${tests})  # read here: re-read when changed
    foreach(test IN LISTS tests)
      file(STRINGS "${test}" store_uses REGEX "TestDatabase|TestMarketplace|TestServer|MANMULSANG_TEST_POSTGRES")
      if(store_uses)
        set(store_option STORE)
      endif()
    endforeach()
    manmulsang_discover_tests(${part}_test unit ${store_option})
  endif()
endfunction()
