"""Tokenising in time linear in the text's length.

spaCy's tokenizer peels suffixes off a whitespace-free run one at a time and searches the
whole rest of the run for each, so a run of thousands of symbols ("$%$%...", "()()...")
takes time quadratic in its length (5,000 characters: over 10 s). Runs longer than
`MAX_RUN` characters are cut into pieces of that length and each piece is tokenised on its
own: no word, number, date or URL a goal needs is that long, so ordinary text is tokenised
exactly as before, and the Doc's text is always the input text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from spacy.attrs import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

MAX_RUN = 64
LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")
# Markdown emphasis closing a word or a label's colon ('Why:**', 'Goal__').
EMPHASIS_END = re.compile(r"(?<=[^*_])[*_]{1,2}$")
# A bracket or an italic mark glued to a label's colon, which spaCy reads as an emoticon.
LABEL_EMOTICONS = ("):", ":*")


class BoundedTokenizer:
    """Wraps the pipeline's tokenizer; texts without a long run go straight through."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        if LONG_RUN.search(text) is None:
            return self.tokenizer(text)
        docs = [self.tokenizer(piece) for piece in pieces(text)]
        return Doc.from_docs(docs, ensure_whitespace=False)

    def __getattr__(self, name: str) -> object:
        """Everything else (memory zones, serialisation) is the wrapped tokenizer's."""
        if name == "tokenizer":
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


def pieces(text: str) -> Iterator[str]:
    """The text in order, with every run of more than MAX_RUN non-space characters cut
    into pieces of MAX_RUN characters (the last one shorter)."""
    done = 0
    for run in LONG_RUN.finditer(text):
        if run.start() > done:
            yield text[done:run.start()]
        for start in range(run.start(), run.end(), MAX_RUN):
            yield text[start:min(start + MAX_RUN, run.end())]
        done = run.end()
    if done < len(text):
        yield text[done:]


@contextmanager
def special_cases_last(tokenizer: Tokenizer) -> Iterator[None]:
    """Change the tokenizer with its special cases set aside, and load them (with those added
    meanwhile) once at the end: spaCy reloads all 1,350 of them at each change of an affix
    search (0.1 s each), and its own `from_bytes` loads them last for the same reason."""
    held = tokenizer.rules
    tokenizer.rules = {}
    try:
        yield
    finally:
        tokenizer.rules = {**held, **tokenizer.rules}


def keep_whole(tokenizer: Tokenizer, words: Iterable[str]) -> None:
    """Keep each of `words` (in any case, also before a full stop) one token: spaCy's English
    exceptions split 'Wed' as "we'd" ('by Wed. This is ...' read as 'by We d.'), which breaks
    the parse of a weekday."""
    for word in words:
        for form in (word, word.lower(), word.upper()):
            tokenizer.add_special_case(form, [{ORTH: form}])
            tokenizer.add_special_case(f"{form}.", [{ORTH: form}, {ORTH: "."}])


def split_emphasis(tokenizer: Tokenizer) -> None:
    """Split markdown emphasis marks off the words and colons they close ('**Why:**' reads
    '*', '*', 'Why', ':', '**'), so that a bold form field reads as its label."""
    tokenizer.suffix_search = _with_emphasis(tokenizer.suffix_search)


def split_label_marks(tokenizer: Tokenizer) -> None:
    """Split the marks that close a form field's label into their characters where spaCy
    keeps them whole as emoticons ('Goal (draft v2): Improve ...', '*Goal:* grow ...'): the
    label's colon then reads as one, and the parse of the goal after it is the plain one."""
    for mark in LABEL_EMOTICONS:
        tokenizer.add_special_case(mark, [{ORTH: ch} for ch in mark])


def split_prefix(tokenizer: Tokenizer, marks: str) -> None:
    """Split a mark off the amount it opens ('R$4.5M' reads 'R$', '4.5', 'M', as spaCy reads
    'A$4.5M'; 'sub-25' reads 'sub-', '25'), for the marks matched by the regex `marks`
    ('NZ$', 'R$', 'sub-')."""
    tokenizer.prefix_search = _with_prefix(re.compile(rf"^(?:{marks})(?=\.?\d)"),
                                           tokenizer.prefix_search)


def _with_prefix(mark: re.Pattern[str], search: Callable[[str], re.Match[str] | None]) -> Callable[
        [str], re.Match[str] | None]:
    def find(text: str) -> re.Match[str] | None:
        return mark.search(text) or search(text)
    return find


def _with_emphasis(search: Callable[[str], re.Match[str] | None]) -> Callable[
        [str], re.Match[str] | None]:
    def find(text: str) -> re.Match[str] | None:
        return EMPHASIS_END.search(text) or search(text)
    return find
