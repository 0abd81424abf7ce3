"""Org-wide checks on a Dask cluster (the optional `goalsmith[dask]` extra).

The cluster runs the very function local bulk runs, `assistant.analyze_partition`, on
partitions of rows; each worker process loads the pipeline once (`PipelinePlugin`, then the
core's per-process cache) and sends back plain result rows. The client keeps results in input
order, so a report written from them is byte for byte the local one. The core never imports
this module.

For users who already hold a Dask collection, `analyze_bag` and `analyze_frame` return the
analysis columns beside their goal texts.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
from distributed import Client, Future, Worker, WorkerPlugin

from . import (
    ANALYSIS_COLUMNS,
    GoalsmithError,
    Options,
    Partition,
    PartitionRunner,
    analyze_partition,
    make_options,
    pipeline_info,
)
from .result import RowResult

# Partitions queued per worker thread; bounds the client's memory however long the file is.
IN_FLIGHT_PER_THREAD = 2
CONNECT_TIMEOUT_SECONDS = 10


class SchedulerError(GoalsmithError):
    """The Dask scheduler cannot be reached, or the cluster has no workers."""

    code = "scheduler_unreachable"


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline when a worker starts (and when a replacement starts), so that no
    task pays for it and each worker process holds one pipeline."""

    name = "goalsmith-pipeline"

    def setup(self, worker: Worker) -> None:
        pipeline_info()


def connect(address: str, timeout: float = CONNECT_TIMEOUT_SECONDS) -> Client:
    """A client of the scheduler at `address` (e.g. tcp://host:8786) whose workers have
    loaded the pipeline; raises `SchedulerError` rather than waiting on a dead address."""
    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise SchedulerError(
            f"cannot reach the Dask scheduler at {address} ({type(exc).__name__}); "
            "is `dask scheduler` running there?", details={"address": address},
        ) from None
    client.register_plugin(PipelinePlugin())
    return client


def dask_runner(client: Client) -> PartitionRunner:
    """A partition runner over the cluster: results in input order, a bounded number of
    partitions in flight. Dask recomputes the tasks of a worker that dies, and each result is
    taken once, so no row is lost or written twice."""

    def run(partitions: Iterable[Partition]) -> Iterator[list[RowResult]]:
        window = max(1, sum(client.nthreads().values())) * IN_FLIGHT_PER_THREAD
        pending: deque[Future] = deque()
        for partition in partitions:
            pending.append(client.submit(analyze_partition, partition, pure=False))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    return run


def analyze_bag(texts: db.Bag, options: Options | None = None) -> db.Bag:
    """A bag of goal texts -> a bag of analysis-column dicts (`ANALYSIS_COLUMNS`), in order."""
    return texts.map_partitions(_bag_partition, options or make_options())


def analyze_frame(
    frame: dd.DataFrame, column: str, options: Options | None = None
) -> dd.DataFrame:
    """The analysis columns of the goal texts in `frame[column]`, on the frame's index (join
    them back with `frame.join(...)`)."""
    meta = pd.DataFrame({name: pd.Series(dtype=object) for name in ANALYSIS_COLUMNS})
    return frame[column].map_partitions(_frame_partition, options or make_options(), meta=meta)


def _bag_partition(texts: Iterable[str], options: Options) -> list[RowResult]:
    return analyze_partition(Partition(tuple(texts), options))


def _frame_partition(texts: pd.Series, options: Options) -> pd.DataFrame:
    rows = analyze_partition(Partition(tuple(texts.fillna("").astype(str)), options))
    return pd.DataFrame(rows, index=texts.index, columns=list(ANALYSIS_COLUMNS), dtype=object)
