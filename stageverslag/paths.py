"""Where the shipped data lives: templates/ sits next to the package in a source tree and inside it
(``stageverslag/templates``) in an installed wheel. The rules are the ``checks`` package (imported by name)."""

from __future__ import annotations

import os
from pathlib import Path

_PKG = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    inside = _PKG / name
    if inside.is_dir():
        return inside
    beside = _PKG.parent / name
    if beside.is_dir():
        return beside
    raise FileNotFoundError(f"map '{name}' niet gevonden bij het pakket ({_PKG})")


def templates_dir() -> Path:
    return _data_dir("templates")


def default_profile_path() -> Path:
    return templates_dir() / "profiel-om.toml"


def expand_home(raw: str | os.PathLike) -> str:
    """``~`` and ``~/...`` become the home folder; every other name stays as it is. Word's lock files are
    called ``~$verslag.docx``: ``Path.expanduser`` would take that for the home folder of a user "$verslag.docx"
    and fail with "Could not determine home directory"."""
    raw = os.fspath(raw)
    if raw == "~" or raw.startswith(("~/", "~" + os.sep)):
        try:
            return os.path.expanduser(raw)
        except (RuntimeError, KeyError):
            return raw
    return raw


def cache_dir() -> Path:
    """stageverslag's cache folder (``$XDG_CACHE_HOME/stageverslag``, else ``~/.cache/stageverslag``): remembered
    word verdicts, language results and page counts, all on this computer; it may be wiped at any time."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "stageverslag"


def results_remembered() -> bool:
    """Are results remembered across runs (language findings, rendered page counts)?
    ``STAGEVERSLAG_NO_RESULT_CACHE=1`` switches that off."""
    return not os.environ.get("STAGEVERSLAG_NO_RESULT_CACHE")


def write_cache_file(path: Path, data: bytes) -> bool:
    """Write a cache file whole or not at all (a temporary file renamed over it; no flush to disk: a lost cache
    file is only computed again). False when it could not be written (a read-only or full cache folder)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        return True
    except OSError:
        return False


def prune_oldest(folder: Path, suffix: str, keep: int) -> None:
    """Keep a cache folder small: past ``keep`` files ending in ``suffix``, the oldest go (down to 3/4 of it)."""
    try:
        entries = [(e.stat().st_mtime_ns, e.path) for e in os.scandir(folder) if e.name.endswith(suffix)]
    except OSError:
        return
    if len(entries) <= keep:
        return
    for _, path in sorted(entries)[:len(entries) - keep * 3 // 4]:
        try:
            os.unlink(path)
        except OSError:
            pass
