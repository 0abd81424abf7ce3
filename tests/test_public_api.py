"""The public API (`assistant.__all__`) and the rule that surfaces use nothing else."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import assistant

ROOT = Path(__file__).resolve().parents[1]
# Surfaces: they translate their protocol into calls of the public API, nothing more.
SURFACES = ("api", "web", "editors", "history", "assistant/commands", "assistant/cli.py",
            "assistant/cluster.py")
# Developer tools over the core's own internals (rule reference, scoring, model training,
# the span-chooser experiment):
# they measure and rebuild the core rather than use it, so they may read its modules.
DEVELOPER_TOOLS = frozenset({"evaluate.py", "train.py", "rules.py", "span_chooser.py"})
# `assistant.cluster` is the optional Dask surface (goalsmith[dask]), itself a public API user.
PUBLIC_MODULES = frozenset({"assistant", "assistant.result", "assistant.cluster"})
INTERNAL_ENTRY_POINTS = frozenset({"get_nlp", "analyze_doc"})


def test_exported_members_are_the_documented_api() -> None:
    assert {"analyze", "check_batch", "check_many", "Options", "make_options", "GoalAnalysis",
            "TeamReport", "build_team_report", "report_rows", "pipeline_info"} <= set(
        assistant.__all__)
    assert not INTERNAL_ENTRY_POINTS & set(assistant.__all__)
    for name in assistant.__all__:
        assert hasattr(assistant, name), name


def test_check_many_streams_in_order() -> None:
    texts = ["Close 3 deals.", "Grow NRR to 110% by Q3.", "Be better."]
    results = list(assistant.check_many(texts, reference_date="2026-11-27"))
    assert [r.text for r in results] == texts
    assert results[1].components.deadline.value is not None
    assert results[1].components.deadline.value.date == "2027-09-30"


def _surface_files() -> list[Path]:
    files: list[Path] = []
    for surface in SURFACES:
        path = ROOT / surface
        files += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return [f for f in files if f.name not in DEVELOPER_TOOLS]


def _imported_modules(path: Path) -> list[tuple[str, list[str]]]:
    """(absolute module, imported names) for every import of `assistant` code in the file."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            parts = package.split(".")
            base = parts[: len(parts) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            found.append((module, [alias.name for alias in node.names]))
        elif isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
    return [(m, names) for m, names in found if m == "assistant" or m.startswith("assistant.")]


def _is_surface_module(module: str) -> bool:
    """Imports between a surface's own modules (`assistant.commands.common`) are its own."""
    return module.startswith("assistant.commands") or module == "assistant.cli"


@pytest.mark.parametrize("path", _surface_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_surfaces_import_only_the_public_api(path: Path) -> None:
    for module, names in _imported_modules(path):
        if _is_surface_module(module):
            continue
        assert module in PUBLIC_MODULES, f"{path.name} imports {module}"
        assert not INTERNAL_ENTRY_POINTS & set(names), f"{path.name} imports {names}"
        if module == "assistant":
            assert set(names) <= {*assistant.__all__, "__version__"}, f"{path.name}: {names}"


def test_nothing_outside_the_core_reaches_for_the_pipeline() -> None:
    for path in [*_surface_files(), *sorted((ROOT / "bench").rglob("*.py"))]:
        source = path.read_text(encoding="utf-8")
        for name in ("analyze_doc", "get_nlp("):
            assert name not in source or path.name in DEVELOPER_TOOLS, f"{path}: {name}"
