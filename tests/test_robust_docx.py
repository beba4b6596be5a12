"""Documents with absurd but well-formed content (issue 16): every number is clamped to what Word accepts,
structural oddities Word repairs are read the way Word reads them, text over sane limits is cut with a note,
the page estimate has a work budget, and a bug in stageverslag is reported as ours (exit status 3), never as
an unreadable file. Each case is a minimal file built here."""

from __future__ import annotations

import json

import pytest

from fixtures.docx_factory import make_body_docx, patch_parts
from robust_kit import assert_clean, run_cli
from stageverslag.cli import main
from stageverslag.document import pages as pages_mod
from stageverslag.document import reader
from stageverslag.document.pages import count_pages, estimate_pages
from stageverslag.document.reader import read_docx
from stageverslag.linter import check_document

BIG = "9" * 400


def para(text: str = "Een gewone zin in het verslag.", ppr: str = "", rpr: str = "") -> str:
    return f"<w:p><w:pPr>{ppr}</w:pPr><w:r><w:rPr>{rpr}</w:rPr><w:t>{text}</w:t></w:r></w:p>"


def check_json(capsys, path, *extra) -> tuple[int, dict]:
    code = main(["check", "--format", "json", "--pages", "estimate", "--jobs", "1", *extra, str(path)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, json.loads(out)


# ---------------------------------------------------------------------------------------------- numbers

@pytest.mark.parametrize("ppr,rpr", [
    ('<w:spacing w:line="100000000000000000000" w:lineRule="auto"/>', ""),
    ('<w:spacing w:line="100000000000000000000" w:lineRule="exact"/>', ""),
    ('<w:spacing w:before="100000000000000000000" w:after="-5"/>', ""),
    ("", '<w:sz w:val="1000000000000"/>'),
    ("", f'<w:sz w:val="{BIG}"/>'),
    (f'<w:spacing w:line="{BIG}" w:before="{BIG}"/>', f'<w:sz w:val="-{BIG}"/>'),
])
def test_absurd_spacing_and_size_are_clamped(tmp_path, ppr, rpr):
    path = make_body_docx(tmp_path / "absurd.docx", para(ppr=ppr, rpr=rpr) * 50)
    doc = read_docx(path)
    p = doc.paragraphs[0]
    assert p.font_size is None or 1.0 <= p.font_size <= reader.MAX_FONT_PT
    assert p.line_spacing is None or p.line_spacing <= reader.MAX_LINES
    assert p.line_height_pt is None or p.line_height_pt <= reader.MAX_SPACE_PT
    assert p.space_before_pt is None or 0 <= p.space_before_pt <= reader.MAX_SPACE_PT
    # at most a page or two per character (a 1638 pt letter fills a page): bounded by the text, not the numbers
    assert 1 <= estimate_pages(doc) <= 2 * len(doc.text())


def test_absurd_page_setup_and_picture_extents(tmp_path):
    sect = (f'<w:sectPr><w:pgSz w:w="{BIG}" w:h="1"/><w:pgMar w:top="-{BIG}" w:right="0" w:bottom="{BIG}" '
            f'w:left="1e5"/><w:pgNumType w:start="{BIG}"/></w:sectPr>')
    drawing = (f'<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
               f'wordprocessingDrawing"><wp:extent cx="{BIG}" cy="{BIG}"/></wp:inline></w:drawing></w:r>')
    body = para() + f"<w:p>{drawing}</w:p>" + f'<w:p><w:pPr>{sect}</w:pPr></w:p>' + para()
    doc = read_docx(make_body_docx(tmp_path / "pagina.docx", body))
    s = doc.sections[0]
    assert reader.MIN_PAGE_CM <= s.page_width_cm <= reader.MAX_PAGE_CM
    assert reader.MIN_PAGE_CM <= s.page_height_cm <= reader.MAX_PAGE_CM
    assert s.page_number_start is None
    assert 0 <= doc.paragraphs[1].image_height_cm <= reader.MAX_PICTURE_CM
    assert estimate_pages(doc) < 100


def test_400_digit_numbers_in_app_xml_are_ignored(tmp_path, capsys):
    path = make_body_docx(tmp_path / "app.docx", para() * 3)
    patch_parts(path, {"docProps/app.xml": lambda _: (
        '<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/'
        f'officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application><Pages>{BIG}'
        f'</Pages><Words>{BIG}</Words></Properties>').encode()})
    doc = read_docx(path)
    assert doc.app.pages is None and doc.app.words is None
    code, data = check_json(capsys, path)
    assert code in (0, 1)


# ---------------------------------------------------------------------------------------------- structure

def test_paragraph_straight_in_a_table_and_a_row_without_cells(tmp_path, capsys):
    body = (para("Voor de tabel.") + "<w:tbl>" + para("Los in de tabel.") + "<w:tr>" + para("Rij zonder cel.")
            + "</w:tr><w:tr><w:tc>" + para("Gewone cel.") + "</w:tc></w:tr></w:tbl>" + para("Na de tabel."))
    path = make_body_docx(tmp_path / "tabel.docx", body)
    doc = read_docx(path)
    texts = {p.text: p for p in doc.paragraphs}
    assert {"Los in de tabel.", "Rij zonder cel.", "Gewone cel."} <= set(texts)
    assert all(texts[t].table_cell is not None and min(texts[t].table_cell) >= 0
               for t in ("Los in de tabel.", "Rij zonder cel.", "Gewone cel."))
    assert estimate_pages(doc) == 1
    code, data = check_json(capsys, path)
    assert code in (0, 1)
    [report] = data["reports"]
    assert not [f for f in report["findings"] if f["code"] == "SV900"]


def test_relationship_targets_outside_the_package_are_not_read(tmp_path):
    path = make_body_docx(tmp_path / "rels.docx", para() * 2)
    rel = ('<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
           'header" Target="../../../../etc/passwd"/>')
    patch_parts(path, {"word/_rels/document.xml.rels": lambda b: b.replace(b"</Relationships>",
                                                                           rel.encode() + b"</Relationships>")})
    doc = read_docx(path)
    assert "root:" not in doc.text()


def test_thousands_of_sections_are_cut_with_a_note(tmp_path):
    sect = '<w:p><w:pPr><w:sectPr><w:type w:val="continuous"/></w:sectPr></w:pPr><w:r><w:t>s</w:t></w:r></w:p>'
    doc = read_docx(make_body_docx(tmp_path / "secties.docx", sect * (reader.MAX_SECTIONS + 100)))
    assert len(doc.sections) == reader.MAX_SECTIONS
    assert any("secties" in n for n in doc.notes)
    assert estimate_pages(doc) >= 1


def test_huge_paragraph_is_cut_with_a_note(tmp_path):
    run = "<w:r><w:t>" + "woord " * 5000 + "</w:t></w:r>"
    doc = read_docx(make_body_docx(tmp_path / "lang.docx", "<w:p>" + run * 10 + "</w:p>" + para()))
    assert len(doc.paragraphs[0].text) == reader.MAX_PARAGRAPH_CHARS
    assert any("alinea is langer" in n for n in doc.notes)


def test_too_many_paragraphs_are_cut_with_a_note(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "MAX_PARAGRAPHS", 50)
    doc = read_docx(make_body_docx(tmp_path / "veel.docx", para() * 80))
    assert len(doc.paragraphs) == 50 and any("alinea's" in n for n in doc.notes)


def test_page_estimate_over_its_work_budget_still_answers_with_a_note(tmp_path, monkeypatch):
    doc = read_docx(make_body_docx(tmp_path / "budget.docx", para("Een zin. " * 40) * 60))
    full = estimate_pages(doc)
    monkeypatch.setattr(pages_mod, "MAX_BLOCKS", 20)
    count = count_pages(doc, "estimate")
    assert count.pages >= 1 and abs(count.pages - full) <= max(2, full // 2)
    assert count.note and "naar verhouding" in count.note


# ---------------------------------------------------------------------------------------------- internal errors

def test_reader_bug_is_reported_as_internal_not_as_an_unreadable_file(tmp_path, capsys, monkeypatch):
    path = make_body_docx(tmp_path / "goed.docx", para() * 3)

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")
    monkeypatch.setattr(reader._Reader, "sections", broken)
    code, data = check_json(capsys, path)
    assert code == 3
    [report] = data["reports"]
    assert not [f for f in report["findings"] if f["code"] == "SV900"]
    assert any(n.startswith("INTERNE FOUT") and "niet de schuld van het bestand" in n for n in report["notes"])
    assert report["internal_errors"] and "ZeroDivisionError" in report["internal_errors"][0]
    assert report["stats"]["words"]  # what could be read was checked


def test_reader_crash_before_anything_was_read(tmp_path, capsys, monkeypatch):
    path = make_body_docx(tmp_path / "goed.docx", para() * 3)
    import stageverslag.document.reader as r

    def broken(path):
        raise OverflowError("int too large to convert to float")
    monkeypatch.setattr(r, "read_docx", broken)
    code, data = check_json(capsys, path)
    assert code == 3
    [report] = data["reports"]
    assert report["findings"] == [] and "OverflowError" in report["internal_errors"][0]
    assert "kon niet gelezen worden" not in json.dumps(report)


def test_rule_bug_keeps_the_other_findings_and_exits_3(tmp_path):
    import dataclasses
    from stageverslag.linter import exit_status
    from stageverslag.profile import load_profile
    from stageverslag.rules import CheckOptions, load_rules
    doc = read_docx(make_body_docx(tmp_path / "goed.docx", para() * 3))
    rules = load_rules()
    structural = [r for r in rules if not r.language]

    def boom(ctx):
        raise KeyError("kapot")
    broken = dataclasses.replace(structural[0], check=boom)
    report = check_document(doc, load_profile(), CheckOptions(stage="final", pages="estimate"),
                            rules=[broken] + structural[1:])
    assert report.internal_errors and "KeyError" in report.internal_errors[0]
    assert any(n.startswith("INTERNE FOUT") and broken.code in n for n in report.notes)
    assert report.findings  # the other rules ran (a three-sentence report misses its parts)
    assert exit_status([report]) == 3 and report.to_dict()["internal_errors"]


def test_crash_guard_gives_a_dutch_message_a_report_file_and_status_3(tmp_path):
    project_like = tmp_path / "werk"
    project_like.mkdir()
    cache = tmp_path / "cache"
    # an unexpected exception inside a command: a Python file on the path that breaks the check command
    (tmp_path / "sitecustomize.py").write_text(
        "import stageverslag.commands as c\n"
        "def boom(args):\n    raise RuntimeError('geplande test-crash')\n"
        "c.cmd_check = boom\n", encoding="utf-8")
    run = run_cli("check", "iets.docx", cwd=project_like,
                  env={"XDG_CACHE_HOME": str(cache), "PYTHONPATH": f"{tmp_path}:{run_cli.__globals__['REPO']}"})
    assert_clean(run, 3, "interne fout", "crashrapport")
    reports = list((cache / "stageverslag" / "crashes").glob("crash-*.txt"))
    assert len(reports) == 1 and str(reports[0]) in run.stderr
    assert "geplande test-crash" in reports[0].read_text(encoding="utf-8")
    assert "Traceback" not in run.stderr


def test_crash_report_never_goes_outside_the_cache_or_the_project(tmp_path, monkeypatch):
    from stageverslag import crash
    monkeypatch.setenv("XDG_CACHE_HOME", "relatief/pad")  # not absolute: ignored
    monkeypatch.setenv("HOME", str(tmp_path / "thuis"))
    folders = crash.crash_folders(tmp_path / "project")
    assert folders == [tmp_path / "thuis" / ".cache" / "stageverslag" / "crashes",
                       tmp_path / "project" / ".stageverslag" / "crashes"]
    try:
        raise ValueError("x")
    except ValueError as exc:
        path = crash.write_crash_report(exc, ["check"], tmp_path / "project")
    assert path is not None and path.parent == folders[0]


def test_xml_with_too_many_elements_is_refused_before_parsing(tmp_path, capsys, monkeypatch):
    from stageverslag.document import package
    path = make_body_docx(tmp_path / "elementen.docx", para() * 400)
    monkeypatch.setattr(package, "MAX_XML_TAGS", 1000)  # the real limit is a million; the mechanism is the same
    code, data = check_json(capsys, path)
    assert code == 2
    [report] = data["reports"]
    assert "XML-elementen" in report["findings"][0]["message"]
