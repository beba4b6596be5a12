"""The handbook as data: load and validate a profile (TOML) into plain dataclasses.

Nothing about the programme is hard-coded elsewhere: parts, their order and aliases, guiding questions,
writing windows, limits, calendar rules, actions, tracks, criteria and competences all come from here.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import ProfileError
from .paths import default_profile_path

LENGTH_UNITS = {"words": "woorden", "characters": "tekens", "characters_no_spaces": "tekens zonder spaties"}
_WINDOW = re.compile(r"^(week (\d+)|laatste week|midterm|final|terugkommoment(?:([+-])(\d+))?)$")


@dataclass(frozen=True)
class Anchor:
    """A point in the internship: a week number, the last week, the terugkommoment (+/- weeks),
    or a deadline (midterm upload, final upload)."""

    kind: str  # "week" | "last" | "tkm" | "midterm" | "final"
    value: int = 0

    @classmethod
    def parse(cls, text: str, where: str) -> "Anchor":
        m = _WINDOW.match(str(text).strip().lower())
        if not m:
            raise ProfileError(
                f"{where}: '{text}' is geen geldig moment; gebruik 'week N', 'laatste week', "
                f"'terugkommoment', 'terugkommoment+N', 'terugkommoment-N', 'midterm' of 'final'.")
        if m.group(2):
            return cls("week", int(m.group(2)))
        word = m.group(1)
        if word == "laatste week":
            return cls("last")
        if word in ("midterm", "final"):
            return cls(word)
        offset = int(m.group(4) or 0) * (-1 if m.group(3) == "-" else 1)
        return cls("tkm", offset)


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    aliases: tuple[str, ...]
    questions: tuple[str, ...]


@dataclass(frozen=True)
class Part(Section):
    midterm: bool = False
    window: tuple[Anchor, Anchor] = (Anchor("week", 1), Anchor("last"))
    page_break_before: bool = True
    optional_content: bool = False
    hint: str = ""
    subsections: tuple[Section, ...] = ()


@dataclass(frozen=True)
class Limits:
    pages_min: int
    pages_max: int
    length_min: int
    length_max: int
    length_unit: str
    length_note: str
    length_counts: tuple[str, ...]
    report_language: str = "nl"
    house_style: bool = True
    midterm_has_page_limit: bool = False

    @property
    def unit_label(self) -> str:
        return LENGTH_UNITS[self.length_unit]


@dataclass(frozen=True)
class Calendar:
    working_days: int
    weeks: int
    terugkommoment_weeks: tuple[int, ...]
    midterm_upload_days_before: int
    final_deadline_weekday: int
    late_penalty: str
    report_weight: str = ""
    first_semester_note: str = ""
    example_start: object = None
    example_end: object = None
    example_final_deadline: object = None


@dataclass(frozen=True)
class Action:
    id: str
    title: str
    due: Anchor
    detail: str = ""


@dataclass(frozen=True)
class Track:
    id: str
    name: str
    focus: str
    split_allowed: bool = False
    split_weeks: tuple[int, ...] = ()
    foreign_language_share: str = ""


@dataclass(frozen=True)
class Criterion:
    group: str
    id: str
    text: str


@dataclass(frozen=True)
class ContentSettings:
    """The content hints (category ``content``, rules SV6xx): a coach's questions about the handbook's content
    criteria (§8, §9). ``enabled = false`` turns the whole group off."""
    enabled: bool = True
    #: how many interviewed people 'Het beroep' should name (§8: "een drietal")
    interviews_min: int = 3
    #: words a learning experience (a sub-heading's text) needs before it is asked for a concrete event
    experience_min_words: int = 80


@dataclass(frozen=True)
class Profile:
    id: str
    name: str
    source: str
    programme: str
    institution: str
    limits: Limits
    calendar: Calendar
    parts: tuple[Part, ...]
    actions: tuple[Action, ...]
    tracks: dict[str, Track]
    criteria: tuple[Criterion, ...]
    competences: dict[str, str]
    allowed_extra: tuple[str, ...] = ()
    toc_titles: tuple[str, ...] = ()
    #: chapters a report may have before its first part (voorwoord, samenvatting, lijsten ...), lower-case
    front_matter: tuple[str, ...] = ()
    #: chapters a report may have after the conclusion, before or after the appendix (bronnen ...)
    back_matter: tuple[str, ...] = ()
    #: glob patterns (fnmatch, on the normalised title) of lists that may stand in front or back matter:
    #: "*lijst", "lijst van *", "list of *"
    matter_patterns: tuple[str, ...] = ()
    #: the part that opens the report, the one that closes it, and the appendix (ids; "" = none)
    first_part: str = ""
    last_part: str = ""
    appendix_part: str = ""
    #: phrases that mark an upload as the midterm version on its title page ("tussentijdse versie")
    midterm_markers: tuple[str, ...] = ()
    #: texts that are template placeholders, never a student's own words ("typ hier", "lorem ipsum")
    placeholder_texts: tuple[str, ...] = ()
    path: Path | None = field(default=None, compare=False)
    #: the content hints (``[content]``): on/off and their thresholds
    content: ContentSettings = field(default_factory=ContentSettings)

    def part(self, part_id: str) -> Part:
        for p in self.parts:
            if p.id == part_id:
                return p
        raise KeyError(part_id)

    @property
    def part_ids(self) -> list[str]:
        return [p.id for p in self.parts]

    def parts_for(self, stage: str) -> list[Part]:
        """The parts expected for a stage: 'midterm' (the first upload) or 'final' (all)."""
        if stage == "midterm":
            return [p for p in self.parts if p.midterm]
        return list(self.parts)

    def length_note(self) -> str:
        return self.limits.length_note


class _Reader:
    """Typed access to a TOML table with Dutch errors that name the field."""

    def __init__(self, data: dict, where: str):
        self.data, self.where = data, where

    def _get(self, key, types, default, required):
        if key not in self.data:
            if required:
                raise ProfileError(f"profiel: veld '{self.where}{key}' ontbreekt.")
            return default
        value = self.data[key]
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in _astuple(types)):
            raise ProfileError(f"profiel: veld '{self.where}{key}' heeft een verkeerd type "
                               f"({type(value).__name__}).")
        return value

    def text(self, key, default=None, required=True) -> str:
        value = self._get(key, str, default, required and default is None)
        if required and default is None and not value.strip():
            raise ProfileError(f"profiel: veld '{self.where}{key}' is leeg.")
        return value

    def integer(self, key, default=None) -> int:
        return self._get(key, int, default, default is None)

    def flag(self, key, default=False) -> bool:
        return self._get(key, bool, default, False)

    def items(self, key, default=None, item=str) -> list:
        value = self._get(key, list, default if default is not None else [], default is None)
        for i, v in enumerate(value):
            if not isinstance(v, item):
                raise ProfileError(f"profiel: veld '{self.where}{key}[{i}]' heeft een verkeerd type.")
        return value

    def table(self, key, required=True) -> "_Reader":
        value = self._get(key, dict, {}, required)
        return _Reader(value, f"{self.where}{key}.")


def _astuple(types):
    return types if isinstance(types, tuple) else (types,)


#: a part id names its draft file (``hoofdstukken/NN-id.md``): letters, digits, '_' and '-' only, so no
#: profile can make a project read or write outside its folder (``../``, ``/``, ``\``)
_PART_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


def _section(r: _Reader) -> dict:
    part_id = r.text("id")
    if not _PART_ID.fullmatch(part_id):
        raise ProfileError(f"profiel: veld '{r.where}id' ('{part_id[:80]}') mag alleen letters, cijfers, '_' en '-' "
                           "bevatten (het wordt een bestandsnaam in je project; '..', '/' en '\\' kunnen niet).")
    return dict(id=part_id, title=r.text("title"),
                aliases=tuple(a.lower() for a in r.items("aliases", default=[])) or (r.text("title").lower(),),
                questions=tuple(r.items("questions", default=[])))


def parse_profile(data: dict, path: Path | None = None) -> Profile:
    root = _Reader(data, "")
    meta = root.table("profile")
    lim = root.table("limits")
    unit = lim.text("length_unit", default="words")
    if unit not in LENGTH_UNITS:
        raise ProfileError(f"profiel: veld 'limits.length_unit' moet een van {', '.join(LENGTH_UNITS)} zijn, "
                           f"niet '{unit}'.")
    limits = Limits(
        pages_min=lim.integer("pages_min"), pages_max=lim.integer("pages_max"),
        length_min=lim.integer("length_min"), length_max=lim.integer("length_max"), length_unit=unit,
        length_note=lim.text("length_note", default=""), length_counts=tuple(lim.items("length_counts", default=[])),
        report_language=lim.text("report_language", default="nl"), house_style=lim.flag("house_style", True),
        midterm_has_page_limit=lim.flag("midterm_has_page_limit", False))
    if limits.pages_min > limits.pages_max:
        raise ProfileError("profiel: 'limits.pages_min' is groter dan 'limits.pages_max'.")
    if limits.length_min > limits.length_max:
        raise ProfileError("profiel: 'limits.length_min' is groter dan 'limits.length_max'.")
    cal = root.table("calendar")
    calendar = Calendar(
        working_days=cal.integer("working_days"), weeks=cal.integer("weeks"),
        terugkommoment_weeks=tuple(cal.items("terugkommoment_weeks", item=int)),
        midterm_upload_days_before=cal.integer("midterm_upload_days_before"),
        final_deadline_weekday=cal.integer("final_deadline_weekday", default=0),
        late_penalty=cal.text("late_penalty"), report_weight=cal.text("report_weight", default=""),
        first_semester_note=cal.text("first_semester_note", default=""),
        example_start=cal.data.get("example_start"), example_end=cal.data.get("example_end"),
        example_final_deadline=cal.data.get("example_final_deadline"))
    parts = []
    raw_parts = root.items("parts", item=dict)
    if not raw_parts:
        raise ProfileError("profiel: 'parts' is leeg; een verslag heeft minstens één onderdeel.")
    seen = set()
    for i, raw in enumerate(raw_parts):
        r = _Reader(raw, f"parts[{i}].")
        common = _section(r)
        if common["id"] in seen:
            raise ProfileError(f"profiel: onderdeel-id '{common['id']}' komt twee keer voor (parts[{i}].id).")
        seen.add(common["id"])
        window = r.items("window", default=["week 1", "laatste week"])
        if len(window) != 2:
            raise ProfileError(f"profiel: veld 'parts[{i}].window' moet twee momenten bevatten.")
        subs = tuple(Section(**_section(_Reader(s, f"parts[{i}].subsections[{j}]."))) for j, s in
                     enumerate(r.items("subsections", default=[], item=dict)))
        parts.append(Part(**common, midterm=r.flag("midterm", False),
                          window=(Anchor.parse(window[0], f"parts[{i}].window[0]"),
                                  Anchor.parse(window[1], f"parts[{i}].window[1]")),
                          page_break_before=r.flag("page_break_before", True),
                          optional_content=r.flag("optional_content", False),
                          hint=r.text("hint", default=""), subsections=subs))
    actions = tuple(
        Action(id=(a := _Reader(raw, f"actions[{i}].")).text("id"), title=a.text("title"),
               due=Anchor.parse(a.text("due"), f"actions[{i}].due"), detail=a.text("detail", default=""))
        for i, raw in enumerate(root.items("actions", default=[], item=dict)))
    tracks = {}
    for key, raw in root.table("tracks").data.items():
        t = _Reader(raw, f"tracks.{key}.")
        tracks[key] = Track(id=key, name=t.text("name"), focus=t.text("focus", default=""),
                            split_allowed=t.flag("split_allowed", False),
                            split_weeks=tuple(t.items("split_weeks", default=[], item=int)),
                            foreign_language_share=t.text("foreign_language_share", default=""))
    criteria = tuple(Criterion(group=(c := _Reader(raw, f"criteria[{i}].")).text("group"), id=c.text("id"),
                               text=c.text("text"))
                     for i, raw in enumerate(root.items("criteria", default=[], item=dict)))
    competences = {k: str(v) for k, v in root.table("competences", required=False).data.items()}
    structure = root.table("structure", required=False)
    cont = root.table("content", required=False)
    content = ContentSettings(enabled=cont.flag("enabled", True),
                              interviews_min=cont.integer("interviews_min", default=3),
                              experience_min_words=cont.integer("experience_min_words", default=80))
    return Profile(
        id=meta.text("id"), name=meta.text("name"), source=meta.text("source", default=""),
        programme=meta.text("programme", default=""), institution=meta.text("institution", default=""),
        limits=limits, calendar=calendar, parts=tuple(parts), actions=actions, tracks=tracks,
        criteria=criteria, competences=competences,
        allowed_extra=tuple(x.lower() for x in structure.items("allowed_extra", default=[])),
        toc_titles=tuple(x.lower() for x in structure.items("toc_titles", default=[])),
        front_matter=tuple(x.lower() for x in structure.items("front_matter", default=[])),
        back_matter=tuple(x.lower() for x in structure.items("back_matter", default=[])),
        matter_patterns=tuple(x.lower() for x in structure.items("matter_patterns", default=[])),
        first_part=structure.text("first_part", default=""), last_part=structure.text("last_part", default=""),
        appendix_part=structure.text("appendix_part", default=""),
        midterm_markers=tuple(x.lower() for x in structure.items("midterm_markers", default=[])),
        placeholder_texts=tuple(x.lower() for x in structure.items("placeholder_texts", default=[])), path=path,
        content=content)


def load_profile(path: str | Path | None = None, *, length_unit: str | None = None) -> Profile:
    """Load and validate a profile; ``length_unit`` overrides the profile's unit (configurable)."""
    profile = _load_cached(str(Path(path).resolve()) if path else str(default_profile_path()))
    if length_unit and length_unit != profile.limits.length_unit:
        if length_unit not in LENGTH_UNITS:
            raise ProfileError(f"lengte-eenheid '{length_unit}' bestaat niet; kies uit {', '.join(LENGTH_UNITS)}.")
        from dataclasses import replace
        profile = replace(profile, limits=replace(profile.limits, length_unit=length_unit))
    return profile


@lru_cache(maxsize=8)
def _load_cached(path: str) -> Profile:
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProfileError(f"profiel '{p}' niet gevonden.") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ProfileError(f"profiel '{p}' is geen geldig TOML-bestand: {exc}") from None
    except RecursionError:
        raise ProfileError(f"profiel '{p}' is geen geldig TOML-bestand: te diep genest.") from None
    except OSError as exc:
        raise ProfileError(f"profiel '{p}' kan niet gelezen worden ({exc.strerror or exc}).") from None
    return parse_profile(data, p)
