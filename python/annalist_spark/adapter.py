"""Run the ``annalist`` coder over a Spark DataFrame with ``mapInArrow``.

One coder process per task: a writer thread feeds the task's rows to its stdin (one WARC
path or one JSON article a line), the task's own thread reads the events back from its
stdout and yields Arrow record batches of :data:`annalist_spark.schema.EVENT_SCHEMA`.

Only DataFrame APIs are used (no RDD, no ``SparkContext``), so the same call runs on
classic Spark, Spark Connect (Databricks standard/serverless, ``pyspark-client``) and Sail.
"""

from __future__ import annotations

import collections
import json
import os
import shutil
import stat
import subprocess
import threading
from typing import Iterable, Iterator, Sequence

import pyarrow as pa

from .schema import EVENT_SCHEMA, event_row

#: Columns of an article row that the coder reads; others are ignored.
ARTICLE_COLUMNS = ("html", "text", "url", "title", "date", "outlet")

_STDERR_TAIL_LINES = 40


class CoderError(RuntimeError):
    """The coder process failed (non-zero exit, killed, or could not start)."""


def find_binary(binary: str) -> str:
    """Where the coder binary is on this machine.

    An existing path is used as is. A bare name is looked up, in order, among the files
    shipped with the job (``spark-submit --files``, ``SparkContext.addFile`` or, under Spark
    Connect, ``SparkSession.addArtifacts(..., file=True)``), in the working directory, and on
    ``PATH``. A found file that is not executable (some file shipping drops the mode bit) is
    made executable, or copied to a private executable file when that is not allowed.
    """
    candidates = []
    if os.path.sep in binary or os.path.isabs(binary):
        candidates.append(binary)
    else:
        try:
            from pyspark import SparkFiles

            candidates.append(SparkFiles.get(binary))
        except Exception:  # noqa: BLE001 - no Spark files on this worker
            pass
        candidates.append(os.path.join(os.getcwd(), binary))
        found = shutil.which(binary)
        if found:
            candidates.append(found)
    for path in candidates:
        if path and os.path.isfile(path):
            return _executable(path)
    raise CoderError(
        f"annalist binary {binary!r} not found (looked at {candidates}); ship it with "
        "--files / addArtifacts(path, file=True) or pass an absolute path"
    )


def _executable(path: str) -> str:
    if os.access(path, os.X_OK):
        return path
    try:
        os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        return path
    except OSError:
        import tempfile

        fd, copy = tempfile.mkstemp(prefix="annalist-")
        os.close(fd)
        shutil.copyfile(path, copy)
        os.chmod(copy, 0o755)
        return copy


def _article_line(row: dict) -> str:
    rec = {}
    for key in ARTICLE_COLUMNS:
        value = row.get(key)
        if value is None:
            continue
        if hasattr(value, "isoformat"):
            value = value.isoformat()
        rec[key] = value
    return json.dumps(rec, ensure_ascii=False)


def _path_line(value) -> str:
    if value is None:
        return "\n"
    text = str(value)
    if "\n" in text or "\r" in text:
        # One path a line: a newline inside would split it into two bad lines.
        text = text.replace("\r", " ").replace("\n", " ")
    return text


class _Feeder(threading.Thread):
    """Writes the task's rows to the coder's stdin; remembers article ids by line."""

    def __init__(self, proc, batches, kind, column, id_column):
        super().__init__(name="annalist-feeder", daemon=True)
        self.proc = proc
        self.batches = batches
        self.kind = kind
        self.column = column
        self.id_column = id_column
        self.ids: collections.deque = collections.deque()
        self.ids_lock = threading.Lock()
        self.stop = threading.Event()
        self.error: BaseException | None = None
        self.lines = 0

    def run(self):
        stdin = self.proc.stdin
        try:
            for batch in self.batches:
                if self.stop.is_set():
                    break
                out = []
                for row in batch.to_pylist():
                    if self.kind == "warc":
                        out.append(_path_line(row.get(self.column)))
                    else:
                        out.append(_article_line(row))
                    if self.id_column is not None:
                        with self.ids_lock:
                            self.ids.append(row.get(self.id_column))
                self.lines += len(out)
                stdin.write(("\n".join(out) + "\n").encode("utf-8"))
            stdin.flush()
        except (BrokenPipeError, ConnectionResetError):
            # The coder stopped reading (it failed, or the consumer stopped early): its exit
            # status tells which, not this.
            pass
        except BaseException as e:  # noqa: BLE001 - re-raised on the task thread
            self.error = e
        finally:
            try:
                stdin.close()
            except OSError:
                pass

    def id_of(self, line: int | None, first_line: list) -> str | None:
        """The id of the article row on stdin line `line` (lines come back in order)."""
        if self.id_column is None or line is None:
            return None
        with self.ids_lock:
            while first_line[0] < line and self.ids:
                self.ids.popleft()
                first_line[0] += 1
            value = self.ids[0] if self.ids and first_line[0] == line else None
        return None if value is None else str(value)


def _drain(stream, tail: collections.deque):
    for raw in iter(stream.readline, b""):
        tail.append(raw.decode("utf-8", "replace").rstrip("\n"))
    stream.close()


def run_coder(
    batches: Iterable[pa.RecordBatch],
    *,
    binary: str,
    kind: str,
    column: str = "path",
    id_column: str | None = None,
    jobs: int = 1,
    args: Sequence[str] = (),
    batch_rows: int = 2048,
    strict: bool = True,
    env: dict | None = None,
) -> Iterator[pa.RecordBatch]:
    """The ``mapInArrow`` function body: codes one task's rows, yields event batches.

    Usable without Spark too (any iterable of record batches).
    """
    exe = find_binary(binary)
    cmd = [exe, "code", "--lines", "--origin", "--format", "jsonl", "-j", str(max(1, int(jobs))), *args, "-"]
    try:
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, **(env or {})},
        )
    except OSError as e:
        raise CoderError(f"cannot start {cmd[0]}: {e}") from e
    tail: collections.deque = collections.deque(maxlen=_STDERR_TAIL_LINES)
    drainer = threading.Thread(target=_drain, args=(proc.stderr, tail), daemon=True)
    drainer.start()
    feeder = _Feeder(proc, batches, kind, column, id_column)
    feeder.start()
    finished = False
    first_line = [1]
    try:
        rows = []
        for raw in proc.stdout:
            if not raw.strip():
                continue
            row = event_row(raw, None)
            if id_column is not None:
                row["id"] = feeder.id_of(row["line"], first_line)
            rows.append(row)
            if len(rows) >= batch_rows:
                yield pa.RecordBatch.from_pylist(rows, schema=EVENT_SCHEMA)
                rows = []
        if rows:
            yield pa.RecordBatch.from_pylist(rows, schema=EVENT_SCHEMA)
        code = proc.wait()
        feeder.join()
        drainer.join(timeout=30)
        finished = True
        if feeder.error is not None:
            raise CoderError(f"feeding the coder failed: {feeder.error!r}") from feeder.error
        if code != 0 and not (code == 1 and not strict):
            what = f"killed by signal {-code}" if code < 0 else f"exit status {code}"
            detail = "\n".join(tail) or "(no stderr)"
            raise CoderError(f"annalist coder failed ({what}) on {feeder.lines} input line(s); stderr tail:\n{detail}")
    finally:
        if not finished:
            # The consumer stopped early (limit/take) or something failed: stop feeding, close
            # the coder's stdout so its next write sees a closed pipe and it ends cleanly;
            # kill it only if it does not.
            feeder.stop.set()
            try:
                proc.stdout.close()
            except OSError:
                pass
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            drainer.join(timeout=5)


def _ship_by_value():
    """Pickle this package with the task instead of by reference, so executors need only
    pyarrow (and pyspark), not ``annalist_spark`` installed."""
    try:
        from pyspark import cloudpickle

        import annalist_spark

        cloudpickle.register_pickle_by_value(annalist_spark)
    except Exception:  # noqa: BLE001 - an older cloudpickle: the package must be installed
        pass


def code_events(
    df,
    *,
    binary: str = "annalist",
    input: str = "warc",
    column: str = "path",
    id_column: str | None = None,
    jobs: int = 1,
    args: Sequence[str] = (),
    strict: bool = True,
    batch_rows: int = 2048,
):
    """Code a DataFrame into a DataFrame of events (schema: ``annalist_spark.EVENT_SCHEMA``).

    - ``input="warc"``: ``df[column]`` holds local (or mounted) paths of ``.warc``/``.warc.gz``
      files, or ``file://`` URIs; the coder reads each archive itself.
    - ``input="articles"``: rows with ``html`` or ``text`` and optionally ``url``, ``title``,
      ``date``, ``outlet``; with ``id_column`` that column's value is copied to ``id``.

    ``binary`` is a path, or the name of a file shipped with the job. ``jobs`` is the coder's
    threads per task (1 fits Spark's one core per task). ``strict=False`` keeps a task whose
    coder reported some bad records (exit status 1) instead of failing it; a crash, a signal
    or exit status 2 (nothing in the task could be coded) always fails the task, so Spark
    retries it.
    """
    if input not in ("warc", "articles"):
        raise ValueError(f"input must be 'warc' or 'articles', not {input!r}")
    if input == "warc" and column not in df.columns:
        raise ValueError(f"no column {column!r} of WARC paths in {df.columns}")
    if input == "articles" and not ({"html", "text"} & set(df.columns)):
        raise ValueError(f"article rows need an 'html' or 'text' column, got {df.columns}")
    if id_column is not None and id_column not in df.columns:
        raise ValueError(f"no id column {id_column!r} in {df.columns}")
    from .schema import spark_schema

    keep = [column] if input == "warc" else [c for c in ARTICLE_COLUMNS if c in df.columns]
    if id_column is not None and id_column not in keep:
        keep.append(id_column)
    opts = dict(
        binary=binary,
        kind=input,
        column=column,
        id_column=id_column,
        jobs=jobs,
        args=tuple(args),
        strict=strict,
        batch_rows=batch_rows,
    )

    _ship_by_value()

    def code_partition(batches):
        yield from run_coder(batches, **opts)

    return df.select(*keep).mapInArrow(code_partition, spark_schema())
