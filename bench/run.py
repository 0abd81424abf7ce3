"""Goalsmith benchmark: whole-process time and peak memory, Goalsmith against bare spaCy.

    make bench                      # 10,000 goals, API latency with 20 clients
    python bench/run.py --goals 2000 --large 0 --skip-api

Every run is a separate process on the same machine and the same synthetic goals (seeded),
so the numbers compare: the bare English pipeline (`nlp.pipe`), `assistant.check_many`,
`goalsmith check --jsonl`, `goalsmith bulk` with 1 and 2 processes (and, for memory
flatness, a file `--large` rows long), then the API under 20 concurrent clients. The table is
printed and written to bench/results.md.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results.md"
PARTS = BENCH / "goal_parts.json"
PATHOLOGICAL = BENCH / "pathological.json"
REFERENCE_DATE = "2026-11-27"
GOALSMITH = str(Path(sys.executable).with_name("goalsmith"))
MODEL_VARIABLE = "GOALSMITH_SPACY_MODEL"
HEALTH = "/api/v1/health"
CHECK = "/api/v1/check"
SERVER_START_TIMEOUT_S = 240.0
# Budgets from issue 7.
MAX_SLOWDOWN = 1.3
MAX_SERVER_MB = 500.0
# Issue 11: the API's goals/s against check_many's (whole process) in the same run, and p99.
MIN_API_RATIO = 0.65
MAX_API_P99_MS = 250.0


def generate_goals(count: int, seed: int) -> list[str]:
    """`count` draft goals combined from bench/goal_parts.json; each part may be left out."""
    parts = json.loads(PARTS.read_text(encoding="utf-8"))
    rng = random.Random(seed)

    def maybe(key: str, chance: float) -> str:
        return rng.choice(parts[key]) if rng.random() < chance else ""

    goals = []
    for _ in range(count):
        pieces = [
            rng.choice(parts["verbs"]),
            rng.choice(parts["metrics"]),
            maybe("targets", 0.75),
            maybe("deadlines", 0.7),
            maybe("relevance", 0.45),
        ]
        text = " ".join(piece for piece in pieces if piece) + rng.choice(parts["fillers"])
        text = rng.choice(parts["openers"]) + text + rng.choice(parts["closers"])
        goals.append(text[0].upper() + text[1:] if rng.random() < 0.7 else text)
    return goals


def write_inputs(goals: Sequence[str], folder: Path, stem: str) -> tuple[Path, Path]:
    jsonl = folder / f"{stem}.jsonl"
    with jsonl.open("w", encoding="utf-8") as out:
        for index, text in enumerate(goals):
            out.write(json.dumps({"id": index, "text": text}) + "\n")
    table = folder / f"{stem}.csv"
    with table.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["Owner", "Goal"])
        writer.writerows([f"rep{index % 37:02d}", text] for index, text in enumerate(goals))
    return jsonl, table


# ---- in-process workers (run as `python bench/run.py --worker MODE FILE`) -------------------

def _read_texts(path: str) -> list[str]:
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines if line.strip()]


def worker_bare(path: str) -> int:
    """The English pipeline that `assistant.pipeline.get_base_nlp()` loads, with only spaCy
    imported: the baseline must not pay for Goalsmith's own imports."""
    import spacy

    nlp = spacy.load(os.environ[MODEL_VARIABLE])
    return sum(len(doc) for doc in nlp.pipe(_read_texts(path), batch_size=128))


def worker_check_many(path: str) -> int:
    from assistant import check_many

    return sum(1 for _ in check_many(_read_texts(path), reference_date=REFERENCE_DATE))


def worker_profile(path: str) -> int:
    """cProfile of check_many, top Goalsmith functions by own time (for finding hot spots)."""
    import cProfile
    import pstats

    from assistant import check_many, pipeline_info

    texts = _read_texts(path)
    pipeline_info()  # loads the pipeline outside the profile
    profiler = cProfile.Profile()
    profiler.enable()
    count = sum(1 for _ in check_many(texts, reference_date=REFERENCE_DATE))
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime")
    stats.print_stats(str(ROOT / "assistant"), 25)
    stats.sort_stats("cumulative").print_stats(str(ROOT / "assistant"), 25)
    return count


def pathological_inputs() -> dict[str, Callable[[], object]]:
    """Each case of bench/pathological.json (and two XLSX bombs from tests/workbooks.py) as
    a call: the normal goal first, the baseline of the ratios."""
    import assistant

    sys.path.insert(0, str(ROOT / "tests"))
    from workbooks import blank_rows, huge_cell_bomb

    table = json.loads(PATHOLOGICAL.read_text(encoding="utf-8"))
    calls: dict[str, Callable[[], object]] = {
        "normal goal": lambda: assistant.analyze(table["normal"])}
    for case in table["cases"]:
        text = (case["unit"] * (case["chars"] // len(case["unit"]) + 1))[:case["chars"]]
        calls[case["id"]] = lambda text=text: _answer(assistant.analyze, text)
    for name, book in (("xlsx: 200 MB cell bomb", lambda: huge_cell_bomb(200 * 2**20)),
                       ("xlsx: 1,000,000 blank rows", lambda: blank_rows(1_000_000))):
        calls[name] = book  # built before the clock starts (see worker_pathological)
    return calls


def _report(data: bytes) -> object:
    import assistant

    return _answer(assistant.build_team_report, data, filename="bomb.xlsx",
                   max_rows=assistant.MAX_UPLOAD_ROWS)


def _answer(call: Callable[..., object], *args: object, **kwargs: object) -> object:
    from assistant import GoalsmithError

    try:
        return call(*args, **kwargs)
    except GoalsmithError as exc:
        return exc.code


def worker_pathological(name: str) -> int:
    """One pathological input after a warm-up: prints its seconds and peak-RSS growth."""
    import resource

    calls = pathological_inputs()
    calls["normal goal"]()
    book = calls[name]() if name.startswith("xlsx") else None
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    outcome = calls[name]() if book is None else _report(book)  # type: ignore[arg-type]
    seconds = time.perf_counter() - started
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    answer = outcome if isinstance(outcome, str) else "answered"
    print(json.dumps({"seconds": seconds, "grown_mb": grown, "answer": answer}))
    return 0


def pathological_runs() -> str:
    """The pathological section: each input in a process of its own (peak RSS is per
    process), its time as a multiple of the normal goal's."""
    names = list(pathological_inputs())
    rows = []
    for name in names:
        print(f"  pathological: {name} ...", file=sys.stderr, flush=True)
        done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker",
                               "pathological", name], cwd=ROOT, env=_environment(),
                              capture_output=True, text=True, check=True)
        rows.append((name, json.loads(done.stdout.strip().splitlines()[-1])))
    normal = rows[0][1]["seconds"]
    lines = ["| input | answer | seconds | vs normal goal | peak RSS growth MB |",
             "|---|---|---:|---:|---:|"]
    lines += [f"| {name} | {row['answer']} | {row['seconds']:.3f} | "
              f"{row['seconds'] / normal:,.0f}x | {row['grown_mb']:,.0f} |" for name, row in rows]
    return "\n".join(lines)


WORKERS: dict[str, Callable[[str], int]] = {
    "bare": worker_bare,
    "check_many": worker_check_many,
    "profile": worker_profile,
    "pathological": worker_pathological,
}


# ---- measuring whole processes ------------------------------------------------------------

@dataclass(frozen=True)
class Run:
    name: str
    goals: int
    seconds: float
    cpu_seconds: float
    peak_mb: float

    @property
    def rate(self) -> float:
        return self.goals / self.seconds


def measure(name: str, goals: int, command: Sequence[str]) -> Run:
    """Wall time, CPU time and peak RSS of one command (worker processes included: the
    kernel adds reaped children to their parent's usage; peak RSS is the largest process)."""
    print(f"  running: {name} ...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, env=_environment())
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{name} failed with exit code {process.returncode}: {command}")
    return Run(name, goals, seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def _environment() -> dict[str, str]:
    """Every run names the same English model explicitly (the one Goalsmith is set to use)."""
    from assistant.settings import get_settings

    return {**os.environ, MODEL_VARIABLE: get_settings().spacy_model}


def pipeline_runs(
    jsonl: Path, table: Path, goals: int, folder: Path, repeat: int = 1
) -> list[Run]:
    """Each command `repeat` times, round robin, keeping its fastest run (the one least
    disturbed by whatever else the machine was doing)."""
    me = [sys.executable, str(Path(__file__).resolve()), "--worker"]
    bulk = [GOALSMITH, "bulk", str(table), "--reference-date", REFERENCE_DATE,
            "-o", str(folder / "report.csv")]
    commands = {
        "bare spaCy pipeline (nlp.pipe)": [*me, "bare", str(jsonl)],
        "assistant.check_many": [*me, "check_many", str(jsonl)],
        "goalsmith check --jsonl":
            [GOALSMITH, "check", "--jsonl", str(jsonl), "--reference-date", REFERENCE_DATE],
        "goalsmith bulk, 1 process": [*bulk, "--processes", "1"],
        "goalsmith bulk, 2 processes": [*bulk, "--processes", "2"],
    }
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            runs[name].append(measure(name, goals, command))
    return [min(tries, key=lambda run: run.seconds) for tries in runs.values()]


# ---- Dask: the same bulk run on a cluster of 1 and 2 workers ------------------------------

@contextmanager
def dask_cluster(workers: int, folder: Path) -> Iterator[str]:
    """A scheduler and `workers` single-threaded workers started with the `dask` commands of
    this environment, as an operator would; yields the scheduler's address."""
    from distributed import Client

    from assistant.cluster import PipelinePlugin

    dask = str(Path(sys.executable).with_name("dask"))
    scheduler_file = folder / f"scheduler-{workers}.json"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": _environment()}
    processes = [subprocess.Popen([dask, "scheduler", "--port", "0", "--no-dashboard",
                                   "--scheduler-file", str(scheduler_file)], **quiet)]
    try:
        while not scheduler_file.exists():
            time.sleep(0.2)
        processes += [subprocess.Popen([dask, "worker", "--scheduler-file", str(scheduler_file),
                                        "--nthreads", "1", "--no-dashboard"], **quiet)
                      for _ in range(workers)]
        with Client(scheduler_file=str(scheduler_file), timeout=60) as client:
            client.wait_for_workers(workers, timeout=SERVER_START_TIMEOUT_S)
            # A cluster's workers are long-lived: they have loaded the pipeline before a run.
            client.register_plugin(PipelinePlugin())
            yield str(client.scheduler.address)
    finally:
        for process in reversed(processes):
            process.terminate()
            process.wait(timeout=60)


def cluster_runs(table: Path, goals: int, folder: Path) -> list[Run]:
    """Local bulk with 1 and 2 processes beside `bulk --scheduler` on 1 and 2 Dask workers,
    the same file each time (the workers are started, with the pipeline loaded, before the
    clock, as a long-lived cluster's are; local runs load theirs on the clock)."""
    bulk = [GOALSMITH, "bulk", str(table), "--reference-date", REFERENCE_DATE,
            "-o", str(folder / "cluster-report.csv")]
    runs = [measure(f"local bulk, {n} process{'es' if n > 1 else ''}", goals,
                    [*bulk, "--processes", str(n)]) for n in (1, 2)]
    for workers in (1, 2):
        with dask_cluster(workers, folder) as address:
            name = f"Dask bulk --scheduler, {workers} worker{'s' if workers > 1 else ''}"
            runs.append(measure(name, goals, [*bulk, "--scheduler", address]))
    return runs


def cluster_table(runs: Sequence[Run]) -> str:
    one_worker = next(run for run in runs if run.name.endswith("1 worker"))
    lines = ["| run (cluster section) | goals | wall s | goals/s | vs 1 Dask worker |",
             "|---|---:|---:|---:|---:|"]
    lines += [f"| {run.name} | {run.goals:,} | {run.seconds:.1f} | {run.rate:,.0f} | "
              f"{run.rate / one_worker.rate:.2f}x |" for run in runs]
    return "\n".join(lines)


# ---- the API under concurrent clients -----------------------------------------------------

@dataclass(frozen=True)
class ApiResult:
    clients: int
    requests: int
    p50_ms: float
    p99_ms: float
    rate: float
    server_mb: float
    errors: int


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _peak_rss_mb(pid: int) -> float:
    """The kernel's high-water mark of the process's resident memory (VmHWM)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _wait_healthy(url: str, server: subprocess.Popen[bytes]) -> None:
    import httpx

    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the API server exited with code {server.returncode}")
        try:
            if httpx.get(url + HEALTH, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    raise RuntimeError("the API server did not become healthy")


def api_run(goals: Sequence[str], clients: int, per_client: int, log: Path) -> ApiResult:
    import httpx

    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "uvicorn", "api.app:app", "--host", "127.0.0.1",
               "--port", str(port), "--no-access-log"]
    print(f"  running: API, {clients} clients ...", file=sys.stderr, flush=True)
    with log.open("wb") as out:
        server = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_healthy(url, server)

        def client(offset: int) -> list[tuple[float, int]]:
            timings = []
            with httpx.Client(base_url=url, timeout=60) as http:
                for index in range(per_client):
                    text = goals[(offset * per_client + index) % len(goals)]
                    started = time.perf_counter()
                    answer = http.post(CHECK, json={"text": text, "reference_date": REFERENCE_DATE})
                    timings.append((time.perf_counter() - started, answer.status_code))
            return timings

        started = time.perf_counter()
        with ThreadPoolExecutor(clients) as pool:
            results = [item for batch in pool.map(client, range(clients)) for item in batch]
        elapsed = time.perf_counter() - started
        server_mb = _peak_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    latencies = sorted(seconds * 1000 for seconds, _ in results)
    cuts = statistics.quantiles(latencies, n=100)
    return ApiResult(clients, len(results), cuts[49], cuts[98], len(results) / elapsed,
                     server_mb, sum(1 for _, code in results if code != 200))


# ---- report -------------------------------------------------------------------------------

def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next((int(line.split()[1]) // 1024
                   for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0)
    import spacy

    return (f"{cpu}, {os.cpu_count()} cores, {memory:,} MB RAM; {platform.system()} "
            f"{platform.release()}; Python {platform.python_version()}, spaCy {spacy.__version__}")


def table(runs: Sequence[Run], large: Run | None, api: ApiResult | None) -> str:
    bare = runs[0]
    lines = [
        "| run | goals | wall s | goals/s | wall vs bare | CPU s | CPU vs bare | peak RSS MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in [*runs, *([large] if large else [])]:
        scale = bare.goals / run.goals
        lines.append(f"| {run.name} | {run.goals:,} | {run.seconds:.1f} | {run.rate:,.0f} | "
                     f"{run.seconds / bare.seconds * scale:.2f}x | {run.cpu_seconds:.1f} | "
                     f"{run.cpu_seconds / bare.cpu_seconds * scale:.2f}x | "
                     f"{run.peak_mb:,.0f} |")
    if api:
        many = next(run for run in runs if run.name == "assistant.check_many")
        lines += [
            "",
            "| API (`POST /api/v1/check`, keep-alive clients) | requests | p50 ms | p99 ms | "
            "goals/s | vs check_many | server peak RSS MB | errors |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
            f"| {api.clients} concurrent clients | {api.requests:,} | {api.p50_ms:.0f} | "
            f"{api.p99_ms:.0f} | {api.rate:.1f} | {api.rate / many.rate:.2f}x | "
            f"{api.server_mb:,.0f} | {api.errors} |",
        ]
    return "\n".join(lines)


def verdicts(runs: Sequence[Run], api: ApiResult | None) -> list[str]:
    bare = runs[0]
    single = [run for run in runs[1:] if "2 processes" not in run.name]
    slow_wall = max(run.seconds for run in single) / bare.seconds
    slow_cpu = max(run.cpu_seconds for run in single) / bare.cpu_seconds
    pooled = next(run for run in runs if run.name == "goalsmith bulk, 2 processes")
    lines = [
        f"- Goalsmith in one process, slowest vs bare: {slow_wall:.2f}x wall, {slow_cpu:.2f}x "
        f"CPU (budget {MAX_SLOWDOWN}x): {'OK' if slow_wall <= MAX_SLOWDOWN else 'OVER'}",
        f"- bulk with 2 processes vs bare on one: {pooled.seconds / bare.seconds:.2f}x wall "
        f"({'faster' if pooled.seconds < bare.seconds else 'NOT faster'})",
    ]
    if api:
        verdict = "OK" if api.server_mb < MAX_SERVER_MB else "OVER"
        lines.append(f"- API server peak memory {api.server_mb:,.0f} MB "
                     f"(budget {MAX_SERVER_MB:.0f} MB): {verdict}")
        many = next(run for run in runs if run.name == "assistant.check_many")
        ratio = api.rate / many.rate
        within = ratio >= MIN_API_RATIO and api.p99_ms <= MAX_API_P99_MS
        lines.append(f"- API throughput {ratio:.2f}x check_many (bar {MIN_API_RATIO}x), p99 "
                     f"{api.p99_ms:.0f} ms (bar {MAX_API_P99_MS:.0f} ms): "
                     f"{'OK' if within else 'OVER'}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--goals", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--large", type=int, default=200_000,
                        help="rows of the memory-flatness bulk run (0 to skip)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each command; the fastest is kept")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests-per-client", type=int, default=25)
    parser.add_argument("--skip-api", action="store_true")
    parser.add_argument("--skip-pathological", action="store_true")
    parser.add_argument("--cluster-goals", type=int, default=20_000,
                        help="goals of the local-vs-Dask section (0 to skip)")
    parser.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    parser.add_argument("input", nargs="?", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        WORKERS[args.worker](args.input)
        return 0
    goals = generate_goals(args.goals, args.seed)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="goalsmith-bench-") as tmp:
        folder = Path(tmp)
        jsonl, csv_file = write_inputs(goals, folder, "goals")
        runs = pipeline_runs(jsonl, csv_file, len(goals), folder, args.repeat)
        large = None
        if args.large:
            _, big = write_inputs(generate_goals(args.large, args.seed + 1), folder, "large")
            large = measure(f"goalsmith bulk, 2 processes ({args.large:,}-row file)", args.large,
                            [GOALSMITH, "bulk", str(big), "--processes", "2", "-o",
                             str(folder / "large-report.csv"), "--reference-date", REFERENCE_DATE])
        api = None if args.skip_api else api_run(
            goals, args.clients, args.requests_per_client, folder / "server.log")
        pathological = "" if args.skip_pathological else pathological_runs()
        cluster = []
        if args.cluster_goals:
            _, sheet = write_inputs(generate_goals(args.cluster_goals, args.seed + 2), folder,
                                    "cluster")
            cluster = cluster_runs(sheet, args.cluster_goals, folder)
    report = "\n".join([
        f"# Goalsmith benchmark ({dt.date.today().isoformat()})",
        "",
        f"Machine: {machine()}; 1-minute load average {load_before:.1f} before the runs, "
        f"{os.getloadavg()[0]:.1f} after (wall times are only comparable on an idle machine; "
        "CPU times hold up better under load).",
        f"Synthetic goals from bench/goal_parts.json (seed {args.seed}); every row is a "
        "separate process, timed from start to exit (model loading included).",
        "",
        table(runs, large, api),
        "",
        *verdicts(runs, api),
        "",
        *([cluster_table(cluster), ""] if cluster else []),
        *(["Pathological inputs within the limits (bench/pathological.json), each after a "
           "warm-up in a process of its own:", "", pathological, ""] if pathological else []),
    ])
    print(report)
    RESULTS.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
