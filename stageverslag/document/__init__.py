"""Reading a .docx, in pipeline order: ``package`` (the zip, safely) -> ``styles`` -> ``reader`` (the only
place that touches raw WordprocessingML when reading) -> ``model`` (what rules see) -> ``outline`` (title page,
table of contents, headings -> parts) -> ``pages`` (render, Word's count or an estimate)."""
