"""SV501 spelling: words the Dutch dictionary (OpenTaal) does not know, with up to three suggestions.

The programme's vocabulary, the student's word list and the names in the project are accepted; codes,
numbers, acronyms, URLs, e-mail addresses and names are skipped. The work happens once per document in
``stageverslag.language`` (analysis "spelling"); this rule words its facts.
"""

from stageverslag.rules import Rule

HINT = "; bedoel je '{suggestion}'?"


def message(fact) -> str:
    text = RULE.say(word=fact.wrong)
    if fact.suggestion:
        text = text.rstrip(".") + HINT.format(suggestion=fact.suggestion)
    return text


def check(ctx):
    return RULE.language_findings(ctx, "spelling", message)


RULE = Rule(
    code="SV501", name="spelling", category="spelling", severity="warning",
    summary="Woorden die niet in het woordenboek staan (OpenTaal), met suggesties.",
    message="'{word}' staat niet in het woordenboek.",
    rationale="De handleiding vraagt een verslag zonder taalfouten (hoofdstuk 9, vorm en taal).",
    check=check, analyses=("spelling",))
