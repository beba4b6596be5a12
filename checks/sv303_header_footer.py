"""SV303 header-footer: the pages carry a header and a footer.

Any header or footer with text, a field or an image counts. No header and no footer at all is a warning;
a footer without a header is mentioned as information (the company's house style usually puts its name or
logo in the header). Markdown drafts are skipped: ``stageverslag build`` adds them.
"""

from stageverslag.rules import Rule


def _filled(parts) -> bool:
    return any(hf.text.strip() or hf.fields or hf.has_image for hf in parts)


def check(ctx):
    if ctx.doc.source == "markdown":
        return
    headers = _filled(h for s in ctx.doc.sections for h in s.headers)
    footers = _filled(f for s in ctx.doc.sections for f in s.footers)
    if not headers and not footers:
        yield RULE.finding("Het verslag heeft geen koptekst en geen voettekst. Zet bijvoorbeeld de naam of "
                           "het logo van je stagebedrijf in de koptekst en het paginanummer in de voettekst.")
    elif not headers:
        yield RULE.finding("Er is een voettekst, maar geen koptekst. De huisstijl van je bedrijf zet daar "
                           "meestal de naam of het logo.", severity="info")
    elif not footers:
        yield RULE.finding("Er is een koptekst, maar geen voettekst.", severity="info")


RULE = Rule(
    code="SV303", name="header-footer", category="header-footer", severity="warning",
    summary="Het verslag heeft een koptekst en een voettekst.",
    message="Het verslag heeft geen koptekst en geen voettekst.",
    sources=("docx",),
    rationale="§9 vraagt een professionele vormgeving in de huisstijl van het bedrijf, met koptekst en "
              "voettekst.",
    check=check)
