"""The language pass of one report on two cores: the second half of the paragraphs in a forked process.

On a first check the main thread does all the language work after the Dutch dictionary has loaded (dt rules,
the dt model, spelling and its suggestions: about a third of the check), while the second core, which loaded
the dictionary, is idle. So when a single report is checked (``stageverslag check verslag.docx``, the
project's drafts; never a batch, whose workers already use every core), the process forks once the dictionary
is loaded: the child analyses the second half of the paragraphs and sends its issues back through a pipe,
while the parent analyses the first half.

The result is exactly the one a single process gives:

* each paragraph is analysed by the same code with the same names and word lists;
* the suggestion budget (:class:`~.spelling.WorkBudget`) is spent in document order, so a suggestion in the
  second half depends on what the first half left. The child therefore makes no spelling issue itself: it
  notes each unknown word and runs (and remembers) its suggestion search with the whole budget, which is
  never less than what the parent will have left at that word. The parent, after its own half, gives those
  words their suggestions in order from the budget it has left (``Speller.complete``): remembered searches,
  charged as always.
* the verdicts the child learned (known words, searches) are merged into the parent's dictionary, so they
  are remembered for the next run as well.
* when the child fails, the parent analyses the second half itself.

Only on Linux (where a fork is what multiprocessing does by default too; macOS and Windows start new
processes instead), with at least two cores, in a process without other threads, and for a
report long enough to pay for the fork (``MIN_WORDS``). ``STAGEVERSLAG_ONE_PROCESS=1`` turns it off.
"""

from __future__ import annotations

import os
import pickle
import select
import sys
import threading

#: words below which a report is analysed in one process (a fork and its copy-on-write cost a few ms)
MIN_WORDS = 1500
#: the parent's share of the words: the child starts later (the fork) and pays for copying memory it writes to
PARENT_SHARE = 0.55
#: seconds the parent waits for the child after its own half, before it analyses the second half itself
WAIT = 300.0

_STATE = {"allowed": False}


def allow(on: bool = True) -> None:
    """Allow the split in this process (``stageverslag check`` of one document does this at its start)."""
    _STATE["allowed"] = on


def record(how: str) -> None:
    """How the last language pass of this process ran: "one process", "split" (the child's half used) or
    "split, redone here" (the child failed: the parent analysed its half too)."""
    _STATE["last"] = how


def last() -> str | None:
    return _STATE.get("last")


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def cut(word_counts: list[int]) -> int | None:
    """Where to split paragraphs with these word counts (the first index of the child's half), or None to
    analyse them all in this process."""
    total = sum(word_counts)
    if not _STATE["allowed"] or os.environ.get("STAGEVERSLAG_ONE_PROCESS") or total < MIN_WORDS \
            or len(word_counts) < 2 or not hasattr(os, "fork") or not sys.platform.startswith("linux") \
            or _cores() < 2 or threading.active_count() > 1:
        return None
    seen = 0
    for i, n in enumerate(word_counts):
        seen += n
        if seen >= total * PARENT_SHARE:
            return min(i + 1, len(word_counts) - 1)
    return None


class Child:
    """The forked process that runs ``work()``; :meth:`result` is its return value, or None when it failed."""

    def __init__(self, work):
        self.pid = None
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            return
        if pid == 0:  # the child: never returns into the caller's code
            code = 1
            try:
                os.close(read)
                data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write, "wb") as out:
                    out.write(data)
                code = 0
            except BaseException:  # noqa: BLE001 - the parent does the work itself; nothing may escape here
                pass
            finally:
                os._exit(code)
        os.close(write)
        self.pid, self._read = pid, read

    def result(self, wait: float = WAIT):
        """The child's return value, or None (it failed, or took longer than ``wait`` seconds after the
        parent finished its own half; it is stopped then)."""
        if self.pid is None:
            return None
        chunks = []
        try:
            while True:
                ready, _, _ = select.select([self._read], [], [], wait)
                if not ready:
                    os.kill(self.pid, 9)
                    chunks = []
                    break
                chunk = os.read(self._read, 1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
        finally:
            os.close(self._read)
            _, status = os.waitpid(self.pid, 0)
        if not chunks or not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
            return None
        try:
            return pickle.loads(b"".join(chunks))
        except Exception:  # noqa: BLE001 - a broken answer: the parent does the work itself
            return None
