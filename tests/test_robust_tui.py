"""The companion under stress (issues 16 and 18), in a real pseudo-terminal: a stop signal right after typing
still saves every key that was sent, a project with drafts from Notepad opens and says what it converted,
and a crash inside the app ends with a short Dutch message and a crash report (exit status 3)."""

from __future__ import annotations

import datetime as dt
import signal
import time

import pytest

from stageverslag.project import ProjectConfig, init_project
from test_tui_terminal import Terminal

SENTENCE = "Deze zin typte ik vlak voor de computer afsloot en hij moet er helemaal staan."


@pytest.fixture
def project(tmp_path):
    return init_project(tmp_path / "verslag", ProjectConfig(
        student="Nina Peeters", track="HR", company="Rupelhaven Logistics", start=dt.date(2027, 2, 8),
        terugkommoment=dt.date(2027, 3, 10)))


def open_conclusion(term: Terminal) -> None:
    term.wait_for("Week 4 van 14")
    term.type("6")  # part 6: Conclusie
    term.wait_for("Hulpvragen")
    time.sleep(0.5)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_stop_signal_right_after_typing_saves_every_key(project, signum):
    term = Terminal(project.root)
    open_conclusion(term)
    term.type(SENTENCE)
    term.proc.send_signal(signum)  # no pause: the keys may not even have been read yet
    assert term.finish() == 128 + signum
    assert SENTENCE in project.read_draft("conclusie")
    assert b"Traceback" not in term.output


def test_tui_opens_a_project_with_a_notepad_draft_and_says_what_it_converted(project):
    path = project.draft_path("inleiding")
    path.write_bytes("# Inleiding\n\nIk leerde één ding: caf\xe9-gesprekken helpen.\n".encode("cp1252"))
    term = Terminal(project.root)
    term.wait_for("Week 4 van 14")
    term.wait_for("omgezet")
    term.type("\x11")  # Ctrl+Q
    assert term.finish() == 0
    assert b"Traceback" not in term.output
    assert "één ding" in project.read_draft("inleiding")


def test_tui_with_a_draft_that_is_a_folder_stops_with_a_dutch_message(project):
    path = project.draft_path("conclusie")
    path.unlink()
    path.mkdir()
    term = Terminal(project.root)
    status = term.finish()
    assert status == 2
    assert b"Traceback" not in term.output and b"is een map" in term.output
    assert path.is_dir()
