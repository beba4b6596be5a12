"""Reporters: text (grouped per part, verdict, colour on request), JSON (the contract), CSV and HTML for
coaches (one row per report, one column per category, a verdict; HTML self-contained and escaped)."""

from __future__ import annotations

import base64
import csv
import hashlib
import html
import io
import json
import re

import pytest

from lintkit import EXAMPLES, write_report
from stageverslag.findings import CATEGORIES, Finding
from stageverslag.commands import render
from stageverslag.linter import Report, check_file, input_report
from stageverslag.profile import load_profile
from stageverslag.reporters.overview import GROUPS
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
    errors = lines.index(f"  Fouten ({reports[1].errors})")
    warnings = next(i for i, x in enumerate(lines) if "Waarschuwingen" in x)
    assert errors < warnings
    order = next(x for x in lines[errors:warnings] if "SV102" in x)
    assert order.strip().startswith("p. ±10 · Leerervaringen deel 2:") and "Het hoort vóór 'Conclusie'." in order
    dt = next(x for x in lines[errors:warnings] if "verhuisd" in x)
    if dt.strip().startswith("dt in"):  # a long report folds its dt errors per part: each word with its page
        assert dt.strip().startswith("dt in Uitgangspunten: 'verhuist' → verhuisd p. ±3")
    else:  # one line per error: page, part › sub-heading, a quote, the instruction
        assert dt.strip().startswith("p. ±3 · Uitgangspunten › Het bedrijf en mijn plaats erin · \"")
        assert "Willebroek verhuist" in dt and "Schrijf 'verhuisd' in plaats van 'verhuist'." in dt
    for line in lines[errors + 1:warnings]:  # every error names its page (or the whole report) and its part
        assert line.strip().startswith(("p. ±", "hele verslag", "dt in")), line
    assert any(x.strip().startswith(("spreektaal in Uitgangspunten: 'goesting' → zin p. ±3",
                                     "spreektaal: 'goesting' → zin (Uitgangspunten p. ±3)")) for x in lines)
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
    assert out.count("ontbreekt") == 0 and "niet herkend: 7 fouten, één per ontbrekend onderdeel (" in out
    assert "Gevonden hoofdstukken (1 info-opmerking): 'Kerntaken'" in out  # the verdict counts them too
    assert "Fouten (" not in out
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


def _csv(text):
    assert text.startswith("\ufeff")  # UTF-8 with a byte-order mark: Excel reads the accents right
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


def test_csv_one_row_per_student_dutch_columns_and_group_verdicts(reports, profile):
    text = render(reports, "csv", profile)
    assert text.splitlines()[0].lstrip("\ufeff").split(";")[:9] == [
        "student", "bestand", "fase", "laat", "oordeel", "fouten", "waarschuwingen", "pagina's", "woorden"]
    rows = _csv(text)
    assert len(rows) == 3
    assert not any(c in rows[0] for c in CATEGORIES if c != "spelling")  # Dutch words, not category ids
    good, faulty, broken = rows
    assert (good["student"], good["bestand"], good["laat"], good["fase"]) == ("goed", "goed.docx", "", "eindversie")
    errors = sum(1 for f in reports[0].findings if f.severity == "error")
    assert good["pagina's"] == "18" and good["fouten"] == str(errors)
    assert good["oordeel"] == ("niet in orde" if errors else "in orde")
    groups = [g for g, _ in GROUPS]
    structure = ["onderdelen", "omvang", "titelpagina", "inhoudsopgave", "kop- en voettekst", "koppen", "termijn"]
    assert [good[g] for g in structure] == ["ok"] * len(structure)
    assert faulty["oordeel"] == "niet in orde" and int(faulty["fouten"]) == sum(
        1 for f in reports[1].findings if f.severity == "error")
    order = [f for f in reports[1].findings if f.category in ("section-missing", "section-order", "section-empty")]
    first = ([f for f in order if f.severity == "error"] + [f for f in order if f.severity == "warning"])[0]
    assert faulty["onderdelen"].startswith(f"{sum(1 for f in order if f.severity != 'info')}: ")
    assert faulty["onderdelen"][faulty["onderdelen"].index(": ") + 2:].rstrip("…") in first.message
    assert broken["oordeel"] == "onleesbaar" and broken["woorden"] == broken["fouten"] == ""
    assert [broken[g] for g in groups] == [""] * len(groups)
    assert broken["toelichting"] == "dit is geen Word-bestand."


@pytest.mark.parametrize("name", ['=HYPERLINK("http:\\\\x","klik").docx', "@SUM(1+1).docx", "+31 verslag.docx",
                                  "-2.docx", "\tverslag.docx", "\rverslag.docx"])
def test_csv_never_lets_a_file_name_run_as_a_formula(name, profile):
    report = input_report(name, f"{name}: dit is geen Word-bestand.", "final")
    row = _csv(render([report], "csv", profile))[0]
    assert row["student"] == "'" + name.rsplit(".", 1)[0] and row["bestand"] == "'" + name


def test_csv_and_html_say_the_same_facts(reports, profile):
    rows = _csv(render(reports, "csv", profile))
    page = render(reports, "html", profile)
    body = page.split("<tbody>")[1].split("</tbody>")[0]
    assert body.count('<tr class="v-') == 3
    for row in rows:
        assert f'data-oordeel="{row["oordeel"]}"' in body and f"<summary>{row['student']}</summary>" in body
        for col in ("fouten", "waarschuwingen", "pagina's", "woorden"):
            if row[col]:
                assert f'data-v="{row[col]}">{row[col]}</td>' in body
        for group, _ in GROUPS:
            if row[group] and row[group] != "ok":
                assert f'title="{html.escape(row[group])}"' in body
    verdicts = [row["oordeel"] for row in rows]
    assert (f'id="samenvatting">3 verslagen: {verdicts.count("in orde")} in orde, '
            f'{verdicts.count("niet in orde")} niet in orde, 1 onleesbaar</p>') in page


def test_html_stands_alone_and_escapes_everything(profile):
    nasty = Report(file='<script>alert("x")</script>.docx', stage="final",
                   stats={"pages": 3, "page_method": "estimate", "words": 10, "characters": 50},
                   findings=[Finding("SV101", "section-missing", "error", "Titel <b>Inleiding</b> & meer",
                                     part="inleiding")], notes=["<i>noot</i>"])
    page = render([nasty], "html", profile)
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "&lt;b&gt;Inleiding&lt;/b&gt; &amp; meer" in page and "&lt;i&gt;noot&lt;/i&gt;" in page
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", page) and "<link" not in page
    assert "niet in orde" in page and "SV101 Inleiding: Titel" in page  # the finding names its part
    # one script and one style, ours, allowed by hash; nothing else may run or load
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page).group(1)
    csp = html.unescape(csp)
    assert csp.startswith("default-src 'none';") and "form-action 'none'" in csp and "base-uri 'none'" in csp
    script = re.findall(r"<script>(.*?)</script>", page, re.S)
    style = re.findall(r"<style>(.*?)</style>", page, re.S)
    assert len(script) == 1 and len(style) == 1
    digest = lambda text: "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"
    assert f"script-src {digest(script[0])};" in csp and f"style-src {digest(style[0])};" in csp
    assert page.index("Content-Security-Policy") < page.index("<style>")
    assert not re.search(r"\son[a-z]+=", page) and " style=" not in page  # no inline handlers or styles


def test_html_summary_on_top_verdict_and_student_first(reports, profile):
    page = render(reports, "html", profile)
    assert page.index('id="samenvatting"') < page.index("<table")
    headers = re.findall(r'<th scope="col" title="([^"]+)">', page)
    assert headers[:2] == ["oordeel", "student"] and "fase" not in headers  # one stage: said above the table
    assert "eindversie" in page.split("<table")[0]
    assert page.count("<details>") == 3


def test_finding_pages_stay_within_a_trusted_page_count():
    from stageverslag.reporters.view import _scaled
    assert _scaled([1, 2, 10, 21, None], 18) == [1, 2, 9, 18, None]  # estimated 21 pages, Word or LibreOffice 18
    assert _scaled([1, 3, 5], None) == [1, 3, 5] and _scaled([1, 3, 5], 5) == [1, 3, 5]
    assert _scaled([1, 1], 3) == [1, 1]  # a one-page estimate cannot be stretched


@pytest.mark.libreoffice
def test_a_finding_counts_its_page_from_where_libreoffice_put_its_heading(tmp_path):
    import docx
    from docx.enum.text import WD_BREAK
    d = docx.Document()
    for n, title in enumerate(("Eerste hoofdstuk", "Tweede hoofdstuk", "Derde hoofdstuk")):
        d.add_heading(title, level=1)
        p = d.add_paragraph("Dit is een gewone zin over de stage. " * 3 + ("Hij vind dat goed." if n == 2 else ""))
        if n < 2:
            p.add_run().add_break(WD_BREAK.PAGE)
    src = tmp_path / "drie.docx"
    d.save(src)
    report = check_file(src, options=CheckOptions(pages="render"))
    assert report.stats["page_method"] == "render" and report.stats["pages"] == 3
    dt = next(f for f in report.findings if f.code == "SV502")
    assert (dt.page, dt.page_method, dt.match) == (3, "render", "vind")
