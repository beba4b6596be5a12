"""SV501 spelling: words the Dutch dictionary (OpenTaal) does not know, with up to three suggestions.

The programme's vocabulary, the student's word list and the names in the project are accepted; codes,
numbers, acronyms, URLs, e-mail addresses and names are skipped. The work happens once per document in
``stageverslag.language``; this rule only hands over its own category.
"""

from stageverslag.rules import Rule


def check(ctx):
    return [f for f in ctx.language if f.category == "spelling"]


RULE = Rule(
    code="SV501", name="spelling", category="spelling", severity="warning",
    summary="Woorden die niet in het woordenboek staan (OpenTaal), met suggesties.",
    rationale="De handleiding vraagt een verslag zonder taalfouten (hoofdstuk 9, vorm en taal).",
    check=check, language=True)
