"""The Spark adapter against the binary run directly, on classic ``local[2]`` and on Spark
Connect (Sail): same events for 1, 2 and 4 partitions, from WARC paths and from article
rows; a poisoned record fails the job with the coder's message; ``limit(1)`` stops the coder
cleanly; Parquet partitioned by date reads back with the documented schema.
"""

from __future__ import annotations

import inspect
import json
import os
import stat
import time

import pyarrow as pa
import pyarrow.dataset as ds
import pytest

import annalist_spark
from annalist_spark import EVENT_SCHEMA, code_events, event_row

from conftest import is_connect, run_direct

# Columns that depend on how the rows were split into tasks (stdin line and offset of an
# article row are task-local); everything else must match the direct run exactly.
TASK_LOCAL = ("line", "record_offset", "event_json")


def comparable(row: dict) -> dict:
    out = {k: v for k, v in row.items() if k not in TASK_LOCAL}
    ev = json.loads(row["event_json"])
    for k in ("line", "offset"):
        ev.pop(k, None)
    out["event"] = ev
    return out


def collect(df) -> list[dict]:
    return [r.asDict(recursive=True) for r in df.collect()]


def warc_df(spark, paths, partitions):
    df = spark.createDataFrame([(p,) for p in paths], "path string")
    return df.repartition(partitions) if partitions > 1 else df.coalesce(1)


@pytest.mark.parametrize("partitions", [1, 2, 4])
def test_warc_paths_give_the_events_of_the_binary(spark, binary, corpus, partitions):
    expected = [event_row(l) for l in run_direct(binary, ["-j", "2", *corpus["warcs"]])]
    assert len(expected) > 100
    df = code_events(warc_df(spark, corpus["warcs"], partitions), binary=binary, input="warc")
    got = collect(df)
    key = lambda r: (r["input"], r["record_offset"], r["event_index"])  # noqa: E731
    # WARC offsets are global (the record's place in its file), so rows match exactly.
    exp = [{k: v for k, v in r.items()} for r in expected]
    assert sorted(got, key=key) == sorted(exp, key=key)
    assert {r["input"] for r in got} == set(corpus["warcs"])


@pytest.mark.parametrize("partitions", [1, 2, 4])
def test_article_rows_give_the_events_of_the_binary(spark, binary, corpus, partitions):
    with open(corpus["jsonl"], "rb") as f:
        direct = run_direct(binary, ["-"], stdin=f.read())
    expected = []
    for l in direct:
        r = event_row(l)
        r["id"] = str(r["line"] - 1)  # row i is line i + 1 of the file
        expected.append(comparable(r))
    rows = [dict(r, id=str(i)) for i, r in enumerate(corpus["rows"])]
    cols = ["id", "html", "text", "url", "title", "date", "outlet"]
    df = spark.createDataFrame([tuple(r.get(c) for c in cols) for r in rows], ", ".join(f"{c} string" for c in cols))
    df = df.repartition(partitions) if partitions > 1 else df.coalesce(1)
    got = [comparable(r) for r in collect(code_events(df, binary=binary, input="articles", id_column="id"))]
    key = lambda r: (int(r["id"]), r["event_index"])  # noqa: E731
    assert sorted(got, key=key) == sorted(expected, key=key)
    assert all(r["input"] == "-" for r in got)


def test_schema_is_the_documented_one_and_spark_compatible(spark, binary, corpus):
    df = code_events(warc_df(spark, corpus["warcs"][:1], 1), binary=binary)
    assert df.schema == annalist_spark.spark_schema()

    def unsigned(t):
        if pa.types.is_unsigned_integer(t):
            return True
        if pa.types.is_list(t):
            return unsigned(t.value_type)
        if pa.types.is_struct(t):
            return any(unsigned(f.type) for f in t)
        return False

    assert not [f.name for f in EVENT_SCHEMA if unsigned(f.type)]


def test_a_missing_warc_fails_the_job_with_the_coders_message(spark, binary, corpus):
    paths = [corpus["warcs"][0], str(corpus["dir"] / "no-such-file.warc.gz")]
    df = code_events(warc_df(spark, paths, 1), binary=binary)
    with pytest.raises(Exception) as info:
        df.collect()
    msg = str(info.value)
    assert "annalist coder failed (exit status 1)" in msg, msg
    assert "-:2: cannot open WARC" in msg and "no-such-file.warc.gz" in msg, msg


def test_a_damaged_warc_record_fails_strict_and_passes_lenient(spark, binary, corpus):
    df = warc_df(spark, [corpus["bad_warc"]], 1)
    with pytest.raises(Exception) as info:
        code_events(df, binary=binary).collect()
    assert "bad WARC record" in str(info.value), str(info.value)
    # Lenient: the good record's events are kept, the damaged one is reported.
    got = collect(code_events(df, binary=binary, strict=False))
    assert got and all(r["input"] == corpus["bad_warc"] for r in got)


def test_a_poisoned_article_row_fails_the_job(spark, binary, corpus):
    rows = [("1", corpus["rows"][0].get("text")), ("2", None)]
    df = spark.createDataFrame(rows, "id string, text string").coalesce(1)
    with pytest.raises(Exception) as info:
        code_events(df, binary=binary, input="articles").collect()
    msg = str(info.value)
    assert "-:2" in msg and "neither an `html` nor a `text`" in msg, msg


def logging_wrapper(dir, binary) -> str:
    """A script that runs the coder and appends its stderr and exit status to a log."""
    log = dir / "coder.log"
    script = dir / "annalist-logged"
    script.write_text(f'#!/bin/sh\n"{binary}" "$@" 2>>"{log}"\necho "exit $?" >>"{log}"\n')
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script)


def test_limit_one_stops_the_coder_cleanly(spark, binary, corpus, tmp_path):
    wrapper = logging_wrapper(tmp_path, binary)
    # Enough input that the coder is still writing when the consumer has its one row.
    df = warc_df(spark, corpus["warcs"] * 12, 1)
    got = code_events(df, binary=wrapper).limit(1).collect()
    assert len(got) == 1
    log = tmp_path / "coder.log"
    deadline = time.time() + 60
    while time.time() < deadline and "exit " not in (log.read_text() if log.exists() else ""):
        time.sleep(0.2)
    text = log.read_text()
    assert "panicked" not in text, text
    assert "exit 0" in text, text


def test_parquet_partitioned_by_date_reads_back_with_the_schema(spark, binary, corpus, tmp_path):
    out = str(tmp_path / "events")
    events = code_events(warc_df(spark, corpus["warcs"], 2), binary=binary)
    events.write.partitionBy("date").mode("overwrite").parquet(out)
    dirs = sorted(d for d in os.listdir(out) if d.startswith("date="))
    assert "date=2025-03-03" in dirs, dirs
    table = ds.dataset(out, format="parquet", partitioning="hive").to_table()
    assert table.num_rows == len(run_direct(binary, corpus["warcs"]))
    by_name = {f.name: f.type for f in table.schema}
    for f in EVENT_SCHEMA:
        if f.name == "date":
            continue  # a partition column comes back from the directory names
        assert by_name[f.name] == f.type, (f.name, by_name[f.name], f.type)


def test_no_rdd_api_is_used(spark):
    import ast

    names = set()
    for mod in (annalist_spark.adapter, annalist_spark.schema):
        for node in ast.walk(ast.parse(inspect.getsource(mod))):
            if isinstance(node, ast.Attribute):
                names.add(node.attr)
            elif isinstance(node, ast.Name):
                names.add(node.id)
    assert not names & {"sparkContext", "SparkContext", "rdd", "mapPartitions", "pipe", "addFile"}
    if is_connect(spark):
        with pytest.raises(Exception):
            spark.sparkContext  # noqa: B018 - Spark Connect has no RDD API
