"""Language results remembered across runs: a report checked again gets the facts of its last check without
running the engine (like ruff's cache).

What the engine finds in a document depends only on the paragraphs it reads (their text and whether they are
Markdown), on the analyses asked for, the suggestion budget, the project's word list and names, and on the
engine itself: its code, its data, the dictionary files and the Python version. All of these make up the key,
so a changed paragraph, word list, dictionary or stageverslag version means a new check; the old entry simply
ages out. One small file per document state in ``~/.cache/stageverslag/taal/``; at most :data:`KEEP` files.

``STAGEVERSLAG_NO_RESULT_CACHE=1`` switches it off (the tests do, except those about this cache).
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from pathlib import Path

from ..paths import cache_dir, prune_oldest, write_cache_file
from .issues import Issue

FORMAT = 1
KEEP = 400  # documents remembered; past that the oldest go
_PACKAGE = Path(__file__).resolve().parent
_FINGERPRINT: list[str] = []


def _engine_files() -> list[Path]:
    from ..paths import templates_dir
    files = sorted(_PACKAGE.glob("*.py")) + sorted((_PACKAGE / "data").glob("*"))
    files += [_PACKAGE.parent / "text.py"]
    taal = templates_dir() / "taal"
    files += sorted(taal.glob("*")) if taal.is_dir() else []
    return files


def engine_fingerprint(dictionary) -> str:
    """Everything about the engine a result depends on, as a short hash: the size and time of its code and data
    files, the dictionary files and the Python version (a few dozen ``stat`` calls, once per process)."""
    if not _FINGERPRINT:
        parts = [f"{FORMAT}", sys.version]
        for path in _engine_files():
            try:
                st = path.stat()
            except OSError:
                continue
            parts.append(f"{path.name}|{st.st_size}|{st.st_mtime_ns}")
        _FINGERPRINT.append("\n".join(parts))
    files = dictionary.files
    own = [files.dic, files.aff]
    try:
        from .dictionary import english_files
        english = english_files()
        if english is not None:
            own += [english.dic, english.aff]
        stamp = "\n".join(f"{p}|{p.stat().st_size}|{p.stat().st_mtime_ns}" for p in own)
    except OSError:
        stamp = "?"
    return hashlib.sha256(f"{_FINGERPRINT[0]}\n{stamp}".encode()).hexdigest()


def key(dictionary, paragraphs, analyses, budget, wordlist, names) -> str:
    """The key of one document's language check: ``paragraphs`` is a list of ``(text, markdown)``."""
    h = hashlib.sha256()
    h.update(engine_fingerprint(dictionary).encode())
    h.update(repr((sorted(analyses), budget, tuple(wordlist), tuple(names))).encode())
    for text, markdown in paragraphs:
        h.update(b"\x01M" if markdown else b"\x01P")
        h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _path(digest: str) -> Path:
    return cache_dir() / "taal" / f"{digest[:40]}.marshal"


def _issue(row) -> Issue:
    category, message, start, end, suggestions, explanation, severity, source = row
    return Issue(category, message, start, end, list(suggestions), explanation, severity, source)


def load(digest: str, count: int) -> tuple[bool, list[list[Issue]]] | None:
    """``(english, issues per paragraph)`` remembered under ``digest`` for ``count`` paragraphs, or None."""
    try:
        data = marshal.loads(_path(digest).read_bytes())
        version, english, rows = data
        if version != FORMAT or len(rows) != count:
            return None
        return bool(english), [[_issue(r) for r in paragraph] for paragraph in rows]
    except (OSError, ValueError, TypeError, EOFError):
        return None  # not there, unreadable or of another version: check again


def store(digest: str, english: bool, per_paragraph: list[list[Issue]]) -> None:
    rows = [[(i.category, i.message, i.start, i.end, tuple(i.suggestions), i.explanation, i.severity, i.source)
             for i in paragraph] for paragraph in per_paragraph]
    path = _path(digest)
    try:
        data = marshal.dumps((FORMAT, english, rows))
    except ValueError:
        return
    if write_cache_file(path, data):  # else a read-only or full cache folder: check again next time
        prune_oldest(path.parent, ".marshal", KEEP)
