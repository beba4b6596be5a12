"""Every fixed text of the builder comes from ``templates/docx/``: short strings are Jinja2 macros in
``teksten.j2`` (``say("toc_title")``), longer pieces are whole templates (title page, skeleton, header,
footer)."""

from __future__ import annotations

from functools import lru_cache

from ..templating import environment, render

_MODULE = "docx/teksten.j2"


@lru_cache(maxsize=1)
def _macros():
    return environment().get_template(_MODULE).module


def say(key: str, **context) -> str:
    """The short text ``key`` (a macro in ``teksten.j2``), rendered with ``context``, stripped."""
    macro = getattr(_macros(), key)
    return " ".join(str(macro(**context)).split())


def lines(template: str, **context) -> list[str]:
    """A multi-line template rendered to lines (trailing whitespace removed, blank lines kept)."""
    return [line.rstrip() for line in render(f"docx/{template}", **context).strip("\n").splitlines()]
