"""Fixtures: the coder binary, a fixture corpus written here (our own invented articles from
the repository's examples/ and tests/data/clusters/, as JSONL and as WARC files with
non-article records), and Spark sessions: classic ``local[2]`` and Spark Connect (Sail).
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")


@pytest.fixture(scope="session")
def binary() -> str:
    path = os.environ.get("ANNALIST_BIN") or str(REPO / "target" / "release" / "annalist")
    if not os.path.isfile(path):
        pytest.fail(f"no annalist binary at {path}: run `cargo build --release -p annalist` or set ANNALIST_BIN")
    return path


def articles() -> list[dict]:
    """The repository's own invented reports, as article rows."""
    out = []
    for p in sorted((REPO / "examples").iterdir()):
        if p.name == "README.md":
            continue
        key = "html" if p.suffix == ".html" else "text"
        out.append({key: p.read_text(encoding="utf-8"), "url": f"https://examples.annalist.test/{p.name}"})
    for line in (REPO / "tests" / "data" / "clusters" / "reports.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            out.append({k: r[k] for k in ("text", "url", "title", "date", "outlet") if r.get(k)})
    return out


def _page(a: dict) -> bytes:
    if "html" in a:
        return a["html"].encode()
    paras = "".join(f"<p>{p}</p>\n" for p in a["text"].split("\n\n"))
    meta = ""
    if a.get("outlet"):
        meta += f'<meta property="og:site_name" content="{a["outlet"]}">'
    if a.get("date"):
        meta += f'<meta property="article:published_time" content="{a["date"]}">'
    title = a.get("title", "")
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>{meta}</head>'
        f"<body><article><h1>{title}</h1>\n{paras}</article></body></html>\n"
    ).encode()


def warc_record(kind: str, uri: str, block: bytes, rid: int, content_type: str) -> bytes:
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2025-03-04T00:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{rid:012d}>\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    ).encode()
    return head + block + b"\r\n\r\n"


def response(uri: str, body: bytes, rid: int, mime: str = "text/html; charset=utf-8") -> bytes:
    http = f"HTTP/1.1 200 OK\r\nContent-Type: {mime}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
    return warc_record("response", uri, http, rid, "application/http; msgtype=response")


def write_warcs(dir: Path, rows: list[dict], n: int) -> list[str]:
    """`n` WARC files (odd ones gzip, one member per record, as CC-NEWS), articles dealt
    round-robin, each with a request record and an image response the reader passes over."""
    records: list[list[bytes]] = [[] for _ in range(n)]
    for i in range(n):
        records[i].append(warc_record("request", f"https://x.test/{i}", b"GET / HTTP/1.1\r\n\r\n", 900 + i, "application/http; msgtype=request"))
    for i, a in enumerate(rows):
        records[i % n].append(response(a["url"], _page(a), i))
    for i in range(n):
        records[i].append(response(f"https://x.test/{i}.png", b"\x89PNG\r\n\x1a\n", 950 + i, "image/png"))
    paths = []
    for i, recs in enumerate(records):
        if i % 2:
            p = dir / f"news-{i}.warc.gz"
            p.write_bytes(b"".join(gzip.compress(r) for r in recs))
        else:
            p = dir / f"news-{i}.warc"
            p.write_bytes(b"".join(recs))
        paths.append(str(p))
    return paths


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> dict:
    d = tmp_path_factory.mktemp("corpus")
    rows = articles()
    jsonl = d / "articles.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    warcs = write_warcs(d, rows, 4)
    bad = d / "bad.warc"
    good = response("https://bad.test/ok", _page(rows[0]), 1)
    # A record whose Content-Length runs past the end of the file.
    bad.write_bytes(good + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nHTTP/1.1 200 OK\r\n")
    return {"dir": d, "rows": rows, "jsonl": str(jsonl), "warcs": warcs, "bad_warc": str(bad)}


def run_direct(binary: str, args: list[str], stdin: bytes | None = None) -> list[str]:
    """Event lines of running the coder directly (the single-machine truth)."""
    out = subprocess.run([binary, "code", "--origin", "--format", "jsonl", *args], input=stdin, capture_output=True, check=True)
    return [l for l in out.stdout.decode("utf-8").splitlines() if l.strip()]


def _classic():
    from pyspark.sql import SparkSession

    s = (
        SparkSession.builder.master("local[2]")
        .appName("annalist-spark-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    s.sparkContext.setLogLevel("ERROR")
    return s, s.stop


def _connect():
    # Spark's own Spark Connect server (the spark-connect jar ships in the pyspark 4 wheel),
    # started locally by the client: the session speaks only the Connect protocol.
    from pyspark.sql import SparkSession

    s = SparkSession.builder.remote("local[2]").appName("annalist-spark-tests").getOrCreate()
    return s, s.stop


def _sail():
    # Sail: a Spark Connect server without a JVM (PyPI `pysail`).
    from pysail.spark import SparkConnectServer
    from pyspark.sql import SparkSession

    server = SparkConnectServer(ip="127.0.0.1", port=0)
    server.start()
    host, port = server.listening_address
    s = SparkSession.builder.remote(f"sc://{host}:{port}").getOrCreate()

    def stop():
        s.stop()
        server.stop()

    return s, stop


SESSIONS = {"classic": _classic, "connect": _connect, "sail": _sail}
# One kind per pytest process keeps JVMs apart: run-tests.sh runs pytest once per kind.
MODES = [m for m in os.environ.get("ANNALIST_SPARK_MODES", "classic").split(",") if m]


@pytest.fixture(scope="session", params=MODES)
def spark(request):
    session, stop = SESSIONS[request.param]()
    yield session
    stop()


def is_connect(session) -> bool:
    return "connect" in type(session).__module__
