"""The draft editor: Textual's TextArea with the language findings marked in the text itself (underlined,
red for errors, yellow for warnings) and the finding under the cursor available to the screen.

Marks are character ranges of the text they were computed for; any edit clears them until the next check
(the screen starts one a moment after typing stops), so a mark never points at the wrong words.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from textual.widgets import TextArea

#: highlight names (TextArea themes map names to styles); underlined so they read without colour too
MARK_STYLES = {
    "sv-error": Style(color="red", bold=True, underline=True),
    "sv-warning": Style(color="yellow", underline=True),
    "sv-info": Style(underline=True),
}


@dataclass(frozen=True)
class Mark:
    start: int  # character offsets in the text
    end: int
    severity: str  # "error" | "warning" | "info"
    issue: object = None


class MarkedTextArea(TextArea):
    """``marks``: the findings shown in the text; ``mark_at(index)``: the one at a character offset."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.marks: list[Mark] = []
        self._marked_text: str | None = None

    def set_marks(self, marks: list[Mark], text: str) -> None:
        """Show ``marks`` (computed for ``text``); ignored when the editor no longer holds that text."""
        if text != self.text:
            return
        self.marks = sorted((m for m in marks if 0 <= m.start < m.end <= len(text)), key=lambda m: m.start)
        self._marked_text = text
        self._build_highlight_map()
        self.refresh()

    def clear_marks(self) -> None:
        if self.marks:
            self.marks = []
            self._marked_text = None
            self._build_highlight_map()
            self.refresh()

    def mark_at(self, index: int) -> Mark | None:
        """The mark covering character ``index`` (or ending just before it: the cursor after a word)."""
        if self._marked_text != self.text:
            return None
        inside = [m for m in self.marks if m.start <= index < m.end] or [m for m in self.marks if m.end == index]
        if not inside:
            return None
        order = {"error": 0, "warning": 1, "info": 2}
        return min(inside, key=lambda m: order.get(m.severity, 3))

    def cursor_index(self) -> int:
        row, col = self.cursor_location
        return self.document.get_index_from_location((row, col))

    # -- Textual internals: our marks join the syntax highlights ----------------------------------------
    def _set_theme(self, theme: str) -> None:
        super()._set_theme(theme)
        self._theme.syntax_styles = {**self._theme.syntax_styles, **MARK_STYLES}  # a copy: never the shared one

    def _build_highlight_map(self) -> None:
        super()._build_highlight_map()
        if not getattr(self, "marks", None) or self._marked_text != self.text:
            return
        doc = self.document
        for m in self.marks:
            (r1, c1), (r2, c2) = doc.get_location_from_index(m.start), doc.get_location_from_index(m.end)
            name = f"sv-{m.severity}"
            for row in range(r1, r2 + 1):
                line = doc.get_line(row)
                a = c1 if row == r1 else 0
                b = c2 if row == r2 else len(line)
                if b > a:  # highlights are in UTF-8 bytes
                    self._highlights[row].append((len(line[:a].encode()), len(line[:b].encode()), name))

    def edit(self, edit):
        result = super().edit(edit)
        if self.marks and self._marked_text != self.text:
            self.marks = []
            self._marked_text = None
            self._build_highlight_map()
        return result
