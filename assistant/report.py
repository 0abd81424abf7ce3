"""Team reports: every row of a goals spreadsheet analysed, flattened to columns, summarised.

One flattening (`flatten_analysis`) serves the CLI's files, the API's report and the web
page's download. Rows are analysed in partitions by an importable worker function
(`analyze_partition`), in this process or in a pool whose workers each load the pipeline
once and send back small plain dicts: the same function a distributed engine could map.
"""

from __future__ import annotations

import functools
import itertools
import multiprocessing
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.pool import AsyncResult
from typing import BinaryIO, cast

from .analysis import check_batch
from .errors import GoalsmithError, TooManyRowsError
from .iterate import batched
from .options import Options, make_options
from .pipeline import get_nlp
from .result import (
    COMPONENTS,
    FindingCount,
    GoalAnalysis,
    GoalEntry,
    OutputFormat,
    OwnerSummary,
    ReportRow,
    RowError,
    RowResult,
    TableInfo,
    TeamReport,
    TeamSummary,
)
from .tables.read import Source, Table, open_table
from .tables.write import make_writer, write_table

# Rows per partition: large enough for nlp.pipe to batch well, small enough to keep a pool busy.
PARTITION_ROWS = 256
# Rows read from an upload (blank ones too) per goal it may hold, before it is refused.
RECORDS_PER_ROW = 2
# Partitions queued per worker process; bounds memory however long the file is.
IN_FLIGHT_PER_PROCESS = 3
TOP_ROW_FINDINGS = 3
TOP_TEAM_FINDINGS = 5
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
ANALYSIS_COLUMNS = (
    "score",
    *COMPONENTS,
    "deadline_date",
    "target_amount",
    "target_unit",
    "top_findings",
    "finding_ids",
    "rewrite",
    "error",
)
# Prefix for an analysis column whose name the input file already uses.
COLUMN_PREFIX = "goalsmith_"
# The file name every surface offers a team report's CSV download under.
REPORT_CSV_NAME = "goalsmith-team-report.csv"



def flatten_analysis(analysis: GoalAnalysis) -> RowResult:
    """The analysis columns of one goal: score, each component present or not, the resolved
    deadline and target, the most severe findings and the first rewrite."""
    parts = analysis.components
    findings = sorted(analysis.findings, key=lambda finding: SEVERITY_ORDER[finding.severity])
    target = parts.target.value
    deadline = parts.deadline.value
    return {
        "score": analysis.score,
        **{name: getattr(parts, name).present for name in COMPONENTS},
        "deadline_date": deadline.date if deadline else None,
        "target_amount": target.amount if target else None,
        "target_unit": (target.currency or target.unit) if target else None,
        "top_findings": [finding.message for finding in findings[:TOP_ROW_FINDINGS]],
        "finding_ids": [finding.id for finding in findings],
        "rewrite": analysis.rewrites[0].text if analysis.rewrites else None,
        "error": None,
    }


def flatten_error(message: str) -> RowResult:
    """The analysis columns of a row that could not be analysed: only its error."""
    return {**dict.fromkeys(ANALYSIS_COLUMNS), "finding_ids": [], "error": message}


def flatten(result: GoalAnalysis | GoalsmithError) -> RowResult:
    if isinstance(result, GoalsmithError):
        return flatten_error(result.message)
    return flatten_analysis(result)


@dataclass(frozen=True)
class Partition:
    """A slice of goal texts and the options to read them with: one unit of work."""

    texts: tuple[str, ...]
    options: Options


def analyze_partition(partition: Partition) -> list[RowResult]:
    """The analysis columns of every text in the partition, in order (plain, picklable)."""
    items = ((text, partition.options) for text in partition.texts)
    return [flatten(outcome) for outcome in check_batch(items)]


def _load_pipeline() -> None:
    get_nlp()


# Runs partitions and yields their results in input order: `run_partitions` here, or a
# distributed engine's (`assistant.cluster.dask_runner`).
PartitionRunner = Callable[[Iterable[Partition]], Iterator[list[RowResult]]]


def run_partitions(
    partitions: Iterable[Partition], processes: int = 1
) -> Iterator[list[RowResult]]:
    """Results of `analyze_partition` in input order, here or in a pool of `processes`
    workers that each load the pipeline once; only a few partitions are queued at a time."""
    if processes <= 1:
        yield from map(analyze_partition, partitions)
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with multiprocessing.get_context(method).Pool(processes, initializer=_load_pipeline) as pool:
        pending: deque[AsyncResult[list[RowResult]]] = deque()
        for partition in partitions:
            pending.append(pool.apply_async(analyze_partition, (partition,)))
            if len(pending) >= processes * IN_FLIGHT_PER_PROCESS:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def report_rows(
    table: Table,
    options: Options,
    *,
    processes: int = 1,
    runner: PartitionRunner | None = None,
    partition_rows: int = PARTITION_ROWS,
) -> Iterator[ReportRow]:
    """Every row of the table, in order, with its analysis columns; streamed. Partitions of
    `partition_rows` go to `runner` (default: `run_partitions` with `processes`)."""
    run = runner or functools.partial(run_partitions, processes=processes)
    numbered = enumerate(table.rows, start=table.first_row)
    chunks_for_rows, chunks_for_texts = itertools.tee(batched(numbered, partition_rows))
    partitions = (
        Partition(tuple(cells[table.goal_column] for _, cells in chunk), options)
        for chunk in chunks_for_texts
    )
    for chunk, results in zip(chunks_for_rows, run(partitions), strict=True):
        for (number, cells), result in zip(chunk, results, strict=True):
            yield ReportRow(number, _owner(table, cells), cells, result)


def _owner(table: Table, cells: Sequence[str]) -> str | None:
    if table.owner_column is None:
        return None
    return cells[table.owner_column].strip() or None


def output_columns(headers: Sequence[str]) -> dict[str, str]:
    """Analysis column -> its name in the output, prefixed where the input already uses it."""
    taken = {header.casefold() for header in headers}
    return {
        name: f"{COLUMN_PREFIX}{name}" if name.casefold() in taken else name
        for name in ANALYSIS_COLUMNS
    }


def output_record(
    headers: Sequence[str], cells: Sequence[str], result: RowResult, names: dict[str, str]
) -> dict[str, object]:
    """One output row: the input columns, then the analysis columns."""
    return {**dict(zip(headers, cells, strict=True)), **{names[k]: v for k, v in result.items()}}


@dataclass
class _OwnerTally:
    goals: int = 0
    analysed: int = 0
    score_total: float = 0.0
    scored: int = 0


def _mean(total: float, count: int) -> float | None:
    return round(total / count, 1) if count else None


@dataclass
class SummaryBuilder:
    """Adds rows one at a time (memory grows with owners and rule ids, never with rows)."""

    goals: int = 0
    analysed: int = 0
    score_total: float = 0.0
    scored: int = 0
    components: Counter[str] = field(default_factory=Counter)
    findings: Counter[str] = field(default_factory=Counter)
    owners: dict[str | None, _OwnerTally] = field(default_factory=dict)

    def add(self, owner: str | None, result: RowResult) -> None:
        tally = self.owners.setdefault(owner, _OwnerTally())
        self.goals += 1
        tally.goals += 1
        if result["error"] is not None:
            return
        self.analysed += 1
        tally.analysed += 1
        self.components.update(name for name in COMPONENTS if result[name])
        self.findings.update(set(cast(list[str], result["finding_ids"])))
        score = result["score"]
        if isinstance(score, int | float):
            self.score_total += score
            self.scored += 1
            tally.score_total += score
            tally.scored += 1

    def summary(self) -> TeamSummary:
        def share(count: int) -> float:
            return round(count / self.analysed, 3) if self.analysed else 0.0

        owners = sorted(self.owners.items(), key=lambda item: (item[0] is None, item[0] or ""))
        return TeamSummary(
            goals=self.goals,
            analysed=self.analysed,
            errors=self.goals - self.analysed,
            mean_score=_mean(self.score_total, self.scored),
            components={name: share(self.components[name]) for name in COMPONENTS},
            owners=[
                OwnerSummary(owner=owner, goals=tally.goals, analysed=tally.analysed,
                             mean_score=_mean(tally.score_total, tally.scored))
                for owner, tally in owners
            ],
            top_findings=[
                FindingCount(id=rule, goals=count, share=share(count))
                for rule, count in self.findings.most_common(TOP_TEAM_FINDINGS)
            ],
        )


def table_info(table: Table, filename: str | None) -> TableInfo:
    return TableInfo(
        filename=filename,
        format=table.format,
        encoding=table.encoding,
        delimiter=table.delimiter,
        columns=table.headers,
        goal_column=table.goal_header,
        owner_column=table.owner_header,
    )


def build_team_report(
    source: Source,
    *,
    filename: str | None = None,
    column: str | None = None,
    owner_column: str | None = None,
    options: Options | None = None,
    max_rows: int | None = None,
) -> TeamReport:
    """Read an uploaded table (path or bytes) and analyse every row. Raises a
    `FileFormatError` for an unreadable file, `TooManyRowsError` beyond `max_rows`."""
    options = options or make_options()
    records = None if max_rows is None else RECORDS_PER_ROW * max_rows + 1
    with open_table(source, filename=filename, column=column, owner_column=owner_column,
                    max_records=records) as table:
        rows = list(itertools.islice(enumerate(table.rows, start=table.first_row),
                                     None if max_rows is None else max_rows + 1))
        info = table_info(table, filename)
        if max_rows is not None and len(rows) > max_rows:
            raise TooManyRowsError(
                f"the file has more than {max_rows:,} goals; split it into smaller files",
                details={"limit": max_rows},
            )
        owners = [_owner(table, cells) for _, cells in rows]
    results = check_batch((cells[table.goal_column], options) for _, cells in rows)
    builder = SummaryBuilder()
    goals = []
    for (number, cells), owner, result in zip(rows, owners, results, strict=True):
        builder.add(owner, flatten(result))
        goals.append(_entry(number, owner, dict(zip(info.columns, cells, strict=True)),
                            cells[table.goal_column], result))
    return TeamReport(source=info, summary=builder.summary(), goals=goals)


def _entry(
    row: int, owner: str | None, cells: dict[str, str], text: str,
    result: GoalAnalysis | GoalsmithError,
) -> GoalEntry:
    if isinstance(result, GoalsmithError):
        return GoalEntry(row=row, owner=owner, text=text, cells=cells, score=None, analysis=None,
                         error=RowError(code=result.code, message=result.message))
    return GoalEntry(row=row, owner=owner, text=text, cells=cells, score=result.score,
                     analysis=result, error=None)


def entry_result(entry: GoalEntry) -> RowResult:
    """The analysis columns of a report entry (the same flattening as the CLI's)."""
    if entry.analysis is not None:
        return flatten_analysis(entry.analysis)
    return flatten_error(entry.error.message if entry.error else "")


def export_report(report: TeamReport, fmt: OutputFormat = "csv") -> bytes:
    """The team table as a downloadable file: input columns plus analysis columns, formulas
    neutralised; XLSX adds a Summary sheet and JSON a "summary" object."""
    names = output_columns(report.source.columns)
    columns = [*report.source.columns, *names.values()]
    rows = (
        output_record(report.source.columns, list(entry.cells.values()), entry_result(entry), names)
        for entry in report.goals
    )
    return write_table(rows, columns, fmt, report.summary.model_dump())


def report_to_csv(report: TeamReport) -> bytes:
    """The team table as UTF-8 CSV with a byte-order mark (Excel then shows accents right)."""
    return export_report(report, "csv")


def write_report(
    headers: Sequence[str],
    rows: Iterable[ReportRow],
    stream: BinaryIO,
    fmt: OutputFormat,
    *,
    bom: bool = True,
) -> TeamSummary:
    """Stream rows into a file of `fmt` and return the team summary (also written into the
    file where the format has room for it)."""
    names = output_columns(headers)
    writer = make_writer(fmt, stream, [*headers, *names.values()], bom=bom)
    builder = SummaryBuilder()
    for row in rows:
        writer.write_row(output_record(headers, row.cells, row.result, names))
        builder.add(row.owner, row.result)
    summary = builder.summary()
    writer.finish(summary.model_dump())
    return summary
