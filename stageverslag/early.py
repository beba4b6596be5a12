"""The first thing ``stageverslag`` does: for a plain ``check`` of one document, start loading the dictionaries
in threads before anything else is imported (argparse, the linter, the rules ...), so the loads have all the
time the rest of the start takes. Nothing heavy is imported here; the command line proper is parsed by :mod:`cli`."""

from __future__ import annotations

import sys

#: the options of ``check`` that take a value, and those that do not: enough to find the paths of a plain
#: ``check`` command line before the parser is built (tests/test_lint_cli.py holds them against the parser)
CHECK_VALUE_OPTIONS = frozenset({"--stage", "--format", "--pages", "--select", "--ignore", "--languagetool",
                                 "--jobs", "-j", "--output", "-o", "--today", "--vandaag", "--annotate",
                                 "--nagekeken", "--project"})
CHECK_FLAGS = frozenset({"--no-color", "--verbose", "-v", "--rubric", "--criteria"})


def early_check_paths(argv: list[str]) -> list[str] | None:
    """The paths of ``check`` read straight from ``argv`` (so the dictionary can start loading before the rest
    is imported), or None for anything else or anything unusual (help, rule selection, an unknown option,
    short options written together): the normal way decides then."""
    if not argv or argv[0] != "check":
        return None
    paths: list[str] = []
    rest = iter(argv[1:])
    for arg in rest:
        if arg == "--":
            paths.extend(rest)
            break
        if not arg.startswith("-") or arg == "-":
            paths.append(arg)
            continue
        name = arg.split("=", 1)[0]
        if name in ("--select", "--ignore") or name not in CHECK_VALUE_OPTIONS | CHECK_FLAGS:
            return None
        if name in CHECK_VALUE_OPTIONS and "=" not in arg and next(rest, None) is None:
            return None
    return paths


def main() -> None:
    """The ``stageverslag`` command and ``python -m stageverslag``."""
    argv = sys.argv[1:]
    paths = early_check_paths(argv)
    if paths is not None:
        try:
            from types import SimpleNamespace
            from .language.dictionary import preload_for_check
            preload_for_check(SimpleNamespace(paths=paths, select="", ignore=""))
        except Exception:  # noqa: BLE001 - only a head start; the check itself loads what it needs
            pass
    from .cli import run
    run()
