"""Rule configuration: switch rules off or re-grade them by id, and tune their params.

Sources, later ones winning: the registry defaults, a TOML file (`GOALSMITH_RULES_FILE`,
else `goalsmith.toml` in the working directory), then the request's `rules` option.
A key is a rule id (`vague.filler`) or a group (`vague.*`), and a setting is one of
off / error / warning / info.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..errors import InvalidOptionError
from ..options import Options
from ..result import Severity
from ..settings import get_settings
from .registry import rules

CONFIG_NAME = "goalsmith.toml"
SETTINGS = ("off", "error", "warning", "info")


@dataclass(frozen=True)
class RuleConfig:
    """What is in force for one call: each enabled rule's severity and params."""

    severity: MappingProxyType[str, Severity]
    params: MappingProxyType[str, MappingProxyType[str, float]]

    def enabled(self, rule_id: str) -> bool:
        return rule_id in self.severity

    @cached_property
    def in_force(self) -> tuple[str, ...]:
        """The enabled rule ids in registry order, worked out once per configuration (a
        configuration is built once per distinct setting, then serves every goal)."""
        return tuple(rule_id for rule_id in rules() if rule_id in self.severity)


def config_path() -> Path | None:
    configured = get_settings().rules_file
    if configured:
        return Path(configured)
    # Every analysis asks: one stat of the name relative to the working directory, and a Path
    # built only when the file is there.
    return Path.cwd() / CONFIG_NAME if os.path.isfile(CONFIG_NAME) else None


def _matching(key: str) -> list[str]:
    if key.endswith(".*"):
        found = [rule_id for rule_id in rules() if rule_id.startswith(key[:-1])]
    else:
        found = [key] if key in rules() else []
    if not found:
        raise InvalidOptionError(f"unknown rule id {key!r}", details={"rule": key})
    return found


def _apply(settings: dict[str, str], overrides: Mapping[str, str], source: str) -> None:
    # Groups first, so that `vague.* = "off"` with `vague.hedge = "error"` keeps the hedge.
    for key in sorted(overrides, key=lambda k: not k.endswith(".*")):
        value = overrides[key]
        if value not in SETTINGS:
            raise InvalidOptionError(
                f"{source}: rule {key!r} must be one of {', '.join(SETTINGS)}, not {value!r}"
            )
        for rule_id in _matching(key):
            settings[rule_id] = value


@lru_cache(maxsize=8)
def _read_file(path: str, mtime: float) -> dict[str, Any]:
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InvalidOptionError(f"cannot read rule config {path}: {exc}") from exc


def load_file(path: Path | None) -> dict[str, Any]:
    """The parsed config file, or an empty table when there is none."""
    if path is None:
        return {}
    if not path.is_file():
        raise InvalidOptionError(f"rule config {path} does not exist")
    return _read_file(str(path), path.stat().st_mtime)


def _params(file_params: dict[str, Any]) -> dict[str, MappingProxyType[str, float]]:
    merged: dict[str, MappingProxyType[str, float]] = {}
    for rule in rules().values():
        values = dict(rule.params)
        for name, value in file_params.get(rule.id, {}).items():
            if name not in values:
                raise InvalidOptionError(f"rule {rule.id!r} has no parameter {name!r}")
            values[name] = float(value)
        merged[rule.id] = MappingProxyType(values)
    for rule_id in file_params:
        _matching(rule_id)
    return merged


def rule_config(options: Options, file_data: dict[str, Any] | None = None) -> RuleConfig:
    """The rules in force for a call: registry, then the config file (or `file_data`),
    then the request. Built once per distinct request setting and file version."""
    if file_data is not None:
        return _build(options.rules, file_data)
    path = config_path()
    return _from_file(options.rules, str(path) if path is not None else None, _mtime(path))


def _mtime(path: Path | None) -> float | None:
    try:
        return path.stat().st_mtime if path is not None else None
    except OSError:
        return None  # a named file that is missing: load_file says so


@lru_cache(maxsize=64)
def _from_file(request: tuple[tuple[str, str], ...], path: str | None,
               mtime: float | None) -> RuleConfig:
    return _build(request, load_file(Path(path)) if path is not None else {})


def _build(request: tuple[tuple[str, str], ...], data: dict[str, Any]) -> RuleConfig:
    settings: dict[str, str] = {rule.id: rule.severity for rule in rules().values()}
    _apply(settings, dict(data.get("rules", {})), "rule config file")
    _apply(settings, dict(request), "request")
    severity = {rule_id: value for rule_id, value in settings.items() if value != "off"}
    return RuleConfig(
        severity=MappingProxyType(severity),  # type: ignore[arg-type]
        params=MappingProxyType(_params(dict(data.get("params", {})))),
    )
