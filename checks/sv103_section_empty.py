"""SV103 section-empty: no part is an empty title.

A part with fewer than ten words of the student's own and no image under its title counts as empty:
template text (placeholders, lorem ipsum, "[Vul hier ... in]") and a part of questions only do not count
as written. Parts whose content the profile marks as optional (the appendix) are left alone, and so are
parts the stage does not ask for (the final parts in a midterm check of a project's drafts).
"""

from stageverslag.rules import Rule
from stageverslag.document.outline import where


def check(ctx):
    expected = {p.id for p in ctx.profile.parts_for(ctx.stage)}
    for pid in ctx.outline.order:
        if pid not in expected:
            continue
        part = ctx.profile.part(pid)
        span = ctx.outline.parts[pid]
        if part.optional_content or not span.empty:
            continue
        if span.words and (span.placeholders or span.only_questions):
            what = "alleen vragen" if span.only_questions and not span.placeholders else "alleen sjabloontekst"
            message = (f"Het onderdeel '{part.title}' is leeg: onder de titel staat {what} en nog geen eigen "
                       "tekst (zie SV107).")
        else:
            message = f"Het onderdeel '{part.title}' is leeg ({span.words} woorden onder de titel)."
        yield RULE.finding(message, part=pid, **where(ctx.doc, span.start))


RULE = Rule(
    code="SV103", name="section-empty", category="section-empty", severity="error",
    summary="Geen enkel onderdeel is leeg.",
    message="Het onderdeel '{title}' is leeg.",
    rationale="§8 beschrijft per onderdeel wat erin moet komen; een titel zonder tekst telt niet.",
    check=check)
