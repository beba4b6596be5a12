"""SV106 frame: the introduction opens the report, the conclusion closes it, the appendix comes last.

Only chapters that are neither a part nor an allowed extra (voorwoord, bronnen, ...) count here, and a
part that SV102 already reports as misplaced is not reported again.
"""

from stageverslag.rules import Rule
from stageverslag.document.outline import where

FIRST, LAST, END = "inleiding", "conclusie", "bijlage"


def check(ctx):
    outline, profile = ctx.outline, ctx.profile
    already = set(outline.misplaced(profile.part_ids))
    strangers = [h.position for h in outline.unexpected]
    title = {pid: profile.part(pid).title for pid in profile.part_ids}
    if FIRST in outline.parts and FIRST not in already:
        start = outline.parts[FIRST].start
        before = [p for p in strangers if p < start]
        if before:
            yield RULE.finding(f"'{title[FIRST]}' moet het eerste hoofdstuk zijn; er staat al een hoofdstuk "
                               "vóór.", part=FIRST, **where(ctx.doc, before[0]))
    for pid, label in ((LAST, "het laatste hoofdstuk (vóór de bijlage)"), (END, "het einde")):
        if pid in outline.parts and pid not in already:
            start = outline.parts[pid].start
            after = [p for p in strangers if p > start]
            if after:
                yield RULE.finding(f"'{title[pid]}' hoort op {label}; er volgt nog een hoofdstuk.",
                                   part=pid, **where(ctx.doc, after[0]))


RULE = Rule(
    code="SV106", name="frame", category="section-order", severity="error", stages=("final",),
    summary="De inleiding staat vooraan, de conclusie achteraan en de bijlage helemaal op het einde.",
    rationale="§8: het verslag opent met de inleiding en sluit met de conclusie en de bijlage.",
    check=check)
