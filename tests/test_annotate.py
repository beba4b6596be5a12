"""The commented copy (``check --annotate``): every located finding becomes a Word comment on exactly its words,
findings about the whole report go on the title, a summary opens the list; the original is untouched and the
copy's text is the original's. Read back with python-docx and lxml; converted by LibreOffice."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from lintkit import CORPUS, EXAMPLES, sha256
from stageverslag.annotate import AUTHOR, INITIALS, annotated_name, write_annotated
from stageverslag.cli import main
from stageverslag.linter import check_file
from stageverslag.rules import CheckOptions

FAULTY = EXAMPLES / "project-met-fouten" / "stageverslag-met-fouten.docx"
REAL = ["nl_stageverslag_multimove.docx", "nl_stageverslag_lyvavandamme.docx", "nl_eindverslag_sentimentanalysis.docx"]


def comment_ranges(path: Path) -> tuple[docx.document.Document, dict[int, str], dict[int, int]]:
    """The copy, the text each comment covers (by comment id), and the body paragraph of its start."""
    d = docx.Document(str(path))
    open_: dict[str, list[str]] = {}
    covered: dict[int, str] = {}
    where: dict[int, int] = {}
    body = [p._p for p in d.paragraphs]  # kept alive: lxml returns these same proxies while they live
    paragraphs = {id(el): n for n, el in enumerate(body)}
    for el in d.element.body.iter():
        tag = el.tag
        if tag == qn("w:commentRangeStart"):
            open_[el.get(qn("w:id"))] = []
            p = el
            while p is not None and id(p) not in paragraphs:
                p = p.getparent()
            where[int(el.get(qn("w:id")))] = paragraphs.get(id(p)) if p is not None else None
        elif tag == qn("w:commentRangeEnd"):
            covered[int(el.get(qn("w:id")))] = "".join(open_.pop(el.get(qn("w:id")), []))
        else:
            piece = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}.get(tag, "")
            if tag == qn("w:br") and (el.get(qn("w:type")) or "textWrapping") == "textWrapping":
                piece = "\n"
            if piece is None:
                piece = el.text or ""
            for k in open_:
                open_[k].append(piece)
    return d, covered, where


def assert_annotated(src: Path, out_dir: Path):
    before = sha256(src)
    report = check_file(src, options=CheckOptions(pages="estimate"))
    result = write_annotated(src, report, out_dir)
    assert sha256(src) == before  # the original is only read
    assert result.path == out_dir / annotated_name(src) and result.path.name.endswith("-nagekeken.docx")
    copy, covered, where = comment_ranges(result.path)
    original = docx.Document(str(src))
    assert [p.text for p in copy.paragraphs] == [p.text for p in original.paragraphs]
    comments = list(copy.comments)
    assert all(c.author == AUTHOR and c.initials == INITIALS for c in comments)
    assert len(comments) == result.comments + 1  # one per placed finding and the summary
    assert comments[0].text.startswith("stageverslag: ")  # the summary opens the list
    by_text = Counter()
    for c in comments[1:]:
        by_text[(covered[c.comment_id], where[c.comment_id], c.text.split("\n")[0])] += 1
    # body paragraphs by index; tables, text boxes and content controls by their place (``location``)
    located = [f for f in report.findings if f.match and (f.paragraph is not None or f.location)]
    assert result.at_words == len(located) and not result.not_placed
    for f in located:  # each on exactly its words, in its paragraph, saying the finding's message
        key = (f.match, f.paragraph, f.message)
        assert by_text[key] > 0, key
        by_text[key] -= 1
    title = where[comments[0].comment_id]
    whole = [f for f in report.findings if f.paragraph is None and f.start is None and not f.location]
    assert result.on_title == len(whole)
    assert sum(1 for c in comments[1:] if where[c.comment_id] == title and c.text.split("\n")[0] in
               {f.message for f in whole}) >= len(whole)
    return report, result


def test_example_with_mistakes_gets_a_comment_on_every_mistake(tmp_path):
    report, result = assert_annotated(FAULTY, tmp_path / "nagekeken")
    assert result.at_words >= 30 and not result.not_placed
    copy, covered, _ = comment_ranges(result.path)
    texts = {c.text for c in copy.comments}
    assert any(t.startswith("Schrijf 'verhuisd' in plaats van 'verhuist'.") and t.endswith("(fout, SV502)")
               for t in texts)
    goesting = next(c for c in copy.comments if c.text.startswith("Spreektaal: 'goesting'"))
    assert covered[goesting.comment_id] == "goesting" and "Voorstel" not in goesting.text  # 'zin' is in the text
    kei = next(c for c in copy.comments if c.text.startswith("Spreektaal: 'keigoed'"))
    assert covered[kei.comment_id] == "keigoed" and "\nVoorstel: zeer goed\n" in kei.text
    assert any(t.startswith("Het verslag heeft geen inhoudsopgave.") for t in texts)


@pytest.mark.corpus
@pytest.mark.parametrize("name", REAL)
def test_real_reports_get_comments_at_the_right_words(tmp_path, name):
    assert_annotated(CORPUS / name, tmp_path)


def test_runs_are_split_at_the_words_and_keep_their_formatting(tmp_path):
    d = docx.Document()
    d.add_paragraph("Stageverslag", style="Title")
    p = d.add_paragraph("Ik ")
    p.add_run("vin").bold = True  # the mistake spans two runs with different formatting
    p.add_run("d het een goede dag, ")
    p.add_run("zegt").italic = True
    p.add_run(" Ilse.")
    src = tmp_path / "kort.docx"
    d.save(src)
    from stageverslag.findings import Finding
    from stageverslag.linter import Report
    text = docx.Document(src).paragraphs[1].text
    start = text.index("vind")
    report = Report(file=str(src), stage="final", stats={}, findings=[
        Finding("SV502", "dt", "error", "Schrijf 'vind' niet zo.", paragraph=1, start=start, end=start + 4),
        Finding("SV503", "spreektaal", "warning", "Over 'een goede'.", paragraph=1, start=text.index("een g"),
                end=text.index("een g") + 9, suggestion="fijne")])
    result = write_annotated(src, report, tmp_path / "uit")
    copy, covered, where = comment_ranges(result.path)
    assert copy.paragraphs[1].text == text
    ids = {c.text.split("\n")[0]: c.comment_id for c in copy.comments}
    assert covered[ids["Schrijf 'vind' niet zo."]] == "vind" and covered[ids["Over 'een goede'."]] == "een goede"
    assert "Voorstel: fijne" in [c for c in copy.comments if c.comment_id == ids["Over 'een goede'."]][0].text
    runs = [(r.text, r.bold, r.italic) for r in copy.paragraphs[1].runs if r.text]
    assert ("vin", True, None) in runs and ("zegt", None, True) in runs
    assert where[ids["Schrijf 'vind' niet zo."]] == 1 and where[copy.comments.get(0).comment_id] == 0


def test_check_annotate_writes_the_copy_and_leaves_the_original(tmp_path, capsys):
    src = tmp_path / "verslag.docx"
    src.write_bytes(FAULTY.read_bytes())
    before = sha256(src)
    code = main(["check", str(src), "--pages", "estimate", "--annotate", str(tmp_path / "nagekeken")])
    assert code == 1
    copy = tmp_path / "nagekeken" / "verslag-nagekeken.docx"
    assert copy.is_file() and sha256(src) == before
    assert len(docx.Document(str(copy)).comments) > 30
    assert f"Kopie met de opmerkingen in Word: {copy}" in capsys.readouterr().out


@pytest.mark.libreoffice
def test_libreoffice_converts_the_commented_copy(tmp_path):
    from stageverslag.libreoffice import convert
    report = check_file(FAULTY, options=CheckOptions(pages="estimate"))
    result = write_annotated(FAULTY, report, tmp_path)
    pdf = convert(result.path, "pdf", outdir=tmp_path / "pdf")
    assert pdf.stat().st_size > 10_000


def test_argparse_speaks_dutch(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", "--format", "xml"])
    err = capsys.readouterr().err
    assert exc.value.code == 2
    assert err.startswith("gebruik: stageverslag check")
    assert "fout: optie --format: ongeldige keuze: 'xml' (kies uit 'text', 'json', 'csv', 'html')" in err
    with pytest.raises(SystemExit):
        main(["check", "--jobs", "veel"])
    assert "ongeldige waarde: 'veel' (verwacht een getal)" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = capsys.readouterr().out
    assert "gebruik:" in out and "opties:" in out and "usage" not in out and "--annotate MAP" in out
    assert "choose from" not in out


def test_a_finding_in_a_table_cell_is_placed_on_its_words(tmp_path):
    d = docx.Document()
    d.add_paragraph("Stageverslag", style="Title")
    d.add_paragraph("Mijn taken staan in de tabel.")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Taak"
    table.cell(1, 1).paragraphs[0].add_run("Ik ")
    table.cell(1, 1).paragraphs[0].add_run("planning")
    table.cell(1, 1).add_paragraph("Hij vind de planing goed.")
    src = tmp_path / "tabel.docx"
    d.save(src)
    from stageverslag.findings import Finding
    from stageverslag.linter import Report
    text = "Hij vind de planing goed."
    report = Report(file=str(src), stage="final", stats={}, findings=[Finding(
        "SV501", "spelling", "warning", "'planing' staat niet in het woordenboek.", start=text.index("planing"),
        end=text.index("planing") + 7, location={"in": "table", "table": 1, "row": 2, "cell": 2})])
    result = write_annotated(src, report, tmp_path / "uit")
    copy, covered, where = comment_ranges(result.path)
    finding = next(c for c in copy.comments if c.text.startswith("'planing'"))
    assert covered[finding.comment_id] == "planing" and where[finding.comment_id] is None  # in the cell
    assert copy.tables[0].cell(1, 1).paragraphs[1].text == text and result.at_words == 1



def test_annotate_without_a_docx_says_what_to_give(tmp_path, capsys):
    root = tmp_path / "p"
    assert main(["init", str(root), "--student", "An", "--traject", "HR", "--bedrijf", "X",
                 "--start", "8/2/2027"]) == 0
    capsys.readouterr()
    assert main(["check", "--project", str(root), "--annotate", str(tmp_path / "n")]) == 2
    err = capsys.readouterr().err
    assert "geef het .docx mee" in err and "stageverslag build" in err and not (tmp_path / "n").exists()
