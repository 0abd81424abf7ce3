"""The quantity lexicons (data files beside this module), read once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

from ..lexicon import alternation, load_data
from ..result import Direction

DATA = resources.files("assistant.quantities") / "data"
# Later directions win where a word is listed twice.
DIRECTIONS: tuple[Direction, ...] = ("reach", "maintain", "decrease", "increase")


def _data(name: str) -> dict[str, Any]:
    return dict(load_data(__package__, name))





@dataclass(frozen=True)
class Units:
    """Currency marks, magnitudes and unit words (units.json)."""

    currency_symbols: dict[str, str]
    currency_codes: tuple[str, ...]
    currency_words: dict[str, str]
    country_dollar: str
    magnitudes_attached: dict[str, float]
    currency_magnitudes: dict[str, float]
    currency_magnitude_marks: tuple[str, ...]
    magnitudes_spaced: dict[str, float]
    magnitudes_after_words: dict[str, float]
    magnitude_words: dict[str, float]
    unit_words: dict[str, tuple[str, ...]]
    time_units: tuple[str, ...]
    time_units_attached: tuple[str, ...]
    time_unit_qualifiers: tuple[str, ...]
    measure_units: tuple[str, ...]
    measure_words: tuple[str, ...]
    ratio_words: frozenset[str]

    def unit_of(self, word: str) -> str | None:
        """The unit family ('percent', 'basis_points', ...) a unit word belongs to."""
        return self._families.get(" ".join(word.split()).lower())

    @cached_property
    def _families(self) -> dict[str, str]:
        """Each lower-cased unit word's family; the first family listing it wins."""
        families: dict[str, str] = {}
        for family, words in self.unit_words.items():
            for word in words:
                families.setdefault(word.lower(), family)
        return families

    @property
    def prefix_marks(self) -> str:
        """A regex of the currency marks written before an amount: the symbols ('R$', '€')
        and a country's dollar ('NZ$')."""
        return f"{alternation(self.currency_symbols, spaced=False)}|{self.country_dollar}"

    def currency_of(self, mark: str) -> str | None:
        """The ISO code a currency mark names: a listed symbol or code, or a country's
        dollar ('NZ$' -> 'NZD'); None for letters no listed code starts with.

        >>> units().currency_of("HK$"), units().currency_of("€"), units().currency_of("QQ$")
        ('HKD', 'EUR', None)
        """
        if mark in self.currency_symbols:
            return self.currency_symbols[mark]
        if mark in self.currency_codes:
            return mark
        country = mark.removesuffix("$")
        return next((code for code in self.currency_codes if code.startswith(country)), None)


@dataclass(frozen=True)
class NumberWords:
    """English number words (number_words.json)."""

    units: dict[str, int]
    tens: dict[str, int]
    groups: dict[str, int]
    scales: dict[str, int]
    fractions: dict[str, float]
    never_alone: tuple[str, ...]
    decimal_point: str

    @property
    def digit_words(self) -> tuple[str, ...]:
        """The words of one digit, as read after the decimal point ("point two five")."""
        return tuple(word for word, value in self.units.items() if value < 10)

    @property
    def all_words(self) -> tuple[str, ...]:
        return (*self.units, *self.tens, *self.groups, *self.scales)


@dataclass(frozen=True)
class Phrases:
    """Lead and tail words that belong to a target span (phrases.json)."""

    leads: dict[str, dict[str, str]]
    span_leads: tuple[str, ...]
    glued_leads: tuple[str, ...]
    tails: dict[str, str]
    range_from: tuple[str, ...]
    range_to: tuple[str, ...]
    range_hedges: tuple[str, ...]
    range_between: tuple[str, ...]
    range_and: tuple[str, ...]
    arrows: tuple[str, ...]
    word_ends: dict[str, tuple[float, str]]
    factor: dict[str, float]
    multiplier_verbs: dict[str, float]
    cadence_counts: dict[str, float]
    baseline_before: tuple[str, ...]
    baseline_after: tuple[str, ...]
    multiplier_verb_blockers: tuple[str, ...]


@dataclass(frozen=True)
class Verbs:
    """Direction lexicons (verbs.toml): verb -> direction, change word -> direction."""

    verbs: dict[str, Direction]
    change_words: dict[str, Direction]
    maintain_with_bound: frozenset[str]
    improve_verbs: frozenset[str]
    lower_is_better: frozenset[str]


@dataclass(frozen=True)
class Scoring:
    """Feature weights and word lists for choosing the target (scoring.toml)."""

    threshold: float
    base: float
    first_goal_margin: float
    weights: dict[str, float]
    scope: frozenset[str]
    rank_leads: frozenset[str]
    milestone_words: frozenset[str]
    goal_cues: frozenset[str]
    label_words: frozenset[str]
    heading_words: frozenset[str]
    place_words: frozenset[str]
    age_words: frozenset[str]
    baseline_cues: frozenset[str]
    state_words: frozenset[str]
    baseline_labels: frozenset[str]
    stative_verbs: frozenset[str]
    dative_verbs: frozenset[str]
    duration_preps: frozenset[str]
    schedule_preps: frozenset[str]
    done_by_preps: frozenset[str]
    level_preps: frozenset[str]
    scale_leads: tuple[str, ...]
    scale_words: frozenset[str]
    stretch_words: frozenset[str]
    qualifier_words: frozenset[str]
    each_words: frozenset[str]
    rating_words: frozenset[str]
    team_words: frozenset[str]
    stock_nouns: frozenset[str]
    side_words: frozenset[str]
    side_article_words: frozenset[str]
    side_articles: frozenset[str]
    deal_nouns: frozenset[str]
    closing_verbs: frozenset[str]


@lru_cache(maxsize=1)
def units() -> Units:
    raw = _data("units.json")
    return Units(
        currency_symbols=raw["currency_symbols"],
        currency_codes=tuple(raw["currency_codes"]),
        currency_words=raw["currency_words"],
        country_dollar=raw["country_dollar"],
        magnitudes_attached={k: float(v) for k, v in raw["magnitudes_attached"].items()},
        currency_magnitudes={k: float(v) for k, v in raw["currency_magnitudes"].items()},
        currency_magnitude_marks=tuple(raw["currency_magnitude_marks"]),
        magnitudes_spaced={k: float(v) for k, v in raw["magnitudes_spaced"].items()},
        magnitudes_after_words={k: float(v) for k, v in raw["magnitudes_after_words"].items()},
        magnitude_words={k: float(v) for k, v in raw["magnitude_words"].items()},
        unit_words={k: tuple(v) for k, v in raw["unit_words"].items()},
        time_units=tuple(raw["time_units"]),
        time_units_attached=tuple(raw["time_units_attached"]),
        time_unit_qualifiers=tuple(raw["time_unit_qualifiers"]),
        measure_units=tuple(raw["measure_units"]),
        measure_words=tuple(raw["measure_words"]),
        ratio_words=frozenset(raw["ratio_words"]),
    )


@lru_cache(maxsize=1)
def number_words() -> NumberWords:
    raw = _data("number_words.json")
    return NumberWords(
        units=raw["units"],
        tens=raw["tens"],
        groups=raw["groups"],
        scales=raw["scales"],
        fractions={k: float(v) for k, v in raw["fractions"].items()},
        never_alone=tuple(raw["never_alone"]),
        decimal_point=raw["decimal_point"],
    )


def spent_time_unit(lemma: str) -> bool:
    """A unit of time that time is spent or counted in ('hours' of sleep, 'months' of
    runway), not a fraction word as well ('three quarters of my accounts')."""
    return lemma in units().time_units and lemma not in number_words().fractions


@lru_cache(maxsize=1)
def phrases() -> Phrases:
    raw = _data("phrases.json")
    return Phrases(
        leads=raw["leads"],
        span_leads=tuple(raw["span_leads"]),
        glued_leads=tuple(raw["glued_leads"]),
        tails=raw["tails"],
        range_from=tuple(raw["range_from"]),
        range_to=tuple(raw["range_to"]),
        range_hedges=tuple(raw["range_hedges"]),
        range_between=tuple(raw["range_between"]),
        range_and=tuple(raw["range_and"]),
        arrows=tuple(raw["arrows"]),
        word_ends={k: (float(v[0]), v[1]) for k, v in raw["word_ends"].items() if k != "_doc"},
        factor={k: float(v) for k, v in raw["factor"].items()},
        multiplier_verbs={k: float(v) for k, v in raw["multiplier_verbs"].items()},
        cadence_counts={k: float(v) for k, v in raw["cadence_counts"].items()},
        baseline_before=tuple(raw["baseline_before"]),
        baseline_after=tuple(raw["baseline_after"]),
        multiplier_verb_blockers=tuple(raw["multiplier_verb_blockers"]),
    )


@lru_cache(maxsize=1)
def verbs() -> Verbs:
    raw = _data("verbs.toml")
    lexicon: dict[str, Direction] = {
        word: direction for direction in DIRECTIONS for word in raw[direction]
    }
    by_direction = raw["change_words"]
    change: dict[str, Direction] = {
        word: direction for direction in DIRECTIONS for word in by_direction.get(direction, [])
    }
    return Verbs(verbs=lexicon, change_words=change,
                 maintain_with_bound=frozenset(raw["maintain_with_bound"]),
                 improve_verbs=frozenset(raw["improve_verbs"]),
                 lower_is_better=frozenset(raw["lower_is_better"]))


@lru_cache(maxsize=1)
def scoring() -> Scoring:
    raw = _data("scoring.toml")
    words = raw["words"]
    return Scoring(
        threshold=float(raw["threshold"]),
        base=float(raw["base"]),
        first_goal_margin=float(raw["first_goal_margin"]),
        weights={k: float(v) for k, v in raw["weights"].items()},
        scope=frozenset(words["scope"]),
        rank_leads=frozenset(words["rank_leads"]),
        milestone_words=frozenset(words["milestone_words"]),
        goal_cues=frozenset(words["goal_cues"]),
        label_words=frozenset(words["label_words"]),
        heading_words=frozenset(words["heading_words"]),
        place_words=frozenset(words["place_words"]),
        age_words=frozenset(words["age_words"]),
        baseline_cues=frozenset(words["baseline_cues"]),
        state_words=frozenset(words["state_words"]),
        baseline_labels=frozenset(words["baseline_labels"]),
        stative_verbs=frozenset(words["stative_verbs"]),
        dative_verbs=frozenset(words["dative_verbs"]),
        duration_preps=frozenset(words["duration_preps"]),
        schedule_preps=frozenset(words["schedule_preps"]),
        done_by_preps=frozenset(words["done_by_preps"]),
        level_preps=frozenset(words["level_preps"]),
        scale_leads=tuple(words["scale_leads"]),
        scale_words=frozenset(words["scale_words"]),
        stretch_words=frozenset(words["stretch_words"]),
        qualifier_words=frozenset(words["qualifier_words"]),
        each_words=frozenset(words["each_words"]),
        rating_words=frozenset(words["rating_words"]),
        team_words=frozenset(words["team_words"]),
        stock_nouns=frozenset(words["stock_nouns"]),
        side_words=frozenset(words["side_words"]),
        side_article_words=frozenset(words["side_article_words"]),
        side_articles=frozenset(words["side_articles"]),
        deal_nouns=frozenset(words["deal_nouns"]),
        closing_verbs=frozenset(words["closing_verbs"]),
    )
