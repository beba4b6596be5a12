"""The writing screen: one part's Markdown draft in an editor, its guiding questions and writing window
beside it, and the language findings of the text, computed in a background worker so typing never waits.

Autosave: a few seconds after the last keystroke, when leaving the screen and on exit. A refused write
leaves the text in the editor (and in the app state), says why, and is retried.
"""

from __future__ import annotations

import re

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, OptionList, Static, TextArea
from textual.widgets.text_area import Selection
from textual.worker import get_current_worker

from .. import state as st_mod
from ..state import LanguageUnavailable, prose_words
from ..widgets.editor import Mark, MarkedTextArea
from ..widgets.findings import CATEGORY_LABELS, FindingsList
from ..widgets.questions import QuestionsPanel

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.U)


def word_at(line: str, column: int) -> str:
    """The word under (or just before) the cursor column."""
    for m in _WORD.finditer(line):
        if m.start() <= column <= m.end():
            return m.group(0).strip("'’-")
    return ""


_SEVERITIES: dict[str, str] = {}


def severity_of(issue) -> str:
    """An issue's severity: the outside checker's own, else that of the rule for its category (dt: error)."""
    if issue is not None and getattr(issue, "severity", ""):
        return issue.severity
    if not _SEVERITIES:
        found: dict[str, str] = {}  # filled whole, then published: a check thread may be filling it meanwhile
        try:
            from ...rules import load_rules
            for r in sorted(load_rules(), key=lambda r: r.code):  # the first rule of a category speaks for it
                if r.language:
                    found.setdefault(r.category, r.severity)
        except Exception:  # noqa: BLE001 - a mark without its exact colour is still a mark
            found = {"dt": "error"}
        _SEVERITIES.update(found)
    return _SEVERITIES.get(getattr(issue, "category", None), "warning")


def first_prose_index(markdown: str) -> int:
    """Where writing starts: after the leading guiding-question comment (and the blank lines after it)."""
    stripped = markdown.lstrip()
    if not stripped.startswith("<!--") or "-->" not in stripped:
        return 0
    end = markdown.index("-->") + 3
    while end < len(markdown) and markdown[end] == "\n":
        end += 1
    return end


class WritingScreen(Screen):
    BINDINGS = [
        Binding("ctrl+s", "save", "Opslaan"),
        Binding("f2", "toggle_focus", "Taal"),
        Binding("f3", "add_word", "Woord+"),
        Binding("f4", "toggle_done", "Klaar"),
        Binding("escape", "back", "Terug"),
    ]

    def __init__(self, part_id: str, line: int | None = None):
        super().__init__()
        self.part_id = part_id
        #: F4 on a part with errors asks first; a second F4 marks it done anyway
        self._done_asked = False
        self.start_line = line
        self._save_timer: Timer | None = None
        self._check_timer: Timer | None = None
        #: seconds spent in the last language checks (read by bench/bench_tui.py)
        self.check_times: list[float] = []

    # -- layout ---------------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        state = self.app.state
        buf = state.buffer(self.part_id)
        yield Header()
        with Horizontal(id="writing"):
            editor = MarkedTextArea(buf.text, id="editor", soft_wrap=True, tab_behavior="focus")
            editor.cursor_blink = not self.app.is_headless
            yield editor
            with Vertical(id="side"):
                with VerticalScroll(id="questions-box"):
                    yield QuestionsPanel(id="questions")
                yield FindingsList(id="findings")
        yield Static(id="cursor-finding")
        yield Static(id="save-status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        state = self.app.state
        part = state.part(self.part_id)
        buf = state.buffer(self.part_id)
        self.sub_title = part.title
        self.query_one("#questions-box").border_title = "Hulpvragen"
        self.query_one(FindingsList).border_title = "Taal"
        self.query_one(QuestionsPanel).show(part, state.window(self.part_id), state.status().week)
        self.query_one(FindingsList).show_message("Taalcontrole loopt…")
        self._update_status_line()
        self.editor.focus()
        if self.start_line:
            self.go_to_line(self.start_line)
        else:
            self.editor.cursor_location = self.editor.document.get_location_from_index(
                first_prose_index(self.editor.text))
            self.call_after_refresh(self.editor.scroll_cursor_visible, center=True, animate=False)
        self._start_check()
        if not _SEVERITIES:  # the rules' severities (for the marks): loaded beside the editor, not in its thread
            import threading
            threading.Thread(target=severity_of, args=(None,), name="ernst van de regels", daemon=True).start()
        if buf.dirty:  # unsaved text from an earlier refused write: try again soon
            self._restart_timer("_save_timer", st_mod.AUTOSAVE_DELAY, self.save_now)

    def go_to_line(self, line: int) -> None:
        """Put the cursor at the start of a 1-based line of the draft (where a check found something)."""
        row = max(0, min(line - 1, self.editor.document.line_count - 1))
        self.editor.cursor_location = (row, 0)
        self.editor.focus()
        self.call_after_refresh(self.editor.scroll_cursor_visible, center=True, animate=False)

    @property
    def editor(self) -> MarkedTextArea:
        return self.query_one("#editor", MarkedTextArea)

    # -- editing, autosave ----------------------------------------------------------------------------
    @on(TextArea.Changed, "#editor")
    def _changed(self, event: TextArea.Changed) -> None:
        self.app.state.edit(self.part_id, event.text_area.text)
        self._show_cursor_finding()
        self._restart_timer("_save_timer", st_mod.AUTOSAVE_DELAY, self.save_now)
        self._restart_timer("_check_timer", st_mod.CHECK_DELAY, self._start_check)
        self._update_status_line()

    def _restart_timer(self, name: str, delay: float, callback) -> None:
        timer = getattr(self, name)
        if timer is not None:
            timer.stop()
        setattr(self, name, self.set_timer(delay, callback))

    def save_now(self) -> bool:
        """Save this part; on failure notify, keep the text and try again later."""
        state = self.app.state
        ok = state.save(self.part_id)
        if not ok:
            self.app.notify(state.buffer(self.part_id).error, title="Niet opgeslagen", severity="error",
                            timeout=8)
            self._restart_timer("_save_timer", st_mod.RETRY_DELAY, self.save_now)
        self._update_status_line()
        return ok

    def _update_status_line(self) -> None:
        state = self.app.state
        buf = state.buffer(self.part_id)
        line = self.query_one("#save-status", Static)
        words = f"{prose_words(buf.text)} woorden"
        done = " · klaar" if state.is_done(self.part_id) else ""
        if buf.error:
            line.update(f"{buf.error}")
            line.set_class(True, "error")
            return
        line.set_class(False, "error")
        enter = " · Enter = nieuwe alinea in Word"
        if buf.dirty:
            line.update(f"{words}{done} · wijzigingen worden zo bewaard{enter}")
        elif buf.saved_at:
            line.update(f"{words}{done} · opgeslagen om {buf.saved_at:%H:%M:%S}{enter}")
        else:
            line.update(f"{words}{done} · alles opgeslagen{enter}")

    def on_screen_suspend(self) -> None:
        self.save_now()

    def action_save(self) -> None:
        if self.save_now():
            self.app.notify("Opgeslagen.", timeout=2)

    def action_back(self) -> None:
        self.save_now()
        self.app.pop_screen()

    # -- language findings ----------------------------------------------------------------------------
    def _start_check(self) -> None:
        self.run_language_check(self.editor.text)

    @work(thread=True, exclusive=True, group="taal", name="taalcontrole")
    def run_language_check(self, text: str) -> None:
        import time
        worker = get_current_worker()
        started = time.perf_counter()
        try:
            issues = self.app.state.language_check(text, cancelled=lambda: worker.is_cancelled)
            message = None
            if issues is None:
                return  # a newer check replaced this one before it started
        except LanguageUnavailable as exc:
            issues, message = [], str(exc)
        except Exception as exc:  # noqa: BLE001 - a broken engine must never take the editor down
            issues, message = [], f"De taalcontrole lukte niet: {exc}"
        self.check_times.append(time.perf_counter() - started)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_issues, text, issues, message)

    def _show_issues(self, text: str, issues: list, message: str | None) -> None:
        try:
            if not self.is_mounted or text != self.editor.text:
                return  # stale: the student typed on; the next check is already planned
            findings = self.query_one(FindingsList)
        except NoMatches:  # the screen is being taken down (the student left it): nothing to show
            return
        if message:
            findings.show_message(message)
        elif not issues:
            findings.show_message("Geen taalfouten gevonden.")
        else:
            findings.show(issues, text)
        findings.border_title = f"Taal ({len(issues)})" if issues else "Taal"
        self.editor.set_marks([Mark(i.start, i.end, severity_of(i), i) for i in issues
                               if i.start is not None and i.end is not None], text)
        self._show_cursor_finding()

    @on(TextArea.SelectionChanged, "#editor")
    def _cursor_moved(self, event: TextArea.SelectionChanged) -> None:
        self._show_cursor_finding()

    def _show_cursor_finding(self) -> None:
        """Under the editor: the finding marked where the cursor is (its message, suggestion, explanation)."""
        line = self.query_one("#cursor-finding", Static)
        mark = self.editor.mark_at(self.editor.cursor_index())
        if mark is None or mark.issue is None:
            line.update("")
            line.display = False
            return
        issue = mark.issue
        label = CATEGORY_LABELS.get(issue.category, issue.category)
        suggestion = getattr(issue, "suggestion", None)
        fix = f" → {suggestion}" if suggestion and f"'{suggestion}'" not in issue.message else ""
        why = f" {issue.explanation}" if getattr(issue, "explanation", "") else ""
        line.update(f"{label}: {issue.message}{fix}.{why}".replace("..", ".").replace("?.", "?"))
        line.set_class(mark.severity == "error", "error")
        line.display = True
        findings = self.query_one(FindingsList)
        if issue in findings.issues and not findings.has_focus:
            findings.highlighted = findings.issues.index(issue)

    @on(OptionList.OptionSelected, "#findings")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        findings = self.query_one(FindingsList)
        if event.option_id is None:
            return
        issue = findings.issues[int(event.option_id)]
        self.select_issue(issue)
        if getattr(issue, "explanation", ""):
            self.app.notify(issue.explanation, title=issue.message, timeout=6)

    def select_issue(self, issue) -> None:
        """Select the finding's text in the editor and put the focus there."""
        doc = self.editor.document
        start = doc.get_location_from_index(issue.start)
        end = doc.get_location_from_index(issue.end if issue.end is not None else issue.start)
        self.editor.selection = Selection(start, end)
        self.editor.scroll_cursor_visible(center=True)
        self.editor.focus()

    def action_toggle_focus(self) -> None:
        findings = self.query_one(FindingsList)
        if findings.has_focus:
            self.editor.focus()
        else:
            findings.focus()
            if findings.highlighted is None and findings.issues:
                findings.highlighted = 0

    # -- word list, done ------------------------------------------------------------------------------
    def word_to_add(self) -> str:
        findings = self.query_one(FindingsList)
        issue = findings.current_issue()
        if findings.has_focus and issue is not None and issue.start is not None:
            return self.editor.text[issue.start:issue.end].strip()
        if self.editor.selected_text.strip():
            return self.editor.selected_text.strip()
        row, col = self.editor.cursor_location
        return word_at(self.editor.document.get_line(row), col)

    def action_add_word(self) -> None:
        word = self.word_to_add()
        if not word or " " in word:
            self.app.notify("Zet de cursor op één woord (of kies een spellingfout) om het toe te voegen.",
                            severity="warning")
            return
        try:
            self.app.state.add_word(word)
        except OSError as exc:
            self.app.notify(f"Kon de woordenlijst niet bewaren: {exc.strerror or exc}.", severity="error")
            return
        self.app.notify(f"“{word}” staat nu in je woordenlijst.")
        self._start_check()

    def open_errors(self) -> list:
        return [m.issue for m in self.editor.marks if m.severity == "error" and m.issue is not None]

    def action_toggle_done(self) -> None:
        errors = self.open_errors()
        if errors and not self.app.state.is_done(self.part_id) and not self._done_asked:
            self._done_asked = True
            kinds = sorted({CATEGORY_LABELS.get(i.category, i.category) for i in errors})
            self.app.notify(f"Dit onderdeel heeft nog {len(errors)} {'fout' if len(errors) == 1 else 'fouten'} "
                            f"({', '.join(kinds)}), rood onderstreept in je tekst. Druk nog eens F4 om het toch "
                            "op klaar te zetten.", title="Nog fouten", severity="warning", timeout=8)
            return
        self._done_asked = False
        try:
            done = self.app.state.toggle_done(self.part_id)
        except OSError as exc:
            self.app.notify(f"Kon de voortgang niet bewaren: {exc.strerror or exc}.", severity="error")
            return
        self.app.notify("Onderdeel staat op klaar." if done else "Onderdeel staat weer op bezig.")
        self._update_status_line()
