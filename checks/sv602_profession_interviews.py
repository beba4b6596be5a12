"""SV602 profession-interviews: 'Het beroep' names about three people the student interviewed.

The handbook asks for interviews with about three people who know the profession well. Counted from the text
of the subsection *Het beroep*: a number before "interviews", "gesprekken", "collega's" ... in a sentence about
interviewing ("drie interviews", "twee collega's geïnterviewd"), the people it names (full names, a first name
before a verb of saying: "Koen vertelde", "volgens Ilse"), and numbered interviews ("Interview 2", "het derde
gesprek"). The highest of these counts; the student and the company are not counted. Fewer than
``[content] interviews_min`` (3) gives a question, never an error.
"""

import re

from stageverslag.rules import Rule
from stageverslag.document.outline import where

NUMBERS = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8}
_WHO = r"(?:interviews?|gesprekken|gesprek|collega's|collega|personen|mensen|werknemers|medewerkers|professionals|" \
       r"geïnterviewden|experts|vakmensen|werkgevers|leidinggevenden)"
_COUNT = re.compile(rf"\b(\d|{'|'.join(NUMBERS)})\s+(?:[\wëï'-]+\s+){{0,2}}{_WHO}\b", re.I)
_ABOUT = re.compile(r"interview|geïnterviewd|bevraagd|gesprek|gesproken|sprak\s+(?:ik\s+)?met|vragen\s+gesteld", re.I)
_ORDINAL = re.compile(r"\b(?:interview|gesprek)\s+(\d)\b|\b(eerste|tweede|derde|vierde|vijfde)\s+"
                      r"(?:interview|gesprek|geïnterviewde)\b", re.I)
_ORD = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5}


def interviewed(texts: list[str], exclude: set[str]) -> int:
    """How many interviewed people the texts (paragraphs and sub-headings of Het beroep) account for."""
    from stageverslag.goals import person_names
    counted = 0
    for text in texts:
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if not _ABOUT.search(sentence):
                continue
            for m in _COUNT.finditer(sentence):
                word = m.group(1).lower()
                counted = max(counted, int(word) if word.isdigit() else NUMBERS[word])
        for m in _ORDINAL.finditer(text):
            counted = max(counted, int(m.group(1)) if m.group(1) else _ORD[m.group(2).lower()])
    return max(counted, len(person_names(texts, exclude)))


def _exclude(ctx) -> set[str]:
    cfg = getattr(ctx.project, "config", None)
    if cfg is None:
        return set()
    words = set()
    for name in (cfg.student, cfg.company):
        words |= {w.lower() for w in (name or "").split()}
    return words


def check(ctx):
    if not ctx.profile.content.enabled or ctx.stage != "final":
        return
    from stageverslag.goals import subsection_texts
    section = subsection_texts(ctx.doc, ctx.outline, "leerervaringen_2", "beroep")
    if section is None:
        return
    head_position, texts = section
    count = interviewed(texts, _exclude(ctx))
    wanted = ctx.profile.content.interviews_min
    if count >= wanted:
        return
    found = "geen enkele geïnterviewde" if count == 0 else (
        "één geïnterviewde" if count == 1 else f"{count} geïnterviewden")
    wanted = {2: "twee", 3: "drie", 4: "vier", 5: "vijf"}.get(wanted, str(wanted))
    yield RULE.finding(RULE.say(found=found, wanted=wanted), part="leerervaringen_2", **where(ctx.doc, head_position))


RULE = Rule(
    code="SV602", name="profession-interviews", category="content", severity="info",
    summary="'Het beroep' steunt op ongeveer drie interviews met mensen uit het beroep.",
    message="In 'Het beroep' vind ik {found}. De handleiding vraagt ongeveer {wanted} interviews met mensen die "
            "het beroep goed kennen: met wie sprak je nog, en wat zeiden ze?",
    stages=("final",),
    rationale="§8 vraagt voor 'Het beroep' ongeveer drie interviews met mensen die het beroep goed kennen; §9 "
              "INHOUD 2 beoordeelt je inzicht in het beroep.",
    check=check)
