"""Benchmark: load + sentence-split, and statement extraction with the pandas and dask engines.

Builds synthetic corpora from the seed articles (paragraphs shuffled, countries substituted) at the
requested sizes, then for each size measures documents/s, MB/s and peak memory (RSS of this
process and its children, sampled every 50 ms), each as the median of --repeats runs, beside a
baseline measured in the same run (reading and JSON-decoding the same file), so figures from a
busy machine can be compared as ratios. The dask engine is timed twice: as one call that starts
its own LocalCluster (worker start-up and imports included), and on a LocalCluster started and
warmed up beforehand, as with ``scheduler=`` on a running cluster (its start is reported apart).
Results go to bench/results/<timestamp>.json.

    .venv/bin/python bench/bench_pipeline.py --sizes 2,20,200 --repeats 3
"""
from __future__ import annotations

import argparse
import json
import platform
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from stanceshift.corpus import load_corpus
from stanceshift.paths import PROJECT_ROOT, SEEDS_DIR
from stanceshift.scale import dask_client, run_dask_pipeline, stream_statements
from stanceshift.sentences import sentences

RESULTS = PROJECT_ROOT / "bench" / "results"
SUBSTITUTES = {"Kazakhstan": ["Kazakhstan", "Uzbekistan", "Mongolia", "Kyrgyzstan"],
               "India": ["India", "Indonesia", "Brazil", "South Africa"],
               "Belarus": ["Belarus", "Serbia", "Armenia", "Tajikistan"],
               "China": ["China", "Vietnam", "Pakistan", "Iran"]}


def build_corpus(target_mb: float, folder: Path, parts: int, seed: int = 0) -> tuple[Path, Path, int]:
    """One JSONL file and the same rows split into ``parts`` files; returns paths and row count."""
    rng = random.Random(seed)
    seeds = load_corpus(SEEDS_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    single = folder / "corpus.jsonl"
    part_dir = folder / "parts"
    part_dir.mkdir(exist_ok=True)
    handles = [open(part_dir / f"part{k:03d}.jsonl", "w", encoding="utf-8") for k in range(parts)]
    target = target_mb * 1e6
    size = n = 0
    with open(single, "w", encoding="utf-8") as out:
        while size < target:
            r = seeds.iloc[n % len(seeds)]
            paras = r["text_raw"].split("\n\n")
            head, body = paras[:1], paras[1:]
            rng.shuffle(body)
            text = "\n\n".join(head + body)
            for name, options in SUBSTITUTES.items():
                text = text.replace(name, rng.choice(options))
            line = json.dumps({"doc_id": f"doc{n:08d}", "text": text, "published": str(r["published"].date()),
                               "title": r["title"]}) + "\n"
            out.write(line)
            handles[n % parts].write(line)
            size += len(text.encode("utf-8"))
            n += 1
    for h in handles:
        h.close()
    return single, part_dir, n


class PeakRSS:
    """Peak resident memory of this process and its children while the block runs."""

    def __enter__(self):
        self.peak, self._stop = 0, threading.Event()
        self._sample_once()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample_once(self):
        me = psutil.Process()
        try:
            rss = me.memory_info().rss + sum(c.memory_info().rss for c in me.children(recursive=True))
        except psutil.Error:
            rss = 0
        self.peak = max(self.peak, rss)

    def _sample(self):
        while not self._stop.is_set():
            self._sample_once()
            time.sleep(0.05)

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self._sample_once()


def _run_measured(task: str, args: tuple, queue) -> None:
    """Child process: run one task under the RSS sampler and report (seconds, peak bytes)."""
    fn = TASKS[task]
    with PeakRSS() as mem:
        t0 = time.perf_counter()
        fn(*args)
        seconds = time.perf_counter() - t0
    queue.put((seconds, mem.peak))


def timed(task: str, args: tuple, repeats: int) -> dict:
    """Median time and peak memory of ``repeats`` runs, each in a fresh process so that memory a
    previous run left with the allocator does not count against the next one."""
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    runs = []
    for _ in range(repeats):
        queue = ctx.Queue()
        proc = ctx.Process(target=_run_measured, args=(task, args, queue))
        proc.start()
        runs.append(queue.get())
        proc.join()
    return {"seconds_median": statistics.median(s for s, _ in runs), "seconds_all": [s for s, _ in runs],
            "peak_rss_mb_median": statistics.median(p for _, p in runs) / 1e6}


def baseline(path: Path) -> None:
    """Read and JSON-decode every line: the floor any pipeline on this file pays."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            json.loads(line)


def _load_split(path: str) -> None:
    sentences(load_corpus(path))


def _pandas_engine(path: str, out: str) -> None:
    stream_statements(path, out, chunk_size=2000)


def _dask_engine(parts: str, out: str) -> None:
    shutil.rmtree(out, ignore_errors=True)
    run_dask_pipeline(parts, out, n_workers=2)


def _running_cluster_child(parts: str, out: str, repeats: int, queue) -> None:
    """Child process: start a 2-worker LocalCluster (timed on its own), run the pipeline once on a
    few documents so that the workers have imported the package, then time ``repeats`` runs on it,
    as a researcher does who passes ``scheduler=`` to a cluster that is already up."""
    t0 = time.perf_counter()
    with dask_client(n_workers=2) as client:  # the LocalCluster the engine starts when given no scheduler
        started = time.perf_counter() - t0
        address = client.scheduler.address
        warm = Path(out + "_warmup")
        warm.mkdir(parents=True, exist_ok=True)
        first = sorted(Path(parts).iterdir())[0]
        with open(first, encoding="utf-8") as fh:
            (warm / "warm.jsonl").write_text("".join(line for _, line in zip(range(20), fh)), encoding="utf-8")
        run_dask_pipeline(str(warm), out + "_warmup_out", scheduler=address)
        runs = []
        for _ in range(repeats):
            shutil.rmtree(out, ignore_errors=True)
            with PeakRSS() as mem:
                t = time.perf_counter()
                run_dask_pipeline(parts, out, scheduler=address)
                runs.append((time.perf_counter() - t, mem.peak))
    queue.put((started, runs))


def timed_running_cluster(parts: str, out: str, repeats: int) -> dict:
    """Median time and peak memory of runs on one LocalCluster started beforehand."""
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_running_cluster_child, args=(parts, out, repeats, queue))
    proc.start()
    started, runs = queue.get()
    proc.join()
    return {"seconds_median": statistics.median(s for s, _ in runs), "seconds_all": [s for s, _ in runs],
            "peak_rss_mb_median": statistics.median(p for _, p in runs) / 1e6,
            "cluster_start_seconds": started,
            "note": "cluster started and warmed up before timing; its start is cluster_start_seconds"}


TASKS = {"baseline": lambda path: baseline(Path(path)), "load_split": _load_split,
         "pandas": _pandas_engine, "dask": _dask_engine}


def bench_size(size_mb: float, repeats: int, workdir: Path, engines: list[str]) -> dict:
    folder = workdir / f"c{size_mb:g}"
    single, parts, n_docs = build_corpus(size_mb, folder, parts=max(4, int(size_mb // 10) * 2))
    text_mb = size_mb
    out: dict = {"size_mb": size_mb, "documents": n_docs,
                 "note": "peak_rss_mb: resident memory of a fresh process (and its dask workers) for that task alone"}

    def per(result: dict) -> dict:
        s = result["seconds_median"]
        return {**result, "mb_per_s": text_mb / s, "docs_per_s": n_docs / s}

    out["baseline_read_json"] = per(timed("baseline", (str(single),), repeats))
    out["load_and_split"] = per(timed("load_split", (str(single),), repeats))
    if "pandas" in engines:
        out["pandas_engine"] = per(timed("pandas", (str(single), str(folder / "pandas.parquet")), repeats))
    if "dask" in engines:
        out["dask_engine_2_workers"] = per(timed("dask", (str(parts), str(folder / "dask_out")), repeats))
        out["dask_running_cluster_2_workers"] = per(timed_running_cluster(str(parts), str(folder / "dask_warm"), repeats))
    for key in ("load_and_split", "pandas_engine", "dask_engine_2_workers", "dask_running_cluster_2_workers"):
        if key in out:
            out[key]["ratio_to_baseline_time"] = out[key]["seconds_median"] / out["baseline_read_json"]["seconds_median"]
    if "pandas_engine" in out and "dask_engine_2_workers" in out:
        out["dask_speedup_over_pandas"] = out["pandas_engine"]["seconds_median"] / out["dask_engine_2_workers"]["seconds_median"]
        out["dask_running_cluster_speedup_over_pandas"] = (out["pandas_engine"]["seconds_median"]
                                                           / out["dask_running_cluster_2_workers"]["seconds_median"])
    shutil.rmtree(folder, ignore_errors=True)
    return out


def _git_commit() -> str:
    import subprocess

    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT_ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _source_digest() -> str:
    """A digest of the package and codebook files the runs import, to tell whether they changed mid-run."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted([*PROJECT_ROOT.glob("stanceshift/*.py"), *PROJECT_ROOT.glob("codebook/*")]):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _uncommitted_source() -> bool:
    """True when the package or codebook differs from the commit recorded (the run then measures neither)."""
    import subprocess

    try:
        return subprocess.run(["git", "diff", "--quiet", "HEAD", "--", "stanceshift", "codebook"],
                              cwd=PROJECT_ROOT, capture_output=True).returncode == 1
    except OSError:
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="2,20,200", help="corpus sizes in MB of text, comma-separated")
    parser.add_argument("--repeats", type=int, default=3, help="runs per measurement (the median is reported)")
    parser.add_argument("--repeats-large", type=int, default=1, help="runs for sizes of 100 MB and more")
    parser.add_argument("--engines", default="pandas,dask")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    engines = args.engines.split(",")
    report = {"started": time.strftime("%Y-%m-%dT%H:%M:%S"), "commit": _git_commit(), "machine": {
        "cpus": psutil.cpu_count(), "memory_gb": round(psutil.virtual_memory().total / 1e9, 1),
        "python": platform.python_version(), "platform": platform.platform()}, "sizes": [],
        "uncommitted_source": _uncommitted_source(), "source_digest": _source_digest()}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            repeats = args.repeats_large if size >= 100 else args.repeats
            result = bench_size(size, repeats, Path(tmp), engines)
            report["sizes"].append(result)
            print(json.dumps(result, indent=1), flush=True)
    # each run imports the package afresh, so an edit during the benchmark changes what later runs measure
    report["source_changed_during_run"] = _source_digest() != report["source_digest"]
    if report["source_changed_during_run"] or report["uncommitted_source"]:
        print("warning: the package or codebook was not the recorded commit's for the whole run", file=sys.stderr)
    pandas_runs = [r for r in report["sizes"] if "pandas_engine" in r]
    if len(pandas_runs) >= 2:
        a, b = pandas_runs[0], pandas_runs[-1]
        report["pandas_time_scaling"] = {
            "size_ratio": b["size_mb"] / a["size_mb"],
            "time_ratio": b["pandas_engine"]["seconds_median"] / a["pandas_engine"]["seconds_median"]}
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"bench_{time.strftime('%Y%m%d_%H%M%S')}.json"
    path.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
