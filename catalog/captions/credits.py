"""Credit lines: agency names, photographers, partner chains.

The agency is the one that distributes the picture under its credit.
``read_chain("Sputnik/Name via REUTERS")`` gives Reuters with Sputnik as an
intermediary; when Getty Images or AP resell a news agency's picture
("Name/AFP via Getty Images", "Name/dpa via AP") the originating agency wins and
the reseller becomes the intermediary. Agency names and aliases: ``agencies.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from catalog.captions.agencies import home_country, is_news_agency, normalize_agency
from catalog.captions.normalize import CAPITALS, fold_case, squash
from catalog.regexcache import regex

__all__ = ["Credit", "chain_left", "chain_right", "clean_name", "home_country", "is_news_agency",
           "looks_like_org", "name_run", "normalize_agency", "read_chain"]


#: A member newspaper after the photographer's name, joined by a hyphen (USA TODAY NETWORK's style).
_NAME_DASH_PAPER = regex(r"(?P<name>[A-Z][\w'’.]*(?:\s[A-Z][\w'’.]*){1,3})-(?P<org>The\s[A-Z][\w'’.&-]*(?:\s[\w'’.&-]+){0,4})")


_MARKERS = regex(r"\s+(?:Livepic|Action\s+Images)$", re.IGNORECASE)


_TRAILING_INITIAL = regex(rf"\s[{CAPITALS}]$")


def clean_name(text: str) -> str:
    """A credited name with line breaks, doubled spaces, stray punctuation and markers removed.

    A name that ends in an initial keeps its period ("Luis Carrasco R.").
    """
    squashed = squash(text)
    if squashed.endswith(")") and "(" not in squashed:
        squashed = squashed[:-1]  # the bracket that closed the credit: "(Foto EFE/ Name)"
    elif squashed.startswith("(") and ")" not in squashed:
        squashed = squashed[1:]  # the bracket that opened it: "(Name/Org (NVE)/NTB via Reuters)"
    name = _MARKERS.sub("", squashed.strip(" .,;:/-"))
    if name[:4] in ("Str ", "STR ") and name[4:5].isupper():
        name = name[4:]  # "Str Zhang Xiao Li / AFP": a stringer, and his name
    if (((name[-1:].isupper() and _TRAILING_INITIAL.search(name)) or name.endswith((" Jr", " Sr")))
            and squashed.rstrip(" ,;:/-").endswith(name + ".")):
        return name + "."  # "Luis Carrasco R.", "Ernesto Guzmán Jr."
    return name


_ORG_WORDS = regex(
    r"\b(?:ministry|service|office|press|force|forces|army|navy|police|agency|department|"
    r"government|council|committee|authority|administration|guard|command|military|media|"
    r"center|centre|centers|centres|group|house|palace|kremlin|nasa|university|museum|company|corp|inc|ltd|"
    r"news|tv|television|channel|foundation|organisation|organization|federation|club|"
    r"association|party|embassy|presidency|parliament|courtesy|social|video|via|telegram|instagram|"
    r"twitter|facebook|youtube|tiktok|weibo|handout|crescent|institute|commission|hospital|municipality|images|"
    r"unicef|unhcr|patrol|labs|lab|pbc|technologies|technology|conservancy|trust|daily|times|post|"
    r"herald|tribune|gazette|journal|chronicle|courier|examiner|inquirer|register|dispatch|sentinel|"
    r"telegraph|zoo|aquarium|sheriff|society|network|county|airlines|airport|studios|pictures|"
    r"films|records|entertainment|productions|imaging|satellite|maxar|airbus|brigade|battalion|"
    r"regiment|rifles|division|corps|shimbun|yomiuri|asahi|mainichi|sankei|osservatore|international|system|survey|website|official|"
    r"ufficio|stampa|prensa|oficina|gabinete|assessoria|imprensa|polizei|feuerwehr|ministerio|ministero|"
    r"ministère|presidenza|governo|gobierno|policía|polizia|carabinieri|vigili|pompiers|bomberos|bombeiros)\b",
    re.IGNORECASE,
)
_NOT_NAMES = frozenset({"illustration", "photo illustration", "illustration photo", "-", "photo", "uncredited",
                        "representational image", "representative image", "agencies", "pic", "pics"})  # "(Photo: PTI/Representational image)"
_FILE_FLAGS = frozenset({"file photo", "file", "files", "file picture", "archive", "archivo", "arquivo", "archiv",
                         "archivio", "archief", "archiwum"})  # EFE's "EFE/Archivo", Lusa's "/ARQUIVO"


#: The words of ``_ORG_WORDS``, for a set test on the words of a part.
_ORG_WORD_SET = frozenset(_ORG_WORDS.pattern.split("(?:", 1)[1].split(")", 1)[0].split("|"))
_WORD_RUN = regex(r"\w+")


def _has_org_word(part: str) -> bool:
    """``_ORG_WORDS.search(part)``: its words are whole runs of word characters, so a set test
    on those runs gives the same answer much faster than the alternation at every position."""
    return not _ORG_WORD_SET.isdisjoint(_WORD_RUN.findall(fold_case(part)))


def looks_like_org(part: str) -> bool:
    """An organisation rather than a person: org words, an acronym, or a long name."""
    words = part.split()
    if part.startswith(("@", "The ")) or _has_org_word(part):
        return True
    if fold_case(part).startswith(_ORG_PREFIXES):  # German compounds: "Polizeiinspektion Magdeburg"
        return True
    if any(phrase in fold_case(part) for phrase in _ORG_PHRASES):
        return True
    if len(words) > 1 and any(word.isdigit() for word in words):
        return True  # "Milano Cortina 2026", "Paris 2024": an organising committee, never a person
    if len(words) == 1 and part.isupper() and len(part) <= 6 and part not in ("STRINGER", "STR"):
        return True
    return sum(word.lower() not in _NAME_PARTICLES for word in words) > 4


_ORG_PREFIXES = ("polizei", "feuerwehr", "bundespolizei", "bundeswehr", "landratsamt", "ministerium", "staatskanzlei")
#: Organisations whose words are also surnames ("Cross", "Borders"): only the whole phrase counts.
_ORG_PHRASES = ("red cross", "without borders", "sans frontières", "sans frontieres")

#: Lower-case words inside a person's name ("Itziar Goikoetxea de la Peña" is three names).
_NAME_PARTICLES = frozenset({"de", "da", "do", "dos", "das", "du", "del", "della", "la", "le", "van",
                             "von", "der", "den", "ter", "ten", "y", "e", "bin", "bint", "ibn", "al", "el"})


@dataclass
class Credit:
    """What a credit line says."""

    agency: str = ""
    photographer: str = ""
    intermediaries: list[str] = field(default_factory=list)
    file_photo: bool = False
    pool: bool = False
    handout: bool = False
    mandatory: bool = False
    notes: list[str] = field(default_factory=list)  # "various sources": what the credit says of its source


_NAME_DASH_AGENCY = regex(r"(?P<name>[^-—]{2,60}?)\s?[-–—]\s?(?P<agency>[^-—]{2,40})")
_NAME_FOR_ORG = regex(rf"(?P<name>[{CAPITALS}][^\s/]*(?:\s[^\s/]+){{1,3}}?)\s+for\s+(?P<org>[A-Z@\d][^/]{{0,80}})")
_PARENTHETICAL = regex(r"\s*\([^()]{1,60}\)\s*")
_POOL = regex(r"(?:(?P<org>.{1,60}?)\s)?pool(?:\s+photo)?\.?", re.IGNORECASE)
#: "Rupert Hale - WPA" before "Pool": a photographer, then the pool's name.
_NAME_DASH_POOL = regex(r"(?P<name>[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){1,3})\s[-–—]\s(?P<org>[A-Z][\w&.-]{1,15})")
#: A part in lower-case words only ("various sources"): a description of the source, not a name.
_LOWER_WORDS = regex(r"[a-z]+(?:\s[a-z]+)+")
#: Descriptions of a source, in any case ("VARIOUS SOURCES"): notes, not names.
_SOURCE_NOTES = frozenset({"various sources", "multiple sources"})
_VIA = regex(r"\s*/?\s*\bv[ií]a\b\s*/?\s*|\s+[—–-]\s+(?=Getty\s+Images)", re.IGNORECASE)  # and the NYT's "AFP — Getty Images"


#: Words a paper puts before "photo by": "Staff photo by Name", "Special photo by Name".
LABEL_QUALIFIER = r"(?:(?:Staff|Special|Contributed|Submitted|Courtesy)\s+)?"
#: "Photo by ", "Foto: ", and French "Photo Valentine CHAPUIS" (no "by": a capitalised name follows).
_LABEL_START = regex(
    rf"^{LABEL_QUALIFIER}(?:(?:Photo(?:grapher|graph|s)?|Pictures?|Fotos?|Imagem|Image(?:\s+credit)?|Photo\s+credit|Cr[eé]dit(?:s|o|os|\s+Image)?)\s?(?::|;|by\b)\s?(?:©\s?)?"
    r"|Foto\s(?:por|de|von|di)\s"  # Portuguese, Spanish, German, Italian "photo by"
    r"|(?:Quelle|Zdroj|K[äa]lla|Fuente|Fonte)\s?:\s?"  # and "source:"
    r"|(?:Copyright|Fotograf|Fotógrafo|Fotografo|Fotografia)\s?:\s?"  # "Copyright: Name", Nordic and Iberian photographers
    r"|Tous\s+droits\s+r[ée]serv[ée]s\s"  # French sites' "all rights reserved NAME/AFP"
    rf"|(?-i:(?:Photo|Foto|FOTO|beeld|Beeld)\s)(?=(?-i:[{CAPITALS}a-z])))",  # and "Foto Name/AFP", Antara's "FOTO ANTARA/Name", Dutch "beeld afp / Name"
    re.IGNORECASE,
)
_LABEL_FIRST_WORDS = ("staff", "special", "contributed", "submitted", "courtesy", "photo", "picture", "foto", "beeld", "credit",
                      "crédit", "tous droits", "copyright", "fotograf",
                      "image", "quelle", "zdroj", "källa", "kalla", "fuente", "fonte")
#: A label inside the first part of a chain, after the caption's own words.
_INNER_LABEL = regex(r"\s(?:Foto|Photo|Fotos|Photos|Cr[eé]dito|Credit|Picture)\s?:\s*(?=[A-Z])")
_ARCHIVE_MARK = regex(r"\((?:Arkivfoto|Archivfoto|Arkivbild|Archivbild|Arkistokuva|Foto\s+de\s+archivo|Archivo|Arquivo)\)\s*",
                           re.IGNORECASE)
_MANDATORY = regex(r"mandatory\s+credit\s*:?\s*", re.IGNORECASE)
_FROM_HOMETOWN = regex(r"\s+from\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}$")


def _comma_agency(part: str) -> list[str]:
    """"Name, AFP" as two parts, when what follows the comma is a news agency; else the part."""
    if ", " not in part:
        return [part]
    name, _, tail = part.rpartition(", ")
    agency = normalize_agency(tail)
    return [name, tail] if agency is not None and is_news_agency(agency) and name else [part]


_TRANSMISSION_CODE = regex(r"\s+kod\s+\d{3,8}$|^[A-Z]{2,3}\d{5,8}\s+(?=[A-Z])")  # TT's "TT kod 10060", "FR155492 AP"
_AGENCY_PHOTO_NAME = regex(r"([A-Z]{2,10})\s+PHOTO\s+([A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){1,3})")
_TRAILING_YEAR = regex(r"\s+(?:19|20)\d\d$")
_LEADING_YEAR = regex(r"(?:19|20)\d\d\s+")


def _without_year(part: str) -> str:
    """An agency's name without the copyright year after it ("AFP 2023" -> "AFP")."""
    if part[-1:].isdigit() and (year := _TRAILING_YEAR.search(part)) is not None:
        bare = part[: year.start()]
        if normalize_agency(bare) is not None:
            return bare
    if part[:1] in "12" and (year := _LEADING_YEAR.match(part)) is not None and normalize_agency(part[year.end() :]):
        return part[year.end() :]  # "SERGEI SUPINSKY/2014 AFP"
    return part


_AGENCY_PHOTO_BY = regex(r"(\S.{0,40}?)\s+(?:[Pp]hotos?|PHOTOS?)\s+(?:by|BY)\s+(\S.{1,60})")


def read_chain(chain: str, *, distributor: str | None = None) -> Credit:
    """Interpret a slash credit chain such as ``REUTERS/Name/File Photo`` or ``Name/Org via AP``.

    ``distributor`` names the agency when the format already knows it (the
    caller matched "(AP Photo/...)" for instance).
    """
    credit = Credit()
    text = squash(chain)
    if text[:1] in "([" and fold_case(text[1:13]).startswith(_LABEL_FIRST_WORDS):
        text = text[1:]  # "(Photo by Name/Action Images via Reuters)" read from its "via"
    elif text[:1] == "[":
        text = text[1:].rstrip("]")  # Al Jazeera's "[Name/Reuters]"
    elif text[:1] == "(" and ")" not in text:
        text = text[1:]  # "(Mainichi Shimbun /Reuters": the bracket that opens the credit
    if text[:1] == "©":
        text = text[1:].lstrip()  # "© picture-alliance/dpa", "© Name / AFP"
    if text[:2] in ("19", "20") and (year := _LEADING_YEAR.match(text)) is not None and text[year.end() :][:1].isupper():
        text = text[year.end() :]  # "© 2022 Name/NurPhoto via AP": the copyright's year
    if fold_case(text[:12]).startswith(_LABEL_FIRST_WORDS):  # (the label's first word, as the pattern compares)
        text = _LABEL_START.sub("", text)
    mandatory = _MANDATORY.match(text)
    if mandatory:
        credit.mandatory = True
        text = text[mandatory.end() :]
    if text.endswith((", File", ", FILE", ", file")):  # AP's house style, used by its partners too:
        credit.file_photo = True  # "(THE CANADIAN PRESS/Name, File)"
        text = text[:-6].rstrip()
    via_parts = (_VIA.split(text, maxsplit=1) if ("via" in fold_case(text) or "vía" in text or " Getty" in text)
                 else [text])  # and Spanish "vía"
    left = via_parts[0]
    if len(via_parts) > 1 and "/" not in left and len(words := left.split()) >= 3:
        agency = normalize_agency(words[-1])
        if agency is not None and is_news_agency(agency):  # "NAME AFP via Getty Images", no slash
            left = " ".join(words[:-1]) + "/" + words[-1]
    right_parts = via_parts[1].split("/") if len(via_parts) > 1 else []
    right = right_parts[0].strip() if right_parts else ""
    dist = normalize_agency(right) if right else None
    dist = dist or (normalize_agency(distributor) if distributor else None)
    parts = [p.strip() for p in left.split("/")] + [p.strip() for p in right_parts[1:]]
    parts = [piece for part in parts for piece in _comma_agency(part)]  # "Cole Burston, AFP/Getty Images"
    parts = [_without_year(_TRANSMISSION_CODE.sub("", part)) for part in parts]  # "© AFP 2023 / Name", "TT kod 10060"
    if parts and (first := _AGENCY_PHOTO_NAME.fullmatch(parts[0])) is not None and normalize_agency(first.group(1)):
        parts[0:1] = [first.group(1), first.group(2)]  # "(BELGA PHOTO NICOLAS MAETERLINCK)"
    for k, part in enumerate(parts):
        if part.endswith((" File", " FILE")) and normalize_agency(part[:-5]) is not None:
            parts[k], credit.file_photo = part[:-5], True  # "R Senthil Kumar / PTI File"
    handout = ""
    partner: tuple[str, str] | None = None
    people: list[str] = []
    agencies: list[str] = []
    orgs: list[str] = []
    if parts and ": " in parts[0] and (label := _INNER_LABEL.search(parts[0])) is not None:
        parts[0] = parts[0][label.end() :]  # "... em Irpin Foto: NAME/AGENCY via REUTERS": the chain starts there
    for part in parts:
        lower = part.lower().strip(" .")
        if not lower:
            continue
        if " from " in part and (hometown := _FROM_HOMETOWN.search(part)) is not None:
            part = part[: hometown.start()]  # "Jonty Smith from Melbourne/via REUTERS": the name
            lower = part.lower().strip(" .")
        if part.startswith("(") and (archived := _ARCHIVE_MARK.match(part)) is not None:
            credit.file_photo = True  # Danish "(Arkivfoto) Name/Reuters", German "(Archivfoto)"
            part = part[archived.end() :]
            lower = part.lower().strip(" .")
        if lower.startswith("courtesy ") and len(part) > 12:
            part = part[12 if lower.startswith("courtesy of ") else 9 :].strip()  # "Courtesy (of) Name/via REUTERS"
            lower = part.lower().strip(" .")
        elif lower.startswith(("arquivo ", "archivo ", "archiv ", "archive ")) and normalize_agency(part.split(None, 1)[1]):
            credit.file_photo = True  # Agência Brasil's "Name/Arquivo Agência Brasil"
            part = part.split(None, 1)[1]
            lower = part.lower().strip(" .")
        if lower in _FILE_FLAGS:
            credit.file_photo = True
        elif lower in _NOT_NAMES:
            continue  # "REUTERS/Name/Illustration": a kind of picture, not a name
        elif "pool" in lower and (pool := _POOL.fullmatch(part)) is not None:
            credit.pool = True
            if pool.group("org") and (named := _NAME_DASH_POOL.fullmatch(pool.group("org"))) is not None:
                people.append(clean_name(named.group("name")))  # Getty's "Name - WPA Pool"
                orgs.append(clean_name(named.group("org")) + " Pool")
            elif pool.group("org"):
                who = clean_name(pool.group("org"))
                dashed = pool.group("org").rstrip().endswith(("-", "–"))
                if dashed and not looks_like_org(who) and normalize_agency(who) is None:
                    people.append(who)  # Getty's "(Photo by Name - Pool/Getty Images)"
                else:
                    orgs.append(who)
        elif lower in ("handout", "ho", "handout photo"):
            credit.handout = True
            handout = handout or (part.strip(" .") if lower != "handout photo" else "Handout")
        elif (agency := normalize_agency(_PARENTHETICAL.sub("", part) if "(" in part else part)) is not None:
            agencies.append(agency)  # "WANA (West Asia News Agency)"
        elif " for " in part and not looks_like_org(part.split(" for ", 1)[0]) and (
                hired := _NAME_FOR_ORG.fullmatch(part)) is not None:
            # "Maya Goldberg for CalMatters": the photographer, working for an organisation
            name, org = clean_name(hired.group("name")), clean_name(hired.group("org"))
            if (agency := normalize_agency(name)) is not None:
                agencies.append(agency)
            else:
                people.append(name)
            orgs.append(normalize_agency(org) or org)
        elif (("-" in part or "–" in part or "—" in part) and (hyphen := _NAME_DASH_AGENCY.fullmatch(part))
              and normalize_agency(hyphen.group("agency"))):
            who = clean_name(hyphen.group("name"))
            if (origin := normalize_agency(who)) is not None and is_news_agency(origin):
                partner = (origin, normalize_agency(hyphen.group("agency")) or "")  # "AFP-Yonhap"
                continue
            people.append(who)  # "Kirby Lee-USA TODAY Sports"
            if (agency := normalize_agency(hyphen.group("agency")) or "") == "Pool":
                credit.pool = True  # Getty's "Name-Pool/Getty Images"
            else:
                agencies.append(agency)
        elif ((" - " in part or " – " in part or " — " in part) and (hyphen := _NAME_DASH_AGENCY.fullmatch(part))
              and looks_like_org(org := hyphen.group("agency").strip())):
            people.append(clean_name(hyphen.group("name")))  # "Chloe Andersen - UEFA/UEFA via Getty Images"
            orgs.append(clean_name(org))
        elif "-The " in part and (paper := _NAME_DASH_PAPER.fullmatch(part)) is not None:
            people.append(clean_name(paper.group("name")))  # Imagn's "Owen Kessler-The Courier-Journal"
            orgs.append(clean_name(paper.group("org")))
        elif (part[:1].islower() and _LOWER_WORDS.fullmatch(part)) or lower in _SOURCE_NOTES:
            credit.notes.append(squash(part))  # "STRINGER / various sources / AFP": a source described
        elif lower.isdigit():
            continue  # "Sept. 25/ Yonhap": the date's day, run into the credit
        elif " by " in lower and (by := _AGENCY_PHOTO_BY.fullmatch(part)) and normalize_agency(by.group(1)):
            agencies.append(normalize_agency(by.group(1)) or "")  # "(Xinhua photo by Name)", "(PNA photo by Name)"
            people.append(clean_name(by.group(2)))
        elif looks_like_org(part):
            orgs.append(clean_name(part))
        else:
            people.append(clean_name(part))
    if len(people) >= 2 and " " not in people[0] and any(" " in p for p in people[1:]):
        orgs.append(people.pop(0))  # "Eurokinissi/Nikos Pappas via REUTERS": a one-word source, then the name
    if right and len(people) == 1 and not agencies and not orgs and not credit.pool and credit.handout:
        orgs.append(people.pop())  # "72nd Brigade/Handout via REUTERS": the handout's source, no photographer
    # (one name alone before "via": a person, "Elena Voss via AP"; organisations have org words)
    if partner is not None and not people and not agencies:
        credit.agency, credit.intermediaries = partner[0], [partner[1], *orgs]
        return credit  # Yonhap's "Reuters-Yonhap": a partner's picture, its agency, Yonhap's credit
    if credit.handout and not people:
        people.append(handout or "Handout")  # as written: "Handout", "HANDOUT", AFP's older "HO"
    if dist is None and agencies:  # the first that distributes under its credit ("Yomiuri Shimbun/AFP": AFP)
        dist = next((a for a in agencies if is_news_agency(a)), agencies[0])
        agencies = [a for a in agencies if a != dist]
    credit.agency = dist or ""
    if dist and dist not in ("Reuters",) and right:
        originating = [a for a in agencies if is_news_agency(a) and a != dist]
        if originating:
            credit.agency = originating[0]
            agencies = [a for a in agencies if a != originating[0]] + [dist]
    credit.photographer = people[0] if people else ""
    credit.intermediaries = [a for a in agencies if a != credit.agency] + orgs + people[1:]
    return credit


# -- finding the extent of a credit in running text ---------------------------

_NAME_TOKEN = regex(
    rf"(?:[{CAPITALS}][\w'’.\-]*|(?:al|el)-\w+|(?:de|da|do|dos|du|van|von|der|den|del|la|le|bin|bint|al|el|di|ter|ten|y|of|and|for|the|&)\b)"
)
_GLUE = regex(r"(?<=[a-zà-ÿ]{3})(?=[A-Z])")
_NAME_PREFIXES = ("mc", "mac", "de", "di", "da", "la", "le", "van", "von", "fitz", "o'", "d'")


def _glue_split(token: str) -> int | None:
    """Offset where a token glued to the next text splits ("CostaA" -> 5), else ``None``."""
    if token[3:].lower() == token[3:]:
        return None  # cheap exit: no capital after the third character
    for m in _GLUE.finditer(token):
        head = token[: m.start()].lower()
        if not head.startswith(_NAME_PREFIXES) or len(head) > 5:
            return m.start()
    return None


def name_run(text: str, pos: int, limit: int | None = None, *, max_tokens: int = 6) -> int:
    """End of the person or organisation name that starts at ``pos`` (``pos`` if none).

    Tokens are capitalised words and name particles separated by single spaces
    or a line break (a name broken across lines). A token glued to the next
    story ("CostaA man ...") is cut, and a capitalised word that begins a new
    sentence ("... Costa Police officers stand ...") is left out.
    """
    limit = len(text) if limit is None else limit
    ends: list[int] = []
    lowercase_next = False
    gaps = _LOOSE_NAME_GAP if _spaced_doubly(text) else _NAME_GAP
    p = pos
    while p < limit and len(ends) < max_tokens:
        m = _NAME_TOKEN.match(text, p, limit)
        if not m:
            break
        token = m.group(0)
        if ends and _MONTH_DAY.match(text, p, limit):
            break  # "REUTERS/Name May 12, 2023": the date follows the credit
        if token.endswith(".") and len(token) > 3 and not token[:-1].isupper():
            token = token[:-1]
        cut = _glue_split(token)
        if cut is not None:
            ends.append(p + cut)
            return ends[-1] if ends else pos
        q = p + len(token)
        if ends and text.startswith("/", q) and token.isupper() and normalize_agency(token):
            break  # "REUTERS/Name REUTERS/Name": the credit printed twice
        ends.append(q)
        if len(ends) == 1 and token.lower() in _ROLE_WORDS:
            break  # "REUTERS/Stringer Protesters march ...": a role is the whole name
        gap = gaps.match(text, q, limit) if q < limit else None
        if not gap:
            break
        p = gap.end()
        lowercase_next = bool(_LOWER_WORD.match(text, p, limit)) and not _NAME_TOKEN.match(text, p, limit)
        if lowercase_next:
            break
    if not ends:
        return pos
    dangling = len(ends) >= 4 and text[pos : ends[-1]].split()[-1].islower()
    if (lowercase_next or dangling) and len(ends) >= 3:
        last = text[pos : ends.pop()].split()[-1]  # the last capitalised word starts the next sentence
        if last.islower() and len(ends) >= 3:
            ends.pop()  # "REUTERS/Name Surname Supporters of a ...": the particle, then that word
    while ends and text[pos : ends[-1]].split()[-1].lower() in _LEFT_TRIM:
        ends.pop()
    return ends[-1] if ends else pos


_MONTH_DAY = regex(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s\d{1,2}\b", re.IGNORECASE
)
_ROLE_WORDS = frozenset({"stringer", "handout", "staff", "str", "ho", "pool"})
_NAME_GAP = regex(r"(?: ?\n ?| )(?! )")
#: In a caption typed with two spaces between words, two spaces still join a name.
_LOOSE_NAME_GAP = regex(r"(?: ?\n ?| {1,2})(?! )")


def _spaced_doubly(text: str) -> bool:
    """Whether the text puts two spaces between words as a habit (not once, between stories)."""
    doubled = text.count("  ")
    return doubled >= 3 and doubled * 4 >= text.count(" ")
_SLASH = regex(r"[ ]?/[ ]?")


def chain_right(text: str, pos: int, limit: int | None = None) -> int:
    """Extend a slash chain rightwards from ``pos`` ("/Name/File Photo"); return its end."""
    limit = len(text) if limit is None else limit
    end = pos
    while end < limit:
        m = _SLASH.match(text, end, limit)
        if not m:
            break
        seg_end = name_run(text, m.end(), limit)
        if seg_end == m.end():
            break
        end = seg_end
    return end


_LEFT_STOP = regex(r"(?:(?<!\s[A-Z])[.!?;\]]\s|\n|\s{2,}|^)")


def _agency_suffix(tokens: list[re.Match[str]], first: int) -> int:
    """In a chain without slashes, a known agency at its end is the whole credit:
    "... Manchester City's Leo Varga Action Images via Reuters" starts at "Action"."""
    last = len(tokens)
    for i in range(max(first, last - 4), last):
        name = " ".join(t.group(0) for t in tokens[i:last])
        if normalize_agency(name) is not None:
            return i
    return first


def chain_left(text: str, pos: int, floor: int = 0) -> int:
    """Start of the slash chain that ends at ``pos`` ("Sputnik/Name" before " via REUTERS")."""
    window_start = max(floor, pos - 200)
    stops = [m.end() for m in _LEFT_STOP.finditer(text, window_start, pos)]
    start = stops[-1] if stops else window_start
    segment = text[start:pos]
    # Walk tokens from the right while they are name tokens or slashes.
    tokens = list(_CHAIN_TOKEN.finditer(segment))
    first = len(tokens)
    slash_seen = False
    for i in range(len(tokens) - 1, -1, -1):
        tok = tokens[i].group(0)
        if tok == "/":
            slash_seen = True
        elif tok.lower() in _LABEL_TOKENS:
            break  # "... em Bila Tserkva Foto: POLICE/via REUTERS": the label opens the credit
        elif tok.endswith(",") or _YEAR.fullmatch(tok) or not (
                _NAME_TOKEN.fullmatch(tok.strip("()[]")) or tok.lower() in ("credit:", "credit")
                or (slash_seen and _ORG_TOKEN.fullmatch(tok))):
            break
        first = i
    if not slash_seen:
        first = _agency_suffix(tokens, first)
    if first == len(tokens):
        return pos
    while first < len(tokens) and tokens[first].group(0).lower() in _LEFT_TRIM:
        first += 1
    found = start + tokens[first].start() if first < len(tokens) else pos
    return label_start(text, found, floor)


def label_start(text: str, found: int, floor: int = 0) -> int:
    """Where a credit found at ``found`` starts once a label right before it is counted in:
    "Photo: Name/Reuters" keeps its label in the credit (and out of the body)."""
    label = _LABEL_BEFORE.search(text, max(floor, found - 24), found)
    return label.start() if label else found


_LOWER_WORD = regex(r"[a-z]{2,}")
_CHAIN_TOKEN = regex(r"[^\s/]+|/")
_ORG_TOKEN = regex(r"[\w'’&().@#:-]+")
_LABEL_BEFORE = regex(r"\b(?:Photo(?:grapher|graph|s)?|Pictures?|Credit|Fotos?|Cr[eé]dito|Imagem)\s?:\s?$", re.IGNORECASE)
#: Label words that end a leftward walk over a chain (the label itself joins the credit).
_LABEL_TOKENS = frozenset({"foto:", "fotos:", "photo:", "photos:", "photograph:", "picture:", "pictures:",
                           "crédito:", "credito:", "imagem:"})
_YEAR = regex(r"\d{4}\.?")
_LEFT_TRIM = frozenset(
    {"de", "da", "van", "von", "al", "y", "la", "le", "of", "the", "and", "for", "&", "credit", "credit:"}
)
