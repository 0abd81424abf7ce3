"""Cycles, their goals and their parent goals.

Revision ID: 0001
Revises:
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cycles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("team", sa.String(100), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.String(255)),
        sa.Column("goals", sa.Integer, nullable=False),
        sa.Column("analysed", sa.Integer, nullable=False),
        sa.Column("mean_score", sa.Float),
        sa.Column("summary", sa.JSON, nullable=False),
        sa.UniqueConstraint("team", "name", name="uq_cycles_team_name"),
    )
    op.create_table(
        "goals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("cycle_id", sa.Integer, sa.ForeignKey("cycles.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("row", sa.Integer, nullable=False),
        sa.Column("owner", sa.String(255)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("score", sa.Integer),
        sa.Column("metric", sa.Boolean),
        sa.Column("target", sa.Boolean),
        sa.Column("deadline", sa.Boolean),
        sa.Column("relevance", sa.Boolean),
        sa.Column("vague", sa.Boolean),
        sa.Column("error", sa.Text),
        sa.Column("analysis", sa.JSON, nullable=False),
    )
    op.create_index("ix_goals_cycle_id", "goals", ["cycle_id"])
    op.create_table(
        "parent_goals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("cycle_id", sa.Integer, sa.ForeignKey("cycles.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_parent_goals_cycle_id", "parent_goals", ["cycle_id"])


def downgrade() -> None:
    op.drop_table("parent_goals")
    op.drop_table("goals")
    op.drop_table("cycles")
