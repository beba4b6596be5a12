"""The internship calendar for several real calendars (handbook 2021-2022, first semester, E4B split)."""

import datetime as dt

import pytest

from stageverslag.errors import UserError
from stageverslag.profile import load_profile
from stageverslag.schedule import build_schedule, status

D = dt.date


@pytest.fixture(scope="module")
def profile():
    return load_profile()


def test_handbook_2021_2022_dates(profile):
    # §4 and §10: 7 March 2022 to 10 June 2022, report due Monday 13 June 2022
    s = build_schedule(profile, D(2022, 3, 7), D(2022, 4, 6))
    assert s.end == D(2022, 6, 10)
    assert s.weeks == 14
    assert s.final_deadline == D(2022, 6, 13)
    assert s.final_deadline == profile.calendar.example_final_deadline
    assert s.terugkommoment_week == 5
    assert s.midterm_deadline == D(2022, 4, 3)  # three days before the terugkommoment
    assert s.week_of(D(2022, 3, 7)) == 1
    assert s.week_of(D(2022, 6, 10)) == 14
    assert s.week_of(D(2022, 3, 6)) is None
    assert s.notes == ()


def test_part_windows_follow_the_handbook(profile):
    s = build_schedule(profile, D(2022, 3, 7), D(2022, 4, 13))  # terugkommoment in week 6
    w = {p.id: s.window(p) for p in profile.parts}
    assert w["uitgangspunten"] == (1, 2)
    assert w["leerervaringen_1"] == (3, 6)
    assert w["tussentijdse_evaluatie"] == (5, 6)
    assert w["leerervaringen_2"] == (7, 13)
    assert w["inleiding"] == w["conclusie"] == (14, 14)


def test_first_semester_internship(profile):
    s = build_schedule(profile, D(2027, 9, 27), D(2027, 10, 28))
    assert s.end == D(2027, 12, 31)
    assert s.final_deadline == D(2028, 1, 3)
    st = status(s, D(2027, 10, 5))
    assert st.week == 2 and st.phase == "stage"
    assert [p.id for p in st.write_now] == ["uitgangspunten"]
    assert any("eerste semester" in n for n in s.notes)


def test_e4b_two_placements_of_seven_weeks(profile):
    s = build_schedule(profile, D(2027, 2, 8), D(2027, 3, 10), company="Eventbureau A",
                       second_start=D(2027, 4, 12), second_company="Beurs B", split_weeks=(7, 7))
    first, second = s.placements
    assert (first.end, first.first_week, first.last_week) == (D(2027, 3, 26), 1, 7)
    assert (second.start, second.end, second.first_week, second.last_week) == (D(2027, 4, 12), D(2027, 5, 28), 8, 14)
    assert s.final_deadline == D(2027, 5, 31)
    assert s.week_of(D(2027, 4, 14)) == 8
    gap = status(s, D(2027, 4, 6))
    assert gap.phase == "tussen" and gap.week is None
    # in the gap, the first part of the internship is over: its parts are due
    assert {p.id for p in gap.overdue_parts} >= {"uitgangspunten", "leerervaringen_1", "tussentijdse_evaluatie"}


def test_second_placement_must_follow_the_first(profile):
    with pytest.raises(UserError, match="tweede stageplaats"):
        build_schedule(profile, D(2027, 2, 8), None, second_start=D(2027, 3, 1), split_weeks=(7, 7))


def test_start_on_a_weekend_moves_to_monday(profile):
    s = build_schedule(profile, D(2027, 2, 6), D(2027, 3, 10))  # a Saturday
    assert s.start == D(2027, 2, 8)
    assert any("weekend" in n for n in s.notes)
    # a Sunday belongs to the week it closes
    assert s.week_of(D(2027, 2, 28)) == 3


def test_day_of_a_deadline_and_the_day_after(profile):
    s = build_schedule(profile, D(2022, 3, 7), D(2022, 4, 6))
    on = status(s, D(2022, 6, 13))
    final = next(d for d in on.deadlines if d.id == "final")
    assert final.days_left == 0 and final.countdown == "vandaag"
    assert on.penalty is None
    late = status(s, D(2022, 6, 14))
    assert late.penalty and "gedeeld door 2" in late.penalty
    # uploaded in time: no penalty
    assert status(s, D(2022, 6, 14), done_actions={"eindversie_opgeladen"}).penalty is None


def test_midterm_deadline_countdown_and_actions(profile):
    s = build_schedule(profile, D(2022, 3, 7), D(2022, 4, 6))
    st = status(s, D(2022, 4, 1))
    mid = next(d for d in st.deadlines if d.id == "midterm")
    assert mid.days_left == 2 and mid.countdown == "nog 2 dagen"
    actions = {a.id: a for a in st.actions}
    assert actions["feedbackgesprek"].due == D(2022, 3, 30)
    assert actions["feedbackgesprek"].overdue
    assert actions["deel1_opgeladen"].due == D(2022, 4, 3)
    assert not actions["deel1_opgeladen"].overdue
    done = status(s, D(2022, 4, 1), done_actions={"feedbackgesprek"})
    assert not {a.id: a for a in done.actions}["feedbackgesprek"].overdue


def test_terugkommoment_outside_the_internship_is_refused(profile):
    with pytest.raises(UserError, match="buiten je stage"):
        build_schedule(profile, D(2027, 2, 8), D(2027, 6, 1))


def test_end_before_start_is_refused(profile):
    with pytest.raises(UserError, match="vóór de startdatum"):
        build_schedule(profile, D(2027, 2, 8), None, end=D(2027, 1, 8))


def test_unusual_terugkommoment_week_gives_a_note(profile):
    s = build_schedule(profile, D(2027, 2, 8), D(2027, 4, 7))  # week 9
    assert any("week 9" in n for n in s.notes)


def test_missing_terugkommoment_is_estimated(profile):
    s = build_schedule(profile, D(2027, 2, 8))
    assert s.terugkommoment_estimated
    assert s.terugkommoment_week == profile.calendar.terugkommoment_weeks[0]
    assert any("terugkommoment" in n for n in s.notes)


def test_before_and_after_the_internship(profile):
    s = build_schedule(profile, D(2027, 2, 8), D(2027, 3, 10))
    before = status(s, D(2027, 1, 20))
    assert before.phase == "voor" and before.week is None and not before.overdue_parts
    after = status(s, D(2027, 6, 1), words={"inleiding": 300})
    assert after.phase == "na"
    overdue = {p.id for p in after.overdue_parts}
    assert "inleiding" not in overdue and "conclusie" in overdue and "bijlage" not in overdue


def test_midterm_parts_are_late_once_the_upload_date_passed(profile):
    """Issue 12: terugkommoment Wednesday 24/3/2027, so the first part goes on Canvas by Sunday 21/3. On Monday
    22/3 the midterm parts still inside their writing window are late, not "write now"."""
    s = build_schedule(profile, D(2027, 2, 8), D(2027, 3, 24))
    assert s.midterm_deadline == D(2027, 3, 21)
    words = {"uitgangspunten": 700, "leerervaringen_1": 400, "tussentijdse_evaluatie": 0}
    st = status(s, D(2027, 3, 22), words)
    states = {p.id: p.state for p in st.parts}
    assert states["leerervaringen_1"] == states["tussentijdse_evaluatie"] == states["uitgangspunten"] == "laat"
    assert not {p.id for p in st.write_now} & {"leerervaringen_1", "tussentijdse_evaluatie"}
    assert {"leerervaringen_1", "tussentijdse_evaluatie"} <= {p.id for p in st.overdue_parts}
    before = {p.id: p.state for p in status(s, D(2027, 3, 19), words).parts}
    assert before["leerervaringen_1"] == before["tussentijdse_evaluatie"] == "nu"  # the upload is still ahead
    uploaded = status(s, D(2027, 3, 22), words, done_actions={"deel1_opgeladen"})
    assert {p.id: p.state for p in uploaded.parts}["tussentijdse_evaluatie"] == "voorbij"
    done = status(s, D(2027, 3, 22), words, done_parts={"leerervaringen_1"})
    assert {p.id: p.state for p in done.parts}["leerervaringen_1"] == "klaar"


def test_countdown_and_lateness_read_as_dutch():
    from stageverslag.schedule import countdown, lateness
    assert [countdown(d) for d in (2, 1, 0, -1, -24)] == ["nog 2 dagen", "morgen", "vandaag", "gisteren",
                                                          "24 dagen geleden"]
    assert lateness(-1) == "1 dag te laat" and lateness(-24) == "24 dagen te laat"


def test_status_on_22_3_2027_says_the_midterm_parts_are_late(tmp_path, capsys):
    """The issue's scenario through the CLI: terugkommoment 24/3/2027, upload 21/3, today 22/3."""
    from stageverslag.cli import main
    root = tmp_path / "verslag"
    assert main(["init", str(root), "--student", "An", "--traject", "HR", "--bedrijf", "X", "--start", "8/2/2027",
                 "--terugkommoment", "24/3/2027"]) == 0
    out = capsys.readouterr().out
    assert "Volgende stappen (typ deze opdrachten):" in out and "\n  stageverslag status\n" in out
    assert f"  cd {root}\n" in out or "  cd verslag\n" in out
    assert main(["status", "--project", str(root), "--today", "22/3/2027"]) == 0
    out = capsys.readouterr().out
    assert "Te laat (het eerste deel moest op zondag 21 maart 2027 op Canvas staan):" in out
    late = out.split("Te laat")[1].split("\n\n")[0]
    assert "Leerervaringen in het eerste deel van de stage" in late and "Tussentijdse evaluatie" in late
    rows = {line[:50].strip(): line for line in out.splitlines() if "woorden  week" in line}
    assert rows["Tussentijdse evaluatie"].endswith("te laat")
    assert not rows["Leerervaringen in het eerste deel van de stage"].endswith("nu schrijven")
    assert "geleden te laat" not in out and "dagen te laat" in out


def test_next_commands_after_init(tmp_path):
    from stageverslag.commands import next_commands
    assert next_commands(tmp_path, cwd=tmp_path) == ["stageverslag status", "stageverslag"]
    assert next_commands(tmp_path / "mijn verslag", cwd=tmp_path)[0] == 'cd "mijn verslag"'
    assert next_commands(tmp_path / "a", cwd=tmp_path / "b")[0] == f"cd {tmp_path / 'a'}"
