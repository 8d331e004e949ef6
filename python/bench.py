"""Benchmark (not CI): the coder through Spark (``code_events`` on ``local[2]``) against the
binary alone on the same WARC files, and Spark's scaling from one task slot to two.

    python/bench.py [--copies 12] [--files 8] [--repeat 2] [--binary target/release/annalist]

Input: the repository's own invented articles (examples/, tests/data/clusters/), each copied
``--copies`` times with a distinct trailer, dealt over ``--files`` WARC files. Figures:

- binary alone: ``annalist code -j 2`` over the WARC paths (stdin, as the adapter feeds it);
- Spark, 2 slots: ``local[2]``, the paths in ``--partitions`` (2) partitions, one coder per task
  (``-j 1``), output written to Spark's ``noop`` sink (every row materialised);
- Spark, 1 slot: the same DataFrame in one partition (one task, one core) — the 1→2 scaling;
- binary ``-j 1`` for the binary's own scaling.

Each figure is the best of ``--repeat`` runs after one warm-up job. Bars (issue 10): Spark
throughput >= 80 % of the binary alone; Spark scaling 1→2 >= 1.7x. The machine may be shared:
the load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "tests"))

os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")

from conftest import articles, write_warcs  # noqa: E402


def corpus(dir: Path, copies: int, files: int) -> tuple[list[str], int]:
    rows = []
    for k in range(copies):
        for i, a in enumerate(articles()):
            a = dict(a)
            if "text" in a:
                a["text"] = f"{a['text']}\n\nArchive item {k}-{i}."
            else:
                a["html"] = a["html"].replace("</body>", f"<p>Archive item {k}-{i}.</p></body>")
            a["url"] = f"{a['url']}?copy={k}"
            rows.append(a)
    return write_warcs(dir, rows, files), len(rows)


def best(fn, repeat: int) -> tuple[float, int]:
    times, n = [], 0
    for _ in range(repeat):
        t = time.perf_counter()
        n = fn()
        times.append(time.perf_counter() - t)
    return min(times), n


def binary_run(binary: str, paths: list[str], jobs: int) -> int:
    out = subprocess.run(
        [binary, "code", "--lines", "--origin", "-j", str(jobs), "-"],
        input="".join(p + "\n" for p in paths).encode(),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    return out.stdout.count(b"\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=12)
    ap.add_argument("--files", type=int, default=8)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--partitions", type=int, default=2, help="partitions of the 2-slot run")
    ap.add_argument("--binary", default=str(HERE.parent / "target" / "release" / "annalist"))
    args = ap.parse_args()

    from pyspark.sql import SparkSession

    from annalist_spark import code_events

    tmp = Path(tempfile.mkdtemp(prefix="annalist-bench-"))
    paths, docs = corpus(tmp, args.copies, args.files)
    size = sum(os.path.getsize(p) for p in paths)
    print(f"input: {docs} articles in {len(paths)} WARC files, {size / 1e6:.1f} MB; load average {os.getloadavg()[0]:.2f}")

    bin2, events = best(lambda: binary_run(args.binary, paths, 2), args.repeat)
    bin1, _ = best(lambda: binary_run(args.binary, paths, 1), args.repeat)

    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", str(args.files))
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    df = spark.createDataFrame([(p,) for p in paths], "path string")

    def spark_run(partitions: int) -> int:
        part = df.repartition(partitions) if partitions > 1 else df.coalesce(1)
        ev = code_events(part, binary=args.binary, input="warc", jobs=1)
        ev.write.format("noop").mode("overwrite").save()
        return events

    spark_run(2)  # warm-up: Python workers, JVM code paths
    got = code_events(df.repartition(2), binary=args.binary).count()
    if got != events:
        raise SystemExit(f"Spark gave {got} events, the binary {events}")
    sp2, _ = best(lambda: spark_run(args.partitions), args.repeat)
    sp1, _ = best(lambda: spark_run(1), args.repeat)
    spark.stop()

    rate = lambda t: docs / t  # noqa: E731
    print(f"{'run':<34} {'seconds':>8} {'articles/s':>11} {'events':>7}")
    for name, t in [
        ("binary alone, -j 2", bin2),
        ("binary alone, -j 1", bin1),
        ("Spark local[2], 2 slots", sp2),
        ("Spark local[2], 1 slot (1 task)", sp1),
    ]:
        print(f"{name:<34} {t:>8.2f} {rate(t):>11.1f} {events:>7}")
    share = bin2 / sp2
    scale = sp1 / sp2
    print(
        json.dumps(
            {
                "spark_vs_binary": round(share, 3),
                "spark_scaling_1_to_2": round(scale, 3),
                "binary_scaling_1_to_2": round(bin1 / bin2, 3),
                "load_average_end": round(os.getloadavg()[0], 2),
            }
        )
    )
    print(f"Spark throughput {share:.0%} of the binary alone (bar 80%): {'met' if share >= 0.8 else 'NOT met'}")
    print(f"Spark scaling 1->2 slots {scale:.2f}x (bar 1.7x): {'met' if scale >= 1.7 else 'NOT met'}")


if __name__ == "__main__":
    main()
