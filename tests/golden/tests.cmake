# samples/ and its expected graph: extraction or graph-building changes show up here as a diff.
# After an intended change: scripts/update-golden, and review the diff of samples/expected/.
add_test(NAME golden.samples
  COMMAND ${PROJECT_SOURCE_DIR}/tests/golden/check_golden.sh $<TARGET_FILE:kgforge_cli>
          ${PROJECT_SOURCE_DIR})
set_tests_properties(golden.samples PROPERTIES LABELS "golden" TIMEOUT 120)
