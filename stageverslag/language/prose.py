"""Paragraphs the language checks leave alone: reference lists (under a heading such as Bronvermelding or
Literatuurlijst, in a Bibliography style, or entries with a year between brackets and a source) and code (a
monospace font or a code style). Apart from the tokenizer so a check can choose its paragraphs cheaply."""

from __future__ import annotations

import re

#: titles of a reference list (normalised: lower case, no numbering or punctuation)
REFERENCE_TITLES = {
    "bronvermelding", "bronvermeldingen", "bronnen", "bronnenlijst", "bibliografie", "literatuurlijst", "literatuur",
    "referenties", "referentielijst", "verwijzingen", "geraadpleegde bronnen", "gebruikte bronnen",
    "geraadpleegde literatuur", "literatuurverwijzingen", "lijst van bronnen", "references", "reference list",
    "bibliography", "sources", "works cited", "literature",
}
#: monospace font families: code, commands, file listings
_MONOSPACE = ("consolas", "courier", "lucida console", "menlo", "monaco", "source code", "fira code", "fira mono",
              "dejavu sans mono", "liberation mono", "cascadia", "jetbrains mono", "roboto mono", "ubuntu mono",
              "inconsolata", "sf mono", "andale mono", "noto mono", "noto sans mono", "ocr a", "hack")
_CODE_STYLES = ("code", "html preformatted", "html-voorgeformatteerd", "macro text", "macrotekst", "source",
                "broncode", "programcode")
_REFERENCE_STYLES = ("bibliography", "bibliografie", "literatuurlijst", "references", "referenties")
_TITLE_NUMBER = re.compile(r"^\s*(?:hoofdstuk\s+)?(?:\d+(?:\.\d+)*|[ivxlc]+)[.)]?\s+|[\s.:]+$", re.I)
#: a reference entry wherever it stands: an author or title, a year or 'z.d.' between brackets, and a source
_REFERENCE_ENTRY = re.compile(
    r"\((?:\d{4}[a-z]?|z\.\s?d\.|n\.\s?d\.|s\.\s?d\.|sd|zd|nd)(?:,[^)]{0,40})?\)\..{0,400}?"
    r"(?:https?://|www\.|geraadpleegd|opgehaald|retrieved|accessed|available|beschikbaar|uitgeverij|press|"
    r"journal|tijdschrift|doi|isbn|vol\.|pp\.)", re.I | re.S)


def _normalise_title(text: str) -> str:
    text = text.strip().split("\t")[0]
    return re.sub(r"\s+", " ", _TITLE_NUMBER.sub("", text)).strip().lower()


def monospace(font_name: str | None) -> bool:
    name = (font_name or "").lower()
    return bool(name) and (any(m in name for m in _MONOSPACE) or name.endswith(" mono"))


def not_prose(paragraphs, outline=None) -> set[int]:
    """Positions (in ``paragraphs``) of paragraphs the language checks leave alone: a reference list (the
    paragraphs under a heading Bronvermelding, Bibliografie, Literatuurlijst, Referenties, Bronnen, ... up to the
    next heading of the same or a higher level; a Bibliography style; an entry with a year between brackets and a
    source), and code (a monospace font or a code style). The headings come from ``outline`` when it has them
    (``outline.headings`` with ``position``, ``text``, ``level``), else from the paragraphs' heading levels, and a
    paragraph that says only "Bronnen" counts as a heading too."""
    out: set[int] = set()
    heading_at: dict[int, int] = {}  # position -> level (1 when unknown)
    for h in getattr(outline, "headings", None) or ():
        pos = getattr(h, "position", None)
        if isinstance(pos, int):
            heading_at[pos] = getattr(h, "level", None) or 1
    for pos, p in enumerate(paragraphs):
        level = getattr(p, "heading_level", None)
        if level is not None and pos not in heading_at:
            heading_at[pos] = level
    starts = []
    for pos, p in enumerate(paragraphs):
        style = (getattr(p, "style_name", None) or getattr(p, "style_id", None) or "").lower()
        if style.startswith(("toc", "inhopg", "inhoudsopgave")):
            continue
        text = p.text
        title = _normalise_title(text) if len(text) < 80 else ""
        if title in REFERENCE_TITLES:
            if pos in heading_at:
                starts.append((pos, heading_at[pos]))
            elif not getattr(p, "numbered", False) and "list" not in style and (
                    getattr(p, "bold", False) or (getattr(p, "font_size", None) or 0) >= 13 or text.isupper()):
                starts.append((pos, 0))  # a title typed as bold text: its list ends at any heading
        if monospace(getattr(p, "font_name", None)) or any(style.startswith(s) for s in _CODE_STYLES):
            out.add(pos)
        elif any(style.startswith(s) for s in _REFERENCE_STYLES) or (len(text) < 600 and _REFERENCE_ENTRY.search(text)):
            out.add(pos)
    for start, level in starts:
        pos = start + 1
        while pos < len(paragraphs):
            if pos in heading_at and (level == 0 or heading_at[pos] <= level):
                break
            if _normalise_title(paragraphs[pos].text).startswith(("bijlage", "bijlagen", "appendix")) \
                    and len(paragraphs[pos].text) < 80:
                break  # the appendices after the reference list, whatever their heading level
            out.add(pos)
            pos += 1
    return out
