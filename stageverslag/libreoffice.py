"""LibreOffice, headless, as an optional helper: render a .docx to PDF (honest page counts, PDF export).

Each call uses its own throw-away user profile so parallel conversions do not block each other, and a
timeout so a hostile file cannot hang a batch.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import UserError

INSTALL_HINT = ("LibreOffice is niet geïnstalleerd. Installeer het om pdf's te maken en pagina's exact te "
                "tellen: op Debian/Ubuntu 'sudo apt-get install libreoffice-writer-nogui', op macOS "
                "'brew install --cask libreoffice', op Windows via libreoffice.org.")


def find_soffice() -> str | None:
    """Path of the soffice binary, or None. ``STAGEVERSLAG_SOFFICE`` overrides (empty string: disabled)."""
    env = os.environ.get("STAGEVERSLAG_SOFFICE")
    if env is not None:
        return env or None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in ("/Applications/LibreOffice.app/Contents/MacOS/soffice",
                      r"C:\Program Files\LibreOffice\program\soffice.exe"):
        if Path(candidate).exists():
            return candidate
    return None


def convert(src: str | os.PathLike, fmt: str = "pdf", outdir: str | os.PathLike | None = None,
            timeout: float = 120) -> Path:
    """Convert ``src`` with LibreOffice to ``fmt`` (e.g. "pdf", "docx") in ``outdir``; return the new file.

    Raises UserError (Dutch) when LibreOffice is missing, times out or produces nothing.
    """
    soffice = find_soffice()
    if not soffice:
        raise UserError(INSTALL_HINT)
    src = Path(src).resolve()
    outdir = Path(outdir or src.parent).resolve()
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="stageverslag-lo-") as profile:
        cmd = [soffice, f"-env:UserInstallation={Path(profile).resolve().as_uri()}", "--headless", "--norestore",
               "--nolockcheck", "--convert-to", fmt, "--outdir", str(outdir), str(src)]
        try:
            subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout, check=False,
                           stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise UserError(f"LibreOffice deed er langer dan {int(timeout)} s over om {src.name} om te zetten.") \
                from None
    target = outdir / f"{src.stem}.{fmt.split(':')[0]}"
    if not target.exists() or target.stat().st_size == 0:
        raise UserError(f"LibreOffice kon {src.name} niet omzetten naar {fmt}.")
    return target
