"""Run CPU-bound analysis off the event loop, within a time budget that really stops it.

Analyses run in worker processes ("lanes"), one call at a time each, every one with its own
pipeline. A call that outlives its budget is answered with `AnalysisTimeoutError` and its
worker process is killed and replaced, so the work stops. Heavy calls (batches, uploads)
may take every lane but one, which keeps single checks answered while a slow request runs.
With no processes configured, analyses run in threads of the server: the budget is still
answered but the work cannot be stopped (for tests and embedding, not for serving).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Literal, TypeVar

import anyio
import anyio.to_thread

from assistant import AnalysisTimeoutError

from .schemas import ModelInfo
from .work import warm_up

R = TypeVar("R")
# What a call is: one goal check, a batch (or document), or an uploaded file's report.
Work = Literal["check", "batch", "upload"]
logger = logging.getLogger("goalsmith.api")


class Lane:
    """One worker process (spawned, not forked: the server's threads and event loop must not
    be copied) that loads the pipeline as it starts."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self.pool = ProcessPoolExecutor(1, mp_context=context)
        self.ready: Future[ModelInfo] = self.pool.submit(warm_up)

    def submit(self, func: Callable[..., R], *args: Any) -> Future[R]:
        return self.pool.submit(func, *args)

    def kill(self) -> None:
        """Stop the worker now, whatever it is doing."""
        self.close(grace=0.0)

    def close(self, grace: float = 5.0) -> None:
        """Stop the worker: at once when idle, killed after `grace` seconds when busy; and
        wait for it to exit (a server that returns first leaves it orphaned)."""
        processes = list(getattr(self.pool, "_processes", {}).values())
        self.pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.join(timeout=grace)
            if process.is_alive():
                process.kill()
                process.join(timeout=5)


class Analyser:
    """Where analyses run: `processes` lanes, or `threads` worker threads when there are
    none. `slots` is how many calls are worth running at once; `budgets` are the seconds each
    kind of work may take (a check, a batch, an upload)."""

    def __init__(self, *, processes: int, threads: int,
                 budgets: dict[Work, float] | None = None) -> None:
        self.processes = processes
        self.slots = processes or 1
        self.budgets: dict[Work, float] = {"check": 10.0, "batch": 60.0, "upload": 600.0,
                                           **(budgets or {})}
        self._limiter = anyio.CapacityLimiter(threads)
        self._heavy = asyncio.Semaphore(max(1, processes - 1))
        self._free: asyncio.Queue[Lane] = asyncio.Queue()
        self._lanes: list[Lane] = []
        self.model: ModelInfo | None = None

    async def start(self) -> None:
        """Start the workers and load the pipeline in each before the first request."""
        if not self.processes:
            self.model = await self._in_thread(warm_up, budget=None)
            return
        self._lanes = [Lane() for _ in range(self.processes)]
        infos = await asyncio.gather(*(asyncio.wrap_future(lane.ready) for lane in self._lanes))
        for lane in self._lanes:
            self._free.put_nowait(lane)
        self.model = infos[0]

    async def run(self, func: Callable[..., R], *args: Any, work: Work = "check") -> R:
        """`func(*args)` in a worker within the budget of its kind of `work`. When a worker
        process dies (killed, out of memory) it is replaced and the call is tried once more;
        past the budget it is killed and replaced, and the call fails."""
        budget = self.budgets[work]
        if not self.processes:
            return await self._in_thread(func, *args, budget=budget)
        if work == "check":
            return await self._in_lane(func, *args, budget=budget)
        async with self._heavy:
            return await self._in_lane(func, *args, budget=budget)

    async def _in_thread(self, func: Callable[..., R], *args: Any, budget: float | None) -> R:
        call = anyio.to_thread.run_sync(func, *args, limiter=self._limiter)
        try:
            return await asyncio.wait_for(call, budget)
        except TimeoutError:
            raise _timeout(budget) from None

    async def _in_lane(self, func: Callable[..., R], *args: Any, budget: float) -> R:
        try:
            return await self._once(func, *args, budget=budget)
        except BrokenProcessPool:
            return await self._once(func, *args, budget=budget)

    async def _once(self, func: Callable[..., R], *args: Any, budget: float) -> R:
        lane = await self._free.get()
        try:
            await asyncio.wrap_future(lane.ready)  # a replaced worker loads its pipeline first
            return await asyncio.wait_for(asyncio.wrap_future(lane.submit(func, *args)), budget)
        except TimeoutError:
            lane = self._replace(lane, "an analysis ran over its budget")
            raise _timeout(budget) from None
        except BrokenProcessPool:
            lane = self._replace(lane, "an analysis worker process died")
            raise
        finally:
            self._free.put_nowait(lane)

    def _replace(self, lane: Lane, why: str) -> Lane:
        logger.error("%s; starting a new worker", why)
        lane.kill()
        fresh = Lane()
        self._lanes = [fresh if known is lane else known for known in self._lanes]
        return fresh

    def close(self) -> None:
        for lane in self._lanes:
            lane.close()
        self._lanes = []


def _timeout(budget: float | None) -> AnalysisTimeoutError:
    return AnalysisTimeoutError(
        f"the analysis took longer than its budget of {budget:g} s and was stopped; "
        "send shorter or fewer goals", details={"budget_seconds": budget})
