"""Rule configuration: registry defaults, a TOML file, and per-request overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.checks.config import load_file, rule_config
from assistant.errors import InvalidOptionError
from assistant.options import make_options
from assistant.settings import get_settings


def _config(file_rules: dict | None = None, request: dict | None = None, params=None):
    data = {"rules": file_rules or {}, "params": params or {}}
    return rule_config(make_options(rules=request), data)


@pytest.mark.parametrize(
    ("file_rules", "request_rules", "rule_id", "expected"),
    [
        pytest.param({}, {}, "deadline.missing", "error", id="registry-default"),
        pytest.param({"vague.filler": "error"}, {}, "vague.filler", "error", id="file-regrades"),
        pytest.param({"vague.filler": "error"}, {"vague.filler": "warning"}, "vague.filler",
                     "warning", id="request-wins-over-file"),
        pytest.param({"vague.*": "info"}, {}, "vague.hedge", "info", id="group-key"),
        pytest.param({"vague.*": "off", "vague.hedge": "error"}, {}, "vague.hedge", "error",
                     id="id-wins-over-group"),
        pytest.param({}, {"deadline.*": "info"}, "deadline.past", "info",
                     id="request-group-key"),
    ],
)
def test_effective_severity(file_rules, request_rules, rule_id, expected) -> None:
    assert _config(file_rules, request_rules).severity[rule_id] == expected


@pytest.mark.parametrize(
    ("file_rules", "request_rules"),
    [
        pytest.param({"relevance.missing": "off"}, {}, id="off-in-file"),
        pytest.param({}, {"relevance.missing": "off"}, id="off-in-request"),
        pytest.param({"relevance.*": "off"}, {}, id="group-off"),
    ],
)
def test_rule_switched_off(file_rules, request_rules) -> None:
    assert not _config(file_rules, request_rules).enabled("relevance.missing")


@pytest.mark.parametrize(
    ("file_rules", "request_rules", "params"),
    [
        pytest.param({"deadline.gone": "off"}, {}, {}, id="unknown-id-in-file"),
        pytest.param({}, {"nothing.*": "off"}, {}, id="unknown-group-in-request"),
        pytest.param({"vague.hedge": "loud"}, {}, {}, id="bad-setting"),
        pytest.param({}, {}, {"achievable.steep": {"slope": 2}}, id="unknown-param"),
    ],
)
def test_bad_configuration_is_an_input_error(file_rules, request_rules, params) -> None:
    with pytest.raises(InvalidOptionError):
        _config(file_rules, request_rules, params)


def test_param_from_file() -> None:
    params = {"achievable.steep": {"max_monthly_change": 0.4}}
    assert _config(params=params).params["achievable.steep"]["max_monthly_change"] == 0.4


def test_registry_param_default() -> None:
    assert _config().params["achievable.steep"]["max_monthly_change"] == 0.2


def test_config_file_in_working_directory(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "goalsmith.toml").write_text('[rules]\n"vague.hedge" = "off"\n',
                                             encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert not rule_config(make_options()).enabled("vague.hedge")


def test_unreadable_config_file(tmp_path: Path) -> None:
    broken = tmp_path / "rules.toml"
    broken.write_text("[rules\n", encoding="utf-8")
    with pytest.raises(InvalidOptionError):
        load_file(broken)


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidOptionError):
        load_file(tmp_path / "absent.toml")


def test_config_file_named_by_environment(tmp_path: Path, monkeypatch) -> None:
    named = tmp_path / "team-rules.toml"
    named.write_text('[rules]\n"deadline.missing" = "warning"\n', encoding="utf-8")
    monkeypatch.setenv("GOALSMITH_RULES_FILE", str(named))
    get_settings.cache_clear()
    try:
        assert rule_config(make_options()).severity["deadline.missing"] == "warning"
    finally:
        monkeypatch.delenv("GOALSMITH_RULES_FILE")
        get_settings.cache_clear()


def test_request_wins_over_file_on_disk(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "goalsmith.toml").write_text('[rules]\n"vague.hedge" = "off"\n',
                                             encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    config = rule_config(make_options(rules={"vague.hedge": "error"}))
    assert config.severity["vague.hedge"] == "error"
