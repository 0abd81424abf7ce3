"""Saving, listing, reading and deleting cycles: each a single transaction.

A save writes the cycle, its goals and its parent goals together or not at all; saving a
name the team already uses needs `replace=True` and swaps the old cycle out in the same
transaction. Deleting a cycle removes every row it stored.
"""

from __future__ import annotations

import datetime as dt
import threading
import unicodedata
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Engine, Row, delete, insert, make_url, select
from sqlalchemy.exc import IntegrityError, OperationalError

from assistant.result import COMPONENTS, TeamSummary

from .db import make_engine, migrate, writing
from .errors import CycleExistsError, CycleNotFoundError, HistoryError, InvalidNameError
from .records import CycleDetail, CycleInfo, SavedGoal, StoredGoal
from .settings import HistorySettings
from .tables import NAME_CHARS, cycles, goals, parent_goals

AnyRow = Row[*tuple[Any, ...]]
INFO_COLUMNS = (cycles.c.team, cycles.c.name, cycles.c.uploaded_at, cycles.c.source,
                cycles.c.goals, cycles.c.analysed, cycles.c.mean_score)


def check_name(value: str, what: str) -> str:
    """A team or cycle name, trimmed; raises `InvalidNameError` for one that is empty, longer
    than the database keeps, or holds a slash or control character (names go into URLs)."""
    name = value.strip()
    if not name or len(name) > NAME_CHARS:
        raise InvalidNameError(f"a {what} name needs 1 to {NAME_CHARS} characters")
    if "/" in name or any(unicodedata.category(char).startswith("C") for char in name):
        raise InvalidNameError(f"a {what} name cannot contain '/' or control characters")
    return name


class HistoryStore:
    """The saved cycles of every team, in one database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def save_cycle(
        self,
        team: str,
        cycle: str,
        saved: Sequence[SavedGoal],
        summary: TeamSummary,
        *,
        parents: Sequence[str] = (),
        source: str | None = None,
        replace: bool = False,
    ) -> CycleInfo:
        """Store a team report as the team's cycle, all in one transaction. Raises
        `CycleExistsError` when the name is taken and `replace` is false."""
        team, cycle = check_name(team, "team"), check_name(cycle, "cycle")
        values = _cycle_values(team, cycle, summary, source)
        try:
            with writing(self.engine) as connection:
                old = _cycle_id(connection, team, cycle)
                if old is not None and not replace:
                    raise _exists(team, cycle)
                if old is not None:
                    _delete_cycle(connection, old)
                cycle_id = connection.execute(
                    insert(cycles).values(values).returning(cycles.c.id)).scalar_one()
                _insert_rows(connection, goals, [_goal_values(cycle_id, position, goal)
                                                 for position, goal in enumerate(saved)])
                _insert_rows(connection, parent_goals, [
                    {"cycle_id": cycle_id, "position": position, "text": text}
                    for position, text in enumerate(parents)
                ])
        except IntegrityError:
            # Another save of the same name committed first; anything else is a real fault.
            if self._find(team, cycle) is not None:
                raise _exists(team, cycle) from None
            raise
        return CycleInfo(team=team, cycle=cycle, uploaded_at=values["uploaded_at"],
                         source=values["source"], goals=summary.goals,
                         analysed=summary.analysed, mean_score=summary.mean_score)

    def cycles(self, team: str | None = None) -> list[CycleInfo]:
        """Saved cycles, oldest upload first; only `team`'s when given."""
        query = select(*INFO_COLUMNS).order_by(cycles.c.team, cycles.c.uploaded_at, cycles.c.id)
        if team is not None:
            query = query.where(cycles.c.team == check_name(team, "team"))
        with self.engine.connect() as connection:
            return [_info(row) for row in connection.execute(query)]

    def cycle_info(self, team: str, cycle: str) -> CycleInfo:
        row = self._find(team, cycle)
        if row is None:
            raise _not_found(team, cycle)
        return _info(row)

    def cycle(self, team: str, cycle: str) -> CycleDetail:
        """A saved cycle with its summary, goals and parent goals."""
        with self.engine.connect() as connection:
            row = connection.execute(
                select(cycles.c.id, cycles.c.summary, *INFO_COLUMNS)
                .where(*_named(team, cycle))
            ).first()
            if row is None:
                raise _not_found(team, cycle)
            entries = connection.execute(
                select(goals).where(goals.c.cycle_id == row.id).order_by(goals.c.position))
            parents = connection.execute(
                select(parent_goals.c.text).where(parent_goals.c.cycle_id == row.id)
                .order_by(parent_goals.c.position))
            return CycleDetail(
                **_info(row).model_dump(),
                summary=TeamSummary.model_validate(row.summary),
                entries=[_stored(goal) for goal in entries],
                parents=list(parents.scalars()),
            )

    def team_cycles(self, team: str) -> list[CycleDetail]:
        """Every saved cycle of a team with its goals, oldest upload first."""
        return [self.cycle(info.team, info.cycle) for info in self.cycles(team)]

    def delete_cycle(self, team: str, cycle: str) -> CycleInfo:
        """Remove a cycle and everything it stored; returns what was removed."""
        with writing(self.engine) as connection:
            row = connection.execute(
                select(cycles.c.id, *INFO_COLUMNS)
                .where(*_named(team, cycle))
            ).first()
            if row is None:
                raise _not_found(team, cycle)
            _delete_cycle(connection, row.id)
        return _info(row)

    def _find(self, team: str, cycle: str) -> AnyRow | None:
        with self.engine.connect() as connection:
            return connection.execute(
                select(*INFO_COLUMNS)
                .where(*_named(team, cycle))
            ).first()


def _named(team: str, cycle: str) -> tuple[Any, Any]:
    """The WHERE clauses that pick one cycle of a team, its names checked first."""
    return (cycles.c.team == check_name(team, "team"),
            cycles.c.name == check_name(cycle, "cycle"))


def _exists(team: str, cycle: str) -> CycleExistsError:
    return CycleExistsError(
        f'team "{team}" already has a cycle "{cycle}"; save with replace to overwrite it',
        details={"team": team, "cycle": cycle},
    )


def _not_found(team: str, cycle: str) -> CycleNotFoundError:
    return CycleNotFoundError(f'team "{team}" has no saved cycle "{cycle}"',
                              details={"team": team, "cycle": cycle})


def _cycle_id(connection: Connection, team: str, cycle: str) -> int | None:
    return connection.execute(
        select(cycles.c.id).where(cycles.c.team == team, cycles.c.name == cycle)
    ).scalar_one_or_none()


def _delete_cycle(connection: Connection, cycle_id: int) -> None:
    connection.execute(delete(goals).where(goals.c.cycle_id == cycle_id))
    connection.execute(delete(parent_goals).where(parent_goals.c.cycle_id == cycle_id))
    connection.execute(delete(cycles).where(cycles.c.id == cycle_id))


def _insert_rows(connection: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    if rows:
        connection.execute(insert(table), rows)


def _cycle_values(
    team: str, cycle: str, summary: TeamSummary, source: str | None
) -> dict[str, Any]:
    return {
        "team": team, "name": cycle, "uploaded_at": dt.datetime.now(dt.UTC),
        "source": source[:255] if source else None, "goals": summary.goals,
        "analysed": summary.analysed, "mean_score": summary.mean_score,
        "summary": summary.model_dump(mode="json"),
    }


def _goal_values(cycle_id: int, position: int, goal: SavedGoal) -> dict[str, Any]:
    return {
        "cycle_id": cycle_id, "position": position, "row": goal.row, "owner": goal.owner,
        "text": goal.text, "score": goal.score, **goal.components(), "vague": goal.vague(),
        "error": goal.error, "analysis": goal.analysis,
    }


def _info(row: AnyRow) -> CycleInfo:
    uploaded = row.uploaded_at
    if uploaded.tzinfo is None:  # SQLite keeps no time zone; every time is stored in UTC
        uploaded = uploaded.replace(tzinfo=dt.UTC)
    return CycleInfo(team=row.team, cycle=row.name, uploaded_at=uploaded, source=row.source,
                     goals=row.goals, analysed=row.analysed, mean_score=row.mean_score)


def _stored(row: AnyRow) -> StoredGoal:
    return StoredGoal(
        row=row.row, owner=row.owner, text=row.text, score=row.score,
        components={name: getattr(row, name) for name in COMPONENTS},
        vague=row.vague, error=row.error, analysis=row.analysis,
    )


def connect(url: str, *, upgrade: bool = True) -> HistoryStore:
    """A store on the database at `url`, migrated to the newest schema unless told not to.
    Raises `HistoryError` when the database cannot be reached."""
    try:
        engine = make_engine(url)
        if upgrade:
            migrate(engine)
    except (OperationalError, OSError) as exc:
        where = make_url(url).render_as_string(hide_password=True)
        raise HistoryError(f"cannot open the history database {where}: "
                           f"{type(exc).__name__}") from exc
    return HistoryStore(engine)


def open_store(url: str | None = None) -> HistoryStore:
    """This process's store for `url` (default: the `GOALSMITH_DATABASE_URL` setting),
    connected and migrated on first use, then shared."""
    url = url or HistorySettings().url()
    with _STORES_LOCK:
        if url not in _STORES:
            _STORES[url] = connect(url)
        return _STORES[url]


def close_stores() -> None:
    """Close every store `open_store` handed out (their connections go back to the server)."""
    with _STORES_LOCK:
        for store in _STORES.values():
            store.engine.dispose()
        _STORES.clear()


# One engine (and connection pool) per database URL and process, like the cached pipeline.
_STORES: dict[str, HistoryStore] = {}
_STORES_LOCK = threading.Lock()
