"""Opening a .docx safely: the zip container, its relationships and its XML parts.

Used by ``stageverslag.document.reader`` only. It recognises what a file really is before trusting it (empty, an old
.doc, a password-protected .docx, a Word lock file, a pdf, a broken zip), caps what it decompresses (zip
bombs), refuses XML with a DOCTYPE (entity expansion, external entities), and maps the ISO "Strict"
namespaces onto the usual transitional ones so the reader only knows one set of names. It never writes.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path

from lxml import etree

from ..errors import InputError

MAX_TOTAL_BYTES = 200 * 1024 * 1024  # decompressed bytes read from one file, all parts together
MAX_PART_BYTES = 120 * 1024 * 1024  # one part
MAX_RATIO = 200  # compression ratio allowed for a member bigger than RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_MEMBERS = 20000
CHUNK = 1024 * 1024
#: one XML part parsed into memory: its size and its number of tags (memory grows with both; the largest
#: report in the test corpus has a 1.4 MB document.xml with 59,000 tags)
MAX_XML_BYTES = 32 * 1024 * 1024
MAX_XML_TAGS = 1_000_000

OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_STRICT = re.compile(rb'(["\'])http://purl\.oclc\.org/ooxml/(\w+)/(\w+)')
_STRICT_NAMES = {b"extendedProperties": b"extended-properties", b"customProperties": b"custom-properties"}

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                          remove_blank_text=False)

SAVE_AS_DOCX = "Open het in Word (of LibreOffice) en kies Opslaan als > Word-document (.docx)."


def _transitional(match: re.Match) -> bytes:
    quote, area, name = match.group(1), match.group(2), match.group(3)
    return quote + b"http://schemas.openxmlformats.org/" + area + b"/2006/" + _STRICT_NAMES.get(name, name)


def rel_kind(rel_type: str) -> str:
    """The last segment of a relationship type, lower-case without hyphens: 'officedocument', 'header',
    'extendedproperties', 'coreproperties' (the same for transitional and strict types)."""
    return rel_type.rstrip("/").rsplit("/", 1)[-1].replace("-", "").lower()


class Package:
    """An opened .docx (or .docm) zip. Use as a context manager; raises InputError for what is not one."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.strict = False
        self.notes: list[str] = []
        self._budget = MAX_TOTAL_BYTES
        try:
            _sniff(self.path)
            self._file = open(self.path, "rb")  # read-only, never written
        except OSError as err:
            raise InputError(self.path, f"Het bestand kan niet gelezen worden ({err.strerror or err}). Controleer "
                                        "of je leesrechten hebt en of het niet ergens anders openstaat.") from None
        try:
            self._zip = zipfile.ZipFile(self._file)
            infos = self._zip.infolist()
        except Exception:  # zipfile raises many kinds for damaged archives (BadZipFile, NotImplementedError...)
            self.close()
            raise InputError(self.path, "Het bestand is beschadigd of onvolledig (het zip-archief in een .docx is "
                                        "niet in orde), bijvoorbeeld door een onderbroken download of upload. "
                                        "Haal het opnieuw op of bewaar het opnieuw in Word.") from None
        if len(infos) > MAX_MEMBERS:
            self.close()
            raise InputError(self.path, f"Het bestand bevat meer dan {MAX_MEMBERS} onderdelen; zo ziet geen "
                                        "Word-document eruit. Bewaar het opnieuw in Word als .docx.")
        for info in infos:
            if info.file_size > RATIO_FLOOR and (info.compress_size == 0
                                                 or info.file_size / info.compress_size > MAX_RATIO):
                self.close()
                raise InputError(self.path, f"Het onderdeel {info.filename} zou uitgepakt {info.file_size // 2**20} "
                                            "MB worden uit veel minder: dit lijkt een zip-bom en wordt niet "
                                            "gelezen. Gebruik het originele bestand uit Word.")
        self._names = {info.filename.replace("\\", "/").lstrip("/").lower(): info for info in infos}
        self._check_not_odt()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self) -> None:
        if getattr(self, "_zip", None) is not None:
            self._zip.close()
        self._file.close() if getattr(self, "_file", None) else None

    def _check_not_odt(self) -> None:
        if "mimetype" in self._names and "word/document.xml" not in self._names:
            kind = (self.read("mimetype") or b"")[:100]
            if b"opendocument" in kind:
                raise InputError(self.path, "Dit is een OpenDocument-bestand (.odt), geen .docx. " + SAVE_AS_DOCX)

    # ------------------------------------------------------------------ parts

    def has(self, name: str) -> bool:
        return name.lstrip("/").lower() in self._names

    def read(self, name: str) -> bytes | None:
        """The decompressed bytes of a part (None when absent), within the size budget."""
        info = self._names.get(name.lstrip("/").lower())
        if info is None:
            return None
        if info.file_size > min(MAX_PART_BYTES, self._budget):
            raise InputError(self.path, f"Het onderdeel {info.filename} is te groot om te lezen "
                                        f"({info.file_size // 2**20} MB). Bewaar het document opnieuw in Word, "
                                        "zonder ingesloten bestanden.")
        out = bytearray()
        try:
            with self._zip.open(info) as f:
                while True:
                    chunk = f.read(CHUNK)
                    if not chunk:
                        break
                    out += chunk
                    if len(out) > info.file_size or len(out) > self._budget:
                        raise InputError(self.path, "Het bestand pakt uit tot meer dan het zelf opgeeft: dit lijkt "
                                                    "een zip-bom en wordt niet gelezen.")
        except InputError:
            raise
        except Exception as err:  # BadZipFile, zlib.error, EOFError, NotImplementedError (method), RuntimeError
            raise InputError(self.path, f"Het onderdeel {info.filename} is beschadigd ({type(err).__name__}). "
                                        "Open het document in Word en bewaar het opnieuw.") from None
        self._budget -= len(out)
        return bytes(out)

    def xml(self, name: str) -> etree._Element | None:
        """A part parsed safely (None when absent). Strict namespaces become transitional ones."""
        data = self.read(name)
        if data is None:
            return None
        if len(data) > MAX_XML_BYTES or data.count(b"<") > MAX_XML_TAGS:
            tags = f"{data.count(b'<'):,}".replace(",", ".")
            raise InputError(self.path, f"Het onderdeel {name} is te groot om te lezen ({len(data) // 2**20} MB, "
                                        f"{tags} XML-elementen; het grootste verslag dat we kennen heeft er zo'n "
                                        "60.000). Zo ziet geen verslag eruit: bewaar het document opnieuw in Word.")
        if re.search(rb"<!DOCTYPE", data[:65536], re.IGNORECASE):
            raise InputError(self.path, f"Het onderdeel {name} bevat een DOCTYPE-declaratie. Word schrijft zoiets "
                                        "nooit; het kan een aanval zijn (entiteiten die openklappen of externe "
                                        "bestanden inlezen) en wordt niet gelezen. Gebruik het originele bestand.")
        if b"purl.oclc.org/ooxml/" in data:
            data, count = _STRICT.subn(_transitional, data)
            if count:
                self.strict = True
        try:
            root = etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError as err:
            raise InputError(self.path, f"Het onderdeel {name} is geen geldige XML ({err.msg}). Open het document "
                                        "in Word en bewaar het opnieuw.") from None
        if root.getroottree().docinfo.doctype:
            raise InputError(self.path, f"Het onderdeel {name} bevat een DOCTYPE-declaratie, iets wat Word nooit "
                                        "schrijft. Gebruik het originele bestand.")
        return root

    def xml_or_none(self, name: str) -> etree._Element | None:
        """Like :meth:`xml` for optional parts (docProps): a broken part gives None and a note."""
        try:
            return self.xml(name)
        except InputError as err:
            if "DOCTYPE" in err.reason or "zip-bom" in err.reason:
                raise
            self.notes.append(f"Het onderdeel {name} is beschadigd en is overgeslagen.")
            return None

    # ------------------------------------------------------------------ relationships

    def rels(self, part: str) -> list[tuple[str, str, str]]:
        """(Id, kind, target part name) of a part's internal relationships; ``part=""`` for the package."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        try:
            root = self.xml(rels_name)
        except InputError as err:
            if "DOCTYPE" in err.reason or "zip-bom" in err.reason:
                raise
            self.notes.append(f"De relaties in {rels_name} zijn beschadigd en zijn overgeslagen.")
            return []
        if root is None:
            return []
        out = []
        for rel in root:
            if not isinstance(rel.tag, str) or rel.get("TargetMode") == "External":
                continue
            target = (rel.get("Target") or "").replace("\\", "/")
            if not target:
                continue
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out.append((rel.get("Id") or "", rel_kind(rel.get("Type") or ""), name.lstrip("/")))
        return out

    def external_rels(self) -> list[tuple[str, str]]:
        """(kind, target) of every relationship in the package that points outside it (a linked picture,
        a template on a server, a hyperlink ...); broken relationship parts are skipped."""
        out = []
        for name in self._names:
            if not name.endswith(".rels"):
                continue
            try:
                root = self.xml(name)
            except InputError:
                continue
            for rel in root if root is not None else ():
                if isinstance(rel.tag, str) and (rel.get("TargetMode") or "").lower() == "external":
                    out.append((rel_kind(rel.get("Type") or ""), rel.get("Target") or ""))
        return out

    def main_part(self) -> str:
        for _id, kind, target in self.rels(""):
            if kind == "officedocument":
                if not self.has(target):
                    raise InputError(self.path, f"Het bestand verwijst naar zijn hoofddocument ({target}), maar dat "
                                                "ontbreekt. Het is geen volledig Word-document; bewaar het opnieuw "
                                                "in Word.")
                return target
        if self.has("word/document.xml"):
            return "word/document.xml"
        raise InputError(self.path, "Dit zip-bestand bevat geen Word-document (er is geen hoofddocument zoals "
                                    "word/document.xml). " + SAVE_AS_DOCX)


def _sniff(path: Path) -> None:
    """Raise InputError for what is certainly not a .docx, before opening it as a zip."""
    if not path.exists():
        raise InputError(path, "Dit bestand bestaat niet. Controleer de naam en de map.")
    if path.is_dir():
        raise InputError(path, "Dit is een map, geen Word-bestand.")
    size = path.stat().st_size
    if path.name.startswith("~$"):
        raise InputError(path, "Dit is een tijdelijk vergrendelingsbestand dat Word aanmaakt terwijl een document "
                               "open staat (de naam begint met ~$), niet je verslag. Kies het bestand zonder ~$ "
                               "vooraan.")
    if size == 0:
        raise InputError(path, "Het bestand is leeg (0 bytes). Bewaar je verslag opnieuw in Word en probeer het "
                               "nog eens.")
    with open(path, "rb") as f:
        head = f.read(512)
    if head.startswith(OLE2_MAGIC):
        _ole2(path)
    if head.startswith(b"PK"):
        return
    if head.startswith(b"%PDF"):
        raise InputError(path, "Dit is een pdf, geen .docx. Lever het Word-document zelf aan.")
    if head.startswith(b"{\\rtf"):
        raise InputError(path, "Dit is een RTF-bestand, geen .docx. " + SAVE_AS_DOCX)
    if size == 162 and 0 < head[0] <= 54 and head[1:1 + head[0]].isascii():
        raise InputError(path, "Dit is een tijdelijk vergrendelingsbestand van Word (162 bytes met de naam van wie "
                               "het document open had), niet je verslag. Kies het echte .docx-bestand.")
    raise InputError(path, "Dit is geen Word-document (.docx): het bestand is geen zip-archief. "
                           + SAVE_AS_DOCX)


def _ole2(path: Path) -> None:
    """An OLE2 compound file: a password-protected .docx or an old .doc (or another old Office file)."""
    found = set()
    markers = {name: name.encode("utf-16-le") for name in ("EncryptionInfo", "EncryptedPackage", "WordDocument")}
    with open(path, "rb") as f:
        tail = b""
        read = 0
        while read < 64 * 1024 * 1024:
            chunk = f.read(CHUNK)
            if not chunk:
                break
            read += len(chunk)
            window = tail + chunk
            found |= {name for name, raw in markers.items() if raw in window}
            tail = chunk[-64:]
    if found & {"EncryptionInfo", "EncryptedPackage"}:
        raise InputError(path, "Dit document is beveiligd met een wachtwoord (versleuteld) en kan niet gelezen "
                               "worden. Verwijder het wachtwoord in Word (Bestand > Info > Document beveiligen > "
                               "Versleutelen met wachtwoord: maak het veld leeg) en bewaar opnieuw.")
    if "WordDocument" in found:
        raise InputError(path, "Dit is een oud Word-bestand (.doc, Word 97-2003), ook al eindigt de naam op .docx. "
                               + SAVE_AS_DOCX)
    raise InputError(path, "Dit is een ouder Office-bestand (geen .docx). " + SAVE_AS_DOCX)
