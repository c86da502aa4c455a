# Gephi Toolkit 0.10.1 harness (tests/gephi via scripts/gephi-check) on hand-written samples:
# import, counts, labels, edge kinds, colours, ForceAtlas2, PNG export, broken-input handling.
# Needs Java 17+ and Maven (first run builds the harness from Maven Central).
option(KGFORGE_JAVA_TESTS "Run the Neo4j / Gephi consumer tests (need Java 17+ and Maven)" ON)
find_program(KGFORGE_JAVA java)
find_program(KGFORGE_MVN mvn)
if(KGFORGE_JAVA_TESTS AND KGFORGE_JAVA AND KGFORGE_MVN)
  add_test(NAME gephi.harness_smoke
    COMMAND ${PROJECT_SOURCE_DIR}/tests/gephi/smoke.sh ${CMAKE_CURRENT_BINARY_DIR}/gephi_smoke)
  set_tests_properties(gephi.harness_smoke PROPERTIES LABELS "java;gephi" TIMEOUT 600)
endif()
