"""SV604 mentor-feedback: Tussentijdse evaluatie tells what the mentor said.

The handbook asks the student to ask their mentor for a feedback conversation before the terugkommoment and to
write down what the mentor said. Looked for in *Tussentijdse evaluatie*: someone who gave it (the words mentor,
begeleider, leidinggevende ..., the mentor's name from the project, or a person named before a verb of saying:
"Sarah zei") and words of feedback (feedback, evaluatie, beoordeling, opmerking, tip, werkpunt, score ...).
Without both a question, never an error.
"""

import re

from stageverslag.rules import Rule
from stageverslag.document.outline import where

MENTOR = re.compile(r"\b(?:mentor|stagementor|stagebegeleider|begeleider|praktijkbegeleider|praktijkopleider|"
                    r"werkbegeleider|leidinggevende|verantwoordelijke|baas|chef|manager|teamleider|"
                    r"zaakvoerder|directeur)\b", re.I)
FEEDBACK = re.compile(r"\b(?:feedback\w*|\w*evaluatie\w*|beoordel\w*|opmerking\w*|tips?|kritiek\w*|"
                      r"complimenten?|werkpunt\w*|verbeterpunt\w*|aandachtspunt\w*|sterke\s+punten|scores?|"
                      r"gaf\s+(?:me|mij)\s+\w+|vond\s+(?:ze|hij)\s+dat|volgens\s+(?:haar|hem))\b", re.I)


def check(ctx):
    if not ctx.profile.content.enabled:
        return
    from stageverslag.goals import part_paragraphs, person_names
    positions = part_paragraphs(ctx.doc, ctx.outline, "tussentijdse_evaluatie")
    if not positions:
        return
    texts = [ctx.doc.paragraphs[i].text for i in positions]
    whole = "\n".join(texts)
    mentor = bool(MENTOR.search(whole))
    cfg = getattr(ctx.project, "config", None)
    if not mentor and cfg is not None and cfg.mentor:
        first = cfg.mentor.split()[0]
        mentor = bool(re.search(rf"\b{re.escape(first)}\b", whole))
    if not mentor:
        mentor = bool(person_names(texts, {w for w in (getattr(cfg, "student", "") or "").lower().split()}))
    feedback = bool(FEEDBACK.search(whole))
    if mentor and feedback:
        return
    from stageverslag.goals import anchor
    at = anchor(ctx.doc, ctx.outline, "tussentijdse_evaluatie")
    yield RULE.finding(RULE.message, part="tussentijdse_evaluatie", **where(ctx.doc, at))


RULE = Rule(
    code="SV604", name="mentor-feedback", category="content", severity="info",
    summary="De tussentijdse evaluatie vertelt welke feedback je mentor gaf.",
    message="In 'Tussentijdse evaluatie' lees ik niet welke feedback je mentor gaf. Wat zei je mentor in het "
            "feedbackgesprek, en herken je jezelf erin?",
    rationale="§8 vraagt in de tussentijdse evaluatie welke feedback je mentor precies gaf en of je jezelf juist "
              "inschatte; §9 INHOUD 7 beoordeelt hoe je met feedback omgaat.",
    check=check)
