"""Experiment: a learned span chooser for the METRIC against the rules (measurement, not
product code).

    PYTHONPATH=. python bench/span_chooser.py \\
        --eval ../shared/goals/dev.jsonl ../shared/goals/dev-messy.jsonl data/examples

The real pipeline (`nlp.pipe` in the batches `goalsmith eval` uses, then `analyze_doc`) reads
the training corpus (every `data/training/*.jsonl`). For each goal the rules' metric, "no
metric" and the parse's spans (noun chunks, the metric detector's own noun-phrase reader at
every token, base noun phrases around each noun, the rules' span trimmed and extended, its
head's subtree) are the options; plain features describe each one and a logistic regression
(fixed seed) scores them, the best-scored option being the chooser's metric. Reported: the
candidate-recall ceiling, 5-fold cross-validation on the corpus (rules vs chooser), then the
chooser fitted on the whole corpus against the rules on every `--eval` file, its metric put
into the analysis and scored by `assistant.evaluation.score`, the code `goalsmith eval` runs.
Nothing is saved: the model is trained in-process on every run.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold
from sklearn.pipeline import Pipeline
from spacy.tokens import Doc, Span

from assistant.analysis import BATCH_SIZE, PIPE_CHARS, analyze_doc
from assistant.evaluation import GUIDELINE_REFERENCE_DATE, Counts, gold_bounds, read_gold, score
from assistant.features import METRIC_FEATURES, Candidate, span_features
from assistant.iterate import batched_within
from assistant.learned.training import SEED
from assistant.metric import goal_verb, noun_phrase
from assistant.options import check_text, make_options
from assistant.parts import Part
from assistant.pipeline import get_nlp
from assistant.result import GoalAnalysis, MetricComponent, MetricValue
from assistant.segments import is_boundary, segment_of

ROOT = Path(__file__).resolve().parent.parent
TRAINING = ROOT / "data" / "training"  # the corpus the tests train on
FOLDS = 5
C = 0.5
MAX_TOKENS = 10  # no gold metric is longer; longer spans only cost time
LEADING = frozenset({"DET", "PRON", "NUM", "PUNCT", "ADP", "CCONJ", "PART", "SYM", "SPACE"})
TRAILING = frozenset({"PUNCT", "ADP", "CCONJ", "PART", "DET", "SYM", "SPACE"})
BASE_NP_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "poss"})
PREPS = ("of", "in", "per", "for", "on", "to", "by", "from", "with")
CHOSEN_CONFIDENCE = 0.5  # the chooser's metric needs a confidence; scoring never reads it

Bounds = tuple[int, int]


@dataclass(frozen=True)
class Goal:
    """One gold record, its processed Doc and the analysis `goalsmith eval` would score."""

    record: dict
    doc: Doc
    analysis: GoalAnalysis


@dataclass(frozen=True)
class Option:
    """One answer the chooser may give: a span in token bounds, or no metric (None)."""

    bounds: Bounds | None
    sources: frozenset[str]


@dataclass(frozen=True)
class Setup:
    """How the chooser is built: the seed, the inverse regularisation strength and whether
    it may see the rules' answer (off: a chooser from the parse alone, an ablation)."""

    seed: int = SEED
    c: float = C
    rule_features: bool = True


@dataclass(frozen=True)
class Chooser:
    """A fitted model and the setup its features were built with."""

    model: Pipeline
    setup: Setup


@dataclass(frozen=True)
class Outcome:
    """Rules and chooser on one set of goals."""

    name: str
    goals: int
    recall: float
    rules: Counts
    chooser: Counts
    changed: int  # goals where the chooser's answer is not the rules'
    helped: int  # goals the chooser gets exactly right and the rules do not
    hurt: int  # ... and the other way round
    ms_per_goal: float | None = None


# ---- parsing ----------------------------------------------------------------------------

def parse(records: Sequence[dict]) -> list[Goal]:
    """Every record through the real pipeline, as `goalsmith eval` runs it (`check_batch`:
    `nlp.pipe` in batches bounded by goals and characters, then `analyze_doc`)."""
    nlp = get_nlp()
    options = make_options(reference_date=GUIDELINE_REFERENCE_DATE)
    texts = [check_text(r["text"]) for r in records]
    docs: list[Doc] = []
    for chunk in batched_within(texts, BATCH_SIZE, PIPE_CHARS, len):
        docs.extend(nlp.pipe(chunk, batch_size=BATCH_SIZE))
    return [Goal(r, doc, analyze_doc(doc, options))
            for r, doc in zip(records, docs, strict=True)]


def rule_bounds(goal: Goal) -> Bounds | None:
    metric = goal.analysis.components.metric
    if not metric.present or metric.start is None or metric.end is None:
        return None
    span = goal.doc.char_span(metric.start, metric.end, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


def gold_token_bounds(goal: Goal) -> Bounds | None:
    """Token bounds of the gold metric where it falls on token edges (None otherwise)."""
    expected = goal.record.get("metric")
    if not expected:
        return None
    start, end = gold_bounds(goal.record["text"], expected)
    span = goal.doc.char_span(start, end) if end > start else None
    return (span.start, span.end) if span is not None else None


def char_bounds(doc: Doc, bounds: Bounds) -> tuple[int, int]:
    span = doc[bounds[0]:bounds[1]]
    return span.start_char, span.end_char


# ---- candidates -------------------------------------------------------------------------

def _trimmed(doc: Doc, start: int, end: int) -> Bounds | None:
    """Bounds without leading determiners, numbers, possessives and trailing function words."""
    while start < end and (doc[start].pos_ in LEADING or doc[start].tag_ == "POS"):
        start += 1
    while end > start and (doc[end - 1].pos_ in TRAILING or doc[end - 1].tag_ == "POS"):
        end -= 1
    if end <= start or end - start > MAX_TOKENS:
        return None
    if any(is_boundary(doc[k]) for k in range(start, end)):
        return None
    return start, end


def _part_tokens(doc: Doc, part: object) -> set[int]:
    if not isinstance(part, Part):
        return set()
    return {t.i for t in doc if part.start <= t.idx < part.end}


def _blocked(doc: Doc) -> set[int]:
    """The target's and the relevance clause's tokens: what the metric reader skips over."""
    return _part_tokens(doc, doc._.gs_target) | _part_tokens(doc, doc._.gs_relevance)


def _base_np(doc: Doc, token: int) -> Bounds:
    """A noun with its compound and adjectival modifiers on the left ('net revenue
    retention'), the usual shape of a metric."""
    head = doc[token]
    start = head.i
    for child in sorted(head.lefts, key=lambda t: -t.i):
        if child.dep_ in BASE_NP_DEPS and child.i == start - 1:
            start = child.left_edge.i if child.left_edge.i < start else child.i
        elif child.i == start - 1 and child.tag_ == "HYPH":
            start = child.i
    return start, head.i + 1


def _before_blocked(start: int, end: int, head: int, blocked: set[int]) -> Bounds:
    """A noun's subtree cut short of the target or relevance clause it runs into ('time
    spent on manual reporting | by 10 hours')."""
    stop = next((k for k in range(head + 1, end) if k in blocked), end)
    begin = next((k + 1 for k in range(head - 1, start - 1, -1) if k in blocked), start)
    return begin, stop


def _rule_variants(doc: Doc, rule: Bounds) -> Iterable[tuple[str, Bounds]]:
    start, end = rule
    n = len(doc)
    yield "rule_drop_first", (start + 1, end)
    yield "rule_drop_last", (start, end - 1)
    if start > 0:
        yield "rule_add_left", (start - 1, end)
    if end < n:
        yield "rule_add_right", (start, end + 1)
    # a prepositional tail ('rate of closed deals', 'meetings per rep')
    if end + 1 < n and doc[end].lower_ in PREPS:
        tail = noun_phrase(doc, end + 1, set())
        if tail is not None:
            yield "rule_with_tail", (start, tail[1])
    # up to a preposition inside it ('win rate in competitive deals' -> 'win rate')
    for k in range(start + 1, end):
        if doc[k].lower_ in PREPS:
            yield "rule_before_prep", (start, k)
            break
    root = doc[start:end].root
    yield "rule_subtree", (root.left_edge.i, root.right_edge.i + 1)
    yield "rule_base_np", _base_np(doc, root.i)
    for chunk in doc.noun_chunks:
        if chunk.start < end and start < chunk.end:
            yield "rule_chunk_union", (min(start, chunk.start), max(end, chunk.end))
            yield "rule_chunk_meet", (max(start, chunk.start), min(end, chunk.end))


def candidates(goal: Goal) -> list[Option]:
    """The options for one goal: the rules' answer first (ties go to it), then no metric,
    then every other span, in text order."""
    doc = goal.doc
    found: dict[Bounds, set[str]] = {}

    def add(source: str, bounds: Bounds | None, trim: bool = True) -> None:
        if bounds is None:
            return
        kept = _trimmed(doc, *bounds) if trim else bounds
        if kept is not None:
            found.setdefault(kept, set()).add(source)

    rule = rule_bounds(goal)
    if rule is not None:
        add("rule", rule, trim=False)
        for source, bounds in _rule_variants(doc, rule):
            add(source, bounds)
    chunks: Iterable[Span] = doc.noun_chunks if doc.has_annotation("DEP") else ()
    for chunk in chunks:
        add("chunk", (chunk.start, chunk.end))
    blocked = _blocked(doc)
    for i in range(len(doc)):
        add("reader", noun_phrase(doc, i, blocked))
        if doc[i].pos_ in {"NOUN", "PROPN"} and i not in blocked:
            add("base_np", _base_np(doc, i))
            add("subtree", _before_blocked(doc[i].left_edge.i, doc[i].right_edge.i + 1,
                                           i, blocked))
    options = [Option(None, frozenset({"none"}))]
    if rule is not None:
        options.insert(0, Option(rule, frozenset(found.pop(rule))))
    options.extend(Option(b, frozenset(found[b])) for b in sorted(found))
    return options


def candidate_recall(goals: Sequence[Goal]) -> float:
    """Share of gold metric spans that are exactly one of the options."""
    hits = total = 0
    for goal in goals:
        if goal.record.get("metric"):
            total += 1
            gold = gold_token_bounds(goal)
            hits += any(o.bounds == gold for o in candidates(goal)) if gold else 0
    return hits / total if total else 1.0


# ---- features ---------------------------------------------------------------------------

def _target_tokens(doc: Doc) -> list[int]:
    return sorted(_part_tokens(doc, doc._.gs_target))


def _none_features(goal: Goal, rule: Bounds | None, spans: int) -> dict[str, float | str]:
    doc = goal.doc
    return {"none": 1.0, "none_rule_absent": float(rule is None),
            "none_not_goal": float(doc._.gs_not_goal is not None),
            "none_target": float(doc._.gs_target is not None),
            "none_deadline": float(doc._.gs_deadline is not None),
            "none_digit": float(any(ch.isdigit() for ch in doc.text)),
            "none_spans": min(spans, 40) / 40, "none_tokens": min(len(doc), 60) / 60}


def _overlap(a: Bounds, b: Bounds) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return 2 * inter / (a[1] - a[0] + b[1] - b[0]) if inter else 0.0


def _position(doc: Doc, bounds: Bounds, target: list[int], verb: int | None
              ) -> dict[str, float | str]:
    start, end = bounds
    row: dict[str, float | str] = {}
    if target:
        gap = start - (target[-1] + 1) if start > target[-1] else end - target[0]
        row["target_side"] = "after" if start > target[-1] else (
            "before" if end <= target[0] else "over")
        row["target_gap"] = max(-10, min(10, gap)) / 10
        row["target_adjacent"] = float(gap in (0, 1, -1))
    else:
        row["target_side"] = "no_target"
    row["verb_side"] = "no_verb" if verb is None else (
        "after" if start > verb else "before" if end <= verb else "over")
    return row


def _span_features(goal: Goal, bounds: Bounds, rule: Bounds | None, sources: frozenset[str],
                   target: list[int]) -> dict[str, float | str]:
    doc = goal.doc
    start, end = bounds
    span = doc[start:end]
    seg_start, seg_end = segment_of(doc, start)
    verb = goal_verb(doc, seg_start, seg_end, set())
    shared = span_features(Candidate(doc, start, end), METRIC_FEATURES)
    row: dict[str, float | str] = {f"f_{k}": v for k, v in shared.items()}
    row.update({f"src_{s}": 1.0 for s in sources})
    row["sources"] = min(len(sources), 8) / 8
    row["rule_absent"] = float(rule is None)
    if rule is not None:
        row["is_rule"] = float(bounds == rule)
        row["rule_overlap"] = _overlap(bounds, rule)
        row["contains_rule"] = float(start <= rule[0] and rule[1] <= end and bounds != rule)
        row["inside_rule"] = float(rule[0] <= start and end <= rule[1] and bounds != rule)
        row["same_start"] = float(start == rule[0])
        row["same_end"] = float(end == rule[1])
    root = span.root
    row["head_dep"] = root.dep_
    row["head_head_pos"] = root.head.pos_
    row["first_tag"] = doc[start].tag_
    row["last_tag"] = doc[end - 1].tag_
    row["pos_pattern"] = " ".join(t.pos_ for t in span[:4])
    row["before"] = doc[start - 1].lower_ if start > 0 and doc[start - 1].is_stop else (
        doc[start - 1].pos_ if start > 0 else "^")
    row["after"] = doc[end].lower_ if end < len(doc) and doc[end].is_stop else (
        doc[end].pos_ if end < len(doc) else "$")
    row[f"tokens_{min(end - start, 5)}"] = 1.0
    row["in_chunk"] = float(any(c.start <= start and end <= c.end for c in doc.noun_chunks))
    row["not_goal"] = float(doc._.gs_not_goal is not None)
    row.update(_position(doc, bounds, target, verb.i if verb is not None else None))
    return row


RULE_FEATURES = ("none_rule_absent", "rule_absent", "is_rule", "rule_overlap", "contains_rule",
                 "inside_rule", "same_start", "same_end")


def option_features(goal: Goal, options: Sequence[Option], rule_features: bool = True
                    ) -> list[dict[str, float | str]]:
    """One feature row per option; without `rule_features`, nothing that says where the
    rules' answer is (its source tags included)."""
    rule = rule_bounds(goal)
    target = _target_tokens(goal.doc)
    found = [_none_features(goal, rule, len(options) - 1) if o.bounds is None
             else _span_features(goal, o.bounds, rule, o.sources, target) for o in options]
    if rule_features:
        return found
    return [{k: v for k, v in row.items()
             if k not in RULE_FEATURES and not k.startswith("src_rule")} for row in found]


# ---- the chooser ------------------------------------------------------------------------

def estimator(setup: Setup) -> Pipeline:
    model = LogisticRegression(C=setup.c, max_iter=3000, random_state=setup.seed)
    return Pipeline([("features", DictVectorizer(sparse=True)), ("model", model)])


def rows(goals: Sequence[Goal], rule_features: bool = True
         ) -> tuple[list[dict[str, float | str]], list[int]]:
    """One row per option of every goal; label 1 when the option is the gold answer."""
    features: list[dict[str, float | str]] = []
    labels: list[int] = []
    for goal in goals:
        options = candidates(goal)
        gold = gold_token_bounds(goal) if goal.record.get("metric") else None
        unreachable = bool(goal.record.get("metric")) and gold is None
        features.extend(option_features(goal, options, rule_features))
        labels.extend(int(not unreachable and o.bounds == gold) for o in options)
    return features, labels


def train(goals: Sequence[Goal], setup: Setup = Setup()) -> Chooser:
    features, labels = rows(goals, setup.rule_features)
    return Chooser(estimator(setup).fit(features, labels), setup)


def choose(chooser: Chooser, goal: Goal, options: Sequence[Option] | None = None) -> Option:
    """The best-scored option (the first on a tie, so the rules' answer when it is first)."""
    options = list(candidates(goal) if options is None else options)
    rows = option_features(goal, options, chooser.setup.rule_features)
    scores = chooser.model.predict_proba(rows)[:, 1]
    return options[int(np.argmax(scores))]


def with_metric(goal: Goal, option: Option) -> GoalAnalysis:
    """The goal's analysis with the chosen metric in place of the rules' one."""
    if option.bounds is None:
        metric = MetricComponent(present=False, confidence=CHOSEN_CONFIDENCE)
    else:
        start, end = char_bounds(goal.doc, option.bounds)
        text = goal.doc.text[start:end]
        metric = MetricComponent(present=True, start=start, end=end, text=text,
                                 confidence=CHOSEN_CONFIDENCE, value=MetricValue(name=text))
    components = goal.analysis.components.model_copy(update={"metric": metric})
    return goal.analysis.model_copy(update={"components": components})


def _exact(goal: Goal, analysis: GoalAnalysis) -> bool:
    metric, expected = analysis.components.metric, goal.record.get("metric")
    if not expected:
        return not metric.present
    return metric.present and (metric.start, metric.end) == gold_bounds(goal.record["text"],
                                                                        expected)


def outcome(name: str, goals: Sequence[Goal], chosen: Sequence[Option],
            ms_per_goal: float | None = None) -> Outcome:
    """Rules and chooser scored by `assistant.evaluation.score`, as `goalsmith eval` does."""
    records = [g.record for g in goals]
    mine = [with_metric(g, o) for g, o in zip(goals, chosen, strict=True)]
    rules = score(zip(records, (g.analysis for g in goals), strict=True))
    chooser = score(zip(records, mine, strict=True))
    right = [(_exact(g, g.analysis), _exact(g, a)) for g, a in zip(goals, mine, strict=True)]
    changed = sum(o.bounds != rule_bounds(g) for g, o in zip(goals, chosen, strict=True))
    return Outcome(name, len(goals), candidate_recall(goals), rules.components["metric"],
                   chooser.components["metric"], changed, sum(not r and c for r, c in right),
                   sum(r and not c for r, c in right), ms_per_goal)


def cross_validated(goals: Sequence[Goal], setup: Setup = Setup(), folds: int = FOLDS
                    ) -> list[Option]:
    """Out-of-fold choices: each goal chosen by a model fitted on the other folds."""
    chosen: list[Option | None] = [None] * len(goals)
    splits = KFold(n_splits=folds, shuffle=True, random_state=setup.seed).split(
        np.arange(len(goals)))
    for train_index, test_index in splits:
        chooser = train([goals[i] for i in train_index], setup)
        for i in test_index:
            chosen[i] = choose(chooser, goals[i])
    return [o for o in chosen if o is not None]


def timed_choices(chooser: Chooser, goals: Sequence[Goal]) -> tuple[list[Option], float]:
    """The chooser's answers and its cost per goal in ms (candidates, features, model)."""
    began = time.perf_counter()
    chosen = [choose(chooser, goal) for goal in goals]
    return chosen, (time.perf_counter() - began) * 1000 / max(1, len(goals))


# ---- report -----------------------------------------------------------------------------

def _f1(counts: Counts) -> str:
    return f"{counts.f1:.3f} ({counts.span_f1:.3f})"


def table(outcomes: Sequence[Outcome]) -> list[str]:
    lines = ["| set | goals | candidate recall | rules metric F1 (span) "
             "| chooser metric F1 (span) | answers changed | chooser right, rules wrong "
             "| rules right, chooser wrong | chooser ms/goal |",
             "|---|---|---|---|---|---|---|---|---|"]
    for o in outcomes:
        ms = f"+{o.ms_per_goal:.2f}" if o.ms_per_goal is not None else "-"
        lines.append(f"| {o.name} | {o.goals} | {o.recall:.3f} | {_f1(o.rules)} "
                     f"| {_f1(o.chooser)} | {o.changed} | {o.helped} | {o.hurt} | {ms} |")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", type=Path, default=Path("data/training"),
                        help="gold corpus to cross-validate on and fit (default data/training)")
    parser.add_argument("--eval", type=Path, nargs="*", default=[],
                        help="gold files or folders to score the fitted chooser on")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--c", type=float, default=C, help="inverse regularisation strength")
    parser.add_argument("--without-rule-features", action="store_true",
                        help="ablation: the chooser does not see which option is the rules'")
    args = parser.parse_args(argv)
    setup = Setup(args.seed, args.c, not args.without_rule_features)

    began = time.perf_counter()
    corpus = parse(read_gold(args.train))
    parse_ms = (time.perf_counter() - began) * 1000 / max(1, len(corpus))
    outcomes = [outcome(f"{args.train} ({FOLDS}-fold CV)", corpus,
                        cross_validated(corpus, setup))]
    chooser = train(corpus, setup)
    for path in args.eval:
        began = time.perf_counter()
        goals = parse(read_gold(path))
        pipeline_ms = (time.perf_counter() - began) * 1000 / max(1, len(goals))
        chosen, ms = timed_choices(chooser, goals)
        outcomes.append(outcome(str(path), goals, chosen, ms))
        print(f"{path}: {len(goals)} goals, pipeline {pipeline_ms:.2f} ms/goal, "
              f"chooser +{ms:.2f} ms/goal")
    print(f"training corpus: {len(corpus)} goals, pipeline {parse_ms:.2f} ms/goal; {setup}")
    print()
    for line in table(outcomes):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
