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
import sys
import tempfile
import threading
import zipfile
from pathlib import Path

from .errors import UserError

#: held while a LibreOffice process is started from a thread and while a batch forks a worker process: a
#: worker forked in the middle of ``Popen`` would inherit the pipe through which ``Popen`` learns that the
#: program started, and ``Popen`` would wait for that worker to end (a batch once hung there for minutes)
SPAWN_LOCK = threading.Lock()

INSTALL_HINT = ("LibreOffice is niet geïnstalleerd. Installeer het om pdf's te maken en pagina's exact te "
                "tellen: op Debian/Ubuntu 'sudo apt-get install libreoffice-writer-nogui', op macOS "
                "'brew install --cask libreoffice', op Windows via libreoffice.org.")


#: LibreOffice settings for the throw-away profile: block every link from a document outside the trusted
#: locations (there are none), never update links or fields when loading. And a "last version" no release has:
#: LibreOffice runs its graphics self-tests (a hundred drawings, half a second of CPU) at every start in a
#: profile that has not seen a newer version, which a throw-away profile never has; they change no layout.
PRIVATE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" \
oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Link" oor:op="fuse"><value>2</value>\
</prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Field" oor:op="fuse"><value>false\
</value></prop></item>
<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>999.0\
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


def private_copy(src: str | os.PathLike, folder: str | os.PathLike, layout_only: bool = False,
                 name: str | None = None) -> Path:
    """A sanitised copy of the .docx ``src`` in ``folder``, under the same name (so LibreOffice names its
    output after the original) or ``name``. A file that cannot be sanitised is never handed to LibreOffice:
    UserError. ``layout_only``: for page counts only, with blank pictures (``sanitize.sanitized_copy``)."""
    from .errors import InputError
    from .sanitize import sanitized_copy
    src = Path(src)
    Path(folder).mkdir(parents=True, exist_ok=True)
    target = Path(folder) / (name or src.name)
    try:
        sanitized_copy(src, target, layout_only=layout_only)
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


#: documents per LibreOffice process in a batch (:func:`convert_batches`): a larger batch starts LibreOffice
#: fewer times; past this many documents a process makes room for a fresh one (memory)
BATCH_CHUNK = 50
#: LibreOffice processes a batch starts at most when it follows the number of cores (each takes a few hundred MB)
MAX_PROCESSES = 8
#: seconds LibreOffice may take to start before the first document counts against its own timeout
BATCH_STARTUP = 60
#: the PDF a batch renders for page counts: pictures at their own resolution. Scaling them down to 300 dpi
#: (LibreOffice's default) cost a fifth of its time on the corpus and changes nothing on a page: the layout is
#: done before the export. Older LibreOffice versions ignore the options.
COUNT_PDF = 'pdf:writer_pdf_Export:{"ReduceImageResolution":{"type":"boolean","value":"false"}}'
#: memory settings for batch processes: freed memory stays with LibreOffice instead of going back to the
#: system and being zeroed again for the next picture (a third of its system time on the corpus)
BATCH_MALLOC = "glibc.malloc.mmap_threshold=268435456:glibc.malloc.trim_threshold=536870912"
#: exit statuses with which soffice.bin asks to be started again (a new profile was just set up)
_RESTART = (79, 81)


#: set when ``soffice.bin`` started without the start script converted nothing: batches use the script again
_BIN_FAILED: list = []


def batch_command(soffice: str) -> list[str]:
    """The program a batch starts: on Linux the ``soffice.bin`` next to the ``soffice`` start script (the
    script's helper reads all of LibreOffice's libraries from disk first and looks for Java: about 0.4 s of
    CPU per process that a conversion does not need); otherwise, or when that did not work here, ``soffice``
    itself."""
    if _BIN_FAILED:
        return [soffice]
    path = Path(soffice)
    try:
        resolved = path.resolve()
        with open(resolved, "rb") as fh:
            script = fh.read(2) == b"#!"
    except OSError:
        return [soffice]
    binary = resolved.with_name("soffice.bin")
    if os.name == "posix" and script and resolved.name == "soffice" and binary.is_file() \
            and os.access(binary, os.X_OK):
        return [str(binary)]
    return [soffice]


def _batch_env() -> dict:
    env = dict(os.environ)
    if sys.platform.startswith("linux"):
        env["GLIBC_TUNABLES"] = ":".join(filter(None, [env.get("GLIBC_TUNABLES"), BATCH_MALLOC]))
    return env


def convert_many(sources, fmt: str = "pdf", outdir: str | os.PathLike | None = None, timeout: float = 120,
                 chunk: int = BATCH_CHUNK, on_result=None, processes: int = 1) -> dict[Path, Path | UserError]:
    """Convert many files with LibreOffice started once per batch of them, not once per file (a batch of 20
    reports renders several times faster); see :func:`convert_batches`. Returns ``{source: new file}``, or
    ``{source: UserError}`` for a file that could not be converted; the new files are named after their
    source (``outdir/<stem>.<fmt>``), so the stems must be unique. ``on_result(source, new file or UserError)``
    hears each document as soon as it is done (the new file may be read then)."""
    sources = [Path(s).resolve() for s in sources]
    stems = [s.stem for s in sources]
    if len(set(stems)) != len(stems):
        raise ValueError("convert_many: the sources' names (without extension) must be unique")
    outdir = Path(outdir).resolve() if outdir else None
    ext = fmt.split(":")[0]
    results: dict[Path, Path | UserError] = {}

    def moved(src: Path, result) -> None:
        if not isinstance(result, UserError):
            dest = (outdir or src.parent) / f"{src.stem}.{ext}"
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(result), dest)
            result = dest
        results[src] = result
        if on_result is not None:
            on_result(src, result)

    convert_batches(sources, fmt, timeout=timeout, chunk=chunk, processes=processes, on_result=moved)
    return {src: results[src] for src in sources}


def convert_batches(sources, fmt: str, on_result, timeout: float = 120, chunk: int = BATCH_CHUNK,
                    processes: int = 1, layout_only: bool = False) -> None:
    """Convert every file of ``sources`` with ``processes`` LibreOffice processes at once, each converting a
    batch of up to ``chunk`` documents in one run (batches balanced by :func:`_size`, the largest first).

    ``on_result(source, output or UserError)`` is called for each source, from the thread that watches its
    process, as soon as its output is complete (LibreOffice converts in order: an output is complete once the
    next one appears, or the process has ended); the output lies in a temporary folder and is removed when the
    call returns (move or read it there).

    Private: every file goes to LibreOffice as a sanitised copy (:func:`private_copy`), each process has its
    own throw-away profile (:func:`private_profile`). Isolated: each document has its own ``timeout`` (when no
    new output appears for that long the process is stopped); when a process crashes or is stopped, the
    document it was on is set aside and a new process converts the rest of the batch; the documents set aside
    are tried once more, each alone, so one bad file costs only itself.

    ``layout_only``: the outputs are only used for what the layout gives (page counts, the pages of the
    headings): LibreOffice gets copies with blank pictures and empty charts of the same size, which it lays
    out the same and renders in about three quarters of the time."""
    import threading
    from collections import deque
    soffice = find_soffice()
    if not soffice:
        raise UserError(INSTALL_HINT)
    _CANCELLED.clear()
    sources = [Path(s) for s in sources]
    chunks = deque(_balanced(sources, processes, chunk))
    lock = threading.Lock()
    errors: list[BaseException] = []

    def work() -> None:
        try:
            while not _CANCELLED:
                with lock:
                    if not chunks:
                        return
                    part = chunks.popleft()
                _convert_chunk(soffice, part, fmt, timeout, on_result, layout_only)
        except BaseException as exc:  # noqa: BLE001 - raised again in the caller's thread
            errors.append(exc)

    threads = [threading.Thread(target=work, daemon=True, name=f"stageverslag-libreoffice-{n}")
               for n in range(max(1, min(processes, len(chunks))))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    with lock:  # interrupted: the documents no process took
        rest = [src for part in chunks for src in part]
        chunks.clear()
    for src in rest:
        on_result(src, UserError("het omzetten werd onderbroken."))


def _size(path: Path) -> int:
    """The work a document gives LibreOffice, roughly: its text and markup (the unpacked size of the
    document's XML parts, from the zip's table of contents) and a little for its pictures; the file size
    when that cannot be read."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
        return sum(i.file_size if i.filename.endswith(".xml") else i.compress_size // 8 for i in infos
                   if i.filename.startswith("word/"))
    except (OSError, zipfile.BadZipFile, ValueError, RuntimeError, NotImplementedError):
        try:
            return path.stat().st_size
        except OSError:
            return 0


def _balanced(sources: list[Path], processes: int, chunk: int) -> list[list[Path]]:
    """At least one batch per process and at most ``chunk`` documents in one; the documents dealt largest
    first to the lightest batch (:func:`_size` stands for the work), each batch in that order: its last
    documents are small, so the checks waiting for them finish soon after LibreOffice."""
    if not sources:
        return []
    count = min(len(sources), max(processes, -(-len(sources) // max(1, chunk))))
    parts: list[list[Path]] = [[] for _ in range(count)]
    loads = [0] * count
    limit = -(-len(sources) // count)
    for src in sorted(sources, key=lambda s: -_size(s)):
        n = min((k for k in range(count) if len(parts[k]) < limit), key=lambda k: loads[k])
        parts[n].append(src)
        loads[n] += _size(src) + 1
    return [p for p in parts if p]


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


def _stop(proc) -> None:
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


class _Doc:
    __slots__ = ("src", "copy", "output")

    def __init__(self, src: Path, copy: Path, output: Path):
        self.src, self.copy, self.output = src, copy, output


def _convert_chunk(soffice: str, sources: list[Path], fmt: str, timeout: float, on_result,
                   layout_only: bool = False) -> None:
    """One batch: sanitised copies, then LibreOffice runs over them until every document has an outcome."""
    ext = fmt.split(":")[0]
    with tempfile.TemporaryDirectory(prefix="stageverslag-lo-") as tmp:
        tmp = Path(tmp)
        profile = private_profile(tmp / "profiel")
        setup = _set_up(soffice, profile)  # LibreOffice's first start in this profile, while the copies are made
        docs: list[_Doc] = []
        for n, src in enumerate(sources):
            try:
                copy = private_copy(src, tmp / "in", layout_only, name=f"{n:04d}{src.suffix.lower() or '.docx'}")
            except UserError as exc:
                on_result(src, exc)
                continue
            docs.append(_Doc(src, copy, tmp / "out" / f"{n:04d}.{ext}"))
        (tmp / "out").mkdir()
        _wait_set_up(setup)
        aside: list[_Doc] = []
        todo = docs
        while todo and not _CANCELLED:  # each run ends with every document done, or one set aside
            todo, suspect = _run(soffice, profile, todo, fmt, tmp / "out", timeout, on_result, alone=False)
            if suspect is not None:
                aside.append(suspect)
        for doc in aside:  # each alone in a fresh profile: it fails again, or it was not its fault
            if not _CANCELLED:
                _run(soffice, private_profile(tmp / f"profiel-{doc.copy.stem}"), [doc], fmt, tmp / "out",
                     timeout, on_result, alone=True)
        for doc in docs:  # without an outcome only when the batch was interrupted
            if doc.copy is not None:
                doc.copy = None
                on_result(doc.src, UserError("het omzetten werd onderbroken."))


def _set_up(soffice: str, profile: str):
    """Start LibreOffice once in a new profile, only to set it up (without that, the first conversion run
    sets it up, stops and must be started again: half a second); None when it cannot be started."""
    import subprocess  # not at import: a check that only asks for soffice does not need it
    try:
        with SPAWN_LOCK:
            proc = subprocess.Popen([*batch_command(soffice), profile, "--headless", "--norestore", "--nolockcheck",
                                     "--terminate_after_init"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                    stdin=subprocess.DEVNULL, start_new_session=True, env=_batch_env())
    except OSError:
        return None
    _RUNNING.add(proc)
    return proc


def _wait_set_up(proc) -> None:
    import subprocess  # not at import: a check that only asks for soffice does not need it
    if proc is None:
        return
    try:
        proc.wait(timeout=BATCH_STARTUP)
    except subprocess.TimeoutExpired:
        _stop(proc)  # the conversion run sets the profile up itself
    finally:
        _RUNNING.discard(proc)


def _run(soffice: str, profile: str, todo: list[_Doc], fmt: str, out: Path, timeout: float, on_result,
         alone: bool) -> tuple[list[_Doc], _Doc | None]:
    """One LibreOffice process over ``todo`` (the documents without an outcome, in order). Returns the
    documents still to do and the one set aside because the process crashed or hung on it (a document
    alone gets its error instead)."""
    import subprocess  # not at import: a check that only asks for soffice does not need it
    import time

    def settle(doc: _Doc, result) -> None:
        doc.copy = None  # marks the outcome as given
        try:
            on_result(doc.src, result)
        finally:
            if not isinstance(result, UserError):
                try:
                    doc.output.unlink()
                except OSError:
                    pass

    program = batch_command(soffice)
    early = fmt.split(":")[0] == "pdf"  # a pdf shows when it is complete (it ends with %%EOF)
    args = [profile, "--headless", "--norestore", "--nolockcheck", "--convert-to", fmt, "--outdir", str(out),
            *(str(d.copy) for d in todo)]
    env = _batch_env()
    for attempt in range(4):  # a new profile: soffice.bin sets it up and asks to be started again
        with SPAWN_LOCK:
            proc = subprocess.Popen([*program, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                    stdin=subprocess.DEVNULL, start_new_session=True, env=env)
        _RUNNING.add(proc)
        delivered, last = 0, time.monotonic()  # todo[:delivered] have their outcome
        allowance = timeout + BATCH_STARTUP  # the first document waits for LibreOffice to start
        hung = False
        try:
            while True:
                try:
                    proc.wait(timeout=0.1)
                    break
                except subprocess.TimeoutExpired:
                    pass
                newest = next((i for i in range(len(todo) - 1, delivered - 1, -1)
                               if todo[i].copy is None or todo[i].output.exists()), -1)
                if newest > delivered:  # LibreOffice has moved on: the outputs before the newest are complete
                    for doc in todo[delivered:newest]:
                        if doc.copy is not None and _output_complete(doc.output, fmt):  # else skipped or cut
                            settle(doc, doc.output)  # short: the end decides
                    delivered, last, allowance = newest, time.monotonic(), timeout
                elif time.monotonic() - last > allowance:
                    _stop(proc)
                    hung = True
                    break
                # the document LibreOffice is on is done once its pdf ends: handed on now, not when the next one
                # starts (after loading and laying it out) or, for the last one, when LibreOffice has exited
                if early and newest >= 0 and todo[newest].copy is not None \
                        and _output_complete(todo[newest].output, fmt):
                    settle(todo[newest], todo[newest].output)
        finally:
            _RUNNING.discard(proc)
        if _CANCELLED:
            break
        if proc.returncode in _RESTART and not hung and not any(d.output.exists() for d in todo):
            continue
        if program != [soffice] and not hung and proc.returncode != 0 and not any(d.output.exists() for d in todo):
            _BIN_FAILED.append(True)  # soffice.bin alone does not work here (it needs its start script)
            program = [soffice]
            continue
        break
    finished = not hung and proc.returncode == 0
    rest: list[_Doc] = []
    for i, doc in enumerate(todo):
        if doc.copy is None:
            continue
        if _output_complete(doc.output, fmt):
            settle(doc, doc.output)
        elif finished or i < delivered or (alone and not hung):  # LibreOffice went past it, or it crashed alone
            settle(doc, UserError(f"LibreOffice kon {doc.src.name} niet omzetten naar {fmt.split(':')[0]}."))
        elif alone:
            settle(doc, UserError(f"LibreOffice deed er langer dan {int(timeout)} s over om {doc.src.name} om te "
                                  "zetten."))
        else:
            rest.append(doc)
    if not rest:
        return [], None
    return rest[1:], rest[0]  # the process crashed or hung on the first document it did not finish
