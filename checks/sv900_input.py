"""SV900 input: a file that cannot be read as a report.

Not a rule that runs on a document: ``stageverslag.lint`` produces this finding when reading a file fails
(empty, not a .docx, an old .doc renamed, password-protected, damaged, a zip bomb, hostile XML, a Word lock
file ``~$...``). It is registered here so the code, its category and its documentation live with the rest.
"""

from stageverslag.rules import Rule


def check(ctx):
    return ()


RULE = Rule(
    code="SV900", name="input", category="input", severity="error",
    summary="Het bestand kan gelezen worden als Word-document.",
    rationale="Een verslag dat niet opent, kan niet gecontroleerd of beoordeeld worden (§8: digitaal "
              "opladen op Canvas).",
    check=check)
