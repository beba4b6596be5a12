"""Safe file writes: a student's text is never lost.

``atomic_write`` writes to a temporary file in the same folder, flushes it to disk and renames it over
the target, so a crash leaves either the old or the new file. ``backup`` keeps a copy of what was there.
"""

from __future__ import annotations

import datetime as dt
import errno
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


def backup_name(src: Path, when: dt.datetime, n: int = 1) -> str:
    """``verslag (kopie 2026-12-01 13.23).docx``, ``verslag (kopie 2026-12-01 13.23, 2).docx``: the extension
    stays, so Word opens the copy with a double-click, and copies sort by date."""
    stamp = when.strftime("%Y-%m-%d %H.%M")
    return f"{src.stem} (kopie {stamp}{'' if n == 1 else f', {n}'}){src.suffix}"


def backup(path: str | os.PathLike, folder: str | os.PathLike | None = None,
           now: dt.datetime | None = None) -> Path | None:
    """Copy ``path`` into ``folder`` (default: beside it) as ``name (kopie YYYY-MM-DD HH.MM).ext``; None if
    there is nothing to back up. Never overwrites an earlier copy.

    Made safely: the copy is written to a temporary file in ``folder``, flushed to disk and only then given its
    name, so a full disk or a crash leaves no half (or 0-byte) copy behind. Raises OSError when the copy cannot
    be made (``folder`` is a file, read-only, the disk is full); the original is never touched."""
    src = Path(path)
    if not src.is_file():
        return None
    dest_dir = Path(folder) if folder else src.parent
    if os.path.lexists(dest_dir) and not dest_dir.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "de map voor reservekopieën is een bestand", str(dest_dir))
    dest_dir.mkdir(parents=True, exist_ok=True)
    when = now or dt.datetime.now()
    fd, tmp = tempfile.mkstemp(prefix=f".{src.name}.", suffix=".tmp", dir=dest_dir)
    try:
        with os.fdopen(fd, "wb") as out, open(src, "rb") as inp:
            shutil.copyfileobj(inp, out, 1024 * 1024)
            out.flush()
            os.fsync(out.fileno())
        shutil.copystat(src, tmp)
        n = 1
        while True:
            dest = dest_dir / backup_name(src, when, n)
            try:
                os.link(tmp, dest)  # fails when dest exists: an earlier copy is never overwritten
                break
            except FileExistsError:
                n += 1
            except OSError as exc:  # a file system without hard links: rename (checked just before)
                if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
                    raise
                if not os.path.lexists(dest):
                    os.replace(tmp, dest)
                    return dest
                n += 1
    finally:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
    return dest
