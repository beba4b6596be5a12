"""Optional LanguageTool check through ``language_tool_python``, only against a server the user names
(``--languagetool URL`` or ``[taal] languagetool`` in the project). Nothing is sent anywhere otherwise:
these reports describe real companies. The library is imported lazily, only when a URL is given.

Matches are mapped onto our categories (spelling, dt, spreektaal, style) and merged with our own issues
without duplicates by the caller (:func:`stageverslag.language.issues.merge`).
"""

from __future__ import annotations

from urllib.parse import urlparse

from ..errors import UserError
from .issues import Issue

LANGUAGE = "nl-BE"
#: LanguageTool refuses very long texts; paragraphs are sent in batches of at most this many characters
BATCH_CHARS = 20_000
SEPARATOR = "\n\n"

_TOOLS: dict[str, object] = {}


class LanguageToolError(UserError):
    """The named server could not be used; the message is Dutch."""


def validate_url(url: str) -> str:
    url = (url or "").strip()
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise LanguageToolError(f"'{url}' is geen geldig adres voor een LanguageTool-server; "
                                "gebruik bijvoorbeeld http://localhost:8081.")
    return url


def _tool(url: str):
    url = validate_url(url)
    if url not in _TOOLS:
        try:
            import language_tool_python
        except ImportError:
            raise LanguageToolError("LanguageTool gebruiken vraagt het pakket language-tool-python: "
                                    "pip install 'stageverslag[languagetool]'.") from None
        try:
            _TOOLS[url] = language_tool_python.LanguageTool(LANGUAGE, remote_server=url)
        except Exception as exc:  # noqa: BLE001 - any failure means: this server cannot be used
            raise LanguageToolError(f"de LanguageTool-server op {url} antwoordt niet ({type(exc).__name__}). "
                                    "Start hem of laat --languagetool weg.") from None
    return _TOOLS[url]


def category_of(match) -> str:
    """Our category for a LanguageTool match."""
    cat = str(getattr(match, "category", "") or "").upper()
    rule = str(getattr(match, "rule_id", "") or "").upper()
    kind = str(getattr(match, "rule_issue_type", "") or "").lower()
    message = str(getattr(match, "message", "") or "").lower()
    if cat == "TYPOS" or kind == "misspelling":
        return "spelling"
    if "DT" in rule.replace("_", " ").split() or "dt-" in message or "persoonsvorm" in message or (
            "VERB" in rule and ("voltooid deelwoord" in message or "werkwoord" in message)):
        return "dt"
    if cat in ("COLLOQUIALISMS", "REGIONALISMS") or kind == "register" or "spreektaal" in message:
        return "spreektaal"
    return "style"


def _issue(match, base: int) -> Issue:
    start = int(match.offset) - base
    end = start + int(getattr(match, "error_length", 0) or 0)
    suggestions = [r for r in list(getattr(match, "replacements", []) or [])[:3] if isinstance(r, str)]
    category = category_of(match)
    return Issue(category, f"LanguageTool: {match.message}", start, end, suggestions,
                 f"Gevonden door LanguageTool (regel {getattr(match, 'rule_id', '?')}).",
                 severity="info" if category == "style" else "warning", source="languagetool")


def check_texts(url: str, texts: list[str]) -> list[list[Issue]]:
    """LanguageTool issues per text (offsets into each text). Texts are sent in a few batches."""
    tool = _tool(url)
    out: list[list[Issue]] = [[] for _ in texts]
    batch: list[int] = []
    size = 0

    def flush():
        nonlocal batch, size
        if not batch:
            return
        starts, combined = [], ""
        for i in batch:
            starts.append(len(combined))
            combined += texts[i] + SEPARATOR
        try:
            matches = tool.check(combined)
        except Exception as exc:  # noqa: BLE001
            raise LanguageToolError(f"de LanguageTool-server op {url} gaf een fout ({type(exc).__name__}: "
                                    f"{exc}).") from None
        for m in matches:
            pos = int(m.offset)
            j = max(k for k, s in enumerate(starts) if s <= pos)
            i = batch[j]
            issue = _issue(m, starts[j])
            if 0 <= issue.start and issue.end <= len(texts[i]):
                out[i].append(issue)
        batch, size = [], 0

    for i, text in enumerate(texts):
        if not text.strip():
            continue
        if size + len(text) > BATCH_CHARS:
            flush()
        batch.append(i)
        size += len(text) + len(SEPARATOR)
    flush()
    return out
