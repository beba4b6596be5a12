"""A student's project: config (``stageverslag.toml``), one Markdown draft per part, a personal word list
and the progress file (ticked actions, parts marked done).

Layout of a project folder::

    stageverslag.toml        the config (student, track, company, mentor, coach, dates, house style)
    hoofdstukken/NN-id.md    one draft per part; guiding questions are <!-- comments -->
    woordenlijst.txt         personal word list for the spelling check
    .stageverslag/voortgang.toml   ticked actions and finished parts (written by status/TUI)
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

import tomli_w

from .dates import parse_date
from .errors import ConfigError, UserError
from .profile import Profile, load_profile
from .schedule import Schedule, build_schedule
from .storage import atomic_write_text
from .templating import render
from .text import count_words

CONFIG_NAME = "stageverslag.toml"
DRAFTS_DIR = "hoofdstukken"
WORDLIST_NAME = "woordenlijst.txt"
STATE_DIR = ".stageverslag"
PROGRESS_NAME = "voortgang.toml"

_COMMENT = re.compile(r"<!--.*?-->", re.S)
TRACKS_HELP = "E4B, HR of IRM"


@dataclass
class ProjectConfig:
    student: str
    track: str
    company: str
    mentor: str = ""
    coach: str = ""
    academic_year: str = ""
    start: dt.date | None = None
    terugkommoment: dt.date | None = None
    end: dt.date | None = None
    house_style: str = ""
    second_company: str = ""
    second_mentor: str = ""
    second_start: dt.date | None = None
    languagetool: str = ""
    length_unit: str = ""
    profile: str = ""

    def names(self) -> list[str]:
        """Names that the spelling check must accept (student, company, mentor, coach)."""
        return [n for n in (self.student, self.company, self.mentor, self.coach, self.second_company,
                            self.second_mentor) if n]


def strip_comments(markdown: str) -> str:
    """Remove <!-- guiding questions -->, keeping line numbers (newlines inside stay)."""
    return _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), markdown)


def academic_year_for(day: dt.date) -> str:
    first = day.year if day.month >= 9 else day.year - 1
    return f"{first}-{first + 1}"


@dataclass
class Project:
    root: Path
    config: ProjectConfig
    profile: Profile

    @property
    def config_path(self) -> Path:
        return self.root / CONFIG_NAME

    @property
    def wordlist_path(self) -> Path:
        return self.root / WORDLIST_NAME

    @property
    def progress_path(self) -> Path:
        return self.root / STATE_DIR / PROGRESS_NAME

    def draft_path(self, part_id: str) -> Path:
        ids = self.profile.part_ids
        return self.root / DRAFTS_DIR / f"{ids.index(part_id) + 1:02d}-{part_id}.md"

    def read_draft(self, part_id: str) -> str:
        try:
            return self.draft_path(part_id).read_text(encoding="utf-8")
        except FileNotFoundError:
            return ""

    def save_draft(self, part_id: str, text: str) -> Path:
        return atomic_write_text(self.draft_path(part_id), text)

    def draft_words(self) -> dict[str, int]:
        """Words of prose per part (guiding-question comments and ``#`` heading lines not counted)."""
        return {p.id: count_words("\n".join(line for line in strip_comments(self.read_draft(p.id)).splitlines()
                                             if not line.lstrip().startswith("#")))
                for p in self.profile.parts}

    # -- word list ------------------------------------------------------------------------------------
    def wordlist(self) -> list[str]:
        try:
            lines = self.wordlist_path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return []
        return [w.strip() for w in lines if w.strip() and not w.lstrip().startswith("#")]

    def add_word(self, word: str) -> None:
        word = word.strip()
        if not word or word in self.wordlist():
            return
        try:
            current = self.wordlist_path.read_text(encoding="utf-8")
        except FileNotFoundError:
            current = ""
        if current and not current.endswith("\n"):
            current += "\n"
        atomic_write_text(self.wordlist_path, current + word + "\n")

    # -- progress -------------------------------------------------------------------------------------
    def progress(self) -> dict:
        try:
            data = tomllib.loads(self.progress_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            data = {}
        except (tomllib.TOMLDecodeError, UnicodeDecodeError):
            raise ConfigError(f"{self.progress_path}: het voortgangsbestand is beschadigd. "
                              "Verwijder het; je teksten blijven bewaard.") from None
        return {"acties": set(data.get("acties", [])), "klaar": set(data.get("klaar", []))}

    def save_progress(self, actions: set[str], done_parts: set[str]) -> None:
        atomic_write_text(self.progress_path, tomli_w.dumps({"acties": sorted(actions),
                                                              "klaar": sorted(done_parts)}))

    def set_action(self, action_id: str, done: bool) -> None:
        p = self.progress()
        (p["acties"].add if done else p["acties"].discard)(action_id)
        self.save_progress(p["acties"], p["klaar"])

    def set_part_done(self, part_id: str, done: bool) -> None:
        p = self.progress()
        (p["klaar"].add if done else p["klaar"].discard)(part_id)
        self.save_progress(p["acties"], p["klaar"])

    # -- derived --------------------------------------------------------------------------------------
    def schedule(self) -> Schedule:
        c = self.config
        track = self.profile.tracks.get(c.track)
        split = tuple(track.split_weeks) if track and len(track.split_weeks) == 2 else None
        return build_schedule(self.profile, c.start, c.terugkommoment, end=c.end, company=c.company,
                              second_start=c.second_start, second_company=c.second_company,
                              split_weeks=split)

    def house_style_path(self) -> Path | None:
        if not self.config.house_style:
            return None
        p = Path(self.config.house_style).expanduser()
        return p if p.is_absolute() else self.root / p

    def document(self):
        """The drafts as a document model (for the checks and the language engine)."""
        from .drafts import project_document
        return project_document(self)


# --------------------------------------------------------------------------------------------- loading


def _text(table: dict, key: str, where: str, default: str = "") -> str:
    value = table.get(key, default)
    if value is None:
        return default
    if isinstance(value, (dt.date, int, float)):
        return str(value)
    if not isinstance(value, str):
        raise ConfigError(f"{CONFIG_NAME}: veld '{where}.{key}' moet tekst zijn.")
    return value.strip()


def _date(table: dict, key: str, where: str) -> dt.date | None:
    value = table.get(key)
    if value in (None, ""):
        return None
    try:
        return parse_date(value, f"{CONFIG_NAME}: {where}.{key}")
    except UserError as exc:
        raise ConfigError(str(exc)) from None


def parse_config(data: dict, profile: Profile) -> ProjectConfig:
    student = data.get("student", {}) or {}
    stage = data.get("stage", {}) or {}
    second = data.get("tweede_stageplaats", {}) or {}
    lang = data.get("taal", {}) or {}
    for name, table in (("student", student), ("stage", stage), ("tweede_stageplaats", second), ("taal", lang)):
        if not isinstance(table, dict):
            raise ConfigError(f"{CONFIG_NAME}: '{name}' moet een tabel zijn ([{name}]).")
    cfg = ProjectConfig(
        student=_text(student, "naam", "student"), track=_text(student, "traject", "student").upper(),
        academic_year=_text(student, "academiejaar", "student"),
        company=_text(stage, "bedrijf", "stage"), mentor=_text(stage, "mentor", "stage"),
        coach=_text(stage, "coach", "stage"), start=_date(stage, "start", "stage"),
        terugkommoment=_date(stage, "terugkommoment", "stage"), end=_date(stage, "einde", "stage"),
        house_style=_text(stage, "huisstijl", "stage"),
        second_company=_text(second, "bedrijf", "tweede_stageplaats"),
        second_mentor=_text(second, "mentor", "tweede_stageplaats"),
        second_start=_date(second, "start", "tweede_stageplaats"),
        languagetool=_text(lang, "languagetool", "taal"), length_unit=_text(lang, "lengte_eenheid", "taal"),
        profile=_text(data.get("profiel", {}) if isinstance(data.get("profiel"), dict) else {}, "pad", "profiel"))
    if not cfg.student:
        raise ConfigError(f"{CONFIG_NAME}: vul je naam in bij [student] naam.")
    if cfg.track not in profile.tracks:
        raise ConfigError(f"{CONFIG_NAME}: traject '{cfg.track}' bestaat niet; kies {', '.join(profile.tracks)}.")
    if cfg.start is None:
        raise ConfigError(f"{CONFIG_NAME}: vul de startdatum van je stage in bij [stage] start.")
    if cfg.second_start and not profile.tracks[cfg.track].split_allowed:
        raise ConfigError(f"{CONFIG_NAME}: een stage in twee delen kan alleen in het traject "
                          f"{', '.join(t for t, v in profile.tracks.items() if v.split_allowed)}.")
    if not cfg.academic_year:
        cfg.academic_year = academic_year_for(cfg.start)
    return cfg


def find_project_root(path: str | Path | None) -> Path:
    return Path(path or ".").expanduser().resolve()


def load_project(path: str | Path | None = None) -> Project:
    """Load the project in ``path`` (default: the current folder). ConfigError (Dutch) when absent/broken."""
    root = find_project_root(path)
    cfg_path = root / CONFIG_NAME
    if not cfg_path.is_file():
        raise ConfigError(f"geen project gevonden in {root} (er is geen {CONFIG_NAME}). "
                          f"Maak er een met 'stageverslag init {root}' of kies een map met --project.")
    try:
        data = tomllib.loads(cfg_path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{cfg_path}: geen geldig configuratiebestand ({exc}). "
                          "Controleer aanhalingstekens en [koppen].") from None
    base = load_profile()
    cfg = parse_config(data, base)
    profile = load_profile(cfg.profile and (root / cfg.profile), length_unit=cfg.length_unit or None)
    project = Project(root, cfg, profile)
    project.schedule()  # validates the dates (terugkommoment inside the internship, end after start)
    return project


def init_project(root: str | Path, cfg: ProjectConfig, profile: Profile | None = None) -> Project:
    """Create a new project. Refuses when a project (or any draft) already exists there."""
    profile = profile or load_profile()
    root = Path(root).expanduser().resolve()
    if (root / CONFIG_NAME).exists() or (root / DRAFTS_DIR).exists():
        raise UserError(f"in {root} staat al een project; ik overschrijf niets. Kies een andere map.")
    if cfg.track not in profile.tracks:
        raise UserError(f"traject '{cfg.track}' bestaat niet; kies {', '.join(profile.tracks)}.")
    if not cfg.academic_year and cfg.start:
        cfg = replace(cfg, academic_year=academic_year_for(cfg.start))
    project = Project(root, cfg, profile)
    schedule = project.schedule()  # validate before writing anything
    fmt = lambda d: d.isoformat() if d else ""  # noqa: E731
    atomic_write_text(root / CONFIG_NAME, render(
        "project/stageverslag.toml.j2", student=cfg.student, track=cfg.track, academic_year=cfg.academic_year,
        company=cfg.company, mentor=cfg.mentor, coach=cfg.coach, start=fmt(cfg.start),
        terugkommoment=fmt(cfg.terugkommoment), end=fmt(cfg.end), house_style=cfg.house_style,
        second_company=cfg.second_company, second_mentor=cfg.second_mentor, second_start=fmt(cfg.second_start)))
    for part in profile.parts:
        first, last = schedule.window(part)
        window = f"week {first}" if first == last else f"week {first} tot {last}"
        atomic_write_text(project.draft_path(part.id), render("project/draft.md.j2", part=part, window=window))
    atomic_write_text(root / WORDLIST_NAME, render("project/woordenlijst.txt"))
    return load_project(root)
