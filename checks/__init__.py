"""The linter's rules: one module per rule, each defining ``RULE = Rule(...)`` (see stageverslag/rules.py).

Codes are stable and grouped: SV1xx structure (parts, order, empty parts), SV2xx pages and length,
SV3xx layout (title page, table of contents, header/footer, page numbers, headings), SV4xx deadlines,
SV5xx language (spelling, dt, spreektaal, style), SV9xx input. Every rule documents itself in its module
docstring and carries a Dutch summary and a rationale naming the handbook section.
"""
