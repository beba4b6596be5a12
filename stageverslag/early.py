"""The first thing ``stageverslag`` does: for a plain ``check`` of one document, start loading the Dutch
dictionary in a thread before anything else is imported (argparse, the linter, the rules ...), so the load has
all the time the rest of the start takes, and allow its language pass a second core (:mod:`.language.split`).
Nothing heavy is imported here; the command line proper is parsed by :mod:`cli`."""

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


def one_document(paths: list[str]) -> bool:
    """Does a ``check`` of these paths check one document in this process (one .docx, or the project's drafts
    when there are no paths)? Several files, a folder or a Canvas .zip are a batch, checked by worker
    processes."""
    import os
    if not paths:
        return True
    return len(paths) == 1 and os.path.isfile(paths[0]) and not paths[0].lower().endswith(".zip")


def start_loading(paths: list[str], select=None, ignore=None) -> bool:
    """A first ``check`` of one document: start loading Hunspell now, in a thread, while the rest of the program
    is imported and the document read. Not for a batch (its workers fork and load for themselves), not when
    rules are selected or ignored (the language rules may not run), not when the dictionary's verdicts are
    remembered from an earlier run (Hunspell may not be needed at all). True when the loads started."""
    if select or ignore or not one_document(paths):
        return False
    try:
        from .language.dictionary import get_dictionary
        dictionary = get_dictionary()
        stored = dictionary._verdicts_path()
        if stored is None or stored.exists():
            return False
        return dictionary.preload()
    except (OSError, ValueError):
        return False


def main() -> None:
    """The ``stageverslag`` command and ``python -m stageverslag``."""
    paths = early_check_paths(sys.argv[1:])
    if paths is not None:
        try:
            start_loading(paths)
            if one_document(paths):  # its language pass may use a second core (see language/split.py)
                from .language import split
                split.allow()
        except Exception:  # noqa: BLE001 - only a head start; the check itself loads what it needs
            pass
    from .cli import run
    run()
