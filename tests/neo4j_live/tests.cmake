# Live Neo4j proofs of the Cypher script, `kgforge push`, the neo4j-admin CSV and the
# docs' example queries, against a real Neo4j 5.26 (scripts/neo4j-test-server), with
# /usr/bin/python3 (standard library only). `ctest -L neo4j_live`.
#
# The server is a ctest fixture: neo4j_live.start / neo4j_live.stop run the script with
# a state dir of their own (so a developer's server and tests/neo4j's smoke test, which
# restarts its server, are never touched), and every test that uses a Neo4j server holds
# the RESOURCE_LOCK kgforge_neo4j_server, so they never run in parallel (2-core machines:
# one JVM at a time).
option(KGFORGE_JAVA_TESTS "Run the Neo4j / Gephi consumer tests (need Java 17+ and Maven)" ON)
find_program(KGFORGE_JAVA java)
find_program(KGFORGE_MVN mvn)
find_program(KGFORGE_CURL curl)
find_program(KGFORGE_LIVE_PYTHON python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(KGFORGE_JAVA_TESTS AND KGFORGE_JAVA AND KGFORGE_MVN AND KGFORGE_CURL AND KGFORGE_LIVE_PYTHON)
  set(_live_dir ${PROJECT_BINARY_DIR}/neo4j_live)
  set(_live_env "KGFORGE_NEO4J_STATE=${_live_dir}/server")
  set(_live_server ${PROJECT_SOURCE_DIR}/scripts/neo4j-test-server)

  add_test(NAME neo4j_live.start COMMAND ${_live_server} start)
  add_test(NAME neo4j_live.stop COMMAND ${_live_server} stop)
  set_tests_properties(neo4j_live.start PROPERTIES FIXTURES_SETUP neo4j_live TIMEOUT 900)
  set_tests_properties(neo4j_live.stop PROPERTIES FIXTURES_CLEANUP neo4j_live TIMEOUT 120)

  foreach(check cypher_script push push_killed csv_import queries)
    if(check STREQUAL "csv_import")
      set(_script check_import.py)
    else()
      set(_script check_${check}.py)
    endif()
    add_test(NAME neo4j_live.${check}
      COMMAND ${KGFORGE_LIVE_PYTHON} ${PROJECT_SOURCE_DIR}/tests/neo4j_live/${_script}
              $<TARGET_FILE:kgforge_cli> ${_live_dir}/${check})
    set_tests_properties(neo4j_live.${check} PROPERTIES FIXTURES_REQUIRED neo4j_live
      TIMEOUT 900)
  endforeach()

  foreach(test start stop cypher_script push push_killed csv_import queries)
    set_tests_properties(neo4j_live.${test} PROPERTIES
      ENVIRONMENT "${_live_env}" LABELS "java;neo4j;neo4j_live"
      RESOURCE_LOCK kgforge_neo4j_server)
  endforeach()
  # tests/neo4j's smoke test restarts its own server: not at the same time as these.
  if(TEST neo4j.server_smoke)
    set_tests_properties(neo4j.server_smoke PROPERTIES RESOURCE_LOCK kgforge_neo4j_server)
  endif()
endif()
