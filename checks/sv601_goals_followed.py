"""SV601 goals-followed: every learning goal comes back in Tussentijdse evaluatie and in the Conclusie.

The goals are the project's (``leerdoelen.toml``) or, for a .docx without a project, the ones *Uitgangspunten*
states (items under a sub-heading about goals, a list after "Mijn leerdoelen zijn:", sentences such as "Ik wil
... leren"). Each goal is looked for by its terms (stems, compounds; see :mod:`stageverslag.goals`), so it may
be reworded. One hint per goal and part that does not come back to it; a project's goal that *Uitgangspunten*
does not state gets a hint there, and so does an *Uitgangspunten* without any goal. The midterm version is
checked against *Tussentijdse evaluatie* only. The
content hints are questions, never errors (severity info), and ``[content] enabled = false`` turns them off.
"""

from stageverslag.rules import Rule
from stageverslag.document.outline import where

QUESTIONS = {
    "uitgangspunten": "Staat het doel ook in je uitgangspunten, waar je je doelen voor het eerst beschrijft?",
    "tussentijdse_evaluatie": "Hoe ver stond je er halverwege mee, en wat zei je mentor erover?",
    "conclusie": "Heb je het bereikt, en wat neem je ervan mee naar later?",
}


NO_GOALS = ("In '{title}' vind ik geen leerdoelen. Welke concrete doelen stel je jezelf voor deze stage? Zet "
            "ze bv. onder een tussentitel 'Mijn leerdoelen', elk in één zin.")


def goals_of(ctx):
    """The project's goals (None without a project or goals file)."""
    if ctx.project is None:
        return None
    from stageverslag.goals import project_goals
    return project_goals(ctx.project)


def check(ctx):
    if not ctx.profile.content.enabled:
        return
    from stageverslag.goals import anchor, follow, short
    result = follow(ctx.doc, ctx.outline, ctx.profile, ctx.stage, goals_of(ctx))
    span = ctx.outline.parts.get("uitgangspunten")
    if not result.traces and span is not None and not span.empty:
        where_to = (" Noteer ze ook in je project ('stageverslag doelen --nieuw \"...\"'), dan volgt de controle ze."
                    if ctx.project is not None else "")
        yield RULE.finding(NO_GOALS.format(title=ctx.profile.part("uitgangspunten").title) + where_to,
                           part="uitgangspunten",
                           **where(ctx.doc, anchor(ctx.doc, ctx.outline, "uitgangspunten")))
        return
    for trace in result.traces:
        for pid in result.parts:
            position = trace.stated if pid == "uitgangspunten" else trace.revisits.get(pid, 0)
            if position is not None:
                continue
            title = ctx.profile.part(pid).title
            yield RULE.finding(
                RULE.say(number=trace.number, goal=short(trace.text), title=title, question=QUESTIONS[pid]),
                part=pid, **where(ctx.doc, anchor(ctx.doc, ctx.outline, pid)))


RULE = Rule(
    code="SV601", name="goals-followed", category="content", severity="info",
    summary="Elk leerdoel komt terug in de tussentijdse evaluatie en in de conclusie.",
    message="Leerdoel {number} ('{goal}') komt in '{title}' niet terug. {question}",
    rationale="§9 INHOUD 1 vraagt concrete leerdoelen die je doorheen de stage opvolgt; §8 vraagt in de "
              "tussentijdse evaluatie 'in hoeverre heb je je doelen bereikt?' en in de conclusie een besluit.",
    check=check)
