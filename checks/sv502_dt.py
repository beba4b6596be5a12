"""SV502 dt: dt-errors found by the rule engine in ``stageverslag.language.dt`` (persoonsvorm na het
onderwerp en bij inversie, voltooide deelwoorden, zwakke verleden tijd), each with the correction and a
one-line explanation. Only the dt analysis runs for this rule (``--select SV502`` does no spelling work).
"""

from stageverslag.rules import Rule


def message(fact) -> str:
    if fact.suggestion:
        return RULE.say(suggestion=fact.suggestion, wrong=fact.wrong, explanation=fact.explanation).strip()
    return f"{fact.message} {fact.explanation}".strip()


def check(ctx):
    return RULE.language_findings(ctx, "dt", message)


RULE = Rule(
    code="SV502", name="dt-error", category="dt", severity="error",
    summary="dt-fouten: persoonsvorm, voltooid deelwoord en verleden tijd, met verbetering en uitleg.",
    message="Schrijf '{suggestion}' in plaats van '{wrong}'. {explanation}",
    rationale="De handleiding eist een verslag zonder dt-fouten (hoofdstuk 9, vorm en taal).",
    check=check, analyses=("dt",))
