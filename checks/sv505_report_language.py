"""SV505 report-language: the report is written in Dutch, as the profile asks (``limits.report_language``).

The language engine notices when a report as a whole is in English (and then skips the Dutch spelling, dt
and spreektaal checks, which would only raise false alarms). This rule turns that into one finding, so a
student sees why the language checks are silent. Category ``style``: the JSON categories are fixed.
"""

from stageverslag.rules import Rule


def check(ctx):
    if ctx.profile.limits.report_language != "nl":
        return
    if getattr(ctx.language, "english", False):
        yield RULE.finding(RULE.message)


RULE = Rule(
    code="SV505", name="report-language", category="style", severity="error",
    summary="Het verslag is in het Nederlands geschreven.",
    message="Het verslag is in het Engels geschreven. De handleiding vraagt een verslag in het Nederlands; de "
            "Nederlandse taalcontrole is daarom niet uitgevoerd.",
    rationale="§8: het stageverslag wordt in het Nederlands geschreven.",
    check=check, analyses=("language",))
