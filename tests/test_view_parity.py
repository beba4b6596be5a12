"""The TUI's check screen and `stageverslag check` show a project's findings through one view model
(stageverslag.reporters.view.finding_lines): the same words, in the same order, with the same verdict."""

from __future__ import annotations

import datetime as dt
import shutil

from lintkit import EXAMPLES
from stageverslag.cli import main
from stageverslag.findings import SEVERITY_LABELS
from stageverslag.project import load_project
from stageverslag.rules import CheckOptions
from stageverslag.service import check_project
from stageverslag.tui.screens.checking import render_report

TODAY = "2027-03-01"


def test_tui_check_screen_and_check_print_the_same_findings(tmp_path, capsys):
    root = tmp_path / "project-met-fouten"
    shutil.copytree(EXAMPLES / "project-met-fouten", root)
    code = main(["check", "--project", str(root), "--stage", "final", "--pages", "estimate", "--today", TODAY,
                 "--verbose", "--no-color"])
    out = capsys.readouterr().out
    assert code == 1
    labels = tuple(f"    {label:<12} " for label in SEVERITY_LABELS.values())
    cli_lines = [line.strip() for line in out.splitlines() if line.startswith(labels)]

    project = load_project(root)
    report = check_project(project, CheckOptions(stage="final", pages="estimate",
                                                 today=dt.date.fromisoformat(TODAY)))
    summary, items = render_report("Controle van je project", report, project.profile)
    tui_lines = [line.plain.strip() for line, _ in items]

    assert len(tui_lines) >= 10 and tui_lines == cli_lines
    assert [f.severity for _, f in items] == sorted((f.severity for _, f in items),
                                                    key=["error", "warning", "info"].index)
    verdict = next(line.strip() for line in out.splitlines() if line.strip().startswith("Oordeel:"))
    assert verdict in summary.plain and verdict.startswith("Oordeel: Nog niet in orde")
