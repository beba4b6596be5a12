"""A project's Markdown drafts as a document model, so the same rules check drafts and .docx files.

Each part becomes a level-1 heading (its title from the profile) followed by the draft's blocks. A
paragraph's ``text`` is its Markdown source with the guiding-question comments blanked out, so character
offsets map straight back to the file (``source_file``, ``source_line``) for editors and the TUI.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

from .document.model import Document, Paragraph
from .project import strip_comments

_MD = MarkdownIt("commonmark").enable("table")


def markdown_paragraphs(markdown: str, part_id: str | None = None, source_file: str | None = None) -> list[Paragraph]:
    """Blocks of one draft: headings (``##`` -> level 2), paragraphs, list items, quotes, table rows."""
    text = strip_comments(markdown)
    lines = text.splitlines()
    out: list[Paragraph] = []
    tokens = _MD.parse(text)
    heading_level = None
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open":
            heading_level = int(tok.tag[1])
        elif tok.type == "inline" and tok.map:
            start, end = tok.map
            if out and out[-1].source_line == start + 1 and heading_level is None:
                continue  # another cell of the same table row: the row is one paragraph already
            if heading_level is not None:
                blocks = [(start, tok.content)]
                level = heading_level
            elif tokens[i - 1].type == "paragraph_open" and not _in_table(tokens, i):
                blocks = [(start + k, line) for k, line in enumerate(lines[start:end])]  # a line = a paragraph
                level = None
            else:
                blocks = [(start, "\n".join(lines[start:end]))]
                level = None
            for first, body in blocks:
                if not body.strip():
                    continue
                out.append(Paragraph(text=body, index=None, heading_level=level,
                                     style_name=f"heading {level}" if level else None,
                                     outline_level=(level - 1) if level else None, location="markdown",
                                     part_hint=part_id, source_line=first + 1, source_file=source_file))
            heading_level = None
        elif tok.type == "heading_close":
            heading_level = None
    return out


def _in_table(tokens, i: int) -> bool:
    depth = 0
    for tok in tokens[:i]:
        depth += tok.type == "table_open"
        depth -= tok.type == "table_close"
    return depth > 0


def project_document(project) -> Document:
    doc = Document(path=project.root, source="markdown")
    for part in project.profile.parts:
        path = project.draft_path(part.id)
        doc.paragraphs.append(Paragraph(text=part.title, index=None, heading_level=1, style_name="heading 1",
                                        outline_level=0, location="markdown", part_hint=part.id,
                                        source_file=str(path)))
        doc.paragraphs.extend(markdown_paragraphs(project.read_draft(part.id), part.id, str(path)))
    doc.notes.extend(note for note in getattr(project, "read_notes", {}).values() if note not in doc.notes)
    return doc
