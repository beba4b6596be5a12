"""SV302 toc: the report has a table of contents that Word (or LibreOffice) builds itself.

A TOC field, in Word's table-of-contents content control or not, is what we want; a field that shows no
entries was never updated. A typed-out list of titles and page numbers is a warning (it goes wrong as soon
as the text moves); a title "Inhoudsopgave" without anything under it, or nothing at all, is an error.
Markdown drafts are skipped: ``stageverslag build`` adds the table of contents.
"""

from stageverslag.rules import Rule
from stageverslag.document.outline import where


def check(ctx):
    if ctx.doc.source == "markdown":
        return
    toc = ctx.outline.toc
    at = where(ctx.doc, toc.start) if toc.start is not None else {}
    if toc.field or toc.sdt:
        if toc.empty_field:
            yield RULE.finding("De inhoudsopgave is nog leeg. Werk ze bij (rechtsklik > Veld bijwerken) "
                               "nadat je de titels een kopstijl gaf.", severity="warning", **at)
        return
    if toc.typed:
        yield RULE.finding("De inhoudsopgave is met de hand getypt. Laat Word ze maken (Verwijzingen > "
                           "Inhoudsopgave): dan kloppen de paginanummers altijd.", severity="warning", **at)
        return
    if toc.title is not None:
        yield RULE.finding("Er staat een titel 'Inhoudsopgave', maar geen inhoudsopgave eronder. Voeg ze in "
                           "via Verwijzingen > Inhoudsopgave.", **where(ctx.doc, toc.title))
        return
    yield RULE.finding("Het verslag heeft geen inhoudsopgave. Voeg ze na de titelpagina in via "
                       "Verwijzingen > Inhoudsopgave.")


RULE = Rule(
    code="SV302", name="toc", category="toc", severity="error",
    summary="Het verslag heeft een automatische inhoudsopgave.",
    message="Het verslag heeft geen inhoudsopgave.",
    sources=("docx",),
    rationale="§8 telt de inhoudstafel mee in de lengte, §9 rekent ze tot de vormgeving.",
    check=check)
