"""Options shared by the subcommands that analyse goals."""

from __future__ import annotations

import argparse

from .. import Options, make_options


def add_analysis_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reference-date", metavar="YYYY-MM-DD",
                        help="day that relative deadlines count from (default: today)")
    parser.add_argument("--date-order", choices=["MDY", "DMY"], default="MDY",
                        help="reading of ambiguous numeric dates such as 04/05/2027")
    parser.add_argument("--fiscal-year-start", type=int, default=1, metavar="MONTH",
                        help="first month of the fiscal year (1-12; default 1)")
    parser.add_argument("--no-model", action="store_true",
                        help="report the rules' own confidence instead of the learned one")


def positive_int(value: str) -> int:
    """An argparse type: a whole number of at least 1."""
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def options_from(args: argparse.Namespace) -> Options:
    return make_options(
        reference_date=args.reference_date,
        date_order=args.date_order,
        fiscal_year_start=args.fiscal_year_start,
        use_model=not args.no_model,
    )
