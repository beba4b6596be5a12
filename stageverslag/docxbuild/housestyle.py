"""A company's house style (.dotx/.docx) taken over safely: only what a house style should carry.

The template comes from outside, like any document a student hands in, so it is opened with the same safe
package reader (:class:`stageverslag.document.package.Package`: size and compression-ratio limits, member
count, no DTD or entities) and a new, minimal package is rebuilt from it with only

* the styles, the list numbering, the theme and the font table,
* the page setup of the last section (size, margins, columns, first-page/even headers),
* its headers and footers, with the pictures they show (the logo),
* the settings, without an attached template, mail merge, document variables or protection.

Never taken over: macros (``vbaProject.bin``, also when its content type is disguised), custom XML, embedded
objects and fonts, external references (linked pictures, templates on a server), ActiveX controls, the body
text, comments, glossary (building blocks) and anything else. What was left out is said in a note.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from copy import deepcopy
from pathlib import Path

from lxml import etree

from ..document.package import Package, rel_kind
from ..errors import InputError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
WML_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."

#: part kind -> (new part name, content type, relationship type)
_PARTS = {
    "styles": ("word/styles.xml", WML_CT + "styles+xml", OFFICE_REL + "styles"),
    "numbering": ("word/numbering.xml", WML_CT + "numbering+xml", OFFICE_REL + "numbering"),
    "theme": ("word/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml",
              OFFICE_REL + "theme"),
    "fonttable": ("word/fontTable.xml", WML_CT + "fontTable+xml", OFFICE_REL + "fontTable"),
    "settings": ("word/settings.xml", WML_CT + "settings+xml", OFFICE_REL + "settings"),
}
_HF_CT = {"header": WML_CT + "header+xml", "footer": WML_CT + "footer+xml"}
_IMAGE_TYPES = {"png": "image/png", "jpeg": "image/jpeg", "jpg": "image/jpeg", "gif": "image/gif",
                "bmp": "image/bmp", "tif": "image/tiff", "tiff": "image/tiff", "emf": "image/x-emf",
                "wmf": "image/x-wmf", "svg": "image/svg+xml"}
#: elements that only make sense with a part we do not take over (objects, controls, inserted files)
_DROP_ELEMENTS = {"altChunk", "subDoc", "OLEObject", "control", "objectEmbed", "objectLink", "attachedTemplate",
                  "mailMerge", "docVars", "documentProtection", "writeProtection", "attachedSchema",
                  "saveThroughXslt", "alwaysMergeEmptyNamespace", "embedRegular", "embedBold", "embedItalic",
                  "embedBoldItalic", "numPicBullet", "numPicBulletId", "dataBinding"}
#: elements that wrap content in custom XML: the content stays, the wrapper goes
_UNWRAP = {"customXml", "smartTag"}
MAX_PICTURES = 50


def safe_house_style(path: str | Path) -> tuple[bytes, list[str]]:
    """A new .docx (bytes) holding only the house-style parts of ``path``, and Dutch descriptions of what was
    left out. Raises InputError (Dutch) when the file is not a safe Word package."""
    left_out: list[str] = []
    with Package(path) as pkg:
        main = pkg.main_part()
        doc_root = pkg.xml(main)
        if doc_root is None or etree.QName(doc_root).localname != "document":
            raise InputError(path, "het hoofddeel is geen Word-document.")
        rels = pkg.rels(main)
        out: dict[str, bytes] = {}
        types: dict[str, str] = {}
        doc_rels: list[tuple[str, str, str]] = []  # (id, type, target relative to word/)
        for kind, (name, ctype, rtype) in _PARTS.items():
            target = next((t for _i, k, t in rels if k == kind and pkg.has(t)), None)
            if target is None:
                continue
            root = pkg.xml(target)
            if root is None:
                continue
            _clean(root, keep_ids=set())
            out[name] = _xml(root)
            types[name] = ctype
            doc_rels.append((f"rIdHs{len(doc_rels) + 1}", rtype, name[len("word/"):]))
        # headers and footers the last section uses, with their pictures
        body = doc_root.find(f"{{{W_NS}}}body")
        sect = None
        if body is not None:
            found = body.findall(f"{{{W_NS}}}sectPr")
            sect = deepcopy(found[-1]) if found else None
        new_ids: dict[str, str] = {}
        pictures = 0
        counters = {"header": 0, "footer": 0}
        by_id = {rid: (kind, target) for rid, kind, target in rels}
        if sect is not None:
            for ref in list(sect):
                local = etree.QName(ref).localname
                if local not in ("headerReference", "footerReference"):
                    continue
                rid = ref.get(f"{{{R_NS}}}id") or ""
                kind, target = by_id.get(rid, ("", ""))
                if kind != local[:-len("Reference")] or not pkg.has(target):
                    sect.remove(ref)
                    continue
                if rid not in new_ids:
                    counters[kind] += 1
                    name = f"word/{kind}{counters[kind]}.xml"
                    root = pkg.xml(target)
                    keep: dict[str, str] = {}
                    hf_rels = []
                    for hid, hkind, htarget in pkg.rels(target):
                        ext = posixpath.splitext(htarget)[1].lstrip(".").lower()
                        if hkind == "image" and ext in _IMAGE_TYPES and pkg.has(htarget) and pictures < MAX_PICTURES:
                            data = pkg.read(htarget)
                            pictures += 1
                            media = f"word/media/huisstijl{pictures}.{ext}"
                            out[media] = data
                            keep[hid] = f"rIdImg{len(hf_rels) + 1}"
                            hf_rels.append((keep[hid], OFFICE_REL + "image", "media/" + media.rsplit("/", 1)[1]))
                    _clean(root, keep_ids=set(keep), rename=keep)
                    out[name] = _xml(root)
                    types[name] = _HF_CT[kind]
                    if hf_rels:
                        out[f"word/_rels/{kind}{counters[kind]}.xml.rels"] = _rels(hf_rels)
                    new_ids[rid] = f"rIdHs{len(doc_rels) + 1}"
                    doc_rels.append((new_ids[rid], OFFICE_REL + kind, name[len("word/"):]))
                ref.set(f"{{{R_NS}}}id", new_ids[rid])
            _clean(sect, keep_ids=set(new_ids.values()))
        document = etree.Element(doc_root.tag, attrib=dict(doc_root.attrib), nsmap=doc_root.nsmap)
        new_body = etree.SubElement(document, f"{{{W_NS}}}body")
        if sect is not None:
            new_body.append(sect)
        out["word/document.xml"] = _xml(document)
        types["word/document.xml"] = WML_CT + "document.main+xml"
        out["word/_rels/document.xml.rels"] = _rels(doc_rels)
        left_out = _left_out(pkg)
    out["_rels/.rels"] = _rels([("rId1", OFFICE_REL + "officeDocument", "word/document.xml")])
    out["[Content_Types].xml"] = _content_types(types)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", out.pop("[Content_Types].xml"))
        for name, data in out.items():
            z.writestr(name, data)
    return buf.getvalue(), left_out


def _clean(root, keep_ids: set[str], rename: dict[str, str] | None = None) -> None:
    """Drop elements that need parts we leave out, unwrap custom XML, and remove every relationship
    reference (r:id, r:embed, r:link, ...) that is not kept (renamed through ``rename``)."""
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        local = etree.QName(el).localname
        parent = el.getparent()
        if local in _DROP_ELEMENTS and parent is not None:
            parent.remove(el)
            continue
        if local in _UNWRAP and etree.QName(el).namespace == W_NS and parent is not None:
            index = parent.index(el)
            for child in list(el):
                if etree.QName(child).localname not in ("customXmlPr", "smartTagPr"):
                    parent.insert(index, child)
                    index += 1
            parent.remove(el)
            continue
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in list(el.attrib):
            if attr.startswith(f"{{{R_NS}}}"):
                value = el.get(attr)
                if rename and value in rename:
                    el.set(attr, rename[value])
                elif value not in keep_ids:
                    del el.attrib[attr]


def _xml(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _rels(items: list[tuple[str, str, str]]) -> bytes:
    root = etree.Element(f"{{{PKG_RELS}}}Relationships", nsmap={None: PKG_RELS})
    for rid, rtype, target in items:
        etree.SubElement(root, f"{{{PKG_RELS}}}Relationship", Id=rid, Type=rtype, Target=target)
    return _xml(root)


def _content_types(overrides: dict[str, str]) -> bytes:
    root = etree.Element(f"{{{CT_NS}}}Types", nsmap={None: CT_NS})
    etree.SubElement(root, f"{{{CT_NS}}}Default", Extension="rels",
                     ContentType="application/vnd.openxmlformats-package.relationships+xml")
    etree.SubElement(root, f"{{{CT_NS}}}Default", Extension="xml", ContentType="application/xml")
    for ext, ctype in _IMAGE_TYPES.items():
        etree.SubElement(root, f"{{{CT_NS}}}Default", Extension=ext, ContentType=ctype)
    for name, ctype in overrides.items():
        etree.SubElement(root, f"{{{CT_NS}}}Override", PartName="/" + name, ContentType=ctype)
    return _xml(root)


def _left_out(pkg: Package) -> list[str]:
    """Dutch descriptions of what the template carries that a house style should not (for a note)."""
    names = list(pkg._names)
    out = []
    if any(n.endswith("vbaproject.bin") or "/vba" in n for n in names):
        out.append("macro's")
    if any(n.startswith("customxml/") for n in names):
        out.append("aangepaste XML-gegevens")
    if any("/embeddings/" in n or n.endswith(".bin") and "vba" not in n for n in names):
        out.append("ingesloten objecten")
    if any("/activex/" in n for n in names):
        out.append("ActiveX-besturingselementen")
    external = sum(1 for n in names if n.endswith(".rels") for _ in _external(pkg, n))
    if external:
        out.append(f"{external} externe verwijzing{'en' if external > 1 else ''} (gekoppelde bestanden)")
    return out


def _external(pkg: Package, rels_name: str):
    try:
        root = pkg.xml(rels_name)
    except InputError:
        return
    for rel in root if root is not None else ():
        if isinstance(rel.tag, str) and (rel.get("TargetMode") or "").lower() == "external":
            yield rel_kind(rel.get("Type") or "")
