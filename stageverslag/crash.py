"""The last line of defence: an unexpected exception (a bug in stageverslag, never the user's fault) becomes a
short Dutch message and a crash report file the user can send, with exit status 3 — never a bare traceback.

The report goes to the user's cache folder (``$XDG_CACHE_HOME/stageverslag/crashes``, else
``~/.cache/stageverslag/crashes``) or, when that cannot be written, to the project's ``.stageverslag/`` folder;
never anywhere else. It holds the version, the command, the Python version and the traceback.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
import traceback
from pathlib import Path

EXIT_INTERNAL = 3
#: how to report an internal error (shown in reports and crash messages)
HOW_TO_REPORT = ("Meld het aan de ontwikkelaars van stageverslag (zie 'Een fout melden' in de README) en stuur "
                 "het crashrapport mee; je eigen bestanden zijn niet veranderd.")


def crash_folders(project_root: str | os.PathLike | None = None) -> list[Path]:
    """Where a crash report may go, in order of preference."""
    out = []
    cache = os.environ.get("XDG_CACHE_HOME", "").strip()
    if cache and os.path.isabs(cache):
        out.append(Path(cache) / "stageverslag" / "crashes")
    else:
        try:
            out.append(Path.home() / ".cache" / "stageverslag" / "crashes")
        except (RuntimeError, KeyError, OSError):
            pass
    if project_root:
        out.append(Path(project_root) / ".stageverslag" / "crashes")
    return out


def write_crash_report(exc: BaseException, argv: list[str] | None = None,
                       project_root: str | os.PathLike | None = None) -> Path | None:
    """Write a crash report for ``exc``; its path, or None when no allowed folder could take it."""
    from . import __version__
    now = dt.datetime.now()
    text = "\n".join([
        f"stageverslag {__version__} crashrapport, {now.isoformat(timespec='seconds')}",
        f"commando: stageverslag {' '.join(argv if argv is not None else sys.argv[1:])}",
        f"python {platform.python_version()} op {platform.platform()}",
        "",
        "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)),
    ])
    name = f"crash-{now:%Y%m%d-%H%M%S}-{os.getpid()}.txt"
    from .storage import atomic_write_text
    for folder in crash_folders(project_root):
        try:
            return atomic_write_text(folder / name, text)
        except OSError:
            continue
    return None


def crash_message(exc: BaseException, report: Path | None) -> str:
    """The short Dutch message for the terminal."""
    if isinstance(exc, MemoryError):
        what = "stageverslag had niet genoeg geheugen en is gestopt."
    else:
        what = f"stageverslag is gestopt door een interne fout ({type(exc).__name__}); dat ligt niet aan jou."
    where = (f" Het crashrapport staat in {report}." if report is not None
             else " Een crashrapport kon niet bewaard worden.")
    return f"stageverslag: {what}{where} {HOW_TO_REPORT}"


def guarded(exc: BaseException, argv: list[str] | None = None, project_root=None) -> int:
    """Write the crash report, print the message on stderr, and return exit status 3."""
    try:
        report = write_crash_report(exc, argv, project_root)
    except Exception:  # noqa: BLE001 - the guard itself must never raise
        report = None
    try:
        print(crash_message(exc, report), file=sys.stderr)
    except Exception:  # noqa: BLE001 - a closed stderr
        pass
    return EXIT_INTERNAL
