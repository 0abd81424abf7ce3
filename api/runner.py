"""Run CPU-bound analysis off the event loop: in worker processes, each with its own pipeline,
so one server uses every core; or, with no processes configured, in a few worker threads."""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

import anyio
import anyio.to_thread

from .schemas import ModelInfo
from .work import warm_up

R = TypeVar("R")
logger = logging.getLogger("goalsmith.api")


class Analyser:
    """Where analyses run: `processes` worker processes, or `threads` worker threads when
    there are none. `slots` is how many batches of checks are worth running at once (threads
    share one interpreter, so more than one batch at a time would only contend)."""

    def __init__(self, *, processes: int, threads: int) -> None:
        self.processes = processes
        self.slots = processes or 1
        self._limiter = anyio.CapacityLimiter(threads)
        self._pool: ProcessPoolExecutor | None = None
        self.model: ModelInfo | None = None

    async def start(self) -> None:
        """Start the workers and load the pipeline in each before the first request."""
        if self.processes:
            self._pool = self._new_pool()
            infos = await asyncio.gather(*(self.run(warm_up) for _ in range(self.processes)))
        else:
            infos = [await self.run(warm_up)]
        self.model = infos[0]

    def _new_pool(self) -> ProcessPoolExecutor:
        # Spawned, not forked: the server's threads and event loop must not be copied.
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(self.processes, mp_context=context)

    async def run(self, func: Callable[..., R], *args: Any) -> R:
        """`func(*args)` in a worker. When a worker process dies (killed, out of memory), the
        workers are replaced and the call is tried once more."""
        if self._pool is None:
            return await anyio.to_thread.run_sync(func, *args, limiter=self._limiter)
        try:
            return await self._in_pool(func, *args)
        except BrokenProcessPool:
            return await self._in_pool(func, *args)

    async def _in_pool(self, func: Callable[..., R], *args: Any) -> R:
        pool = self._pool
        assert pool is not None
        try:
            return await asyncio.wrap_future(pool.submit(func, *args))
        except BrokenProcessPool:
            if self._pool is pool:  # the first call to notice replaces the workers
                logger.error("an analysis worker process died; starting new workers")
                pool.shutdown(wait=False, cancel_futures=True)
                self._pool = self._new_pool()
            raise

    def close(self) -> None:
        if self._pool is not None:
            # Wait for the workers to exit: a server that returns first leaves them orphaned.
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
