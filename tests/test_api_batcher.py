"""The micro-batcher behind `POST /check`, in worker threads (the HTTP tests cover worker
processes): batched answers equal one-at-a-time answers, each request gets its own options,
and one failing goal never fails its neighbours."""

from __future__ import annotations

import asyncio

import pytest
from spacy.language import Language

from api.batcher import PipeBatcher
from api.runner import Analyser
from api.work import analyse_jobs
from assistant import analyze
from assistant.errors import InvalidOptionError
from assistant.options import make_options

GOALS = [
    ("Cut invoice disputes by a third by 30 June 2027", "2026-11-27", "DMY"),
    ("Launch the partner portal in 3 countries by 05/04/2027", "2026-11-27", "MDY"),
    ("Launch the partner portal in 3 countries by 05/04/2027", "2026-11-27", "DMY"),
    ("Hold churn under 2% every month of FY27", "2027-01-15", "MDY"),
    ("Make meetings better", "2026-11-27", "MDY"),
]


def _expected(text: str, reference: str, order: str) -> dict:
    return analyze(text, reference_date=reference, date_order=order).model_dump()


def test_batched_jobs_match_single_analyses(nlp: Language) -> None:
    jobs = [(text, make_options(reference_date=ref, date_order=order))
            for text, ref, order in GOALS]
    outcomes = analyse_jobs(jobs)
    assert [o.model_dump() for o in outcomes if not isinstance(o, Exception)] == [
        _expected(*goal) for goal in GOALS
    ]


def test_failing_job_keeps_its_neighbours(nlp: Language) -> None:
    good = make_options(reference_date="2026-11-27")
    bad = make_options(reference_date="2026-11-27", rules={"no.such.rule": "off"})
    texts = ["Ship the billing revamp by March 2027", "Grow the newsletter to 9,000 readers"]
    outcomes = analyse_jobs([(texts[0], good), (texts[1], bad), (texts[0], good)])
    assert isinstance(outcomes[1], InvalidOptionError)
    assert [getattr(o, "text", None) for o in (outcomes[0], outcomes[2])] == [texts[0]] * 2


@pytest.mark.parametrize("max_batch", [pytest.param(1, id="one-per-batch"),
                                       pytest.param(3, id="three-per-batch")])
def test_concurrent_requests_get_their_own_answers(nlp: Language, max_batch: int) -> None:
    async def run() -> list[dict]:
        batcher = PipeBatcher(Analyser(processes=0, threads=2), max_batch)
        calls = [batcher.analyze(text, make_options(reference_date=ref, date_order=order))
                 for text, ref, order in GOALS]
        return [analysis.model_dump() for analysis in await asyncio.gather(*calls)]

    assert asyncio.run(run()) == [_expected(*goal) for goal in GOALS]


def test_failure_reaches_only_its_request(nlp: Language) -> None:
    async def run() -> list[object]:
        batcher = PipeBatcher(Analyser(processes=0, threads=2), 4)
        good = make_options(reference_date="2026-11-27")
        bad = make_options(reference_date="2026-11-27", rules={"no.such.rule": "off"})
        calls = [batcher.analyze("Close 12 renewals by May 2027", options)
                 for options in (good, bad, good)]
        return await asyncio.gather(*calls, return_exceptions=True)

    first, failed, last = asyncio.run(run())
    assert isinstance(failed, InvalidOptionError)
    assert not isinstance(first, BaseException) and not isinstance(last, BaseException)
