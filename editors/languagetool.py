"""LanguageTool's HTTP protocol over Goalsmith's findings: the request's fields, its JSON
answer, and the pure functions between them (`POST /v2/check` and `GET /v2/languages` are
served by `api.routes.languagetool`).

Offsets follow LanguageTool: positions in a Java string, that is UTF-16 code units, into
the text the client sent (with its markup, when it sent `data`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, Json, model_validator

from assistant import (
    MAX_BATCH_GOALS,
    DateOrder,
    InvalidOptionError,
    Options,
    TooManyRowsError,
    load_data,
    make_options,
    rules,
)

from .document import GoalLine, Issue, goal_lines, shared_edit
from .units import Utf16Offsets, utf16_length

DATA_FILE = "languagetool.toml"
SOFTWARE_NAME = "Goalsmith"
API_VERSION = 1
# LanguageTool shows this many UTF-16 units of text on each side of a match.
CONTEXT_UNITS = 40
ELLIPSIS = "..."
AUTO = "auto"
DEFAULT_VARIANT = "en-US"


# --- the request -----------------------------------------------------------------------


class AnnotationPart(BaseModel):
    """A piece of the client's document: `text` to check, or `markup` to skip (read as
    `interpretAs` when given, e.g. "\\n\\n" for a paragraph tag). Keys LanguageTool may add
    later are ignored."""

    model_config = ConfigDict(extra="ignore")

    text: str | None = None
    markup: str | None = None
    interpretAs: str | None = None

    @model_validator(mode="after")
    def one_kind(self) -> AnnotationPart:
        if (self.text is None) == (self.markup is None):
            raise ValueError("each annotation part holds either 'text' or 'markup'")
        return self


class Annotation(BaseModel):
    """LanguageTool's `data` field: `{"annotation": [{"text": ...}, {"markup": ...}]}`."""

    annotation: list[AnnotationPart]


def _rule_list(description: str) -> Any:
    return Field(default="", description=description + " Comma-separated.")


class CheckRequest(BaseModel):
    """The form fields of `POST /v2/check`, named as LanguageTool names them. Fields that
    LanguageTool clients send and Goalsmith has no use for (dicts, motherTongue, mode, ...)
    are accepted and ignored."""

    model_config = ConfigDict(extra="ignore")

    text: str | None = Field(
        default=None, description="The document; each line holding a goal is checked. "
        "This or `data` is required.",
    )
    data: Json[Annotation] | None = Field(
        default=None, description='The document as text and markup parts, e.g. '
        '{"annotation": [{"text": "Grow "}, {"markup": "<b>"}, {"text": "NRR"}, '
        '{"markup": "</b>"}]}; offsets count the markup too.',
    )
    language: str = Field(
        default=AUTO, description="auto, en or a variant (en-US, en-GB, ...): the variant "
        "decides how numeric dates are read (en-US month first, en-GB day first).",
    )
    preferredVariants: str | None = Field(
        default=None, description="With language=auto: the English variant to use, e.g. en-GB."
    )
    enabledRules: str = _rule_list("Rule ids to switch on (finding ids, e.g. vague.filler).")
    disabledRules: str = _rule_list("Rule ids to switch off (e.g. vague.hedge,achievable.unknown).")
    enabledCategories: str = _rule_list("Category ids to switch on (e.g. GOAL_VAGUE).")
    disabledCategories: str = _rule_list("Category ids to switch off.")
    enabledOnly: bool = Field(
        default=False, description="Only the rules and categories named in enabledRules / "
        "enabledCategories run.",
    )
    level: Literal["default", "picky"] = Field(
        default="default", description="picky also reports hints (findings of severity info)."
    )
    username: str | None = Field(default=None, description="Accepted and ignored.")
    apiKey: str | None = Field(
        default=None, description="The server's API key, when it has one (a header works too)."
    )
    referenceDate: str | None = Field(
        default=None, description="Goalsmith's own: the day relative deadlines count from "
        "(ISO date; today when absent).",
    )
    dateOrder: DateOrder | None = Field(
        default=None, description="Goalsmith's own: MDY or DMY, over the language variant's."
    )
    fiscalYearStart: int = Field(
        default=1, ge=1, le=12, description="Goalsmith's own: month the fiscal year starts in."
    )

    def rule_lists(self) -> RuleLists:
        return RuleLists(
            enabled=_ids(self.enabledRules), disabled=_ids(self.disabledRules),
            enabled_categories=_ids(self.enabledCategories),
            disabled_categories=_ids(self.disabledCategories), enabled_only=self.enabledOnly,
        )


def _ids(listed: str) -> frozenset[str]:
    return frozenset(item.strip() for item in listed.split(",") if item.strip())


# --- the answer ------------------------------------------------------------------------


class Software(BaseModel):
    name: str = Field(description="Always Goalsmith.")
    version: str = Field(description="Goalsmith's version.")
    buildDate: str = Field(description="Empty: Goalsmith is not built with a date.")
    apiVersion: int = Field(description="Version of this JSON format (1, as LanguageTool's).")
    premium: bool = Field(description="Always false.")
    status: str = Field(description="Always empty.")


class Warnings(BaseModel):
    incompleteResults: bool = Field(description="Always false: every goal line is checked.")


class DetectedLanguage(BaseModel):
    name: str
    code: str
    confidence: float = Field(
        description="1 when the client named the language; 0 for `auto` (Goalsmith reads "
        "English only and detects nothing)."
    )


class Language(BaseModel):
    name: str = Field(description="The English variant the text was read as.")
    code: str = Field(description="Its code, e.g. en-US.")
    detectedLanguage: DetectedLanguage


class Replacement(BaseModel):
    value: str = Field(description="Text to put in place of the match ('' deletes it).")


class Context(BaseModel):
    text: str = Field(description="Up to 40 UTF-16 units each side of the match, with "
                      "'...' where cut and line breaks as spaces.")
    offset: int = Field(description="Where the match starts in `text` (UTF-16 units).")
    length: int = Field(description="The match's length (UTF-16 units).")


class MatchType(BaseModel):
    typeName: Literal["Other", "Hint"] = Field(
        description="Hint for findings of severity info, Other for the rest."
    )


class Category(BaseModel):
    id: str = Field(description="The finding's component as a category: GOAL_METRIC, "
                    "GOAL_TARGET, GOAL_DEADLINE, GOAL_RELEVANCE, GOAL_VAGUE, ...")
    name: str


class Rule(BaseModel):
    id: str = Field(description="Goalsmith's finding id (e.g. vague.hedge): use it in "
                    "disabledRules.")
    description: str = Field(description="The rule's short title.")
    issueType: str = Field(description="ITS 2.0 issue type: omission for a missing part, "
                           "style for vague words, ...")
    category: Category


class Match(BaseModel):
    message: str = Field(description="What is wrong and how to fix it.")
    shortMessage: str = Field(description="The rule's short title.")
    replacements: list[Replacement] = Field(
        description="For a word or phrase: Goalsmith's suggestions for it. For a missing "
        "part (the match covers the whole goal): the goal rewritten with [placeholders]."
    )
    offset: int = Field(description="Start of the match in the document, in UTF-16 code "
                        "units (Java string positions), counting markup when `data` was sent.")
    length: int = Field(description="Length of the match in UTF-16 code units.")
    context: Context
    sentence: str = Field(description="The goal the match belongs to (its line, without "
                          "list marker).")
    type: MatchType
    rule: Rule
    ignoreForIncompleteSentence: bool = Field(
        description="True when the match judges the whole goal (a missing part): a client "
        "checking while the writer types may hold it back until the line is done."
    )
    contextForSureMatch: int = Field(
        description="-1 for matches on the whole goal, 0 for matches on words."
    )


class CheckResponse(BaseModel):
    """LanguageTool's answer to `/v2/check`."""

    software: Software
    warnings: Warnings
    language: Language
    matches: list[Match] = Field(description="In document order.")


class LanguageEntry(BaseModel):
    name: str = Field(examples=["English (US)"])
    code: str = Field(examples=["en"])
    longCode: str = Field(examples=["en-US"])


# --- the document ----------------------------------------------------------------------


@dataclass(frozen=True)
class AnnotatedText:
    """What is checked (`plain`: the text parts, markup read as its `interpretAs`) and what
    the client holds (`original`: text and markup). `origin[i]` is the index in `original`
    of `plain[i]` (None when the two are the same text)."""

    plain: str
    original: str
    origin: tuple[int, ...] | None = None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Where the plain span [start, end) lies in the original text."""
        if self.origin is None:
            return start, end
        first = self.origin[start]
        last = self.origin[end - 1] + 1 if end > start else first
        return first, max(first, last)


def annotated_text(parts: Sequence[AnnotationPart]) -> AnnotatedText:
    """The plain and original texts of LanguageTool's `data` annotation."""
    plain: list[str] = []
    original: list[str] = []
    origin: list[int] = []
    at = 0
    for part in parts:
        if part.text is not None:
            plain.append(part.text)
            origin.extend(range(at, at + len(part.text)))
            shown = part.text
        else:
            shown = part.markup or ""
            read_as = part.interpretAs or ""
            plain.append(read_as)
            origin.extend([at] * len(read_as))
        original.append(shown)
        at += len(shown)
    return AnnotatedText(plain="".join(plain), original="".join(original), origin=tuple(origin))


def request_text(request: CheckRequest) -> AnnotatedText:
    """The document of a request: its `text`, else its `data`."""
    if request.text is not None:
        return AnnotatedText(plain=request.text, original=request.text)
    if request.data is not None:
        return annotated_text(request.data.annotation)
    raise InvalidOptionError("send the document in the 'text' or the 'data' field")


# --- languages and rules ---------------------------------------------------------------


@dataclass(frozen=True)
class Variant:
    """An English variant a client may ask for, and how it writes numeric dates."""

    name: str
    code: str
    long_code: str
    date_order: DateOrder


@cache
def _catalog() -> dict[str, Any]:
    return dict(load_data(__package__, DATA_FILE))


def variants() -> list[Variant]:
    return [Variant(**entry) for entry in _catalog()["language"]]


def language_entries() -> list[LanguageEntry]:
    """`GET /v2/languages`: the English variants Goalsmith answers for."""
    return [LanguageEntry(name=v.name, code=v.code, longCode=v.long_code) for v in variants()]


def resolve_language(requested: str, preferred: str | None) -> tuple[Variant, bool]:
    """The variant to read the text as, and whether the client named it (not `auto`). With
    `auto`, the first English variant in `preferred` wins, else English (US)."""
    by_code = {_code(v.long_code): v for v in variants()}
    asked = _code(requested)
    if asked == AUTO:
        wanted = [_code(code) for code in (preferred or "").split(",")]
        fallback = by_code[_code(DEFAULT_VARIANT)]
        return next((by_code[code] for code in wanted if code in by_code), fallback), False
    if asked in by_code:
        return by_code[asked], True
    codes = ", ".join(v.long_code for v in variants())
    raise InvalidOptionError(
        f"Goalsmith reads English goals only: language must be auto or one of {codes}, "
        f"not {requested!r}",
        details={"language": requested},
    )


def _code(language: str) -> str:
    """A language code as compared: en_us, EN-US and en-US are the same."""
    return language.strip().replace("_", "-").lower()


@dataclass(frozen=True)
class RuleLists:
    """The rule and category ids a request switches on or off."""

    enabled: frozenset[str] = frozenset()
    disabled: frozenset[str] = frozenset()
    enabled_categories: frozenset[str] = frozenset()
    disabled_categories: frozenset[str] = frozenset()
    enabled_only: bool = False


def category(component: str) -> Category:
    """The LanguageTool category of a finding's component."""
    entry = _catalog()["category"].get(component)
    if entry is None:  # a component this table does not know yet
        return Category(id=f"GOAL_{component.upper()}", name=component.capitalize())
    return Category(id=entry["id"], name=entry["name"])


def rule_overrides(known: Mapping[str, tuple[str, str]], lists: RuleLists) -> dict[str, str]:
    """Per-rule settings (for `make_options(rules=...)`) that carry out a request's lists.
    `known` maps each Goalsmith rule id to its component and severity. Ids Goalsmith does not
    know are ignored: clients also send LanguageTool's own rule ids. A rule named in
    `enabledRules` runs at its own severity."""
    settings: dict[str, str] = {}
    for rule_id, (component, severity) in known.items():
        in_category = category(component).id
        if lists.enabled_only:
            on = rule_id in lists.enabled or in_category in lists.enabled_categories
        else:
            on = rule_id not in lists.disabled and in_category not in lists.disabled_categories
        if not on:
            settings[rule_id] = "off"
        elif rule_id in lists.enabled:
            settings[rule_id] = severity
    return settings


def known_rules() -> dict[str, tuple[str, str]]:
    """Every Goalsmith rule id with its component and severity."""
    return {rule.id: (rule.component, rule.severity) for rule in rules().values()}


# --- the check -------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckPlan:
    """What a request asks for: the document, the variant it is read as (and whether the
    client named it), its goal lines, the analysis options, and whether hints are shown."""

    text: AnnotatedText
    variant: Variant
    named: bool
    goals: list[GoalLine]
    options: Options
    picky: bool


def plan_check(request: CheckRequest) -> CheckPlan:
    """Read a request; a bad option or more goal lines than a batch holds fails here,
    before any analysis is queued."""
    text = request_text(request)
    variant, named = resolve_language(request.language, request.preferredVariants)
    goals = goal_lines(text.plain)
    if len(goals) > MAX_BATCH_GOALS:
        raise TooManyRowsError(
            f"the text holds {len(goals):,} goal lines; at most {MAX_BATCH_GOALS:,} are "
            "checked at once",
            details={"lines": len(goals), "limit": MAX_BATCH_GOALS},
        )
    options = make_options(
        reference_date=request.referenceDate,
        date_order=request.dateOrder or variant.date_order,
        fiscal_year_start=request.fiscalYearStart,
        rules=rule_overrides(known_rules(), request.rule_lists()),
    )
    return CheckPlan(text=text, variant=variant, named=named, goals=goals, options=options,
                     picky=request.level == "picky")


# --- matches ---------------------------------------------------------------------------


def check_response(plan: CheckPlan, issues: Iterable[Issue], *, version: str) -> CheckResponse:
    """LanguageTool's answer: one match per issue (hints only when the request is picky), in
    document order, placed on the client's original text in UTF-16 units."""
    text, variant = plan.text, plan.variant
    units = Utf16Offsets(text.original)
    shown = [issue for issue in issues if plan.picky or issue.severity != "info"]
    shown.sort(key=lambda issue: (issue.start, issue.end, issue.rule_id))
    language = Language(
        name=variant.name, code=variant.long_code,
        detectedLanguage=DetectedLanguage(
            name=variant.name, code=variant.long_code, confidence=1.0 if plan.named else 0.0
        ),
    )
    return CheckResponse(
        software=Software(name=SOFTWARE_NAME, version=version, buildDate="",
                          apiVersion=API_VERSION, premium=False, status=""),
        warnings=Warnings(incompleteResults=False),
        language=language,
        matches=[to_match(issue, text, units) for issue in shown],
    )


def to_match(issue: Issue, text: AnnotatedText, units: Utf16Offsets) -> Match:
    """One issue as a LanguageTool match (a deletion takes its blanks with it: `shared_edit`)."""
    edit_start, edit_end, values = shared_edit(text.plain, issue)
    start, end = text.original_span(edit_start, edit_end)
    offset, stop = units.units(start), units.units(end)
    whole_goal = (issue.start, issue.end) == (issue.goal.start, issue.goal.end)
    rule = _catalog()["rule"].get(issue.rule_id, {})
    title = rule.get("title", issue.rule_id)
    return Match(
        message=issue.message,
        shortMessage=title,
        replacements=[Replacement(value=value) for value in values],
        offset=offset,
        length=stop - offset,
        context=context(text.original, units, offset, stop),
        sentence=issue.goal.text,
        type=MatchType(typeName="Hint" if issue.severity == "info" else "Other"),
        rule=Rule(id=issue.rule_id, description=title,
                  issueType=rule.get("issue_type", "uncategorized"),
                  category=category(issue.component)),
        ignoreForIncompleteSentence=whole_goal,
        contextForSureMatch=-1 if whole_goal else 0,
    )


def context(original: str, units: Utf16Offsets, offset: int, stop: int) -> Context:
    """The text around a match as LanguageTool shows it: CONTEXT_UNITS units each side,
    '...' where the text goes on, line breaks as spaces. `offset`/`stop` are UTF-16 units."""
    first = units.index_at_or_after(offset - CONTEXT_UNITS)
    last = units.index_at_or_before(stop + CONTEXT_UNITS)
    before = ELLIPSIS if first > 0 else ""
    after = ELLIPSIS if last < len(original) else ""
    shown = original[first:last].replace("\r", " ").replace("\n", " ")
    return Context(
        text=before + shown + after,
        offset=utf16_length(before) + offset - units.units(first),
        length=stop - offset,
    )

