"""Closed word classes for the dt rules: auxiliaries, strong past tenses, pronouns, determiners,
conjunctions, fronted adverbs and the small lists that keep the rules quiet where Dutch is ambiguous."""

AUX_HEBBEN = {"heb", "hebt", "heeft", "hebben", "had", "hadden", "gehad"}
AUX_ZIJN = {"ben", "bent", "is", "zijn", "was", "waren", "geweest"}
AUX_WORDEN = {"word", "wordt", "worden", "werd", "werden", "geworden"}
PERFECT_AUX = AUX_HEBBEN | AUX_ZIJN | AUX_WORDEN
MODALS = {"kan", "kun", "kunt", "kunnen", "kon", "konden", "moet", "moeten", "moest", "moesten", "zal", "zult",
          "zullen", "zou", "zouden", "wil", "wilt", "willen", "wou", "wilde", "wilden", "mag", "mogen", "mocht",
          "mochten", "hoeft", "hoeven", "hoefde", "lijkt", "leek", "blijkt", "bleek", "blijft", "bleef", "raakt",
          "raakte", "gaat", "ging", "laat", "liet", "krijgt", "kreeg", "komt", "kwam", "staat", "stond"}
STRONG_PAST = {
    "vond", "vonden", "werd", "werden", "stond", "stonden", "hield", "hielden", "ging", "gingen", "kwam",
    "kwamen", "zag", "zagen", "gaf", "gaven", "nam", "namen", "las", "lazen", "zat", "zaten", "lag", "lagen",
    "kreeg", "kregen", "bleef", "bleven", "schreef", "schreven", "liep", "liepen", "sprak", "spraken", "wist",
    "wisten", "dacht", "dachten", "bracht", "brachten", "kocht", "kochten", "zocht", "zochten", "deed", "deden",
    "zei", "zeiden", "at", "aten", "begon", "begonnen", "vroeg", "vroegen", "koos", "kozen", "trok", "trokken",
    "bood", "boden", "reed", "reden", "sneed", "verloor", "verliet", "ontving", "ontstond", "begreep",
    "besloot", "bezocht", "hielp", "hielpen", "droeg", "verliep", "viel", "vielen", "hing", "ving", "riep",
    "sliep", "won", "vergat", "verscheen", "stierf", "bond", "leed", "streed", "gleed", "verbond", "verstond",
    "onderging", "ondernam", "schoot", "sloot", "loog", "bedroeg", "vertrok", "vond", "ontdekte", "had", "was",
    "waren", "hadden", "deed", "zond", "verzond", "wond", "verdween", "keek", "keken", "dronk", "zong", "zweeg",
}
SUBJ_T = {"jij", "je", "u", "hij", "zij", "ze", "het", "men", "wie", "die", "dat", "dit", "er", "wat", "iedereen",
          "niemand", "niets", "alles", "iets"}
SUBJ_PRONOUNS = {"ik", "jij", "je", "u", "hij", "zij", "ze", "het", "men", "we", "wij", "jullie"}
#: words that may be an article/demonstrative/possessive as well as a subject: the next word must not be a noun
DET_LIKE = {"het", "die", "dat", "dit", "je", "wie", "wat"}
DETERMINERS = {"de", "het", "een", "mijn", "jouw", "zijn", "haar", "ons", "onze", "hun", "uw", "deze", "dit",
               "die", "dat", "elke", "ieder", "iedere", "geen", "welk", "welke", "ons", "dat"}
SUBORDINATORS = {"dat", "omdat", "als", "wanneer", "terwijl", "nadat", "voordat", "zodat", "zodra", "hoewel",
                 "doordat", "indien", "tenzij", "totdat", "sinds", "die", "wat", "wie", "waar", "waarin",
                 "waarop", "waardoor", "waarmee", "waarvan", "waarover", "waaraan", "waarbij", "waarvoor",
                 "welke", "hoe", "waarom", "toen", "of", "zoals", "opdat", "ofschoon", "aangezien", "mits",
                 "naarmate", "zolang", "alsof"}
COORDINATORS = {"en", "maar", "want", "of", "dus", "noch"}
#: words that start a main clause and are followed by the finite verb (inversion)
FRONT = {
    "daarom", "daarna", "dan", "nu", "toen", "vandaag", "morgen", "gisteren", "soms", "vaak", "meestal",
    "altijd", "nooit", "hierdoor", "daardoor", "hier", "daar", "zo", "bovendien", "verder", "eerst",
    "vervolgens", "tenslotte", "ten slotte", "uiteindelijk", "gelukkig", "helaas", "waarschijnlijk",
    "misschien", "natuurlijk", "daarnaast", "hiervoor", "daarvoor", "hierbij", "daarbij", "hiermee", "daarmee",
    "binnenkort", "straks", "ook", "echter", "wel", "zeker", "dikwijls", "regelmatig", "opnieuw", "later",
    "vroeger", "intussen", "ondertussen", "tijdens", "hierin", "daarin", "hierna", "nadien", "voordien",
    "waar", "wanneer", "hoe", "waarom", "wat", "welke", "dus", "toch", "anders", "tot", "sindsdien",
    "plots", "plotseling", "dagelijks", "wekelijks", "zelden", "graag", "alleen", "samen", "wellicht",
    "dit", "dat", "die", "het",
}
#: verbs that hardly ever take "je" as an indirect object ("Dat vindt je" is wrong, "Dat bezorgt je" is not)
NO_DATIVE = {"vind", "denk", "weet", "zie", "hoor", "merk", "lees", "begrijp", "verwacht", "beantwoord",
             "antwoord", "houd", "meld"}
#: words after "je" that show "je" is the subject, not a possessive
AFTER_SUBJECT_JE = {
    "ook", "dan", "nog", "niet", "wel", "er", "vaak", "al", "nu", "altijd", "soms", "zelf", "het", "dat", "die",
    "dit", "deze", "hem", "ze", "hen", "mij", "me", "aan", "in", "op", "door", "bij", "met", "van", "voor",
    "naar", "uit", "over", "zo", "echt", "eigenlijk", "meteen", "graag", "misschien", "toch", "immers",
    "hier", "daar", "waarschijnlijk", "best", "zeker", "snel", "ooit", "nooit", "pas", "daarna", "hiervan",
    "daarvan", "ervan", "erover", "erin", "erop", "ermee", "iets", "niets", "alles", "veel", "weinig", "te",
    "geen", "tijdens", "na", "om", "tot", "zodra", "als", "of", "dat", "morgen", "vandaag", "straks", "later",
    "gisteren", "binnenkort", "opnieuw", "dikwijls", "regelmatig", "gewoon", "wellicht", "de", "een",
}
FRONT_PREPOSITIONS = {"volgens", "tijdens", "na", "voor", "in", "op", "bij", "met", "door", "sinds", "vanaf", "om",
                      "tegen", "ondanks", "dankzij", "wegens", "zonder", "binnen", "buiten", "onder", "naast",
                      "achter", "tussen", "aan", "via"}
PP_PREPOSITIONS = {"van", "naar", "uit", "in", "op", "met", "voor", "bij", "aan", "over", "tegen", "zonder"}
TIME_NOUNS = {"dag", "week", "maand", "jaar", "ochtend", "morgen", "voormiddag", "middag", "namiddag", "avond",
              "keer", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "kwartaal"}
SEPARABLE = ("aan", "af", "bij", "door", "in", "mee", "na", "om", "onder", "op", "over", "toe", "uit", "vast",
             "voor", "weg", "terug", "samen", "rond", "na", "tegen", "ver", "be", "ont", "her", "ge")
#: words right after a finite verb that show it is one ("De klant antwoord niet ...")
POST_VERB = {"niet", "ook", "altijd", "nooit", "snel", "meteen", "vaak", "zelden", "steeds", "nog", "al", "dan",
             "toch", "wel", "graag", "op", "aan", "mij", "me", "hem", "haar", "ons", "hen", "u", "je", "jou", "zich",
             "dat", "het", "er", "hier", "daar", "nu", "zelf", "eerst", "de", "een", "mijn", "zijn", "onze", "hun",
             "deze", "dit", "elke", "alle"}
#: d-ending words that are (also) prepositions or adverbs
FUNCTION_WORDS = {"rond", "rondom", "omtrent", "goed", "bijna", "half", "land", "eind", "einde", "rand", "kind"}
DEGREE = {"zeer", "heel", "erg", "echt", "best", "vrij", "nogal", "te", "zo"}
QUANTIFIERS = {"veel", "weinig", "niets", "iets", "alles", "meer", "minder", "genoeg", "wat"}
#: words in -de/-te after a subject that are no past tense ("dat je beide talen ...")
NOT_PAST = {"beide", "andere", "eigen", "zelfde", "hele", "halve", "vele", "enkele", "sommige", "verschillende",
            "diverse", "elke", "iedere", "welke", "deze", "alle", "meeste", "volgende", "vorige", "laatste",
            "eerste", "tweede", "derde", "beste", "grootste", "juiste", "nodige", "goede", "echte", "vaste"}
INSEPARABLE = ("be", "ver", "ont", "her", "er", "ge")
MONTHS = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"}
NP_DETERMINERS = {"de", "het", "een", "mijn", "zijn", "haar", "onze", "ons", "deze", "dit", "die", "dat", "elke",
                  "iedere", "ieder", "uw", "jouw", "elk"}
#: subordinators that can open a sentence ("Omdat hij het goed vindt, ...")
INITIAL_SUBORDINATORS = {"omdat", "als", "terwijl", "nadat", "voordat", "zodra", "hoewel", "doordat", "indien",
                         "tenzij", "totdat", "aangezien", "ofschoon", "mits", "zolang", "naarmate", "opdat"}

#: nouns that need an article (people, organisations): after 'verb je' they make 'je' mean 'your'
OWNED = ("begeleider", "begeleidster", "mentor", "collega", "baas", "chef", "bedrijf", "team", "leidinggevende",
         "klant", "werkgever", "afdeling", "manager", "docent", "leraar", "lerares", "stageplaats", "organisatie",
         "school", "opleiding", "coach", "leider", "directeur", "directrice", "firma", "ouders", "vriend",
         "vriendin", "partner", "stagiair", "stagiaire", "werknemer", "medewerker", "promotor", "tutor")
