# Consumer checks of the GraphML and GEXF exports (docs/FORMATS-graphml-gexf.md): networkx,
# igraph and graphology must read them with the same counts, ids and names as the JSON export.
# Two graphs: the one built from samples/ and the adversarial one (tests/data/adversarial.jsonl).
# Each graph is exported once by a fixture test; the consumer tests require that fixture.

set(KGFORGE_CG_DIR ${PROJECT_SOURCE_DIR}/tests/consumer_graph)
set(KGFORGE_CG_PYTHON /usr/bin/python3)
find_program(KGFORGE_NODE node)

function(kgforge_consumer_graph_tests name)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/consumer_graph/${name})
  add_test(NAME consumer_graph.${name}.export
    COMMAND ${KGFORGE_CG_PYTHON} ${KGFORGE_CG_DIR}/export_graph_files.py
            $<TARGET_FILE:kgforge_cli> ${out} ${ARGN})
  set_tests_properties(consumer_graph.${name}.export PROPERTIES FIXTURES_SETUP cg_${name})

  add_test(NAME consumer_graph.${name}.python
    COMMAND ${KGFORGE_CG_PYTHON} ${KGFORGE_CG_DIR}/check_python_consumers.py
            --json ${out}/graph.json --graphml ${out}/graph.graphml --gexf ${out}/graph.gexf)
  add_test(NAME consumer_graph.${name}.python_documents
    COMMAND ${KGFORGE_CG_PYTHON} ${KGFORGE_CG_DIR}/check_python_consumers.py --with-documents
            --json ${out}/graph.json --graphml ${out}/graph-docs.graphml
            --gexf ${out}/graph-docs.gexf)
  set_tests_properties(consumer_graph.${name}.python consumer_graph.${name}.python_documents
    PROPERTIES FIXTURES_REQUIRED cg_${name})

  if(KGFORGE_NODE)
    add_test(NAME consumer_graph.${name}.graphology
      COMMAND ${KGFORGE_NODE} ${KGFORGE_CG_DIR}/check_graphology.js
              --json ${out}/graph.json --graphml ${out}/graph.graphml --gexf ${out}/graph.gexf)
    add_test(NAME consumer_graph.${name}.graphology_documents
      COMMAND ${KGFORGE_NODE} ${KGFORGE_CG_DIR}/check_graphology.js --with-documents
              --json ${out}/graph.json --graphml ${out}/graph-docs.graphml
              --gexf ${out}/graph-docs.gexf)
    set_tests_properties(consumer_graph.${name}.graphology
      consumer_graph.${name}.graphology_documents PROPERTIES FIXTURES_REQUIRED cg_${name})
  endif()

  # Gephi Toolkit (scripts/gephi-check, needs Java and Maven), when present: counts, labels
  # and edge kinds against the JSON export.
  if(EXISTS ${PROJECT_SOURCE_DIR}/scripts/gephi-check)
    add_test(NAME consumer_graph.${name}.gephi
      COMMAND ${KGFORGE_CG_PYTHON} ${KGFORGE_CG_DIR}/check_gephi.py
              ${PROJECT_SOURCE_DIR}/scripts/gephi-check --json ${out}/graph.json
              ${out}/graph.graphml ${out}/graph.gexf)
    set_tests_properties(consumer_graph.${name}.gephi PROPERTIES
      FIXTURES_REQUIRED "cg_${name};gephi_harness")
  endif()
endfunction()

kgforge_consumer_graph_tests(samples ${PROJECT_SOURCE_DIR}/samples)
kgforge_consumer_graph_tests(adversarial --from-extractions
  ${PROJECT_SOURCE_DIR}/tests/data/adversarial.jsonl)
