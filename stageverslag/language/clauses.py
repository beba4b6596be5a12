"""Cutting a sentence into clauses for the dt rules: at punctuation and at subordinating and coordinating
conjunctions, remembering which word opened each clause."""

from __future__ import annotations

from dataclasses import dataclass

from .dtwords import COORDINATORS, INITIAL_SUBORDINATORS, SUBORDINATORS
from .tokens import Token


@dataclass
class Clause:
    words: list[Token]
    opener: str | None  # the subordinator or coordinator that opens it, else None
    sentence_start: bool  # the first clause of the sentence
    after_comma: bool
    end_punct: str | None  # punctuation that ends it (None: another clause follows via a conjunction)
    question: bool = False  # the sentence ends with a question mark
    start_punct: str | None = None  # the punctuation right before it (":" and "(" start a sentence-like unit)


def split_clauses(sentence: list[Token]) -> list[Clause]:
    clauses: list[Clause] = []
    cur: list[Token] = []
    opener = None
    first = True
    after_comma = False
    start_punct = None

    def close(end_punct):
        nonlocal cur, first
        if cur or opener:
            clauses.append(Clause(cur, opener, first, after_comma, end_punct, start_punct=start_punct))
            first = False
        cur = []

    for tok in sentence:
        if tok.kind != "word":
            if tok.text in ("'", "’", "&", "/", "-"):
                continue
            close(tok.text)
            opener, after_comma, start_punct = None, tok.text == ",", tok.text
            continue
        low = tok.lower
        if cur and (low in SUBORDINATORS or low in COORDINATORS) and not _part_of_np(cur, low):
            close(None)
            opener, after_comma = low, False
            continue
        if not cur and opener is None and low in COORDINATORS and low != "dus":
            opener = low  # "En toen ...", ", want anders ..."
            continue
        if not cur and opener is None and (low in INITIAL_SUBORDINATORS or (low == "wat" and after_comma)):
            opener = low  # "Omdat ..." at the start of a sentence or after a comma; ", wat ..."
            continue
        cur.append(tok)
    close(None)
    if sentence and "?" in sentence[-1].text:
        for c in clauses:
            c.question = True
    return clauses


def _part_of_np(cur: list[Token], low: str) -> bool:
    """'dat'/'die'/'wat' right after a preposition is a determiner/pronoun, not a new clause."""
    return low in ("dat", "die", "wat", "voor", "na", "tot") and cur[-1].lower in (
        "van", "met", "voor", "op", "aan", "in", "door", "over", "bij", "naar", "uit", "om", "zonder", "tot",
        "na", "sinds", "tijdens", "ondanks", "volgens", "per", "zo'n", "al")
