"""A short Dutch help text over the keys and how the companion works (F1)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

HELP = """\
# Hulp bij de schrijfhulp

**Overzicht** — je stageweek, wat je nu schrijft, wat achterloopt, de volgende deadlines, de acties
(spatie om af te vinken) en je onderdelen. Kies een onderdeel met de pijltjes en Enter, of druk op het
nummer ervan. `s` opent wat je deze week schrijft, `c` opent controleren en bouwen, `l` je leerdoelen.

**Leerdoelen** — je doelen met hun competenties (LR1–LR15) en waar je halverwege en op het einde staat; ze
staan in `leerdoelen.toml` in je project. Kies een doel met Enter om het te bewerken, `Ctrl+N` voor een nieuw
doel, `Ctrl+S` bewaart, `Ctrl+R` verwijdert het gekozen doel. Je ziet ook waar je tekst een doel nog niet
opvolgt.

**Schrijven** — je tekst staat links, de hulpvragen en de taalcontrole rechts. De taalcontrole loopt
op de achtergrond: je kunt gewoon doortypen. Je tekst wordt een paar seconden na je laatste toets
bewaard, en ook als je het scherm verlaat of stopt.

- `Ctrl+S` nu opslaan
- `F2` naar de lijst met taalfouten en terug; Enter op een fout zet je cursor erop
- `F3` het woord onder de cursor (of de gekozen spellingfout) in je woordenlijst zetten
- `F4` het onderdeel op klaar zetten (nog eens drukken zet het terug)
- `Esc` terug naar het overzicht

**Controleren en bouwen** — `m` controleert het eerste deel, `f` het volledige verslag, `o` een ander
.docx-bestand; `b` bouwt het Word-document, `g` een geraamte met de hulpvragen, `p` ook de pdf; `k` toont
de beoordelingscriteria van de handleiding: wat nagekeken is en wat alleen je coach kan beoordelen.

**Altijd** — `Ctrl+P` toont alle opdrachten, `Ctrl+T` wisselt tussen licht en donker, `F1` deze hulp,
`Ctrl+Q` stoppen. Er verlaat geen tekst je computer, tenzij je zelf een LanguageTool-server instelt.
"""


class HelpScreen(ModalScreen):
    BINDINGS = [Binding("escape,f1,q", "dismiss", "Sluiten")]

    def compose(self) -> ComposeResult:
        from textual.widgets import Markdown  # loaded on first use: it is slow to import
        with VerticalScroll(id="help-box"):
            yield Markdown(HELP)
