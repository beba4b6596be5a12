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
