"""SV502 dt: dt-errors found by the rule engine in ``stageverslag.language.dt`` (persoonsvorm na het
onderwerp en bij inversie, voltooide deelwoorden, zwakke verleden tijd), each with the correction and a
one-line explanation.
"""

from stageverslag.rules import Rule


def check(ctx):
    return [f for f in ctx.language if f.category == "dt"]


RULE = Rule(
    code="SV502", name="dt-error", category="dt", severity="error",
    summary="dt-fouten: persoonsvorm, voltooid deelwoord en verleden tijd, met verbetering en uitleg.",
    rationale="De handleiding eist een verslag zonder dt-fouten (hoofdstuk 9, vorm en taal).",
    check=check, language=True)
