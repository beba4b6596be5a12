"""Text preparation for the language checks: blank out what is not prose (Markdown markup, comments, code,
URLs, e-mail addresses) without moving any character, then cut the prose into tokens and sentences.

Offsets always point into the original text, so findings can be shown in place (TUI, editors, .docx).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .prose import _REFERENCE_ENTRY, REFERENCE_TITLES, _normalise_title, monospace, not_prose  # noqa: F401

LETTERS = "A-Za-zÀ-ÖØ-öø-ÿĀ-ſ"
_WORD = re.compile(
    rf"['’][ktsn](?![{LETTERS}0-9])"  # 'k, 't, 's, 'n
    rf"|[{LETTERS}0-9]+(?:[-'’.&][{LETTERS}0-9]+)*")
_PUNCT = re.compile(r"[:;]-?[()DPp](?![A-Za-z0-9])|[.!?…]+|[,;:()\[\]\"“”„«»–—]|[^\sA-Za-z0-9]")

_HYPHENATED = re.compile(r"-(\s*\n\s*|\s{2,})([a-zà-öø-ÿ]+(?:-[a-zà-öø-ÿ]+)*)")
_QUOTES = "'\"‘’“”„«»`"
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_FENCE = re.compile(r"^(```|~~~).*?(?:^\1[^\n]*$|\Z)", re.S | re.M)
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_URL = re.compile(r"(?:https?://|ftp://|www\.|mailto:)[^\s<>()\[\]\"]+|\b[\w.-]+\.(?:be|nl|com|org|net|eu|io|de|fr|uk|"
                  r"edu|gov|info|biz|co|ai|app|dev|me|tv|ly|gl|gg|us|ch|at|lu)(?:/[^\s]*)?\b", re.I)
#: a quick test whether _URL can match at all (it is slow on text without addresses): a letter, a dot and a
#: top-level domain, written to start with the dot so that the search jumps from dot to dot
_TLD = re.compile(r"\.(?<=\w\.)(?:be|nl|com|org|net|eu|io|de|fr|uk|edu|gov|info|biz|co|ai|app|dev|me|tv|ly|gl|gg|us|"
                  r"ch|at|lu)\b", re.I)
_EMAIL = re.compile(r"(?:mailto:)?[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.I)
#: file names and paths: verslag.docx, IMDB_Dataset.csv, .htaccess, C:\Users\..., /var/www/site/, src/app/main
_EXTENSIONS = (r"(?:docx?|xlsx?|xlsm|pptx?|pdf|csv|tsv|txt|json|xml|html?|css|scss|sass|js|"
               r"jsx|ts|tsx|py|ipynb|php|java|class|jar|cs|cpp|hpp|h|c|rb|go|rs|sql|db|png|jpe?g|gif|svg|bmp|ico|zip|rar|"
               r"7z|md|ya?ml|ini|cfg|conf|log|exe|msi|bat|ps1|sh|vi|lvproj|dll|apk|mp4|mp3|wav|vsdx?|mpp|odt|ods|env|lock|"
               r"toml|bak|tmp|iso|dwg|stl)\b")
_FILE = re.compile(
    r"(?<![\w@])[\w~$-]+(?:\.[\w-]+)*\." + _EXTENSIONS
    + r"|(?<![\w.])\.[A-Za-z][\w.-]{1,30}\b",  # dot files: .htaccess, .gitignore, .env
    re.I)
#: what every match of _FILE contains (an extension after a dot, or a dot file's dot not after a letter or dot):
#: a quick test first, written to start with the dot
_FILE_HINT = re.compile(r"\.(?:" + _EXTENSIONS + r"|(?<![\w.]\.)[A-Za-z])", re.I)
#: a run of non-space characters that may hold code or a path (a quick filter before the precise test)
#: (matched from the run's start only, without backtracking; a "." or ":" counts only inside the run: "zin." is no code)
_RUN = re.compile(r"(?<!\S)[^\s_(=$>&|\\/{}.:]*(?:[_(=$>&|\\/{}]|[.:](?=\S))\S*")
#: code in running text: snake_case, dotted names (pd.read_csv), calls (model.add(...)), assignments
#: (stop_words='english'), $variables, ->, ::; the whole run of non-space characters goes
_CODE = re.compile(r"[A-Za-z0-9]_[A-Za-z0-9_]|(?<![\w])_[A-Za-z]|[A-Za-z0-9_]\(|[A-Za-z_]\w*\.[a-z_]\w*\(|"
                   r"\b[A-Za-z_]\w*\.[a-z_]\w*\.[a-z_]\w*|\b[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]{1,}\b(?!\.)|"
                   r"\w=|=\w|==|=['\"‘’]|\$\w|->|::|&&|\|\|")
_BRACES = re.compile(r"[{}]|</?[A-Za-z]\w*/?>")
_ASSIGNMENT = re.compile(r"\b[A-Za-z_]\w*\s*=\s*(?:['\"‘’][^'\"‘’\s]*['\"‘’]|[\w.]+)")
_LINK_TARGET = re.compile(r"\]\([^)\n]*\)")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
_LINE_MARK = re.compile(r"^(\s{0,3}(?:#{1,6}\s|>\s?|[-*+]\s|\d{1,3}[.)]\s)+)", re.M)
_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3}|~~)")
#: a Markdown table rule (|---|:---:|); written so that long blanked stretches cannot make it backtrack
_TABLE_RULE = re.compile(r"^[ \t|:]*-{3,}[ \t|:-]*$", re.M)

#: abbreviations that end with a full stop but do not end a sentence
ABBREVIATIONS = {
    "bv", "bijv", "bijvoorbeeld", "o.a", "enz", "etc", "nr", "p", "pp", "blz", "dhr", "mevr", "mr", "dr", "ir",
    "ing", "prof", "ca", "e.d", "i.p.v", "m.b.t", "t.o.v", "vb", "m.a.w", "d.w.z", "z.g", "zgn", "a.d.h.v",
    "i.v.m", "incl", "excl", "max", "min", "vs", "jan", "feb", "mrt", "apr", "aug", "sep", "sept", "okt", "nov",
    "dec", "e.a", "o.l.v", "t.e.m", "t.a.v", "resp", "evt", "bvb", "vnl", "m.i", "n.a.v", "a.s", "j.l", "ong",
}


def _blank(m: re.Match) -> str:
    return re.sub(r"[^\n]", " ", m.group(0))


_ABBREVIATION_RUN = re.compile(r"(?:[a-zA-Z]{1,3}\.){2,}[a-zA-Z]{0,3}\.?[,;:)]*")


def _code_blank(m: re.Match) -> str:
    """Blank a run of code, but not an abbreviation (o.a., i.p.v., d.w.z.) or a sentence end ('klaar.Dan')."""
    run = m.group(0)
    path = "\\" in run or run.count("/") >= 2  # C:\\Users\\..., src/app/main.py, /var/www/, )/map/
    if not path and (not _CODE.search(run) or _ABBREVIATION_RUN.fullmatch(run.strip("("))):
        return run
    lead = len(run) - len(run.lstrip("([\"'‘“"))
    core = run.rstrip(".,;:!?)]\"'’”")
    if len(core) <= lead:
        return run
    # keep the punctuation around it: a full stop after code still ends the sentence
    return run[:lead] + " " * (len(core) - lead) + run[len(core):]


def mask_markup(text: str, markdown: bool = True) -> str:
    """``text`` with non-prose replaced by spaces (same length, newlines kept)."""
    if markdown:
        text = _COMMENT.sub(_blank, text)
        text = _FENCE.sub(_blank, text)
        text = _blank_reference_sections(text)
        text = _INLINE_CODE.sub(_blank, text)
        text = _LINK_TARGET.sub(lambda m: " " + " " * (len(m.group(0)) - 1), text)
        text = _HTML_TAG.sub(_blank, text)
    if "@" in text:
        text = _EMAIL.sub(_blank, text)  # before the web addresses, which would take only the domain
    if "://" in text or "www." in text or "WWW." in text or _TLD.search(text):
        text = _URL.sub(_blank, text)
    if _FILE_HINT.search(text):
        text = _FILE.sub(_blank, text)
    if "=" in text:
        text = _ASSIGNMENT.sub(_blank, text)
    text = _RUN.sub(_code_blank, text)
    if "{" in text or "}" in text or "<" in text:
        text = _BRACES.sub(_blank, text)
    if markdown:
        text = _TABLE_RULE.sub(_blank, text)
        text = _LINE_MARK.sub(_blank, text)
        text = _EMPHASIS.sub(_blank, text)
        text = text.replace("|", " ").replace("[", " ").replace("]", " ").replace("\\", " ")
    return text


_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*)$")


def _blank_reference_sections(text: str) -> str:
    """Markdown: blank a reference list (a heading Bronnen, Bibliografie, ... up to the next heading of the same
    or a higher level) and single reference entries, as :func:`not_prose` does for a document."""
    if "\n" not in text and "(" not in text:
        return text
    lines = text.split("\n")
    level = None  # inside a reference list under a heading of this level
    for k, line in enumerate(lines):
        m = _MD_HEADING.match(line)
        if m:
            depth = len(m.group(1))
            if level is not None and depth <= level:
                level = None
            if level is None and _normalise_title(m.group(2).strip("#").strip()) in REFERENCE_TITLES:
                level = depth
                continue
        if level is not None or (len(line) < 600 and _REFERENCE_ENTRY.search(line)):
            lines[k] = " " * len(line)
    return "\n".join(lines)


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    kind: str  # "word" | "punct" | "break"
    lower: str = ""
    #: first word of its sentence (after opening quotes/brackets)
    sentence_start: bool = False
    #: a word broken at a line end: its hyphenated spelling ("ge-bruikt"); ``text`` is the joined word
    broken: str | None = None
    #: the word stands between quotes ('pushd', "Bakkerij"): a name, a command, a quoted word
    quoted: bool = False
    #: glued to code-like neighbours: "-ne", "BRON(nen)", "ge_bruiker"
    glued: bool = False

    def __post_init__(self):
        if not self.lower:
            self.lower = self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.kind == "word"


def _hard_breaks(original: str) -> list[int]:
    """Offsets of line starts that begin a new block (blank line before, heading, list item, quote)."""
    out = []
    prev_blank, prev_heading = True, False
    pos = 0
    for line in original.split("\n"):
        stripped = line.strip()
        structural = bool(re.match(r"\s{0,3}(#{1,6}\s|[-*+]\s|\d{1,3}[.)]\s|>|\|)", line))
        if pos and (prev_blank or prev_heading or structural):
            out.append(pos)
        prev_blank = not stripped
        prev_heading = bool(re.match(r"\s{0,3}#{1,6}\s", line))
        pos += len(line) + 1
    return out


_NON_SPACE = re.compile(r"\S")


def tokenize(original: str, masked: str | None = None, markdown: bool = True) -> list[Token]:
    """Words, punctuation and block breaks of ``original`` (``masked`` = :func:`mask_markup` result)."""
    masked = mask_markup(original, markdown) if masked is None else masked
    tokens: list[Token] = []
    breaks = _hard_breaks(original) if "\n" in original else []
    bi = 0
    pos = 0
    n = len(masked)
    while pos < n:
        if masked[pos].isspace():  # jump over the blanks at once (masked stretches can be long)
            nxt = _NON_SPACE.search(masked, pos)
            pos = nxt.start() if nxt else n
        while bi < len(breaks) and breaks[bi] <= pos:
            tokens.append(Token("\n", breaks[bi], breaks[bi], "break"))
            bi += 1
        if pos >= n:
            break
        m = _WORD.match(masked, pos)
        if m:
            end, text = m.end(), original[m.start():m.end()]
            h = _HYPHENATED.match(masked, end) if masked.startswith("-", end) else None
            broken = None
            if h:  # "ge-\nbruikt": a word broken at a line end
                broken = text + "-" + h.group(2)
                end = h.end()
                text += h.group(2)
                while bi < len(breaks) and breaks[bi] < end:
                    bi += 1
            tokens.append(Token(text, m.start(), end, "word", broken=broken))
            pos = end
            continue
        m = _PUNCT.match(masked, pos)
        end = m.end() if m else pos + 1
        tokens.append(Token(original[pos:end], pos, end, "punct"))
        pos = end
    _mark_sentence_starts(tokens)
    for tok in tokens:
        if tok.kind != "word":
            continue
        before, after = original[tok.start - 1:tok.start] if tok.start else "", original[tok.end:tok.end + 1]
        if before and after and before in _QUOTES and after in _QUOTES:
            tok.quoted = True
        if (before and before in "-(_/\\=") or (after and after in "_)/\\="):
            tok.glued = True
    return tokens


def _ends_sentence(tokens: list[Token], i: int) -> bool:
    tok = tokens[i]
    if tok.kind == "break":
        return True
    if tok.kind != "punct" or tok.text[0] not in ".!?…":
        return False
    if tok.text == "." and i > 0 and tokens[i - 1].is_word and tokens[i - 1].end == tok.start:
        prev = tokens[i - 1].lower
        if prev in ABBREVIATIONS or (len(prev) == 1 and prev.isalpha()):
            return False
    return True


def _mark_sentence_starts(tokens: list[Token]) -> None:
    expect = True
    for i, tok in enumerate(tokens):
        if tok.is_word:
            if expect:
                tok.sentence_start = True
                expect = False
        elif _ends_sentence(tokens, i):
            expect = True


def sentences(tokens: list[Token]) -> list[list[Token]]:
    """Tokens grouped per sentence (break tokens dropped, end punctuation kept)."""
    out: list[list[Token]] = []
    cur: list[Token] = []
    for i, tok in enumerate(tokens):
        if tok.kind == "break":
            if cur:
                out.append(cur)
            cur = []
            continue
        if tok.sentence_start and cur and any(t.is_word for t in cur):
            out.append(cur)
            cur = []
        cur.append(tok)
    if cur:
        out.append(cur)
    return out


_ENGLISH = {"the", "and", "of", "to", "is", "that", "for", "with", "on", "are", "this", "be", "was", "it", "as",
            "by", "from", "which", "an", "or", "have", "has", "not", "can", "will", "we", "they", "their", "would"}
_DUTCH = {"de", "het", "een", "en", "van", "dat", "op", "voor", "met", "zijn", "niet", "ik", "je", "er", "die",
          "ook", "aan", "wordt", "worden", "om", "naar", "bij", "heb", "heeft", "werd", "maar", "wat", "deze"}


def looks_english(tokens: list[Token]) -> bool:
    """A passage in English (a quote, an abstract, an English report): the Dutch checks leave it alone."""
    en = nl = 0
    for t in tokens:
        if t.kind == "word":
            en += t.lower in _ENGLISH
            nl += t.lower in _DUTCH
    return en >= 2 and en > 2 * nl
