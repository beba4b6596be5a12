"""Our own Dutch is checked by our own language engine: the profile's guiding questions and tips, and every
Jinja2 template a student reads, give no dt, spreektaal or style findings."""

from pathlib import Path

import pytest

from stageverslag.language import check_text
from stageverslag.profile import load_profile

ROOT = Path(__file__).resolve().parents[1]


def profile_texts():
    p = load_profile()
    for part in p.parts:
        yield from part.questions
        if part.hint:
            yield part.hint
        for sub in part.subsections:
            yield from sub.questions
    for action in p.actions:
        yield action.title
        yield action.detail
    for c in p.criteria:
        yield c.text
    yield p.calendar.late_penalty
    yield p.limits.length_note


@pytest.mark.parametrize("text", list(profile_texts()))
def test_profile_texts_are_correct_dutch(text):
    issues = [i for i in check_text(text) if i.category in ("dt", "spreektaal")]
    assert issues == [], [(i.category, text[i.start:i.end], i.suggestion) for i in issues]


@pytest.mark.parametrize("template", sorted(p.relative_to(ROOT) for p in (ROOT / "templates").rglob("*.j2")),
                         ids=str)
def test_templates_have_no_dt_errors(template):
    text = (ROOT / template).read_text(encoding="utf-8")
    issues = [i for i in check_text(text) if i.category == "dt"]
    assert issues == [], [(text[i.start:i.end], i.suggestion) for i in issues]


@pytest.mark.parametrize("part", load_profile().parts, ids=lambda p: p.id)
def test_rendered_skeleton_text_is_correct_dutch(part):
    from stageverslag.templating import render
    text = render("docx/skelet.j2", part=part, window="week 3 tot 5", dates="22 februari 2027 – 12 maart 2027")
    issues = [i for i in check_text(text) if i.category in ("dt", "spreektaal")]
    assert issues == [], [(text[i.start:i.end], i.suggestion) for i in issues]
