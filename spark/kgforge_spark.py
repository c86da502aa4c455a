"""spark-submit entry point of kgforge on Apache Spark (see docs/SCALE-OUT.md):

  spark-submit --archives build/kgforge-spark.tar.gz#kgforge spark/kgforge_spark.py \\
      INPUT... -o OUTPUT [--partitions N] [--keep-going] [--single-file json,graphml]

scripts/spark-submit does the same with the project's venv, Java 17 and local settings.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from kgforge_spark.job import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
