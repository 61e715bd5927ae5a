#!/usr/bin/env python3
"""Builds Lexicons/places/gazetteer.tsv from the GeoNames extracts (CC BY 4.0).

Usage:
    Scripts/build-gazetteer.py [--source DIR] [--out FILE]

defaults: --source /work/shared/lexicon-sources/geonames
          --out    Lexicons/places/gazetteer.tsv (next to this script's repository)

Input files (all from GeoNames, geonames.org, CC BY 4.0):
  countryInfo.txt                    country codes, names, populations, geonameids
  countries_shape_centroids.tsv      one row per country; GeoNames' own point rounded to whole
                                     degrees (geonames_lat/lon_rounded_1deg) where present, else
                                     the centroid of the largest part of the country shape
  country_alternateNamesV2_2020.tsv  English ("en", "abbr") names of countries
  admin1CodesASCII.txt               first-order divisions: code, name
  admin1_proxy_coords.tsv            first-order divisions with stand-in coordinates (seat or most
                                     populous place); rows without coordinates are skipped
  cities15000.txt                    populated places with population >= 15,000 (or capitals)
  no_country_regions.tsv             continents, cross-border regions, seas, gulfs, straits

Also writes neighbours.tsv (country_code, neighbours: ISO codes separated by ",") next to it.

Output columns: geonames_id, name, country_code, admin1, lat, lon, feature, feature_code,
population, names (extra spellings separated by "|"). Only names written in Latin script are
kept, and for cities only capitalised forms without digits or codes, so the file stays small.
Output order is deterministic (by feature, then geonames id).
"""

import argparse
import difflib
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SOURCE = "/work/shared/lexicon-sources/geonames"
DEFAULT_OUT = os.path.join(HERE, "..", "Lexicons", "places", "gazetteer.tsv")

COUNTRY_CODES = {"PCLI", "PCLD", "PCLIX", "PCLS", "PCLF", "PCL", "TERR", "PCLH"}
REGION_CODES = {"CONT", "RGN", "RGNE", "AREA", "RGNH", "ZN"}


def key(name):
    """Python twin of Gazetteer.key: lower-case, no diacritics or apostrophes, spaces/hyphens
    collapsed."""
    out = []
    pending = False
    for ch in unicodedata.normalize("NFD", name.lower()):
        if ch in " -\u00a0\t":
            pending = bool(out)
            continue
        if 0x300 <= ord(ch) <= 0x36F or ch in "'`\u2018\u2019\u02bb\u02bc\u02be\u02bf":
            continue
        if pending:
            out.append(" ")
            pending = False
        out.append(ch)
    return "".join(out)


def is_latin_char(ch):
    o = ord(ch)
    if ch.isalpha():
        return o < 0x250 or 0x1E00 <= o <= 0x1EFF or o in (0x2BB, 0x2BC)
    if 0x300 <= o <= 0x36F:
        return True
    return ch in " -'.\u2018\u2019\u02bb\u02bc"


def plausible(name, strict):
    """A name worth keeping: Latin script; when strict, also an English-looking proper name."""
    name = name.strip()
    if len(name) < 2 or not all(is_latin_char(c) for c in name):
        return False
    if not any(c.isalpha() for c in name):
        return False
    if strict:
        if len(name) < 3 or not name[0].isupper():
            return False
        letters = [c for c in name if c.isalpha()]
        if len(letters) <= 4 and all(c.isupper() for c in letters):
            return False  # airport and other codes ("ALV", "MOW")
        # Romanisations in GeoNames are often lower-case words ("jiao qu"): require capitals
        # on every word except short particles.
        for w in name.replace("-", " ").split():
            if w[0].islower() and w not in PARTICLES:
                return False
    return True


PARTICLES = {
    "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "les", "el",
    "al", "and", "of", "the", "on", "upon", "en", "im", "am", "an", "der", "die", "y", "i",
    "e", "sur", "ar", "ad", "as", "ash", "at", "az", "ba", "bin", "ibn", "van", "von", "den",
    "d'", "l'", "sul", "sous", "lès", "los", "las", "del", "dei", "degli", "na", "nad", "pod",
}


def similar(alt, names):
    """True when `alt` looks like a spelling of one of `names` (same first letter, and at least
    half the letters in common): keeps "Kiev" for "Kyiv", drops "Terminus" for "Atlanta"."""
    a = strip_article(key(alt))
    for n in names:
        k = strip_article(key(n))
        if a and k and a[0] == k[0] and difflib.SequenceMatcher(None, a, k).ratio() >= 0.5:
            return True
    return False


ARTICLES = ("al ", "ar ", "as ", "ash ", "at ", "ad ", "az ", "an ", "adh ", "ath ", "el ", "ed ",
            "es ", "en ", "er ", "ez ")


def strip_article(k):
    """"ar raqqah" → "raqqah", so that "Raqqa" counts as a spelling of "Ar Raqqah"."""
    for art in ARTICLES:
        if k.startswith(art) and len(k) > len(art) + 2:
            return k[len(art):]
    return k


def fmt(x):
    s = ("%.5f" % x).rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def read_tsv(path, header=True):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    rows = [l.split("\t") for l in lines if l and not l.startswith("#")]
    if header:
        head = rows[0]
        return [dict(zip(head, r)) for r in rows[1:]]
    return rows


def split_alts(s):
    return [a for a in s.split(",") if a] if s else []


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", default=DEFAULT_SOURCE)
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()
    src = lambda f: os.path.join(args.source, f)

    entries = []  # dicts with the output columns; "names" is a list

    # Countries -----------------------------------------------------------------------------
    info = {}
    neighbours = {}
    for r in read_tsv(src("countryInfo.txt"), header=False):
        info[r[16]] = {"iso": r[0], "name": r[4], "population": int(r[7] or 0)}
        if len(r) > 17 and r[17]:
            neighbours[r[0]] = sorted(c for c in r[17].split(",") if c)
    en_names = {}
    for r in read_tsv(src("country_alternateNamesV2_2020.tsv")):
        if r["isolanguage"] in ("en", "abbr") and r["isHistoric"] != "1":
            en_names.setdefault(r["geonameid"], []).append(r["alternate_name"])
    country_rows = read_tsv(src("countries_shape_centroids.tsv"))
    country_name_by_gid = {}
    for r in country_rows:
        gid = r["geonameid"]
        ci = info.get(gid, {})
        if r["geonames_lat_rounded_1deg"] and r["geonames_lon_rounded_1deg"]:
            lat, lon = float(r["geonames_lat_rounded_1deg"]), float(r["geonames_lon_rounded_1deg"])
        elif r["latitude"] and r["longitude"]:
            lat, lon = float(r["latitude"]), float(r["longitude"])
        else:
            continue  # no coordinates at all (historic entities, a few territories)
        name = ci.get("name") or r["name"]
        country_name_by_gid[gid] = name
        names = [r["name"], r["asciiname"]] + split_alts(r["alternatenames"]) + en_names.get(gid, [])
        entries.append({
            "geonames_id": int(gid), "name": name, "country_code": r["country_code"],
            "admin1": "", "lat": lat, "lon": lon, "feature": "country",
            "feature_code": r["feature_code"] or "PCL",
            "population": max(ci.get("population", 0), int(r["population"] or 0)),
            "names": [n for n in names if plausible(n, strict=False)],
        })

    # First-order divisions -------------------------------------------------------------------
    admin1_name = {}
    for r in read_tsv(src("admin1CodesASCII.txt"), header=False):
        admin1_name[r[0]] = r[1]
    cities = read_tsv(src("cities15000.txt"), header=False)
    admin1_pop = {}
    admin1_box = {}  # code -> [min lat, max lat, min lon, max lon] of its places
    for r in cities:
        code = r[8] + "." + r[10]
        admin1_pop[code] = admin1_pop.get(code, 0) + int(r[14] or 0)
        lat, lon = float(r[4]), float(r[5])
        b = admin1_box.setdefault(code, [lat, lat, lon, lon])
        b[0], b[1], b[2], b[3] = min(b[0], lat), max(b[1], lat), min(b[2], lon), max(b[3], lon)
    for r in read_tsv(src("admin1_proxy_coords.tsv")):
        code = r["country_code"] + "." + r["admin1_code"]
        box = admin1_box.get(code)
        # Stand-in point: halfway between the proxy (seat or largest place) and the middle of
        # the box around the division's places; nearer GeoNames' own (central) points than
        # either alone. No proxy: the box middle; neither: skipped.
        if box and box[3] - box[2] > 180:
            box = None  # spans the antimeridian: the box middle would be meaningless
        mid = ((box[0] + box[1]) / 2, (box[2] + box[3]) / 2) if box else None
        if r["latitude"] and r["longitude"]:
            lat, lon = float(r["latitude"]), float(r["longitude"])
            if mid:
                lat, lon = (lat + mid[0]) / 2, (lon + mid[1]) / 2
        elif mid:
            lat, lon = mid
        else:
            continue
        names = [r["name"], r["asciiname"]] + [
            a for a in split_alts(r["alternatenames"]) if similar(a, [r["name"], r["asciiname"]])]
        entries.append({
            "geonames_id": int(r["geonameid"]), "name": r["name"],
            "country_code": r["country_code"], "admin1": r["name"],
            "lat": lat, "lon": lon, "feature": "admin1",
            "feature_code": "ADM1", "population": admin1_pop.get(code, 0),
            "names": [n for n in names if plausible(n, strict=True) or n == r["name"]],
        })

    # Cities ----------------------------------------------------------------------------------
    for r in cities:
        names = [r[1], r[2]] + [
            a for a in split_alts(r[3]) if plausible(a, strict=True) and similar(a, r[1:3])]
        entries.append({
            "geonames_id": int(r[0]), "name": r[1], "country_code": r[8],
            "admin1": admin1_name.get(r[8] + "." + r[10], ""),
            "lat": float(r[4]), "lon": float(r[5]), "feature": "city", "feature_code": r[7],
            "population": int(r[14] or 0), "names": names,
        })

    # Regions, seas, continents ---------------------------------------------------------------
    for r in read_tsv(src("no_country_regions.tsv")):
        names = [r["name"], r["asciiname"]] + [
            a for a in split_alts(r["alternatenames"]) if plausible(a, strict=True)]
        entries.append({
            "geonames_id": int(r["geonameid"]), "name": r["name"], "country_code": "",
            "admin1": "", "lat": float(r["latitude"]), "lon": float(r["longitude"]),
            "feature": "region" if r["feature_code"] in REGION_CODES else "other",
            "feature_code": r["feature_code"], "population": int(r["population"] or 0),
            "names": names,
        })

    # Write -----------------------------------------------------------------------------------
    order = {"country": 0, "admin1": 1, "region": 2, "other": 3, "city": 4}
    entries.sort(key=lambda e: (order[e["feature"]], e["geonames_id"]))
    seen_ids = set()
    out_lines = [
        "# Byline gazetteer, generated by Scripts/build-gazetteer.py from GeoNames (geonames.org),",
        "# licence CC BY 4.0. Do not edit by hand: change the script or aliases.tsv and regenerate.",
        "geonames_id\tname\tcountry_code\tadmin1\tlat\tlon\tfeature\tfeature_code\tpopulation\tnames",
    ]
    n_names = 0
    for e in entries:
        if e["geonames_id"] in seen_ids:
            continue
        seen_ids.add(e["geonames_id"])
        keys = {key(e["name"])}
        extra = []
        for n in e["names"]:
            n = n.strip().replace("\t", " ").replace("|", " ")
            k = key(n)
            if not k or k in keys:
                continue
            keys.add(k)
            extra.append(n)
        n_names += 1 + len(extra)
        out_lines.append("\t".join([
            str(e["geonames_id"]), e["name"], e["country_code"], e["admin1"], fmt(e["lat"]),
            fmt(e["lon"]), e["feature"], e["feature_code"], str(e["population"]),
            "|".join(extra)]))
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out_lines) + "\n")
    nb_path = os.path.join(os.path.dirname(os.path.abspath(args.out)), "neighbours.tsv")
    with open(nb_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Land neighbours of each country, from GeoNames countryInfo.txt (CC BY 4.0),\n")
        f.write("# generated by Scripts/build-gazetteer.py.\n")
        f.write("country_code\tneighbours\n")
        for cc in sorted(neighbours):
            f.write("%s\t%s\n" % (cc, ",".join(neighbours[cc])))
    print("%s: %d places, %d names, %d bytes" % (
        args.out, len(seen_ids), n_names, os.path.getsize(args.out)), file=sys.stderr)


if __name__ == "__main__":
    main()
