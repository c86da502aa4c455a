# Linked data (docs/LINKED-DATA.md): the Turtle, N-Triples and N-Quads exports against the
# JSON-LD through rdflib 7 (isomorphic), pyoxigraph and Apache Jena's strict parsers; SHACL
# validation with pySHACL and Apache Jena SHACL (and a broken graph that must fail); every
# SPARQL example of docs/LINKED-DATA.md on Oxigraph and Jena; the vocabulary.
# Needs .venv-linked (pySHACL, pyoxigraph, rdflib 7: scripts/install-deps) and Java 17 + Maven
# (the Jena harness tests/jena, built by scripts/jena-check on first use).
set(KGFORGE_LINKED_DATA_PYTHON ${PROJECT_SOURCE_DIR}/.venv-linked/bin/python CACHE FILEPATH
  "Python with pyshacl, pyoxigraph and rdflib 7 for the linked-data tests")
set(KGFORGE_LINKED_DATA_DIR ${PROJECT_SOURCE_DIR}/tests/linked_data)
set(KGFORGE_JENA_CHECK ${PROJECT_SOURCE_DIR}/scripts/jena-check)

function(kgforge_linked_data_graph name)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/linked_data/${name})
  add_test(NAME linked_data.${name}_build
    COMMAND sh ${KGFORGE_LINKED_DATA_DIR}/build_rdf.sh $<TARGET_FILE:kgforge_cli> ${out} ${ARGN})
  set_tests_properties(linked_data.${name}_build PROPERTIES FIXTURES_SETUP linked_data_${name}
    LABELS "consumer;linked_data")
  add_test(NAME linked_data.${name}_rdf
    COMMAND ${KGFORGE_LINKED_DATA_PYTHON} ${KGFORGE_LINKED_DATA_DIR}/check_rdf.py ${out}
            --jena ${KGFORGE_JENA_CHECK})
  add_test(NAME linked_data.${name}_shacl
    COMMAND ${KGFORGE_LINKED_DATA_PYTHON} ${KGFORGE_LINKED_DATA_DIR}/check_shacl.py ${out}
            --jena ${KGFORGE_JENA_CHECK})
  add_test(NAME linked_data.${name}_sparql
    COMMAND ${KGFORGE_LINKED_DATA_PYTHON} ${KGFORGE_LINKED_DATA_DIR}/check_sparql.py ${out}
            --jena ${KGFORGE_JENA_CHECK} ${KGFORGE_LINKED_DATA_EXPECT_${name}})
  set_tests_properties(linked_data.${name}_rdf linked_data.${name}_shacl linked_data.${name}_sparql
    PROPERTIES FIXTURES_REQUIRED "linked_data_${name};linked_data_jena" LABELS "consumer;linked_data;java"
               TIMEOUT 600)
endfunction()

option(KGFORGE_JAVA_TESTS "Run the Neo4j / Gephi consumer tests (need Java 17+ and Maven)" ON)
find_program(KGFORGE_JAVA java)
find_program(KGFORGE_MVN mvn)
if(KGFORGE_JAVA_TESTS AND KGFORGE_JAVA AND KGFORGE_MVN)
  # Built once before the tests that use it (parallel Maven builds of one folder would clash).
  add_test(NAME linked_data.jena_harness COMMAND ${KGFORGE_JENA_CHECK} build)
  set_tests_properties(linked_data.jena_harness PROPERTIES FIXTURES_SETUP linked_data_jena
    LABELS "consumer;linked_data;java" TIMEOUT 600)
  # The example of docs/LINKED-DATA.md: its queries must return the doc's rows exactly.
  set(KGFORGE_LINKED_DATA_EXPECT_example --expect)
  kgforge_linked_data_graph(example
    --from-extractions ${PROJECT_SOURCE_DIR}/tests/data/linked_data_example.jsonl)
  kgforge_linked_data_graph(samples ${PROJECT_SOURCE_DIR}/samples)
  kgforge_linked_data_graph(dev ${PROJECT_SOURCE_DIR}/tests/data/extraction)
  kgforge_linked_data_graph(adversarial
    --from-extractions ${PROJECT_SOURCE_DIR}/tests/data/adversarial.jsonl)

  add_test(NAME linked_data.broken_shacl
    COMMAND ${KGFORGE_LINKED_DATA_PYTHON} ${KGFORGE_LINKED_DATA_DIR}/check_shacl.py
            --broken ${CMAKE_CURRENT_BINARY_DIR}/linked_data/example --jena ${KGFORGE_JENA_CHECK})
  add_test(NAME linked_data.vocabulary
    COMMAND ${KGFORGE_LINKED_DATA_PYTHON} ${KGFORGE_LINKED_DATA_DIR}/check_vocab.py
            ${CMAKE_CURRENT_BINARY_DIR}/linked_data/samples/graph.ttl
            ${CMAKE_CURRENT_BINARY_DIR}/linked_data/adversarial/graph.ttl
            ${CMAKE_CURRENT_BINARY_DIR}/linked_data/example/graph.ttl
            --jena ${KGFORGE_JENA_CHECK})
  set_tests_properties(linked_data.broken_shacl PROPERTIES
    FIXTURES_REQUIRED "linked_data_example;linked_data_jena"
    LABELS "consumer;linked_data;java" TIMEOUT 600)
  set_tests_properties(linked_data.vocabulary PROPERTIES
    FIXTURES_REQUIRED "linked_data_samples;linked_data_adversarial;linked_data_example;linked_data_jena"
    LABELS "consumer;linked_data;java" TIMEOUT 600)
endif()
