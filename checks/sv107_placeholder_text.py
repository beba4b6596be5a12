"""SV107 placeholder-text: no template or placeholder text is left in a part.

What a template or our own skeleton (``stageverslag build --skeleton``) puts in a part before the student
writes it is not the student's text: paragraphs in the placeholder style ("Plaatshouder"), lorem ipsum, a
bracketed instruction or label ("[Vul hier je naam in]", "[Titel]"), the profile's placeholder phrases
("Typ hier je tekst", "Dit onderdeel is nog leeg", "Hulpvraag: ..."), and a part that holds only questions
(every sentence ends in '?': the handbook's guiding questions, copied or reworded, or other questions) and
no answers. One finding per part, at its first piece of template text, saying what to do. The title page
is looked at too (a template's "[Naam student]"). Markdown drafts are left alone: the builder writes their
placeholders itself.
"""

from stageverslag.rules import Rule
from stageverslag.document.outline import placeholder_kind, where

KINDS = {"stijl": "tekst in de stijl 'Plaatshouder' (de hulpvragen van het geraamte)",
         "lorem": "opvultekst (lorem ipsum)",
         "instructie": "een invulaanwijzing tussen haken",
         "sjabloon": "tekst van het sjabloon"}


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57].rstrip() + "…"


def check(ctx):
    if ctx.doc.source == "markdown":
        return
    outline, profile, doc = ctx.outline, ctx.profile, ctx.doc
    if outline.title_page:
        start, end = outline.title_page
        for i in range(start, end):
            found = placeholder_kind(doc.paragraphs[i], profile.placeholder_texts)
            if found:
                yield RULE.finding(f"Op de titelpagina staat nog {KINDS[found[0]]}: '{_quote(found[1])}'. Vul je "
                                   "eigen gegevens in en verwijder de aanwijzing.", **where(doc, i))
                break
    expected = {p.id for p in profile.parts_for(ctx.stage)}
    for pid in outline.order:
        if pid not in expected:
            continue
        span = outline.parts[pid]
        title = profile.part(pid).title
        if span.placeholders:
            first, kind, text = span.placeholders[0]
            kinds = list(dict.fromkeys(k for _i, k, _t in span.placeholders))
            count = len(span.placeholders)
            what = " en ".join(KINDS[k] for k in kinds)
            more = f" ({count} alinea's)" if count > 1 else ""
            yield RULE.finding(
                f"In '{title}' staat nog {what}{more}, bv. '{_quote(text)}'. Schrijf er je eigen tekst voor in "
                "de plaats en verwijder de plaatshouders: ze tellen niet als inhoud.",
                part=pid, **where(doc, first))
        elif span.only_questions:
            first = next(i for i in range(span.start + 1, span.end) if doc.paragraphs[i].text.strip()
                         and i not in {h.position for h in outline.headings})
            guiding = (f", waarvan {span.guiding} hulpvra{'ag' if span.guiding == 1 else 'gen'} uit de handleiding"
                       if span.guiding else "")
            yield RULE.finding(
                f"'{title}' bevat alleen vragen ({span.questions}{guiding}) en nog geen antwoorden. De hulpvragen "
                "helpen je schrijven; beantwoord ze in doorlopende tekst en laat de vragen zelf weg.",
                part=pid, **where(doc, first))


RULE = Rule(
    code="SV107", name="placeholder-text", category="section-empty", severity="error",
    summary="Er staat geen sjabloontekst of plaatshouder meer in het verslag.",
    message="In '{title}' staat nog {what}, bv. '{quote}'. Schrijf er je eigen tekst voor in de "
            "plaats.",
    sources=("docx",),
    rationale="§8 beschrijft per onderdeel wat jij erin schrijft; de hulpvragen en de tekst van een sjabloon "
              "zijn daar een hulp bij, geen inhoud.",
    check=check)
