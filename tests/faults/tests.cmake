# Faults while writing: a full disk (a file size limit; a small tmpfs) and kill -9 in the
# middle of writing every format leave the previous outputs intact. `ctest -L faults`.
add_test(NAME faults.disk_full_rlimit
  COMMAND ${PROJECT_SOURCE_DIR}/tests/faults/check_disk_full.sh $<TARGET_FILE:kgforge_cli>
          ${PROJECT_SOURCE_DIR} rlimit)
add_test(NAME faults.disk_full_tmpfs
  COMMAND ${PROJECT_SOURCE_DIR}/tests/faults/check_disk_full.sh $<TARGET_FILE:kgforge_cli>
          ${PROJECT_SOURCE_DIR} tmpfs)
set_tests_properties(faults.disk_full_tmpfs PROPERTIES SKIP_RETURN_CODE 77)
set_tests_properties(faults.disk_full_rlimit faults.disk_full_tmpfs PROPERTIES
  LABELS "faults" TIMEOUT 300)
# The generator is defined in bench/ (added after tests/): test the option, not the target.
if(KGFORGE_BUILD_BENCH)
  add_test(NAME faults.kill_mid_write
    COMMAND ${PROJECT_SOURCE_DIR}/tests/faults/check_kill_mid_write.sh $<TARGET_FILE:kgforge_cli>
            $<TARGET_FILE:kgforge_generate_synthetic> ${PROJECT_SOURCE_DIR})
  set_tests_properties(faults.kill_mid_write PROPERTIES LABELS "faults" TIMEOUT 600)
endif()
