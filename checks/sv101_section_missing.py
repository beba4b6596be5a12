"""SV101 section-missing: every part the handbook asks for is present.

The final report has all seven parts of §8 (Inleiding ... Bijlage); the midterm upload (``--stage midterm``)
has exactly the three parts of the first half. A part of the final report with text in a midterm upload is
reported too, as a warning: the coach reads the first half only.
"""

from stageverslag.rules import Rule
from stageverslag.document.outline import where


def check(ctx):
    outline = ctx.outline
    expected = ctx.profile.parts_for(ctx.stage)
    for part in expected:
        if part.id in outline.parts:
            continue
        nested = outline.nested.get(part.id)
        if nested is not None:
            yield RULE.finding(
                f"Het onderdeel '{part.title}' staat er alleen als tussentitel ('{nested.text}'). "
                "Maak er een hoofdstuk van (zelfde kopniveau als de andere onderdelen).",
                part=part.id, **where(ctx.doc, nested.position))
        else:
            yield RULE.finding(f"Het onderdeel '{part.title}' ontbreekt (of de titel is niet herkend).",
                               part=part.id, suggestion=part.title)
    if ctx.stage == "midterm":
        wanted = {p.id for p in expected}
        for pid in outline.order:
            span = outline.parts[pid]
            if pid not in wanted and not span.empty:  # an empty placeholder (a draft not begun) is fine
                yield RULE.finding(
                    f"'{ctx.profile.part(pid).title}' hoort niet in de tussentijdse versie: die bevat alleen "
                    f"{', '.join(p.title for p in expected)}.",
                    severity="warning", part=pid, **where(ctx.doc, span.start))


RULE = Rule(
    code="SV101", name="section-missing", category="section-missing", severity="error",
    summary="Alle onderdelen van het verslag zijn aanwezig.",
    message="Het onderdeel '{title}' ontbreekt (of de titel is niet herkend).",
    rationale="§8 legt de indeling van het verslag vast: je neemt die volledig over. De tussentijdse "
              "versie bevat de drie onderdelen van het eerste deel van de stage.",
    check=check)
