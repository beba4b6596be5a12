"""The example project and its copy with content gaps, for the content-hint tests (test_content_rules.py,
test_rubric.py): one goal (the fourth, the analysis in Excel) dropped from Tussentijdse evaluatie and Conclusie,
and 'Het beroep' reduced to one interview."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CLEAN = EXAMPLES / "voorbeeldproject"

ONE_INTERVIEW = """## Het beroep

Na het terugkommoment had ik een interview met Ilse Goossens, de hr-manager. Ter voorbereiding stelde ik een lijst met open vragen op.

Ilse ziet vooral de rol van de hr-afdeling veranderen. Vroeger was die puur administratief; vandaag zit ze in het directiecomité en wordt ze betrokken bij beslissingen over nieuwe klanten. Die evolutie komt volgens haar door de krappe arbeidsmarkt: wie geen personeel vindt, kan niet groeien.

Over haar loopbaan vertelde ze dat ze begon bij een sociaal secretariaat en na acht jaar overstapte, omdat ze dichter bij de mensen wilde staan. Uit het gesprek leerde ik dat personeelswerk een stevige basis van kennis vraagt, en daarom schreef ik me in op de nieuwsbrief van een sociaal secretariaat.

"""

#: (draft, old, new): the fourth goal (analysis in Excel) no longer comes back after Uitgangspunten
DROP_GOAL_4 = [
    ("tussentijdse_evaluatie", "- analyse in Excel: nog niet begonnen, omdat de gegevens pas eind maart beschikbaar zijn.\n", ""),
    ("tussentijdse_evaluatie", "- teamoverleg: nauwelijks vooruitgang;", "- teamoverleg: nauwelijks vooruitgang."),
    ("conclusie", "Door het onthaaltraject en de analyse van het ziekteverzuim zag ik", "Door het onthaaltraject zag ik"),
    ("conclusie", "de presentatie van mijn analyse in Excel voor het managementteam", "het gesprek over de uitzendkracht"),
]


def gapped_copy(dest: Path) -> Path:
    """A copy of the example project with goal 4 dropped from its later parts and one interview in 'Het beroep'."""
    root = dest / "voorbeeldproject-met-gaten"
    shutil.copytree(CLEAN, root)
    drafts = {p.stem.split("-", 1)[1]: p for p in (root / "hoofdstukken").glob("*.md")}
    for part, old, new in DROP_GOAL_4:
        text = drafts[part].read_text(encoding="utf-8")
        assert text.count(old) == 1, (part, old)
        drafts[part].write_text(text.replace(old, new), encoding="utf-8")
    le2 = drafts["leerervaringen_2"].read_text(encoding="utf-8")
    le2, n = re.subn(r"## Het beroep\n.*?(?=## De leerervaringen)", lambda m: ONE_INTERVIEW, le2, flags=re.S)
    assert n == 1
    drafts["leerervaringen_2"].write_text(le2, encoding="utf-8")
    return root
