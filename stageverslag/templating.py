"""Jinja2 environment over ``templates/``: every piece of fixed text a user reads lives there."""

from __future__ import annotations

import json
from functools import lru_cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .paths import templates_dir


def _toml_str(value) -> str:
    return json.dumps("" if value is None else str(value), ensure_ascii=False)


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(templates_dir())), undefined=StrictUndefined,
                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True, autoescape=False)
    env.filters["toml"] = _toml_str
    return env


def render(name: str, **context) -> str:
    return environment().get_template(name).render(**context)
