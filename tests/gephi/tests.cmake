# Gephi Toolkit 0.10.1 harness (tests/gephi via scripts/gephi-check) on hand-written samples:
# import, counts, labels, edge kinds, colours, ForceAtlas2, PNG export, broken-input handling;
# and the README picture.
# Needs Java 17+ and Maven (first run builds the harness from Maven Central).
option(KGFORGE_JAVA_TESTS "Run the Neo4j / Gephi consumer tests (need Java 17+ and Maven)" ON)
find_program(KGFORGE_JAVA java)
find_program(KGFORGE_MVN mvn)
if(KGFORGE_JAVA_TESTS AND KGFORGE_JAVA AND KGFORGE_MVN)
  # Builds the harness jar once, before the tests that use it (parallel first builds would race
  # in tests/gephi/target).
  add_test(NAME gephi.harness_build COMMAND ${PROJECT_SOURCE_DIR}/scripts/gephi-check build)
  set_tests_properties(gephi.harness_build PROPERTIES FIXTURES_SETUP gephi_harness
    LABELS "java;gephi" TIMEOUT 900)
  add_test(NAME gephi.harness_smoke
    COMMAND ${PROJECT_SOURCE_DIR}/tests/gephi/smoke.sh ${CMAKE_CURRENT_BINARY_DIR}/gephi_smoke)
  set_tests_properties(gephi.harness_smoke PROPERTIES LABELS "java;gephi" TIMEOUT 600)
  # The README picture (scripts/render-gephi-picture) on samples/: size, not blank, what it draws
  # (checked with networkx), no hidden labels, byte-identical when rendered again.
  add_test(NAME gephi.readme_picture
    COMMAND ${PROJECT_SOURCE_DIR}/tests/gephi/picture.sh $<TARGET_FILE:kgforge_cli>
            ${CMAKE_CURRENT_BINARY_DIR}/gephi_picture)
  set_tests_properties(gephi.readme_picture PROPERTIES LABELS "java;gephi" TIMEOUT 600)
  set_tests_properties(gephi.harness_smoke gephi.readme_picture PROPERTIES
    FIXTURES_REQUIRED gephi_harness)
endif()
