"""Wave-10 classes of issue 12 on fresh goals (data/examples/wave10-*.jsonl), each file checked
on the components its class is about:

- relevance: an OKR block's objective line, which its key results serve ('Objective: Win the
  hospital segment⏎KR1: ...'; not when the objective holds a number or a form's fields
  follow it); connectors 'consistent with', 'in keeping with', 'as' + a clause with its own
  subject, a link verb after a comma (', enables ...'), 'which is the team's KPI', an
  apposition with adjectives ('the single biggest lever on ...'), 'Per the 2027 plan'; not
  a joke about the writer's fate ('or my boss will kill me'); a reason clause whose present
  verb the tagger read as a plural noun ('since the old one breaks constantly').
- not a goal: a goal asked with doubt or as a proposal ('thinking my Q3 goal should be
  ~$1.1M?') and a note to self stay goals; genuine questions, reminders to others,
  signature blocks, quoted replies and lists under an agenda or notes heading are none.
- deadline: chat forms of time ('this yr', 'by wed', 'b4 fri'); a fiscal year stated as a
  month range before its name or in a relative clause ('which ends 31 January'); a time in
  a status clause that 'but' turns from; baselines in brackets ('(it was 5.2% in Oct)');
  seasons of a trade, with no date ('before peak season', 'during busy season'); a window
  counted from an event ends at the comma ('within 90 days after the summit, which ...').
- metric: chat short forms and lower-cased acronyms of measures ('territory rev', 'csat');
  a noun whose value the level gives after 'of' or 'worth' ('at an ACV of $300k',
  'partnerships worth €400k'); measure names that end in an adjective ('£14.5m net new')
  and chat 'biz'; no metric in a rate per item ('15% of every paycheck'); 'generation' and
  'gen' as a measure's head ('pipeline gen: $1.1M → $1.6M').
- vague: chat spellings of the listed words ('tryna', 'tryin to', 'workin on', 'hopefuly').
- target: a number in brackets with a past-tense verb is a baseline, and so is the value of
  a form field labelled as where things stand ('CURRENT: 9h⏎TARGET: 2h', 'Today: 31'); a
  count named with 'the' as the goal verb's only object is its level ('Close the 4 deals in
  late stage'; not 'Win 4 of the 6 open deals', 'the 3 biggest accounts'); numbers on two
  list lines are no range ('by Feb 1⏎- 40 demos')."""

from __future__ import annotations

import pytest
from example_cases import REFERENCE, example_cases, span
from spacy.language import Language

from assistant import analyze

# Misses left to other classes, kept visible: a case fails once it passes.
KNOWN_MISSES = {
    "w10k007": "'as' with no comma before it after a date is read as 'while', never a reason",
    "w10k012": "'covers' is no link verb ('covers running costs for the club')",
    "w10k016": "'which are the two KPIs the talent team reports' names no owner before 'KPIs'",
    "w10k020": "'the key measure in our plan': 'in' is no link word after an apposition's head",
    "w10f014": "a fiscal year's end asked about in a question is still read as a bound",
    "w10c006": "'Nothing booked yet ... but aiming for 6 site visits' is read as no goal",
    "w10b008": "'last term' in a bracketed baseline outranks 'for the spring term'",
    "w10n007": "'want mrr' keeps the wish verb in the metric",
    "w10e009": "'through' ties no occasion ('through the reorg' is a way, not a bound)",
    "w10e011": "'in the off-season': 'in' ties no occasion",
    "w10l009": "'Net new:' as a label is read as no measure",
    "w10a004": "'agenda - QBR prep': the spaced dash splits the heading before its line ends",
    "w10p009": "'for the next intake': 'intake' is no period word",
    "w10r105": "'Reinvest' opening the goal is read as a noun",
    "w10r109": "'Bank' opening the goal is read as a noun",
    "w10p010": "'this cycle' is no period the finder knows",
    "w10u003": "a scope phrase inside a label ('Lead generation from webinars:') is cut",
    "w10u006": "'42 MWh' reads the unit as the counted thing",
    "w10u007": "'20 → 45 intros a month' names the counted thing after the level",
}


def _cases(*names: str) -> list:
    return example_cases(10, names, KNOWN_MISSES)


@pytest.mark.parametrize("record", _cases("okr-objectives", "connectors", "personal-stakes",
                                          "causative-counts", "reason-verbs"))
def test_relevance_class(nlp: Language, record: dict) -> None:
    assert span(nlp(record["text"])._.gs_relevance) == record["relevance"]


@pytest.mark.parametrize("record", _cases("chat-vague"))
def test_vague_class(record: dict) -> None:
    found = analyze(record["text"], reference_date=REFERENCE)
    assert [v.text for v in found.vague] == record["vague"]


@pytest.mark.parametrize("record", _cases("doubtful-goals", "signatures-quotes", "self-notes",
                                          "agendas"))
def test_not_a_goal_class(record: dict) -> None:
    found = analyze(record["text"], reference_date=REFERENCE)
    flagged = any(f.id == "text.not_a_goal" for f in found.findings)
    assert flagged == record["notes"].startswith("non-goal")


@pytest.mark.parametrize("record", _cases("chat-time", "fiscal-definitions", "contrast-status",
                                          "past-baselines", "business-seasons",
                                          "baseline-fields", "window-ends", "past-units"))
def test_deadline_class(record: dict) -> None:
    deadline = analyze(record["text"], reference_date=REFERENCE).components.deadline
    date = deadline.value.date if deadline.value is not None else None
    assert (deadline.text, date) == (record["deadline"], record["deadline_date"])


@pytest.mark.parametrize("record", _cases("chat-nouns", "measure-forms", "elliptic-names",
                                          "generation", "every-rates"))
def test_metric_class(nlp: Language, record: dict) -> None:
    assert span(nlp(record["text"])._.gs_metric) == record["metric"]


@pytest.mark.parametrize("record", example_cases(10, ("past-baselines", "baseline-fields",
                                                      "definite-counts", "causative-counts",
                                                      "list-numbers"), {
    "w10f109": "'actual 2.1x' with no colon is no field label",
    "w10b104": "'ship 3 features' loses to the later '2 blog posts'",
    "w10b107": "'CSAT 4.7' loses to the later '500 tickets closed'",
    "w10b108": "'10 miles' keeps its unit word in the span"}))
def test_target_class(nlp: Language, record: dict) -> None:
    assert span(nlp(record["text"])._.gs_target) == record["target"]
