"""The TUI's language checks in a separate process, so typing never waits for the dictionary.

Loading the Dutch Hunspell dictionary takes 0.3-0.5 s and holds Python's lock the whole time: in a thread of
the app's own process, every keystroke typed meanwhile waits. So the app starts one helper process
(``python -m stageverslag.tui.langworker``) when it opens, which loads the dictionary at once, and sends it
the text of the part being written; the issues come back as plain lists (JSON lines over a pipe) and are
turned into :class:`~stageverslag.language.issues.Issue` objects again here.

The helper only reads: the text it is sent, the dictionary, and the remembered word verdicts (which it
saves when it stops, as ``stageverslag check`` does). If it cannot be started or dies, the check runs in
the app's own process as before (:class:`WorkerUnavailable` tells the caller).
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

#: seconds a check may take before the helper is considered stuck (it is then restarted)
CHECK_TIMEOUT = 60.0
_FIELDS = ("category", "message", "start", "end", "suggestions", "explanation", "severity", "source")


class WorkerUnavailable(Exception):
    """The helper process could not be started or stopped answering (English: internal)."""


def issue_to_row(issue) -> list:
    return [getattr(issue, name) for name in _FIELDS]


class RemoteIssue:
    """An issue as the helper sent it: the fields of :class:`~stageverslag.language.issues.Issue`, without
    importing the language engine into the app's process (its imports would hold Python's lock there)."""

    __slots__ = _FIELDS

    def __init__(self, *values):
        for name, value in zip(_FIELDS, values):
            setattr(self, name, value)

    @property
    def suggestion(self) -> str | None:
        return self.suggestions[0] if self.suggestions else None

    @property
    def code(self) -> str:
        from ..language.issues import Issue
        return Issue(*issue_to_row(self)).code

    def __eq__(self, other) -> bool:
        return all(getattr(self, n, None) == getattr(other, n, None) for n in _FIELDS)

    def __repr__(self) -> str:
        return "RemoteIssue(" + ", ".join(f"{n}={getattr(self, n)!r}" for n in _FIELDS) + ")"


def row_to_issue(row: list) -> RemoteIssue:
    return RemoteIssue(*row)


class LanguageWorker:
    """One helper process, started on demand (:meth:`start` at app start), one request at a time."""

    def __init__(self, python: str | None = None):
        self.python = python or sys.executable
        self._proc: subprocess.Popen | None = None
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self.pid: int | None = None
        #: pids of every helper started (a restart after a crash adds one)
        self.started: list[int] = []

    # -- process ----------------------------------------------------------------------------------------
    def start(self) -> None:
        """Start the helper (if it is not running) and let it load the dictionary. Does not wait."""
        with self._lock:
            self._ensure()

    def _ensure(self) -> subprocess.Popen:
        if self._proc is not None and self._proc.poll() is None:
            return self._proc
        package_parent = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_parent, env.get("PYTHONPATH", "")) if p)
        try:
            self._proc = subprocess.Popen(
                [self.python, "-m", "stageverslag.tui.langworker"], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True, encoding="utf-8",
                bufsize=1, close_fds=True)
        except OSError as exc:
            self._proc = None
            raise WorkerUnavailable(f"cannot start the language helper: {exc}") from exc
        self.pid = self._proc.pid
        self.started.append(self.pid)
        self._send(self._proc, {"op": "warm"})  # its answer is skipped when the first check's is read
        return self._proc

    def _send(self, proc: subprocess.Popen, payload: dict) -> None:
        self._last_id = next(self._ids)
        try:
            proc.stdin.write(json.dumps({**payload, "id": self._last_id}, ensure_ascii=False) + "\n")
            proc.stdin.flush()
        except (OSError, ValueError) as exc:
            self._kill()
            raise WorkerUnavailable(f"the language helper stopped: {exc}") from exc

    def _receive(self, proc: subprocess.Popen, wanted: int) -> dict:
        while True:
            line = proc.stdout.readline()
            if not line:
                self._kill()
                raise WorkerUnavailable("the language helper stopped")
            reply = json.loads(line)
            if reply.get("id") == wanted:
                return reply

    def request(self, payload: dict, cancelled=lambda: False) -> dict | None:
        """Send one request and wait for its answer (call from a worker thread: waiting holds no lock that
        the app needs). None when ``cancelled()`` turned true while waiting for an earlier request."""
        with self._lock:
            if cancelled():
                return None
            proc = self._ensure()
            self._send(proc, payload)
            wanted = self._last_id
            return self._receive(proc, wanted)

    def check(self, text: str, wordlist, names, languagetool: str | None, cancelled=lambda: False):
        """The issues of ``text`` (a list of Issue), or None when cancelled. Raises WorkerUnavailable."""
        reply = self.request({"op": "check", "text": text, "wordlist": list(wordlist), "names": list(names),
                              "languagetool": languagetool}, cancelled)
        if reply is None:
            return None
        if "error" in reply:
            raise RuntimeError(reply["error"])
        return [row_to_issue(row) for row in reply["issues"]]

    def close(self, wait: float = 2.0) -> None:
        """Stop the helper: it saves the remembered word verdicts and exits; killed if it does not."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        try:
            proc.stdin.close()
        except OSError:
            pass
        try:
            proc.wait(wait)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout:
            proc.stdout.close()

    def _kill(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait()


# -- the helper process ---------------------------------------------------------------------------------
def serve(requests, replies) -> None:
    """Answer JSON-line requests until the input closes: ``warm`` loads the dictionary and the dt knowledge,
    ``check`` runs the TUI's language check on a text with the project's word list and names."""
    from ..language import Engine, check_text
    engines: dict[tuple, Engine] = {}

    def engine_for(req) -> Engine:
        key = (tuple(req.get("wordlist") or ()), tuple(req.get("names") or ()))
        if key not in engines:
            engines.clear()  # a changed word list replaces the engine; the dictionary stays loaded
            engines[key] = Engine(*key)
        return engines[key]

    for line in requests:
        try:
            req = json.loads(line)
        except ValueError:
            continue
        reply: dict = {"id": req.get("id")}
        try:
            if req.get("op") == "warm":
                engine = engine_for(req)
                engine.dictionary.hunspell, engine.dt, engine.colloquial  # noqa: B018 - load them now
                reply["pid"] = os.getpid()
            elif req.get("op") == "check":
                issues = check_text(req["text"], engine=engine_for(req), languagetool=req.get("languagetool"))
                reply["issues"] = [issue_to_row(i) for i in issues]
                reply["pid"] = os.getpid()
            else:
                reply["error"] = f"unknown request {req.get('op')!r}"
        except Exception as exc:  # noqa: BLE001 - reported to the app, which shows a Dutch message
            reply["error"] = f"{exc.__class__.__name__}: {exc}"
        replies.write(json.dumps(reply, ensure_ascii=False) + "\n")
        replies.flush()


def main() -> None:
    if hasattr(os, "nice"):
        try:
            os.nice(5)  # background work: the editor's process goes first when the machine is busy
        except OSError:
            pass
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    sys.stdout = sys.stderr  # nothing else may write into the reply pipe
    requests = open(sys.stdin.fileno(), encoding="utf-8", closefd=False)
    serve(requests, replies)


if __name__ == "__main__":
    main()
