"""SV102 section-order: the parts follow each other in the order of the handbook.

The parts found are compared with the profile's order; the longest run that is in order is kept and every
other part is reported as misplaced. A part title that occurs twice is reported as a warning.
"""

from stageverslag.rules import Rule
from stageverslag.document.outline import where


def check(ctx):
    outline, profile = ctx.outline, ctx.profile
    ids = outline.order
    for pid in outline.misplaced(profile.part_ids):
        rank = profile.part_ids.index(pid)
        before = next((profile.part(o).title for o in ids if profile.part_ids.index(o) > rank
                       and ids.index(o) < ids.index(pid)), None)
        where_to = f" Het hoort vóór '{before}'." if before else ""
        yield RULE.finding(f"'{profile.part(pid).title}' staat niet op zijn plaats.{where_to} "
                           f"De volgorde is: {', '.join(p.title for p in profile.parts_for(ctx.stage))}.",
                           part=pid, **where(ctx.doc, outline.parts[pid].start))
    for h in outline.duplicates:
        yield RULE.finding(f"De titel '{h.text}' komt twee keer voor als hoofdstuk "
                           f"(onderdeel '{profile.part(h.part).title}').",
                           severity="warning", part=h.part, **where(ctx.doc, h.position))


RULE = Rule(
    code="SV102", name="section-order", category="section-order", severity="error",
    summary="De onderdelen staan in de volgorde van de handleiding.",
    message="'{title}' staat niet op zijn plaats. De volgorde is: {order}.",
    rationale="§8: je neemt de indeling van het verslag volledig over, in dezelfde volgorde.",
    check=check)
