"""Rule SV401: a check run after the deadline says so (midterm upload or final report), with a project."""

from __future__ import annotations

import datetime as dt

import pytest

from lintkit import EXAMPLES, run_rule, write_report
from stageverslag.project import load_project

DAY = dt.timedelta(days=1)


@pytest.fixture(scope="module")
def project():
    return load_project(EXAMPLES / "voorbeeldproject")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return write_report(tmp_path_factory.mktemp("d") / "v.docx")


@pytest.mark.parametrize("stage", ["midterm", "final"])
def test_after_the_deadline(project, report, stage):
    s = project.schedule()
    deadline = s.midterm_deadline if stage == "midterm" else s.final_deadline
    [f] = run_rule("SV401", report, project=project, stage=stage, today=deadline + 2 * DAY)
    assert (f.category, f.severity) == ("deadline", "warning")
    assert "2 dagen geleden" in f.message and str(deadline.year) in f.message
    assert ("gedeeld door 2" in f.message) == (stage == "final")


def test_deadline_close_is_info(project, report):
    deadline = project.schedule().final_deadline
    [f] = run_rule("SV401", report, project=project, today=deadline - 3 * DAY)
    assert f.severity == "info" and "over 3 dagen" in f.message
    [f] = run_rule("SV401", report, project=project, today=deadline)
    assert "vandaag" in f.message


def test_well_before_the_deadline_or_without_project(project, report):
    deadline = project.schedule().final_deadline
    assert run_rule("SV401", report, project=project, today=deadline - 30 * DAY) == []
    assert run_rule("SV401", report, today=deadline + 30 * DAY) == []
