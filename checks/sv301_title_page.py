"""SV301 title-page: the report opens with a title page of its own.

A title page is the text (or a cover-page content control) before the table of contents or the first
chapter, ending with a page break; text boxes and shapes count (a cover built from text boxes, DrawingML
or its VML copy, read once). Without a page break the first page is judged as Word rendered it (its
w:lastRenderedPageBreak, the page numbers in its TOC) or by the page estimate: a title page filled up with
empty lines stands on its own page. A title block with text after it on the same page gets one warning;
no title block at all is an error. With a project config, the title page should name the student and the
internship company. Markdown drafts are skipped: ``stageverslag build`` adds the title page.
"""

from stageverslag.rules import Rule
from stageverslag.document.outline import normalise, where


def check(ctx):
    if ctx.doc.source == "markdown":
        return
    outline = ctx.outline
    if outline.title_page is None:
        yield RULE.finding("Het verslag heeft geen titelpagina. Zet op de eerste pagina de titel, je naam, "
                           "je stagebedrijf, je mentor en coach en het academiejaar, gevolgd door een "
                           "pagina-einde.")
        return
    start, end = outline.title_page
    if not outline.title_page_break:
        yield RULE.finding("De titelpagina staat niet op een eigen pagina: zet er een pagina-einde na.",
                           severity="warning", **where(ctx.doc, max(start, end - 1)))
    if ctx.project is not None:
        text = " " + normalise(" ".join(p.text for p in ctx.doc.paragraphs[start:end])) + " "
        cfg = ctx.project.config
        missing = [label for label, value in (("je naam", cfg.student), ("je stagebedrijf", cfg.company))
                   if value and f" {normalise(value)} " not in text]
        if missing:
            yield RULE.finding(f"De titelpagina vermeldt {' en '.join(missing)} niet.", severity="warning",
                               **where(ctx.doc, start))


RULE = Rule(
    code="SV301", name="title-page", category="title-page", severity="error",
    summary="Het verslag begint met een titelpagina.",
    message="Het verslag heeft geen titelpagina.",
    sources=("docx",),
    rationale="§9 rekent een titelpagina tot de professionele vormgeving van het verslag.",
    check=check)
