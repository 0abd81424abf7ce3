"""`goalsmith train`: rebuild every model from the training corpus, reproducibly."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..evaluation import read_gold
from ..learned.paths import MODELS_DIR
from ..pipeline import get_nlp

# The training corpus: every data/training/*.jsonl file, in name order. Only representative
# goals belong there: the per-class example files (data/examples/) over-represent hard cases,
# so training on them would skew the confidence a model gives ordinary goals.
CORPUS = Path(__file__).resolve().parents[2] / "data" / "training"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("train", help="rebuild the learned models from the corpus")
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="labelled goals to train on (GUIDELINE.md format): a JSONL file, "
                             "or a folder whose *.jsonl files are all read (default: "
                             "data/training, the representative corpora; never data/examples)")
    parser.add_argument("--models-dir", type=Path, default=MODELS_DIR,
                        help="where models/<name>/ artifacts are written")
    parser.add_argument("--seed", type=int,
                        help="seed of folds and models (default: the project's fixed seed)")
    parser.add_argument("--report", type=Path, metavar="GOLD",
                        help="after training, measure the models on these gold goals")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # Imported here: scikit-learn and skops cost ~2 s and ~100 MB, and only training needs
    # them (every other `goalsmith` command builds this parser too).
    from ..learned.training import SEED, measure, shipping_failures, train_all

    seed = SEED if args.seed is None else args.seed
    records = read_gold(args.corpus)
    docs = list(get_nlp().pipe(r["text"] for r in records))
    results = train_all(records, docs, args.corpus, seed, args.models_dir)
    print(f"trained on {len(records)} goals from {args.corpus} (seed {seed}); "
          f"{len(records)}-goal cross-validation:")
    for line in table(results):
        print(line)
    for component, result in results.items():
        failures = shipping_failures(result)
        print(f"{component}: " + (f"misses the shipping bar ({', '.join(failures)})"
                                  if failures else "meets the shipping bar"))
    if args.report is not None:
        gold = read_gold(args.report)
        scored = measure(gold, list(get_nlp().pipe(r["text"] for r in gold)), args.models_dir)
        print(f"\n{len(gold)} goals from {args.report} (not trained on):")
        for line in table(scored):
            print(line)
    return 0


def table(results: dict[str, dict[str, Any]]) -> Iterator[str]:
    """Markdown: the rules' confidence against the learned one, per component."""
    yield ("| component | rules right | Brier rules | Brier model | AUROC rules | AUROC model "
           "| errors in lowest 20% (rules / model) |")
    yield "|---|---|---|---|---|---|---|"
    for component, result in results.items():
        rules, model = result["rules"], result["model"]
        yield (f"| {component} | {rules['accuracy']:.3f} | {rules['brier']:.3f} "
               f"| {model['brier']:.3f} | {_num(rules['auroc'])} | {_num(model['auroc'])} "
               f"| {_num(rules['errors_in_lowest_20pct'])} / "
               f"{_num(model['errors_in_lowest_20pct'])} |")


def _num(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
