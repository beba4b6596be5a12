"""SV202 length: the report's length lies within the profile's limits, in the profile's unit.

Counted over the whole report, introduction, table of contents and conclusion included, as §8 asks. The
handbook's "5000-5500 karakters" cannot be meant literally next to 16-20 pages; the profile states how it
reads the limit (``limits.length_note``) and every report repeats that note. Only the final report.
"""

from stageverslag.rules import Rule


def check(ctx):
    limits = ctx.profile.limits
    if ctx.stage == "midterm":
        return
    value = ctx.stats.length_value
    if limits.length_min <= value <= limits.length_max:
        return
    side = "te kort" if value < limits.length_min else "te lang"
    yield RULE.finding(
        f"Het verslag telt {value} {limits.unit_label}: {side}. Het profiel vraagt {limits.length_min} tot "
        f"{limits.length_max} {limits.unit_label} (inleiding, inhoudsopgave en conclusie meegeteld).",
        severity="warning" if ctx.doc.source == "markdown" else None)


RULE = Rule(
    code="SV202", name="length", category="length", severity="error",
    summary="De lengte van het verslag valt binnen de grenzen van het profiel.",
    message="Het verslag telt {value} {unit}: {side}. Het profiel vraagt {min} tot {max} {unit}.",
    rationale="§8 legt een minimum- en maximumlengte vast, inleiding, inhoudstafel en slot inbegrepen.",
    check=check)
