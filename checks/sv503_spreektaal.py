"""SV503 spreektaal: Vlaamse tussentaal and spoken forms (ge/gij, da's, 'k, efkes, goesting, ...), each with
a businesslike alternative. The forms live in ``templates/taal/spreektaal.tsv``.
"""

from stageverslag.rules import Rule


def message(fact) -> str:
    if not fact.explanation:
        return fact.message
    return RULE.say(words=fact.wrong, explanation=fact.explanation)


def check(ctx):
    return RULE.language_findings(ctx, "spreektaal", message)


RULE = Rule(
    code="SV503", name="colloquial", category="spreektaal", severity="warning",
    summary="Spreektaal en tussentaal, met een zakelijk alternatief.",
    message="Spreektaal: '{words}'. {explanation}",
    rationale="Het verslag is een zakelijke tekst in standaardtaal, zonder spreektaal (hoofdstuk 9).",
    check=check, analyses=("spreektaal",))
