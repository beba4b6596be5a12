"""The companion in a real pseudo-terminal: ``stageverslag`` without a command opens it on the project in
the current folder; text typed there is on disk after Ctrl+Q, and also when the terminal is closed or the
process is told to stop (SIGHUP/SIGTERM) before the autosave timer ran."""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pytest

from stageverslag.project import ProjectConfig, init_project

REPO = Path(__file__).resolve().parents[1]


class Terminal:
    """A child process on a pty of 80x24; everything it prints is collected in ``output``."""

    def __init__(self, cwd: Path):
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = dict(os.environ, TERM="xterm-256color", STAGEVERSLAG_TODAY="3/3/2027",
                   PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        env.pop("TEXTUAL", None)
        self.proc = subprocess.Popen([sys.executable, "-m", "stageverslag"], cwd=cwd, stdin=slave, stdout=slave,
                                     stderr=slave, env=env, start_new_session=True)
        os.close(slave)
        self.master = master
        self.output = b""
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def wait_for(self, text: str, timeout: float = 20) -> None:
        end = time.monotonic() + timeout
        while text.encode() not in self.output:
            if time.monotonic() > end or self.proc.poll() is not None:
                raise AssertionError(f"{text!r} did not appear on the terminal")
            time.sleep(0.05)

    def type(self, text: str) -> None:
        os.write(self.master, text.encode())

    def finish(self, timeout: float = 20) -> int:
        try:
            return self.proc.wait(timeout)
        finally:
            os.close(self.master)


@pytest.fixture
def project(tmp_path):
    return init_project(tmp_path / "verslag", ProjectConfig(
        student="Nina Peeters", track="HR", company="Rupelhaven Logistics", start=dt.date(2027, 2, 8),
        terugkommoment=dt.date(2027, 3, 10)))


def open_conclusion_and_type(term: Terminal, text: str) -> None:
    term.wait_for("Week 4 van 14")
    term.type("6")  # part 6: Conclusie
    term.wait_for("Hulpvragen")
    time.sleep(0.5)
    term.type(text)
    # wait until the editor shows the text (a loaded machine is slow to echo), then act at once: the autosave
    # timer (2 s after the last key) has not run, so only the exit path can save it
    term.wait_for(text[:-1], timeout=60)


def test_ctrl_q_saves_and_leaves(project):
    term = Terminal(project.root)
    open_conclusion_and_type(term, "Getypt in een echte terminal.")
    term.type("\x11")  # Ctrl+Q
    assert term.finish() == 0
    assert "Getypt in een echte terminal." in project.read_draft("conclusie")


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
def test_a_closed_terminal_or_shutdown_still_saves(project, signum):
    term = Terminal(project.root)
    open_conclusion_and_type(term, "Bijna verloren zin.")
    term.proc.send_signal(signum)
    assert term.finish() == 128 + signum
    assert "Bijna verloren zin." in project.read_draft("conclusie")
