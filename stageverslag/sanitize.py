"""Nothing a document links to is fetched: a sanitised copy for everything that hands a .docx to LibreOffice
(page counts, the table of contents' page numbers, pdf) and for what ``build`` writes.

A WordprocessingML package can point outside itself in ways an office suite resolves while *loading*:
relationships with ``TargetMode="External"`` (linked pictures, linked OLE objects, an attached template on a
server, frames, sub-documents, media), include-fields (``INCLUDEPICTURE``, ``INCLUDETEXT``, ``LINK``, ``DDE``)
and web addresses in VML attributes. Each of them tells a third party when and where a document was opened,
or makes the checking machine send requests inside its own network. :func:`sanitize_bytes` removes them:

* a linked picture points to a small local placeholder picture instead; its size on the page comes from the
  drawing (``wp:extent``, VML style), not from the picture, so the page count does not change;
* other fetched-on-load relationships point to a part that does not exist (nothing to fetch), and an attached
  template is dropped from the settings;
* include-fields are frozen to their last result (the field code goes, the text Word showed stays);
* hyperlinks stay: they are only followed when someone clicks them.

The input is never changed: the functions take bytes and give new bytes (or write a new file).
"""

from __future__ import annotations

import io
import posixpath
import re
import struct
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .document.package import Package, rel_kind

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
IMAGE_KINDS = {"image", "video", "audio", "media"}
#: relationship kinds that are only followed on a click
FOLLOWED_ON_CLICK = {"hyperlink"}
INCLUDE_FIELDS = re.compile(r"^\s*(INCLUDEPICTURE|INCLUDETEXT|INCLUDE|LINK|DDE|DDEAUTO|IMPORT|DATABASE)\b",
                            re.IGNORECASE)
REMOTE_VALUE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*://|\\\\|//)", re.IGNORECASE)
PLACEHOLDER = "media/stageverslag-niet-opgehaald.png"
MISSING_TARGET = "stageverslag-niet-opgehaald"
# a 1x1 light grey PNG
PLACEHOLDER_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8f7ef1f0005fe02fe"
    "a7d6a4bf0000000049454e44ae426082")

_FIELD_NAMES = (b"INCLUDEPICTURE", b"INCLUDETEXT", b"INCLUDE", b"LINK", b"DDEAUTO", b"DDE", b"IMPORT", b"DATABASE")
_REMOTE_ATTRIBUTE = re.compile(rb"(?:src|href|link|source)\s*=\s*[\"'][A-Za-z0-9+.-]*$")


def _worth_parsing(data: bytes) -> bool:
    """Can this part hold something to remove: an include-field, an attached template, a remote address in
    an attribute? Plain searches, so a part without any (nearly all of them) costs a few milliseconds."""
    if b"attachedTemplate" in data or b'="\\\\' in data or b"='\\\\" in data:
        return True
    upper = data.upper()
    for name in _FIELD_NAMES:  # a field code: the name stands alone (' LINK Excel...', '>INCLUDETEXT "..."')
        k = upper.find(name)
        while k >= 0:
            if upper[k - 1:k] in (b">", b'"', b" ", b"\t", b"\n") and upper[k + len(name):k + len(name) + 1] in (
                    b" ", b"\t", b'"', b"<", b"\n") and _in_field_code(data, k):
                return True
            k = upper.find(name, k + 1)
    k = data.find(b"://")
    while k >= 0:  # the namespace declarations have '://' too; an attribute that loads something does not
        if _REMOTE_ATTRIBUTE.search(data, max(0, k - 80), k):
            return True
        k = data.find(b"://", k + 3)
    return False


_INSTR_ATTRIBUTE = re.compile(rb"[\s:]instr\s*=\s*[\"'][^\"'<>]*$")


def _in_field_code(data: bytes, k: int) -> bool:
    """Is position ``k`` in a field's code: the text of an ``instrText`` element, or a simple field's ``instr``
    attribute (whatever the namespace prefix)? A word in the text ('een link', 'de database'), a style name
    ('Smart Link') is not."""
    tag = data.rfind(b"<", 0, k)
    if tag < 0:
        return False
    end = tag + 1
    while end < k and data[end:end + 1] not in b" \t\r\n/>":
        end += 1
    if data[tag + 1:end].rsplit(b":", 1)[-1] == b"instrText":
        return True
    return _INSTR_ATTRIBUTE.search(data, tag, k) is not None


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@dataclass
class Removed:
    """What a sanitising pass took out, by kind, for a note to the user."""
    pictures: int = 0
    objects: int = 0  # linked OLE objects, frames, sub-documents, other fetched-on-load links
    templates: int = 0
    fields: int = 0
    attributes: int = 0
    targets: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.pictures + self.objects + self.templates + self.fields + self.attributes

    def describe(self) -> str:
        """Dutch, one line; empty when nothing was removed."""
        parts = []
        if self.pictures:
            parts.append(f"{self.pictures} gekoppelde afbeelding{'en' if self.pictures > 1 else ''}")
        if self.objects:
            parts.append(f"{self.objects} gekoppeld{'e' if self.objects > 1 else ''} "
                         f"object{'en' if self.objects > 1 else ''}")
        if self.templates:
            parts.append("een gekoppelde sjabloon op een server")
        if self.fields:
            parts.append("1 veld dat een extern bestand invoegt" if self.fields == 1 else
                         f"{self.fields} velden die een extern bestand invoegen")
        if self.attributes:
            parts.append(f"{self.attributes} webadres{'sen' if self.attributes > 1 else ''} in tekeningen")
        return ", ".join(parts)


def external_references(path: str | Path) -> Removed:
    """Count what :func:`sanitize_bytes` would remove from the .docx at ``path`` (for the reader's note)."""
    _data, removed = sanitize_file_bytes(path)
    return removed


def sanitize_file_bytes(path: str | Path, layout_only: bool = False) -> tuple[bytes, Removed]:
    """The sanitised bytes of the .docx at ``path`` (read through the safe package reader). ``layout_only``:
    for a render that only counts pages and finds the pages of headings (see :func:`blank_picture`)."""
    with Package(path) as pkg:
        members = [(info, pkg.read(info.filename)) for info in pkg._zip.infolist() if not info.is_dir()]
    clean, removed = _sanitize_members(members, layout_only)
    return (Path(path).read_bytes() if clean is None else clean), removed


def sanitize_bytes(data: bytes) -> tuple[bytes, Removed]:
    """Sanitise a .docx given as bytes (e.g. a report the builder composed in memory); a document that
    links to nothing outside itself comes back as it is."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = [(info, zf.read(info)) for info in zf.infolist() if not info.is_dir()]
    clean, removed = _sanitize_members(members)
    return (data if clean is None else clean), removed


def sanitized_copy(src: str | Path, dest: str | Path, layout_only: bool = False) -> Removed:
    """Write a sanitised copy of ``src`` to ``dest`` (``src`` is only read). ``layout_only``: a copy that
    LibreOffice lays out exactly as the document, for page counts only: its pictures are blank
    (:func:`blank_picture`, :func:`blank_metafile`), its charts empty (:func:`blank_chart`), all of the same
    size, and it is stored uncompressed."""
    data, removed = sanitize_file_bytes(src, layout_only)
    Path(dest).write_bytes(data)
    return removed


# --------------------------------------------------------------------------------------------- internals


def _sanitize_members(members: list[tuple[zipfile.ZipInfo, bytes | None]], layout_only: bool = False
                      ) -> tuple[bytes | None, Removed]:
    """The new package, or None when nothing had to change (the caller keeps the original bytes)."""
    removed = Removed()
    parts = {info.filename: data for info, data in members if data is not None}
    order = [info for info, data in members if data is not None]
    dropped_ids: dict[str, set[str]] = {}  # source part -> relationship ids that no longer lead anywhere
    need_png = changed = False
    for name in list(parts):
        if not name.endswith(".rels"):
            continue
        folder = posixpath.dirname(posixpath.dirname(name))  # "word/_rels/document.xml.rels" -> "word"
        source = posixpath.join(folder, posixpath.basename(name)[:-len(".rels")])
        new, ids, png = _sanitize_rels(parts[name], folder, removed)
        if new is not None:
            parts[name] = new
            dropped_ids[source] = ids
            need_png |= png
            changed = True
    for name in list(parts):
        if name.startswith("word/") and name.endswith(".xml"):
            new = _sanitize_part(parts[name], dropped_ids.get(name, set()), removed)
            if new is not None:
                parts[name] = new
                changed = True
    if layout_only:
        for name in parts:
            blank = None
            if name.startswith("word/media/"):
                blank = blank_picture(parts[name]) or blank_metafile(parts[name])
            elif name.startswith("word/charts/") and name.endswith(".xml") and "/_rels/" not in name:
                blank = blank_chart(parts[name])
            if blank is not None:
                parts[name] = blank
                changed = True
    if not changed:
        return None, removed
    if need_png:
        png_name = "word/" + PLACEHOLDER
        if png_name not in parts:
            parts[png_name] = PLACEHOLDER_PNG
            order.append(zipfile.ZipInfo(png_name))
        parts["[Content_Types].xml"] = _ensure_png_type(parts.get("[Content_Types].xml"))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED if layout_only else zipfile.ZIP_DEFLATED) as zf:
        for info in order:
            zf.writestr(info.filename, parts[info.filename])
    return out.getvalue(), removed


def _parse(data: bytes):
    if re.search(rb"<!DOCTYPE", data[:65536], re.IGNORECASE):
        return None
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError:
        return None


def _sanitize_rels(data: bytes, folder: str, removed: Removed) -> tuple[bytes | None, set[str], bool]:
    if b"TargetMode" not in data:  # nothing points outside the package (a plain search instead of a parse)
        return None, set(), False
    root = _parse(data)
    if root is None:
        return None, set(), False
    changed, png = False, False
    ids: set[str] = set()
    for rel in list(root):
        if not isinstance(rel.tag, str) or rel.get("TargetMode", "").lower() != "external":
            continue
        kind = rel_kind(rel.get("Type") or "")
        if kind in FOLLOWED_ON_CLICK:
            continue
        removed.targets.append(rel.get("Target") or "")
        del rel.attrib["TargetMode"]
        changed = True
        if kind in IMAGE_KINDS:
            removed.pictures += 1
            png = True
            rel.set("Target", posixpath.relpath("word/" + PLACEHOLDER, folder or "."))
        elif kind == "attachedtemplate":
            removed.templates += 1
            root.remove(rel)
            ids.add(rel.get("Id") or "")
        else:
            removed.objects += 1
            rel.set("Target", MISSING_TARGET)
    if not changed:
        return None, ids, False
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), ids, png


def _instr(node) -> str:
    return "".join(t.text or "" for t in node.iter(f"{{{W}}}instrText"))


def _sanitize_part(data: bytes, dropped_ids: set[str], removed: Removed) -> bytes | None:
    if not _worth_parsing(data):
        return None
    root = _parse(data)
    if root is None:
        return None
    changed = False
    # an attached template whose relationship went
    for el in list(root.iter(f"{{{W}}}attachedTemplate")):
        el.getparent().remove(el)
        changed = True
    # simple fields: keep their result runs
    for fld in list(root.iter(f"{{{W}}}fldSimple")):
        if INCLUDE_FIELDS.match(fld.get(f"{{{W}}}instr") or ""):
            parent, index = fld.getparent(), fld.getparent().index(fld)
            for offset, child in enumerate(list(fld)):
                parent.insert(index + offset, child)
            parent.remove(fld)
            removed.fields += 1
            changed = True
    # complex fields: drop begin .. separate (the code) and the end mark, keep the result
    changed |= _freeze_complex_fields(root, removed)
    # web addresses in VML (v:imagedata src, o:href, ...): nothing outside the package is loaded
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag.startswith(f"{{{W}}}"):
            continue
        for key, value in list(el.attrib.items()):
            local = key.rsplit("}", 1)[-1].lower()
            if local in {"src", "href", "link", "source"} and REMOTE_VALUE.match(value):
                del el.attrib[key]
                removed.attributes += 1
                changed = True
    if not changed:
        return None
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _freeze_complex_fields(root, removed: Removed) -> bool:
    runs = [r for r in root.iter(f"{{{W}}}r")]
    stack: list[dict] = []  # open fields: {"code": [runs], "state": "code"|"result", "instr": str}
    doomed: list = []
    for run in runs:
        char = run.find(f"{{{W}}}fldChar")
        kind = char.get(f"{{{W}}}fldCharType") if char is not None else None
        if kind == "begin":
            stack.append({"runs": [run], "state": "code", "instr": ""})
            continue
        if not stack:
            continue
        top = stack[-1]
        if kind == "separate":
            top["runs"].append(run)
            top["state"] = "result"
            continue
        if kind == "end":
            top["runs"].append(run)
            stack.pop()
            if INCLUDE_FIELDS.match(top["instr"]):
                doomed.extend(top["runs"])
                removed.fields += 1
            continue
        if top["state"] == "code":
            top["instr"] += _instr(run)
            top["runs"].append(run)
    for run in doomed:
        parent = run.getparent()
        if parent is not None:
            parent.remove(run)
    return bool(doomed)


def _ensure_png_type(data: bytes | None) -> bytes:
    root = _parse(data) if data else None
    if root is None:
        root = etree.Element(f"{{{CT}}}Types", nsmap={None: CT})
    if not any(el.get("Extension", "").lower() == "png" for el in root.iter(f"{{{CT}}}Default")):
        el = etree.Element(f"{{{CT}}}Default")
        el.set("Extension", "png")
        el.set("ContentType", "image/png")
        root.insert(0, el)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# --------------------------------------------------------------------------------------------- layout only


def blank_picture(data: bytes) -> bytes | None:
    """A blank PNG as large as the PNG or JPEG picture ``data``: the same width and height in pixels and the same
    resolution (so the same natural size), one bit per pixel. LibreOffice lays a document with blank pictures
    out exactly as with the pictures themselves (where a picture goes and how large it is drawn come from the
    drawing, ``wp:extent`` or the VML style; its natural size from pixels and resolution), and it decodes and
    exports them in a fraction of the time: a quarter less work per report on the corpus. None for other
    formats (kept as they are) or a picture whose header cannot be read."""
    size = _png_size(data) or _jpeg_size(data)
    if size is None:
        return None
    width, height, phys = size
    if not (0 < width <= 30000 and 0 < height <= 30000):
        return None
    import zlib
    row = b"\x00" + b"\xff" * ((width + 7) // 8)
    out = [b"\x89PNG\r\n\x1a\n", _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))]
    if phys is not None:
        out.append(_chunk(b"pHYs", phys))
    out += [_chunk(b"IDAT", zlib.compress(row * height, 1)), _chunk(b"IEND", b"")]
    return b"".join(out)


def _chunk(kind: bytes, body: bytes) -> bytes:
    import zlib
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def _png_size(data: bytes) -> tuple[int, int, bytes | None] | None:
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR" or len(data) < 24:
        return None
    width, height = struct.unpack(">II", data[16:24])
    pos, phys = 8, None
    while pos + 8 <= len(data):  # the chunks before the pixels: pHYs must come before IDAT
        length, kind = struct.unpack(">I", data[pos:pos + 4])[0], data[pos + 4:pos + 8]
        if kind == b"pHYs" and length == 9:
            phys = data[pos + 8:pos + 17]
        if kind in (b"IDAT", b"IEND"):
            break
        pos += 12 + length
    return width, height, phys


def _jpeg_size(data: bytes) -> tuple[int, int, bytes | None] | None:
    """Width, height and the JFIF resolution as a PNG pHYs body (None when the JPEG has none)."""
    if data[:2] != b"\xff\xd8":
        return None
    pos, phys = 2, None
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0x01, 0xD8) or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
        body = data[pos + 4:pos + 2 + length]
        if marker == 0xE0 and body[:5] == b"JFIF\x00" and len(body) >= 12:
            units, xd, yd = body[7], *struct.unpack(">HH", body[8:12])
            if units == 1 and xd and yd:  # dots per inch
                phys = struct.pack(">IIB", round(xd / 0.0254), round(yd / 0.0254), 1)
            elif units == 2 and xd and yd:  # dots per cm
                phys = struct.pack(">IIB", xd * 100, yd * 100, 1)
        elif 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC) and len(body) >= 5:
            height, width = struct.unpack(">HH", body[1:5])
            return width, height, phys
        elif marker in (0xD9, 0xDA):  # end, or the pixels before a frame header: not a JPEG we know
            return None
        pos += 2 + length
    return None


def blank_metafile(data: bytes) -> bytes | None:
    """An EMF picture without its drawing: the same header (bounds, frame in 0.01 mm, reference device: the
    same natural size), then the end. LibreOffice lays it out the same and skips drawing thousands of vector
    records into the pdf. None for anything else."""
    if len(data) < 88 or data[:4] != b"\x01\x00\x00\x00" or data[40:44] != b" EMF":
        return None
    size = struct.unpack("<I", data[4:8])[0]
    if not (88 <= size <= len(data)) or size % 4:
        return None
    header = bytearray(data[:size])
    struct.pack_into("<IIH", header, 48, size + 20, 2, 1)  # bytes, records (header, end), handles
    return bytes(header) + struct.pack("<IIIII", 14, 20, 0, 16, 20)  # EMR_EOF without a palette


_CHART_NS = b"http://schemas.openxmlformats.org/drawingml/2006/chart"
BLANK_CHART = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="' + _CHART_NS +
               b'"><c:chart><c:plotArea><c:layout/></c:plotArea></c:chart></c:chartSpace>')


def blank_chart(data: bytes) -> bytes | None:
    """A chart part without series, axes or legend: the drawing that holds it keeps its size (``wp:extent``),
    so the page is laid out the same, and LibreOffice neither builds nor draws the chart. None for the chart's
    style and colour parts, or anything that is not a chart."""
    head = data[:4096]
    if b"chartSpace" not in head or _CHART_NS not in head:
        return None
    return BLANK_CHART
