# libFuzzer targets (KGFORGE_FUZZ builds, see scripts/test-sanitizers and scripts/fuzz):
# one executable per tests/fuzz/fuzz_*.cpp, seeds in tests/fuzz/corpus/<target>/. In ctest
# each runs for KGFORGE_FUZZ_SECONDS (label "fuzz"); scripts/fuzz runs long campaigns.
if(KGFORGE_FUZZ)
  set(KGFORGE_FUZZ_SECONDS 30 CACHE STRING "Seconds each fuzz target runs in ctest")
  find_package(EXPAT REQUIRED)
  file(GLOB KGFORGE_FUZZ_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/fuzz/fuzz_*.cpp)
  add_custom_target(fuzz_targets)
  foreach(source ${KGFORGE_FUZZ_SOURCES})
    get_filename_component(target ${source} NAME_WE)
    add_executable(${target} ${source})
    target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR})
    target_include_directories(${target} SYSTEM PRIVATE ${RAPIDJSON_INCLUDE_DIRS})
    target_compile_definitions(${target} PRIVATE RAPIDJSON_HAS_STDSTRING=1)
    target_link_libraries(${target} PRIVATE kgforge fmt::fmt PkgConfig::XXHASH PkgConfig::HTTPLIB
      ICU::uc ICU::i18n Threads::Threads EXPAT::EXPAT)
    target_link_options(${target} PRIVATE -fsanitize=fuzzer)
    add_dependencies(fuzz_targets ${target})
    string(REPLACE "fuzz_" "" short ${target})
    add_test(NAME fuzz.${short}
      COMMAND ${PROJECT_SOURCE_DIR}/tests/fuzz/run_fuzzer.sh $<TARGET_FILE:${target}>
              ${PROJECT_BINARY_DIR}/fuzz ${KGFORGE_FUZZ_SECONDS})
    set_tests_properties(fuzz.${short} PROPERTIES LABELS "fuzz"
      TIMEOUT 600)
  endforeach()
endif()
