"""SV304 page-numbers: a PAGE field in a header or footer numbers the pages.

A number typed into the footer is the same on every page; only a field counts. Markdown drafts are skipped:
``stageverslag build`` adds the page numbers.
"""

from stageverslag.rules import Rule


def _page_field(instructions) -> bool:
    return any(i.strip() and i.split()[0].upper() == "PAGE" for i in instructions)


def check(ctx):
    if ctx.doc.source == "markdown":
        return
    doc = ctx.doc
    in_parts = any(_page_field(hf.fields) for s in doc.sections for hf in (*s.headers, *s.footers))
    in_fields = any(f.name == "PAGE" and f.location in ("header", "footer") for f in doc.fields)
    if not (in_parts or in_fields):
        yield RULE.finding("De pagina's zijn niet genummerd. Voeg een paginanummer in de voettekst in "
                           "(Invoegen > Paginanummer); zonder nummers is de inhoudsopgave niet bruikbaar.")


RULE = Rule(
    code="SV304", name="page-numbers", category="page-numbers", severity="warning",
    summary="De pagina's zijn genummerd met een paginanummerveld.",
    message="De pagina's zijn niet genummerd.",
    sources=("docx",),
    rationale="§9 noemt paginanummers bij de professionele vormgeving van het verslag.",
    check=check)
