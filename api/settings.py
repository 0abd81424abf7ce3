"""Settings of the HTTP surface only, read from the environment (prefix `GOALSMITH_`).

The spaCy model name and other analysis settings live in `assistant.settings`.
"""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from assistant import MAX_BATCH_GOALS, MAX_TEXT_CHARS, MAX_UPLOAD_BYTES

# A goal's text may be JSON-escaped to six bytes a character ("\u00e9"); allow for that
# and for ids and options around each goal of a full batch.
DEFAULT_MAX_JSON_BYTES = MAX_BATCH_GOALS * (6 * MAX_TEXT_CHARS + 1024)
# Multipart framing (boundaries, part headers) around one uploaded file.
MULTIPART_OVERHEAD_BYTES = 64 * 1024
# Each analysis process holds its own pipeline (about 200 MB); more than four rarely pays.
MAX_AUTO_PROCESSES = 4


class ApiSettings(BaseSettings):
    """How the API is served: optional key, CORS origins and analysis concurrency."""

    model_config = SettingsConfigDict(env_prefix="GOALSMITH_", extra="ignore")

    api_key: SecretStr | None = Field(
        default=None,
        description="When set, /api/v1/* except health requires this key "
        "(`Authorization: Bearer <key>` or `X-API-Key: <key>`).",
    )
    cors_origins: list[str] = Field(
        default_factory=list,
        description='Origins allowed to call the API from a browser, e.g. ["https://okr.example"].',
    )
    analysis_processes: int | None = Field(
        default=None, ge=0, le=64,
        description="Worker processes that run analyses, each with its own pipeline (about "
        "200 MB each); 0 or unset runs them in threads of the server process, which keeps "
        "one pipeline in memory and serves the web pages from it too. Set it to the number "
        f"of cores (at most {MAX_AUTO_PROCESSES} is sensible) for throughput.",
    )
    analysis_threads: int = Field(
        default=2, ge=1, le=64,
        description="Worker threads for analyses when there are no worker processes.",
    )
    check_batch_size: int = Field(
        default=16, ge=1, le=256,
        description="Most single-goal checks that arrive together are analysed in one batch.",
    )
    max_json_bytes: int = Field(default=DEFAULT_MAX_JSON_BYTES, ge=1024)
    max_upload_body_bytes: int = Field(
        default=MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES, ge=1024
    )

    def worker_processes(self) -> int:
        """How many analysis processes to start (0: analyse in threads)."""
        return self.analysis_processes or 0
