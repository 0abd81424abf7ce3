"""Character offsets to token spans, and the Doc's text, remembered per Doc: spaCy rebuilds
`Doc.text` and `Doc.char_span` on every call, and scoring asks for the same ones many times.
Only plain values go into `doc.user_data`, so a Doc still serialises."""

from __future__ import annotations

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span

TEXT_KEY = "goalsmith.text"
SPANS_KEY = "goalsmith.spans"
OFFSETS_KEY = "goalsmith.offsets"


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per Doc."""
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return text


def token_span(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering text[start:end] (expanded to whole tokens), or None."""
    cache: dict[str, list[int] | None] = doc.user_data.setdefault(SPANS_KEY, {})
    key = f"{start}:{end}"
    if key not in cache:
        span = doc.char_span(start, end, alignment_mode="expand")
        cache[key] = None if span is None else [span.start, span.end]
    bounds = cache[key]
    return None if bounds is None else doc[bounds[0] : bounds[1]]


def token_offsets(doc: Doc) -> list[list[int]]:
    """The character offsets where the tokens start and where they end, worked out once per
    Doc (rules map parts' offsets to tokens many times)."""
    cached = doc.user_data.get(OFFSETS_KEY)
    if cached is None or len(cached[0]) != len(doc):
        starts, lengths = doc.to_array([IDX, LENGTH]).T.tolist() if len(doc) else ([], [])
        cached = [starts, [s + n for s, n in zip(starts, lengths, strict=True)]]
        doc.user_data[OFFSETS_KEY] = cached
    return cached


def span_text(span: Span) -> str:
    """`span.text`, cut from the Doc's remembered text (spaCy rebuilds it from the tokens
    each time)."""
    return doc_text(span.doc)[span.start_char : span.end_char]
