"""Numbers written in digits ("1,500", "2.5") or in words ("twelve", "a dozen", "two million")."""

from __future__ import annotations

import re

from .lexicon import number_words

WORD_SPLIT = re.compile(r"[\s-]+")


CONTINENTAL_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
SPACES = re.compile(r"[ \u00a0\u202f]")


def parse_digits(text: str) -> float:
    """The value of a digit string: "1,500" -> 1500, "2.5" -> 2.5, and the continental
    forms "1.000" -> 1000, "2,5" -> 2.5 (a comma before one or two digits is a decimal
    comma; a dot before groups of three digits groups thousands); spaces that group
    thousands are dropped ("250 000" -> 250000, "1 250,50" -> 1250.5)."""
    if text.isdecimal():
        return float(text)  # plain digits (most numbers): nothing to drop or read
    text = SPACES.sub("", text)
    if CONTINENTAL_THOUSANDS.fullmatch(text) or DECIMAL_COMMA.fullmatch(text):
        return float(text.replace(".", "").replace(",", "."))
    return float(text.replace(",", ""))


def parse_number_words(text: str) -> float | None:
    """The value of a run of English number words, or None when it is not one.

    "twelve" -> 12, "a dozen" -> 12, "two hundred and fifty" -> 250, "two million" -> 2e6,
    "half a million" -> 5e5, "half a dozen" -> 6; spoken fractions and decimals:
    "one and a half" -> 1.5, "two point five" -> 2.5.
    A lone "one" or "a" is not a number here (see number_words.json).
    """
    lexicon = number_words()
    words = [w for w in WORD_SPLIT.split(text.strip().lower()) if w]
    if lexicon.decimal_point in words:
        return _with_decimals(words)
    if len(words) > 3 and words[-3:-1] in (["and", "a"], ["and", "an"]) and (
            words[-1] in lexicon.fractions):  # "one and a half"
        whole = _leading([w for w in words[:-3] if w != "and"])
        return None if whole is None else whole + lexicon.fractions[words[-1]]
    return _whole([w for w in words if w != "and"])


def parse_index_words(text: str) -> float | None:
    """The value of number words that number a name ("sprint one", "week four", "q two"):
    unlike a count, a lone "one" is a number here."""
    return _leading([w for w in WORD_SPLIT.split(text.strip().lower()) if w and w != "and"])


def _with_decimals(words: list[str]) -> float | None:
    """"two point five" -> 2.5: a whole number, the decimal point, then one word a digit."""
    lexicon = number_words()
    at = words.index(lexicon.decimal_point)
    digits = words[at + 1 :]
    whole = _leading(words[:at])
    if whole is None or not digits or any(w not in lexicon.digit_words for w in digits):
        return None
    return whole + float("0." + "".join(str(lexicon.units[w]) for w in digits))


def _leading(words: list[str]) -> float | None:
    """The whole part before decimals or a fraction, where a lone "one" is a number ("one
    point two", "one and a half")."""
    return 1.0 if words == ["one"] else _whole(words)


def _whole(words: list[str]) -> float | None:
    """The value of number words with no decimals ("and" already dropped)."""
    lexicon = number_words()
    if words and words[0] in lexicon.fractions:
        rest = _whole(words[1:])  # "half a million"
        return None if rest is None else lexicon.fractions[words[0]] * rest
    if not words or (len(words) == 1 and words[0] in lexicon.never_alone):
        return None
    total, current = 0, 0
    for word in words:
        if word in ("a", "an"):
            current = max(current, 1)
        elif word in lexicon.units or word in lexicon.tens:
            current += lexicon.units.get(word, 0) + lexicon.tens.get(word, 0)
        elif word in lexicon.groups:
            current = max(current, 1) * lexicon.groups[word]
        elif word in lexicon.scales:
            total += max(current, 1) * lexicon.scales[word]
            current = 0
        else:
            return None
    return float(total + current)
