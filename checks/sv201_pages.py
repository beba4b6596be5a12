"""SV201 pages: the final report counts 16 to 20 pages (the limits come from the profile).

The count comes from ``stageverslag.document.pages`` with the method chosen by ``--pages`` (auto: a LibreOffice
rendering when available, else Word's own count from docProps/app.xml when Word saved the file last, else an
estimate). The message names the method and, when two methods disagree, says so. The midterm upload has no
page limit. An estimated count (no LibreOffice, no trustworthy Word count) gives a warning, not an error: the
estimate can be a page or two off. For Markdown drafts the finding is a warning too.
"""

from stageverslag.rules import Rule


def check(ctx):
    limits = ctx.profile.limits
    if ctx.stage == "midterm" and not limits.midterm_has_page_limit:
        return
    count = ctx.pages
    if count.pages is None:
        yield RULE.finding(f"Het aantal pagina's kon niet bepaald worden ({count.label}).", severity="info")
        return
    if limits.pages_min <= count.pages <= limits.pages_max:
        return
    side = "te weinig" if count.pages < limits.pages_min else "te veel"
    note = f" {count.note}" if count.note else ""
    estimated = count.method == "estimate"
    if estimated:
        from stageverslag.libreoffice import find_soffice
        if ctx.options.pages == "estimate" and find_soffice():
            note += (" Dit is een schatting (je koos --pages estimate); laat stageverslag de pagina's echt "
                     "tellen met --pages render.")
        elif find_soffice():
            note += " Dit is een schatting; laat Word de pagina's tellen."
        else:
            note += (" Dit is een schatting; laat Word de pagina's tellen (met LibreOffice geïnstalleerd doet "
                     "stageverslag dat zelf).")
    yield RULE.finding(
        f"Het verslag telt {count.pages} pagina's ({count.label}): {side}. De handleiding vraagt "
        f"{limits.pages_min} tot {limits.pages_max} pagina's.{note}",
        severity="warning" if estimated or ctx.doc.source == "markdown" else None)


RULE = Rule(
    code="SV201", name="pages", category="pages", severity="error",
    summary="Het eindverslag telt 16 tot 20 pagina's.",
    message="Het verslag telt {pages} pagina's ({method}): {side}. De handleiding vraagt {min} tot "
            "{max} pagina's.",
    rationale="§8: het stageverslag telt minimum 16 en maximum 20 pagina's; het tussentijdse deel heeft "
              "geen paginagrens.",
    check=check)
