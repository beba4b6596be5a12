"""SV605 concrete-event: a learning experience tells a concrete event (when, with whom).

The handbook asks to describe concrete events or assignments, analyse them and say what you will do next time.
A learning experience is the text under one sub-heading of *Leerervaringen in het eerste deel* or of *De
leerervaringen* (or the whole part when it has none) of at least ``[content] experience_min_words`` (80) words
that says what the student learned ("ik leerde", "besefte", "hieruit ..."). It is concrete when it says when
(a week, day, month, date, "toen", "die ochtend", "tijdens de ...", a number) or with whom (a name, a colleague,
the mentor, a customer ..., a quote of what someone said). None of these gives a question, never an error.
"""

import re

from stageverslag.rules import Rule
from stageverslag.document.outline import where

LESSON = re.compile(r"\b(?:leerde|geleerd|leer\s+ik|les\b|lessen|besef\w*|merkte|ontdekte|realiseer\w*|"
                    r"inzicht\w*|hieruit|daaruit|daardoor\s+weet|concludeer|besluit|neem\s+ik\s+mee|"
                    r"(?:de\s+)?volgende\s+keer\s+(?:\w+\s+)?(?:ik|zou|wil|ga)|voortaan)\b", re.I)
#: other signs of a concrete event: a number (a date, a count, a time), a quote of what someone said
CONCRETE = re.compile(r"\d|[\"“”„«»]|\b(?:toen\s+ik|op\s+het\s+moment\s+dat|op\s+een\s+\w+)\b", re.I)


def experiences(doc, outline, min_words: int):
    """(heading position, paragraph positions) of each learning experience long enough to ask about."""
    from stageverslag.goals import part_paragraphs, words_of
    chunks = []
    for pid, sub in (("leerervaringen_1", None), ("leerervaringen_2", "leerervaringen")):
        positions = part_paragraphs(doc, outline, pid, sub)
        if not positions:
            continue
        span = outline.parts[pid]
        start = span.subsections[sub].position if sub else span.start
        heads = sorted(h.position for h in outline.headings if start < h.position <= positions[-1])
        bounds = [start] + heads
        for k, head in enumerate(bounds):
            end = bounds[k + 1] if k + 1 < len(bounds) else positions[-1] + 1
            chunk = [i for i in positions if head < i < end]
            if chunk and words_of(doc, chunk) >= min_words:
                chunks.append((pid, head, chunk))
    return chunks


def check(ctx):
    if not ctx.profile.content.enabled:
        return
    from stageverslag.goals import ROLE_WORDS, WHEN_WORDS, person_names
    for pid, head, chunk in experiences(ctx.doc, ctx.outline, ctx.profile.content.experience_min_words):
        text = "\n".join(ctx.doc.paragraphs[i].text for i in chunk)
        if not LESSON.search(text):
            continue
        if WHEN_WORDS.search(text) or ROLE_WORDS.search(text) or CONCRETE.search(text) or person_names([text]):
            continue
        title = ctx.doc.paragraphs[head].text.strip()
        yield RULE.finding(RULE.say(title=title), part=pid, **where(ctx.doc, head))


RULE = Rule(
    code="SV605", name="concrete-event", category="content", severity="info",
    summary="Een leerervaring vertelt een concrete gebeurtenis: wanneer, wat en met wie.",
    message="Bij '{title}' lees ik wat je leerde, maar niet wanneer het gebeurde of met wie. Welke concrete "
            "gebeurtenis of opdracht hoort erbij: wanneer, wat gebeurde er, met wie?",
    rationale="§8 vraagt concrete gebeurtenissen of opdrachten te beschrijven, te analyseren en te besluiten; "
              "§9 INHOUD 8 beoordeelt of je je verhaal staaft met concrete voorbeelden.",
    check=check)
