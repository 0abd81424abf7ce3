"""Coalesce concurrent single-goal checks into one `nlp.pipe` call.

spaCy analyses a batch of short texts two to three times faster per text than one at a time.
While one batch is analysed (in a worker thread, off the event loop), new requests queue; the
next batch takes everything queued, up to `max_batch`. A request that arrives alone is
analysed at once: nothing waits on a timer. The pipeline never depends on per-request options,
so goals with different reference dates or rules share a batch and are resolved one by one.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

import anyio.to_thread
from spacy.tokens import Doc

from assistant.analysis import analyze_doc
from assistant.options import Options
from assistant.pipeline import get_nlp
from assistant.result import GoalAnalysis

Outcome = GoalAnalysis | Exception


@dataclass(eq=False)
class _Job:
    text: str
    options: Options
    future: asyncio.Future[GoalAnalysis]


def _resolve(doc: Doc, options: Options) -> Outcome:
    try:
        return analyze_doc(doc, options)
    except Exception as exc:  # handed to the one request it belongs to
        return exc


def _analyse_alone(text: str, options: Options) -> Outcome:
    try:
        return analyze_doc(get_nlp()(text), options)
    except Exception as exc:  # handed to the one request it belongs to
        return exc


def analyse_jobs(jobs: Sequence[tuple[str, Options]]) -> list[Outcome]:
    """Each (checked) text through one `nlp.pipe` call, resolved with its own options. A
    failure takes the place of its result, so one goal never fails its neighbours."""
    try:
        docs = list(get_nlp().pipe(text for text, _ in jobs))
    except Exception:  # find the one text at fault by analysing each alone
        return [_analyse_alone(text, options) for text, options in jobs]
    return [_resolve(doc, options) for doc, (_, options) in zip(docs, jobs, strict=True)]


def _settle(future: asyncio.Future[GoalAnalysis], outcome: Outcome) -> None:
    if future.done():  # the client went away
        return
    if isinstance(outcome, Exception):
        future.set_exception(outcome)
    else:
        future.set_result(outcome)


class PipeBatcher:
    """Queues single-goal analyses and runs them in batches, one batch at a time."""

    def __init__(self, max_batch: int) -> None:
        self.max_batch = max_batch
        self._jobs: deque[_Job] = deque()
        self._drain_task: asyncio.Task[None] | None = None

    async def analyze(self, text: str, options: Options) -> GoalAnalysis:
        """The analysis of `text` (already validated with `check_text`)."""
        job = _Job(text, options, asyncio.get_running_loop().create_future())
        self._jobs.append(job)
        if self._drain_task is None:
            self._drain_task = asyncio.create_task(self._drain())
        return await job.future

    def _next_batch(self) -> list[_Job]:
        count = min(self.max_batch, len(self._jobs))
        batch = [self._jobs.popleft() for _ in range(count)]
        return [job for job in batch if not job.future.done()]

    async def _drain(self) -> None:
        try:
            while self._jobs:
                batch = self._next_batch()
                if not batch:
                    continue
                work = [(job.text, job.options) for job in batch]
                try:
                    outcomes: list[Outcome] = await anyio.to_thread.run_sync(analyse_jobs, work)
                except Exception as exc:  # never leave a request waiting
                    outcomes = [exc] * len(batch)
                for job, outcome in zip(batch, outcomes, strict=True):
                    _settle(job.future, outcome)
        finally:
            self._drain_task = None
