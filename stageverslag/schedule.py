"""The internship calendar: weeks, writing windows, deadlines and actions, from a student's own dates.

Pure functions of (profile, dates, today): the CLI's ``status`` and the TUI's dashboard both call
:func:`build_schedule` and :func:`status`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .dates import format_date, monday_of
from .errors import UserError
from .profile import Anchor, Part, Profile

DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Placement:
    company: str
    start: dt.date
    end: dt.date
    first_week: int
    last_week: int


@dataclass(frozen=True)
class Schedule:
    profile: Profile
    placements: tuple[Placement, ...]
    terugkommoment: dt.date
    terugkommoment_estimated: bool
    midterm_deadline: dt.date
    final_deadline: dt.date
    notes: tuple[str, ...] = ()

    @property
    def start(self) -> dt.date:
        return self.placements[0].start

    @property
    def end(self) -> dt.date:
        return self.placements[-1].end

    @property
    def weeks(self) -> int:
        return self.placements[-1].last_week

    def week_monday(self, week: int) -> dt.date:
        for p in self.placements:
            if p.first_week <= week <= p.last_week:
                return monday_of(p.start) + dt.timedelta(weeks=week - p.first_week)
        raise ValueError(week)

    def week_of(self, day: dt.date) -> int | None:
        """Internship week (1-based) of ``day``; weekends belong to their week; None outside placements."""
        for p in self.placements:
            if monday_of(p.start) <= day <= p.end + dt.timedelta(days=(6 - p.end.weekday())):
                return p.first_week + (monday_of(day) - monday_of(p.start)).days // 7
        return None

    @property
    def terugkommoment_week(self) -> int:
        return self.week_of(self.terugkommoment) or 1

    def resolve_week(self, anchor: Anchor) -> int:
        if anchor.kind == "week":
            w = anchor.value
        elif anchor.kind == "last":
            w = self.weeks
        elif anchor.kind == "tkm":
            w = self.terugkommoment_week + anchor.value
        elif anchor.kind == "midterm":
            w = self.week_of(self.midterm_deadline) or 1
        else:
            w = self.weeks
        return max(1, min(self.weeks, w))

    def resolve_date(self, anchor: Anchor) -> dt.date:
        """The day by which something anchored there must be done."""
        if anchor.kind == "midterm":
            return self.midterm_deadline
        if anchor.kind == "final":
            return self.final_deadline
        if anchor.kind == "tkm":
            return self.terugkommoment + dt.timedelta(weeks=anchor.value)
        return self.week_monday(self.resolve_week(anchor)) + dt.timedelta(days=4)

    def window(self, part: Part) -> tuple[int, int]:
        a, b = (self.resolve_week(x) for x in part.window)
        return (a, b) if a <= b else (b, a)


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The last day of ``days`` working days (Mon-Fri) starting on ``start`` (counted if a weekday)."""
    day, left = start, days
    while True:
        if day.weekday() < 5:
            left -= 1
            if left == 0:
                return day
        day += DAY


def next_weekday_on_or_after(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += DAY
    return day


def build_schedule(profile: Profile, start: dt.date, terugkommoment: dt.date | None = None, *,
                   end: dt.date | None = None, company: str = "",
                   second_start: dt.date | None = None, second_company: str = "",
                   split_weeks: tuple[int, int] | None = None) -> Schedule:
    """Compute the calendar. Raises UserError (Dutch) for impossible dates."""
    cal = profile.calendar
    notes = []
    if start.weekday() >= 5:
        real = next_weekday_on_or_after(start)
        notes.append(f"Je startdatum valt in het weekend; de stage begint op {format_date(real)}.")
        start = real
    if 8 <= start.month <= 12 and cal.first_semester_note:
        notes.append(cal.first_semester_note)
    placements: list[Placement]
    if second_start:
        first_weeks, second_weeks = split_weeks or (cal.weeks // 2, cal.weeks - cal.weeks // 2)
        end1 = add_working_days(start, first_weeks * 5)
        if second_start.weekday() >= 5:
            second_start = next_weekday_on_or_after(second_start)
        if second_start <= end1:
            raise UserError(f"de tweede stageplaats start op {format_date(second_start)}, maar de eerste loopt "
                            f"tot {format_date(end1)}. Kies een startdatum na de eerste stageplaats.")
        end2 = end or add_working_days(second_start, second_weeks * 5)
        if end2 < second_start:
            raise UserError("de einddatum valt vóór de start van de tweede stageplaats.")
        last2 = first_weeks + (monday_of(end2) - monday_of(second_start)).days // 7 + 1
        placements = [Placement(company, start, end1, 1, first_weeks),
                      Placement(second_company, second_start, end2, first_weeks + 1, last2)]
    else:
        end = end or add_working_days(start, cal.working_days)
        if end < start:
            raise UserError(f"de einddatum ({format_date(end)}) valt vóór de startdatum ({format_date(start)}).")
        weeks = (monday_of(end) - monday_of(start)).days // 7 + 1
        placements = [Placement(company, start, end, 1, weeks)]
    last_end = placements[-1].end
    estimated = terugkommoment is None
    if estimated:
        week = cal.terugkommoment_weeks[0] if cal.terugkommoment_weeks else 5
        sched_tmp = Schedule(profile, tuple(placements), start, True, start, start)
        terugkommoment = sched_tmp.week_monday(min(week, sched_tmp.weeks))
        notes.append("Je hebt nog geen datum voor het terugkommoment ingevuld; de planning gaat uit van "
                     f"{format_date(terugkommoment)} (week {week}). Spreek de datum af met je coach.")
    elif not (start <= terugkommoment <= last_end):
        raise UserError(f"het terugkommoment ({format_date(terugkommoment)}) valt buiten je stage "
                        f"({format_date(start)} tot {format_date(last_end)}).")
    midterm = terugkommoment - dt.timedelta(days=cal.midterm_upload_days_before)
    final = last_end + DAY
    while final.weekday() != cal.final_deadline_weekday:
        final += DAY
    sched = Schedule(profile, tuple(placements), terugkommoment, estimated, midterm, final, tuple(notes))
    if not estimated and cal.terugkommoment_weeks and sched.terugkommoment_week not in cal.terugkommoment_weeks:
        weeks_txt = " of ".join(str(w) for w in cal.terugkommoment_weeks)
        sched = Schedule(profile, sched.placements, terugkommoment, False, midterm, final, tuple(notes) + (
            f"Het terugkommoment valt in week {sched.terugkommoment_week}; meestal is dat week {weeks_txt}. "
            "Controleer de datum met je coach.",))
    return sched


# ---------------------------------------------------------------------------------------------- status


@dataclass
class Deadline:
    id: str
    title: str
    date: dt.date
    days_left: int

    @property
    def countdown(self) -> str:
        return countdown(self.days_left)


@dataclass
class ActionStatus:
    id: str
    title: str
    detail: str
    due: dt.date
    days_left: int
    done: bool

    @property
    def overdue(self) -> bool:
        return not self.done and self.days_left < 0


@dataclass
class PartStatus:
    id: str
    title: str
    first_week: int
    last_week: int
    words: int
    done: bool
    #: "nu" (write it this week), "later", "achter" (window over, still empty), "klaar", "voorbij",
    #: "laat" (a midterm part not finished when the midterm upload date has passed and nothing was uploaded)
    state: str
    #: the date by which it must be handed in (midterm parts: the upload date; others: the final deadline)
    due: dt.date | None = None


@dataclass
class Status:
    today: dt.date
    week: int | None
    phase: str  # "voor" | "stage" | "tussen" | "na"
    weeks: int
    schedule: Schedule
    write_now: list[PartStatus]
    overdue_parts: list[PartStatus]
    parts: list[PartStatus]
    deadlines: list[Deadline]
    actions: list[ActionStatus]
    penalty: str | None
    total_words: int
    notes: list[str] = field(default_factory=list)


def countdown(days: int) -> str:
    """When a date is, from today: "vandaag", "morgen", "nog 3 dagen", "gisteren", "5 dagen geleden"."""
    if days == 0:
        return "vandaag"
    if days == 1:
        return "morgen"
    if days > 1:
        return f"nog {days} dagen"
    if days == -1:
        return "gisteren"
    return f"{-days} dagen geleden"


def lateness(days: int) -> str:
    """How late something due ``-days`` days ago is: "1 dag te laat", "24 dagen te laat" (days < 0)."""
    return f"{-days} dag te laat" if days == -1 else f"{-days} dagen te laat"


def status(schedule: Schedule, today: dt.date, words: dict[str, int] | None = None,
           done_parts: set[str] | frozenset = frozenset(), done_actions: set[str] | frozenset = frozenset(),
           stage_submitted: bool = False) -> Status:
    """Where the student stands on ``today``: week, what to write, deadlines, actions, penalty."""
    profile = schedule.profile
    words = words or {}
    week = schedule.week_of(today)
    if today < monday_of(schedule.start):
        phase = "voor"
    elif today > schedule.end and week is None:
        phase = "na"
    elif week is None:
        phase = "tussen"
    else:
        phase = "stage"
    # the week to plan with: before the start nothing is due yet; after the end everything is
    plan_week = week if week is not None else (0 if phase == "voor" else (
        schedule.weeks + 1 if phase == "na" else _week_before(schedule, today)))
    parts = []
    midterm_uploaded = any(a.id in done_actions for a in profile.actions if a.due.kind == "midterm")
    for part in profile.parts:
        first, last = schedule.window(part)
        n = words.get(part.id, 0)
        done = part.id in done_parts
        due = schedule.midterm_deadline if part.midterm else schedule.final_deadline
        if done:
            state = "klaar"
        elif part.midterm and today > schedule.midterm_deadline and not midterm_uploaded:
            state = "laat"  # the upload date passed: this is late, whatever its writing window says
        elif part.midterm and today > schedule.midterm_deadline:
            state = "voorbij"
        elif first <= plan_week <= last:
            state = "nu"
        elif plan_week > last:
            state = "achter" if n == 0 and not part.optional_content else "voorbij"
        else:
            state = "later"
        parts.append(PartStatus(part.id, part.title, first, last, n, done, state, due))
    deadlines = [
        Deadline("terugkommoment", "Terugkommoment" + (" (geschatte datum)" if schedule.terugkommoment_estimated
                                                      else ""), schedule.terugkommoment,
                 (schedule.terugkommoment - today).days),
        Deadline("midterm", "Eerste deel opladen op Canvas (drie dagen voor het terugkommoment)",
                 schedule.midterm_deadline, (schedule.midterm_deadline - today).days),
        Deadline("einde", "Laatste stagedag", schedule.end, (schedule.end - today).days),
        Deadline("final", "Eindversie opladen op Canvas en het stageportaal", schedule.final_deadline,
                 (schedule.final_deadline - today).days),
    ]
    actions = []
    for a in profile.actions:
        due = schedule.resolve_date(a.due)
        actions.append(ActionStatus(a.id, a.title, a.detail, due, (due - today).days, a.id in done_actions))
    penalty = None
    if today > schedule.final_deadline and "eindversie_opgeladen" not in done_actions and not stage_submitted:
        penalty = (f"De deadline voor je eindversie ({format_date(schedule.final_deadline)}) is voorbij. "
                   + profile.calendar.late_penalty)
    return Status(today=today, week=week, phase=phase, weeks=schedule.weeks, schedule=schedule,
                  write_now=[p for p in parts if p.state == "nu"],
                  overdue_parts=[p for p in parts if p.state in ("laat", "achter")], parts=parts,
                  deadlines=deadlines, actions=actions, penalty=penalty,
                  total_words=sum(words.values()), notes=list(schedule.notes))


def _week_before(schedule: Schedule, day: dt.date) -> int:
    """Between two placements: the last week already done."""
    done = [p.last_week for p in schedule.placements if p.end < day]
    return max(done) if done else 0
