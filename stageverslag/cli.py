"""Command line: ``stageverslag init|status|check|build|tui``. Thin: it parses arguments, calls the core
and prints. Heavy imports (Textual, the language engine, LanguageTool) happen only in the command that
needs them, so ``check`` starts fast."""

from __future__ import annotations

import argparse
import re
import sys

from . import __version__
from .early import early_check_paths, one_document, start_loading
from .errors import UserError

EPILOG = "Meer uitleg: stageverslag COMMANDO --help. Zonder commando opent de schrijfhulp (tui)."


#: argparse's own English messages and their Dutch; applied to everything the parser prints
_DUTCH = [
    (re.compile(r"^usage: ", re.M), "gebruik: "),
    (re.compile(r"^positional arguments:", re.M), "argumenten:"),
    (re.compile(r"^(options|optional arguments):", re.M), "opties:"),
    (re.compile(r"show this help message and exit"), "toon deze hulp en stop"),
    (re.compile(r"show program's version number and exit"), "toon het versienummer en stop"),
    (re.compile(r"the following arguments are required: "), "deze argumenten ontbreken: "),
    (re.compile(r"unrecognized arguments: "), "onbekende argumenten: "),
    (re.compile(r"invalid choice: (.*) \(choose from (.*)\)"), r"ongeldige keuze: \1 (kies uit \2)"),
    (re.compile(r"invalid (int|float) value: (.*)"), r"ongeldige waarde: \2 (verwacht een getal)"),
    (re.compile(r"invalid \w+ value: (.*)"), r"ongeldige waarde: \1"),
    (re.compile(r"expected one argument"), "verwacht één waarde"),
    (re.compile(r"expected at most one argument"), "verwacht hoogstens één waarde"),
    (re.compile(r"expected at least one argument"), "verwacht minstens één waarde"),
    (re.compile(r"ambiguous option: (\S+) could match (.*)"), r"dubbelzinnige optie: \1 kan \2 zijn"),
    (re.compile(r"not allowed with argument "), "niet samen met "),
    (re.compile(r"one of the arguments (.*) is required"), r"een van deze argumenten is nodig: \1"),
    (re.compile(r"^argument (?=-)"), "optie "),
    (re.compile(r"^argument "), ""),
]


def dutch(text: str) -> str:
    """argparse's English (usage, errors, help headings) in Dutch."""
    for pattern, replacement in _DUTCH:
        text = pattern.sub(replacement, text)
    return text


class DutchParser(argparse.ArgumentParser):
    """argparse with Dutch messages ("gebruik:", "kies uit"); a usage error exits with status 2."""

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {dutch(message)}\n")

    def format_usage(self):
        return dutch(super().format_usage())

    def format_help(self):
        return dutch(super().format_help())


def _project_arg(p):
    p.add_argument("--project", metavar="MAP", default=None,
                   help="de map van je project (standaard: de huidige map)")


def build_parser() -> DutchParser:
    parser = DutchParser(prog="stageverslag", description="Schrijf en controleer je stageverslag "
                         "(Thomas More, Organisatie en Management).", epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"stageverslag {__version__}",
                        help="toon het versienummer")
    sub = parser.add_subparsers(dest="command", metavar="COMMANDO", parser_class=DutchParser)

    p = sub.add_parser("init", help="maak een nieuw project voor je stageverslag",
                       description="Maak een nieuw project: een configuratiebestand, één tekstbestand per "
                       "onderdeel met hulpvragen, en een persoonlijke woordenlijst. Ontbrekende gegevens "
                       "worden gevraagd als je in een terminal werkt.")
    p.add_argument("map", nargs="?", default=None, metavar="MAP", help="waar het project komt (standaard: hier)")
    p.add_argument("--student", help="je naam")
    p.add_argument("--traject", choices=["E4B", "HR", "IRM"], type=str.upper, help="je afstudeertraject")
    p.add_argument("--bedrijf", help="je stagebedrijf")
    p.add_argument("--mentor", help="je stagementor")
    p.add_argument("--coach", help="je stagecoach")
    p.add_argument("--start", help="eerste stagedag, bv. 8/2/2027")
    p.add_argument("--terugkommoment", help="datum van het terugkommoment")
    p.add_argument("--einde", help="laatste stagedag (alleen als die afwijkt van 70 werkdagen)")
    p.add_argument("--academiejaar", help="bv. 2026-2027 (standaard: afgeleid van de startdatum)")
    p.add_argument("--huisstijl", metavar="BESTAND", help="Word-sjabloon (.docx/.dotx) van je stagebedrijf")
    p.add_argument("--tweede-bedrijf", help="E4B: je tweede stageplaats")
    p.add_argument("--tweede-mentor", help="E4B: je mentor op de tweede stageplaats")
    p.add_argument("--tweede-start", help="E4B: eerste dag op de tweede stageplaats")
    p.add_argument("--leerdoel", action="append", metavar="ZIN", default=None,
                   help="een leerdoel (mag meermaals); in een terminal vraagt init er ook naar (leeg laten mag)")

    p = sub.add_parser("status", help="waar sta je: week, wat schrijven, deadlines en acties",
                       description="Toon je stageweek, wat je nu schrijft, wat achterloopt, de volgende "
                       "deadlines en de acties die je moet ondernemen.")
    _project_arg(p)
    p.add_argument("--today", "--vandaag", dest="today", metavar="DATUM",
                   help="doe alsof het deze datum is (bv. 14/3/2027)")

    p = sub.add_parser("check", help="controleer een .docx of je project tegen de handleiding",
                       description="Controleer verslagen (.docx, of de teksten van je project) op onderdelen, "
                       "volgorde, lengte, pagina's, opmaak en taal. Geef een map om alle verslagen erin te "
                       "controleren. Exitstatus: 0 zonder fouten, 1 met fouten, 2 als een bestand onleesbaar is, 3 bij een "
                       "interne fout van stageverslag (niet de schuld van het bestand).")
    p.add_argument("paths", nargs="*", metavar="BESTAND_OF_MAP",
                   help=".docx-bestanden, mappen of een Canvas-download (.zip) (zonder: de teksten van het "
                   "project)")
    p.add_argument("--stage", choices=["auto", "midterm", "final"], default="auto",
                   help="midterm: het eerste deel; final: het volledige verslag; auto (standaard): wat de "
                   "titelpagina en de onderdelen zeggen")
    p.add_argument("--format", choices=["text", "json", "csv", "html"], default="text",
                   help="uitvoer: text (standaard, voor de terminal), json (voor programma's), csv of html "
                   "(overzicht voor coaches)")
    p.add_argument("--pages", choices=["auto", "render", "word", "estimate"], default="auto",
                   help="hoe pagina's tellen: render (opmaken met LibreOffice), word (Words eigen telling), "
                   "estimate (schatten, snel), auto (standaard: de beste die er is)")
    p.add_argument("--select", metavar="CODES", default="", help="alleen deze regels of categorieën (komma's)")
    p.add_argument("--ignore", metavar="CODES", default="", help="sla deze regels of categorieën over (komma's)")
    p.add_argument("--languagetool", metavar="URL", default=None,
                   help="je eigen LanguageTool-server; zonder dit adres verlaat geen tekst je computer")
    p.add_argument("--jobs", "-j", type=int, default=0, metavar="N", help="aantal parallelle processen")
    p.add_argument("--output", "-o", metavar="BESTAND", help="schrijf het rapport naar een bestand")
    p.add_argument("--today", "--vandaag", dest="today", metavar="DATUM", help="doe alsof het deze datum is")
    p.add_argument("--no-color", action="store_true", help="geen kleur")
    p.add_argument("--annotate", "--nagekeken", dest="annotate", metavar="MAP", default=None,
                   help="schrijf van elk gecontroleerd .docx een kopie met de bevindingen als opmerkingen in "
                   "Word: MAP/<naam>-nagekeken.docx (het origineel blijft onaangeroerd)")
    p.add_argument("--verbose", "-v", action="store_true",
                   help="toon elke bevinding op een eigen regel met de volledige uitleg, ook de info")
    p.add_argument("--rubric", "--criteria", dest="rubric", action="store_true",
                   help="toon ook de beoordelingscriteria van de handleiding (VORM EN TAAL 1-4, INHOUD 1-9): wat "
                   "nagekeken is, wat gevonden is en wat alleen een mens kan beoordelen (geen score)")
    _project_arg(p)

    p = sub.add_parser("build", help="maak een Word-document (en pdf) van je teksten",
                       description="Zet je teksten om in een Word-document met titelpagina, inhoudsopgave, "
                       "kop- en voettekst en paginanummers, in de huisstijl van je bedrijf.")
    p.add_argument("--skeleton", action="store_true", help="een geraamte met de hulpvragen als plaatshouders")
    p.add_argument("--stage", choices=["midterm", "final"], default="final",
                   help="midterm: alleen het eerste deel")
    p.add_argument("--huisstijl", metavar="BESTAND", help="Word-sjabloon (.docx/.dotx) van je stagebedrijf")
    p.add_argument("-o", "--output", metavar="BESTAND", help="het uitvoerbestand (.docx)")
    p.add_argument("--pdf", action="store_true", help="maak ook een pdf (via LibreOffice)")
    p.add_argument("--force", action="store_true", help="overschrijf zonder reservekopie")
    p.add_argument("--leerdoelen", metavar="PLAATS", choices=["uitgangspunten", "bijlage", "geen"], default=None,
                   help="zet een tabel met je leerdoelen en hun competenties in 'uitgangspunten' of de 'bijlage' "
                   "(standaard: wat 'tabel' in leerdoelen.toml zegt; geen = nooit)")
    _project_arg(p)

    p = sub.add_parser("rules", help="toon de regels waarop check controleert, of leg er één uit",
                       description="Toon alle regels (code, naam, categorie, ernst, wat ze controleren), of leg "
                       "één regel uit: wat ze meldt, waarom (met de plaats in de handleiding), voor welke "
                       "versie en welke bestanden ze geldt.")
    p.add_argument("code", nargs="?", metavar="CODE", help="de code of naam van een regel, bv. SV502 of dt-error")
    p.add_argument("--markdown", action="store_true", help="als Markdown-tabel (zoals in de README)")

    p = sub.add_parser("doelen", help="toon, noteer of werk je leerdoelen bij",
                       description="Je leerdoelen staan in leerdoelen.toml in je project: per doel één korte zin, "
                       "de competenties (LR1-LR15) en halverwege en op het einde waar je staat met één regel "
                       "bewijs. Zonder opties toont deze opdracht je doelen, de competenties die ze dekken en waar "
                       "je tekst er (nog) niet op terugkomt.")
    p.add_argument("--nieuw", metavar="ZIN", help="voeg een leerdoel toe, bv. --nieuw \"Ik voer gesprekken in het Frans.\"")
    p.add_argument("--doel", type=int, metavar="N", help="het leerdoel (nummer) dat je bijwerkt")
    p.add_argument("--tekst", metavar="ZIN", help="met --doel: een nieuwe zin voor het doel")
    p.add_argument("--competenties", metavar="LR", help="competenties, bv. LR6,LR9 (bij --nieuw of --doel)")
    p.add_argument("--halverwege", metavar="STAND", help="met --doel: waar je halverwege staat")
    p.add_argument("--einde", metavar="STAND", help="met --doel: waar je op het einde staat")
    p.add_argument("--bewijs", metavar="ZIN", help="met --halverwege of --einde: één regel bewijs")
    p.add_argument("--verwijder", type=int, metavar="N", help="verwijder leerdoel N")
    _project_arg(p)

    p = sub.add_parser("tui", help="open de schrijfhulp in de terminal",
                       description="Open de schrijfhulp: planning, schrijven per onderdeel, taalcontrole, "
                       "controleren en bouwen.")
    _project_arg(p)
    return parser


def run() -> None:
    """The ``stageverslag`` command (and ``python -m stageverslag``): :func:`main`, and after ``check`` a quick
    exit: the output is flushed and the exit handlers run (remembered word verdicts, temporary folders), but the
    interpreter does not free every object one by one, which after a first check (two Hunspell dictionaries,
    the word classes, the dt model) costs 40-120 ms for nothing."""
    argv = sys.argv[1:]
    code = main(argv)
    if _one_document(argv):  # not a batch: its worker processes end the normal way
        _leave(code)
    sys.exit(code)


def _one_document(argv: list[str]) -> bool:
    paths = early_check_paths(argv)
    return paths is not None and one_document(paths)


def _leave(code: int) -> None:
    import atexit
    import os
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (| head): nothing more to say
            pass
    atexit._run_exitfuncs()
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            args = parser.parse_args(["tui"])
        if args.command == "init":
            from .commands import cmd_init
            return cmd_init(args)
        if args.command == "status":
            from .commands import cmd_status
            return cmd_status(args)
        if args.command == "check":
            start_loading(args.paths, args.select, args.ignore)  # once: early.main may have started it
            from .commands import cmd_check
            return cmd_check(args)
        if args.command == "build":
            from .commands import cmd_build
            return cmd_build(args)
        if args.command == "rules":
            from .commands import cmd_rules
            return cmd_rules(args)
        if args.command == "doelen":
            from .commands import cmd_goals
            return cmd_goals(args)
        if args.command == "tui":
            from .tui import run_tui
            return run_tui(args)
    except UserError as exc:
        print(f"stageverslag: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("\nstageverslag: onderbroken.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug (never the user's fault): a short Dutch message and a crash report, status 3
        from .crash import guarded
        return guarded(exc, argv, _project_hint(args))
    parser.print_help()
    return 2


def _project_hint(args) -> str | None:
    """The project folder a crash report may fall back to (only when it really is a project)."""
    import os
    folder = getattr(args, "project", None) or "."
    try:
        return folder if os.path.isfile(os.path.join(folder, "stageverslag.toml")) else None
    except (OSError, ValueError):
        return None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
