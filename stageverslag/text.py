"""Counting words and characters the same way everywhere (status, checks, TUI)."""

from __future__ import annotations

import re

_WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]+(?:[-'’.][0-9A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]+)*")


def count_words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def count_characters(text: str, spaces: bool = True) -> int:
    text = re.sub(r"\s+", " ", text).strip()
    return len(text) if spaces else len(text.replace(" ", ""))


