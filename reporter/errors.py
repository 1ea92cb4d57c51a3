"""Typed errors: the CLI turns each into one line on stderr and its exit status."""
from __future__ import annotations

import enum


class ExitStatus(enum.IntEnum):
    OK = 0
    ERROR = 1  # unexpected failure (a bug): reported in one line, traceback with --debug
    USAGE = 2  # bad command line (argparse's own code)
    INPUT = 3  # an input file is missing, unreadable, empty, binary, undecodable, duplicated
    OUTPUT = 4  # the output exists (no --force) or cannot be written
    RENDER = 5  # the PDF could not be rendered
    INTERRUPTED = 130


class ReporterError(Exception):
    status = ExitStatus.ERROR


class InputError(ReporterError):
    status = ExitStatus.INPUT


class OutputError(ReporterError):
    status = ExitStatus.OUTPUT


class RenderError(ReporterError):
    status = ExitStatus.RENDER
