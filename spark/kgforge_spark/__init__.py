"""kgforge on Apache Spark: extraction and merge across a cluster, equal to one machine.

The job (job.py) moves and groups records; kgforge itself extracts (`kgforge extract
--by-key`) and merges (`kgforge merge-records`), in executors' subprocesses (tasks.py).
"""
