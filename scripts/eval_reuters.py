#!/usr/bin/env python3
"""Dateline accuracy on Reuters-21578 (1987 wire stories).

usage: python3 scripts/eval_reuters.py CORPUS_DIR [--files 000-013] [--non-wire DIR ...] [-v]

Run from the project root; it calls the release CLI (`cargo build --release` first),
`target/release/article-analyzer --jsonl --offsets chars`. Each <REUTERS> story is
rebuilt as TITLE + "\\n" + <DATELINE> + <BODY> (read as latin-1, SGML entities decoded,
control characters dropped) with <DATE>'s day as the reference date. A story is right
when its dateline's location (as written), month/day and year (<DATE>'s) are all right
and the dateline starts where <DATELINE>'s text does. Gold datelines that are not
`PLACE[, qualifier][, date][, Reuter] -` (price tables, misspelled months such as
`Narch 2`) are left out and counted. Stories without <DATELINE>, and every text file
under --non-wire folders (say, PolNeAR's articles), must get no dateline.
"""
import argparse, glob, html, json, os, re, subprocess, sys

MONTHS = {m: i + 1 for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split())}
MONTH = r"(?P<mon>[A-Za-z]{3,9})\.?"


def month_number(word):
    w = word.lower()
    full = ["january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december"]
    if w in full:
        return full.index(w) + 1
    if w == "sept":
        return 9
    return MONTHS.get(w) if len(w) == 3 else None


def clean(s):
    s = html.unescape(s)
    return "".join(c for c in s if c in "\n\t" or ord(c) >= 32)


PLACE = re.compile(r"^[A-Z][A-Za-z.'&\- ]*(, ?[A-Za-z][A-Za-z.'\- ]*)*$")


def gold_dateline(raw):
    """(location, month, day, offset of its start in raw) or None when unparseable."""
    start = len(raw) - len(raw.lstrip())
    s = raw.strip()
    m = re.search(r"-+(?=\s|$)", s)
    if not m:
        return None
    head = s[: m.start()].strip()
    head = re.sub(r",\s*Reuter$", "", head).strip()
    month = day = None
    d = re.search(r",?\s*" + MONTH + r"\s*(?P<day>\d{1,2}),?$", head) or \
        re.search(r",?\s*(?P<day>\d{1,2})\s+" + MONTH + r",?$", head)
    if d:
        month = month_number(d.group("mon"))
        if month is None:
            return None
        day = int(d.group("day"))
        head = head[: d.start()]
    loc = head.strip().rstrip(",").strip()
    if not loc or not PLACE.match(loc) or month_number(loc.split(",")[-1].strip().rstrip(".")):
        return None
    return loc, month, day, start


def read_stories(corpus, files):
    lo, hi = (int(x) for x in files.split("-"))
    for n in range(lo, hi + 1):
        path = os.path.join(corpus, f"reut2-{n:03d}.sgm")
        raw = open(path, encoding="latin-1").read()
        for m in re.finditer(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", raw, re.S):
            newid, r = m.group(1), m.group(2)
            get = lambda tag: (re.search(rf"<{tag}>(.*?)</{tag}>", r, re.S) or [None, None])[1]
            date = re.match(r"\s*(\d+)-([A-Z]{3})-(\d{4})", get("DATE") or "")
            ref = f"{date.group(3)}-{MONTHS[date.group(2).lower()]:02d}-{int(date.group(1)):02d}" if date else None
            title = clean(get("TITLE") or "")
            dateline = get("DATELINE")
            body = clean(get("BODY") or "")
            if dateline is None:
                yield newid, title + "\n" + body, ref, None, False
                continue
            dl = clean(dateline)
            gold = gold_dateline(dl)
            if gold:
                loc, month, day, at = gold
                gold = (loc, month, day, int(ref[:4]) if ref else None, len(title) + 1 + at)
            yield newid, title + "\n" + dl + body, ref, gold, True


def analyze(docs):
    cmd = [os.path.join("target", "release", "article-analyzer"), "--jsonl", "--offsets", "chars"]
    payload = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)
    r = subprocess.run(cmd, input=payload.encode(), capture_output=True)
    if r.returncode != 0:
        sys.exit(f"analyzer failed: {r.stderr.decode()[-400:]}")
    out = {}
    for line in r.stdout.decode().splitlines():
        row = json.loads(line)
        out[row["id"]] = row.get("analysis")
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--files", default="000-013")
    ap.add_argument("--non-wire", nargs="*", default=[])
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    stories = list(read_stories(a.corpus, a.files))
    docs = [dict(id=i, text=t, **({"reference_date": r} if r else {})) for i, t, r, _, _ in stories]
    extra = []
    for folder in a.non_wire:
        for path in sorted(glob.glob(os.path.join(folder, "**", "*.txt"), recursive=True)):
            extra.append(dict(id="nonwire:" + path, text=open(path, encoding="utf-8", errors="replace").read()))
    result = analyze(docs + extra)
    scored = right = unparsed = 0
    parts = {"location": 0, "month/day": 0, "year": 0, "start": 0}
    none_total = none_wrong = 0
    misses = []
    for newid, text, ref, gold, has in stories:
        an = result.get(newid) or {}
        d = an.get("dateline")
        if not has:
            none_total += 1
            if d:
                none_wrong += 1
                misses.append(f"{newid} (no dateline) got {d['text']!r}")
            continue
        if gold is None:
            unparsed += 1
            continue
        scored += 1
        loc, month, day, year, start = gold
        date = (d or {}).get("date") or {}
        ok = {
            "location": bool(d) and d["location"] == loc,
            "month/day": bool(d) and (date.get("month"), date.get("day")) == (month, day),
            "year": bool(d) and (month is None or date.get("year") == year),
            "start": bool(d) and d["start"] == start,
        }
        for k, v in ok.items():
            parts[k] += v
        if all(ok.values()):
            right += 1
        else:
            misses.append(f"{newid} want {loc!r} {month}/{day}/{year} @{start}; got "
                          + (f"{d['text']!r} {d['location']!r} {date.get('month')}/{date.get('day')}/{date.get('year')} @{d['start']}" if d else "none")
                          + f" | {text[max(0, start - 20):start + 60]!r}")
    nonwire_wrong = [e["id"] for e in extra if (result.get(e["id"]) or {}).get("dateline")]
    if a.v:
        print("\n".join(misses[:300]))
        for i in nonwire_wrong[:50]:
            print("non-wire with a dateline:", i, (result[i]["dateline"]["text"]))
    print(f"reuters datelines: {right}/{scored} all right = {right / max(scored, 1):.4f} "
          + " ".join(f"{k} {v / max(scored, 1):.4f}" for k, v in parts.items())
          + f"; {unparsed} gold datelines left out as unparseable")
    print(f"no dateline expected: reuters {none_total - none_wrong}/{none_total} right"
          + (f", non-wire {len(extra) - len(nonwire_wrong)}/{len(extra)} right" if extra else ""))


if __name__ == "__main__":
    main()
