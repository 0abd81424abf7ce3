"""Wave-9 classes of issue 12 on fresh goals (data/examples/wave9-*.jsonl), each file checked
on the components its class is about:

- deadline: bounds written 'going into Q2' (the day before the period); an occasion's day in
  brackets or in apposition ('by half-term (12 Feb 2027)', 'by the test date, 20 Feb 2027');
  windows counted from an event ('within 6 weeks of the rules going live': no date) or
  from a day ('within 30 days of Jan 5'); feasts of other calendars (no date); a stated
  fiscal end day ('by the end of the financial year (5 April)') or start in the past
  tense ('FY27 started on 1 April 2026'); an occasion named by its
  month ('at the March 2027 renewal': the month's end; 'by the March board meeting': none)
  or with no article before its month or day ('by renewal in May', 'by kickoff on Jan 14').
- relevance: payoff conditions that refer back to the goal ('If we pull that off, ...') and
  chat forms of 'because' ('bc', 'coz').
- not a goal: a goal followed by a question stays a goal; a question alone is none.
- target: a chat '2' for 'to' is no number ('need 2 book 15 mtgs'); thresholds in brackets
  that define the things counted; recipients after 'to' ('Upsell the add-on to 20
  customers'); comparators such as 'past', 'beyond'; 'to' before a comparison sign ('to <20',
  'to fewer than 3').
- metric: a measure's name tagged as a verb opening a headline ('churn from 3.1% to 2%');
  distributive subjects ('every AE books 8 first meetings'); names that keep their
  'of' phrase ('letters of intent'); processes whose duration is measured ('the month-end
  close'); modifiers that make a rate ('on-time delivery'); meetings written '1:1s'; a habit
  kept at a cadence counts nothing ('Hold weekly 1:1s with every rep')."""

from __future__ import annotations

import pytest
from example_cases import REFERENCE, example_cases, span
from spacy.language import Language

from assistant import analyze

# Misses left to other classes, kept visible: a case fails once it passes.
KNOWN_MISSES = {
    "w9e004": "'in the first 30 days after go-live' ends its span before 'after go-live'",
    "w9e005": "'within two sprints' ends its span before 'of kickoff'",
    "w9e006": "the parse ends 'of it landing' after 'it'",
    "w9e007": "the parse ends 'of it going live' after 'it'",
    "w9e012": "the occasion's noun after a dated window ('the Dec 7 price change') is cut",
    "w9g003": "'walking into' is no bound word",
    "w9g004": "'goin into' (a typo of 'going into') is no bound word",
    "w9c009": "'if we do' refers back with no object the parse shows",
    "w9c012": "'bc' before a baseline ('bc last qtr was 12') still opens a reason",
    "w9k009": "'in-full shipments' starts its span at the hyphen",
    "w9t008": "'to no more than 4' loses its 'to' to the longer lead 'no more than'",
    "w9w009": "the parse of 'got 2 finish 8 QBRs' still reads 'finish' as a noun",
    "w9s002": "'process' names no measure, even timed ('the hiring process to 21 days')",
    "w9s010": "a window from each month end is no level of the close",
    "w9s011": "'close the books' counts the books",
    "w9f011": "'(15 km+)' has no threshold word the target detector reads",
    "w9v007": "'every AE's forecast' is read as a forecast to count",
    "w9v009": "'thank-you calls' is cut at 'thank-you'",
}


def _cases(*names: str) -> list:
    return example_cases(9, names, KNOWN_MISSES)


@pytest.mark.parametrize("record", _cases("going-into", "bracket-dates", "within-of-event",
                                          "moving-feasts", "fiscal-end-days",
                                          "month-occasions", "fiscal-started",
                                          "bare-occasions"))
def test_deadline_class(record: dict) -> None:
    deadline = analyze(record["text"], reference_date=REFERENCE).components.deadline
    date = deadline.value.date if deadline.value is not None else None
    assert (deadline.text, date) == (record["deadline"], record["deadline_date"])


@pytest.mark.parametrize("record", _cases("consequence"))
def test_relevance_class(nlp: Language, record: dict) -> None:
    assert span(nlp(record["text"])._.gs_relevance) == record["relevance"]


@pytest.mark.parametrize("record", _cases("goal-then-question"))
def test_goal_with_a_question(record: dict) -> None:
    found = analyze(record["text"], reference_date=REFERENCE)
    flagged = any(f.id == "text.not_a_goal" for f in found.findings)
    gold_goal = any(record[k] is not None for k in ("metric", "target", "deadline")) or bool(
        record["vague"])
    assert (flagged, [v.text for v in found.vague]) == (not gold_goal, record["vague"])


@pytest.mark.parametrize("record", _cases("bracket-definitions", "recipients", "to-signs"))
def test_target_class(nlp: Language, record: dict) -> None:
    assert span(nlp(record["text"])._.gs_target) == record["target"]


@pytest.mark.parametrize("record", _cases("past-comparators", "every-role",
                                          "measure-headlines", "chat-to"))
def test_metric_and_target_class(nlp: Language, record: dict) -> None:
    doc = nlp(record["text"])
    found = (span(doc._.gs_metric), span(doc._.gs_target))
    assert found == (record["metric"], record["target"])


@pytest.mark.parametrize("record", _cases("of-names", "shorten-process", "process-names",
                                          "one-on-ones", "cadence-habits"))
def test_metric_class(nlp: Language, record: dict) -> None:
    assert span(nlp(record["text"])._.gs_metric) == record["metric"]
