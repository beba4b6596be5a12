"""Reporters: text (grouped per part, verdict, colour on request), JSON (the contract), CSV and HTML for
coaches (one row per report, one column per category, a verdict; HTML self-contained and escaped)."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from lintkit import EXAMPLES, write_report
from stageverslag.findings import CATEGORIES, Finding
from stageverslag.commands import render
from stageverslag.linter import Report, check_file, input_report
from stageverslag.profile import load_profile
from stageverslag.rules import CheckOptions

FAULTY = EXAMPLES / "project-met-fouten" / "stageverslag-met-fouten.docx"


@pytest.fixture(scope="module")
def profile():
    return load_profile()


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    good = write_report(tmp_path_factory.mktemp("r") / "goed.docx", flavor="word-nl", app_pages=18)
    options = CheckOptions(pages="word")
    return [check_file(good, options=options), check_file(FAULTY, options=options),
            input_report("kapot.docx", "kapot.docx: dit is geen Word-bestand.", "final", ["Lengte in woorden."])]


def test_text_errors_first_with_page_part_and_quote(reports, profile):
    out = render(reports, "text", profile)
    good, faulty, broken, summary = out.strip().split("\n\n")
    assert "18 pagina's" in good and "Oordeel: In orde" in good.splitlines()[-1]
    lines = faulty.splitlines()
    assert len(lines) <= 40  # one screen
    errors, warnings = lines.index("  Fouten (19)"), next(i for i, x in enumerate(lines) if "Waarschuwingen" in x)
    assert errors < warnings
    order = next(x for x in lines[errors:warnings] if "SV102" in x)
    assert order.strip().startswith("p. ±10 · Leerervaringen deel 2:") and "Het hoort vóór 'Conclusie'." in order
    dt = next(x for x in lines[errors:warnings] if "'verhuisd'" in x)
    assert dt.strip().startswith("p. ±3 · Uitgangspunten › Het bedrijf en mijn plaats erin · \"")
    assert "verhuist naar" in dt or "Willebroek verhuist" in dt
    for line in lines[errors + 1:warnings]:  # every error names its page (or the whole report) and its part
        assert line.strip().startswith(("p. ±", "hele verslag")), line
    assert any(x.strip().startswith("spreektaal in Uitgangspunten: 'goesting' → zin p. ±3") for x in lines)
    assert lines[-1].strip().startswith("Oordeel: Nog niet in orde")
    assert "SV900" in broken and "Onleesbaar" in broken
    assert summary == "3 verslagen: 1 in orde, 0 met waarschuwingen, 1 met fouten, 1 onleesbaar."
    assert "\033[" not in out
    colored = render(reports, "text", profile, color=True)
    assert "\033[31m" in colored and re.sub(r"\033\[[0-9;]*m", "", colored) == out


def test_text_verbose_shows_every_finding_with_its_explanation(reports, profile):
    from stageverslag.reporters.text import render_text
    out = render_text(reports[1:2], profile, verbose=True)
    assert sum(1 for x in out.splitlines() if "[SV5" in x) == sum(1 for f in reports[1].findings
                                                                   if f.code.startswith("SV5"))
    assert "dat eindigt op d of t volgens 't kofschip" in out


def test_text_groups_repeated_words_and_says_once_that_parts_are_unrecognised(profile):
    from stageverslag.reporters.text import render_text
    found = [Finding("SV101", "section-missing", "error", f"Het onderdeel '{p.title}' ontbreekt.", part=p.id,
                     suggestion=p.title) for p in profile.parts]
    found.append(Finding("SV105", "section-order", "info", "Het hoofdstuk 'Kerntaken' is geen onderdeel.",
                         paragraph=3, quote="Kerntaken"))
    found += [Finding("SV501", "spelling", "warning", "'delaware' staat niet in het woordenboek.", paragraph=n,
                      start=0, end=8, match="delaware", quote="delaware is", page=3 + n // 10,
                      page_method="estimate") for n in (20, 30, 40)]
    r = Report(file="x.docx", stage="final", stats={"pages": 9, "page_method": "estimate", "words": 900,
                                                    "characters": 5000, "length_unit": "words",
                                                    "length_value": 900}, findings=found, notes=[])
    out = render_text([r], profile)
    assert out.count("ontbreekt") == 0 and "niet herkend (7 ontbreken" in out
    assert "Gevonden hoofdstukken: 'Kerntaken'" in out
    assert "'delaware' (3×, eerste keer p. ±5)" in out
    assert "alinea" not in out


def test_json_is_exactly_the_contract(reports, profile):
    data = json.loads(render(reports, "json", profile))
    assert list(data) == ["reports"] and len(data["reports"]) == 3
    for r, original in zip(data["reports"], reports):
        assert list(r) == ["file", "stage", "stats", "findings", "notes"]
        assert r == original.to_dict()
    f = data["reports"][2]["findings"][0]
    assert f == {"code": "SV900", "category": "input", "severity": "error",
                 "message": "kapot.docx: dit is geen Word-bestand."}


def test_csv_one_row_per_report_one_column_per_category(reports, profile):
    text = render(reports, "csv", profile)
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert len(rows) == 3
    assert list(rows[0])[-1] == "oordeel" and all(c in rows[0] for c in CATEGORIES)
    good, faulty, broken = rows
    assert good["paginas"] == "18" and good["oordeel"] == "in orde"
    assert [good[c] for c in CATEGORIES] == [""] * len(CATEGORIES)
    assert faulty["section-order"] == "fout (1)" and faulty["toc"] == "fout (1)"
    assert faulty["oordeel"] == "niet in orde"
    assert broken["input"] == "fout (1)" and broken["oordeel"] == "onleesbaar" and broken["woorden"] == ""


def test_html_stands_alone_and_escapes_everything(profile):
    nasty = Report(file='<script>alert("x")</script>.docx', stage="final",
                   stats={"pages": 3, "page_method": "estimate", "words": 10, "characters": 50},
                   findings=[Finding("SV101", "section-missing", "error", "Titel <b>Inleiding</b> & meer",
                                     part="inleiding")], notes=["<i>noot</i>"])
    page = render([nasty], "html", profile)
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert "<script" not in page and "&lt;script&gt;" in page
    assert "&lt;b&gt;Inleiding&lt;/b&gt; &amp; meer" in page and "&lt;i&gt;noot&lt;/i&gt;" in page
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", page) and "<link" not in page
    assert "niet in orde" in page and "[Inleiding]" in page


def test_html_table_has_a_row_per_report(reports, profile):
    page = render(reports, "html", profile)
    body = page.split("<tbody>")[1].split("</tbody>")[0]
    assert body.count("<tr>") == 3
    assert body.count("<td") == 3 * (4 + len(CATEGORIES) + 1)
