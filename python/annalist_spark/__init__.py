"""annalist_spark: run the Annalist event coder on Apache Spark.

>>> from annalist_spark import code_events
>>> events = code_events(spark.read.text("warc.paths").withColumnRenamed("value", "path"))
>>> events.write.partitionBy("date").parquet("events/")

See ``docs/spark.md`` in the Annalist repository.
"""

from .adapter import ARTICLE_COLUMNS, CoderError, code_events, find_binary, run_coder
from .schema import EVENT_SCHEMA, event_row, parse_date, spark_schema, to_batch

__all__ = [
    "ARTICLE_COLUMNS",
    "CoderError",
    "EVENT_SCHEMA",
    "code_events",
    "event_row",
    "find_binary",
    "parse_date",
    "run_coder",
    "spark_schema",
    "to_batch",
]
