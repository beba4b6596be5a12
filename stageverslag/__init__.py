"""stageverslag: write and check an internship report for Thomas More's Organisatie en Management.

The core (profile, project, schedule, document model, rules, language engine) is pure Python;
the CLI, the TUI and the .docx builder are thin front ends over it.
"""

__version__ = "0.1.0"
