"""SV401 deadline: with a project config, a check run after the deadline says so.

``--stage midterm`` compares with the midterm upload (three days before the terugkommoment), ``final`` with
the final deadline (the Monday after the last internship day). "Today" is ``options.today`` (``--today``).
Within a week before the deadline, an information finding says how many days are left.
"""

from stageverslag.dates import format_date
from stageverslag.rules import Rule


def check(ctx):
    if ctx.project is None:
        return
    schedule = ctx.project.schedule()
    midterm = ctx.stage == "midterm"
    deadline = schedule.midterm_deadline if midterm else schedule.final_deadline
    what = "het tussentijdse deel" if midterm else "het eindverslag"
    today = ctx.options.today
    days = (deadline - today).days
    if days < 0:
        penalty = "" if midterm else f" {ctx.profile.calendar.late_penalty}"
        ago = "gisteren" if days == -1 else f"{-days} dagen geleden"
        yield RULE.finding(f"De deadline voor {what} was {format_date(deadline)}, {ago}. "
                           f"Heb je het al ingediend?{penalty}")
    elif days <= 7:
        when = {0: "vandaag", 1: "morgen"}.get(days, f"over {days} dagen")
        yield RULE.finding(f"De deadline voor {what} is {when}: {format_date(deadline)}.", severity="info")


RULE = Rule(
    code="SV401", name="deadline", category="deadline", severity="warning",
    summary="Het verslag wordt vóór de deadline gecontroleerd.",
    message="De deadline voor {what} was {date}, {ago}. Heb je het al ingediend?",
    rationale="§8 en §10: het eerste deel gaat op Canvas drie dagen voor het terugkommoment, het "
              "eindverslag de maandag na de laatste stagedag; te laat kost de helft van de score.",
    check=check)
