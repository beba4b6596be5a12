"""LibreOffice, headless, as an optional helper: render a .docx to PDF (honest page counts, PDF export).

Each call uses its own throw-away user profile so parallel conversions do not block each other, and a
timeout so a hostile file cannot hang a batch.

Private by construction, in two layers: LibreOffice never sees the user's file itself but a sanitised copy
in its temporary folder (``stageverslag.sanitize``: linked pictures, linked objects, attached templates and
include-fields removed, so nothing is fetched), and its throw-away profile tells it not to update links or
load anything a document points to (:data:`PRIVATE_SETTINGS`).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from pathlib import Path

from .errors import UserError

INSTALL_HINT = ("LibreOffice is niet geïnstalleerd. Installeer het om pdf's te maken en pagina's exact te "
                "tellen: op Debian/Ubuntu 'sudo apt-get install libreoffice-writer-nogui', op macOS "
                "'brew install --cask libreoffice', op Windows via libreoffice.org.")


#: LibreOffice settings for the throw-away profile: block every link from a document outside the trusted
#: locations (there are none), never update links or fields when loading.
PRIVATE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" \
oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Link" oor:op="fuse"><value>2</value>\
</prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Field" oor:op="fuse"><value>false\
</value></prop></item>
</oor:items>
"""


def private_profile(folder: str | os.PathLike) -> str:
    """Prepare a throw-away LibreOffice profile in ``folder`` with :data:`PRIVATE_SETTINGS`; return the
    ``-env:UserInstallation=`` argument for it."""
    user = Path(folder) / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(PRIVATE_SETTINGS, encoding="utf-8")
    return f"-env:UserInstallation={Path(folder).resolve().as_uri()}"


def private_copy(src: str | os.PathLike, folder: str | os.PathLike) -> Path:
    """A sanitised copy of the .docx ``src`` in ``folder``, under the same name (so LibreOffice names its
    output after the original). A file that cannot be sanitised is never handed to LibreOffice: UserError."""
    from .errors import InputError
    from .sanitize import sanitized_copy
    src = Path(src)
    Path(folder).mkdir(parents=True, exist_ok=True)
    target = Path(folder) / src.name
    try:
        sanitized_copy(src, target)
    except (InputError, OSError, ValueError, zipfile.BadZipFile) as exc:
        raise UserError(f"{src.name} gaat niet naar LibreOffice: het kon niet eerst veilig gekopieerd worden "
                        f"({getattr(exc, 'reason', None) or exc}).") from None
    return target


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
    import subprocess  # not at import: a check that only asks for soffice does not need it
    soffice = find_soffice()
    if not soffice:
        raise UserError(INSTALL_HINT)
    src = Path(src).resolve()
    outdir = Path(outdir or src.parent).resolve()
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="stageverslag-lo-") as tmp:
        copy = private_copy(src, Path(tmp) / "in")
        cmd = [soffice, private_profile(Path(tmp) / "profiel"), "--headless", "--norestore",
               "--nolockcheck", "--convert-to", fmt, "--outdir", str(outdir), str(copy)]
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


#: documents per LibreOffice process in :func:`convert_many` (a crash or a hang costs at most one chunk)
BATCH_CHUNK = 20
#: seconds LibreOffice may take to start before the first document counts against its own timeout
BATCH_STARTUP = 60


def convert_many(sources, fmt: str = "pdf", outdir: str | os.PathLike | None = None, timeout: float = 120,
                 chunk: int = BATCH_CHUNK, on_result=None) -> dict[Path, Path | UserError]:
    """Convert many files with one LibreOffice process per ``chunk`` of them (LibreOffice starts once, not
    once per file: a batch of 20 reports renders several times faster). Returns ``{source: new file}``, or
    ``{source: UserError}`` for a file that could not be converted; the new files are named after their
    source (``outdir/<stem>.<fmt>``), so the stems must be unique.

    Every file goes to LibreOffice as a sanitised copy (:func:`private_copy`). Each document has its own
    ``timeout``: when no new output appears for that long, the process is stopped; when the process fails
    or is stopped, the documents of that chunk without a complete output are converted one by one
    (:func:`convert`), so one bad file cannot stall or spoil the others.

    ``on_result(source, new file or UserError)``, when given, is called for each document as soon as its
    output is complete (LibreOffice converts in order: an output is complete once the next one appears), so a
    caller can use the first documents while LibreOffice works on the rest. The new file may be read then."""
    soffice = find_soffice()
    if not soffice:
        raise UserError(INSTALL_HINT)
    sources = [Path(s).resolve() for s in sources]
    stems = [s.stem for s in sources]
    if len(set(stems)) != len(stems):
        raise ValueError("convert_many: the sources' names (without extension) must be unique")
    outdir = Path(outdir).resolve() if outdir else None
    results: dict[Path, Path | UserError] = {}
    for start in range(0, len(sources), max(1, chunk)):
        part = sources[start:start + max(1, chunk)]
        results.update(_convert_chunk(soffice, part, fmt, outdir, timeout, on_result))
    return results


_RUNNING: set = set()  # batch LibreOffice processes of this process (their own sessions: Ctrl-C misses them)


_CANCELLED: list = []


def stop_running() -> None:
    """Stop every batch LibreOffice process this process started, and start no new ones (an interrupted batch)."""
    _CANCELLED.append(True)
    for proc in list(_RUNNING):
        _stop(proc)


def _output_complete(path: Path, fmt: str) -> bool:
    try:
        if path.stat().st_size == 0:
            return False
        if fmt.split(":")[0] == "pdf":
            with open(path, "rb") as fh:
                fh.seek(max(0, path.stat().st_size - 1024))
                return b"%%EOF" in fh.read()
    except OSError:
        return False
    return True


def _stop(proc: subprocess.Popen) -> None:
    import subprocess  # not at import: a check that only asks for soffice does not need it
    import signal
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (OSError, AttributeError):
        proc.kill()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass


def _convert_chunk(soffice: str, sources: list[Path], fmt: str, outdir: Path | None, timeout: float,
                   on_result=None) -> dict[Path, Path | UserError]:
    import subprocess  # not at import: a check that only asks for soffice does not need it
    import time
    ext = fmt.split(":")[0]
    results: dict[Path, Path | UserError] = {}

    def settle(src: Path, result) -> None:
        results[src] = result
        if on_result is not None:
            on_result(src, result)

    with tempfile.TemporaryDirectory(prefix="stageverslag-lo-") as tmp:
        tmp = Path(tmp)
        inputs: dict[Path, Path] = {}  # copy -> source
        for n, src in enumerate(sources):
            try:
                copy = private_copy(src, tmp / "in" / f"{n:04d}")
            except UserError as exc:
                settle(src, exc)
                continue
            inputs[copy.rename(tmp / "in" / f"{n:04d}{src.suffix.lower()}")] = src
        out = tmp / "out"
        out.mkdir()
        order = list(inputs)
        expected = [out / f"{c.stem}.{ext}" for c in order]

        def deliver(i: int) -> bool:
            """Move a complete output to its place and report it; False when it is not (yet) there."""
            src = inputs[order[i]]
            if src in results or not _output_complete(expected[i], fmt):
                return src in results
            dest = (outdir or src.parent) / f"{src.stem}.{ext}"
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(expected[i]), dest)
            settle(src, dest)
            return True

        cmd = [soffice, private_profile(tmp / "profiel"), "--headless", "--norestore", "--nolockcheck",
               "--convert-to", fmt, "--outdir", str(out), *map(str, order)]
        finished = False
        if order:
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                                    start_new_session=True)
            _RUNNING.add(proc)
            last_seen, last = -1, time.monotonic()
            allowance = timeout + BATCH_STARTUP  # the first document waits for LibreOffice to start
            while True:
                try:
                    proc.wait(timeout=0.1)
                    finished = proc.returncode == 0
                    break
                except subprocess.TimeoutExpired:
                    pass
                newest = max((i for i, t in enumerate(expected) if t.exists() or inputs[order[i]] in results),
                             default=-1)
                if newest > last_seen:
                    for i in range(last_seen + 1 if last_seen >= 0 else 0, newest):
                        deliver(i)  # LibreOffice has moved on: these outputs are complete
                    last_seen, last, allowance = newest, time.monotonic(), timeout
                elif time.monotonic() - last > allowance:
                    _stop(proc)
                    break
            _RUNNING.discard(proc)
        redo: list[Path] = []
        for i, copy in enumerate(order):
            src = inputs[copy]
            if deliver(i):
                continue
            if finished:  # LibreOffice went through the list and gave up on this one
                settle(src, UserError(f"LibreOffice kon {src.name} niet omzetten naar {fmt}."))
            else:
                redo.append(src)
    for src in redo:  # the chunk failed or hung: the rest one by one, each in its own process
        if _CANCELLED:
            settle(src, UserError("het omzetten werd onderbroken."))
            continue
        try:
            settle(src, convert(src, fmt, outdir=outdir or src.parent, timeout=timeout))
        except UserError as exc:
            settle(src, exc)
    return {src: results[src] for src in sources}
