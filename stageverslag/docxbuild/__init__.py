"""Pieces of the report builder (``stageverslag.builder``): the base document and house style, low-level
WordprocessingML (fields, bookmarks, hyperlinks), Markdown to Word, the title page, header and footer, and
the table of contents with page numbers from a LibreOffice render."""
