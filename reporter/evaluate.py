"""`reporter eval`: measure the comparator, flagger and summarizer on labeled data.

(Being written: see issue 3.)
"""
from __future__ import annotations


def add_parser(sub) -> None:
    e = sub.add_parser("eval", help="measure quality on labeled data")
    e.add_argument("--debug", action="store_true", help="show tracebacks")


def run(args) -> int:
    print("reporter eval: not yet implemented")
    return 2
