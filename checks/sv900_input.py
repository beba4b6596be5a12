"""SV900 input: a file that cannot be read as a report.

This rule does not run on a document model (it applies to no source): the linter asks it when reading a
file fails (empty, not a .docx, an old .doc renamed, password-protected, damaged, a zip bomb, hostile XML)
or before reading, for a Word lock file ``~$...`` (:func:`refusal`). Its finding carries the reader's Dutch
explanation (:func:`finding`).
"""

from pathlib import Path

from stageverslag.rules import Rule

LOCK_FILE = ("dit is een tijdelijk vergrendelingsbestand van Word (de naam begint met '~$'), geen verslag. "
             "Word maakt het terwijl het document open staat; je mag het verwijderen.")


def refusal(path) -> str | None:
    """Why ``path`` is refused before it is read (a Word lock file), or None."""
    if Path(path).name.startswith("~$"):
        return RULE.say(file=path, reason=LOCK_FILE)
    return None


def finding(message: str):
    """The finding for a file that could not be read; ``message`` is the reader's Dutch explanation."""
    return RULE.finding(message)


def check(ctx):
    return ()


RULE = Rule(
    code="SV900", name="input", category="input", severity="error",
    summary="Het bestand kan gelezen worden als Word-document.",
    message="{file}: {reason}",
    rationale="Een verslag dat niet opent, kan niet gecontroleerd of beoordeeld worden (§8: digitaal "
              "opladen op Canvas).",
    check=check, sources=())
