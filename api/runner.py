"""Run CPU-bound analysis off the event loop, on a bounded pool of worker threads."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

import anyio.to_thread
from fastapi import Request

R = TypeVar("R")


async def off_loop(request: Request, func: Callable[..., R], *args: Any, **kwargs: Any) -> R:
    """Call `func` in a worker thread; the app's limiter caps how many run at once, so a
    burst of requests queues instead of starving the event loop and health checks."""
    limiter = request.app.state.analysis_limiter
    return await anyio.to_thread.run_sync(partial(func, *args, **kwargs), limiter=limiter)
