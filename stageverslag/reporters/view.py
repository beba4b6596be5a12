"""Findings as a person looks for them: part, sub-heading, page and a quote of the text, and repeated
findings of one word grouped.

:func:`locate` runs once after the rules, while the document model is still there: it fills the optional
location fields of each :class:`~stageverslag.findings.Finding` (``heading``, ``page``, ``page_method``,
``match``, ``quote``). The reporters then only present: :func:`where` says where a finding is in words,
:func:`group` folds repeated findings ("'delaware' (8×, eerste keer p. 3)").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

QUOTE_SIDE = 28  # characters of context on either side of the words a finding points at
QUOTE_ALONE = 60  # characters of a paragraph quoted when the finding points at the whole paragraph

_SPACES = re.compile(r"\s+")


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text)


def quote(text: str, start: int | None = None, end: int | None = None) -> str | None:
    """A short quote of ``text`` around ``text[start:end]``, cut at word boundaries, with "…" where cut."""
    if not text or not text.strip():
        return None
    if start is None or end is None or not (0 <= start <= end <= len(text)):
        body = _clean(text).strip()
        if len(body) <= QUOTE_ALONE:
            return body
        cut = body[:QUOTE_ALONE]
        cut = cut.rsplit(" ", 1)[0] if " " in cut[QUOTE_ALONE // 2:] else cut
        return cut.rstrip(" ,;:") + "…"
    left = text[max(0, start - QUOTE_SIDE):start]
    right = text[end:end + QUOTE_SIDE]
    if start - QUOTE_SIDE > 0 and " " in left:
        left = "…" + left.split(" ", 1)[1]
    if end + QUOTE_SIDE < len(text) and " " in right:
        right = right.rsplit(" ", 1)[0]
        right += "" if right.endswith((".", "!", "?")) else "…"
    return _clean(left + text[start:end] + right).strip()


def _paragraph_pages(doc) -> list[int | None]:
    try:
        from ..document.pages import paragraph_pages
        return paragraph_pages(doc)
    except Exception:  # a page we cannot place is shown without page, never a failed check
        return [None] * len(doc.paragraphs)


def _position_finder(doc):
    """A function finding -> position in ``doc.paragraphs`` (None when the finding points nowhere)."""
    by_index = {p.index: pos for pos, p in enumerate(doc.paragraphs) if p.index is not None}
    by_file: dict[str, tuple[list[int], list[int]]] = {}
    for pos, p in enumerate(doc.paragraphs):
        if p.source_file and p.source_line is not None:
            lines, positions = by_file.setdefault(p.source_file, ([], []))
            lines.append(p.source_line)
            positions.append(pos)

    by_place: dict[tuple, list[int]] = {}
    try:
        from ..document.outline import location_of
        for pos, p in enumerate(doc.paragraphs):
            loc = location_of(p)
            if loc:
                by_place.setdefault(_place_key(loc), []).append(pos)
    except ImportError:  # pragma: no cover - an older outline without locations
        pass

    def find(f) -> int | None:
        if f.paragraph is not None:
            return by_index.get(f.paragraph)
        if f.file and f.line is not None and f.file in by_file:
            lines, positions = by_file[f.file]
            k = bisect.bisect_right(lines, f.line) - 1
            return positions[k] if k >= 0 else None
        loc = getattr(f, "location", None)
        if loc and _place_key(loc) in by_place:
            return _pick(f, [(pos, doc.paragraphs[pos].text) for pos in by_place[_place_key(loc)]])
        return None
    return find


def _place_key(loc: dict) -> tuple:
    return tuple(sorted((k, v) for k, v in loc.items() if k != "after_paragraph"))


def _pick(f, candidates: list[tuple[int, str]]) -> int | None:
    """One cell (or text box) can hold several paragraphs: the one whose words at the finding's offsets the
    message quotes, else the first long enough to hold them."""
    if f.start is None or f.end is None:
        return candidates[0][0] if candidates else None
    fits = [(pos, text) for pos, text in candidates if f.end <= len(text)]
    for pos, text in fits:
        if f"'{text[f.start:f.end]}'" in f.message or f"“{text[f.start:f.end]}”" in f.message:
            return pos
    return fits[0][0] if fits else None


def position_finder(doc):
    """Public: finding -> position in ``doc.paragraphs`` (body index, draft line, or table/text box place)."""
    return _position_finder(doc)


def _scaled(pages: list[int | None], total: int | None) -> list[int | None]:
    """Estimated pages stretched to a trusted total (rendered or Word's), so no finding is on page 21 of a
    report counted at 18 pages; the first page stays the first."""
    last = max((p for p in pages if p is not None), default=None)
    if not total or not last or last == total or last < 2 or total < 2:
        return pages
    return [None if p is None else min(total, max(1, 1 + round((p - 1) * (total - 1) / (last - 1))))
            for p in pages]


def _rendered_anchors(headings, rendered) -> dict[int, int]:
    """Heading position -> the page LibreOffice put it on: the PDF's bookmarks paired with the document's
    headings in reading order by their text."""
    def norm(text: str) -> str:
        return " ".join(text.split()).casefold()
    anchors: dict[int, int] = {}
    k = 0
    for h in headings:
        want = norm(h.text)
        for j in range(k, len(rendered)):
            if norm(rendered[j][1]) == want:
                anchors[h.position], k = rendered[j][2], j + 1
                break
    return anchors


def locate(findings, doc, outline=None, total_pages: int | None = None, rendered=None) -> None:
    """Fill in where each finding is (sub-heading, page, the words, a quote), from the document model.

    Pages come from the page estimator's layout of the paragraphs (``page_method`` "estimate"), stretched to
    ``total_pages`` when the report's count is trusted (rendered or Word's own). With ``rendered`` (the PDF
    bookmarks of LibreOffice's render: (depth, title, page)) a finding counts from the rendered page of the
    heading above it, and is "render" when it is on that heading's page; a finding about the whole document
    keeps none of these."""
    find = _position_finder(doc)
    pages: list[int | None] | None = None
    headings = sorted((h for h in (outline.headings if outline is not None else []) if h.position is not None),
                      key=lambda h: h.position)
    heading_positions = [h.position for h in headings]
    anchors: dict[int, int] = {}
    anchor_positions: list[int] = []
    raw: list[int | None] = []
    for f in findings:
        pos = find(f)
        if pos is None:
            continue
        if pages is None:
            raw = _paragraph_pages(doc)
            pages = _scaled(raw, total_pages)
            if rendered:
                anchors = _rendered_anchors(headings, rendered)
                anchor_positions = sorted(anchors)
        para = doc.paragraphs[pos]
        text = para.text
        if pos < len(pages) and pages[pos] is not None:
            f.page, f.page_method = pages[pos], "estimate"
            k = bisect.bisect_right(anchor_positions, pos) - 1
            if k >= 0 and raw[pos] is not None and raw[anchor_positions[k]] is not None:
                at = anchor_positions[k]
                offset = max(0, raw[pos] - raw[at])
                page = anchors[at] + offset
                f.page = min(page, total_pages) if total_pages else page
                f.page_method = "render" if offset == 0 else "estimate"
        if f.start is not None and f.end is not None and 0 <= f.start < f.end <= len(text):
            f.match = text[f.start:f.end]
        f.quote = quote(text, f.start, f.end)
        k = bisect.bisect_right(heading_positions, pos) - 1
        if k >= 0:
            h = headings[k]
            if (h.position != pos and h.part is None and _readable_heading(h.text)
                    and (f.part is None or outline.part_of(h.position) == f.part)):
                f.heading = _clean(h.text).strip() or None


def _readable_heading(text: str) -> bool:
    """A sub-heading worth naming: words, not a line of code or a whole sentence taken for a heading."""
    text = text.strip()
    return (any(c.isalpha() for c in text) and len(text) <= 80 and not re.search(r"[$={};<>]|//", text))


# ---------------------------------------------------------------------------------------------- presenting

def part_title(f, profile) -> str | None:
    if f.part and f.part in profile.part_ids:
        return profile.part(f.part).title
    return None


def short_title(profile, part_id: str) -> str:
    """A part's title, or for a long one its shortest alias that still names it alone ("Leerervaringen deel 1")."""
    title = profile.part(part_id).title
    if len(title) <= 24:
        return title
    others = {a.lower() for p in profile.parts if p.id != part_id for a in (p.title, *p.aliases)}
    first = title.split()[0].lower()
    fits = [a for a in profile.part(part_id).aliases
            if 8 <= len(a) < len(title) and a.split()[0].lower() == first and a.lower() not in others
            and not any(o.startswith(a.lower()) for o in others)
            and not set(a.split()[-1].lower()) <= set("ivx")]  # "leerervaringen ii" reads as a typo
    if not fits:
        return title
    best = min(fits, key=len)
    return best[0].upper() + best[1:]


def page_label(f) -> str:
    if f.page is None:
        return ""
    return f"p. {f.page}" if f.page_method == "render" else f"p. ±{f.page}"


def where(f, profile, with_page: bool = True, short: bool = False) -> str:
    """"p. 4 · Uitgangspunten › Het bedrijf" (page estimated: "p. ±4"), or the draft file and line, or ""."""
    bits = []
    if with_page and f.page is not None:
        bits.append(page_label(f))
    if short and f.part and f.part in profile.part_ids:
        place = short_title(profile, f.part)
    else:
        place = part_title(f, profile) or ""
    if f.heading:
        place = f"{place} › {f.heading}" if place else f.heading
    if place:
        bits.append(place)
    if f.file:
        name = f.file.replace("\\", "/").rsplit("/", 1)[-1]
        bits.append(f"{name}:{f.line}" if f.line else name)
    if getattr(f, "location", None):  # a table cell, text box or content control: "tabel 3, rij 2, cel 1"
        from . import location
        bits.append(location(f))
    return " · ".join(bits)


@dataclass
class Group:
    """Findings of one rule about the same words, in document order."""
    code: str
    match: str
    findings: list = field(default_factory=list)

    @property
    def first(self):
        return self.findings[0]

    @property
    def count(self) -> int:
        return len(self.findings)

    def to_dict(self) -> dict:
        return {"code": self.code, "match": self.match, "count": self.count,
                "places": [{k: v for k, v in (("part", f.part), ("paragraph", f.paragraph), ("start", f.start),
                                               ("end", f.end), ("page", f.page), ("file", f.file),
                                               ("line", f.line)) if v is not None} for f in self.findings]}


def group(findings) -> list:
    """The findings in order, with findings of one rule about the same words (case-insensitive) folded into
    one :class:`Group` at the place of the first; single findings stay as they are."""
    groups: dict[tuple[str, str], Group] = {}
    out: list = []
    for f in findings:
        if f.match and f.category != "dt":  # a dt error depends on its sentence: each one on its own
            key = (f.code, _clean(f.match).strip().lower())
            g = groups.get(key)
            if g is None:
                g = groups[key] = Group(f.code, _clean(f.match).strip())
                out.append(g)
            g.findings.append(f)
        else:
            out.append(f)
    return [g.first if isinstance(g, Group) and g.count == 1 else g for g in out]


def repeated(findings) -> list[Group]:
    return [g for g in group(findings) if isinstance(g, Group)]


def repeat_label(g: Group) -> str:
    """"'delaware' (8×, eerste keer p. ±3)"."""
    first = g.first
    page = ""
    if first.page is not None:
        page = f", eerste keer p. {first.page}" if first.page_method == "render" else f", eerste keer p. ±{first.page}"
    return f"'{g.match}' ({g.count}×{page})"


# ---------------------------------------------------------------------------------------------- one view model

#: the order in which every front end shows findings, with the Dutch section titles
SECTIONS = (("error", "Fouten"), ("warning", "Waarschuwingen"), ("info", "Info"))


@dataclass(frozen=True)
class FindingLine:
    """One finding as every front end words it (the text report with --verbose, the TUI's check screen):
    where it is, a quote, the message, the suggestion and the code. Build them with :func:`finding_lines`."""

    finding: object
    where: str
    quote: str | None
    message: str
    suggestion: str | None

    @property
    def severity(self) -> str:
        return self.finding.severity

    @property
    def code(self) -> str:
        return self.finding.code

    def text(self) -> str:
        """'p. ±3 · Inleiding · "…de vergadring met…": 'vergadring' staat niet … → vergadering [SV501]'."""
        bits = [self.where] + ([f"\"{self.quote}\""] if self.quote else [])
        arrow = f" → {self.suggestion}" if self.suggestion else ""
        return f"{' · '.join(bits)}: {self.message}{arrow} [{self.code}]"


def finding_line(f, profile) -> FindingLine:
    place = where(f, profile)
    titles = {profile.part(f.part).title if f.part in profile.part_ids else None, f.heading}
    suggestion = None
    if (f.suggestion and f.match and f"'{f.suggestion}'" not in f.message
            and any(c.isalnum() for c in f.suggestion)):
        suggestion = f.suggestion
    return FindingLine(f, place or ("in een tabel of tekstvak" if f.start is not None else "hele verslag"),
                       f.quote if f.quote and f.quote not in titles else None, f.message, suggestion)


def finding_lines(report, profile) -> list[FindingLine]:
    """Every finding of ``report`` as a :class:`FindingLine`, in the order both front ends show them: errors,
    warnings, info, each in the report's (document) order."""
    return [finding_line(f, profile) for severity, _ in SECTIONS for f in report.findings if f.severity == severity]
