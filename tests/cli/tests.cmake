# The command line as users meet it: exit codes, error messages naming file/line/field,
# atomic outputs, determinism across thread counts and merge orders.
add_test(NAME cli.bad_input
  COMMAND ${PROJECT_SOURCE_DIR}/tests/cli/check_bad_input.sh $<TARGET_FILE:kgforge_cli>)
add_test(NAME cli.determinism
  COMMAND ${PROJECT_SOURCE_DIR}/tests/cli/check_determinism.sh $<TARGET_FILE:kgforge_cli>
          ${PROJECT_SOURCE_DIR})
add_test(NAME cli.hostile_input
  COMMAND ${PROJECT_SOURCE_DIR}/tests/cli/check_hostile_input.sh $<TARGET_FILE:kgforge_cli>)
find_program(KGFORGE_CLI_PYTHON python3 PATHS /usr/bin NO_DEFAULT_PATH)
add_test(NAME cli.streams
  COMMAND ${KGFORGE_CLI_PYTHON} ${PROJECT_SOURCE_DIR}/tests/cli/check_streams_and_records.py
          $<TARGET_FILE:kgforge_cli> ${PROJECT_SOURCE_DIR})
set_tests_properties(cli.bad_input cli.determinism cli.hostile_input cli.streams PROPERTIES LABELS "cli"
  TIMEOUT 600)
