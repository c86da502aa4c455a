# Consumer proofs for the Neo4j and linked-data exports (docs/FORMATS-neo4j-jsonld.md):
# the JSON-LD through rdflib, pyld and jsonld.js; the Cypher scripts through Neo4j's
# linter (@neo4j-cypher/language-support); the neo4j-admin CSV through Python's csv.
# Needs /usr/bin/python3 with rdflib and pyld (Debian python3-rdflib, python3-pyld) and
# node with jsonld and @neo4j-cypher/language-support in ${PROJECT_SOURCE_DIR}/node_modules.
find_program(KGFORGE_NODE node)
if(NOT KGFORGE_NODE)
  set(KGFORGE_NODE node)
endif()
set(KGFORGE_LINKED_PYTHON /usr/bin/python3)
set(KGFORGE_LINKED_DIR ${PROJECT_SOURCE_DIR}/tests/consumer_linked)
set(KGFORGE_NODE_MODULES ${PROJECT_SOURCE_DIR}/node_modules CACHE PATH
  "node_modules with jsonld and @neo4j-cypher/language-support for the consumer tests")
set(KGFORGE_LINKED_ENV "NODE_PATH=${KGFORGE_NODE_MODULES}")

function(kgforge_linked_graph name)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/consumer_linked/${name})
  add_test(NAME linked_${name}_build
    COMMAND sh ${KGFORGE_LINKED_DIR}/build_outputs.sh $<TARGET_FILE:kgforge_cli> ${out} ${ARGN})
  set_tests_properties(linked_${name}_build PROPERTIES FIXTURES_SETUP linked_${name})

  add_test(NAME linked_${name}_jsonld
    COMMAND ${KGFORGE_LINKED_PYTHON} ${KGFORGE_LINKED_DIR}/check_jsonld.py
            ${out}/graph.jsonld ${out}/graph.json --node ${KGFORGE_NODE})
  add_test(NAME linked_${name}_cypher_lint
    COMMAND ${KGFORGE_NODE} ${KGFORGE_LINKED_DIR}/check_cypher.cjs
            ${out}/graph.cypher ${out}/neo4j-csv/load.cypher)
  add_test(NAME linked_${name}_neo4j_csv
    COMMAND ${KGFORGE_LINKED_PYTHON} ${KGFORGE_LINKED_DIR}/check_neo4j_csv.py
            ${out}/neo4j-csv ${out}/graph.json)
  set_tests_properties(linked_${name}_jsonld linked_${name}_cypher_lint linked_${name}_neo4j_csv
    PROPERTIES FIXTURES_REQUIRED linked_${name} ENVIRONMENT "${KGFORGE_LINKED_ENV}"
               LABELS consumer)
  # The Cypher linter needs seconds per statement (minutes on a busy 2-core machine).
  set_tests_properties(linked_${name}_cypher_lint PROPERTIES TIMEOUT 1200)
endfunction()

kgforge_linked_graph(samples ${PROJECT_SOURCE_DIR}/samples)
kgforge_linked_graph(adversarial --from-extractions ${PROJECT_SOURCE_DIR}/tests/data/adversarial.jsonl)
