"""SV606 future-conclusion: the Conclusie looks ahead.

The handbook asks for conclusions towards the future: what the internship means for the student's career and
what they still want to develop. Looked for in the *Conclusie*: a statement about later ("in de toekomst",
"later", "mijn eerste job", "loopbaan", "na mijn studie", "volgend jaar", "ik wil ...", "neem ik mee", "verder
ontwikkelen", "voortaan", "ik ga ...", "zal", a recommendation, points to work on), or a chapter of its own
right after it that looks ahead ("Aanbevelingen", "Toekomstvisie"). None gives a question, never an error.
"""

import re

from stageverslag.rules import Rule
from stageverslag.document.outline import where

FUTURE = re.compile(
    r"\b(?:toekomst\w*|later|straks|voortaan|binnenkort|loopbaan|carrière|(?:eerste|volgende|nieuwe|toekomstige)"
    r"\s+(?:job|baan|stage|werkgever|functie|opleiding|stap|stappen|project)|na\s+mijn\s+(?:studie|opleiding|"
    r"stage|afstuderen)|volgend\w*\s+(?:jaar|keer|stap|stappen|semester)|(?:wil|zou|ga|gaan|zal|zullen|hoop|"
    r"plan|denk)\s+(?:ik|ik\s+graag|ik\s+nog)|ik\s+(?:wil|zou\s+graag|ga|zal|hoop|plan|neem\s+me\s+voor)|"
    r"neem\s+ik\s+(?:mee|me\s+voor)|meenemen|verder\s+(?:ontwikkelen|werken|leren|verbeteren|uitbouwen|gaan)|"
    r"aanbeveling\w*|aanbevolen|vervolg\w*|in\s+de\s+komende|kan\s+(?:nog|verder)\s+\w+\s+worden|"
    r"zal\s+\w+|zullen|zou(?:den)?\s+\w+\s+(?:kunnen|moeten)|verbeterpunt\w*|werkpunt\w*|aandachtspunt\w*|"
    r"aandachtpunt\w*|uitbreid\w*)\b", re.I)


#: a chapter of its own that looks ahead, right after the conclusion ("Aanbevelingen", "Toekomstvisie")
AHEAD_TITLE = re.compile(r"aanbeveling|toekomst|vervolg|reflectie|verder\s+onderzoek|outlook|recommendation|future",
                         re.I)


def following_chapters(outline, span) -> list:
    """The chapters right after the conclusion that are no part, no appendix and no back matter (bronnen)."""
    out = []
    for h in outline.headings:
        if h.position < span.end or not h.chapter:
            continue
        if h.part or h.in_appendix or h.extra:
            break
        out.append(h)
    return out


def check(ctx):
    if not ctx.profile.content.enabled or ctx.stage != "final":
        return
    from stageverslag.goals import part_paragraphs
    positions = part_paragraphs(ctx.doc, ctx.outline, "conclusie")
    if not positions:
        return
    if any(FUTURE.search(ctx.doc.paragraphs[i].text) for i in positions):
        return
    if any(AHEAD_TITLE.search(h.text) for h in following_chapters(ctx.outline, ctx.outline.parts["conclusie"])):
        return  # the look ahead has a chapter of its own
    from stageverslag.goals import anchor
    yield RULE.finding(RULE.message, part="conclusie", **where(ctx.doc, anchor(ctx.doc, ctx.outline,
                                                                                  "conclusie")))


RULE = Rule(
    code="SV606", name="future-conclusion", category="content", severity="info",
    summary="De conclusie kijkt vooruit: wat betekent de stage voor later?",
    message="De conclusie kijkt niet vooruit. Welke conclusies trek je voor je verdere loopbaan, en wat wil je "
            "nog verder ontwikkelen?",
    stages=("final",),
    rationale="§8 vraagt in de conclusie welke conclusies je trekt voor je verdere loopbaan; §9 INHOUD 9 "
              "beoordeelt of je relevante conclusies trekt voor de toekomst.",
    check=check)
