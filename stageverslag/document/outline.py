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
from dataclasses import dataclass, field
from difflib import SequenceMatcher
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
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


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
    matcher = SequenceMatcher(None, title, alias)
    if matcher.real_quick_ratio() < needed or matcher.quick_ratio() < needed:
        return 0.0
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

    @property
    def empty(self) -> bool:
        return self.words < 10 and self.images == 0


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
    extras = {normalise(x): (normalise(x),) for x in profile.allowed_extra}
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
        self.body_size = _body_font_size(doc)

    # -- helpers ------------------------------------------------------------------------------------
    def is_toc_title(self, p: Paragraph) -> bool:
        return (len(p.text) < 60 and normalise(p.text) in self.toc_titles) or _is_toc_heading_style(p)

    def title_matches(self, text: str, toc_entry: bool = False) -> bool:
        n = normalise(text, toc_entry)
        return bool(_best(n, self.part_names) or _best(n, self.extra_names)
                    or any(_best(n, subs) for subs in self.sub_names.values()))

    def looks_like_toc_entry(self, p: Paragraph, loose: bool) -> bool:
        """A typed TOC line: "Inleiding ....... 3", "Inleiding<tab>3"; ``loose`` (right after a TOC title)
        also accepts any short title-like line ("<tab>1.2 Achtergrond")."""
        text = p.text.strip()
        if p.heading_level is not None or not text or len(text) > 120:
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
            if not p.text.strip() and p.heading_level is None:
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
        At most 150 words (more is body text) within the first 80 paragraphs."""
        limit = min(len(self.paras), 80)
        stop = toc.start if toc.start is not None and toc.start < limit else limit
        words, content, titled = 0, False, False
        for i in range(stop):
            p = self.paras[i]
            if p.page_break_before and i > 0 and content:
                return (0, i), True
            if (p.heading_level is not None and p.text.strip() and p.location != "table"
                    and not self.is_toc_title(p)):
                if self.title_matches(p.text):  # the first chapter starts without a page break before it
                    return ((0, i), False) if content and self._title_like(0, i) else (None, False)
                if titled:
                    return None, False  # a second heading: these are chapters, not a title page
                titled = True  # a heading-styled report title on the title page ("Stageverslag")?
            words += count_words(p.text)
            content = content or words > 0 or p.has_image
            if words > (60 if titled else 150):
                return None, False
            if p.page_break:
                return ((0, i + 1), True) if content or titled else (None, False)
        if stop == toc.start and content and self._title_like(0, stop):
            # LibreOffice puts the page break into the TOC title paragraph itself
            return (0, stop), bool(self.paras[stop].page_break_before or self.paras[stop].page_break)
        if self.doc.cover_sdt and self.paras and self.paras[0].location == "sdt":
            end = 0
            while end < len(self.paras) and self.paras[end].location == "sdt":
                end += 1
            return (0, end), True
        return None, False

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
                level, detected = p.heading_level, "toc"
            elif p.heading_level is not None:
                level = p.heading_level
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
            if extra and (not h.candidates or extra[0][0] > h.candidates[0][0]):
                h.extra, h.candidates = extra[0][1], []
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


_LAST: list = []  # (doc, profile, outline) of the last analysis: rules and statistics share it


def analyse(doc: Document, profile: Profile) -> Outline:
    """Find the title page, the TOC, the headings and the parts of ``doc`` (see the module docstring)."""
    if _LAST and _LAST[0] is doc and _LAST[1] is profile:
        return _LAST[2]
    outline = _analyse(doc, profile)
    _LAST[:] = [doc, profile, outline]
    return outline


def _analyse(doc: Document, profile: Profile) -> Outline:
    a = _Analyser(doc, profile)
    markdown = doc.source == "markdown"
    toc = TocInfo() if markdown else a.find_toc()
    title_page, title_break = (None, False) if markdown else a.find_title_page(toc)
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
    for h in chapters:
        if h.extra:
            extras.append(h)
            previous_part = None
            continue
        if not h.candidates:
            sub = _subsection_of(previous_part, normalise(h.text), a.sub_names)
            if sub:
                h.chapter = False
                h.subsection = sub
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


def _subsection_of(part_id: str | None, title: str, sub_names: dict) -> str | None:
    if not part_id or not sub_names.get(part_id):
        return None
    found = _best(title, sub_names[part_id])
    return found[0][1] if found else None


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


def where(doc: Document, position: int) -> dict:
    """Finding location keywords for paragraph ``position``: the body index, or a draft's file and line."""
    p = doc.paragraphs[position]
    out: dict = {}
    if p.index is not None:
        out["paragraph"] = p.index
    if p.source_file:
        out["file"] = p.source_file
        if p.source_line:
            out["line"] = p.source_line
    return out
