"""`goalsmith history`: list, show, delete, trend and compare a team's saved cycles.

Cycles are saved with `goalsmith bulk FILE --save --team T --cycle NAME`. The database is
`GOALSMITH_DATABASE_URL` (default: a SQLite file in the data folder; see the README). The
`history` package is imported only when this command runs.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ..result import COMPONENTS
from .keeping import alignment_lines

if TYPE_CHECKING:
    from history.compare import Comparison
    from history.records import CycleInfo
    from history.reports import SavedReport
    from history.trend import Trend




def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "history", help="list, show, delete, trend and compare a team's saved cycles",
        description="Saved team reports (cycles). Without an action, lists the cycles.",
    )
    parser.add_argument("--team", help="only this team's cycles")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(func=run_list)
    actions = parser.add_subparsers(dest="action")
    show = actions.add_parser("show", help="one saved cycle: summary, goals, alignment")
    _team_cycle(show)
    show.set_defaults(func=run_show)
    delete = actions.add_parser("delete", help="delete a saved cycle and all it stored")
    _team_cycle(delete)
    delete.set_defaults(func=run_delete)
    trend = actions.add_parser("trend", help="one point per saved cycle of a team")
    trend.add_argument("team")
    trend.add_argument("--csv", action="store_true", help="print CSV (formula-safe)")
    trend.add_argument("--json", action="store_true", help="print JSON")
    trend.set_defaults(func=run_trend)
    compare = actions.add_parser("compare", help="what changed between two saved cycles")
    compare.add_argument("team")
    compare.add_argument("before", help="the earlier cycle")
    compare.add_argument("after", help="the later cycle")
    compare.add_argument("--json", action="store_true", help="print JSON")
    compare.set_defaults(func=run_compare)


def _team_cycle(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("team")
    parser.add_argument("cycle")
    parser.add_argument("--json", action="store_true", help="print JSON")


def run_list(args: argparse.Namespace) -> int:
    from history import open_store
    from history.reports import CycleList

    listing = CycleList(cycles=open_store().cycles(args.team))
    print(listing.model_dump_json(indent=2) if args.json else "\n".join(list_lines(listing.cycles)))
    return 0


def run_show(args: argparse.Namespace) -> int:
    from history import open_store
    from history.reports import saved_report

    report = saved_report(open_store(), args.team, args.cycle)
    print(report.model_dump_json(indent=2) if args.json else "\n".join(show_lines(report)))
    return 0


def run_delete(args: argparse.Namespace) -> int:
    from history import open_store

    info = open_store().delete_cycle(args.team, args.cycle)
    print(f'Deleted cycle "{info.cycle}" of team "{info.team}" ({info.goals} goals).')
    return 0


def run_trend(args: argparse.Namespace) -> int:
    from history import open_store
    from history.trend import team_trend, trend_csv

    trend = team_trend(open_store(), args.team)
    if args.csv:
        sys.stdout.buffer.write(trend_csv(trend))
    else:
        print(trend.model_dump_json(indent=2) if args.json else "\n".join(trend_lines(trend)))
    return 0


def run_compare(args: argparse.Namespace) -> int:
    from history import open_store
    from history.compare import compare_cycles

    comparison = compare_cycles(open_store(), args.team, args.before, args.after)
    print(comparison.model_dump_json(indent=2) if args.json
          else "\n".join(compare_lines(comparison)))
    return 0


def _score(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}"


def list_lines(cycles: list[CycleInfo]) -> list[str]:
    if not cycles:
        return ["No saved cycles. Save one with: goalsmith bulk FILE --save --team T --cycle C"]
    return [f"{info.team} / {info.cycle}: {info.goals} goals, mean score "
            f"{_score(info.mean_score)}, saved {info.uploaded_at:%Y-%m-%d %H:%M} UTC"
            for info in cycles]


def show_lines(report: SavedReport) -> list[str]:
    cycle = report.cycle
    lines = [*list_lines([cycle]), *(
        f"  row {goal.row} [{goal.owner or 'no owner'}] {_score(goal.score)}: {goal.text}"
        for goal in cycle.entries
    )]
    return lines + alignment_lines(report.alignment)


def trend_lines(trend: Trend) -> list[str]:
    lines = [f"Team {trend.team}: {len(trend.points)} cycles"]
    for point in trend.points:
        parts = ", ".join(f"{name} {point.components[name]:.0%}" for name in COMPONENTS)
        lines.append(f"{point.cycle}: mean {_score(point.mean_score)} ({point.analysed} goals); "
                     f"{parts}; vague {point.vague:.0%}")
        lines += [f"  {owner.owner or '(no owner)'}: {_score(owner.mean_score)}"
                  for owner in point.owners]
    return lines


def compare_lines(comparison: Comparison) -> list[str]:
    lines = [f"{comparison.team}: {comparison.before} -> {comparison.after}, mean "
             f"{_score(comparison.mean_before)} -> {_score(comparison.mean_after)}"]
    for owner in comparison.owners:
        change = "n/a" if owner.score_change is None else f"{owner.score_change:+.1f}"
        lines.append(f"  {owner.owner or '(no owner)'}: {_score(owner.mean_before)} -> "
                     f"{_score(owner.mean_after)} ({change}); appeared: "
                     f"{', '.join(owner.appeared) or 'none'}; disappeared: "
                     f"{', '.join(owner.disappeared) or 'none'}")
    return lines
