"""The bookmarks (outline) of a PDF that LibreOffice made, read without a PDF library: each heading of the
document with the 1-based page it is on. The builder uses it for the page numbers in the table of contents;
the checker for the page of a finding when LibreOffice rendered the report."""

from __future__ import annotations

import re

_OBJ = re.compile(rb"(\d+)\s+0\s+obj\b(.*?)\bendobj", re.S)
_REF = r"\s+(\d+)\s+0\s+R"


def _page_order(objs) -> list[int]:
    catalog = next((body for body in objs.values() if re.search(rb"/Type\s*/Catalog", body)), None)
    pages_ref = re.search(rb"/Pages" + _REF.encode(), catalog) if catalog is not None else None
    order: list[int] = []
    if pages_ref:
        _walk_pages(objs, int(pages_ref.group(1)), order, set())
    return order


def outline_pages(pdf: bytes) -> list[tuple[int, str, int]]:
    """The PDF's bookmarks as (depth, title, 1-based page index), in order. Plain objects only (what
    LibreOffice writes); an empty list when the PDF has no outline."""
    objs = {int(m.group(1)): m.group(2) for m in _OBJ.finditer(pdf)}
    catalog = next((body for body in objs.values() if re.search(rb"/Type\s*/Catalog", body)), None)
    if catalog is None:
        return []
    order = _page_order(objs)
    page_index = {num: i + 1 for i, num in enumerate(order)}
    out: list[tuple[int, str, int]] = []
    root = re.search(rb"/Outlines" + _REF.encode(), catalog)
    if root and int(root.group(1)) in objs:
        first = re.search(rb"/First" + _REF.encode(), objs[int(root.group(1))])
        if first:
            _walk_outline(objs, int(first.group(1)), 0, page_index, out, set())
    return out


def _walk_pages(objs, num, order, seen) -> None:
    if num in seen or num not in objs:
        return
    seen.add(num)
    body = objs[num]
    kids = re.search(rb"/Kids\s*\[(.*?)\]", body, re.S)
    if kids and re.search(rb"/Type\s*/Pages\b", body):
        for ref in re.finditer(rb"(\d+)\s+0\s+R", kids.group(1)):
            _walk_pages(objs, int(ref.group(1)), order, seen)
    else:
        order.append(num)


def _walk_outline(objs, num, depth, page_index, out, seen) -> None:
    while num is not None and num in objs and num not in seen:
        seen.add(num)
        body = objs[num]
        dest = re.search(rb"\[\s*(\d+)\s+0\s+R\s*/(?:XYZ|Fit|FitH|FitV|FitR|FitB|FitBH|FitBV)", body)
        page = page_index.get(int(dest.group(1))) if dest else None
        title = _pdf_string(body)
        if title is not None and page is not None:
            out.append((depth, title, page))
        child = re.search(rb"/First" + _REF.encode(), body)
        if child:
            _walk_outline(objs, int(child.group(1)), depth + 1, page_index, out, seen)
        nxt = re.search(rb"/Next" + _REF.encode(), body)
        num = int(nxt.group(1)) if nxt else None


def _pdf_string(body: bytes) -> str | None:
    m = re.search(rb"/Title\s*<([0-9A-Fa-f\s]*)>", body)
    if m:
        raw = bytes.fromhex(re.sub(rb"\s", b"", m.group(1)).decode("ascii"))
    else:
        m = re.search(rb"/Title\s*\(((?:\\.|[^\\)])*)\)", body, re.S)
        if not m:
            return None
        raw = re.sub(rb"\\([nrtbf()\\]|[0-7]{1,3})", _unescape, m.group(1))
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", errors="replace")
    return raw.decode("latin-1")


def _unescape(m) -> bytes:
    s = m.group(1)
    simple = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f", b"(": b"(", b")": b")",
              b"\\": b"\\"}
    return simple.get(s, bytes([int(s, 8) & 0xFF]) if s[:1].isdigit() else s)
