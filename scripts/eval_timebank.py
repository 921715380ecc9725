#!/usr/bin/env python3
"""Date values on TimeBank 1.2 (TempEval-3 TBAQ-cleaned, TimeML).

usage: python3 scripts/eval_timebank.py CORPUS_DIR [-v]

Run from the project root after `cargo build --release`; it calls
`target/release/article-analyzer --jsonl --offsets chars`. Each document's <TEXT> is
stripped of its tags (entities decoded) and analyzed with the <DCT> day as the
reference date. Gold: every TIMEX3 of type DATE whose value is YYYY, YYYY-MM or
YYYY-MM-DD. Recall: gold dates that a predicted date overlaps with the same value.
Precision: of the predicted dates overlapping a gold date, those with its value.

Datelines: a document whose text opens with a wire dateline (`MOSCOW (AP)_`,
`WASHINGTON _`: capitals, an optional qualifier and agency, an underscore) must have
that dateline; every other document must have none.
"""
import argparse, glob, html, json, os, re, subprocess, sys

WIRE_DATELINE = re.compile(r"^[A-Z][A-Z .'-]*[A-Z.](?:, [A-Z][A-Za-z. ]+)?\s*(?:\([A-Za-z]+\))?\s*_\s")
PLAIN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
TAG = re.compile(r"<(/?)(\w+)([^>]*)>")


def read_doc(path):
    raw = open(path, encoding="utf-8").read()
    dct = re.search(r"<DCT><TIMEX3[^>]*value=\"(\d{4}-\d{2}-\d{2})", raw)
    body = raw[raw.index("<TEXT>") + len("<TEXT>"): raw.index("</TEXT>")]
    text, gold, open_timex, pos = [], [], None, 0
    length = 0
    for m in TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        text.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs = m.groups()
        if name != "TIMEX3":
            continue
        if not closing:
            kind = re.search(r'type="(\w+)"', attrs)
            value = re.search(r'value="([^"]*)"', attrs)
            open_timex = (length, kind.group(1) if kind else "", value.group(1) if value else "")
        elif open_timex:
            start, kind, value = open_timex
            if kind == "DATE" and PLAIN.match(value):
                gold.append((start, length, value))
            open_timex = None
    text.append(html.unescape(body[pos:]))
    return "".join(text), gold, dct.group(1) if dct else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    docs = {}
    for path in sorted(glob.glob(os.path.join(a.corpus, "*.tml"))):
        docs[os.path.basename(path)] = read_doc(path)
    payload = "".join(json.dumps({"id": k, "text": t, **({"reference_date": d} if d else {})}) + "\n"
                      for k, (t, g, d) in docs.items())
    cmd = [os.path.join("target", "release", "article-analyzer"), "--jsonl", "--offsets", "chars"]
    r = subprocess.run(cmd, input=payload.encode(), capture_output=True)
    if r.returncode != 0:
        sys.exit(f"analyzer failed: {r.stderr.decode()[-400:]}")
    found = right = overlapping = total = 0
    misses = []
    dateline_gold = dateline_right = dateline_false = 0
    for line in r.stdout.decode().splitlines():
        row = json.loads(line)
        text, gold, dct = docs[row["id"]]
        dates = (row.get("analysis") or {}).get("dates", [])
        dateline = (row.get("analysis") or {}).get("dateline")
        opening = WIRE_DATELINE.match(text.lstrip())
        if opening:
            dateline_gold += 1
            want = opening.group(0).strip()
            if dateline and dateline["text"] == want:
                dateline_right += 1
            else:
                misses.append(f"{row['id']}: dateline {want!r}, got {dateline and dateline['text']!r}")
        elif dateline:
            dateline_false += 1
            misses.append(f"{row['id']}: false dateline {dateline['text']!r}")
        overlaps = lambda p, g: p["start"] < g[1] and g[0] < p["end"]
        for g in gold:
            total += 1
            hits = [p for p in dates if overlaps(p, g)]
            if any(p.get("value") == g[2] for p in hits):
                found += 1
            else:
                ctx = text[max(0, g[0] - 40):g[1] + 20].replace("\n", " ")
                misses.append(f"{row['id']} dct {dct}: {text[g[0]:g[1]]!r} = {g[2]}; got "
                              + (", ".join(f"{p['text']!r}={p.get('value')}" for p in hits) or "nothing")
                              + f" | {ctx!r}")
        for p in dates:
            golds = [g for g in gold if overlaps(p, g)]
            if golds:
                overlapping += 1
                right += any(p.get("value") == g[2] for g in golds)
    if a.v:
        print("\n".join(misses))
    recall = found / max(total, 1)
    precision = right / max(overlapping, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    print(f"timebank dates: recall {found}/{total} = {recall:.3f}, precision {right}/{overlapping} = "
          f"{precision:.3f}, F1 {f1:.3f} ({len(docs)} documents)")
    print(f"timebank datelines: {dateline_right}/{dateline_gold} right, "
          f"{dateline_false} false on the {len(docs) - dateline_gold} documents without")


if __name__ == "__main__":
    main()
