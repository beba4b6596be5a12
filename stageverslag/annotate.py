"""The commented copy: the student's .docx with every finding as a Word comment at its words.

:func:`write_annotated` reads the original (never writes it), splits runs where a finding starts and ends so
the comment covers exactly those characters, and saves ``<name>-nagekeken.docx`` in the output folder. The
text of the copy is the text of the original, character for character: only run boundaries, comment ranges
and comment references are added. Findings about the whole document go on the title (or the first heading);
a short summary comment opens the document. Used by ``stageverslag check --annotate MAP``, the TUI's check
screen and coaches' batch runs (``write_annotated(src, report, out_dir)``).

Character offsets are those of the document reader (:mod:`stageverslag.document.reader`): visible text of
runs in hyperlinks, insertions, content controls and field results, a tab or a line break as one character.
When the XML of a paragraph does not give the reader's text (an exotic construction), the comment covers the
whole paragraph instead of risking the wrong words.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UserError
from .findings import SEVERITY_LABELS

AUTHOR = "stageverslag"
INITIALS = "SV"
SUFFIX = "-nagekeken"

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


R, T, P = w("r"), w("t"), w("p")
_TRANSPARENT = {w(t) for t in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "bdo", "dir", "fldSimple")}
SDT, SDT_CONTENT = w("sdt"), w("sdtContent")
MC_ALT, MC_CHOICE = f"{{{_MC}}}AlternateContent", f"{{{_MC}}}Choice"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass
class Annotated:
    """What :func:`write_annotated` did: the copy, and how many comments went where."""
    path: Path
    at_words: int = 0  # comments on the words of a finding
    on_paragraph: int = 0  # comments on a whole paragraph (no offsets, or the XML did not match)
    on_title: int = 0  # findings about the whole document, on the title or first heading
    not_placed: list = field(default_factory=list)  # findings we could not find in the file (summarised)

    @property
    def comments(self) -> int:
        return self.at_words + self.on_paragraph + self.on_title


# ---------------------------------------------------------------------------------------------- run text

@dataclass
class _Atom:
    run: object  # the w:r element
    child: object  # the element in the run that gives the text (w:t, w:tab, w:br, ...)
    start: int
    text: str


def _atoms(p) -> list[_Atom]:
    """The visible characters of paragraph ``p`` as the document reader reads them, per run child."""
    atoms: list[_Atom] = []
    stack: list[bool] = []  # per open complex field: are we in its result part?
    pos = 0

    def visible() -> bool:
        return all(stack)

    def run(r):
        nonlocal pos
        for child in r:
            tag = child.tag
            text = None
            if tag == T:
                if visible():
                    text = child.text or ""
            elif tag == w("fldChar"):
                kind = child.get(w("fldCharType")) or ""
                if kind == "begin":
                    stack.append(False)
                elif kind == "separate" and stack:
                    stack[-1] = True
                elif kind == "end" and stack:
                    stack.pop()
            elif tag in (w("tab"), w("ptab")):
                text = "\t"
            elif tag == w("br"):
                if (child.get(w("type")) or "textWrapping") == "textWrapping":
                    text = "\n"
            elif tag == w("cr"):
                text = "\n"
            elif tag == w("noBreakHyphen"):
                text = "-"
            if text:
                atoms.append(_Atom(r, child, pos, text))
                pos += len(text)

    def inline(el):
        for child in el:
            tag = child.tag
            if tag == R:
                run(child)
            elif tag in _TRANSPARENT:
                inline(child)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    inline(content)
            elif tag == MC_ALT:
                choice = child.find(MC_CHOICE)
                if choice is not None:
                    inline(choice)
            elif tag == P:
                inline(child)

    inline(p)
    return atoms


def _text(atoms: list[_Atom]) -> str:
    return "".join(a.text for a in atoms)


def _split_run(r, child, offset: int | None):
    """Split run ``r`` just before ``child`` (at ``offset`` characters into a w:t, when given); return the
    new run that starts there. Both halves keep the run properties."""
    second = copy.deepcopy(r)
    children = list(r)
    k = children.index(child)
    second_children = list(second)
    if offset:
        first_t, second_t = child, second_children[k]
        text = child.text or ""
        first_t.text, second_t.text = text[:offset], text[offset:]
        for t in (first_t, second_t):
            t.set(XML_SPACE, "preserve")
        drop_first, drop_second = children[k + 1:], second_children[:k]
    else:
        drop_first, drop_second = children[k:], second_children[:k]
    for el in drop_first:
        r.remove(el)
    for el in drop_second:
        if el.tag != w("rPr"):
            second.remove(el)
    r.addnext(second)
    return second


def _cut(p, at: int) -> None:
    """Make character offset ``at`` of paragraph ``p`` a run boundary."""
    for a in _atoms(p):
        if a.start == at:
            if a.child is not _first_text_child(a.run):
                _split_run(a.run, a.child, None)
            return
        if a.start < at < a.start + len(a.text):
            _split_run(a.run, a.child, at - a.start)
            return


def _first_text_child(r):
    for child in r:
        if child.tag != w("rPr"):
            return child
    return None


def _runs_for(p, start: int, end: int):
    """(first run, last run) covering characters [start, end) after cutting the runs there."""
    _cut(p, start)
    _cut(p, end)
    atoms = _atoms(p)
    inside = [a for a in atoms if a.start >= start and a.start + len(a.text) <= end]
    if not inside:
        return None
    return inside[0].run, inside[-1].run


# ---------------------------------------------------------------------------------------------- comments

def _mark(first, last, comment_id: int) -> None:
    """commentRangeStart before ``first``, commentRangeEnd and the reference run after ``last``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    first.addprevious(OxmlElement("w:commentRangeStart", attrs={qn("w:id"): str(comment_id)}))
    ref = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    rpr.append(OxmlElement("w:rStyle", attrs={qn("w:val"): "CommentReference"}))
    ref.append(rpr)
    ref.append(OxmlElement("w:commentReference", attrs={qn("w:id"): str(comment_id)}))
    last.addnext(ref)
    last.addnext(OxmlElement("w:commentRangeEnd", attrs={qn("w:id"): str(comment_id)}))


def _mark_paragraph(p, comment_id: int) -> None:
    """The whole paragraph (an empty one gets the range around nothing, at its end)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    atoms = _atoms(p)
    if atoms:
        _mark(atoms[0].run, atoms[-1].run, comment_id)
        return
    start = OxmlElement("w:commentRangeStart", attrs={qn("w:id"): str(comment_id)})
    end = OxmlElement("w:commentRangeEnd", attrs={qn("w:id"): str(comment_id)})
    ref = OxmlElement("w:r")
    ref.append(OxmlElement("w:commentReference", attrs={qn("w:id"): str(comment_id)}))
    for el in (start, end, ref):
        p.append(el)


def _align(body, model, window: int = 60) -> dict[int, object]:
    """Model paragraph position -> its w:p in the body (tables, text boxes and content controls included),
    matched in reading order by their text, so a duplicate (a text box's VML fallback) is skipped."""
    elements = list(body.iter(P))
    out: dict[int, object] = {}
    k = 0
    for pos, p in enumerate(model.paragraphs):
        if p.location in ("header", "footer", "markdown"):
            continue
        for j in range(k, min(k + window, len(elements))):
            if _text(_atoms(elements[j])) == p.text:
                out[pos], k = elements[j], j + 1
                break
    return out


def comment_text(f) -> str:
    """The comment for one finding: the Dutch message, the suggestion, and the rule (code, severity)."""
    lines = [f.message]
    if f.suggestion and f"'{f.suggestion}'" not in f.message:
        lines.append(f"Voorstel: {f.suggestion}")
    lines.append(f"({SEVERITY_LABELS[f.severity]}, {f.code})")
    return "\n".join(lines)


def summary_text(report, placed: "Annotated") -> str:
    from .reporters import verdict
    lines = [f"stageverslag: {verdict(report)[1]}"]
    lines.append("Elke opmerking staat bij de woorden waarover ze gaat; opmerkingen over het hele verslag staan "
                 "bij de titel. Verwijder een opmerking als je ze verwerkt hebt.")
    if placed.not_placed:
        n = len(placed.not_placed)
        lines.append(f"{n} {'bevinding kon' if n == 1 else 'bevindingen konden'} niet in de tekst geplaatst "
                     "worden:")
        lines.extend(f"- {f.message}" for f in placed.not_placed[:10])
    return "\n".join(lines)


def annotated_name(src: str | Path) -> str:
    src = Path(src)
    return f"{src.stem}{SUFFIX}.docx"


def _title_paragraph(model, body) -> int | None:
    """Body index of the title (Title style, else the first heading, else the first paragraph with text)."""
    candidates = [p for p in model.paragraphs if p.index is not None and p.index < len(body) and p.text.strip()]
    for p in candidates:
        if (p.style_name or "").lower() in ("title", "titel"):
            return p.index
    for p in candidates:
        if p.heading_level:
            return p.index
    return candidates[0].index if candidates else (0 if body else None)


def write_annotated(src: str | Path, report, out_dir: str | Path, target: str | Path | None = None) -> Annotated:
    """Write a commented copy of ``src`` with the findings of ``report`` into ``out_dir`` (made if needed).

    Returns what was placed where. Raises UserError (Dutch) when the file cannot be read as a Word document
    or the copy cannot be written; the original is only read."""
    from docx import Document as open_docx

    from .document.reader import read_docx
    from .storage import atomic_write_bytes

    src = Path(src)
    out_dir = Path(out_dir)
    target = Path(target) if target else out_dir / annotated_name(src)
    if target.resolve() == src.resolve():
        raise UserError(f"{target}: de kopie met opmerkingen mag het origineel niet overschrijven.")
    data = src.read_bytes()
    try:
        document = open_docx(io.BytesIO(data))
        model = read_docx(src)
    except UserError:
        raise
    except Exception as exc:
        raise UserError(f"{src.name}: geen kopie met opmerkingen gemaakt: stageverslag kan in dit soort "
                        f"Word-bestand (bv. 'Strict Open XML') geen opmerkingen zetten ({type(exc).__name__}). "
                        "Bewaar het in Word opnieuw als 'Word-document (.docx)' en probeer nog eens.") from None
    body = [p._p for p in document.paragraphs]
    texts = {p.index: p.text for p in model.paragraphs if p.index is not None}
    from .reporters.view import position_finder
    find = position_finder(model)
    elsewhere: dict[int, object] | None = None  # model position -> w:p, for tables, text boxes, controls
    result = Annotated(target)
    comments = document.comments
    title = _title_paragraph(model, body)
    summary = None if title is None else comments.add_comment("", author=AUTHOR, initials=INITIALS)  # first
    whole_document = []
    for f in report.findings:
        if f.paragraph is not None and 0 <= f.paragraph < len(body):
            p = body[f.paragraph]
            comment = comments.add_comment(comment_text(f), author=AUTHOR, initials=INITIALS)
            span = f.start is not None and f.end is not None and f.start < f.end
            if span and _text(_atoms(p)) == texts.get(f.paragraph) and f.end <= len(texts[f.paragraph]):
                runs = _runs_for(p, f.start, f.end)
                if runs:
                    _mark(runs[0], runs[1], comment.comment_id)
                    result.at_words += 1
                    continue
            _mark_paragraph(p, comment.comment_id)
            result.on_paragraph += 1
        elif f.paragraph is None and getattr(f, "location", None) and (pos := find(f)) is not None:
            if elsewhere is None:
                elsewhere = _align(document.element.body, model)
            p, text = elsewhere.get(pos), model.paragraphs[pos].text
            if p is None:
                result.not_placed.append(f)
                continue
            comment = comments.add_comment(comment_text(f), author=AUTHOR, initials=INITIALS)
            span = f.start is not None and f.end is not None and f.start < f.end <= len(text)
            runs = _runs_for(p, f.start, f.end) if span else None
            if runs:
                _mark(runs[0], runs[1], comment.comment_id)
                result.at_words += 1
            else:
                _mark_paragraph(p, comment.comment_id)
                result.on_paragraph += 1
        elif f.paragraph is None and f.start is None and f.file is None and title is not None:
            whole_document.append(f)
        else:
            result.not_placed.append(f)
    if summary is not None:
        for f in whole_document:
            comment = comments.add_comment(comment_text(f), author=AUTHOR, initials=INITIALS)
            _mark_paragraph(body[title], comment.comment_id)
            result.on_title += 1
        summary.paragraphs[0].add_run(summary_text(report, result).split("\n")[0])
        for line in summary_text(report, result).split("\n")[1:]:
            summary.add_paragraph(line)
        _mark_paragraph(body[title], summary.comment_id)
    buf = io.BytesIO()
    document.save(buf)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(target, buf.getvalue())
    except OSError as exc:
        raise UserError(f"{target}: de kopie met opmerkingen kon niet bewaard worden ({exc.strerror or exc}).") \
            from None
    return result


def write_all(reports, out_dir: str | Path) -> list[tuple[object, Annotated | None, str | None]]:
    """A commented copy of every checked .docx in ``reports`` (names made unique); per report the result
    or the Dutch reason why none was made. For the CLI and coaches' batch runs."""
    out_dir = Path(out_dir)
    used: set[str] = set()
    done = []
    for report in reports:
        src = Path(report.file)
        if report.error or src.suffix.lower() != ".docx" or not src.is_file():
            done.append((report, None, "geen .docx die gecontroleerd kon worden"))
            continue
        name = annotated_name(src)
        n = 2
        while name.lower() in used:
            name = f"{src.stem}{SUFFIX}-{n}.docx"
            n += 1
        used.add(name.lower())
        try:
            done.append((report, write_annotated(src, report, out_dir, out_dir / name), None))
        except UserError as exc:
            done.append((report, None, str(exc)))
    return done
