"""SV104 subsections: the parts that the handbook splits in subsections have them.

In the profile of Organisatie en Management, "Leerervaringen in het tweede deel van de stage" has two:
"Het beroep" (the interviews) and "De leerervaringen". Reported only when the part itself is present.
"""

from stageverslag.rules import Rule
from stageverslag.document.outline import where


def check(ctx):
    for part in ctx.profile.parts_for(ctx.stage):
        span = ctx.outline.parts.get(part.id)
        if span is None or not part.subsections:
            continue
        for sub in part.subsections:
            if sub.id not in span.subsections:
                yield RULE.finding(f"In '{part.title}' ontbreekt de tussentitel '{sub.title}'.",
                                   part=part.id, suggestion=sub.title, **where(ctx.doc, span.start))


RULE = Rule(
    code="SV104", name="subsections", category="section-missing", severity="error",
    summary="De verplichte tussentitels binnen een onderdeel zijn aanwezig.",
    message="In '{part}' ontbreekt de tussentitel '{title}'.",
    rationale="§8 deelt de leerervaringen van het tweede deel van de stage op in 'Het beroep' en "
              "'De leerervaringen'.",
    check=check)
