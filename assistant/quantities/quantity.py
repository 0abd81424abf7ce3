"""`Quantity`: a located number expression, and `find_quantities` over a parsed goal."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..chat import CHAT_TO, is_chat_to
from ..lexicon import alternation
from ..parts import Part, disjoint
from ..result import Unit
from ..spans import doc_text, token_span
from .grammar import Atom, Phrase, hedge_before, scan
from .lexicon import phrases

# A bare integer in this range with no unit is a year ("2026"), never a quantity.
YEARS = range(1900, 2101)
PHRASE_SIZE = {"single": 1, "from_to": 2, "between": 2, "by_to": 2, "range": 2}
# "+25%" and "−5%" are changes; "~10%" is only approximate.
SIGNED_CHANGE = ("+", "−")
# "±5%", "+/- 3%": a tolerance around a level.
TOLERANCE = "±"
# The lead words of a cadence ("a week", "per month", "/wk", "every Monday").
CADENCE_LEAD = re.compile(r"(?i:\b(?:a|an|per|every|each)\b|/)")
# A count word right before a cadence ("once a week", "twice weekly").
CADENCE_COUNT = re.compile(r"(?i:\b(?P<word>[a-z]+)\s*)\Z")
LOOKBACK = 12
SPACES = re.compile(r"\s*")
# Kinds whose two numbers share one unit ("from 94 to 75 days", "3-4x"); in "by 10 points
# to 50" each number keeps its own.
SHARED_UNIT = ("from_to", "between", "range")


@dataclass(frozen=True)
class Quantity:
    """A number expression: its value and unit, and the words that frame it.

    `amount` is the level or change asked for (the second number of "from 18% to 25%", the
    lower end of "between 6 and 8" whose `upper` is 8). `bound` says how the words frame it:
    "level" (to/at), "min" (at least, above, or more, 60+), "max" (under, below),
    "change" (by, up, +25%, double), "range" (between) or None (a bare number).
    `number_start`/`number_end` locate the last number itself, for the parse.
    Time units ("30 minutes") have unit "other" with `unit_text` saying which.
    """

    amount: float
    unit: Unit
    currency: str | None = None
    upper: float | None = None
    baseline: float | None = None
    lead: str | None = None
    bound: str | None = None
    sign: str | None = None
    unit_text: str | None = None
    spelled: bool = False
    kind: str = "single"
    number_start: int = 0
    number_end: int = 0


def _bound(phrase: Phrase, atom: Atom) -> str | None:
    lex = phrases()
    if phrase.kind in ("between", "range"):
        return "range"
    if phrase.kind in ("from_to", "by_to"):
        return "level"
    if phrase.tail:
        return lex.tails[phrase.tail]
    if phrase.lead == "by" and is_clock(atom.unit_text):
        return "max"  # "by 9:30": at the latest
    if phrase.lead:
        return lex.leads[phrase.lead]["bound"]
    if atom.sign in SIGNED_CHANGE:
        return "change"
    if atom.sign == TOLERANCE:
        return "max"
    return "min" if atom.plus else None


def _is_year(atom: Atom, text: str) -> bool:
    digits = text[atom.start : atom.end]
    return atom.bare and not atom.spelled and len(digits) == 4 and digits.isdigit() and (
        int(digits) in YEARS)


def _shared_unit(atoms: tuple[Atom, ...]) -> tuple[Unit, str | None, str | None]:
    """Unit, currency and unit text of a pair: one marked number marks both ("from 94 to 75
    days")."""
    marked = [a for a in atoms if a.unit != "count"]
    source = marked[-1] if marked else atoms[-1]
    return source.unit, source.currency, source.unit_text  # type: ignore[return-value]


def _first_amount(atoms: tuple[Atom, ...]) -> float:
    """The first number of a pair, with the second's magnitude when only the second has one
    and the pair still rises or falls sensibly ("€40-50k" -> 40,000; "from 800 to 1.2k" keeps
    800)."""
    first, last = atoms[0], atoms[-1]
    if first.magnitude == 1 and last.magnitude > 1 and first.amount * last.magnitude <= last.amount:
        return first.amount * last.magnitude
    return first.amount


def _from_phrase(phrase: Phrase, text: str) -> Quantity | None:
    atoms = phrase.atoms
    if phrase.kind == "factor":
        return Quantity(
            amount=phrases().factor[phrase.lead or ""], unit="multiplier", lead=phrase.lead,
            bound="change", kind="factor", number_start=phrase.start, number_end=phrase.end,
        )
    if len(atoms) != PHRASE_SIZE[phrase.kind] or any(_is_year(a, text) for a in atoms):
        return None
    last = atoms[-1]
    shared = phrase.kind in SHARED_UNIT
    unit, currency, unit_text = _shared_unit(atoms if shared else atoms[-1:])
    first = _first_amount(atoms) if shared else atoms[0].amount
    ranged = phrase.kind in ("between", "range")
    if ranged and first >= last.amount:
        return None
    return Quantity(
        amount=first if ranged else last.amount,
        unit=unit,
        currency=currency,
        upper=last.amount if ranged else None,
        baseline=first if phrase.kind == "from_to" else None,
        lead=phrase.lead,
        bound=_bound(phrase, last),
        sign=last.sign,
        unit_text=unit_text,
        spelled=last.spelled,
        kind=phrase.kind,
        number_start=last.start,
        number_end=last.end,
    )


def _multiplier_verb(token: Token, hedged: bool) -> Quantity | None:
    """"Double the number of demos", "nearly double demos": the verb itself is the target
    (2x), read as a verb where the parse reads it otherwise after a hedge."""
    lex = phrases()
    factor = lex.multiplier_verbs.get(token.lower_) or lex.multiplier_verbs.get(token.lemma_)
    if factor is None:
        return None
    following = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    if following in lex.multiplier_verb_blockers or token.whitespace_ == "":
        return None
    if not (hedged or token.pos_ == "VERB" or token.dep_ == "ROOT" or token.is_sent_start):
        return None
    return Quantity(
        amount=factor, unit="multiplier", bound="change", kind="verb",
        number_start=token.idx, number_end=token.idx + len(token),
    )


def _verb_hedge(text: str, token: Token) -> int | None:
    """Where the hedge before a multiplier verb starts ("roughly double", "more than
    triple"); a preposition is none ("care about double bookings")."""
    hedge = hedge_before(text, token.idx)
    if hedge is None or token.i == 0 or (
            " " not in hedge.words and token.nbor(-1).pos_ != "ADV"):
        return None
    return hedge.start


@lru_cache(maxsize=1)
def _multiplier_stems() -> re.Pattern[str]:
    """Stems of the multiplier verbs ("doubl", "halv"), to skip goals that have none."""
    stems = {verb[:-1] for verb in phrases().multiplier_verbs}
    return re.compile(rf"\b(?i:({alternation(stems, spaced=False)}))")


def _non_overlapping(parts: Iterable[Part[Quantity]]) -> list[Part[Quantity]]:
    """Longest phrases first ("from 18% to 25%" over "to 25%"); the result in text order."""
    return disjoint(sorted(parts, key=lambda p: (p.start - p.end, p.start)))


def time_parts(doc: Doc) -> list[Part]:
    """The time expressions the temporal component found (none before it runs)."""
    if Doc.has_extension("gs_times") and doc._.gs_times:
        return list(doc._.gs_times)
    return []


def _part(text: str, start: int, end: int, quantity: Quantity) -> Part[Quantity]:
    return Part(start=start, end=end, text=text[start:end], confidence=1.0, value=quantity)


def _multiplier_verbs(doc: Doc, text: str) -> Iterator[Part[Quantity]]:
    """The multiplier verbs of the goal, each with its hedge in the span."""
    stems = tuple(stem.lower() for stem in _multiplier_stems().findall(text))
    if not stems:
        return
    for token in doc:
        if not token.lower_.startswith(stems):
            continue
        hedge = _verb_hedge(text, token)
        quantity = _multiplier_verb(token, hedge is not None)
        if quantity is not None:
            yield _part(text, token.idx if hedge is None else hedge, token.idx + len(token),
                        quantity)


def _time_span(text: str, time: Part) -> Part:
    """Where numbers are times in a time expression: all of it, except the count that opens a
    cadence ("three times" of "three times a week"; a cadence word such as "seven days a
    week" counts nothing)."""
    counted = is_cadence(time) and getattr(time.value, "unit", None) is not None
    lead = CADENCE_LEAD.search(text, time.start, time.end) if counted else None
    start = lead.start() if lead is not None else time.start
    return Part(start, time.end, text[start : time.end], time.confidence, time.value)


def is_clock(unit_text: str | None) -> bool:
    """A clock reading ("9:30", "4:15"; "clock am"/"clock pm" when the text says which half
    of the day)."""
    return (unit_text or "").startswith("clock")


def is_cadence(time: Part) -> bool:
    """A repetition ("every week", "twice a month"), as the temporal component tagged it."""
    return getattr(time.value, "role", None) == "cadence"


def _cadence_counts(text: str, cadences: list[Part]) -> Iterator[Part[Quantity]]:
    """"once a week", "twice monthly": the count word before a cadence."""
    words = phrases().cadence_counts
    for cadence in cadences:
        match = CADENCE_COUNT.search(text, max(0, cadence.start - LOOKBACK), cadence.start)
        if match is not None and match["word"].lower() in words:
            quantity = Quantity(amount=words[match["word"].lower()], unit="count",
                                unit_text="times", number_start=match.start("word"),
                                number_end=match.end("word"))
            yield _part(text, match.start("word"), match.end("word"), quantity)


def _as_count(part: Part[Quantity], text: str, cadence_starts: set[int]) -> Part[Quantity]:
    """A multiplier right before a cadence counts repetitions: "2x a week", "3x/week"."""
    quantity = part.value
    if quantity is None or quantity.unit != "multiplier" or quantity.kind not in (
            "single", "factor"):
        return part
    if SPACES.match(text, part.end).end() not in cadence_starts:  # type: ignore[union-attr]
        return part
    count = replace(quantity, unit="count", bound=None, lead=None, kind="single",
                    unit_text="times")
    return replace(part, value=count)


def find_quantities(doc: Doc) -> list[Part[Quantity]]:
    """Every number expression in the goal, in text order, except those that are times:
    a number inside a time expression ("by March 31", "within 90 days") is never a quantity;
    the count before a cadence is ("twice a week", "3x/week")."""
    text = doc_text(doc)
    times = [_time_span(text, t) for t in time_parts(doc)]
    cadences = [t for t in times if is_cadence(t)]
    found: list[Part[Quantity]] = list(_cadence_counts(text, cadences))
    for phrase in scan(text):
        quantity = _from_phrase(phrase, text)
        if quantity is not None:
            found.append(_part(text, phrase.start, phrase.end, quantity))
    found.extend(_multiplier_verbs(doc, text))
    starts = {c.start for c in cadences}
    outside = (
        _as_count(p, text, starts) for p in found
        if p.value is not None and math.isfinite(p.value.amount)  # no 400-digit "numbers"
        and not any(t.overlaps(p.value.number_start, p.value.number_end)
                    and not _measured_year(t, p.value) for t in times)
        and not _spelt_to(doc, p.value) and not _in_address(doc, p.value)
    )
    return _non_overlapping(outside)


def _in_address(doc: Doc, quantity: Quantity) -> bool:
    """The number is part of a web or email address ('.../edit#gid=0'): it counts nothing."""
    span = token_span(doc, quantity.number_start, quantity.number_end)
    return span is not None and any(t.like_url or t.like_email for t in span)


def _spelt_to(doc: Doc, quantity: Quantity) -> bool:
    """A chat '2' that spells 'to' ('need 2 book 15 mtgs'), no number (see chat.py)."""
    if doc_text(doc)[quantity.number_start : quantity.number_end] != CHAT_TO:
        return False  # (read from the text first: most numbers are no '2')
    span = doc.char_span(quantity.number_start, quantity.number_end)
    return span is not None and len(span) == 1 and is_chat_to(span[0])


def _measured_year(time: Part, quantity: Quantity) -> bool:
    """A year-like number with a unit of its own ("2000 mg", "2048 MB", "1990 ms") is a
    quantity, not a year standing alone as a label."""
    value = time.value
    return (getattr(value, "kind", None) == "year" and getattr(value, "prep", None) is None
            and quantity.unit != "count")
