"""Safe file writes: a student's text is never lost.

``atomic_write`` writes to a temporary file in the same folder, flushes it to disk and renames it over
the target, so a crash leaves either the old or the new file. ``backup`` keeps a copy of what was there.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            shutil.copymode(target, tmp)
        else:  # mkstemp creates 0600; a new file gets the usual permissions
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return target


def atomic_write_text(path: str | os.PathLike, text: str) -> Path:
    return atomic_write_bytes(path, text.encode("utf-8"))


def backup(path: str | os.PathLike, folder: str | os.PathLike | None = None) -> Path | None:
    """Copy ``path`` to ``folder`` (default: beside it) as ``name (kopie 2026-12-01 13.23).docx``: the
    extension stays, so Word opens the copy with a double-click. None if ``path`` does not exist."""
    src = Path(path)
    if not src.exists():
        return None
    dest_dir = Path(folder) if folder else src.parent
    dest_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y-%m-%d %H.%M")
    dest = dest_dir / f"{src.stem} (kopie {stamp}){src.suffix}"
    n = 2
    while dest.exists():
        dest = dest_dir / f"{src.stem} (kopie {stamp}, {n}){src.suffix}"
        n += 1
    shutil.copy2(src, dest)
    return dest
