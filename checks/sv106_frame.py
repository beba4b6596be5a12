"""SV106 frame: the introduction opens the report, the conclusion closes it, the appendix comes last.

Only chapters that are neither a part nor an allowed extra count here: the profile's front matter
(voorwoord, samenvatting, lijsten ...) before the introduction and its back matter (bronnen, literatuurlijst
...) after the conclusion, before or after the appendix, are part of a normal report. Chapters after the
appendix's title belong to the appendix. A part that SV102 already reports as misplaced is not reported
again. Which parts open and close the report comes from the profile ([structure] first_part, last_part,
appendix_part).
"""

from stageverslag.rules import Rule
from stageverslag.document.outline import where


def check(ctx):
    outline, profile = ctx.outline, ctx.profile
    first, last, end = profile.first_part, profile.last_part, profile.appendix_part
    already = set(outline.misplaced(profile.part_ids))
    strangers = [h.position for h in outline.unexpected]
    title = {pid: profile.part(pid).title for pid in profile.part_ids}
    if first in outline.parts and first not in already:
        start = outline.parts[first].start
        before = [p for p in strangers if p < start]
        if before:
            yield RULE.finding(f"'{title[first]}' moet het eerste hoofdstuk zijn; er staat al een hoofdstuk "
                               "vóór.", part=first, **where(ctx.doc, before[0]))
    for pid, label in ((last, "het laatste hoofdstuk (vóór de bijlage)"), (end, "het einde")):
        if pid in outline.parts and pid not in already:
            start = outline.parts[pid].start
            after = [p for p in strangers if p > start]
            if after:
                yield RULE.finding(f"'{title[pid]}' hoort op {label}; er volgt nog een hoofdstuk.",
                                   part=pid, **where(ctx.doc, after[0]))


RULE = Rule(
    code="SV106", name="frame", category="section-order", severity="error", stages=("final",),
    summary="De inleiding staat vooraan, de conclusie achteraan en de bijlage helemaal op het einde.",
    message="'{title}' hoort op {place}; er volgt nog een hoofdstuk.",
    rationale="§8: het verslag opent met de inleiding en sluit met de conclusie en de bijlage.",
    check=check)
