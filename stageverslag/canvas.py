"""Canvas submissions: the names Canvas gives downloaded files, and reading a submissions .zip safely.

Canvas names every file of an assignment download ``<name>_<userid>_<submissionid>_<original name>``, with
``LATE`` (any case) after the name for a late submission, and sometimes ``-N`` before the extension when a
student handed in a file of the same name more than once. :func:`parse_canvas_name` reads such a name;
other names keep the file name (without extension) as the student.

:func:`open_submissions` turns the paths a coach gives (files, folders, Canvas .zip downloads) into a list
of :class:`Submission`. A .zip is never extracted under the names it carries: every member that can be
checked is copied, within size, count and ratio limits like the .docx reader's (``document/package.py``),
to a numbered file in a temporary folder the caller owns. Member names with ``..``, absolute paths or
symbolic links, nested archives, encrypted members, pdf's and old .doc files are listed with a Dutch reason
instead of being checked. Nothing is ever written next to the input.
"""

from __future__ import annotations

import posixpath
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .errors import UserError
from .paths import expand_home

#: what the batch checks (the same as the folder walk of ``check``)
CHECKABLE = (".docx", ".docm")
#: limits for one submissions .zip
MAX_MEMBERS = 5000
MAX_MEMBER_BYTES = 150 * 1024 * 1024  # one submission, uncompressed
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024  # everything extracted from one .zip
MAX_RATIO = 200  # compression ratio allowed for a member bigger than RATIO_FLOOR (as package.py)
RATIO_FLOOR = 1024 * 1024
CHUNK = 1024 * 1024

_CANVAS = re.compile(r"^(?P<name>[^_/]+?)_(?:(?P<late>late)_)?(?P<user>\d+)_(?P<sub>\d+)_(?P<original>.+)$",
                     re.IGNORECASE)
_COPY_NUMBER = re.compile(r"-\d+(?=\.[^.]+$)")
#: files a zip or a folder carries that are nobody's submission
_JUNK = re.compile(r"(^|/)(__MACOSX/|\.DS_Store$|Thumbs\.db$|desktop\.ini$)", re.IGNORECASE)

NOT_CHECKABLE = {
    ".pdf": "een pdf kan niet nagekeken worden (de opbouw, stijlen en kop- en voetteksten staan er niet meer "
            "in); vraag het Word-bestand (.docx)",
    ".doc": "een oud Word-bestand (.doc, Word 97-2003) kan niet nagekeken worden; vraag het als .docx "
            "(Opslaan als > Word-document)",
    ".odt": "een OpenDocument-bestand (.odt) kan niet nagekeken worden; vraag het als .docx",
    ".rtf": "een RTF-bestand kan niet nagekeken worden; vraag het als .docx",
    ".pages": "een Pages-bestand kan niet nagekeken worden; vraag het als .docx (Exporteer naar Word)",
    ".dotx": "een Word-sjabloon (.dotx) is geen verslag; vraag het verslag als .docx",
}
NESTED = ("een zip-bestand in het zip-bestand wordt niet uitgepakt (het kan eindeloos diep gaan); pak het zelf "
          "uit en geef de map")


@dataclass(frozen=True)
class CanvasName:
    student: str  # the name part, as Canvas wrote it (e.g. "peetersjan")
    late: bool
    user_id: str
    submission_id: str
    original: str  # the name the student uploaded, without Canvas's "-N" copy number


def parse_canvas_name(filename: str) -> CanvasName | None:
    """Read a Canvas download name; None when ``filename`` is not one."""
    base = filename.rsplit("/", 1)[-1]  # callers pass a file's own name (a zip member's without its folders)
    m = _CANVAS.match(base)
    if not m or not m.group("name").strip():
        return None
    original = _COPY_NUMBER.sub("", m.group("original"))
    name, late = m.group("name"), m.group("late") is not None
    spaced = re.match(r"^(?P<name>.+?)[\s-]+late$", name, re.IGNORECASE)  # 'Jan Janssens LATE_…' (renamed by hand)
    if spaced:
        name, late = spaced.group("name"), True
    return CanvasName(student=name, late=late, user_id=m.group("user"), submission_id=m.group("sub"),
                      original=original)


def student_of(filename: str) -> tuple[str, bool | None]:
    """(student, late) for a file name: Canvas's name and late mark, or the file name itself (late unknown)."""
    canvas = parse_canvas_name(filename)
    if canvas:
        return canvas.student, canvas.late
    base = filename.rsplit("/", 1)[-1]
    stem = base.rsplit(".", 1)[0] if "." in base.lstrip(".") else base
    return stem or base, None


@dataclass
class Submission:
    """One file a coach gave, directly, in a folder or inside a Canvas .zip."""

    #: what the coach sees: the path given, or ``inzendingen.zip/member``
    name: str
    student: str
    late: bool | None
    #: the file to check (an extracted copy for a zip member); None when it cannot be checked
    path: Path | None
    #: Dutch reason why the file cannot be checked (pdf, old .doc, unsafe name, nested zip...)
    skip: str | None = None

    @property
    def filename(self) -> str:
        return self.name.rsplit("/", 1)[-1]


def _for_path(path: Path, shown: str, listed: bool = True) -> Submission:
    """A file found in a folder (``listed``), or given by name: then the reader says what it is."""
    student, late = student_of(path.name)
    suffix = path.suffix.lower()
    if listed and suffix in NOT_CHECKABLE:
        return Submission(shown, student, late, None, NOT_CHECKABLE[suffix])
    return Submission(shown, student, late, path)


def is_zip_download(path: Path) -> bool:
    """A .zip the coach gave (not a .docx, which is a zip too)."""
    return path.suffix.lower() == ".zip"


def open_submissions(paths, workdir: Path | None = None) -> list[Submission]:
    """Files, folders (recursively: .docx/.docm files, and pdf/.doc files listed as not checkable) and
    Canvas .zip downloads (members extracted into ``workdir``, which must be given for a zip).

    Raises UserError for a path that does not exist, an empty folder, or a .zip that cannot be read."""
    out: list[Submission] = []
    seen: set[str] = set()
    for n, raw in enumerate(paths):
        p = Path(expand_home(raw))  # not expanduser: '~$x.docx' is a Word lock file
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and not _JUNK.search(f.as_posix())
                           and f.suffix.lower() in CHECKABLE + tuple(NOT_CHECKABLE))
            if not any(f.suffix.lower() in CHECKABLE for f in found):
                raise UserError(f"in de map {p} staan geen .docx-bestanden.")
            items = [_for_path(f, str(f)) for f in found]
        elif p.is_file() and is_zip_download(p):
            if workdir is None:
                raise ValueError("a workdir is needed to open a .zip")
            target = Path(workdir) / f"zip{n:03d}"
            target.mkdir(parents=True, exist_ok=True)
            items = read_zip(p, target)
        elif p.exists():
            items = [_for_path(p, str(p), listed=False)]
        else:
            raise UserError(f"{p} bestaat niet. Controleer de naam of het pad.")
        for item in items:
            if item.name not in seen:
                seen.add(item.name)
                out.append(item)
    return out


def _unsafe_name(name: str) -> str | None:
    """Why a member name must not be trusted, or None."""
    raw = name.replace("\\", "/")
    if raw.startswith("/") or re.match(r"^[A-Za-z]:", raw):
        return "de naam in het zip-bestand is een absoluut pad; om veiligheidsredenen overgeslagen"
    if ".." in raw.split("/"):
        return "de naam in het zip-bestand wijst buiten de map (../); om veiligheidsredenen overgeslagen"
    if any(ord(c) < 32 for c in raw):
        return "de naam in het zip-bestand bevat stuurtekens; om veiligheidsredenen overgeslagen"
    return None


def read_zip(zip_path: Path, workdir: Path) -> list[Submission]:
    """The members of a submissions .zip as :class:`Submission` items; checkable ones copied into ``workdir``
    under a numbered name (``0007.docx``): the member's own name is never used as a path."""
    try:
        zf = zipfile.ZipFile(zip_path)
        infos = zf.infolist()
    except (OSError, zipfile.BadZipFile, ValueError, NotImplementedError, EOFError) as exc:
        raise UserError(f"{zip_path}: dit zip-bestand kan niet gelezen worden ({type(exc).__name__}); download "
                        "de inzendingen opnieuw uit Canvas.") from None
    with zf:
        if len(infos) > MAX_MEMBERS:
            raise UserError(f"{zip_path}: het zip-bestand bevat meer dan {MAX_MEMBERS} bestanden; zo ziet een "
                            "download van inzendingen er niet uit.")
        budget = MAX_TOTAL_BYTES
        out: list[Submission] = []
        for n, info in enumerate(infos):
            raw = info.filename
            if info.is_dir() or _JUNK.search(raw.replace("\\", "/")):
                continue
            shown = f"{zip_path}/{raw.replace(chr(92), '/')}"  # a zip made on Windows may use backslashes
            base = raw.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
            student, late = student_of(base)
            unsafe = _unsafe_name(raw)
            mode = info.external_attr >> 16
            suffix = posixpath.splitext(base)[1].lower()
            reason = unsafe
            if reason is None and stat.S_ISLNK(mode):
                reason = "dit is een symbolische koppeling, geen bestand; om veiligheidsredenen overgeslagen"
            if reason is None and suffix in (".zip", ".7z", ".rar", ".tar", ".gz", ".tgz"):
                reason = NESTED
            if reason is None and suffix in NOT_CHECKABLE:
                reason = NOT_CHECKABLE[suffix]
            if reason is None and suffix not in CHECKABLE:
                reason = f"alleen Word-bestanden (.docx) worden nagekeken, dit is een {suffix or 'bestand zonder extensie'}"
            if reason is None and info.flag_bits & 0x1:
                reason = "dit bestand is in het zip-bestand met een wachtwoord beveiligd en kan niet gelezen worden"
            if reason is None and info.file_size > MAX_MEMBER_BYTES:
                reason = (f"het bestand is uitgepakt {info.file_size // 2**20} MB groot, meer dan de "
                          f"{MAX_MEMBER_BYTES // 2**20} MB die een verslag mag zijn; niet nagekeken")
            if reason is None and info.file_size > RATIO_FLOOR and (
                    info.compress_size == 0 or info.file_size / info.compress_size > MAX_RATIO):
                reason = "het bestand pakt uit tot veel meer dan het zelf groot is (een zip-bom); niet nagekeken"
            if reason is None and info.file_size > budget:
                reason = (f"het zip-bestand pakt uit tot meer dan {MAX_TOTAL_BYTES // 2**30} GB; de rest is niet "
                          "nagekeken")
            if reason is not None:
                out.append(Submission(shown, student, late, None, reason))
                continue
            target = workdir / f"{n:04d}{suffix}"
            reason = _extract(zf, info, target, budget)
            if reason is not None:
                target.unlink(missing_ok=True)
                out.append(Submission(shown, student, late, None, reason))
                continue
            budget -= target.stat().st_size
            if _is_zip_in_disguise(target):
                target.unlink(missing_ok=True)
                out.append(Submission(shown, student, late, None, NESTED))
                continue
            out.append(Submission(shown, student, late, target))
    if not out:
        raise UserError(f"{zip_path}: in dit zip-bestand staan geen inzendingen.")
    return out


def _extract(zf: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, budget: int) -> str | None:
    """Copy one member to ``target`` within its declared size; a Dutch reason when that fails."""
    written = 0
    limit = min(info.file_size, budget)
    try:
        with zf.open(info) as src, open(target, "xb") as dst:
            while True:
                chunk = src.read(CHUNK)
                if not chunk:
                    break
                written += len(chunk)
                if written > limit:
                    return "het bestand pakt uit tot meer dan het zelf opgeeft (een zip-bom); niet nagekeken"
                dst.write(chunk)
    except RuntimeError:  # an encrypted member zipfile did not flag
        return "dit bestand is in het zip-bestand met een wachtwoord beveiligd en kan niet gelezen worden"
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, ValueError) as exc:
        if isinstance(exc, OSError) and exc.errno is not None:  # our temporary folder, not the member
            raise UserError(f"{target.parent}: kon een inzending niet tijdelijk uitpakken ({exc.strerror}).") \
                from None
        return f"dit bestand is in het zip-bestand beschadigd ({type(exc).__name__}); download het opnieuw"
    except Exception as exc:  # zlib.error and friends
        return f"dit bestand is in het zip-bestand beschadigd ({type(exc).__name__}); download het opnieuw"
    return None


def _is_zip_in_disguise(path: Path) -> bool:
    """A .docx that is really a zip of .docx files (an archive inside the archive)."""
    try:
        with zipfile.ZipFile(path) as inner:
            names = [i.filename.lower() for i in inner.infolist()[:MAX_MEMBERS]]
    except Exception:  # not a zip at all: the reader says what it is
        return False
    return "[content_types].xml" not in names and any(n.endswith((".docx", ".zip", ".docm")) for n in names)
