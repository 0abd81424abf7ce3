"""`goalsmith bulk FILE`: check every goal in a CSV or XLSX export and write a team report."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from tqdm import tqdm

from .. import (
    OUTPUT_FORMATS,
    PARTITION_ROWS,
    InputError,
    NoGoalColumnError,
    Options,
    PartitionRunner,
    Table,
    open_table,
    report_rows,
    write_report,
)
from ..result import COMPONENTS, OutputFormat, ReportRow, TeamSummary
from .common import add_analysis_options, options_from, positive_int
from .keeping import HistoryRequest, KeptGoal

STDOUT = "-"
SCHEDULER_VARIABLE = "GOALSMITH_DASK_SCHEDULER"
# The cluster's default rows per task (assistant.cluster.DEFAULT_PARTITION_ROWS, which this
# module does not import: Dask is optional).
CLUSTER_PARTITION_ROWS = 2_000


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "bulk",
        help="check every goal in a CSV or XLSX file and write a team report",
        description="Check every goal in a spreadsheet export (CSV in any common encoding and "
        "delimiter, or XLSX) and write every row back with its score, the components found, "
        "the resolved deadline, the main findings and a rewrite. Prints a team summary.",
    )
    parser.add_argument("file", help="the CSV or XLSX file of goals")
    parser.add_argument(
        "-o", "--output",
        help="report file, or '-' for standard output (default: standard output when it is "
        "piped or redirected, else FILE.report.FORMAT beside FILE)",
    )
    parser.add_argument("--column", help="header (or 1-based number) of the goal column")
    parser.add_argument("--owner-column", help="header (or 1-based number) of the owner column")
    parser.add_argument(
        "--format", choices=OUTPUT_FORMATS,
        help="report format (default: from the output file's extension, else csv)",
    )
    parser.add_argument(
        "--processes", type=positive_int, default=1,
        help="worker processes, each loading the pipeline once (default: %(default)s)",
    )
    parser.add_argument(
        "--scheduler", default=os.environ.get(SCHEDULER_VARIABLE) or None, metavar="ADDRESS",
        help="run on a Dask cluster, e.g. tcp://host:8786 (default: $GOALSMITH_DASK_SCHEDULER; "
        "needs goalsmith[dask])",
    )
    parser.add_argument(
        "--partition-rows", type=positive_int, metavar="N",
        help=f"rows per unit of work (default: {PARTITION_ROWS} here, "
        f"{CLUSTER_PARTITION_ROWS:,} on a cluster)",
    )
    add_analysis_options(parser)
    saving = parser.add_argument_group(
        "saving to history",
        "Nothing is stored unless you ask: --save keeps the goals, their analysis and the "
        "summary as one cycle of a team (database: GOALSMITH_DATABASE_URL, see "
        "`goalsmith history`).",
    )
    saving.add_argument("--save", action="store_true", help="save the report as a cycle")
    saving.add_argument("--team", help="team to save the cycle under (with --save)")
    saving.add_argument("--cycle", help="cycle name, e.g. 2027-Q1 (with --save)")
    saving.add_argument("--replace", action="store_true",
                        help="overwrite a saved cycle of the same name")
    saving.add_argument(
        "--parents", metavar="FILE",
        help="CSV/XLSX of parent (team or company) goals: report each goal's best-matching "
        "parent, orphans and near-duplicate goals (saved with --save)",
    )
    saving.add_argument(
        "--parents-column", metavar="NAME",
        help="or: the column of FILE itself whose non-blank cells are the parent goals",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    options = options_from(args)
    fmt = output_format(args.format, args.output)
    target = args.output or default_output(Path(args.file), fmt)
    with ExitStack() as stack:
        runner = _cluster_runner(args.scheduler, stack) if args.scheduler else None
        default_rows = CLUSTER_PARTITION_ROWS if runner else PARTITION_ROWS
        work = {"processes": args.processes, "runner": runner,
                "partition_rows": args.partition_rows or default_rows}
        return _write(args, options, fmt, target, work)


def _cluster_runner(address: str, stack: ExitStack) -> PartitionRunner:
    """A runner on the Dask cluster at `address`, connected before any work starts."""
    try:
        from ..cluster import connect, dask_runner
    except ImportError:
        raise InputError("--scheduler needs Dask: pip install 'goalsmith[dask]'") from None
    return dask_runner(stack.enter_context(connect(address)))


def _write(
    args: argparse.Namespace, options: Options, fmt: OutputFormat, target: str,
    work: dict[str, Any],
) -> int:
    history = HistoryRequest.from_args(args)
    goals: list[KeptGoal] = []
    try:
        with open_table(args.file, column=args.column, owner_column=args.owner_column) as table:
            rows = tqdm(
                report_rows(table, options, **work),
                desc="checking goals", unit=" goals", file=sys.stderr,
                disable=not sys.stderr.isatty(), leave=False,
            )
            if history.wanted:
                rows = _keeping(rows, table.goal_column, goals)
            with _output(target) as stream:
                summary = write_report(table.headers, rows, stream, fmt, bom=target != STDOUT)
    except NoGoalColumnError as exc:
        raise NoGoalColumnError(f"{exc.message} Use --column NAME.", details=exc.details) from None
    report = sys.stderr if target == STDOUT else sys.stdout
    print(summary_text(args.file, table, summary), file=report)
    if history.wanted:
        print(history.finish(goals, summary, args.file), file=report)
    if target != STDOUT:
        print(f"Report written to {target}", file=report)
    return 0


def _keeping(rows: Iterable[ReportRow], goal_column: int, kept: list[KeptGoal]
             ) -> Iterator[ReportRow]:
    """The rows, unchanged, each also kept (row, owner, text, analysis) for history."""
    for row in rows:
        kept.append(KeptGoal(row.row, row.owner, row.cells[goal_column], row.result))
        yield row


def output_format(requested: str | None, output: str | None) -> OutputFormat:
    """The format asked for, else the output file's extension, else CSV."""
    suffix = Path(output).suffix.lstrip(".").lower() if output else ""
    wanted = (requested, suffix)
    return next((fmt for choice in wanted for fmt in OUTPUT_FORMATS if fmt == choice), "csv")


def default_output(source: Path, fmt: OutputFormat) -> str:
    """Standard output in a pipe (`goalsmith bulk team.csv > report.csv`); at a terminal, a
    file beside the input rather than thousands of rows on the screen."""
    if not sys.stdout.isatty():
        return STDOUT
    return str(source.with_name(f"{source.stem}.report.{fmt}"))


@contextmanager
def _output(target: str) -> Iterator[BinaryIO]:
    """Standard output, or a file that appears only once the whole report is written."""
    if target == STDOUT:
        sys.stdout.flush()
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    partial = f"{target}.partial"
    try:
        with open(partial, "wb") as stream:
            yield stream
        os.replace(partial, target)
    finally:
        if os.path.exists(partial):
            os.remove(partial)


def summary_text(name: str, table: Table, summary: TeamSummary) -> str:
    """The team summary as a manager reads it in a terminal."""
    owner = f', owner column "{table.owner_header}"' if table.owner_header else ""
    lines = [
        f'{name} ({table.describe()}): goal column "{table.goal_header}"{owner}',
        f"{_goals(summary.goals)}: {summary.analysed} checked, {summary.errors} could not be",
        f"Mean score: {_number(summary.mean_score)}",
        "Goals with each part: " + ", ".join(
            f"{part} {summary.components[part]:.0%}" for part in COMPONENTS
        ),
    ]
    if summary.top_findings:
        lines.append("Most common findings:")
        lines += [f"  {item.id}: {_goals(item.goals)} ({item.share:.0%})"
                  for item in summary.top_findings]
    if table.owner_header:
        lines.append("Mean score per owner:")
        lines += [
            f"  {item.owner or '(no owner)'}: {_number(item.mean_score)} ({_goals(item.goals)})"
            for item in summary.owners
        ]
    return "\n".join(lines)


def _goals(count: int) -> str:
    return f"{count:,} goal" if count == 1 else f"{count:,} goals"


def _number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}"
