"""Where history is stored, read from the environment (prefix `GOALSMITH_`)."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DATABASE_FILE = "history.db"


def default_data_dir() -> Path:
    """`$XDG_DATA_HOME/goalsmith`, else `~/.local/share/goalsmith`."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "goalsmith"


class HistorySettings(BaseSettings):
    """The database that saved cycles live in."""

    model_config = SettingsConfigDict(env_prefix="GOALSMITH_", extra="ignore")

    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Folder of the embedded SQLite database (created on first save).",
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the history database, e.g. "
        "`postgresql+psycopg://user:pass@host/goalsmith`; unset: a SQLite file "
        f"`{DATABASE_FILE}` in `data_dir`.",
    )

    def url(self) -> str:
        """The database URL to connect to."""
        return self.database_url or f"sqlite:///{self.data_dir / DATABASE_FILE}"
