"""The handbook's assessment criteria (§9) next to a report: for each of VORM EN TAAL 1-4 and INHOUD 1-9 what
stageverslag verified, what it found, and what only a person can judge. No grade: the tool checks form and
gives content hints; a coach judges the content.

:func:`rubric` is pure: a :class:`~stageverslag.linter.Report`, the profile and the rules that ran in, a list
of :class:`CriterionState` out. The reporters (``check --rubric``) and the TUI's check screen show it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: group id in the profile -> the label the handbook uses
GROUP_LABELS = {"vorm en taal": "VORM EN TAAL", "inhoud": "INHOUD"}


@dataclass(frozen=True)
class Coverage:
    """What the tool does for one criterion: the rule codes and categories it runs, in Dutch what they check,
    and what is left to a person."""
    codes: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    verified: str = ""
    person: str = ""


#: criterion id (profile) -> coverage; a criterion without codes is one only a person can judge
COVERAGE: dict[str, Coverage] = {
    "vormgeving": Coverage(
        codes=("SV106",), categories=("title-page", "toc", "header-footer", "page-numbers", "heading-style", "pages"),
        verified="titelpagina, inhoudsopgave, kop- en voettekst, paginanummers, de stijl van de titels, het aantal "
                 "pagina's, een inleiding vooraan en een slot achteraan",
        person="of je de huisstijl van het bedrijf volgt en of de bladspiegel evenwichtig en professioneel oogt"),
    "taal": Coverage(
        codes=("SV505",), categories=("spelling", "dt", "spreektaal", "style"),
        verified="spelling (woordenboek), dt-fouten, spreektaal en tussentaal, stijl (zinslengte, herhaling), de "
                 "taal van het verslag",
        person="of je tekst vlot en zakelijk leest, en fouten die geen woordenboek of patroon ziet (een bestaand "
               "maar verkeerd woord, een kromme zin)"),
    "volledigheid": Coverage(
        codes=("SV101", "SV103", "SV104", "SV107"), categories=("length",),
        verified="elk onderdeel aanwezig en niet leeg, de twee delen van 'Leerervaringen in het tweede deel', geen "
                 "sjabloontekst of hulpvragen, de lengte",
        person="of elk onderdeel de hulpvragen van §8 echt beantwoordt"),
    "structuur": Coverage(
        codes=("SV102", "SV105"),
        verified="de volgorde van de onderdelen en hoofdstukken die er niet thuishoren",
        person="of het een samenhangend verhaal is, met overgangen en zonder herhalingen"),
    "leerdoelen": Coverage(
        codes=("SV601",),
        verified="leerdoelen in de uitgangspunten (of in je leerdoelenbestand) en of elk ervan terugkomt in de "
                 "tussentijdse evaluatie en de conclusie (op woorden en hun stam, ook anders verwoord)",
        person="of de doelen concreet en haalbaar zijn en of je eerlijk zegt hoe ver je ermee staat"),
    "inzicht_functie": Coverage(
        codes=("SV602", "SV603"),
        verified="in 'Het beroep': ongeveer drie geïnterviewden en evoluties in het beroep",
        person="of je de verwachtingen van het bedrijf en de competenties van je functie echt begrijpt"),
    "zelfkennis": Coverage(
        person="of je jezelf realistisch en zelfkritisch inschat tegenover de competenties LR1–LR15"),
    "kritische_blik": Coverage(
        person="of je je stageomgeving kritisch en fair bekijkt en leert uit wat je ziet"),
    "vorderingen": Coverage(
        person="of je groei toont tijdens de stage en tegenover de coaching in het eerste semester"),
    "transfer": Coverage(
        person="of je leerstof uit de opleiding toepast en dat ook benoemt"),
    "feedback": Coverage(
        codes=("SV604",),
        verified="of de tussentijdse evaluatie zegt welke feedback je mentor gaf",
        person="hoe open je voor die feedback staat en wat je ermee doet"),
    "voorbeelden": Coverage(
        codes=("SV605",),
        verified="of elke leerervaring een concrete gebeurtenis vertelt (wanneer, met wie)",
        person="of de voorbeelden je uitspraken echt staven"),
    "conclusies": Coverage(
        codes=("SV606",),
        verified="of de conclusie vooruitkijkt: je loopbaan, wat je nog wil ontwikkelen",
        person="of de conclusies relevant zijn en volgen uit je verhaal"),
}

#: the parts a content criterion's questions read: when one is missing or empty, they could not be asked there
PARTS = {"leerdoelen": ("uitgangspunten", "tussentijdse_evaluatie", "conclusie"),
         "inzicht_functie": ("leerervaringen_2",), "feedback": ("tussentijdse_evaluatie",),
         "voorbeelden": ("leerervaringen_1", "leerervaringen_2"), "conclusies": ("conclusie",)}
#: the rules that say a part is missing or empty
ABSENT = ("SV101", "SV103", "SV104", "SV107")

#: the states, in Dutch (the key is stable for programs)
STATES = {
    "ok": "nagekeken, niets gevonden",
    "findings": "nagekeken, met opmerkingen",
    "partial": "deels nagekeken",
    "not_checked": "niet nagekeken",
    "person": "alleen een mens kan dit beoordelen",
}


@dataclass
class CriterionState:
    label: str  # "VORM EN TAAL 1", "INHOUD 9"
    id: str
    text: str
    state: str  # a key of STATES
    verified: str  # what the tool checked ("" when nothing)
    found: str  # what it found, in Dutch
    person: str  # what only a person can judge
    codes: list[str] = field(default_factory=list)  # the codes of the findings behind ``found``

    @property
    def state_label(self) -> str:
        return STATES[self.state]

    def to_dict(self) -> dict:
        return {"criterion": self.label, "id": self.id, "text": self.text, "state": self.state,
                "state_label": self.state_label, "verified": self.verified, "found": self.found,
                "person": self.person, "codes": self.codes}


def _count_words(findings) -> str:
    from .reporters import plural
    e = sum(f.severity == "error" for f in findings)
    w = sum(f.severity == "warning" for f in findings)
    i = sum(f.severity == "info" for f in findings)
    bits = []
    if e:
        bits.append(plural(e, "fout", "fouten"))
    if w:
        bits.append(plural(w, "waarschuwing", "waarschuwingen"))
    if i:
        content = all(f.category == "content" for f in findings if f.severity == "info")
        bits.append(plural(i, "vraag", "vragen") if content else plural(i, "opmerking", "opmerkingen"))
    return ", ".join(bits)


def rubric(report, profile, rules=None, stage: str | None = None) -> list[CriterionState]:
    """The profile's criteria with what the check of ``report`` verified and found. ``rules``: the rules that
    ran (default: all); a criterion whose rules did not run (``--select``, the midterm) says so."""
    from .rules import load_rules
    rules = load_rules() if rules is None else rules
    stage = stage or report.stage
    ran = {r.code: r for r in rules if stage in r.stages}
    all_rules = {r.code: r for r in load_rules()}
    if not profile.content.enabled:
        ran = {c: r for c, r in ran.items() if r.category != "content"}
    numbers: dict[str, int] = {}
    out = []
    for crit in profile.criteria:
        group = GROUP_LABELS.get(crit.group, crit.group.upper())
        numbers[group] = numbers.get(group, 0) + 1
        cov = COVERAGE.get(crit.id, Coverage(person="de inhoud van dit criterium"))
        codes = {c for c in cov.codes} | {c for c, r in all_rules.items() if r.category in cov.categories}
        label = f"{group} {numbers[group]}"
        if not codes:
            out.append(CriterionState(label, crit.id, crit.text, "person", "", "niets: de tool kan dit niet "
                                      "nakijken", cov.person))
            continue
        running = codes & set(ran)
        if not running:
            why = ("de inhoudelijke vragen staan uit in het profiel" if not profile.content.enabled
                   and all(all_rules[c].category == "content" for c in codes if c in all_rules)
                   else "deze controles liepen niet (selectie of versie)")
            out.append(CriterionState(label, crit.id, crit.text, "not_checked", cov.verified, why, cov.person))
            continue
        findings = [f for f in report.findings if f.code in running]
        state = "findings" if findings else ("ok" if running == codes else "partial")
        absent = sorted({f.part for f in report.findings if f.code in ABSENT and f.part in PARTS.get(crit.id, ())},
                        key=PARTS.get(crit.id, ()).index)
        if absent:
            titles = []
            for pid in absent:
                try:
                    titles.append(f"'{profile.part(pid).title}'")
                except KeyError:
                    titles.append(pid)
            if not findings:
                state = "not_checked" if len(absent) == len(PARTS[crit.id]) else "partial"
            verb = "ontbreekt of is leeg" if len(titles) == 1 else "ontbreken of zijn leeg"
            note = (f"{' en '.join(titles)} {verb}, dus daar kon niets nagekeken worden "
                    f"({', '.join(sorted({f.code for f in report.findings if f.code in ABSENT and f.part in absent}))})")
        if findings:
            found = f"{_count_words(findings)} ({', '.join(sorted({f.code for f in findings}))})"
        else:
            found = "niets"
        if running != codes and findings:
            found += "; niet alle controles liepen"
        if absent:
            found = note if found == "niets" else f"{found}; {note}"
        out.append(CriterionState(label, crit.id, crit.text, state, cov.verified, found, cov.person,
                                  sorted({f.code for f in findings})))
    return out


def render_text(states: list[CriterionState], width: int = 100) -> str:
    """The criteria as a Dutch text block (``check --rubric``)."""
    import textwrap
    lines = ["Beoordelingscriteria van de handleiding (§9). Geen score: per criterium wat stageverslag nakeek, wat "
             "het vond, en wat alleen je coach of mentor kan beoordelen."]
    for s in states:
        lines.append("")
        lines.append(f"{s.label}  {s.text}")
        lines.append(f"  Toestand:         {s.state_label}")
        for head, text in (("Nagekeken:", s.verified or "niets"), ("Gevonden:", s.found),
                           ("Alleen een mens:", s.person)):
            wrapped = textwrap.wrap(text, width=width - 20) or [""]
            lines.append(f"  {head:<17} {wrapped[0]}")
            lines.extend(f"  {'':<17} {more}" for more in wrapped[1:])
    return "\n".join(lines)
