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
import errno
import os
import re
import stat
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

import tomli_w

from .dates import parse_date
from .errors import ConfigError, UserError
from .paths import expand_home
from .profile import Profile, load_profile
from .schedule import Schedule, build_schedule
from .storage import atomic_write_bytes, atomic_write_text
from .templating import render
from .text import count_words

CONFIG_NAME = "stageverslag.toml"
DRAFTS_DIR = "hoofdstukken"
WORDLIST_NAME = "woordenlijst.txt"
STATE_DIR = ".stageverslag"
PROGRESS_NAME = "voortgang.toml"

_COMMENT = re.compile(r"<!--.*?-->", re.S)

#: size limits of the files a project points to (a chapter of 10,000 words is about 70 kB)
MAX_DRAFT_BYTES = 5 * 2**20
MAX_CONFIG_BYTES = 2**20
#: dates in a project (start, terugkommoment, end) must lie in these years
YEARS = (2000, 2100)
#: characters XML (and so Word) cannot hold: C0 controls except tab, newline and carriage return, the two
#: non-characters U+FFFE/U+FFFF and lone surrogates. Pasted from Word or a pdf (vertical tab = Word's line
#: break, form feed = its page break, escape codes); they become spaces, so offsets and line numbers stay.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def inside(path: Path, folder: Path) -> bool:
    """``path`` (already resolved) lies in ``folder`` (resolved)."""
    return path == folder or folder in path.parents


def read_project_file(root: Path, path: Path, limit: int, what: str = "dit bestand") -> bytes | None:
    """The bytes of a file the project points to, None when it does not exist.

    Checked before it is opened: it must resolve (symlinks followed) to a place inside the project, be a
    regular file (no folder, pipe or device: a pipe would make us wait forever, /dev/zero never ends) and be
    at most ``limit`` bytes. Anything else is a ConfigError with a Dutch message naming the file."""
    root = Path(root).resolve()
    try:
        real = Path(os.path.realpath(path))
        info = os.stat(real)
    except FileNotFoundError:
        if os.path.lexists(path) and not os.path.exists(path):
            raise ConfigError(f"{path}: {what} is een snelkoppeling (symbolische link) naar iets dat niet "
                              "bestaat. Verwijder de link of zet het bestand zelf in je project.") from None
        return None
    except (OSError, RuntimeError) as exc:
        if getattr(exc, "errno", None) == errno.ELOOP or isinstance(exc, RuntimeError):
            raise ConfigError(f"{path}: {what} is een snelkoppeling (symbolische link) die naar zichzelf blijft "
                              "verwijzen. Verwijder de link en zet het bestand zelf in je project.") from None
        raise ConfigError(f"{path}: {what} kan niet gelezen worden ({getattr(exc, 'strerror', None) or exc}).") \
            from None
    if not inside(real, root):
        raise ConfigError(f"{path}: {what} verwijst naar {real}, buiten je projectmap {root}. Ik lees alleen "
                          "bestanden in je project; zet het bestand zelf in de projectmap.")
    if stat.S_ISDIR(info.st_mode):
        raise ConfigError(f"{path}: dit is een map, maar hier hoort {what} (een bestand) te staan. Hernoem of "
                          "verplaats de map.")
    if not stat.S_ISREG(info.st_mode):
        raise ConfigError(f"{path}: dit is geen gewoon bestand (maar een pipe, een apparaat of iets dergelijks); "
                          f"hier hoort {what} te staan. Vervang het door een gewoon bestand.")
    if info.st_size > limit:
        raise ConfigError(f"{path}: {what} is {info.st_size / 2**20:.1f} MB groot; meer dan "
                          f"{limit / 2**20:.0f} MB lees ik niet (een hoofdstuk is hooguit enkele honderden kB). "
                          "Kijk na of er niet per ongeluk iets anders in staat.")
    try:
        fd = os.open(real, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        raise ConfigError(f"{path}: {what} kan niet gelezen worden ({exc.strerror or exc}). Controleer of je "
                          "leesrechten hebt.") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped between the check and the open
            raise ConfigError(f"{path}: dit is geen gewoon bestand; hier hoort {what} te staan.")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(2**20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise ConfigError(f"{path}: {what} kan niet gelezen worden ({exc.strerror or exc}).") from None
    finally:
        os.close(fd)
    if size > limit:
        raise ConfigError(f"{path}: {what} is groter dan {limit / 2**20:.0f} MB; dat lees ik niet.")
    return b"".join(chunks)


def decode_text(data: bytes) -> tuple[str, list[str]]:
    """Text as editors save it: UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252 (Notepad's and
    Word's "plain text" on Windows). Characters XML cannot hold become spaces. Returns (text, Dutch notes:
    what was converted)."""
    notes = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
        notes.append("bewaard als UTF-16 (bv. door Kladblok of Word als 'Unicode'); gelezen en bij opslaan in de "
                     "schrijfhulp als UTF-8 bewaard")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            notes.append("niet bewaard als UTF-8 maar als Windows-1252 (bv. door Kladblok of Word); gelezen als "
                         "Windows-1252 en bij opslaan in de schrijfhulp als UTF-8 bewaard")
    text = text.replace("\r\n", "\n")
    bad = len(_NOT_XML.findall(text))
    if bad:
        text = _NOT_XML.sub(" ", text)
        what = ("1 onzichtbaar stuurteken (bv. uit Word of een pdf geplakt) dat niet in een Word-document kan; "
                "vervangen door een spatie") if bad == 1 else (
                f"{bad} onzichtbare stuurtekens (bv. uit Word of een pdf geplakt) die niet in een Word-document "
                "kunnen; vervangen door spaties")
        notes.append(f"bevatte {what}")
    return text, notes


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


def prose_words(markdown: str) -> int:
    """Words of prose in one draft: guiding-question comments and ``#`` heading lines are not counted (the one
    count of a draft, for ``status``, the dashboard and the editor)."""
    return count_words("\n".join(line for line in strip_comments(markdown).splitlines()
                                 if not line.lstrip().startswith("#")))


def academic_year_for(day: dt.date) -> str:
    first = day.year if day.month >= 9 else day.year - 1
    return f"{first}-{first + 1}"


@dataclass
class Project:
    root: Path
    config: ProjectConfig
    profile: Profile
    #: what reading the drafts converted (encoding, control characters): draft file name -> Dutch note
    read_notes: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

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
        """A draft's text ("" when it does not exist yet), read safely (see :func:`read_project_file`) and
        decoded as editors save text (see :func:`decode_text`); what was converted lands in ``read_notes``."""
        path = self.draft_path(part_id)
        data = read_project_file(self.root, path, MAX_DRAFT_BYTES, "de tekst van een onderdeel")
        if data is None:
            return ""
        text, notes = decode_text(data)
        if notes:
            self.read_notes[path.name] = f"{DRAFTS_DIR}/{path.name} {' en '.join(notes)}."
        else:
            self.read_notes.pop(path.name, None)
        return text

    def conversion_notes(self) -> list[str]:
        """Read every draft and say what was converted (for the TUI when it opens a project)."""
        for part in self.profile.parts:
            try:
                self.read_draft(part.id)
            except UserError as exc:
                self.read_notes[self.draft_path(part.id).name] = str(exc)
        return list(self.read_notes.values())

    def save_draft(self, part_id: str, text: str) -> Path:
        path = self.draft_path(part_id)
        folder = self.root / DRAFTS_DIR
        if os.path.lexists(folder) and not folder.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, f"{DRAFTS_DIR} in je project is geen map maar een bestand; "
                                     "hernoem dat bestand", str(folder))
        if os.path.lexists(path) and not os.path.islink(path) and path.is_dir():
            raise IsADirectoryError(errno.EISDIR, f"{path.name} is een map, geen tekstbestand; hernoem die map",
                                    str(path))
        if not inside(Path(os.path.realpath(folder)), self.root.resolve()):
            raise PermissionError(errno.EACCES, f"{DRAFTS_DIR} verwijst naar een map buiten je project", str(folder))
        if not os.path.islink(path) and path.is_file() and path.stat().st_size > MAX_DRAFT_BYTES:
            raise OSError(errno.EFBIG, f"{path.name} is groter dan {MAX_DRAFT_BYTES // 2**20} MB en werd niet "
                          "gelezen; ik overschrijf het niet. Verplaats het bestand eerst", str(path))
        return atomic_write_text(path, _NOT_XML.sub(" ", text))

    def draft_words(self) -> dict[str, int]:
        """Words of prose per part (guiding-question comments and ``#`` heading lines not counted)."""
        return {p.id: prose_words(self.read_draft(p.id)) for p in self.profile.parts}

    # -- word list ------------------------------------------------------------------------------------
    def _wordlist_text(self) -> str:
        data = read_project_file(self.root, self.wordlist_path, MAX_DRAFT_BYTES, "de woordenlijst")
        return decode_text(data)[0] if data is not None else ""

    def wordlist(self) -> list[str]:
        lines = self._wordlist_text().splitlines()
        return [w.strip() for w in lines if w.strip() and not w.lstrip().startswith("#")]

    def add_word(self, word: str) -> None:
        word = word.strip()
        if not word or word in self.wordlist():
            return
        current = self._wordlist_text()
        if current and not current.endswith("\n"):
            current += "\n"
        atomic_write_text(self.wordlist_path, current + word + "\n")

    # -- progress -------------------------------------------------------------------------------------
    def progress(self) -> dict:
        broken = (f"{self.progress_path}: het voortgangsbestand is beschadigd. Verwijder het; je teksten "
                  "blijven bewaard (alleen de afgevinkte acties en klaar-markeringen gaan verloren).")
        raw = read_project_file(self.root, self.progress_path, MAX_CONFIG_BYTES, "het voortgangsbestand")
        try:
            data = tomllib.loads(raw.decode("utf-8")) if raw is not None else {}
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError):
            raise ConfigError(broken) from None
        out = {}
        for key in ("acties", "klaar"):
            value = data.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{broken} (Het veld '{key}' moet een lijst met namen zijn.)")
            out[key] = set(value)
        return out

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
        """The house style named in the config: it must lie inside the project (ConfigError otherwise)."""
        if not self.config.house_style:
            return None
        return contained(self.root, self.config.house_style, "[stage] huisstijl")

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
    return _NOT_XML.sub(" ", value).strip()  # a name with a pasted control character still fits in Word


def _date(table: dict, key: str, where: str) -> dt.date | None:
    value = table.get(key)
    if value in (None, ""):
        return None
    if not isinstance(value, (str, dt.date)):
        raise ConfigError(f"{CONFIG_NAME}: veld '{where}.{key}' moet een datum zijn (bv. 2027-02-08), niet "
                          f"{_kind(value)}.")
    try:
        day = parse_date(value, f"{CONFIG_NAME}: {where}.{key}")
    except UserError as exc:
        raise ConfigError(str(exc)) from None
    if not YEARS[0] <= day.year <= YEARS[1]:
        raise ConfigError(f"{CONFIG_NAME}: veld '{where}.{key}' ({day.isoformat()}) ligt niet tussen {YEARS[0]} en "
                          f"{YEARS[1]}; vul de echte datum van je stage in.")
    return day


def _kind(value) -> str:
    return {list: "een lijst", dict: "een tabel", bool: "waar/onwaar", int: "een getal",
            float: "een getal"}.get(type(value), type(value).__name__)


def contained(root: Path, raw: str, field_name: str) -> Path:
    """A path from the project config, resolved: it must stay inside the project folder (no ``..`` out, no
    symlink out). ConfigError (Dutch, naming the field) otherwise."""
    root = Path(root).resolve()
    p = Path(expand_home(raw))
    candidate = p if p.is_absolute() else root / p
    try:
        real = Path(os.path.realpath(candidate))
    except (OSError, RuntimeError, ValueError):
        raise ConfigError(f"{CONFIG_NAME}: veld '{field_name}' ({raw}) is geen bruikbaar pad.") from None
    if not inside(real, root):
        raise ConfigError(f"{CONFIG_NAME}: veld '{field_name}' ({raw}) wijst naar een plek buiten je projectmap "
                          f"{root}. Zet het bestand in je project en schrijf de naam zonder '..'.")
    return real


def parse_config(data: dict, profile: Profile) -> ProjectConfig:
    student = data.get("student", {}) or {}
    stage = data.get("stage", {}) or {}
    second = data.get("tweede_stageplaats", {}) or {}
    lang = data.get("taal", {}) or {}
    for name, table in (("student", student), ("stage", stage), ("tweede_stageplaats", second), ("taal", lang)):
        if not isinstance(table, dict):
            raise ConfigError(f"{CONFIG_NAME}: '{name}' moet een tabel zijn ([{name}]).")
        for key, value in table.items():
            if isinstance(value, (list, dict)):
                raise ConfigError(f"{CONFIG_NAME}: veld '{name}.{key}' moet tekst of een datum zijn, niet "
                                  f"{_kind(value)}.")
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


HOUSE_STYLE_DIR = "huisstijl"
MAX_HOUSE_STYLE_BYTES = 50 * 2**20


def _adopt_house_style(root: Path, raw: str) -> str:
    """The house style given to ``init``, as the config will name it: relative to the project. A file outside
    the project is copied into ``huisstijl/`` first (a project only reads files inside itself)."""
    given = Path(expand_home(raw))
    for candidate in ([given] if given.is_absolute() else [Path.cwd() / given, root / given]):
        try:
            real = Path(os.path.realpath(candidate))
            info = os.stat(real)
        except (OSError, RuntimeError):
            continue
        if not stat.S_ISREG(info.st_mode):
            continue
        if inside(real, root):
            return real.relative_to(root).as_posix()
        if info.st_size > MAX_HOUSE_STYLE_BYTES:
            raise UserError(f"{candidate}: de huisstijl is groter dan {MAX_HOUSE_STYLE_BYTES // 2**20} MB; zo groot "
                            "is een Word-sjabloon niet. Kies het echte sjabloon.")
        copy = root / HOUSE_STYLE_DIR / real.name
        atomic_write_bytes(copy, real.read_bytes())
        return copy.relative_to(root).as_posix()
    return raw


def find_project_root(path: str | Path | None) -> Path:
    try:
        return Path(expand_home(str(path or "."))).resolve()
    except (OSError, RuntimeError) as exc:
        raise ConfigError(f"{path}: deze map kan niet geopend worden ({getattr(exc, 'strerror', None) or exc}).") \
            from None


def load_project(path: str | Path | None = None) -> Project:
    """Load the project in ``path`` (default: the current folder). ConfigError (Dutch) when absent/broken."""
    root = find_project_root(path)
    cfg_path = root / CONFIG_NAME
    raw = read_project_file(root, cfg_path, MAX_CONFIG_BYTES, "het configuratiebestand") \
        if os.path.lexists(cfg_path) else None
    if raw is None:
        raise ConfigError(f"geen project gevonden in {root} (er is geen {CONFIG_NAME}). "
                          f"Maak er een met 'stageverslag init {root}' of kies een map met --project.")
    try:
        data = tomllib.loads(decode_text(raw)[0])
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{cfg_path}: geen geldig configuratiebestand ({exc}). "
                          "Controleer aanhalingstekens en [koppen].") from None
    except RecursionError:
        raise ConfigError(f"{cfg_path}: geen geldig configuratiebestand (te diep geneste lijsten of tabellen). "
                          "Een configuratie heeft alleen [koppen] met namen en datums.") from None
    drafts = root / DRAFTS_DIR
    if os.path.lexists(drafts) and not drafts.is_dir():
        raise ConfigError(f"{drafts}: hier hoort de map met je teksten te staan, maar het is "
                          f"{'een snelkoppeling naar niets' if drafts.is_symlink() else 'een bestand'}. Hernoem "
                          f"of verwijder het; 'stageverslag init' maakte een map {DRAFTS_DIR}.")
    if drafts.is_dir() and not inside(Path(os.path.realpath(drafts)), root):
        raise ConfigError(f"{drafts}: de map met je teksten verwijst naar een plek buiten je project. Zet de map "
                          "zelf in je projectmap.")
    base = load_profile()
    cfg = parse_config(data, base)
    profile_path = contained(root, cfg.profile, "[profiel] pad") if cfg.profile else None
    if profile_path is not None:
        read_project_file(root, profile_path, MAX_CONFIG_BYTES, "het profiel")  # checks: file, inside, size
    profile = load_profile(profile_path, length_unit=cfg.length_unit or None)
    project = Project(root, cfg, profile)
    try:
        project.schedule()  # validates the dates (terugkommoment inside the internship, end after start)
    except (OverflowError, ValueError) as exc:
        raise ConfigError(f"{CONFIG_NAME}: met deze datums kan geen planning gemaakt worden ({exc}); kijk [stage] "
                          "start, terugkommoment en einde na.") from None
    return project


def init_project(root: str | Path, cfg: ProjectConfig, profile: Profile | None = None) -> Project:
    """Create a new project. Refuses when a project (or any draft) already exists there."""
    profile = profile or load_profile()
    root = Path(expand_home(str(root))).resolve()
    if (root / CONFIG_NAME).exists() or (root / DRAFTS_DIR).exists():
        raise UserError(f"in {root} staat al een project; ik overschrijf niets. Kies een andere map.")
    if cfg.track not in profile.tracks:
        raise UserError(f"traject '{cfg.track}' bestaat niet; kies {', '.join(profile.tracks)}.")
    if not cfg.academic_year and cfg.start:
        cfg = replace(cfg, academic_year=academic_year_for(cfg.start))
    project = Project(root, cfg, profile)
    schedule = project.schedule()  # validate before writing anything
    if cfg.house_style:
        cfg = replace(cfg, house_style=_adopt_house_style(root, cfg.house_style))
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
