# kgforge on Apache Spark (spark/), run for real with spark-submit from the project's PySpark
# venv (scripts/install-deps) on local[2] (local[2,4] where a task is killed and retried):
# the graph equals kgforge build's, the neo4j-admin parts load into the real Neo4j of
# tests/neo4j_live with the same content as the single-machine CSV, and faults give one
# clear error. `ctest -L spark`. The tests share one JVM-heavy resource lock: 2-core machines.
option(KGFORGE_SPARK_TESTS "Run the Apache Spark tests (need Java 17 and the PySpark venv)" ON)
find_program(KGFORGE_SPARK_PYTHON python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(KGFORGE_SPARK_TESTS AND KGFORGE_SPARK_PYTHON)
  set(_spark_dir ${PROJECT_BINARY_DIR}/spark)
  set(_spark_env "KGFORGE_BUILD_DIR=${PROJECT_BINARY_DIR}")

  add_test(NAME spark.archive
    COMMAND ${PROJECT_SOURCE_DIR}/scripts/build-spark-archive ${PROJECT_BINARY_DIR})
  set_tests_properties(spark.archive PROPERTIES FIXTURES_SETUP spark_archive TIMEOUT 300)

  add_test(NAME spark.equality
    COMMAND ${KGFORGE_SPARK_PYTHON} ${PROJECT_SOURCE_DIR}/tests/spark/check_equality.py
            $<TARGET_FILE:kgforge_cli> ${PROJECT_BINARY_DIR} ${_spark_dir})
  set_tests_properties(spark.equality PROPERTIES FIXTURES_REQUIRED spark_archive
    FIXTURES_SETUP spark_outputs)

  add_test(NAME spark.faults
    COMMAND ${KGFORGE_SPARK_PYTHON} ${PROJECT_SOURCE_DIR}/tests/spark/check_faults.py
            $<TARGET_FILE:kgforge_cli> ${PROJECT_BINARY_DIR} ${_spark_dir}/faults)
  set_tests_properties(spark.faults PROPERTIES FIXTURES_REQUIRED spark_archive)

  set(_spark_tests spark.archive spark.equality spark.faults)
  if(TEST neo4j_live.start)
    add_test(NAME spark.neo4j_import
      COMMAND ${KGFORGE_SPARK_PYTHON} ${PROJECT_SOURCE_DIR}/tests/spark/check_neo4j_import.py
              $<TARGET_FILE:kgforge_cli> ${_spark_dir})
    set_tests_properties(spark.neo4j_import PROPERTIES
      FIXTURES_REQUIRED "spark_outputs;neo4j_live"
      ENVIRONMENT "KGFORGE_NEO4J_STATE=${PROJECT_BINARY_DIR}/neo4j_live/server"
      RESOURCE_LOCK "kgforge_neo4j_server;kgforge_spark" LABELS "spark;java" TIMEOUT 900)
  endif()
  foreach(test ${_spark_tests})
    set_tests_properties(${test} PROPERTIES LABELS "spark;java" RESOURCE_LOCK kgforge_spark
      ENVIRONMENT "${_spark_env}")
  endforeach()
  set_tests_properties(spark.equality spark.faults PROPERTIES TIMEOUT 900)
endif()
