"""A small deterministic mutation fuzz of ``stageverslag check`` (tools/fuzz.py runs the long one).

About 220 mutants, seeded, of every class (byte flips, truncation, XML mutations, absurd numbers, deep nesting,
thousands of sections, huge paragraphs, invalid UTF-8, external references, DTDs, zip bombs), made from files
built here with docx_factory and, when ``../shared`` is there, from the smallest real reports of the corpus.
Each is checked in this process (fast: the rules load once) and must give no traceback, valid JSON, exit status
0, 1 or 2 and an unchanged input. A few heavy mutants also run in a fresh process each, where a generous
timeout bounds the time and the child's own peak memory must stay under 300 MB.
"""

from __future__ import annotations

import pytest

from fixtures.docx_factory import add_field, filler, make_report, page_break, picture, table
from robust_kit import MEMORY_LIMIT_MB, load_fuzz
from shared_data import CORPUS

fuzz = load_fuzz()
SEED = 20261201


def factory_sources(folder) -> list[bytes]:
    rich = make_report(folder / "rijk.docx", parts=[
        ("Inleiding", [filler(150), table([["a", "b", "c"], ["d", "e", "f"]])]),
        ("Context", [filler(120, seed=2), picture(), page_break(), filler(60, seed=3)]),
        ("Conclusie", [filler(80, seed=4)]),
    ], toc=True, header_text="Stageverslag", page_numbers=True, flavor="word-nl", app_pages=4)
    small = make_report(folder / "klein.docx", parts=[("Inleiding", [filler(40)])], flavor="libreoffice")
    return [rich.read_bytes(), small.read_bytes()]


def run_in_process(tmp_path, sources, count: int, seed: int):
    outcomes = []
    for i, (kind, data) in enumerate(fuzz.mutants(sources, count, seed, heavy=False)):
        path = tmp_path / f"m{i:04d}-{kind}.docx"
        path.write_bytes(data)
        outcome = fuzz.check_in_process(path, kind)
        outcomes.append(outcome)
        assert not outcome.problems, (path.name, outcome.problems)
        assert outcome.status in (0, 1, 2), (path.name, outcome.status)
        path.unlink()
    return outcomes


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # a crash report would land here


def test_mutants_of_built_reports(tmp_path):
    outcomes = run_in_process(tmp_path, factory_sources(tmp_path), 110, SEED)
    assert {o.kind for o in outcomes} == set(fuzz.CLASSES)
    assert {o.status for o in outcomes} >= {1, 2}  # some are still reports, some are refused
    assert not list((tmp_path / "cache").rglob("crash-*"))  # no crash report was written


@pytest.mark.corpus
def test_mutants_of_real_reports(tmp_path):
    smallest = sorted((f for f in CORPUS.glob("nl_*.docx")), key=lambda f: f.stat().st_size)[:3]
    outcomes = run_in_process(tmp_path, [f.read_bytes() for f in smallest], 110, SEED + 1)
    assert {o.kind for o in outcomes} == set(fuzz.CLASSES)


@pytest.mark.parametrize("kind", ["numbers", "sections", "bigparagraph", "zipbomb"])
def test_heavy_mutants_in_a_fresh_process_stay_bounded(tmp_path, kind):
    [(got, data)] = list(fuzz.mutants(factory_sources(tmp_path), 1, SEED, classes=(kind,), heavy=True))
    path = tmp_path / f"zwaar-{kind}.docx"
    path.write_bytes(data)
    outcome = fuzz.check_subprocess(path, got, timeout=120)
    assert not outcome.problems, outcome.problems
    assert outcome.status in (0, 1, 2)
    assert outcome.peak_mb < MEMORY_LIMIT_MB, f"{outcome.peak_mb:.0f} MB"


def test_mutations_are_deterministic(tmp_path):
    sources = factory_sources(tmp_path)
    first = [(k, len(d)) for k, d in fuzz.mutants(sources, 22, 7, heavy=False)]
    again = [(k, len(d)) for k, d in fuzz.mutants(sources, 22, 7, heavy=False)]
    assert first == again


def test_fields_and_factory_helpers_still_fuzzable(tmp_path):
    import docx
    d = docx.Document()
    p = d.add_paragraph("Pagina ")
    add_field(p, "PAGE")
    d.save(tmp_path / "veld.docx")
    outcomes = run_in_process(tmp_path, [(tmp_path / "veld.docx").read_bytes()], 11, 3)
    assert len(outcomes) == 11
