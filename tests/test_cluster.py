"""`goalsmith bulk --scheduler` and `assistant.cluster` on real Dask clusters: a LocalCluster
with worker processes, and a scheduler and workers started as the `dask` commands."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="goalsmith[dask] is not installed")

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
from distributed import Client, LocalCluster

from assistant import (
    ANALYSIS_COLUMNS,
    Partition,
    analyze_partition,
    make_options,
    open_table,
    report_rows,
)
from assistant.cli import main
from assistant.cluster import analyze_bag, analyze_frame, connect, dask_runner
from assistant.result import RowResult

REF = ["--reference-date", "2026-11-27"]
OPTIONS = make_options(reference_date="2026-11-27")
GOALS = [
    "Close $450k in new-logo bookings by March 31, 2027 to help the West region hit its Q1.",
    "Book 25 qualified meetings per month through Q2 2027.",
    "get better at demos",
    "",
    "Raise NRR from 104% to 110% by EOY",
    "=HYPERLINK(\"http://x\") grow pipeline 3x by H1",
    "Cut first response time on P1 tickets to under 2 hours within 90 days",
    "Hire 4 SDRs in EMEA by 15/02/2027 so that outbound covers DACH",
]
ROWS = 160


def _write_goals(path: Path, rows: int = ROWS) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Owner", "Goal"])
        for index in range(rows):
            goal = GOALS[index % len(GOALS)]
            writer.writerow([f"rep{index % 7}", f"{goal} #{index}" if goal else goal])
    return path


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as local:
        yield local


@pytest.fixture(scope="module")
def goals_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write_goals(tmp_path_factory.mktemp("goals") / "team.csv")


@pytest.fixture(scope="module")
def local_report(goals_file: Path, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    out = tmp_path_factory.mktemp("local") / "report.csv"
    assert main(["bulk", str(goals_file), "-o", str(out), *REF]) == 0
    return out.read_bytes()


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_cluster_report_is_the_local_report_byte_for_byte(
    cluster: LocalCluster, goals_file: Path, tmp_path: Path, fmt: str
) -> None:
    local, remote = tmp_path / f"local.{fmt}", tmp_path / f"remote.{fmt}"
    assert main(["bulk", str(goals_file), "-o", str(local), *REF]) == 0
    assert main(["bulk", str(goals_file), "-o", str(remote), "--scheduler",
                 cluster.scheduler_address, "--partition-rows", "23", *REF]) == 0
    assert remote.read_bytes() == local.read_bytes()


def test_scheduler_from_the_environment(
    cluster: LocalCluster, goals_file: Path, local_report: bytes, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("GOALSMITH_DASK_SCHEDULER", cluster.scheduler_address)
    out = tmp_path / "report.csv"
    assert main(["bulk", str(goals_file), "-o", str(out), *REF]) == 0
    assert out.read_bytes() == local_report


def test_a_killed_worker_loses_no_row_and_doubles_none(
    cluster: LocalCluster, goals_file: Path
) -> None:
    with connect(cluster.scheduler_address) as client:
        runner = dask_runner(client)

        def run_and_kill(partitions: Iterable[Partition]) -> Iterator[list[RowResult]]:
            results = runner(partitions)
            yield next(results)
            os.kill(next(iter(client.run(os.getpid).values())), signal.SIGKILL)
            yield from results

        with open_table(goals_file) as table:
            remote = list(report_rows(table, OPTIONS, runner=run_and_kill, partition_rows=10))
    with open_table(goals_file) as table:
        local = list(report_rows(table, OPTIONS))
    assert [row.row for row in remote] == list(range(2, ROWS + 2))
    assert remote == local


def test_unreachable_scheduler_fails_before_any_work(
    goals_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.csv"
    started = time.monotonic()
    code = main(["bulk", str(goals_file), "-o", str(out), "--scheduler", "tcp://127.0.0.1:9",
                 *REF])
    assert code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in capsys.readouterr().err
    assert not out.exists() and not Path(f"{out}.partial").exists()
    assert time.monotonic() - started < 60


def test_bag_of_goals_gets_the_analysis_columns(cluster: LocalCluster) -> None:
    texts = [goal or "x" for goal in GOALS] * 3
    with Client(cluster.scheduler_address, set_as_default=False) as client:
        rows = client.compute(analyze_bag(db.from_sequence(texts, npartitions=4), OPTIONS))
        assert rows.result() == analyze_partition(Partition(tuple(texts), OPTIONS))


def test_frame_of_goals_gets_the_analysis_columns(cluster: LocalCluster) -> None:
    frame = dd.from_pandas(pd.DataFrame({"goal": GOALS * 2, "owner": "ana"}), npartitions=3)
    with Client(cluster.scheduler_address, set_as_default=False) as client:
        columns = client.compute(analyze_frame(frame, "goal", OPTIONS)).result()
    assert list(columns.columns) == list(ANALYSIS_COLUMNS)
    expected = analyze_partition(Partition(tuple(GOALS * 2), OPTIONS))
    assert columns.to_dict("records") == expected


@pytest.mark.slow
def test_dask_commands_cluster_writes_the_local_rows(
    goals_file: Path, local_report: bytes, tmp_path: Path
) -> None:
    """A scheduler and two workers started as an operator would, from this environment."""
    dask = str(Path(sys.executable).parent / "dask")
    scheduler_file = tmp_path / "scheduler.json"
    processes = [subprocess.Popen(
        [dask, "scheduler", "--port", "0", "--no-dashboard",
         "--scheduler-file", str(scheduler_file)], stderr=subprocess.DEVNULL)]
    try:
        deadline = time.monotonic() + 60
        while not scheduler_file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        processes += [subprocess.Popen(
            [dask, "worker", "--scheduler-file", str(scheduler_file),
             "--nthreads", "1", "--no-dashboard"], stderr=subprocess.DEVNULL) for _ in range(2)]
        with Client(scheduler_file=str(scheduler_file), timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
            address = client.scheduler.address
        out = tmp_path / "report.csv"
        assert main(["bulk", str(goals_file), "-o", str(out), "--scheduler", address, *REF]) == 0
        assert out.read_bytes() == local_report
    finally:
        for process in reversed(processes):
            process.terminate()
            process.wait(timeout=60)
