"""SV504 style: informal punctuation (!!, ?!), smileys and emoji, chat abbreviations (lol, idd, mss, ...)
and very long sentences (as info).
"""

from stageverslag.rules import Rule


def message(fact) -> str:
    if not fact.explanation:
        return fact.message
    return RULE.say(what=fact.message.split(";")[0].rstrip("."), explanation=fact.explanation)


def check(ctx):
    return RULE.language_findings(ctx, "style", message)


RULE = Rule(
    code="SV504", name="informal-style", category="style", severity="warning",
    summary="Informele leestekens, smileys, chattaal en erg lange zinnen.",
    message="{what}. {explanation}",
    rationale="Een stageverslag is een zakelijk verslag in een verzorgde stijl (hoofdstuk 9).",
    check=check, analyses=("style",))
