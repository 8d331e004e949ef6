"""The fixed output schema of :func:`annalist_spark.code_events` and the conversion of the
coder's JSONL event lines into rows of it.

Every type maps onto a Spark SQL type: no unsigned integers (Spark rejects them), offsets
and line numbers are int64, spans int32 (a document is capped at 64 MiB, so byte offsets
stay far below 2^31), dates are date32, floats are float64. Nested values that vary in
length are lists of structs. ``event_json`` keeps the coder's whole line, so nothing is lost
by flattening.
"""

from __future__ import annotations

import datetime as _dt
import json
import re

import pyarrow as pa

_ACTOR = pa.struct(
    [
        pa.field("code", pa.string()),
        pa.field("text", pa.string()),
        pa.field("start", pa.int32()),
        pa.field("end", pa.int32()),
    ]
)
_LINK = pa.struct(
    [
        pa.field("role", pa.string()),
        pa.field("text", pa.string()),
        pa.field("actor", pa.string()),
    ]
)

#: The Arrow schema of the event rows (column order is part of the contract).
EVENT_SCHEMA = pa.schema(
    [
        # Where the event came from.
        pa.field("input", pa.string()),  # WARC path, or "-" for article rows
        pa.field("record_offset", pa.int64()),  # WARC record (gzip member) offset; stdin line offset for rows
        pa.field("line", pa.int64()),  # 1-based line of the task's input for article rows
        pa.field("id", pa.string()),  # the id_column value of the article row, if asked for
        pa.field("event_index", pa.int32()),  # index of the event in its document
        # The article.
        pa.field("article", pa.string()),  # SHA-256 of the article text, hex
        pa.field("url", pa.string()),
        pa.field("outlet", pa.string()),
        pa.field("title", pa.string()),
        pa.field("published", pa.string()),  # publication date as found (ISO 8601, may be partial)
        # When.
        pa.field("date", pa.date32()),  # event date (text, else publication); coarse dates → first day
        pa.field("date_precision", pa.string()),  # day, month, year, … or unknown
        pa.field("date_basis", pa.string()),  # text | publication_fallback
        pa.field("time_start", pa.string()),
        pa.field("time_end", pa.string()),
        # What.
        pa.field("code", pa.string()),  # CAMEO code, e.g. "0874"
        pa.field("root", pa.string()),
        pa.field("base", pa.string()),
        pa.field("goldstein", pa.float64()),
        pa.field("quad_class", pa.int32()),
        pa.field("plover_type", pa.string()),
        pa.field("plover_mode", pa.string()),
        pa.field("modality", pa.string()),
        pa.field("negated", pa.bool_()),
        pa.field("historical", pa.bool_()),
        pa.field("lead", pa.bool_()),
        pa.field("confidence", pa.float64()),
        # Who.
        pa.field("source_code", pa.string()),  # first source actor
        pa.field("target_code", pa.string()),  # first target actor
        pa.field("sources", pa.list_(_ACTOR)),
        pa.field("targets", pa.list_(_ACTOR)),
        pa.field("attribution", pa.list_(_LINK)),  # outlet first, innermost speaker last
        # Where.
        pa.field("place_name", pa.string()),
        pa.field("place_country", pa.string()),  # ISO 3166-1 alpha-2
        pa.field("place_admin1", pa.string()),
        pa.field("place_lat", pa.float64()),
        pa.field("place_lon", pa.float64()),
        pa.field("place_precision", pa.string()),
        # The text.
        pa.field("sentence", pa.int32()),
        pa.field("sentence_text", pa.string()),
        pa.field("trigger_text", pa.string()),
        pa.field("trigger_start", pa.int32()),  # byte offsets into the article text
        pa.field("trigger_end", pa.int32()),
        pa.field("event_json", pa.string()),  # the coder's whole JSON line
    ]
)

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_date(value: str | None) -> _dt.date | None:
    """The first day of an ISO date or partial date (``2024``, ``2024-03``, ``2024-03-05…``)."""
    if not value:
        return None
    m = _ISO.match(value)
    if not m:
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def _actors(items) -> list[dict]:
    out = []
    for a in items or []:
        span = a.get("span") or {}
        out.append(
            {"code": a.get("code"), "text": a.get("text"), "start": span.get("start"), "end": span.get("end")}
        )
    return out


def event_row(line: str | bytes, id_value: str | None = None) -> dict:
    """One coder JSONL line (``annalist code --origin``) as a row of :data:`EVENT_SCHEMA`."""
    e = json.loads(line)
    if isinstance(line, bytes):
        line = line.decode("utf-8")
    published = e.get("published") or {}
    time = e.get("time") or {}
    loc = e.get("location") or {}
    trigger = e.get("trigger") or {}
    sources = _actors(e.get("sources"))
    targets = _actors(e.get("targets"))
    date = parse_date(time.get("start")) or parse_date(published.get("value"))
    if time.get("start"):
        precision, basis = time.get("precision"), time.get("basis")
    elif date is not None:
        precision, basis = published.get("precision"), "publication_fallback"
    else:
        precision, basis = None, None
    return {
        "input": e.get("input"),
        "record_offset": e.get("offset"),
        "line": e.get("line"),
        "id": id_value,
        "event_index": e.get("event_index"),
        "article": e.get("article"),
        "url": e.get("url"),
        "outlet": e.get("outlet"),
        "title": e.get("title"),
        "published": published.get("value"),
        "date": date,
        "date_precision": precision,
        "date_basis": basis,
        "time_start": time.get("start"),
        "time_end": time.get("end"),
        "code": e.get("code"),
        "root": e.get("root"),
        "base": e.get("base"),
        "goldstein": e.get("goldstein"),
        "quad_class": e.get("quad_class"),
        "plover_type": e.get("plover_type"),
        "plover_mode": e.get("plover_mode"),
        "modality": e.get("modality"),
        "negated": e.get("negated"),
        "historical": e.get("historical"),
        "lead": e.get("lead"),
        "confidence": e.get("confidence"),
        "source_code": sources[0]["code"] if sources else None,
        "target_code": targets[0]["code"] if targets else None,
        "sources": sources,
        "targets": targets,
        "attribution": [
            {"role": link.get("role"), "text": link.get("text"), "actor": link.get("actor")}
            for link in (e.get("attribution") or {}).get("chain") or []
        ],
        "place_name": loc.get("name"),
        "place_country": loc.get("country"),
        "place_admin1": loc.get("admin1"),
        "place_lat": loc.get("lat"),
        "place_lon": loc.get("lon"),
        "place_precision": loc.get("precision"),
        "sentence": e.get("sentence"),
        "sentence_text": e.get("sentence_text"),
        "trigger_text": e.get("trigger_text"),
        "trigger_start": trigger.get("start"),
        "trigger_end": trigger.get("end"),
        "event_json": line.rstrip("\r\n"),
    }


def to_batch(rows: list[dict]) -> pa.RecordBatch:
    """Rows of :data:`EVENT_SCHEMA` as one record batch."""
    return pa.RecordBatch.from_pylist(rows, schema=EVENT_SCHEMA)


def spark_schema():
    """The Spark ``StructType`` of :data:`EVENT_SCHEMA` (needs pyspark)."""
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(EVENT_SCHEMA)
