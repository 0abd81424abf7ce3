"""Scoring against gold records (../shared/goals/GUIDELINE.md): presence precision, recall
and F1 per component, character-overlap F1 of spans, vague-word F1, exact deadline dates."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import FileFormatError
from .result import COMPONENTS, GoalAnalysis

GUIDELINE_REFERENCE_DATE = "2026-11-27"


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    overlaps: list[float] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def span_f1(self) -> float:
        return sum(self.overlaps) / len(self.overlaps) if self.overlaps else 1.0


@dataclass
class Scores:
    components: dict[str, Counts] = field(default_factory=lambda: {c: Counts() for c in COMPONENTS})
    vague: Counts = field(default_factory=Counts)
    dates_right: int = 0
    dates_total: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def date_accuracy(self) -> float:
        return self.dates_right / self.dates_total if self.dates_total else 1.0


def gold_files(path: Path) -> list[Path]:
    """The files a gold path stands for: a folder means every `*.jsonl` directly in it,
    in name order (so `data/training` is the whole corpus, however many files it has)."""
    return sorted(path.glob("*.jsonl")) if path.is_dir() else [path]


def read_gold(path: Path) -> list[dict]:
    """Gold records of a JSONL file, or of every file in a folder (`gold_files`) in order."""
    return [record for file in gold_files(path) for record in _read_gold_file(file)]


def _read_gold_file(path: Path) -> list[dict]:
    """Gold records, one JSON object per line; a malformed line is a FileFormatError."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise FileFormatError(f"cannot read {path}: {exc}") from exc
    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise FileFormatError(f"{path}:{number}: not JSON ({exc.msg})") from exc
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise FileFormatError(f"{path}:{number}: a record needs a 'text' string")
        records.append(record)
    return records


def char_f1(pred: tuple[int, int], gold: tuple[int, int]) -> float:
    overlap = max(0, min(pred[1], gold[1]) - max(pred[0], gold[0]))
    if overlap == 0:
        return 0.0
    precision = overlap / (pred[1] - pred[0])
    recall = overlap / (gold[1] - gold[0])
    return 2 * precision * recall / (precision + recall)


def gold_bounds(text: str, span: str) -> tuple[int, int]:
    start = text.find(span)
    return (start, start + len(span)) if start >= 0 else (0, 0)


def score(pairs: Iterable[tuple[dict, GoalAnalysis]]) -> Scores:
    scores = Scores()
    for gold, analysis in pairs:
        _score_components(scores, gold, analysis)
        _score_vague(scores, gold, analysis)
        _score_date(scores, gold, analysis)
    return scores


def _score_components(scores: Scores, gold: dict, analysis: GoalAnalysis) -> None:
    for name in COMPONENTS:
        found = getattr(analysis.components, name)
        expected = gold.get(name)
        counts = scores.components[name]
        if found.present and expected:
            counts.tp += 1
            bounds = gold_bounds(gold["text"], expected)
            overlap = char_f1((found.start or 0, found.end or 0), bounds)
            counts.overlaps.append(overlap)
            if overlap < 1.0:
                scores.errors.append(
                    f"{gold.get('id')} {name}: span {found.text!r} vs {expected!r}")
        elif found.present:
            counts.fp += 1
            scores.errors.append(f"{gold.get('id')} {name}: extra {found.text!r}")
        elif expected:
            counts.fn += 1
            scores.errors.append(f"{gold.get('id')} {name}: missed {expected!r}")


def _score_vague(scores: Scores, gold: dict, analysis: GoalAnalysis) -> None:
    text = gold["text"]
    expected = [gold_bounds(text, phrase) for phrase in gold.get("vague") or []]
    found = [(v.start, v.end) for v in analysis.vague]
    matched_gold: set[int] = set()
    for span in found:
        hit = next((k for k, g in enumerate(expected)
                    if k not in matched_gold and char_f1(span, g) > 0), None)
        if hit is None:
            scores.vague.fp += 1
            scores.errors.append(f"{gold.get('id')} vague: extra {text[span[0]:span[1]]!r}")
        else:
            matched_gold.add(hit)
            scores.vague.tp += 1
    for k, g in enumerate(expected):
        if k not in matched_gold:
            scores.vague.fn += 1
            scores.errors.append(f"{gold.get('id')} vague: missed {text[g[0]:g[1]]!r}")


def _score_date(scores: Scores, gold: dict, analysis: GoalAnalysis) -> None:
    expected = gold.get("deadline_date")
    if not expected:
        return
    scores.dates_total += 1
    value = analysis.components.deadline.value
    got = value.date if value else None
    if got == expected:
        scores.dates_right += 1
    else:
        scores.errors.append(f"{gold.get('id')} deadline_date: {got} vs {expected}")


def table(scores: Scores) -> Iterator[str]:
    """The score table as markdown lines."""
    yield "| component | precision | recall | F1 | span F1 |"
    yield "|---|---|---|---|---|"
    for name, counts in scores.components.items():
        yield (f"| {name} | {counts.precision:.3f} | {counts.recall:.3f} | {counts.f1:.3f} "
               f"| {counts.span_f1:.3f} |")
    vague = scores.vague
    yield f"| vague | {vague.precision:.3f} | {vague.recall:.3f} | {vague.f1:.3f} | |"
    yield ""
    yield (f"deadline dates exact: {scores.date_accuracy:.3f} "
           f"({scores.dates_right}/{scores.dates_total})")
