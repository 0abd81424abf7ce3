"""Goalsmith: a language-aware goal writing assistant.

This module is the public API: every surface (CLI, HTTP API, web pages, integrations) uses
only what `__all__` lists here, plus the result types of `assistant.result`.
"""

from .analysis import Outcome, analyze, check_batch, check_many
from .checks.config import rule_config
from .checks.registry import rules
from .errors import (
    AnalysisFailedError,
    AnalysisTimeoutError,
    EmptyTextError,
    FileFormatError,
    GoalsmithError,
    InputError,
    InvalidCharactersError,
    InvalidOptionError,
    NoGoalColumnError,
    TextTooLongError,
    TooManyRowsError,
)
from .lexicon import load_data
from .options import (
    MAX_BATCH_CHARS,
    MAX_BATCH_GOALS,
    MAX_TEXT_CHARS,
    MAX_UPLOAD_BYTES,
    MAX_UPLOAD_ROWS,
    DateOrder,
    Options,
    RuleSetting,
    check_text,
    make_options,
    parse_reference_date,
)
from .pipeline import pipeline_info
from .render import render_text
from .report import (
    ANALYSIS_COLUMNS,
    PARTITION_ROWS,
    REPORT_CSV_NAME,
    Partition,
    PartitionRunner,
    SummaryBuilder,
    analyze_partition,
    build_team_report,
    entry_result,
    export_report,
    flatten,
    flatten_analysis,
    report_rows,
    report_to_csv,
    run_partitions,
    write_report,
)
from .result import GoalAnalysis, TeamReport
from .tables.read import Table, open_table
from .tables.write import OUTPUT_FORMATS, write_table

__version__ = "0.1.0"

__all__ = [
    "ANALYSIS_COLUMNS",
    "MAX_BATCH_CHARS",
    "MAX_BATCH_GOALS",
    "MAX_TEXT_CHARS",
    "MAX_UPLOAD_BYTES",
    "MAX_UPLOAD_ROWS",
    "OUTPUT_FORMATS",
    "PARTITION_ROWS",
    "REPORT_CSV_NAME",
    "AnalysisFailedError",
    "AnalysisTimeoutError",
    "DateOrder",
    "EmptyTextError",
    "FileFormatError",
    "GoalAnalysis",
    "GoalsmithError",
    "InputError",
    "InvalidCharactersError",
    "InvalidOptionError",
    "NoGoalColumnError",
    "Options",
    "Outcome",
    "Partition",
    "PartitionRunner",
    "RuleSetting",
    "SummaryBuilder",
    "Table",
    "TeamReport",
    "TextTooLongError",
    "TooManyRowsError",
    "__version__",
    "analyze",
    "analyze_partition",
    "build_team_report",
    "check_batch",
    "check_many",
    "check_text",
    "entry_result",
    "export_report",
    "flatten",
    "flatten_analysis",
    "load_data",
    "make_options",
    "open_table",
    "parse_reference_date",
    "pipeline_info",
    "render_text",
    "report_rows",
    "report_to_csv",
    "rule_config",
    "rules",
    "run_partitions",
    "write_report",
    "write_table",
]
