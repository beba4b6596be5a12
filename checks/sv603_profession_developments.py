"""SV603 profession-developments: 'Het beroep' says how the profession is changing.

The handbook asks which developments the interviewed people see in their profession and where they come from.
Looked for in *Het beroep*: words for change and its causes ("evolutie", "ontwikkelingen", "verandert",
"trend", "toekomst", "digitalisering", "automatisering", "vroeger" / "tegenwoordig", "steeds meer", "nieuwe
wetgeving" ...). None of them gives a question, never an error.
"""

import re

from stageverslag.rules import Rule
from stageverslag.document.outline import where

CHANGE = re.compile(
    r"\b(?:evolu\w*|ontwikkeling\w*|verander\w*|veranderd\w*|wijziging\w*|trends?|toekomst\w*|digitali\w*|"
    r"automatis\w*|innova\w*|vroeger|tegenwoordig|vandaag\s+de\s+dag|steeds\s+(?:meer|minder|vaker|belangrijker)|"
    r"nieuwe\s+(?:wetgeving|regels|technologie\w*|software|systemen|tools|generatie)|krapte|vergrijzing|"
    r"artificiële\s+intelligentie|AI|thuiswerk\w*|duurzaam\w*|opkomst|verschuiving\w*|groei\w*|"
    r"over\s+\w+\s+jaar|de\s+(?:voorbije|laatste|afgelopen)\s+(?:jaren|\w+\s+jaar))\b")


def check(ctx):
    if not ctx.profile.content.enabled or ctx.stage != "final":
        return
    from stageverslag.goals import subsection_texts
    section = subsection_texts(ctx.doc, ctx.outline, "leerervaringen_2", "beroep")
    if section is None:
        return
    head_position, texts = section
    if any(CHANGE.search(t) for t in texts):
        return
    yield RULE.finding(RULE.message, part="leerervaringen_2", **where(ctx.doc, head_position))


RULE = Rule(
    code="SV603", name="profession-developments", category="content", severity="info",
    summary="'Het beroep' beschrijft evoluties in het beroep.",
    message="'Het beroep' zegt niets over evoluties in het beroep. Welke veranderingen zien de mensen die je "
            "interviewde, waar komen ze vandaan, en ben jij er klaar voor?",
    stages=("final",),
    rationale="§8 vraagt in 'Het beroep' welke evoluties je gesprekspartners zien en waar ze vandaan komen; "
              "§9 INHOUD 2 beoordeelt je inzicht in het beroep.",
    check=check)
