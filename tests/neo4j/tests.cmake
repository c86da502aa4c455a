# Real Neo4j 5.26 Community (tests/neo4j/launcher via scripts/neo4j-test-server): HTTP API with
# auth, CREATE CONSTRAINT IF NOT EXISTS, UNWIND+MERGE, neo4j-admin bulk CSV import then open.
# Needs Java 17+, Maven (first run builds the launcher from Maven Central) and curl.
option(KGFORGE_JAVA_TESTS "Run the Neo4j / Gephi consumer tests (need Java 17+ and Maven)" ON)
find_program(KGFORGE_JAVA java)
find_program(KGFORGE_MVN mvn)
find_program(KGFORGE_CURL curl)
if(KGFORGE_JAVA_TESTS AND KGFORGE_JAVA AND KGFORGE_MVN AND KGFORGE_CURL)
  add_test(NAME neo4j.server_smoke COMMAND ${PROJECT_SOURCE_DIR}/tests/neo4j/smoke.sh)
  set_tests_properties(neo4j.server_smoke PROPERTIES LABELS "java;neo4j" TIMEOUT 900)
endif()
