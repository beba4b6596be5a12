"""SV305 heading-style: titles use heading styles, formatted the same way per level.

A chapter title made with bold or large Normal text (or a bare numbered line) is still recognised as a part
by the structure analysis, but Word's table of contents stays empty without heading styles: each one is
reported, with the style the document's own chapter titles use (a template's chapter style that its table
of contents lists, else 'Kop 1'); a voorwoord or list title made that way is left alone. Among the real
headings, the titles of one level and style should look alike (size, bold); the odd ones out are
reported. Markdown drafts are skipped: their headings are styles by construction.
"""

from collections import Counter

from stageverslag.rules import Rule
from stageverslag.document.outline import where

HOW = {"bold": "vetgedrukte gewone tekst", "font": "gewone tekst in grotere letters",
       "numbered": "een genummerde regel gewone tekst", "plain": "gewone tekst"}


def _looks(p) -> tuple:
    """What a reader sees of a title: its size and whether it is bold (the style name itself is invisible)."""
    return (round(p.font_size) if p.font_size else None, bool(p.bold))


def _describe(look: tuple) -> str:
    size, bold = look
    return f"{f'{size} pt' if size else 'standaardgrootte'}, {'vet' if bold else 'niet vet'}"


def _style_label(name: str | None) -> str | None:
    """The name Word shows a student for a style: "heading 1" -> "Kop 1", "title" -> "Titel"."""
    key = " ".join((name or "").lower().split())
    if key.startswith("heading ") and key[8:].isdigit():
        return f"Kop {key[8:]}"
    return {"title": "Titel", "subtitle": "Ondertitel", "": None}.get(key, name)


def chapter_style(outline, doc) -> str:
    """The style a chapter title should get: the one the document's real chapter titles use (a template's
    own chapter style that its table of contents lists), else Word's 'Kop 1'."""
    used = Counter(doc.paragraphs[h.position].style_name for h in outline.chapters
                   if not h.fake and h.detected in ("style", "outline"))
    for name, _n in used.most_common():
        label = _style_label(name)
        if label:
            return label
    return "Kop 1"


def check(ctx):
    if ctx.doc.source == "markdown":
        return
    outline, doc = ctx.outline, ctx.doc
    style = None
    for h in outline.chapters:
        if h.fake and not h.extra:  # a voorwoord or a list of figures need not be in the TOC
            style = style or chapter_style(outline, doc)
            yield RULE.finding(f"De titel '{h.text}' is {HOW[h.detected]}, geen kop. Geef hem de stijl "
                               f"'{style}' (de stijl van een hoofdstuktitel): anders blijft hij uit de "
                               "inhoudsopgave.", part=h.part, **where(doc, h.position))
    levels: dict[tuple, list] = {}
    for h in outline.headings:  # per level and style: a template may give its appendix title its own style
        if not h.fake and h.detected != "toc" and h.level is not None:
            levels.setdefault((h.level, doc.paragraphs[h.position].style_name or ""), []).append(h)
    for (level, _style), heads in sorted(levels.items()):
        looks = {h.position: _looks(doc.paragraphs[h.position]) for h in heads}
        counts = Counter(looks.values())
        if len(counts) < 2 or len(heads) < 3:
            continue
        usual, n = counts.most_common(1)[0]
        if n * 2 < len(heads) + 1 and counts.most_common(2)[1][1] == n:
            continue  # no clear norm: two looks equally frequent
        for h in heads:
            if looks[h.position] != usual:
                yield RULE.finding(
                    f"De titel '{h.text}' (niveau {level}) ziet er anders uit dan de andere titels van dat "
                    f"niveau: {_describe(looks[h.position])} in plaats van {_describe(usual)}.",
                    part=outline.part_of(h.position), **where(doc, h.position))


RULE = Rule(
    code="SV305", name="heading-style", category="heading-style", severity="warning",
    summary="Titels gebruiken kopstijlen en zien er per niveau hetzelfde uit.",
    message="De titel '{title}' is {how}, geen kop. Geef hem de stijl '{style}'.",
    sources=("docx",),
    rationale="§9 vraagt consequente titels; zonder kopstijlen blijft de inhoudsopgave leeg.",
    check=check)
