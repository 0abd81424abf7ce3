"""The history schema (SQLAlchemy Core). Alembic migrations in `history/migrations` create
and change it; this module describes the current head for queries."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

NAME_CHARS = 100

metadata = MetaData()

cycles = Table(
    "cycles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("team", String(NAME_CHARS), nullable=False),
    Column("name", String(NAME_CHARS), nullable=False),
    Column("uploaded_at", DateTime(timezone=True), nullable=False),
    Column("source", String(255)),
    Column("goals", Integer, nullable=False),
    Column("analysed", Integer, nullable=False),
    Column("mean_score", Float),
    Column("summary", JSON, nullable=False),
    UniqueConstraint("team", "name", name="uq_cycles_team_name"),
)

goals = Table(
    "goals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("cycle_id", Integer, ForeignKey("cycles.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("position", Integer, nullable=False),
    Column("row", Integer, nullable=False),
    Column("owner", String(255)),
    Column("text", Text, nullable=False),
    Column("score", Integer),
    Column("metric", Boolean),
    Column("target", Boolean),
    Column("deadline", Boolean),
    Column("relevance", Boolean),
    Column("vague", Boolean),
    Column("error", Text),
    Column("analysis", JSON, nullable=False),
)

parent_goals = Table(
    "parent_goals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("cycle_id", Integer, ForeignKey("cycles.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("position", Integer, nullable=False),
    Column("text", Text, nullable=False),
)
