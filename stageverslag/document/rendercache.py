"""Rendered page counts remembered across runs: a coach who checks the same Canvas download again, or a student
who checks an unchanged file again, gets LibreOffice's page count and heading pages without LibreOffice.

The key is the document's bytes (not its path: a Canvas .zip is unpacked to a new temporary folder on every
run) together with everything the count depends on: the LibreOffice program (its path, size and date, and
its version file), the fonts installed on the machine (the dates of the font folders and of fontconfig's
cache) and stageverslag's own render code (the sanitised copy LibreOffice gets). Only successful renders are
remembered; a file that failed is tried again next time. ``STAGEVERSLAG_NO_RESULT_CACHE=1`` switches it off,
as it does for the remembered language results; the folder is ``~/.cache/stageverslag/pagina``.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from ..paths import cache_dir, prune_oldest, results_remembered, write_cache_file

FORMAT = 1
KEEP = 2000  # documents remembered; past that the oldest go
_HERE = Path(__file__).resolve().parent
_CODE = [_HERE / "pages.py", _HERE / "pdfoutline.py", _HERE.parent / "libreoffice.py", _HERE.parent / "sanitize.py"]
_FONT_PLACES = ["/usr/share/fonts", "/usr/local/share/fonts", "/var/cache/fontconfig", "~/.local/share/fonts",
                "~/.fonts", "/Library/Fonts", "~/Library/Fonts", "C:/Windows/Fonts"]
_STAMP: list[str] = []


def _folder() -> Path:
    return cache_dir() / "pagina"


def _stat(path: str | Path) -> str:
    try:
        p = Path(os.path.expanduser(str(path)))
        st = p.stat()
        return f"{p}|{st.st_size}|{st.st_mtime_ns}"
    except OSError:
        return f"{path}|-"


def _renderer_stamp() -> str | None:
    """What a page count depends on besides the document (once per process), or None without LibreOffice."""
    from ..libreoffice import find_soffice
    soffice = find_soffice()
    if not soffice:
        return None
    if not _STAMP:
        program = Path(soffice).resolve()
        parts = [f"{FORMAT}", _stat(program)]
        parts += [_stat(program.parent / name) for name in ("versionrc", "soffice.bin")]
        parts += [_stat(place) for place in _FONT_PLACES]
        parts += [_stat(path) for path in _CODE]
        _STAMP.append("\n".join(parts))
    return _STAMP[0]


def key_of(path: str | Path) -> str | None:
    """The key of ``path``'s rendered count, or None (switched off, no LibreOffice, unreadable file)."""
    if not results_remembered():
        return None
    stamp = _renderer_stamp()
    if stamp is None:
        return None
    h = hashlib.sha256(stamp.encode())
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


def load(key: str | None) -> tuple[int, list | None] | None:
    """``(pages, outline)`` remembered under ``key``, or None."""
    if key is None:
        return None
    try:
        data = json.loads((_folder() / f"{key[:40]}.json").read_text(encoding="utf-8"))
        pages, outline = data["pages"], data["outline"]
        if data.get("format") != FORMAT or not isinstance(pages, int) or pages < 1:
            return None
        if outline is not None:
            outline = [(int(depth), str(title), int(page)) for depth, title, page in outline]
        return pages, outline
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def store(key: str | None, pages: int, outline) -> None:
    """Remember a successful render (atomically; a read-only cache folder is no problem)."""
    if key is None:
        return
    try:
        data = json.dumps({"format": FORMAT, "pages": pages, "outline": outline}, ensure_ascii=False)
    except (ValueError, TypeError):
        return
    if write_cache_file(_folder() / f"{key[:40]}.json", data.encode("utf-8")):
        prune_oldest(_folder(), ".json", KEEP)
