"""The grammar of number expressions in goal text, as regular expressions built from the lexicons.

An *atom* is one number with its currency, magnitude and unit ("$1.2M", "15 percent", "a dozen",
"30 minutes"). A *phrase* is an atom with its lead and tail words ("to under 30 minutes",
"at 90% or higher") or a pair of atoms ("from 18% to 25%", "between 6 and 8").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import alternation
from .lexicon import number_words, phrases, scoring, units
from .numbers import parse_digits, parse_number_words

# "1,500.50" and "2.5"; continental "1.000" / "2,5" (see numbers.parse_digits); ".5"; Indian
# grouping "5,00,000"; thousands grouped by a space, a no-break or a narrow no-break space
# ("250 000 €", "SEK 85 000", "1 250,50"), never glued to a word, a joiner or a plus after it:
# "3 500-word reports", "12 1:1s" and "4 500+ employee logos" are two numbers.
SPACE_GROUPS = (
    r"(?<![\d.,/:])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d{1,2})?(?![\w/:+]|-[A-Za-z]|[.,]\d)"
)
DIGITS = (
    rf"{SPACE_GROUPS}|"
    r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![,\d])|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![.\d])"
    r"|\d+(?:\.\d+|,\d{1,2}(?!\d))?|\.\d+"
)
# An atom never starts right after a letter, digit or joiner ("Q3", "X5", "stage-2", "31.12",
# "#1") and never ends before one ("90-day", "31st", "12/18", "10:30", "2027-03-31").
ATOM_BEFORE = r"(?<![\w.,/:#\-])"
ATOM_AFTER = r"(?![A-Za-z0-9])(?![-.,:/]\d)(?!-[A-Za-z])"
# Inside a hyphenated range ("3-4x", "6–8") the joiner between the two numbers is allowed.
RANGE_FIRST_AFTER = r"(?![A-Za-z0-9])(?!-[A-Za-z])"
RELAXED_BEFORE = r"(?<![A-Za-z])"
RANGE_JOINER_WORDS = ("to", "-", "–")
# The word right before a number ('line' in 'on line 3 to 97%').
LAST_WORD = re.compile(r"([A-Za-z]+)\s*$")
# A heading word opening a line or a sentence, just before a number ("Goal 1 - ", "- OKR 2 –").
HEADING_WORD = re.compile(r"(?:^|[\n.;!?])[\s*•>-]*([A-Za-z]+)\s*#?\s*$")
# What follows a heading's number: a label's mark or an arrow, then a space ("Goal 1 - book ...",
# "KR 2: ", "Objective 2 => 80% of ...").
HEADING_MARK = re.compile(r"\s*(?:[-–—:)]|=>|->|→)\s")
# The largest index a numbered heading takes ("Goal 3 - ..."; "Goal 40 - 50 demos" is a range).
HEADING_INDEX = 20
# A number over a small denominator: a score ("4.8/5", "8/10") or a share ("1/3 of hires").
SLASH = r"/(?P<den>10|[1-9])(?![\d/])"
# A colon pair: a ratio ("4:1", "≥ 5:1") or a clock reading ("9:30 am", "4:15" of handle time).
COLON = r":(?P<right>\d{1,2})(?![\d:])(?:\s?(?P<ampm>(?i:[ap]\.?m\.?))(?![A-Za-z]))?"
# Signs: "+25%" and "−5%" change, "~40" and "≈2%" approximate (as does "-ish" after a
# number: "90ish", "110-ish"), "±5%" and "+/- 3%" bound a tolerance (all read as "±").
SIGN = r"(?P<sign>\+/[-−]\s?|\+-(?=\s?\d)\s?|±\s?|[+−~≈])?"
TOLERANCE_SIGNS = ("±", "+/-", "+/−", "+-")
SHARE_AFTER = re.compile(r"\s+of\b")
# A phone number: "+91 98450 12345", "+1 415 555 0132", "0800 123 4567", "(020) 7946 0958".
PHONE = re.compile(
    r"(?<![\w.,+])(?:\+\d{1,3}|\(\d{2,5}\)|0\d{2,4})(?:[ .\-]\(?\d{1,5}\)?){2,}(?![\w%])"
)
# A short bracket before an arrow: "24% (FY26) → 28%".
BRACKET = re.compile(r"^\([^()]{0,20}\)\s*")
# How far around a colon pair a ratio word may be ("the AE:SE ratio to 3:1").
RATIO_WINDOW = 25



@dataclass(frozen=True)
class Atom:
    """One number with its marks, as found in the text (offsets into the text)."""

    start: int
    end: int
    amount: float
    unit: str
    currency: str | None
    unit_text: str | None
    spelled: bool
    plus: bool
    sign: str | None
    bare: bool
    clean_start: bool = True
    clean_end: bool = True
    magnitude: float = 1.0


@dataclass(frozen=True)
class Phrase:
    """A number phrase: its span, lead and tail words, and its atoms in text order."""

    start: int
    end: int
    kind: str  # "single", "from_to", "between", "by_to", "range", "factor"
    lead: str | None
    tail: str | None
    atoms: tuple[Atom, ...]


def _number_words_pattern() -> str:
    lexicon = number_words()
    word = alternation(lexicon.all_words)
    scale = alternation((*lexicon.groups, *lexicon.scales))
    fractions = alternation(lexicon.fractions)
    digit = alternation(lexicon.digit_words)
    # spoken decimals and fractions close the run: "two point five", "one and a half"
    spoken = rf"\s+{lexicon.decimal_point}(?:\s+(?:{digit}))+|\s+and\s+an?\s+(?:{fractions})"
    return (
        rf"(?i:(?:(?:{fractions})\s+(?=an?\s+(?:{scale})))?(?:an?\s+(?={scale}))?"
        rf"(?:{word})(?:[\s-]+(?:and[\s-]+)?(?:{word}))*(?:{spoken})?)(?![\w-])"
    )


@lru_cache(maxsize=4)
def atom_pattern(before: str = ATOM_BEFORE, after: str = ATOM_AFTER) -> str:
    """The atom regex with named groups (cur, digits, words, mag, plus, unit, ish), between the
    given boundary checks."""
    lex = units()
    symbols = alternation(lex.currency_symbols, spaced=False)
    codes = alternation(lex.currency_codes, spaced=False)
    attached = alternation(lex.magnitudes_attached, spaced=False)
    spaced_mag = alternation(lex.magnitudes_spaced, spaced=False)
    mag_words = alternation(lex.magnitude_words)
    after_words = alternation(lex.magnitudes_after_words, spaced=False)
    unit_words = alternation(
        w for family, ws in lex.unit_words.items() if family not in ("multiplier", "figures")
        for w in ws
    )
    multiplier = alternation(lex.unit_words["multiplier"], spaced=False)
    figures = alternation(lex.unit_words["figures"])
    cur_words = alternation(lex.currency_words)
    qualifiers = alternation(lex.time_unit_qualifiers)
    time_units = alternation(lex.time_units)
    attached_time = alternation(lex.time_units_attached, spaced=False)
    measures = alternation(lex.measure_units, spaced=False)
    measure_words = alternation(lex.measure_words)
    cur_mags = alternation(lex.currency_magnitudes, spaced=False)
    scaled = alternation((*lex.currency_codes, *lex.currency_magnitude_marks), spaced=False)
    return (
        rf"{before}{SIGN}(?P<cur>(?:{lex.prefix_marks})\s?|(?P<premag>{cur_mags})?(?:{codes})\s?)?"
        rf"(?:(?P<digits>{DIGITS})(?:{SLASH}|{COLON})?|(?P<words>{_number_words_pattern()}))"
        rf"(?P<mag>\s?(?P<curmag>{cur_mags})(?=(?:{scaled})(?![A-Za-z]))"
        rf"|(?:{attached})(?![A-Za-z])|\s(?:{spaced_mag})(?![A-Za-z])"
        rf"|\s(?i:{mag_words})(?![A-Za-z])|(?<=[A-Za-z])\s(?:{after_words})(?![A-Za-z]))?"
        rf"(?P<plus>\+)?"
        rf"(?P<unit>(?:{attached_time})(?![A-Za-z])|\s?%|\s?(?i:{unit_words})(?![A-Za-z])|(?:{multiplier})(?![A-Za-z])|[\s-]?(?i:fold)(?![A-Za-z])"
        rf"|\s(?i:{figures})(?![A-Za-z])|\s?(?:{codes})(?![A-Za-z])"
        rf"|\s(?i:{cur_words})(?![A-Za-z])|\s?(?:{symbols})(?![A-Za-z])"
        # a sum before a period noun names the period's level ("a $1M month")
        rf"|(?(cur)(?!)|\s(?:(?i:{qualifiers})\s)?(?i:{time_units})(?![A-Za-z]))"
        rf"|\s?(?:{measures})(?![A-Za-z])|\s(?i:{measure_words})(?![A-Za-z]))?"
        rf"(?P<plus_after>(?<=[%xX×])\+)?"
        rf"(?P<ish>-?(?i:ish)(?![A-Za-z]))?"
        rf"{after}"
    )


@dataclass(frozen=True)
class Patterns:
    """The compiled pieces of the grammar. Atoms are found in one pass; the words around each
    (leads before, tails after, the joiner to a second number) are then matched in place."""

    atom: re.Pattern[str]
    clean_start: re.Pattern[str]
    clean_end: re.Pattern[str]
    leads: frozenset[str]
    openers: frozenset[str]
    hedges: frozenset[str]
    tail: re.Pattern[str]
    factor: re.Pattern[str]
    factor_words: tuple[str, ...]


# Leads and openers are looked for in this many characters (and words) before a number.
LOOKBACK = 30
MAX_LEAD_WORDS = 3
OPENING_MARKS = "([{\"'“‘"


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    lex = phrases()
    start = r"(?<![\w])"
    return Patterns(
        atom=re.compile(atom_pattern(before=RELAXED_BEFORE, after=RANGE_FIRST_AFTER)),
        clean_start=re.compile(ATOM_BEFORE),
        clean_end=re.compile(ATOM_AFTER),
        leads=frozenset(lex.span_leads),
        openers=frozenset((*lex.range_from, *lex.range_between, "by")),
        hedges=frozenset(lex.range_hedges),
        tail=re.compile(rf"\s+(?P<tail>(?i:{alternation(lex.tails)}))(?![\w])"),
        factor=re.compile(rf"{start}{_factor_source()}(?![\w])"),
        factor_words=tuple({key.split()[-1] for key in lex.factor}),
    )


def _factor_source() -> str:
    """A fraction or multiplier word with its hedge ("roughly in half", "by about a third"):
    the hedge before it, or after the "by" that opens it."""
    lex = phrases()
    hedge = rf"(?:(?:{alternation(lex.range_hedges)})\s+)?"
    by_rests = alternation(key[3:] for key in lex.factor if key.startswith("by "))
    others = alternation(key for key in lex.factor if not key.startswith("by "))
    return rf"(?i:{hedge}(?:(?P<by>by)\s+{hedge}(?P<rest>{by_rests})|(?P<lead>{others})))"


def _unit_and_currency(match: re.Match[str]) -> tuple[str, str | None, str | None]:
    """(unit family, currency, unit text) of an atom match."""
    lex = units()
    cur, unit = match["cur"], (match["unit"] or "").strip()
    if cur:
        code = cur.strip().removeprefix(match["premag"] or "")
        return "currency", lex.currency_of(code), unit or None
    if not unit:
        return "count", None, None
    if unit in lex.currency_codes or unit in lex.currency_symbols:
        return "currency", lex.currency_of(unit), unit
    if unit.lower() in lex.currency_words:
        return "currency", lex.currency_words[unit.lower()], unit
    return (lex.unit_of(unit) or "other"), None, unit


def _magnitude(match: re.Match[str]) -> float:
    """The scale of an atom: its magnitude after the number ("$1.2M", "2 million"), or the
    letter glued to its currency code ("2,5 MSEK", "MEUR 1.1")."""
    lex = units()
    if match["premag"] or match["curmag"]:
        return lex.currency_magnitudes[match["premag"] or match["curmag"]]
    text = match["mag"]
    if not text:
        return 1.0
    word = text.strip()
    if word.lower() in lex.magnitude_words:
        return lex.magnitude_words[word.lower()]
    if word in lex.magnitudes_after_words:  # "forty k"
        return lex.magnitudes_after_words[word]
    if text[0].isspace():
        return lex.magnitudes_spaced[word]
    return lex.magnitudes_attached[word]


def _over(match: re.Match[str], text: str, value: float) -> tuple[float, str, str] | None:
    """A number over a denominator: a score out of 5 or 10 ("8/10": amount 8, a count), else
    a share ("1/3 of hires": 33.3 percent); None for anything else ("24/7")."""
    den = int(match["den"])
    share = SHARE_AFTER.match(text, match.end()) is not None
    if den in (5, 10) and value <= den and not share:
        return value, "count", f"/{den}"
    if 0 < value < den and value.is_integer():
        return 100 * value / den, "percent", f"/{den}"
    return None


def _colon_pair(match: re.Match[str], text: str, value: float) -> tuple[float, str, str] | None:
    """"4:1" is a ratio (amount 4, a multiplier); "9:30 am" and "4:15" read as a clock (amount
    9.5 and 4.25 of the larger unit); a two-digit right side is a ratio only with a ratio word
    nearby ("a 60:40 mix"). "1:1" (the meeting) is no number."""
    right = int(match["right"])
    near = text[max(0, match.start() - RATIO_WINDOW) : match.end() + RATIO_WINDOW].lower()
    named = bool(units().ratio_words & set(re.findall(r"[a-z]+", near)))
    if match["ampm"] is None and (len(match["right"]) == 1 or named):
        if right == 0 or value == right == 1:
            return None
        return value / right, "multiplier", ":"
    if right > 59:
        return None
    half = (match["ampm"] or "").lower().replace(".", "")
    afternoon = half.startswith("p") and value < 12
    return value + 12 * afternoon + right / 60, "other", f"clock {half}".strip()


def _tolerance(sign: str | None) -> str | None:
    """The sign with its spaces dropped, tolerance forms ("+/-") read as "±"."""
    bare = (sign or "").replace(" ", "") or None
    return "±" if bare in TOLERANCE_SIGNS else bare


def _value(match: re.Match[str], text: str) -> tuple[float, str, str | None, str | None] | None:
    """(amount, unit family, currency, unit text) of an atom match, or None."""
    if match["digits"]:
        value: float | None = parse_digits(match["digits"])
    else:
        value = parse_number_words(match["words"])
    if value is None:
        return None
    if match["den"] or match["right"]:
        special = (_over if match["den"] else _colon_pair)(match, text, value)
        return None if special is None else (special[0], special[1], None, special[2])
    unit, currency, unit_text = _unit_and_currency(match)
    amount = value * _magnitude(match)
    if unit == "figures":
        # "7 figures" is a sum with seven digits: its smallest value, 10**6.
        unit, amount = "currency", 10.0 ** (value - 1)
    if unit == "repetitions":
        unit = "count"  # "three times (a week)"
    return amount, unit, currency, unit_text


def parse_atom(match: re.Match[str], text: str) -> Atom | None:
    """The Atom of an atom-regex match in `text`, or None when its words are not a number."""
    found = _value(match, text)
    if found is None:
        return None
    amount, unit, currency, unit_text = found
    plus = match["plus"] is not None or match["plus_after"] is not None
    bare = unit == "count" and not match["mag"] and not plus and not match["sign"] and not (
        match["ish"])
    return Atom(
        start=match.start(),
        end=match.end(),
        amount=amount,
        unit=unit,
        currency=currency,
        unit_text=unit_text,
        spelled=match["words"] is not None,
        plus=plus,
        sign=_tolerance(match["sign"] or ("~" if match["ish"] else None)),
        bare=bare and not unit_text,
        clean_start=patterns().clean_start.match(text, match.start()) is not None or (
            _glued_lead(text, match.start())),
        clean_end=patterns().clean_end.match(text, match.end()) is not None,
        magnitude=_magnitude(match),
    )


def _glued_lead(text: str, start: int) -> bool:
    """A lead glued to the number by its hyphen opens it ('sub-25', 'sub-3:10')."""
    before = text[max(0, start - LOOKBACK) : start].lower()
    return before.endswith(phrases().glued_leads)


def _words(text: str | None) -> str | None:
    return " ".join(text.lower().split()) if text else None


@dataclass(frozen=True)
class Lead:
    """Words found right before a number."""

    start: int
    words: str


def _before(known: frozenset[str], text: str, start: int) -> Lead | None:
    """The longest phrase of `known` (lower-case) that ends right where a number starts;
    an opening bracket or quote before it is not part of it."""
    window = text[max(0, start - LOOKBACK) : start].rstrip()
    words = window.lower().split()[-MAX_LEAD_WORDS:]
    for first in range(len(words)):
        bare = " ".join(words[first:]).lstrip(OPENING_MARKS)
        if bare in known:
            # The phrase ends the window; its first word starts where the phrase's words do.
            match = _phrase_re(bare).search(text, max(0, start - LOOKBACK), start)
            return Lead(start=match.start(), words=bare) if match else None
    return None


@lru_cache(maxsize=256)
def _phrase_re(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?i:{alternation([phrase])})\s*\Z")


def _single(text: str, atom: Atom) -> Phrase:
    lead = _before(patterns().leads, text, atom.start)
    tail = patterns().tail.match(text, atom.end)
    lex = phrases()
    if lead and tail and lex.tails[_words(tail["tail"]) or ""] == "change" and \
            lex.leads[lead.words]["bound"] == "level":
        lead = None  # "expand to 2 more units": a change after a place, not a level
    return Phrase(
        start=lead.start if lead else atom.start,
        end=tail.end() if tail else atom.end,
        kind="single",
        lead=lead.words if lead else None,
        tail=_words(tail["tail"]) if tail else None,
        atoms=(atom,),
    )


def _pair_kind(text: str, first: Atom, second: Atom) -> tuple[str, Lead | None] | None:
    """Which two-number phrase `first ... second` is ("from_to", "between", "by_to",
    "range"), with the match of its opening word, or None."""
    lex = phrases()
    if "\n" in text[first.end : second.start] or numbered_heading(text, first.start, first.end):
        return None  # 'by Feb 1⏎- 40 demos': a list item's number opens a new line
    joiner = _words(text[first.end : second.start]) or ""
    opener = _before(patterns().openers, text, first.start) or _hedged_opener(text, first.start)
    word = opener.words if opener else None
    if BRACKET.sub("", joiner) in lex.arrows:
        if first.unit != second.unit and {first.unit, second.unit} != {"count", "currency"} and (
                not first.bare):  # 'from 58 → 45 days': the unit written once, at the end
            return None  # 'ACV ↑ 15% → $38k avg': a change, then where it leads
        return "from_to", opener if word in lex.range_from else None
    core = _unhedged(joiner)
    if word in lex.range_from and core in lex.range_to:
        return "from_to", opener
    if word in lex.range_between and core in lex.range_and:
        return "between", opener
    if word == "by" and joiner == "to":
        return "by_to", opener
    if joiner in RANGE_JOINER_WORDS and not _names_thing(text, first.start):
        return "range", _before(patterns().leads, text, first.start)
    return None


def hedge_before(text: str, start: int) -> Lead | None:
    """The hedge right before a number or multiplier word at `start` ("roughly", "fewer
    than", "nearly" double)."""
    return _before(patterns().hedges, text, start)


def _hedged_opener(text: str, start: int) -> Lead | None:
    """The opening word of a range before a hedge on its first number ("from roughly 400",
    "between about 6 ...")."""
    hedge = hedge_before(text, start)
    return None if hedge is None else _before(patterns().openers, text, hedge.start)


def _unhedged(joiner: str) -> str:
    """The joining words of a range without a hedge on its second number ("to fewer than"
    -> "to", "and about" -> "and")."""
    words = joiner.split()
    for size in range(min(len(words) - 1, MAX_LEAD_WORDS), 0, -1):
        if " ".join(words[-size:]) in patterns().hedges:
            return " ".join(words[:-size])
    return joiner


def _names_thing(text: str, start: int) -> bool:
    """The number at `start` names a thing after its label word ('line 3 to 97%', 'Ward 6
    to 95%+', 'Year 9'), so it opens no range."""
    words = LAST_WORD.search(text, 0, start)
    return words is not None and words.group(1).lower() in scoring().label_words


def numbered_heading(text: str, start: int, end: int) -> bool:
    """The number indexes a heading that opens a line or a sentence ('Goal 1 - book 45 first
    meetings', 'OKR 2 – 5 new SIs certified', 'Objective 1 — get ...'): it names the goal,
    counts nothing and opens no range."""
    number = text[start:end]
    if not (number.isdigit() and int(number) <= HEADING_INDEX
            and HEADING_MARK.match(text, end) is not None):
        return False  # (tested first: the heading word's search reads the text before)
    word = HEADING_WORD.search(text, 0, start)
    return word is not None and word.group(1).lower() in scoring().heading_words


def _pair(text: str, first: Atom, second: Atom) -> Phrase | None:
    if not (first.clean_start and second.clean_end):
        return None
    found = _pair_kind(text, first, second)
    if found is None:
        return None
    kind, opener = found
    return Phrase(
        start=opener.start if opener else first.start,
        end=second.end,
        kind=kind,
        lead=opener.words if opener else None,
        tail=None,
        atoms=(first, second),
    )


def _factors(text: str) -> Iterator[Phrase]:
    lowered = text.lower()
    if not any(word in lowered for word in patterns().factor_words):
        return
    for match in patterns().factor.finditer(text):
        key = f"by {_words(match['rest'])}" if match["by"] else _words(match["lead"])
        yield Phrase(start=match.start(), end=match.end(), kind="factor", lead=key, tail=None,
                     atoms=())


def atoms(text: str) -> list[Atom]:
    """Every number in the text with its marks, in order, whether or not it touches a joiner
    (`clean_start`/`clean_end` say whether it stands alone)."""
    found = (parse_atom(m, text) for m in patterns().atom.finditer(text))
    return _outside_phones(text, [a for a in found if a is not None])


def _outside_phones(text: str, numbers: list[Atom]) -> list[Atom]:
    """The numbers that are not part of a phone number (both lists are in text order)."""
    phones = [m.span() for m in PHONE.finditer(text)] if "+" in text or "0" in text else []
    if not phones:
        return numbers
    kept, index = [], 0
    for atom in numbers:
        while index < len(phones) and phones[index][1] <= atom.start:
            index += 1
        inside = index < len(phones) and phones[index][0] <= atom.start < phones[index][1]
        if not inside:
            kept.append(atom)
    return kept


def scan(text: str) -> Iterator[Phrase]:
    """Every phrase in the text, overlapping ones included (see `find_quantities`)."""
    numbers = atoms(text)
    for index, atom in enumerate(numbers):
        if atom.clean_start and atom.clean_end:
            yield _single(text, atom)
        pair = _pair_from(text, numbers, index)
        if pair is not None:
            yield pair
    yield from _factors(text)


def _pair_from(text: str, numbers: list[Atom], index: int) -> Phrase | None:
    """The pair that the number at `index` opens: with the next number, or the one after a
    bracketed year ("9% (2026) → 6%"), or a level in words ending a from/to ("from 3 days
    to same day")."""
    first = numbers[index]
    for second in numbers[index + 1 : index + 3]:
        pair = _pair(text, first, second)
        if pair is not None:
            return pair
    worded = (_pair(text, first, second) for second in _word_end(text, first))
    return next((p for p in worded if p is not None and p.kind == "from_to"), None)


@lru_cache(maxsize=1)
def _word_end_pattern() -> re.Pattern[str]:
    lex = phrases()
    return re.compile(rf"\s*(?i:{alternation(lex.range_to)})\s*"
                      rf"(?P<level>(?i:{alternation(lex.word_ends)}))(?![\w-])")


def _word_end(text: str, first: Atom) -> list[Atom]:
    """The level in words that ends a pair started by `first` ("to same day", "to one
    week"), as an atom of its amount and time unit; none when no such words follow."""
    found = _word_end_pattern().match(text, first.end)
    if found is None:
        return []
    amount, unit = phrases().word_ends[" ".join(found["level"].lower().split())]
    return [Atom(start=found.start("level"), end=found.end("level"), amount=amount,
                 unit=units().unit_of(unit) or "other", currency=None, unit_text=unit,
                 spelled=True, plus=False, sign=None, bare=False)]
