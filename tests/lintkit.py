"""Helpers for the linter tests: the handbook's seven parts as factory input, paths to the corpus and the
examples, and a one-call "write, read, analyse" for structure tests."""

from __future__ import annotations

import hashlib
from pathlib import Path

from fixtures.docx_factory import filler, make_report

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "docx"
EXAMPLES = REPO / "examples"

TITLES = {
    "inleiding": "Inleiding",
    "uitgangspunten": "Uitgangspunten en eerste indrukken",
    "leerervaringen_1": "Leerervaringen in het eerste deel van de stage",
    "tussentijdse_evaluatie": "Tussentijdse evaluatie",
    "leerervaringen_2": "Leerervaringen in het tweede deel van de stage",
    "conclusie": "Conclusie",
    "bijlage": "Bijlage",
}
#: words per part: 5,200 in all, a report of about 16-17 pages
WORDS = {"inleiding": 350, "uitgangspunten": 750, "leerervaringen_1": 1000, "tussentijdse_evaluatie": 850,
         "leerervaringen_2": 150, "beroep": 850, "leerervaringen": 850, "conclusie": 350, "bijlage": 50}


def handbook_parts(skip=(), titles=None, scale: float = 1.0, order=None, level: int = 1) -> list[tuple]:
    """The parts of the handbook as ``make_report`` input, with "Het beroep" and "De leerervaringen" as
    level+1 subsections of part five. ``titles`` overrides titles per part id; ``skip`` leaves parts out."""
    titles = {**TITLES, **(titles or {})}
    out = []
    for seed, pid in enumerate(order or list(TITLES)):
        if pid in skip:
            continue
        out.append((titles[pid], [filler(max(1, int(WORDS[pid] * scale)), seed)], level))
        if pid == "leerervaringen_2":
            out.append(("Het beroep", [filler(int(WORDS["beroep"] * scale), 20)], level + 1))
            out.append(("De leerervaringen", [filler(int(WORDS["leerervaringen"] * scale), 21)], level + 1))
    return out


def write_report(path: Path, **kwargs) -> Path:
    """``make_report`` with the handbook's parts unless ``parts`` is given."""
    parts = kwargs.pop("parts", None)
    return make_report(path, parts if parts is not None else handbook_parts(), **kwargs)


def run_rule(code: str, source, profile=None, stage: str = "final", project=None, today=None,
             pages: str = "estimate") -> list:
    """The findings of one rule on a .docx path (or a document model), through a real Context."""
    import datetime as dt

    from stageverslag.document.model import Document
    from stageverslag.document.reader import read_docx
    from stageverslag.profile import load_profile
    from stageverslag.rules import CheckOptions, Context, load_rules

    rule = next(r for r in load_rules() if r.code == code)
    doc = source if isinstance(source, Document) else read_docx(source)
    profile = profile or (project.profile if project is not None else load_profile())
    options = CheckOptions(stage=stage, pages=pages, today=today or dt.date.today())
    return list(rule.check(Context(doc=doc, profile=profile, options=options, project=project)))


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
