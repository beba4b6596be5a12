"""SV504 style: informal punctuation (!!, ?!), smileys and emoji, chat abbreviations (lol, idd, mss, ...)
and very long sentences (as info).
"""

from stageverslag.rules import Rule


def check(ctx):
    return [f for f in ctx.language if f.category == "style"]


RULE = Rule(
    code="SV504", name="informal-style", category="style", severity="warning",
    summary="Informele leestekens, smileys, chattaal en erg lange zinnen.",
    rationale="Een stageverslag is een zakelijk verslag in een verzorgde stijl (hoofdstuk 9).",
    check=check, language=True)
