"""SV503 spreektaal: Vlaamse tussentaal and spoken forms (ge/gij, da's, 'k, efkes, goesting, ...), each with
a businesslike alternative. The forms live in ``templates/taal/spreektaal.tsv``.
"""

from stageverslag.rules import Rule


def check(ctx):
    return [f for f in ctx.language if f.category == "spreektaal"]


RULE = Rule(
    code="SV503", name="colloquial", category="spreektaal", severity="warning",
    summary="Spreektaal en tussentaal, met een zakelijk alternatief.",
    rationale="Het verslag is een zakelijke tekst in standaardtaal, zonder spreektaal (hoofdstuk 9).",
    check=check, language=True)
