"""The target scoring data and the direction lexicons are complete and consistent."""

from __future__ import annotations

import pytest

from assistant.quantities.lexicon import phrases, scoring, verbs
from assistant.quantities.target import FEATURES


def test_every_feature_has_a_weight_and_every_weight_a_feature() -> None:
    assert set(scoring().weights) == set(FEATURES)


@pytest.mark.parametrize("lead", phrases().span_leads)
def test_every_span_lead_has_a_bound(lead: str) -> None:
    assert phrases().leads[lead]["bound"] in ("min", "max", "level", "change")


VERB_DIRECTIONS = {
    "grow": "increase", "raise": "increase", "lift": "increase", "boost": "increase",
    "expand": "increase", "drive up": "increase", "reduce": "decrease", "cut": "decrease",
    "lower": "decrease", "shrink": "decrease", "bring down": "decrease", "keep": "maintain",
    "maintain": "maintain", "stay": "maintain", "reach": "reach", "hit": "reach",
    "achieve": "reach", "close": "reach", "book": "reach",
}


@pytest.mark.parametrize(("verb", "direction"), VERB_DIRECTIONS.items(), ids=VERB_DIRECTIONS)
def test_verb_lexicon_direction(verb: str, direction: str) -> None:
    assert verbs().verbs[verb] == direction
