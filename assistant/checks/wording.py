"""Checks on the wording: vague words by category, and two goals packed into one text."""

from __future__ import annotations

from functools import cache, lru_cache

from spacy.tokens import Doc, Token

from ..lexicon import load_data
from ..result import GoalAnalysis
from ..segments import is_verb, segments
from .context import Check, Context, Hit

REPLACEMENTS = "replacements.toml"
GOAL_WORDS = "goals.toml"
# Dependencies that give a goal verb its own thing to act on.
# "appos": the parser hangs a misread imperative's object on it as an apposition ("Book 30 demos").
COMPLEMENTS = frozenset({"dobj", "attr", "acomp", "dative", "oprd", "pobj", "appos"})
# Goals of one text named (and offered as separate goals) by specific.multiple_goals.
MAX_NAMED = 8


@lru_cache(maxsize=4)
def _data(name: str) -> dict:
    return dict(load_data(__package__, name))


@cache  # built once, not at every check of every goal
def _words(key: str) -> frozenset[str]:
    return frozenset(_data(GOAL_WORDS)[key])


def replacements(category: str, phrase: str) -> tuple[str, ...]:
    """Ready-to-insert text for a vague phrase: its own entry, else its category's."""
    table = _data(REPLACEMENTS)
    found = table["phrase"].get(phrase.lower(), table["category"].get(category, []))
    return tuple(found)


def vague_check(category: str) -> Check:
    """The check for one vague-language category (`vague.<category>`)."""

    def check(ctx: Context) -> list[Hit]:
        spans = [span for span in ctx.draft.vague if span.category == category]
        if not spans:  # most goals: no word of this category, no hints to gather
            return []
        hints = {part.start: part.value.suggestion for part in ctx.doc._.gs_vague}
        return [
            Hit(span.start, span.end, {"reason": span.message, "text": span.text},
                replacements(category, span.text), hints.get(span.start))
            for span in spans
        ]

    return check


def own_complement(verb: Token) -> bool:
    """The verb acts on something of its own, not only through a coordinated verb."""
    for child in verb.children:
        if child.dep_ in COMPLEMENTS and child.pos_ != "PRON":
            return True
        if child.dep_ == "prep" and any(c.dep_ == "pobj" and c.pos_ != "PRON"
                                        for c in child.children):
            return True
    return False


def _goal_subject(verb: Token) -> bool:
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    allowed = _words("goal_subjects")
    return all(s.lower_ in allowed or s.lemma_.lower() in allowed for s in subjects)


def _goal_head(token: Token, *, root: bool = False) -> bool:
    """A verb that sets a goal: its own complement and, for a coordinated verb, an
    imperative or goal subject ("and we raise ...", not "and customers stay ...")."""
    return is_verb(token) and own_complement(token) and (root or _goal_subject(token))


def _inside_relevance(analysis: GoalAnalysis, token: Token) -> bool:
    relevance = analysis.components.relevance
    if not relevance.present or relevance.start is None or relevance.end is None:
        return False
    return relevance.start <= token.idx < relevance.end


def _clause(verb: Token, heads: frozenset[int]) -> str:
    """The words of one goal: the verb's subtree without the other goals' subtrees, read
    from the subtrees' edges (a walk over each subtree would cost the square of a long list
    of coordinated goals)."""
    skips = sorted((c.left_edge.i, c.right_edge.i) for c in verb.children
                   if c.i in heads or c.dep_ == "cc")
    cut = min((left for left, _ in skips if left > verb.i), default=len(verb.doc))
    first = verb.left_edge.i
    for left, right in skips:
        if left <= first <= right:
            first = right + 1
    last = min(cut, verb.right_edge.i + 1)
    return verb.doc[first:last].text.strip(" ,;:.!?\n")


def _comment(first: Token) -> bool:
    """A segment that opens with 'This ...' or 'Which ...' as its subject comments on the
    goal ("This supports the plan"); "This quarter: ..." does not."""
    return first.lower_ in _words("comment_openers") and first.dep_ in {"nsubj", "nsubjpass"}


def _worded(head: Token) -> bool:
    """A verbless head with words of its own, not only coordinated ones ("Prospect and ...")."""
    return any(c.dep_ not in {"cc", "conj", "punct"} for c in head.children)


def goal_heads(analysis: GoalAnalysis, doc: Doc) -> list[Token]:
    """The head word of each goal stated in the text, in order. A first segment without a
    verb root ("Close 8 deals" read as a noun phrase) still states a goal."""
    heads: dict[int, Token] = {}  # by index: a verb coordinated across lines is found once
    for segment in segments(doc):
        head = segment.root
        if _comment(segment[0]) or _inside_relevance(analysis, head):
            continue
        if _goal_head(head, root=True) or (not heads and not is_verb(head) and _worded(head)):
            heads.setdefault(head.i, head)
        heads.update((c.i, c) for c in head.conjuncts if c.i > head.i and c.i not in heads
                     and _goal_head(c) and not _inside_relevance(analysis, c))
    return list(heads.values())


def multiple_goals(ctx: Context) -> list[Hit]:
    heads = list(ctx.reading.goals)
    if len(heads) < 2:
        return []
    indices = frozenset(head.i for head in heads)
    clauses = [_clause(head, indices) for head in heads[:MAX_NAMED]]
    named = ", ".join(f"'{clause}'" for clause in clauses)
    if len(heads) > MAX_NAMED:  # a pasted list of goals: its first few, and how many more
        named += f" and {len(heads) - MAX_NAMED} more"
    return [Hit(fields={"count": str(len(heads)), "goals": named}, suggestions=tuple(
        clause[:1].upper() + clause[1:] + "." for clause in clauses))]
