"""`goalsmith bulk --save/--parents`: keep a report as a team's cycle, align it with parent
goals. The `history` package (SQLAlchemy, scikit-learn) is imported only when asked for, so
plain `goalsmith bulk` starts as fast as before."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from .. import InputError
from ..result import RowResult, TeamSummary

if TYPE_CHECKING:
    from history.align import Alignment

MAX_LISTED = 10


class KeptGoal(NamedTuple):
    """One analysed row, kept for saving or aligning: row number, owner, text, analysis."""

    row: int
    owner: str | None
    text: str
    analysis: RowResult


@dataclass(frozen=True)
class HistoryRequest:
    """What the user asked of history: save as (team, cycle), and/or align with parents."""

    save: bool
    team: str | None
    cycle: str | None
    replace: bool
    parents: list[str]

    @property
    def wanted(self) -> bool:
        return self.save or bool(self.parents)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> HistoryRequest:
        """Checked before any goal is analysed: names, a free cycle name, the parents file."""
        if not args.save and (args.team or args.cycle or args.replace):
            raise InputError("--team, --cycle and --replace only apply with --save")
        request = cls(args.save, args.team, args.cycle, args.replace, _parents(args))
        if args.save:
            request._check_free()
        return request

    def _check_free(self) -> None:
        from history import CycleNotFoundError, open_store
        from history.store import check_name

        if not (self.team and self.cycle):
            raise InputError("--save needs --team TEAM and --cycle NAME")
        team, cycle = check_name(self.team, "team"), check_name(self.cycle, "cycle")
        if self.replace:
            return
        try:
            open_store().cycle_info(team, cycle)
        except CycleNotFoundError:
            return
        raise InputError(f'team "{team}" already has a cycle "{cycle}"; add --replace to '
                         "overwrite it")

    def finish(self, kept: list[KeptGoal], summary: TeamSummary, source: str) -> str:
        """Align and save as asked; what happened, for the terminal."""
        from history import SavedGoal, open_store
        from history.align import align

        goals = [SavedGoal(row=goal.row, owner=goal.owner, text=goal.text,
                           analysis=goal.analysis) for goal in kept]
        lines = alignment_lines(align(goals, self.parents)) if self.parents else []
        if self.save and self.team and self.cycle:
            info = open_store().save_cycle(self.team, self.cycle, goals, summary,
                                           parents=self.parents, source=source,
                                           replace=self.replace)
            lines.append(f'Saved as cycle "{info.cycle}" of team "{info.team}" '
                         f"({info.goals} goals).")
        return "\n".join(lines)


def _parents(args: argparse.Namespace) -> list[str]:
    """The parent goals of --parents FILE, or of the goals file's --parents-column."""
    if args.parents and args.parents_column:
        raise InputError("give --parents FILE or --parents-column NAME, not both")
    if not (args.parents or args.parents_column):
        return []
    from history.reports import read_parents

    parents = read_parents(args.parents or args.file, column=args.parents_column)
    if not parents:
        raise InputError("no parent goals found")
    return parents


def alignment_lines(alignment: Alignment) -> list[str]:
    """The alignment as a manager reads it in a terminal: orphans (when there are parent
    goals), then near-duplicates."""
    lines = []
    if alignment.parents:
        lines.append(f"Alignment with {len(alignment.parents)} parent goals: "
                     f"{alignment.orphans} orphan goals (best match below "
                     f"{alignment.orphan_threshold})")
        lines += [f"  row {goal.row} ({goal.owner or 'no owner'}): {goal.text}"
                  for goal in alignment.goals if goal.orphan][:MAX_LISTED]
    lines.append(f"Near-duplicate goals: {len(alignment.duplicates)} pairs")
    lines += [f"  rows {pair.rows[0]} and {pair.rows[1]} ({pair.similarity:.2f} alike)"
              for pair in alignment.duplicates[:MAX_LISTED]]
    return lines
