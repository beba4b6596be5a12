"""Structure analysis: which of the handbook's parts a report contains, where, and how its headings were made.

:func:`analyse` turns a document model into an :class:`Outline`: the title-page region, the table of
contents (field, content control or typed out), every heading (found through heading styles and outline
levels, or recognised as a "fake" heading: a short bold, large or numbered Normal paragraph), the top-level
chapters mapped to part ids of the profile, and each part's span with its words and subsections.
:func:`statistics` counts words and characters over the whole report and per part.

Titles are compared after :func:`normalise` (case, accents, leading numbering such as "2.1" or
"Hoofdstuk 3 –", trailing page numbers of typed TOCs, punctuation, ordinals) and a forgiving match.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from fnmatch import fnmatch
from functools import lru_cache

from .model import Document, Paragraph
from ..profile import Profile
from ..text import count_characters, count_words

# ------------------------------------------------------------------------------------------ normalising

_LEADING_NUMBER = re.compile(
    r"^\s*(?:(?:hoofdstuk|deel|onderdeel|chapter|part|h)\s*)?"
    r"(?:\d+(?:[.)]\d+)*[.)]?|[ivx]+(?=[\s.):-]))[.):]?\s*(?:[-–—:.]\s*)?")
_TRAILING_PAGE = re.compile(r"(?:\s*[.…·_]{2,}\s*|\t+\s*|\s{3,})\d{1,3}\s*$")
_TRAILING_NUMBER = re.compile(r"\s+\d{1,3}\s*$")
_ORDINALS = {"eerste": "1", "1e": "1", "1ste": "1", "tweede": "2", "2e": "2", "2de": "2", "derde": "3",
             "3e": "3", "3de": "3", "i": "1", "ii": "2", "iii": "3", "iv": "4"}
_NUMBERED_TITLE = re.compile(r"^\s*(?:hoofdstuk\s+\d+|\d+(?:\.\d+)*\.?)\s+\S", re.I)
_TOC_STYLE = re.compile(r"^(toc|contents|inhopg|inhoudsopgave|inhoud)\s*\d$")
_TOC_HEADING_STYLES = {"tocheading", "contentsheading", "kopvaninhoudsopgave", "inhoudsopgavekop"}


def _strip_accents(text: str) -> str:
    if text.isascii():  # NFKD leaves ASCII as it is
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=16384)  # pure; the profile's phrases and titles are normalised for every paragraph
def normalise(text: str, toc_entry: bool = False) -> str:
    """A title reduced to comparable words: "2. Uitgangspunten & eerste indrukken ....... 4" ->
    "uitgangspunten en 1 indrukken". With ``toc_entry`` a bare trailing number is a page number too."""
    t = _strip_accents(text).lower().replace("\u00a0", " ").strip()
    t = _TRAILING_PAGE.sub("", t)
    if toc_entry:
        t = _TRAILING_NUMBER.sub("", t)
    for _ in range(2):  # "Hoofdstuk 3 – 3.1 ..." is rare, but "Deel 1: 1." is not
        stripped = _LEADING_NUMBER.sub("", t, count=1)
        if stripped == t or not stripped.strip():
            break
        t = stripped
    t = t.replace("&", " en ")
    t = re.sub(r"[^0-9a-z]+", " ", t)
    return " ".join(_ORDINALS.get(w, w) for w in t.split())


@lru_cache(maxsize=4096)
def _letters(text: str) -> Counter:
    return Counter(text)


@lru_cache(maxsize=65536)
def match_score(title: str, alias: str) -> float:
    """How well a normalised title matches a normalised alias (0 = not at all, 1 = exactly)."""
    if not title or not alias:
        return 0.0
    if title == alias:
        return 1.0
    digits_t = {w for w in title.split() if w.isdigit()}
    digits_a = {w for w in alias.split() if w.isdigit()}
    if digits_t and digits_a and digits_t != digits_a:
        return 0.0
    if len(alias) >= 4 and title.startswith(alias + " ") and len(title.split()) <= len(alias.split()) + 6:
        return 0.92
    if len(alias) >= 12 and f" {alias} " in f" {title} ":
        return 0.9
    if len(title) >= 10 and alias.startswith(title + " ") and not digits_t:
        return 0.85
    needed = 0.85 if len(alias) >= 10 else 0.9
    # SequenceMatcher's real_quick_ratio and quick_ratio, computed without building one (most pairs stop here)
    length = len(title) + len(alias)
    if 2.0 * min(len(title), len(alias)) / length < needed:
        return 0.0
    if 2.0 * sum((_letters(title) & _letters(alias)).values()) / length < needed:
        return 0.0
    matcher = SequenceMatcher(None, title, alias)
    ratio = matcher.ratio()
    return ratio * 0.95 if ratio >= needed else 0.0


def _best(title: str, names: dict[str, tuple[str, ...]]) -> list[tuple[float, str]]:
    """Candidates (score, id) for a normalised title, best first; only scores above zero."""
    out = []
    for key, aliases in names.items():
        score = max((match_score(title, a) for a in aliases), default=0.0)
        if score > 0:
            out.append((score, key))
    return sorted(out, key=lambda c: -c[0])


# ------------------------------------------------------------------------------------------ the outline


@dataclass
class Heading:
    position: int  # index in ``doc.paragraphs``
    index: int | None  # 0-based body index (python-docx ``Document.paragraphs``), None outside the body
    text: str
    level: int | None  # 1 = top; None for a fake heading whose level is unknown
    #: how it was recognised: "style" (heading style), "outline" (outline level only), "markdown",
    #: "toc" (the title of the table of contents), or a fake heading: "bold", "font" (larger than the body
    #: text), "numbered", "plain" (a bare part title)
    detected: str
    part: str | None = None  # part id when this heading starts a part
    candidates: list[tuple[float, str]] = field(default_factory=list)
    extra: str | None = None  # an allowed extra chapter (voorwoord, bronnen, ...), normalised
    subsection: str | None = None  # subsection id when it opens a subsection of a part
    chapter: bool = False  # a top-level chapter (or a part title at a deeper level)
    #: for an allowed extra chapter: "front" (before the first part), "back" (after the conclusion), "both",
    #: or "any" (anywhere: the table of contents, ...)
    matter: str | None = None
    #: a chapter after the appendix's title that is not a part: part of the appendix ("Bijlage 2: ...")
    in_appendix: bool = False

    @property
    def fake(self) -> bool:
        return self.detected in ("bold", "font", "numbered", "plain")


@dataclass
class PartSpan:
    id: str
    heading: Heading
    start: int  # position of the heading in ``doc.paragraphs``
    end: int  # exclusive
    words: int = 0
    paragraphs: int = 0  # non-empty paragraphs after the heading
    images: int = 0
    subsections: dict[str, Heading] = field(default_factory=dict)
    #: template text left in the part: (position, kind, the text) with kind "stijl" (the placeholder
    #: style), "lorem", "instructie" ("[Vul hier ... in]") or "sjabloon" ("Typ hier je tekst")
    placeholders: list[tuple[int, str, str]] = field(default_factory=list)
    #: the part's text is questions only (every sentence ends in '?'); how many, and how many of them are
    #: the profile's guiding questions (copied or reworded)
    only_questions: bool = False
    questions: int = 0
    guiding: int = 0
    #: the words of the student's own text: without placeholders (0 for a part of questions only)
    own_words: int | None = None

    @property
    def empty(self) -> bool:
        words = self.words if self.own_words is None else self.own_words
        return words < 10 and self.images == 0


@dataclass
class TocInfo:
    field: bool = False  # a TOC field (in a content control or not)
    sdt: bool = False  # Word's table-of-contents content control
    typed: bool = False  # a typed-out list of titles and page numbers, no field
    title: int | None = None  # position of the "Inhoudsopgave" title, if any
    start: int | None = None
    end: int | None = None  # exclusive
    entries: int = 0
    empty_field: bool = False  # the field is there but shows no entries (never updated)

    @property
    def present(self) -> bool:
        return self.field or self.sdt or self.typed


@dataclass
class Outline:
    top_level: int
    headings: list[Heading]
    chapters: list[Heading]
    parts: dict[str, PartSpan]  # first occurrence of each part
    order: list[str]  # part ids in document order (first occurrences)
    duplicates: list[Heading]
    extras: list[Heading]
    unexpected: list[Heading]
    toc: TocInfo
    title_page: tuple[int, int] | None  # [start, end) positions
    title_page_break: bool  # the title page ends with a page break of its own
    cover_sdt: bool
    #: part titles found only as a deeper heading (e.g. "Conclusie" as Kop 2): part id -> heading
    nested: dict[str, Heading] = field(default_factory=dict)
    source: str = "docx"

    @property
    def fake_headings(self) -> list[Heading]:
        return [h for h in self.headings if h.fake]

    def misplaced(self, reference: list[str]) -> list[str]:
        """Parts out of order: all but the longest run of ``order`` that agrees with ``reference``."""
        ranks = [reference.index(i) for i in self.order]
        chains: list[list[int]] = []
        for k, r in enumerate(ranks):
            prev = [c for c in chains if ranks[c[-1]] < r]
            chains.append((max(prev, key=len) if prev else []) + [k])
        keep = {self.order[k] for k in (max(chains, key=len) if chains else [])}
        return [pid for pid in self.order if pid not in keep]

    def part_of(self, position: int) -> str | None:
        """The part id whose span holds paragraph ``position`` (None before the first part)."""
        for span in self.parts.values():
            if span.start <= position < span.end:
                return span.id
        return None


def _names(profile: Profile) -> tuple[dict, dict, dict]:
    parts = {p.id: tuple(dict.fromkeys(normalise(a) for a in (p.title.lower(), *p.aliases))) for p in profile.parts}
    extras = {normalise(x): (normalise(x),) for x in (*profile.allowed_extra, *profile.front_matter,
                                                      *profile.back_matter)}
    subs = {p.id: {s.id: tuple(dict.fromkeys(normalise(a) for a in (s.title.lower(), *s.aliases)))
                   for s in p.subsections} for p in profile.parts}
    return parts, extras, subs


def _is_toc_entry_style(p: Paragraph) -> bool:
    for s in (p.style_name, p.style_id):
        if s and _TOC_STYLE.match(s.lower().replace("_", " ").strip()):
            return True
    return False


def _is_toc_heading_style(p: Paragraph) -> bool:
    return any(s and s.lower().replace(" ", "").replace("_", "") in _TOC_HEADING_STYLES
               for s in (p.style_name, p.style_id))


def _contents_field(instruction: str) -> bool:
    """A TOC field that lists headings (not a list of figures or tables: those carry \\c or \\f)."""
    words = instruction.split()
    return bool(words) and words[0].upper() == "TOC" and not any(w.lower() in ("\\c", "\\f") for w in words)


def _has_field(p: Paragraph, name: str) -> bool:
    return any(f.split()[0].upper() == name for f in p.fields if f.strip())


_TOC_TOKEN = re.compile(r'"[^"]*"|\S+')
#: the names Word shows for built-in styles in other languages, as a TOC's \t switch may spell them
_LOCAL_HEADING = re.compile(r"^(?:kop|heading|uberschrift|titre|titolo|titulo|encabezado)\s*([1-9])$")
_LOCAL_NAMES = {"titel": "title", "ondertitel": "subtitle", "titre": "title", "untertitel": "subtitle"}


def _style_key(name: str | None) -> str:
    """A style name as a TOC switch and styles.xml may both spell it: lower-case, single spaces."""
    return " ".join(_strip_accents(name or "").lower().split())


def _local_key(key: str) -> str | None:
    """The built-in name behind a localised display name: "kop 1" -> "heading 1", "titel" -> "title"."""
    m = _LOCAL_HEADING.match(key)
    if m:
        return f"heading {m.group(1)}"
    return _LOCAL_NAMES.get(key)


def toc_styles(instructions: list[str]) -> dict[str, int]:
    """The styles a table of contents lists by its ``\\t`` switch, with their TOC level:
    ``TOC \\o "1-3" \\t "Tussenpagina_titel;1;Heading 1;3"`` -> {"tussenpagina_titel": 1, "heading 1": 3}.
    The list separator is ";" or "," (Word writes the one of the computer's region); a style without a
    level is level 1. Keys are :func:`_style_key` names; localised built-in names ("Kop 1") are added under
    their built-in name too."""
    out: dict[str, int] = {}
    for instruction in instructions:
        tokens = _TOC_TOKEN.findall(instruction)
        for k, token in enumerate(tokens[:-1]):
            if token.lower() != "\\t":
                continue
            arg = tokens[k + 1].strip('"')
            sep = ";" if ";" in arg else ","
            items = [x.strip() for x in arg.split(sep)]
            i = 0
            while i < len(items):
                name = items[i]
                i += 1
                if not name or name.isdigit():
                    continue
                level = 1
                if i < len(items) and items[i].isdigit():
                    level = int(items[i])
                    i += 1
                if not 1 <= level <= 9:
                    continue
                key = _style_key(name)
                out.setdefault(key, level)
                local = _local_key(key)
                if local:
                    out.setdefault(local, level)
    return out


def _body_font_size(doc: Document) -> float | None:
    sizes = [p.font_size for p in doc.paragraphs
             if p.font_size and p.heading_level is None and count_words(p.text) >= 15]
    sizes.sort()
    return sizes[len(sizes) // 2] if sizes else None


class _Analyser:
    def __init__(self, doc: Document, profile: Profile):
        self.doc, self.profile = doc, profile
        self.paras = doc.paragraphs
        self.part_names, self.extra_names, self.sub_names = _names(profile)
        self.toc_titles = {normalise(t) for t in profile.toc_titles}
        self.front = {normalise(x) for x in profile.front_matter}
        self.back = {normalise(x) for x in profile.back_matter}
        self.patterns = tuple(profile.matter_patterns)
        self.body_size = _body_font_size(doc)
        #: styles the table of contents lists by name (``\\t``), with their level
        self.toc_styles = toc_styles([f.instruction for f in doc.fields if _contents_field(f.instruction)])
        #: every paragraph's heading level as the table of contents sees it (None: body text)
        self.levels = [self.toc_level(p) for p in self.paras]

    def toc_level(self, p: Paragraph) -> int | None:
        """The level Word's TOC gives a paragraph: the level its ``\\t`` switch names for the paragraph's style
        (by name, localised name or id), else the heading level of its style or outline level. Text in text
        boxes is never in a TOC."""
        if p.location == "textbox":
            return None
        if self.toc_styles:
            name = _style_key(p.style_name)
            for key in (name, _local_key(name), _style_key(p.style_id)):
                if key and key in self.toc_styles:
                    return self.toc_styles[key]
        return p.heading_level

    def matter(self, title: str) -> str | None:
        """"front", "back", "both" or "any" (allowed anywhere) for a chapter title the profile allows besides
        the parts, else None. ``title`` is normalised."""
        if not title:
            return None
        front = title in self.front or any(fnmatch(title, pat) for pat in self.patterns)
        back = title in self.back or any(fnmatch(title, pat) for pat in self.patterns)
        if front and back:
            return "both"
        if front or back:
            return "front" if front else "back"
        return "any" if title in self.extra_names or title in self.toc_titles else None

    # -- helpers ------------------------------------------------------------------------------------
    def is_toc_title(self, p: Paragraph) -> bool:
        """The title of a table of contents ("Inhoudsopgave", a TOC Heading style); not an item of a list
        that names the parts of a report."""
        if _is_toc_heading_style(p):
            return True
        return len(p.text) < 60 and normalise(p.text) in self.toc_titles and not (p.numbered and not p.bold)

    def title_matches(self, text: str, toc_entry: bool = False) -> bool:
        n = normalise(text, toc_entry)
        return bool(_best(n, self.part_names) or _best(n, self.extra_names)
                    or any(_best(n, subs) for subs in self.sub_names.values()))

    def looks_like_toc_entry(self, p: Paragraph, loose: bool) -> bool:
        """A typed TOC line: "Inleiding ....... 3", "Inleiding<tab>3"; ``loose`` (right after a TOC title)
        also accepts any short title-like line ("<tab>1.2 Achtergrond")."""
        text = p.text.strip()
        if self.toc_level(p) is not None or not text or len(text) > 120:
            return False
        if _TRAILING_PAGE.search(text):
            return True
        if not loose:
            return False
        return count_words(text) <= 14 and (text[-1] not in ".:;?!" or bool(_TRAILING_NUMBER.search(text)))

    # -- regions -------------------------------------------------------------------------------------
    def find_toc(self) -> TocInfo:
        """Where the table of contents is, and what kind: field, content control, typed out."""
        toc = TocInfo(field=any(_contents_field(f.instruction) for f in self.doc.fields), sdt=self.doc.toc_sdt)
        start = None
        for i, p in enumerate(self.paras):
            if (any(_contents_field(f) for f in p.fields) or _is_toc_entry_style(p)
                    or (self.is_toc_title(p) and p.location != "table")):
                start = i
                break
        if start is None:
            return toc
        if self.is_toc_title(self.paras[start]):
            toc.title = start
        else:  # a title just before the field ("Inhoudsopgave", then the entries)
            for j in range(start - 1, max(-1, start - 4), -1):
                q = self.paras[j]
                if self.is_toc_title(q) or (q.text.strip() and len(q.text) < 40 and
                                            re.search(r"inhoud|contents", normalise(q.text))):
                    toc.title = start = j
                    break
                if q.text.strip():
                    break
        end, entries, typed, by_break = self._toc_run(start, loose=toc.title is not None)
        if typed and not by_break and not (toc.field or toc.sdt):
            end, entries, typed, by_break = self._toc_run(start, loose=False)
        toc.start, toc.end, toc.entries = start, end, entries
        toc.typed = not toc.field and not toc.sdt and typed >= 2
        if toc.field:
            results = [f for f in self.doc.fields if _contents_field(f.instruction)]
            toc.empty_field = entries == 0 and not any(f.result_text.strip() for f in results)
        return toc

    def _toc_run(self, start: int, loose: bool) -> tuple[int, int, int, bool]:
        """Walk the entries after ``start``: (end, entries, typed entries, ended by a page break)."""
        end, entries, typed = start + 1, 0, 0
        in_sdt = self.doc.toc_sdt and self.paras[start].location == "sdt"
        while end < len(self.paras):
            p = self.paras[end]
            if p.page_break_before and end > start + 1:
                return end, entries, typed, True
            if not p.text.strip() and self.levels[end] is None:
                end += 1
                if p.page_break:
                    return end, entries, typed, True
                continue
            styled = _is_toc_entry_style(p) or _has_field(p, "PAGEREF") or _has_field(p, "TOC")
            if not (styled or (in_sdt and p.location == "sdt") or self.looks_like_toc_entry(p, loose)):
                return end, entries, typed, False
            entries += 1
            typed += not styled
            end += 1
            if p.page_break:
                return end, entries, typed, True
        return end, entries, typed, True

    def find_title_page(self, toc: TocInfo) -> tuple[tuple[int, int] | None, bool]:
        """The title page: what comes before the TOC or the first heading, ending with a page break.
        At most 150 words (more is body text) within the first 80 paragraphs. Text boxes and shapes count
        (a cover built from text boxes). Without a page break, a title block (Title style, big letters or a
        picture) followed by the first chapter is a title page that shares its page, unless the page
        estimate puts the first chapter on a later page; a document that is only a title block is one."""
        limit = min(len(self.paras), 80)
        stop = toc.start if toc.start is not None and toc.start < limit else limit
        words, content, titled = 0, False, False
        block_end = None  # end of the title block at the top (big letters, Title style, picture)
        for i in range(stop):
            p = self.paras[i]
            if p.page_break_before and i > 0 and content:
                return (0, i), True
            if (self.levels[i] is not None and p.text.strip() and p.location not in ("table", "textbox")
                    and not self.is_toc_title(p)):
                if self.title_matches(p.text):  # the first chapter starts without a page break before it
                    if content and self._title_like(0, i):
                        return (0, i), self._later_page(i)
                    return None, False
                if content and block_end is not None and self._later_page(i):
                    return (0, i), True  # the first chapter (not a part) starts on the next page
                if titled:
                    return self._shared(block_end)  # a second heading: these are chapters
                titled = True  # a heading-styled report title on the title page ("Stageverslag")?
            words += count_words(p.text)
            content = content or words > 0 or p.has_image
            if self._title_like(i, i + 1) and words <= 60 and (self.levels[i] is None or p.location == "textbox"):
                block_end = i + 1
            if words > (60 if titled else 150):
                return self._shared(block_end)
            if p.page_break:
                end = i + 1  # its text boxes come after it in reading order, but stand on this page
                while (end < len(self.paras) and self.paras[end].location == "textbox"
                       and p.index is not None and self.paras[end].anchor == p.index):
                    content = content or bool(self.paras[end].text.strip()) or self.paras[end].has_image
                    end += 1
                return ((0, end), True) if content or titled else (None, False)
        if stop == toc.start and content and self._title_like(0, stop):
            # LibreOffice puts the page break into the TOC title paragraph itself
            return (0, stop), bool(self.paras[stop].page_break_before or self.paras[stop].page_break
                                   or self._toc_on_page_two(toc) or self._later_page(stop))
        if self.doc.cover_sdt and self.paras and self.paras[0].location == "sdt":
            end = 0
            while end < len(self.paras) and self.paras[end].location == "sdt":
                end += 1
            return (0, end), True
        if stop == len(self.paras) and content and self._title_like(0, stop):
            return (0, stop), True  # the document is a title page and nothing else
        return None, False

    def _toc_on_page_two(self, toc: TocInfo) -> bool:
        """The TOC's own page numbers say the first chapter starts on page 3 or later: the title page and
        the table of contents each have a page (Word numbered the entries when it last updated them)."""
        numbers = []
        for p in self.paras[toc.start:toc.end]:
            m = re.search(r"\t\s*(\d{1,3})\s*$", p.text)
            if m and (_is_toc_entry_style(p) or p.location == "sdt" or _has_field(p, "PAGEREF")):
                numbers.append(int(m.group(1)))
        return bool(numbers) and min(numbers) >= 3

    def _shared(self, block_end: int | None) -> tuple[tuple[int, int] | None, bool]:
        """A title block at the top with text after it on the same page (no page break): a title page
        that does not stand on its own page, or none when there is no title block."""
        if block_end is None:
            return None, False
        return (0, block_end), self._later_page(block_end)

    def _later_page(self, position: int) -> bool:
        """Does paragraph ``position`` start on a later page than the first (a title page filled with empty
        lines needs no page break)? Yes when Word started a page before it at its last save
        (w:lastRenderedPageBreak), or by the page estimate, allowing two lines for its error."""
        if position >= len(self.paras):
            return True
        if any(p.rendered_page_break for p in self.paras[1:position + 1]):
            return True  # (Word leaves out some of its records, in a TOC field: "none" proves nothing)
        try:
            from .pages import paragraph_pages
            pages = paragraph_pages(self.doc)
        except Exception:  # the estimate is a help here, never a reason to fail
            return False
        first = next((pg for pg in pages[:position + 1] if pg is not None), None)
        later = [pg for pg in pages[position:position + 3] if pg is not None]
        return first is not None and bool(later) and max(later) > first

    def _title_like(self, start: int, end: int) -> bool:
        """Does this stretch look like a title page (a Title style, big letters or a picture)?"""
        big = (self.body_size or 11) + 4
        for p in self.paras[start:end]:
            style = (p.style_name or "").lower()
            if p.has_image or style in ("title", "subtitle") or (p.font_size and p.font_size >= big):
                return True
        return False

    # -- headings ------------------------------------------------------------------------------------
    def fake_kind(self, p: Paragraph) -> str | None:
        text = p.text.strip()
        if not text or p.location in ("table", "textbox") or len(text) > 90 or count_words(text) > 12:
            return None
        if (text[-1] in ".:;,?!" and not re.match(r"^\d+(\.\d+)*\.$", text)) or _TRAILING_PAGE.search(p.text):
            return None  # a sentence, or a line of a typed table of contents
        big = bool(p.font_size and self.body_size and p.font_size >= self.body_size + 1.5)
        if p.numbered and (not (p.bold or big) or not (_best(normalise(text), self.part_names)
                                                         or _best(normalise(text), self.extra_names))):
            return None  # an item of a bulleted or numbered list ("Bijlagen" in a list of parts), not a title
        if p.bold:
            return "bold"
        if p.font_size and self.body_size and p.font_size >= self.body_size + 1.5:
            return "font"
        n = normalise(text)
        if _NUMBERED_TITLE.match(text) and (_best(n, self.part_names) or _best(n, self.extra_names)):
            return "numbered"
        if _best(n, self.part_names) and _best(n, self.part_names)[0][0] >= 0.95:
            return "plain"
        return None

    def headings(self, skip: set[int], toc_title: int | None = None) -> list[Heading]:
        out = []
        for i, p in enumerate(self.paras):
            if i in skip or not p.text.strip() or p.location in ("table", "textbox"):
                continue
            level, detected = None, None
            if i == toc_title:  # never listed in a TOC itself, whatever its formatting
                level, detected = self.levels[i], "toc"
            elif self.levels[i] is not None:
                level = self.levels[i]
                if p.location == "markdown":
                    detected = "markdown"
                elif (p.style_name or "").lower().startswith(("heading", "kop")) or \
                        (p.style_id or "").lower().startswith(("heading", "kop")):
                    detected = "style"
                else:
                    detected = "style" if p.outline_level is None else "outline"
            elif p.outline_level is not None and p.outline_level < 9:
                level, detected = p.outline_level + 1, "outline"
            else:
                detected = self.fake_kind(p)
                if detected is None:
                    continue
                m = re.match(r"^\s*(\d+(?:\.\d+)*)\.?\s", p.text)
                if m:
                    level = m.group(1).count(".") + 1
                elif re.match(r"^\s*hoofdstuk\s+\d", p.text, re.I):
                    level = 1
            h = Heading(position=i, index=p.index, text=p.text.strip(), level=level, detected=detected)
            n = normalise(h.text)
            h.candidates = _best(n, self.part_names) if len(n.split()) <= 12 else []
            extra = _best(n, self.extra_names) or ([(1.0, n)] if n in self.toc_titles else [])
            if not extra and self.matter(n):  # a list by its form: "Codefragmentenlijst", "Lijst van bijlagen"
                extra = [(0.95, n)]
            if extra and (not h.candidates or extra[0][0] > h.candidates[0][0]):
                h.extra, h.candidates = extra[0][1], []
                h.matter = self.matter(h.extra) or "any"
            out.append(h)
        return out


def _top_level(headings: list[Heading]) -> int:
    per_level: dict[int, set[str]] = {}
    for h in headings:
        if h.level is not None and h.candidates:
            per_level.setdefault(h.level, set()).add(h.candidates[0][1])
    if per_level:
        return min(per_level, key=lambda lvl: (-len(per_level[lvl]), lvl))
    levels = [h.level for h in headings if h.level is not None and not h.fake]
    return min(levels) if levels else 1


def analyse(doc: Document, profile: Profile) -> Outline:
    """Find the title page, the TOC, the headings and the parts of ``doc`` (see the module docstring).
    Nothing is cached here: a check computes the outline once on its own Context and passes it on."""
    return _analyse(doc, profile)


def _analyse(doc: Document, profile: Profile) -> Outline:
    a = _Analyser(doc, profile)
    markdown = doc.source == "markdown"
    toc = TocInfo() if markdown else a.find_toc()
    title_page, title_break = (None, False) if markdown else a.find_title_page(toc)
    if title_page:  # text boxes anchored in the title page's last paragraph come after it: they are on it
        start, end = title_page
        last = max((p.index for p in doc.paragraphs[start:end] if p.index is not None), default=None)
        while (end < len(doc.paragraphs) and last is not None and doc.paragraphs[end].location == "textbox"
               and doc.paragraphs[end].anchor is not None and doc.paragraphs[end].anchor <= last):
            end += 1
        title_page = (start, end)
    skip: set[int] = set()
    if title_page:
        skip.update(range(*title_page))
    if toc.start is not None:
        skip.update(i for i in range(toc.start, toc.end or toc.start) if i != toc.title)
    headings = a.headings(skip, toc.title)
    if markdown:
        for h in headings:
            hint = doc.paragraphs[h.position].part_hint
            if h.level == 1 and hint:
                h.candidates = [(1.0, hint)]
    top = _top_level(headings)
    chapters: list[Heading] = []
    # a bold "Conclusie" inside a part is a subheading when a real heading "Conclusie" exists as well
    styled = {h.candidates[0][1] if h.candidates else h.extra for h in headings
              if not h.fake and h.level is not None and h.level <= top and (h.candidates or h.extra)}
    for h in headings:
        if h.level is None:
            h.chapter = bool(h.candidates or h.extra) and (h.candidates[0][1] if h.candidates else h.extra) \
                not in styled
        elif h.level == top:
            h.chapter = not h.fake or bool(h.candidates or h.extra) or h.detected == "numbered"
        elif h.level < top:
            h.chapter = bool(h.candidates or h.extra)
        if h.chapter:
            if h.level is None or h.level > top:
                h.level = top
            chapters.append(h)

    parts: dict[str, PartSpan] = {}
    order: list[str] = []
    duplicates: list[Heading] = []
    extras: list[Heading] = []
    unexpected: list[Heading] = []
    previous_part: str | None = None
    continued: set[int] = set()
    appendix = profile.appendix_part

    def absorbed(h: Heading) -> bool:
        """After the appendix's title every chapter that is not a new part belongs to the appendix (an
        appendix holds whole documents: a plan with its own 'Inleiding', 'Bijlage 2: Logboek')."""
        if appendix and appendix in parts and previous_part == appendix:
            h.part, h.in_appendix = appendix, True
            continued.add(h.position)
            return True
        return False

    for h in chapters:
        if h.extra:
            extras.append(h)
            if appendix and previous_part == appendix:
                continue  # "Bronnen" (or an appended document's own TOC) after the appendix: it goes on
            previous_part = None
            continue
        if not h.candidates:
            sub = _subsection_of(previous_part, normalise(h.text), a.sub_names)
            if sub:
                h.chapter = False
                h.subsection = sub
                continue
            if absorbed(h):
                continue
            unexpected.append(h)
            previous_part = None
            continue
        best = h.candidates[0][0]
        choice = next((pid for s, pid in h.candidates if s >= best - 0.02 and pid not in parts), None)
        if choice is None:
            sub = _subsection_of(previous_part, normalise(h.text), a.sub_names)
            if sub:
                h.chapter, h.subsection = False, sub
                continue
            h.part = h.candidates[0][1]
            if h.part == previous_part:  # "Bijlage 1", "Bijlage 2": one part in several chapters
                continued.add(h.position)
            elif absorbed(h):
                continue
            else:
                duplicates.append(h)
                previous_part = None
            continue
        h.part = previous_part = choice
        parts[choice] = PartSpan(id=choice, heading=h, start=h.position, end=len(doc.paragraphs))
        order.append(choice)
    boundaries = sorted({h.position for h in chapters if h.chapter and h.position not in continued}
                        | {h.position for h in headings if h.level is not None and h.level < top})
    heading_positions = {h.position for h in headings}
    for span in parts.values():
        nxt = [b for b in boundaries if b > span.start]
        span.end = nxt[0] if nxt else len(doc.paragraphs)
        for i in range(span.start + 1, span.end):
            p = doc.paragraphs[i]
            if i in skip:
                continue
            span.images += int(p.has_image)
            if p.text.strip():
                span.paragraphs += 1
        for h in headings:
            if span.start < h.position < span.end:
                sub = h.subsection or _subsection_of(span.id, normalise(h.text), a.sub_names)
                if sub and sub not in span.subsections:
                    h.subsection = sub
                    span.subsections[sub] = h
        span.words = sum(count_words(doc.paragraphs[i].text) for i in range(span.start + 1, span.end)
                         if i not in skip and i not in heading_positions)
        _template_text(span, doc, profile, skip | heading_positions)
    nested: dict[str, Heading] = {}
    for h in headings:
        if not h.chapter and h.candidates and h.candidates[0][0] >= 0.9 and not h.subsection:
            pid = h.candidates[0][1]
            if pid not in parts and pid not in nested:
                nested[pid] = h
    return Outline(top_level=top, headings=headings, chapters=[h for h in chapters if h.chapter], parts=parts,
                   order=order, duplicates=duplicates, extras=extras, unexpected=unexpected, toc=toc,
                   title_page=title_page, title_page_break=title_break, cover_sdt=doc.cover_sdt,
                   nested=nested, source=doc.source)


# ------------------------------------------------------------------------------------------ template text

#: paragraph styles of placeholder text: our skeleton's "Plaatshouder", Word's "Placeholder Text" as Dutch
#: and English templates name it
_PLACEHOLDER_STYLES = {"plaatshouder", "placeholder", "placeholdertext", "tekstvoortijdelijkeaanduiding",
                       "tijdelijkeaanduidingstekst", "tekstvantijdelijkeaanduiding"}
_LOREM = re.compile(r"\blorem\s+ipsum\b|\bdolor\s+sit\s+amet\b", re.IGNORECASE)
#: "[Vul hier je naam in]", "[Naam student]": an instruction or a capitalised field label in square brackets
_BRACKETED = re.compile(r"\[([^\]\[]{2,100})\]")
_INSTRUCTION = re.compile(r"\b(?:vul|typ|schrijf|voeg|plaats|invullen|aanvullen|kies|klik|tik|hier|insert|enter|"
                          r"type|click|here|fill)\b", re.IGNORECASE)
_LABEL = re.compile(r"^(?:naam|titel|datum|bedrijf|stagebedrijf|ondertitel|auteur|mentor|coach|opleiding|"
                    r"academiejaar|tekst|name|title|date|company|author|subtitle)\b", re.IGNORECASE)
_QUESTION_PREFIX = re.compile(r"^\s*(?:(?:hulp)?vraag\s*\d*\s*[:.)-]|[-–•*·]|\d+[.)])\s*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+")
_STOP = set("""de het een en van in op te voor met aan om dat die wat wie hoe welke waar waarom je jij jouw jou
ik mijn we wij ons onze zijn is er als of bij naar door uit tot ook nog dan niet wel al deze dit zo kan
kun kon wil zou moet hebt heb heeft had the a an of to and in on for you your what how which why""".split())


def placeholder_kind(p: Paragraph, phrases: tuple[str, ...]) -> tuple[str, str] | None:
    """(kind, text) when paragraph ``p`` is template text, not the student's: its style is a placeholder
    style ("stijl"), it holds lorem ipsum ("lorem"), a bracketed instruction or label ("instructie"), or it
    starts with one of the profile's ``phrases`` such as "typ hier" ("sjabloon")."""
    text = p.text.strip()
    if not text:
        return None
    style = re.sub(r"[^a-z]", "", _strip_accents(f"{p.style_name or ''}").lower())
    style_id = re.sub(r"[^a-z]", "", _strip_accents(f"{p.style_id or ''}").lower())
    if style in _PLACEHOLDER_STYLES or style_id in _PLACEHOLDER_STYLES:
        return "stijl", text
    m = _LOREM.search(text)
    if m:
        return "lorem", text
    for m in _BRACKETED.finditer(text):
        inner = m.group(1).strip()
        if _INSTRUCTION.search(inner) or (_LABEL.match(inner) and inner[0].isupper() and len(inner.split()) <= 4):
            return "instructie", m.group(0)
    n = normalise(text)
    for phrase in phrases:
        key = normalise(phrase)
        if key and (n == key or n.startswith(key + " ")):
            return "sjabloon", text
    return None


def _content_words(text: str) -> set[str]:
    return {w for w in normalise(text).split() if len(w) > 2 and w not in _STOP and not w.isdigit()}


def is_question_paragraph(text: str) -> bool:
    """Every sentence of the paragraph ends in '?' ("Hulpvraag: Waarom ...?", "1. Wat ...?")."""
    text = _QUESTION_PREFIX.sub("", text.strip())
    sentences = [x.strip().rstrip("\"'”’) ") for x in _SENTENCE_END.split(text) if x.strip()]
    return bool(sentences) and all(x.endswith("?") for x in sentences)


def _guiding_question(text: str, guides: list[set[str]]) -> bool:
    """Is this question one of the profile's guiding questions, copied or reworded? Most of its content
    words (or most of the guiding question's) are the same, or a long, telling word ("stageplaats") and a
    third of its words."""
    mine = _content_words(_QUESTION_PREFIX.sub("", text))
    if len(mine) < 2:
        return False
    for guide in guides:
        common = mine & guide
        shared = len(common)
        if shared >= 2 and shared / min(len(mine), len(guide)) >= 0.6:
            return True
        if any(len(w) >= 8 for w in common) and shared / len(mine) >= 0.3:  # "stageplaats", "persoonlijke"
            return True
    return False


_GUIDES: dict[int, tuple[Profile, list[set[str]]]] = {}


def _guides(profile: Profile) -> list[set[str]]:
    """The content words of every guiding question of the profile (parts and subsections), cached."""
    cached = _GUIDES.get(id(profile))
    if cached is None or cached[0] is not profile:
        questions = [q for p in profile.parts
                     for q in (*p.questions, *(q for s in p.subsections for q in s.questions))]
        cached = _GUIDES[id(profile)] = (profile, [g for g in map(_content_words, questions) if len(g) >= 2])
    return cached[1]


def _template_text(span: PartSpan, doc: Document, profile: Profile, skip: set[int]) -> None:
    """Fill the span's placeholders, questions and own words (see :class:`PartSpan`)."""
    own, questions, guiding, other = 0, 0, 0, 0
    guides = _guides(profile)
    for i in range(span.start + 1, span.end):
        if i in skip:
            continue
        p = doc.paragraphs[i]
        if not p.text.strip():
            continue
        found = placeholder_kind(p, profile.placeholder_texts)
        if found:
            span.placeholders.append((i, *found))
            continue
        words = count_words(p.text)
        if is_question_paragraph(p.text):
            questions += 1
            guiding += _guiding_question(p.text, guides)
        else:
            other += 1
        own += words
    span.questions, span.guiding = questions, guiding
    span.only_questions = questions > 0 and other == 0
    span.own_words = 0 if span.only_questions else own


def _subsection_of(part_id: str | None, title: str, sub_names: dict) -> str | None:
    if not part_id or not sub_names.get(part_id):
        return None
    found = _best(title, sub_names[part_id])
    return found[0][1] if found else None


# ------------------------------------------------------------------------------------------ stage


STAGE_LABELS = {"midterm": "tussentijdse versie", "final": "eindversie"}


def decide_stage(doc: Document, profile: Profile, outline: Outline | None = None) -> tuple[str, str]:
    """``--stage auto``: ("midterm" | "final", why, in Dutch, for the report's first note). Midterm when
    the title page (or, without one, the top of the first page, text boxes included) names one of the
    profile's ``midterm_markers`` ("Tussentijdse versie", "deel 1"), or when the report holds exactly
    the parts of the midterm upload and no other part; else the final report."""
    outline = outline or analyse(doc, profile)
    midterm = [p.id for p in profile.parts_for("midterm")]
    if doc.source != "markdown":
        if outline.title_page:
            top = doc.paragraphs[outline.title_page[0]:outline.title_page[1]]
        else:
            first = min([h.position for h in outline.chapters] + [outline.toc.start or len(doc.paragraphs), 40])
            top = doc.paragraphs[:first]
        text = " " + normalise(" ".join(p.text for p in top)) + " "
        for marker in profile.midterm_markers:
            key = normalise(marker)
            if key and f" {key} " in text:
                shown = next((p.text.strip() for p in top if f" {key} " in f" {normalise(p.text)} "), marker)
                shown = shown if len(shown) <= 60 else shown[:57].rstrip() + "…"
                return "midterm", (f"Gecontroleerd als tussentijdse versie: de titelpagina vermeldt '{shown}'. "
                                   "Is dit je eindversie? Gebruik dan --stage final.")
    if midterm and set(outline.order) == set(midterm):
        return "midterm", ("Gecontroleerd als tussentijdse versie: het verslag bevat precies de onderdelen van "
                           "het eerste deel (" + ", ".join(profile.part(p).title for p in midterm) + "). "
                           "Is dit je eindversie? Gebruik dan --stage final.")
    return "final", ("Gecontroleerd als eindversie: de titelpagina noemt geen tussentijdse versie en het "
                     f"verslag bevat niet precies de {len(midterm)} onderdelen van het eerste deel. Voor de "
                     "tussentijdse versie: --stage midterm.")


# ------------------------------------------------------------------------------------------ statistics


@dataclass
class Stats:
    words: int
    characters: int
    characters_no_spaces: int
    part_words: dict[str, int]
    length_unit: str
    length_value: int


def statistics(doc: Document, profile: Profile, outline: Outline | None = None) -> Stats:
    """Words and characters of the whole report (title page, TOC, tables included), per part, and the
    length in the profile's unit. Characters are counted per paragraph, without the paragraph breaks."""
    texts = [p.text for p in doc.paragraphs if p.text.strip()]
    words = sum(count_words(t) for t in texts)
    chars = sum(count_characters(t) for t in texts)
    chars_ns = sum(count_characters(t, spaces=False) for t in texts)
    outline = outline or analyse(doc, profile)
    unit = profile.limits.length_unit
    value = {"words": words, "characters": chars, "characters_no_spaces": chars_ns}[unit]
    return Stats(words=words, characters=chars, characters_no_spaces=chars_ns,
                 part_words={pid: span.words for pid, span in outline.parts.items()},
                 length_unit=unit, length_value=value)


def location_of(p: Paragraph) -> dict | None:
    """Where a person finds a paragraph that is not body text (``Finding.location``): in a table
    ``{"in": "table", "table": 3, "row": 2, "cell": 1}``, a text box ``{"in": "textbox", "textbox": 1}`` or a
    content control ``{"in": "content-control", "control": 2}`` (numbers from 1, in reading order), with
    ``after_paragraph``: the index of the last body paragraph before it. None for body paragraphs."""
    if p.index is not None or p.location in ("markdown", "header", "footer"):
        return None
    if p.location == "textbox" and p.box is not None:
        out: dict = {"in": "textbox", "textbox": p.box}
    elif p.location == "table" and p.table_cell is not None:
        table, row, cell = p.table_cell
        out = {"in": "table", "table": table, "row": row + 1, "cell": cell + 1}
    elif p.control is not None:
        out = {"in": "content-control", "control": p.control}
    else:
        return None
    if p.anchor is not None:
        out["after_paragraph"] = p.anchor
    return out


def where(doc: Document, position: int) -> dict:
    """Finding location keywords for paragraph ``position``: the body index, the place in a table, text box
    or content control (``location``), or a draft's file and line."""
    p = doc.paragraphs[position]
    out: dict = {}
    if p.index is not None:
        out["paragraph"] = p.index
    elif (loc := location_of(p)) is not None:
        out["location"] = loc
    if p.source_file:
        out["file"] = p.source_file
        if p.source_line:
            out["line"] = p.source_line
    return out
