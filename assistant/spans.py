"""Character offsets to token spans, and the Doc's text, remembered per Doc: spaCy rebuilds
`Doc.text` and `Doc.char_span` on every call, and scoring asks for the same ones many times.
Only plain values go into `doc.user_data`, so a Doc still serialises."""

from __future__ import annotations

from spacy.tokens import Doc, Span

TEXT_KEY = "goalsmith.text"
SPANS_KEY = "goalsmith.spans"


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
