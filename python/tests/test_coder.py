"""The adapter's task body (``run_coder``) without Spark: same events as the binary, a clean
coder exit when the consumer stops early, clear errors, and the date rule of the schema."""

from __future__ import annotations

import datetime as dt
import time

import pyarrow as pa
import pytest

from annalist_spark import CoderError, event_row, find_binary, parse_date, run_coder, EVENT_SCHEMA

from conftest import run_direct
from test_spark import logging_wrapper


def path_batches(paths, per_batch=2):
    for i in range(0, len(paths), per_batch):
        yield pa.RecordBatch.from_pylist([{"path": p} for p in paths[i : i + per_batch]])


def test_run_coder_equals_the_binary(binary, corpus):
    expected = [event_row(l) for l in run_direct(binary, corpus["warcs"])]
    got = []
    for batch in run_coder(path_batches(corpus["warcs"]), binary=binary, kind="warc", batch_rows=50):
        assert batch.schema == EVENT_SCHEMA
        assert batch.num_rows <= 50
        got.extend(batch.to_pylist())
    # Same order too: one task keeps input order.
    assert got == expected


def test_closing_early_stops_the_coder_cleanly(binary, corpus, tmp_path):
    wrapper = logging_wrapper(tmp_path, binary)
    gen = run_coder(path_batches(corpus["warcs"] * 20), binary=wrapper, kind="warc", batch_rows=1)
    first = next(gen)
    assert first.num_rows == 1
    gen.close()
    log = tmp_path / "coder.log"
    deadline = time.time() + 30
    while "exit " not in (log.read_text() if log.exists() else "") and time.time() < deadline:
        time.sleep(0.1)
    text = log.read_text()
    assert "panicked" not in text and "exit 0" in text, text


def test_a_failing_coder_names_the_line_in_the_error(binary, corpus):
    paths = [corpus["warcs"][0], "not-a-warc-path", corpus["warcs"][1]]
    with pytest.raises(CoderError) as info:
        list(run_coder(path_batches(paths, 1), binary=binary, kind="warc"))
    msg = str(info.value)
    assert "exit status 1" in msg and "-:2: neither a JSON object nor a path" in msg, msg


def test_a_missing_binary_is_a_clear_error():
    with pytest.raises(CoderError, match="not found"):
        find_binary("/nonexistent/annalist")


def test_dates_take_the_first_day_of_coarse_values():
    assert parse_date("2024-03-05T10:00:00Z") == dt.date(2024, 3, 5)
    assert parse_date("2024-03") == dt.date(2024, 3, 1)
    assert parse_date("2024") == dt.date(2024, 1, 1)
    assert parse_date("2024-02-30") is None
    assert parse_date("yesterday") is None
    assert parse_date(None) is None
