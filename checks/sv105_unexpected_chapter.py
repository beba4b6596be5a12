"""SV105 unexpected-chapter: top-level chapters that are not one of the parts.

Allowed extras from the profile (Inhoudsopgave; front matter such as Voorwoord, Samenvatting, lists of
figures or abbreviations; back matter such as Bronnen, Literatuurlijst) are fine, and so is what follows
the appendix's title (the appendix itself). Chapters are the top level of the table of contents as Word
builds it (heading styles, the styles its \\t switch names, outline levels). Anything else at the top
level is reported as information: it probably belongs under one of the parts as a subsection.
"""

from stageverslag.rules import Rule
from stageverslag.document.outline import where


def check(ctx):
    for h in ctx.outline.unexpected:
        yield RULE.finding(f"Het hoofdstuk '{h.text}' is geen onderdeel van de handleiding. Maak er een "
                           "tussentitel van binnen het onderdeel waar het bij hoort.",
                           **where(ctx.doc, h.position))


RULE = Rule(
    code="SV105", name="unexpected-chapter", category="section-order", severity="info",
    summary="Geen hoofdstukken buiten de onderdelen van de handleiding.",
    message="Het hoofdstuk '{title}' is geen onderdeel van de handleiding. Maak er een tussentitel "
            "van binnen het onderdeel waar het bij hoort.",
    rationale="§8: je neemt de indeling over en voegt tussentitels toe binnen de onderdelen.",
    check=check)
