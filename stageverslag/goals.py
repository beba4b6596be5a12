"""Learning goals: the student's own goals in the project, and following them through a report.

The goals file (``leerdoelen.toml`` next to ``stageverslag.toml``) holds one ``[[leerdoel]]`` table per goal: a
short sentence (``doel``), the competences it works on (``competenties = ["LR6", "LR9"]``, from the profile's
LR1-LR15), and per moment (``[leerdoel.halverwege]``, ``[leerdoel.einde]``) where the student stands
(``stand``) with one line of evidence (``bewijs``). A student reads and edits it in any editor; the TUI and
``stageverslag doelen`` write it too.

Without a goals file (a finished .docx, a project that never wrote one) the goals are read from the text of
*Uitgangspunten*: the items under a sub-heading about goals, a list after a sentence that announces them, and
sentences such as "Ik wil ... leren" or "Mijn tweede leerdoel is ...".

Following a goal through the report matches *terms*, not strings: the goal's content words, reduced to their
stem by the Dutch Snowball stemmer (so "gesprekken" finds "gesprek", "gepland" finds "planning"), with stop
words and the words every goal has ("leren", "beter", "doel") left out; a word also matches a compound that
starts or ends with it ("teamoverleg" - "overleg", "Franstalig" - "Frans"). A goal comes back in a part when
one paragraph there holds two of its terms (one when the paragraph is about the goals: it or the one before
names a "(leer)doel"), or when the part names the goal by its number ("mijn derde leerdoel"). Every term counts
the same, also a word the report uses often: the check would rather miss a question than ask one the text
already answers (a document-frequency weighting was tried and made the hints depend on the length of other
parts).

Pure: reads the document model and the outline; no front end, no writing except :func:`save_goals`.
"""

from __future__ import annotations

import re
import threading
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

GOALS_FILE = "leerdoelen.toml"
MAX_GOALS = 12
MAX_GOAL_CHARS = 400
#: the moments a student notes where they stand (key in the file -> Dutch label)
MOMENTS = {"halverwege": "halverwege (tussentijdse evaluatie)", "einde": "op het einde"}

_HEADER = """\
# Je leerdoelen. Schrijf per doel één korte zin en de competenties (LR1-LR15) waaraan je werkt.
# Halverwege en op het einde noteer je per doel waar je staat ('stand') en één regel bewijs ('bewijs').
# 'stageverslag doelen' toont ze; de controle zoekt ze in je tekst (uitgangspunten, tussentijdse evaluatie,
# conclusie). Meer: stageverslag doelen --help.
# tabel = "uitgangspunten" of "bijlage" zet bij 'stageverslag build' een tabel met je doelen en hun competenties
# in dat onderdeel ("" = geen tabel).

"""


# ------------------------------------------------------------------------------------------------ the file


@dataclass
class Standing:
    """Where a goal stands at one moment: a short verdict and one line of evidence."""
    stand: str = ""
    bewijs: str = ""

    def empty(self) -> bool:
        return not (self.stand.strip() or self.bewijs.strip())


@dataclass
class Goal:
    text: str
    competences: tuple[str, ...] = ()
    halverwege: Standing = field(default_factory=Standing)
    einde: Standing = field(default_factory=Standing)

    def to_toml(self) -> dict:
        out: dict = {"doel": self.text, "competenties": list(self.competences)}
        for key in MOMENTS:
            standing = getattr(self, key)
            if not standing.empty():
                out[key] = {"stand": standing.stand, "bewijs": standing.bewijs}
        return out


def goals_path(root: str | Path) -> Path:
    return Path(root) / GOALS_FILE


def _competence_list(value, where: str, known: dict | None) -> tuple[str, ...]:
    from .errors import ConfigError
    if isinstance(value, str):
        value = [v for v in re.split(r"[,;\s]+", value) if v]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: 'competenties' moet een lijst zijn, bv. [\"LR6\", \"LR9\"].")
    out = []
    for v in value:
        code = v.strip().upper().replace(" ", "")
        if re.fullmatch(r"\d{1,2}", code):
            code = "LR" + code
        if known and code not in known:
            raise ConfigError(f"{where}: competentie '{v}' bestaat niet; kies uit {', '.join(known)}.")
        if code not in out:
            out.append(code)
    return tuple(out)


def parse_goals(data: dict, where: str = GOALS_FILE, competences: dict | None = None) -> list[Goal]:
    """The goals of a parsed goals file; ConfigError (Dutch, naming the field) when something is off."""
    from .errors import ConfigError
    raw = data.get("leerdoel", [])
    if not isinstance(raw, list) or not all(isinstance(g, dict) for g in raw):
        raise ConfigError(f"{where}: schrijf elk doel als een tabel [[leerdoel]] met doel = \"...\".")
    if len(raw) > MAX_GOALS:
        raise ConfigError(f"{where}: {len(raw)} leerdoelen is te veel; houd het bij hooguit {MAX_GOALS} "
                          "(de handleiding vraagt enkele concrete doelen).")
    goals = []
    for i, g in enumerate(raw, 1):
        here = f"{where}, leerdoel {i}"
        text = g.get("doel", "")
        if not isinstance(text, str) or not text.strip():
            raise ConfigError(f"{here}: 'doel' ontbreekt of is leeg; schrijf het doel als één korte zin.")
        if len(text) > MAX_GOAL_CHARS:
            raise ConfigError(f"{here}: het doel is langer dan {MAX_GOAL_CHARS} tekens; houd het bij één zin.")
        standings = {}
        for key in MOMENTS:
            s = g.get(key, {})
            if not isinstance(s, dict) or not all(isinstance(s.get(k, ""), str) for k in ("stand", "bewijs")):
                raise ConfigError(f"{here}: '{key}' moet een tabel zijn met stand = \"...\" en bewijs = \"...\".")
            standings[key] = Standing(s.get("stand", "").strip(), s.get("bewijs", "").strip())
        goals.append(Goal(text=" ".join(text.split()),
                          competences=_competence_list(g.get("competenties", []), here, competences),
                          **standings))
    return goals


def _read_goals_file(root: str | Path) -> tuple[Path, dict] | None:
    """(path, TOML data) of the project's goals file, None when there is none; ConfigError when unreadable."""
    from .errors import ConfigError
    from .project import MAX_CONFIG_BYTES, read_project_file
    path = goals_path(root)
    raw = read_project_file(Path(root), path, MAX_CONFIG_BYTES, "het bestand met je leerdoelen")
    if raw is None:
        return None
    try:
        return path, tomllib.loads(raw.decode("utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError) as exc:
        raise ConfigError(f"{path}: dit is geen geldig leerdoelenbestand ({exc}). Kijk de aanhalingstekens en "
                          "de [[leerdoel]]-regels na.") from None


def load_goals(root: str | Path, competences: dict | None = None) -> list[Goal] | None:
    """The project's goals, or None when it has no goals file. ConfigError when the file is unreadable."""
    found = _read_goals_file(root)
    if found is None:
        return None
    path, data = found
    return parse_goals(data, path.name, competences)


def _toml_value(value) -> str:
    import tomli_w
    return tomli_w.dumps({"x": value}).split("=", 1)[1].strip()


#: where ``build`` may put the table of goals (the ``tabel`` key of the goals file, or ``build --leerdoelen``)
TABLE_PLACES = ("uitgangspunten", "bijlage")


def _table_place(value, where: str) -> str | None:
    from .errors import ConfigError
    if value is None or (isinstance(value, str) and value.strip().lower() in ("", "geen", "nee")):
        return None
    if not isinstance(value, str) or value.strip().lower() not in TABLE_PLACES:
        raise ConfigError(f"{where}: 'tabel' moet \"uitgangspunten\", \"bijlage\" of \"\" (geen tabel) zijn.")
    return value.strip().lower()


def goals_table_place(root: str | Path) -> str | None:
    """Where the goals file asks ``build`` to put the table of goals (None: no table)."""
    found = _read_goals_file(root)
    if found is None:
        return None
    path, data = found
    return _table_place(data.get("tabel"), path.name)


def dump_goals(goals: list[Goal], table: str | None = None) -> str:
    """The goals file as a student reads it: one [[leerdoel]] block per goal, with the two moments to fill in;
    ``table`` (a place of TABLE_PLACES) keeps the ``tabel`` setting."""
    out = [_HEADER.rstrip("\n")]
    if table:
        out += ["", f"tabel = {_toml_value(table)}"]
    for g in goals:
        competences = ", ".join(_toml_value(c) for c in g.competences)
        out += ["", "[[leerdoel]]", f"doel = {_toml_value(g.text)}", f"competenties = [{competences}]"]
        for key in MOMENTS:
            standing = getattr(g, key)
            out += ["", f"[leerdoel.{key}]", f"stand = {_toml_value(standing.stand)}",
                    f"bewijs = {_toml_value(standing.bewijs)}"]
    return "\n".join(out) + "\n"


def save_goals(root: str | Path, goals: list[Goal]) -> Path:
    """Write the goals file (atomically; the old one is replaced only when the new one is complete). Its
    ``tabel`` setting is kept."""
    from .storage import atomic_write_text
    if len(goals) > MAX_GOALS:
        from .errors import UserError
        raise UserError(f"hooguit {MAX_GOALS} leerdoelen.")
    return atomic_write_text(goals_path(root), dump_goals(goals, goals_table_place(root)))


def goals_table_markdown(goals: list[Goal], profile) -> str:
    """The goals as a Markdown table for the builder: goal, competences (code and role), and where the student
    stood halfway and at the end, under a sub-heading."""
    def cell(text: str) -> str:
        return " ".join(text.replace("|", "\\|").split()) or "–"

    def competence(code: str) -> str:
        role = (profile.competences.get(code, "") or "").split(":")[0].strip()
        return f"{code} ({role})" if role else code
    rows = ["### Mijn leerdoelen en competenties", "",
            "| Leerdoel | Competenties | Halverwege | Op het einde |", "|---|---|---|---|"]
    for g in goals:
        rows.append(f"| {cell(g.text)} | {cell(', '.join(competence(c) for c in g.competences))} | "
                    f"{cell(g.halverwege.stand)} | {cell(g.einde.stand)} |")
    return "\n".join(rows) + "\n"


def project_goals(project) -> list[Goal] | None:
    """The goals file of a project (None without one)."""
    return load_goals(project.root, project.profile.competences or None)


# ------------------------------------------------------------------------------------------------ words

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

#: Dutch function words (own list)
STOP_WORDS = frozenset("""
aan aangezien achter af al alle alleen als alsof altijd ander andere anders ben bij bijna bovendien daar daarna
daardoor daarom daarvan dan dat de deze die dit doch door dus een eens eerst en enkel enkele er erg ermee ernaar
even ge geen haar had heb hebben heeft hem het hier hij hoe hoewel hun iedereen iemand iets ik in is ja je jezelf
jij jou jouw juist kan keer kon kunnen maar me meer mee met mezelf mij mijn minder minstens misschien moet moeten
na naar naast niet niets nog nooit nu of om omdat onder ons onze ook op over per reeds samen sinds sommige te tegen
toch toe tot tussen u uit uw van veel vanaf via voor voordat vooral waar waarbij waardoor waarin wanneer want was
wat we wel welk welke werd werden wie wij wil willen word worden wordt zal ze zeer zelf zich zij zijn zo zoals
zodat zonder zou zouden zulke echter elk elke één twee drie vier vijf eerste tweede derde vierde vijfde steeds
daarbij hierbij hierdoor hiervoor waarop wanneer telkens goed beter meest best hoe heel helemaal eigen eigenlijk
""".split())

#: words every goal has: they say it is a goal, not what it is about
GOAL_WORDS = frozenset("""
leerdoel leerdoelen doel doelen doelstelling doelstellingen leren leer leerde bijleren verbeteren verbeter
ontwikkelen ontwikkel ontwikkeling groeien proberen probeer kunnen kunde vaardigheid vaardigheden competentie
competenties stage stages stageplaats stagiair tijdens graag wil willen zorgen zorg maken maak doen doe gaan ga
krijgen krijg leerpunt leerpunten werkpunt werkpunten verder sterker meer vaker
werk werken werkt mens mensen tijd lukt lukken stel stellen geef geven voer voeren neem nemen kom komen zet
zetten houd houden zie zien vind vinden weet weten manier dingen ding iets keer keren aandacht kant deel delen
gebruik gebruiken goede grote kleine nieuwe nieuw eigen echt zeker vlot vlotter
""".split())

#: "het tweede doel", "mijn derde leerdoel", "leerdoel 2", "doel 3"
ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6, "zevende": 7,
            "achtste": 8, "negende": 9, "tiende": 10, "laatste": -1}
_NUMBERED_GOAL = re.compile(
    r"\b(?:(?P<ord>eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|laatste)\s+"
    r"(?:leer)?doel\b|(?:leer)?doel\s+(?P<num>\d{1,2})\b)", re.I)
_GOAL_MENTION = re.compile(r"\b(?:leer)?doel(?:en|stelling(?:en)?)?\b", re.I)


_STEMMERS = threading.local()  # a Snowball stemmer keeps state while it works: one per thread


def _dutch_stemmer():
    """Snowball's Dutch stemmer, the one ``snowballstemmer.stemmer("dutch")`` gives. Importing the
    ``snowballstemmer`` package loads the stemmers of all 30 languages (~20 ms); without PyStemmer (which the
    package would prefer) only its Dutch module and the two it needs are loaded, under a private name."""
    import importlib.util
    import sys
    if importlib.util.find_spec("Stemmer") is None:
        package = sys.modules.get("_stageverslag_snowball")
        if package is None:
            spec = importlib.util.find_spec("snowballstemmer")  # finds the package without running it
            if spec is not None and spec.submodule_search_locations:
                import types
                package = types.ModuleType("_stageverslag_snowball")
                package.__path__ = list(spec.submodule_search_locations)
                sys.modules["_stageverslag_snowball"] = package
        if package is not None:
            try:
                from _stageverslag_snowball.dutch_stemmer import DutchStemmer
                _SNOWBALL_DIRS[:] = package.__path__
                return DutchStemmer()
            except ImportError:  # pragma: no cover - another layout: the package's own way below
                pass
    import snowballstemmer
    return snowballstemmer.stemmer("dutch")


def _stemmer():
    found = getattr(_STEMMERS, "stem", None)
    if found is None:
        try:
            found = _dutch_stemmer().stemWord
        except ImportError:  # pragma: no cover - a crude fallback: the same function for both sides of a match
            found = lambda w: re.sub(r"(heden|heid|ingen|ing|en|er|e|s|t|d)$", "", w) if len(w) > 5 else w  # noqa: E731
        _STEMMERS.stem = found
    return found


@lru_cache(maxsize=20000)
def stem(word: str) -> str:
    return _stemmer()(word.lower())


@dataclass(frozen=True)
class Term:
    word: str
    stem: str

    def forms(self) -> tuple[str, ...]:
        return (self.word, self.stem) if self.word != self.stem else (self.word,)


_STOP_STEMS = None

#: The stems of STOP_WORDS | GOAL_WORDS ("word:stem", or "word" when it is its own stem) as Snowball
#: ``_SHIPPED_FOR`` gives them (stemming the 280 words costs 15-20 ms per run). Used only with that exact version
#: and exactly these words; otherwise they are stemmed as before. ``tests/test_goals.py`` checks them.
_SHIPPED_FOR = "snowballstemmer-3.1.1.dist-info"
_SHIPPED_STOP_STEMS = """
    aan aandacht aangezien:aanzien achter af al alle:al alleen als:al alsof altijd ander andere:ander anders:ander
    ben best beter bij bijleren:bijler bijna bovendien competentie competenties:competentie daar daarbij daardoor
    daarna daarom daarvan dan dat de deel delen:deel derde:der deze die ding dingen:ding dit doch doe doel
    doelen:doel doelstelling:doelstel doelstellingen:doelstel doen door drie dus echt echter een eens:een eerst
    eerste:eerst eigen:eig eigenlijk:einlijk elk elke en enkel enkele:enkeel er erg ermee ernaar even:eef ga gaan
    ge gebruik:bruik gebruiken:bruik geef geen geven:geef goed goede graag groeien:groei grote haar had heb
    hebben:heb heeft:heef heel helemaal hem het hier hierbij hierdoor hiervoor hij hoe hoewel houd houden:houd hun
    iedereen iemand iets:iet ik in is ja je jezelf jij jou jouw juist kan kant keer keren:keer kleine kom
    komen:koom kon krijg krijgen:krijg kunde:kund kunnen:kun leer leerde:leer leerdoel leerdoelen:leerdoel
    leerpunt leerpunten:leerpunt leren:leer lukken:luk lukt:luk maak maar maken:maak manier me mee meer meest
    mens:men mensen:mens met mezelf mij mijn minder minstens:minsten misschien moet moeten:moet na naar naast neem
    nemen:neem niet niets:niet nieuw nieuwe nog nooit nu of om omdat onder ons:on ontwikkel ontwikkelen:ontwikkel
    ontwikkeling:ontwikkel onze ook op over per probeer proberen:prober reeds:reed samen:saam sinds:sind
    sommige:som stage stageplaats:staplaats stages:stage stagiair steeds:steed stel stellen:stel sterker te
    tegen:teeg telkens:telken tijd tijdens:tijden toch toe tot tussen:tus twee tweede u uit uw vaardigheden:vaard
    vaardigheid:vaard vaker van vanaf veel verbeter verbeteren:verbeteer verder:ver via vier vierde:vier vijf
    vijfde:vijf vind vinden:vind vlot vlotter voer voeren:voer voor vooral voordat waar waarbij waardoor waarin
    waarop wanneer want was wat we weet wel welk welke werd werden:wer werk werken:werk werkpunt
    werkpunten:werkpunt werkt:werk weten:weet wie wij wil willen:wil word worden:wor wordt zal ze zeer zeker zelf
    zet zetten:zet zich zie zien zij zijn zo zoals:zoal zodat zonder zorg zorgen:zorg zou zouden:zoud zulke één
"""
_SNOWBALL_DIRS: list[str] = []  # where the Dutch stemmer was loaded from (see _dutch_stemmer)


def _shipped_stop_stems() -> frozenset | None:
    import os
    shipped = dict((*pair.split(":"), pair)[:2] for pair in _SHIPPED_STOP_STEMS.split())
    if not _SNOWBALL_DIRS or shipped.keys() != STOP_WORDS | GOAL_WORDS or not any(
            os.path.isdir(os.path.join(os.path.dirname(d), _SHIPPED_FOR)) for d in _SNOWBALL_DIRS):
        return None
    return frozenset(shipped.values())


def _stop_stems() -> frozenset:
    global _STOP_STEMS
    if _STOP_STEMS is None:
        _stemmer()  # loads the stemmer: which one decides whether the shipped stems apply
        _STOP_STEMS = _shipped_stop_stems() or frozenset(stem(w) for w in STOP_WORDS | GOAL_WORDS)
    return _STOP_STEMS


def terms(text: str) -> list[Term]:
    """The content words of ``text`` as terms (lower-case word and stem); a hyphenated word as its parts."""
    out: list[Term] = []
    seen = set()
    stops = _stop_stems()
    for raw in WORD.findall(text):
        word = raw.lower().replace("’", "'")
        pieces = [p for p in word.split("-") if p] if "-" in word else [word]  # "hr-afdeling": its parts
        for piece in pieces:
            if len(piece) < 3 or piece in STOP_WORDS or piece in GOAL_WORDS:
                continue
            s = stem(piece)
            if s in stops or len(s) < 3:
                continue
            if (piece, s) not in seen:
                seen.add((piece, s))
                out.append(Term(piece, s))
    return out


def _forms_match(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 5 and (long_.startswith(short) or long_.endswith(short))


def term_in(term: Term, found: "list[Term] | Found") -> bool:
    """``term`` occurs among ``found``: the same word or stem, or a compound that starts or ends with it."""
    if not isinstance(found, Found):
        found = Found(found)
    forms = term.forms()
    if not found.forms.isdisjoint(forms):
        return True
    for x in forms:  # a compound: the shorter form (5 letters or more) starts or ends the longer one
        for y in found.long:
            if (len(x) <= len(y) and len(x) >= 5 and (y.startswith(x) or y.endswith(x))) or (
                    len(y) < len(x) and (x.startswith(y) or x.endswith(y))):
                return True
    return False


class Found:
    """The terms of a paragraph, ready for :func:`term_in`: every form, and the forms of 5 letters or more
    (only those can be part of a compound match)."""

    __slots__ = ("terms", "forms", "long")

    def __init__(self, terms: list[Term]):
        self.terms = terms
        self.forms = {f for t in terms for f in t.forms()}
        self.long = [f for f in self.forms if len(f) >= 5]

    def __iter__(self):
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)


# ------------------------------------------------------------------------------------------------ goals in a text


@dataclass
class TextGoal:
    """A goal read from the report's own text: the sentence and the paragraph (position in doc.paragraphs)."""
    text: str
    position: int


_ANNOUNCE = re.compile(r"\b(?:leer)?doel(?:en|stellingen)\b|\bleerpunten\b|\bwat ik wil (?:leren|bereiken)\b",
                       re.I)
_WANT = re.compile(
    r"\bik\s+(?:wil|hoop|zou graag|wou)\b[^.!?]{3,160}?\b(?:leren|verbeteren|ontwikkelen|versterken|bijleren|"
    r"oefenen|verdiepen|uitbreiden|ervaring opdoen|beheersen|onder de knie krijgen|worden)\b[^.!?]*[.!?]?",
    re.I)
#: "Mijn (tweede) (leer)doel is ...", "Een leerdoel was ..." (not "Het doel is ...": the company's, the report's)
_MY_GOAL = re.compile(r"\b(?:mijn\s+(?:\w+\s+)?(?:leer)?doel|(?:een|het|mijn)\s+(?:\w+\s+)?leerdoel)\s+"
                      r"(?:is|was|wordt)\s+(?:om\s+|dat\s+)?(?P<goal>[^.!?]{8,200})", re.I)
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")


def _headings(outline) -> set[int]:
    return {h.position for h in outline.headings}


def _is_list_item(p) -> bool:
    return bool(p.numbered) or bool(re.match(r"\s*(?:[-•*–]|\d{1,2}[.)])\s+", p.text))


def _clean_item(text: str) -> str:
    text = re.sub(r"^\s*(?:[-•*–]|\d{1,2}[.)]|(?:leer)?doel\s*\d{1,2}\s*[:.)-])\s*", "", text, flags=re.I)
    return " ".join(text.replace("**", "").split())


def _is_goal_item(text: str) -> bool:
    words = len(text.split())
    return 3 <= words <= 45 and len(terms(text)) >= 1 and not text.rstrip().endswith("?")


def goals_in_text(doc, outline, part_id: str = "uitgangspunten") -> list[TextGoal]:
    """The goals a report states in *Uitgangspunten* (see the module docstring); [] when it states none."""
    span = outline.parts.get(part_id)
    if span is None:
        return []
    heads = _headings(outline)
    paras = doc.paragraphs
    found: list[TextGoal] = []

    def add(text: str, position: int) -> None:
        text = _clean_item(text)
        if text and _is_goal_item(text) and all(g.text != text for g in found):
            found.append(TextGoal(text, position))

    # 1. the items under a sub-heading about goals ("Mijn doelen", "Leerdoelen", "Persoonlijke doelstellingen")
    i = span.start + 1
    while i < span.end:
        if i in heads and _ANNOUNCE.search(paras[i].text) or (
                i in heads and re.search(r"\bdoel", paras[i].text, re.I)):
            j = i + 1
            while j < span.end and j not in heads:
                text = paras[j].text.strip()
                cellpos = paras[j].table_cell
                if cellpos is not None and (cellpos[1] == 0 or cellpos[2] != 0):
                    j += 1  # a table of goals: only the first cell of each row below the header
                    continue
                if text and not _GOAL_MENTION.search(text) and (_is_list_item(paras[j]) or len(text.split()) <= 45):
                    if not text.endswith(":"):
                        add(text, j)
                j += 1
            i = j
            continue
        i += 1
    if found:
        return found
    # 2. a list after a sentence that announces the goals ("Mijn leerdoelen zijn:")
    for i in range(span.start + 1, span.end):
        text = paras[i].text.strip()
        if i in heads or not (_ANNOUNCE.search(text) and text.endswith(":")):
            continue
        j = i + 1
        while j < span.end and j not in heads:
            p = paras[j]
            t = p.text.strip()
            if not t:
                j += 1
                continue
            if not (_is_list_item(p) or len(t.split()) <= 30):
                break
            add(t, j)
            j += 1
    if found:
        return found
    # 3. goal sentences anywhere in the part
    for i in range(span.start + 1, span.end):
        if i in heads:
            continue
        text = paras[i].text
        for m in _MY_GOAL.finditer(text):
            add(m.group("goal"), i)
        for m in _WANT.finditer(text):
            add(m.group(0), i)
    return found


# ------------------------------------------------------------------------------------------------ following


@dataclass
class Trace:
    """One goal followed through the report."""
    number: int  # 1-based
    text: str
    competences: tuple[str, ...] = ()
    #: where the goal is stated in Uitgangspunten (position in doc.paragraphs), None when it is not there
    stated: int | None = None
    #: part id -> position of the first paragraph that comes back to it, None when it does not
    revisits: dict[str, int | None] = field(default_factory=dict)

    @property
    def missing(self) -> list[str]:
        return [pid for pid, pos in self.revisits.items() if pos is None]


@dataclass
class FollowThrough:
    #: "project" (the goals file) or "tekst" (read from Uitgangspunten) or "" (no goals found)
    source: str
    traces: list[Trace]
    #: the parts the goals were looked for in, in order (the ones the report has)
    parts: list[str]


def _paragraph_terms(doc, start: int, end: int, heads: set[int]) -> list[tuple[int, list[Term], str]]:
    return [(i, Found(terms(doc.paragraphs[i].text)), doc.paragraphs[i].text) for i in range(start + 1, end)
            if i not in heads and doc.paragraphs[i].text.strip()]


def _number_named(text: str, count: int) -> set[int]:
    out = set()
    for m in _NUMBERED_GOAL.finditer(text):
        if m.group("ord"):
            n = ORDINALS[m.group("ord").lower()]
            out.add(count if n == -1 else n)
        else:
            out.add(int(m.group("num")))
    return out


def revisited_at(goal_terms: list[Term], number: int, count: int, paragraphs, common: set[str]) -> int | None:
    """The first paragraph (position) among ``paragraphs`` [(position, terms, text)] that comes back to the goal."""
    if not goal_terms:
        return None
    context_left = 0  # paragraphs still "about the goals" after one that names a (leer)doel
    for pos, found, text in paragraphs:
        mentions = bool(_GOAL_MENTION.search(text))
        if number in _number_named(text, count):
            return pos
        score = 0.0
        specific = False
        for t in goal_terms:
            if term_in(t, found):
                common_term = t.stem in common
                score += 0.5 if common_term else 1.0
                specific = specific or not common_term
        about_goals = mentions or context_left > 0
        if score >= min(2.0, len(goal_terms)) or (about_goals and specific):
            return pos
        context_left = 8 if mentions else max(0, context_left - 1)
    return None


def follow(doc, outline, profile, stage: str = "final", goals: list[Goal] | None = None) -> FollowThrough:
    """Follow the goals (the project's, or else the ones Uitgangspunten states) through Tussentijdse
    evaluatie and, for the final report, the Conclusie: the parts of the report that exist."""
    heads = _headings(outline)
    later = ["tussentijdse_evaluatie"] + (["conclusie"] if stage == "final" else [])
    later = [pid for pid in later if pid in outline.parts and not outline.parts[pid].empty]  # empty: SV103
    if goals:
        source = "project"
        items = [(g.text, g.competences, None) for g in goals]
        check = (["uitgangspunten"] if "uitgangspunten" in outline.parts else []) + later
    else:
        found = goals_in_text(doc, outline)
        source = "tekst" if found else ""
        items = [(g.text, (), g.position) for g in found]
        check = later
    if not items or not check:
        return FollowThrough(source=source, traces=[Trace(n, t, c, stated=s) for n, (t, c, s) in
                                                    enumerate(items, 1)], parts=check)
    spans = {pid: _paragraph_terms(doc, outline.parts[pid].start, outline.parts[pid].end, heads) for pid in check}
    common: set[str] = set()  # every term counts in full (see the module docstring)
    traces = []
    for number, (text, competences, stated) in enumerate(items, 1):
        goal_terms = terms(text)
        trace = Trace(number=number, text=text, competences=competences, stated=stated)
        for pid in check:
            pos = revisited_at(goal_terms, number, len(items), spans[pid], common)
            if pid == "uitgangspunten":
                trace.stated = pos
            else:
                trace.revisits[pid] = pos
        traces.append(trace)
    return FollowThrough(source=source, traces=traces, parts=check)


def covered_competences(goals: list[Goal]) -> list[str]:
    """The competences the goals work on, in LR order."""
    codes = {c for g in goals for c in g.competences}
    return sorted(codes, key=lambda c: (len(c), c))


def short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip(" ,;:") + "…"


def part_paragraphs(doc, outline, part_id: str, subsection: str | None = None) -> list[int]:
    """Positions of the non-empty, non-heading paragraphs of a part (or of one of its subsections: from its
    heading to the next heading of the same or a higher level); [] when it is empty (fewer than ten words, or
    only template text)."""
    span = outline.parts.get(part_id)
    if span is None:
        return []
    start, end = span.start, span.end
    if subsection is not None:
        head = span.subsections.get(subsection)
        if head is None:
            return []
        start = head.position
        level = head.level or 9
        for h in outline.headings:
            if start < h.position < end and (h.level or 9) <= level:
                end = h.position
                break
    heads = _headings(outline)
    positions = [i for i in range(start + 1, end) if i not in heads and doc.paragraphs[i].text.strip()]
    if (subsection is None and span.empty) or words_of(doc, positions) < 10:
        return []  # an empty part or subsection is SV103's and SV104's to report, not a content question
    return positions


def subsection_texts(doc, outline, part_id: str, subsection: str):
    """(heading position, texts) of a subsection, its sub-headings included: what the content hints about
    one subsection read ("Het beroep"); None when it is missing or empty."""
    positions = part_paragraphs(doc, outline, part_id, subsection)
    if not positions:
        return None
    head = outline.parts[part_id].subsections[subsection]
    texts = [doc.paragraphs[i].text for i in positions]
    texts += [h.text for h in outline.headings if positions[0] <= h.position <= positions[-1]]
    return head.position, texts


# ------------------------------------------------------------------------------------------------ content helpers
# Small, explainable text signals the content hints (checks/sv60x_*.py) share.

_SPEECH = (r"(?:vertelde|vertelt|vertellen|zei|zegt|vindt|vond|noemde|noemt|ziet|zag|merkt|merkte|wees|legde|gaf|"
           r"geeft|antwoordde|antwoordt|benadrukte|benadrukt|meent|denkt|dacht|verklaarde|verklaart|raadde|raadt|"
           r"stelde|adviseerde|vroeg|vraagt|liet|leerde|begon|volgde|werkte|kwam|stapte|koos|ging|is|was|heeft|had)")
_CAP = r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?"
_PARTICLE = r"(?:van|de|der|den|el|al|ten|ter|le|la|du|da|di|van der|van de|van den|in 't)"
_FULL_NAME = re.compile(rf"\b({_CAP})\s+(?:{_PARTICLE}\s+)?(?:{_CAP}|[A-Z][a-z]?[A-Z][a-z]+)\b")
_SUBJECT = re.compile(rf"\b({_CAP})\s+{_SPEECH}\b")
_VOLGENS = re.compile(rf"\b(?:volgens|met|aan|van|bij|interview met|gesprek met)\s+({_CAP})\b")
#: capitalised words that are no first names (sentence starts, months, days, languages, tools)
NOT_NAMES = frozenset("""
hij zij ze ik je jij wij we u men die dat dit deze het de een er daar hier toen ook maar en of want dus daarna
daarom bovendien verder tot ten na voor volgens tijdens sinds als wanneer omdat iedereen niemand alle allebei
beiden beide elke elk iemand zelf mijn haar zijn hun onze ons uw wat wie welke hoe waar waarom tegenover ondanks
januari februari maart april mei juni juli augustus september oktober november december maandag dinsdag woensdag
donderdag vrijdag zaterdag zondag nederlands frans engels duits spaans italiaans pools vlaanderen wallonië brussel
belgië nederland europa excel word powerpoint outlook teams sap google linkedin facebook instagram microsoft
interview gesprek vraag antwoord tijdens mentor collega's collega's stage stagiair covid corona ter ten
vroeger vandaag nadien achteraf eerst later soms nu samen zo toch wel niet nooit altijd vaak meestal daardoor
hierdoor hierna daarnaast tenslotte uiteindelijk opeens plots gelukkig helaas jammer eerlijk vooral ten slotte
ook bij op in uit aan met om over onder naast binnen buiten zowel zeker echt natuurlijk blijkbaar
""".split())


def person_names(texts: list[str], exclude: set[str] | None = None) -> set[str]:
    """First names of people the texts name: full names ("Ilse Goossens", "Koen De Smet"), a capitalised word
    before a verb of saying or doing ("Koen vertelde"), after "volgens"/"interview met". Lower-case."""
    exclude = {e.lower() for e in (exclude or set())}
    names: set[str] = set()
    for text in texts:
        for pattern in (_FULL_NAME, _SUBJECT, _VOLGENS):
            for m in pattern.finditer(text):
                first = m.group(1).lower()
                if re.search(r"\b(?:de|het|een|die|deze|dit|dat)\s+$", text[max(0, m.start(1) - 8):m.start(1)], re.I):
                    continue  # "de Franstalige gesprekken": an adjective, no name
                if first in NOT_NAMES or first in STOP_WORDS or first in exclude or len(first) < 3:
                    continue
                names.add(first)
    return names


ROLE_WORDS = re.compile(
    r"\b(?:collega|collega's|mentor|stagementor|begeleider|stagebegeleider|praktijkbegeleider|leidinggevende|"
    r"verantwoordelijke|baas|chef|manager|teamleider|teamleden|directeur|zaakvoerder|klant|klanten|kandidaat|"
    r"kandidaten|medewerker|medewerkers|werknemer|werknemers|leverancier|leveranciers|bezoeker|bezoekers|"
    r"deelnemer|deelnemers|gast|gasten|team|coach|docent|stagiair|stagiairs|patiënt|patiënten|cliënt|"
    r"cliënten|recruiter|adviseur|assistent|secretaresse|ploeg|afdeling)\b", re.I)

WHEN_WORDS = re.compile(
    r"\b(?:week\s+(?:\d{1,2}|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien)|"
    r"(?:eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|elfde|twaalfde|dertiende|"
    r"veertiende|laatste|volgende|vorige)\s+(?:week|weken|dag|dagen|maand)|maandag|dinsdag|woensdag|donderdag|"
    r"vrijdag|zaterdag|zondag|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
    r"december|'s\s+(?:morgens|ochtends|middags|avonds)|(?:die|deze|diezelfde|een)\s+(?:ochtend|middag|avond|"
    r"dag|week|keer)|toen|gisteren|onlangs|op\s+dat\s+moment|op\s+een\s+(?:dag|keer)|tijdens\s+(?:de|het|een|"
    r"mijn)|na\s+(?:de|het|een|twee|drie|enkele)\s+\w+|in\s+het\s+begin|de\s+eerste\s+keer|\d{1,2}[/-]\d{1,2})\b",
    re.I)


def words_of(doc, positions: list[int]) -> int:
    return sum(len(doc.paragraphs[i].text.split()) for i in positions)


# ------------------------------------------------------------------------------------------------ overview


@dataclass
class Overview:
    """The goals of a project as the dashboard and ``stageverslag doelen`` show them."""
    goals: list[Goal]
    #: "project" (goals file), "tekst" (read from the Uitgangspunten draft) or "" (none yet)
    source: str
    covered: list[str]  # competence codes the goals work on
    uncovered: list[str]  # the profile's competences no goal works on
    traces: list[Trace]
    #: the parts the drafts were searched (the ones with text)
    parts: list[str]

    def not_revisited(self) -> list[Trace]:
        return [t for t in self.traces if t.missing or t.stated is None and self.source == "project"]


def overview(project, stage: str = "final") -> Overview:
    from .document.outline import analyse
    goals = project_goals(project) or []
    doc = project.document()
    outline = analyse(doc, project.profile)
    result = follow(doc, outline, project.profile, stage, goals or None)
    if not goals:  # goals read from the text: show them as goals without competences
        goals = [Goal(text=t.text) for t in result.traces]
    covered = covered_competences(goals)
    uncovered = [c for c in project.profile.competences if c not in covered]
    return Overview(goals=goals, source=result.source, covered=covered, uncovered=uncovered,
                    traces=result.traces, parts=result.parts)


def anchor(doc, outline, part_id: str) -> int:
    """Where a question about a whole part points: its title in a .docx; in a project's drafts (whose part titles
    are not in the files) its first paragraph, so the finding has a line to jump to."""
    span = outline.parts[part_id]
    if doc.source == "markdown":
        for i in range(span.start + 1, span.end):
            if doc.paragraphs[i].source_line:
                return i
    return span.start
