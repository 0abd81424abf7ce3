"""Goals pasted as a small table (assistant/grid.py): a header line naming the columns and
value lines below it, split by '|' or by tabs. Each value cell is read as the field its column
names: the measure's column gives the metric, a baseline column never the target, a why
column the relevance."""

from __future__ import annotations

import pytest
from spacy.language import Language

from assistant.grid import column_cell, column_labels

# text, then the metric, target, deadline and relevance found
READINGS = [
    pytest.param("KPI | Baseline | Target | Due\nQuote turnaround | 3 days | 1 day | March 31",
                 "Quote turnaround", "1 day", "March 31", None, id="pipes-baseline-column"),
    pytest.param("Region\tMetric\tNow\tGoal\tBy\nDACH\tgross margin\t61%\t65%\tQ3 2027",
                 "gross margin", "65%", "Q3 2027", None, id="tabs-owner-first"),
    pytest.param("| Owner | KPI | Baseline | Target |\n|---|---|---|---|\n"
                 "| RevOps | forecast accuracy | 78% | 90% |",
                 "forecast accuracy", "90%", None, None, id="markdown-rule-line"),
    pytest.param("Owner\tMetric\tTarget\tDue\nCX team\tNPS\tTBD\tEOY", "NPS", None, "EOY",
                 None, id="tabs-no-level"),
    pytest.param("Goal\tTarget\tDeadline\tWhy\nRenewal rate\t95%\tQ3 2027\tthe board wants "
                 "a steadier base", "Renewal rate", "95%", "Q3 2027",
                 "the board wants a steadier base", id="why-column"),
    pytest.param("Team | Metric | H2 actual | Target | Due\nEMEA | pipeline coverage | 2.4x | "
                 "3x | Q2", "pipeline coverage", "3x", "Q2", None, id="period-actual-column"),
]


@pytest.mark.parametrize(("text", "metric", "target", "deadline", "relevance"), READINGS)
def test_table_cells_read_as_fields(nlp: Language, text: str, metric: str, target: str | None,
                                    deadline: str | None, relevance: str | None) -> None:
    doc = nlp(text)
    found = [None if part is None else part.text for part in (
        doc._.gs_metric, doc._.gs_target, doc._.gs_deadline, doc._.gs_relevance)]
    assert found == [metric, target, deadline, relevance]


# text, a word in it, then the label of that word's column (None: no value cell)
CELLS = [
    pytest.param("Metric | Target\nwin rate | 30%", "rate", ("metric",), id="value"),
    pytest.param("Metric | Target\nwin rate | 30%", "Target", None, id="header"),
    pytest.param("Deal desk KPI\tNow\nquote time\t9", "9", ("now",), id="tabs"),
    pytest.param("Team | Q4 actual\nSMB | 2.1", "2.1", ("q4", "actual"), id="last-word-names"),
    pytest.param("Best,\nPriya Nair | Senior CSM | Acme", "Acme", None,
                 id="signature-no-header"),
    pytest.param("Metric | Target\nwin rate | 30% | Q3", "Q3", None,
                 id="more-cells-than-header"),
    pytest.param("Rep | Quota\nDana | 100", "Dana", None, id="no-known-label"),
]


@pytest.mark.parametrize(("text", "word", "label"), CELLS)
def test_value_cell_takes_its_column_label(nlp: Language, text: str, word: str,
                                           label: tuple[str, ...] | None) -> None:
    doc = nlp(text)
    cell = column_cell(doc, next(t.i for t in doc if t.text == word), column_labels())
    assert (None if cell is None else cell.label) == label
