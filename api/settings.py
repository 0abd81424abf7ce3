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
# Two lanes: one slow request never holds every worker (see api.runner).
DEFAULT_PROCESSES = 2


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
    analysis_processes: int = Field(
        default=DEFAULT_PROCESSES, ge=0, le=64,
        description="Worker processes that run analyses, each with its own pipeline (about "
        "250 MB each); an analysis over its budget is stopped by replacing its process, and "
        "batches and uploads leave one process free for single checks. 0 runs analyses in "
        "threads of the server (the budget is answered but cannot stop the work: for tests "
        f"and embedding). At most {MAX_AUTO_PROCESSES} is sensible.",
    )
    analysis_timeout: float = Field(
        default=10.0, gt=0, le=600,
        description="Seconds one goal check (API or page) may take before it is stopped "
        "and answered 503 `analysis_timeout`.",
    )
    batch_timeout: float = Field(
        default=60.0, gt=0, le=3600,
        description="Seconds a batch or a LanguageTool document may take before it is "
        "stopped and answered 503 `analysis_timeout`.",
    )
    upload_timeout: float = Field(
        default=600.0, gt=0, le=3600,
        description="Seconds an uploaded file's report (API or team page) may take before it "
        "is stopped and answered 503 `analysis_timeout`; one worker stays free for checks.",
    )
    analysis_threads: int = Field(
        default=2, ge=1, le=64,
        description="Worker threads for analyses when there are no worker processes.",
    )
    check_batch_size: int = Field(
        default=16, ge=1, le=256,
        description="Most single-goal checks that arrive together are analysed in one batch.",
    )
    docs: bool = Field(
        default=True,
        description="Serve the API's description (`/docs`, `/redoc`, `/openapi.json`). It "
        "holds no data and needs no key; set false to hide it.",
    )
    max_json_bytes: int = Field(default=DEFAULT_MAX_JSON_BYTES, ge=1024)
    max_upload_body_bytes: int = Field(
        default=MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES, ge=1024
    )

