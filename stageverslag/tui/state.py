"""The TUI's state, kept outside the widgets: the open project, the pinned "today", the status, the
draft buffers with their autosave bookkeeping, the (lazily loaded) language engine, and the length and
pages of the report as ``build`` would make it (measured in a worker, remembered per drafts' content).

Widgets never read or write files themselves: screens ask this object, and it calls the core
(:mod:`stageverslag.project`, :mod:`stageverslag.service`). A buffer keeps the editor's text until a
save succeeds, so a refused write never loses a word.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import re
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError
from ..project import Project, prose_words  # noqa: F401 - the screens count a draft as the project does
from ..storage import atomic_write_text

_COMMENT = re.compile(r"<!--.*?-->", re.S)

#: seconds of quiet after the last keystroke before the draft is written
AUTOSAVE_DELAY = 2.0
#: seconds before a failed save is tried again
RETRY_DELAY = 5.0
#: seconds of quiet after the last keystroke before the language check runs
CHECK_DELAY = 0.6
#: seconds of quiet after the drafts changed before the built report is measured again
MEASURE_DELAY = 0.3
#: how the dashboard names each page count method, in a few words
PAGE_METHODS = {"estimate": "geschat", "render": "na opmaak geteld", "word": "volgens Word"}


def blank_comments(markdown: str) -> str:
    """Blank out ``<!-- guiding questions -->`` with spaces so offsets still point into the editor text."""
    return _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), markdown)


def save_error_message(path: Path, exc: OSError) -> str:
    """A Dutch sentence that says why the disk refused a write, and that the text is safe."""
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        reason = "je hebt geen schrijfrechten in die map (of de schijf is alleen-lezen)"
    elif exc.errno == errno.ENOSPC:
        reason = "de schijf is vol"
    elif exc.errno == errno.ENOENT:
        reason = "de map bestaat niet meer"
    else:
        reason = exc.strerror or str(exc) or exc.__class__.__name__
    return (f"Niet opgeslagen: {path.name} — {reason}. Je tekst blijft in de editor staan; "
            "ik probeer het zo opnieuw (of druk Ctrl+S).")


@dataclass
class DraftBuffer:
    """The text of one part as the editor holds it, and what is known to be on disk."""

    part_id: str
    text: str
    saved_text: str
    error: str | None = None
    saved_at: dt.datetime | None = None
    edited_at: float = 0.0

    @property
    def dirty(self) -> bool:
        return self.text != self.saved_text


@dataclass(frozen=True)
class ReportSize:
    """Length and pages of the report as ``stageverslag build`` would make it now, the numbers
    ``stageverslag check --project`` gives: the whole report, title page and table of contents included.
    ``error`` (Dutch) says why it could not be measured; the numbers are then None."""

    words: int | None = None
    length_value: int | None = None
    pages: int | None = None
    method: str = "estimate"
    error: str | None = None

    @property
    def method_label(self) -> str:
        return PAGE_METHODS.get(self.method, self.method)


@dataclass
class AppState:
    """Everything the screens share. ``today`` is pinned for tests (``STAGEVERSLAG_TODAY``)."""

    project: Project | None
    today: dt.date
    buffers: dict[str, DraftBuffer] = field(default_factory=dict)
    _engine: object | None = None
    _engine_error: str | None = None
    _engine_lock: threading.Lock = field(default_factory=threading.Lock)
    _worker: object | None = None  # the language helper process (langworker), once started
    _report_size: tuple[str, ReportSize] | None = None

    # -- status ---------------------------------------------------------------------------------------
    def status(self):
        from ..service import project_status
        return project_status(self.project, self.today)

    def part(self, part_id: str):
        return self.project.profile.part(part_id)

    def window(self, part_id: str) -> tuple[int, int]:
        return self.project.schedule().window(self.part(part_id))

    def is_done(self, part_id: str) -> bool:
        return part_id in self.project.progress()["klaar"]

    def toggle_done(self, part_id: str) -> bool:
        done = not self.is_done(part_id)
        self.project.set_part_done(part_id, done)
        return done

    def set_action(self, action_id: str, done: bool) -> None:
        self.project.set_action(action_id, done)

    # -- length and pages of the built report ------------------------------------------------------------
    def report_key(self) -> str:
        """A fingerprint of what the built report is made of: the settings, every draft, the house style.
        Cheap (a few small files), so the dashboard can ask it on every refresh."""
        project = self.project
        digest = hashlib.sha256(repr(project.config).encode())
        for part in project.profile.parts:
            try:
                digest.update(b"\0" + project.read_draft(part.id).encode())
            except UserError as exc:  # a refused draft (folder, pipe, too big): its message is its fingerprint
                digest.update(b"\0" + str(exc).encode())
        try:
            style = project.house_style_path()
        except UserError:
            style = None
        try:
            info = style.stat() if style else None
            digest.update(f"\0{style}:{info.st_mtime_ns}:{info.st_size}".encode() if info else b"\0")
        except OSError:
            digest.update(f"\0{style}:ontbreekt".encode())
        return digest.hexdigest()

    def report_size(self, key: str) -> ReportSize | None:
        """The measurement remembered for ``key``, or None when the drafts changed since (or never measured)."""
        known = self._report_size
        return known[1] if known and known[0] == key else None

    def remember_report_size(self, key: str, size: ReportSize) -> None:
        self._report_size = (key, size)

    def forget_report_size(self) -> None:
        self._report_size = None

    def measure_report(self) -> ReportSize:
        """Build the report in memory and measure it (about 0.3 s: run it in a worker thread)."""
        from ..errors import UserError
        from ..service import measure_built_report
        try:
            stats, count = measure_built_report(self.project, stage="final", pages_method="estimate")
        except UserError as exc:
            return ReportSize(error=str(exc))
        except Exception as exc:  # noqa: BLE001 - a failing measurement must never take the dashboard down
            return ReportSize(error=f"{exc.__class__.__name__}: {exc}")
        return ReportSize(words=stats.words, length_value=stats.length_value,
                          pages=count.pages if count else None, method=count.method if count else "estimate")

    # -- drafts and autosave ----------------------------------------------------------------------------
    def buffer(self, part_id: str) -> DraftBuffer:
        if part_id not in self.buffers:
            try:
                text, refused = self.project.read_draft(part_id), None
            except UserError as exc:  # a folder, a pipe, a file outside the project or too big: not read
                text, refused = "", str(exc)
            self.buffers[part_id] = DraftBuffer(part_id, text, text, error=refused)
        return self.buffers[part_id]

    def edit(self, part_id: str, text: str) -> DraftBuffer:
        buf = self.buffer(part_id)
        buf.text = text
        buf.edited_at = time.monotonic()
        return buf

    def save(self, part_id: str) -> bool:
        """Write the buffer atomically if it changed. False (and ``buffer.error`` set) when the disk refuses."""
        buf = self.buffer(part_id)
        if not buf.dirty:
            buf.error = None
            return True
        text = buf.text
        try:
            self.project.save_draft(part_id, text)
        except OSError as exc:
            buf.error = save_error_message(self.project.draft_path(part_id), exc)
            return False
        buf.saved_text = text
        buf.error = None
        buf.saved_at = dt.datetime.now()
        return True

    def save_all(self) -> list[str]:
        """Save every changed buffer; the Dutch error messages of those that failed."""
        return [self.buffers[p].error for p in list(self.buffers) if not self.save(p)]

    def unsaved(self) -> list[str]:
        return [p for p, b in self.buffers.items() if b.dirty]

    def rescue(self) -> Path | None:
        """Last resort when the project folder refuses writes: copy unsaved texts to the temp folder."""
        if not self.unsaved():
            return None
        folder = Path(tempfile.gettempdir()) / "stageverslag-redding"
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        for part_id in self.unsaved():
            atomic_write_text(folder / f"{stamp}-{self.project.draft_path(part_id).name}", self.buffers[part_id].text)
        return folder

    # -- language -------------------------------------------------------------------------------------
    def language_check(self, text: str, cancelled=lambda: False) -> list | None:
        """Language issues of one draft (runs in a worker thread); None when ``cancelled()`` says a newer
        check replaced this one while it waited for the engine. Raises LanguageUnavailable."""
        if self._worker is not None:  # in the helper process: loading the dictionary never blocks typing
            # (nor importing the engine, which would hold Python's lock here: it is imported below, if needed)
            from .langworker import WorkerUnavailable
            with self._engine_lock:
                if self._engine is None:
                    self._engine = (tuple(sorted(self.project.wordlist())), tuple(sorted(self.project.config.names())))
                wordlist, names = self._engine
            try:
                return self._worker.check(blank_comments(text), wordlist, names,
                                          self.project.config.languagetool or None, cancelled)
            except WorkerUnavailable:
                self._worker = None  # it could not start or died: check in this process from now on
                with self._engine_lock:
                    self._engine = None
        try:
            from ..language import check_text, get_engine
        except ImportError:
            raise LanguageUnavailable("De taalcontrole is nog niet beschikbaar in deze versie.") from None
        with self._engine_lock:
            if cancelled():
                return None
            if self._engine is None:
                self._engine = get_engine(self.project)
            server = self.project.config.languagetool or None  # only a server the student named
            return list(check_text(blank_comments(text), engine=self._engine, languagetool=server))

    def start_language_worker(self) -> None:
        """Start the language helper process now (it loads the dictionary while the student reads the
        dashboard). ``STAGEVERSLAG_TAAL_IN_PROCES=1`` keeps the checks in this process (for comparison)."""
        import os
        if self._worker is not None or self.project is None or os.environ.get("STAGEVERSLAG_TAAL_IN_PROCES"):
            return
        from .langworker import LanguageWorker, WorkerUnavailable
        worker = LanguageWorker()
        try:
            worker.start()
        except WorkerUnavailable:
            return
        self._worker = worker

    def stop_language_worker(self) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.close()

    def add_word(self, word: str) -> None:
        self.project.add_word(word)
        with self._engine_lock:
            self._engine = None  # reload with the new personal word list


class LanguageUnavailable(Exception):
    """The language module is missing (or failed to load); the message is Dutch."""
