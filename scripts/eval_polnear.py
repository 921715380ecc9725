#!/usr/bin/env python3
"""Scores the quotes and speakers of the release CLI on PolNeAR (brat standoff).

Usage: python3 scripts/eval_polnear.py CORPUS_SPLIT_DIR [--all] [-v] [--limit N]
e.g.   python3 scripts/eval_polnear.py ../shared/corpora/polnear/data/dev

CORPUS_SPLIT_DIR holds `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann` (several
annotators for some texts: the first in sorted order is used). Offsets are code points.

Gold quotes: the stretches between quotation marks (`''…''` included) inside a `Content` span whose
attribution has a `Source`. A gold quote is found when a predicted quote overlaps it.
Its speaker is right when the predicted speaker mention overlaps the gold Source span,
or the gold Source text holds the last word of the predicted speaker's name.
Printed: quote recall; speaker accuracy on the found quotes; precision of attributed
quotes (predicted quotes with a speaker that overlap a gold quote), and the strict
form that also asks for the right speaker.

With `--all`: every attribution, direct, indirect and mixed. A gold attribution (a
relation with a Source and a Content) is found when the predicted quotes (any kind)
that lie at least half inside its Content cover at least half of the Content's
characters; a predicted quote is right when at least half of it lies inside some gold
Content; the speaker of a found attribution is right as above, read from its largest
predicted quote. Printed: found, predictions right (by kind), speaker on found.
Without it, only direct quotes (kinds `full` and `partial`) are scored.
Runs `target/release/article-analyzer --jsonl --offsets chars` (build it first)."""
import argparse, glob, json, os, re, subprocess, sys

OPEN = {"“": "”", "\"": "\"", "«": "»", "„": "“"}
CLOSE = {"”", "\"", "»", "“"}


def parse_ann(path):
    spans, rels = {}, []
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if not parts or not parts[0]:
            continue
        if parts[0].startswith("T") and len(parts) >= 2:
            head = parts[1].split(" ", 1)
            kind = head[0]
            frags = []
            for frag in head[1].split(";") if len(head) > 1 else []:
                a, b = frag.split()
                frags.append((int(a), int(b)))
            spans[parts[0]] = (kind, frags)
        elif parts[0].startswith("E") and len(parts) >= 2:
            roles = dict(r.split(":", 1) for r in parts[1].split() if ":" in r)
            rels.append(roles)
    return spans, rels


def quote_stretches(text, start, end):
    """Code-point ranges between double quotation marks inside text[start:end].
    A mark that never closes runs to the end of its paragraph (or the fragment)."""
    out, i, open_at, closer = [], start, None, None
    while i < end:
        c = text[i]
        if text.startswith("''", i) and i + 1 < end:
            # `''…''`: both marks typed as two apostrophes (New York Times archives)
            prev = text[i - 1] if i > 0 else " "
            if open_at is None and (prev.isspace() or prev in "([—-/:" or i == start):
                open_at, closer = i + 2, "''"
            elif open_at is not None and closer == "''" and not prev.isspace():
                out.append((open_at, i)); open_at = None
            i += 2
            continue
        if c == "\n" and open_at is not None:
            # a paragraph break: continue if the next paragraph opens with a mark
            j = i
            while j < end and text[j].isspace():
                j += 1
            if j < end and (text[j] in OPEN or text.startswith("''", j)):
                i = j + 1
                continue
            out.append((open_at, i)); open_at = None
        elif open_at is None and c in OPEN:
            prev = text[i - 1] if i > 0 else " "
            if c == "\"" and not (prev.isspace() or prev in "([—-/:" or i == start):
                i += 1
                continue
            open_at, closer = i + 1, OPEN[c]
        elif open_at is not None and (c == closer or c in ("”", "\"") and closer in ("”", "\"")):
            out.append((open_at, i)); open_at = None
        i += 1
    if open_at is not None:
        out.append((open_at, end))
    return [(a, b) for a, b in out if any(ch.isalnum() for ch in text[a:b])]


def gold_for(text, spans, rels):
    gold = []
    for r in rels:
        if "Content" not in r or "Source" not in r:
            continue
        content, source = spans.get(r["Content"]), spans.get(r["Source"])
        if not content or not source:
            continue
        for a, b in content[1]:
            for qa, qb in quote_stretches(text, a, b):
                gold.append({"range": (qa, qb), "source": source[1]})
    return gold


def attributions_for(spans, rels):
    """Every relation with a Source and a Content: the Content's pieces and the Source's."""
    out = []
    for r in rels:
        content, source = spans.get(r.get("Content")), spans.get(r.get("Source"))
        if content and source:
            out.append({"content": content[1], "source": source[1]})
    return out


def inside(a, b, pieces):
    """Characters of [a, b) inside the pieces."""
    return sum(max(0, min(b, e) - max(a, s)) for s, e in pieces)


def score_all(docs, result, verbose):
    gold_n = found = speaker_right = pred_n = pred_right = 0
    by_kind = {}
    for name, text, gold in docs:
        quotes = result.get(name, {}).get("quotes", [])
        pred = [(q["start"], q["end"], q.get("speaker"), q.get("kind")) for q in quotes if q["end"] > q["start"]]
        contents = [p for g in gold for p in g["content"]]
        for s0, e0, sp, kind in pred:
            ok = inside(s0, e0, contents) >= 0.5 * (e0 - s0)
            pred_n += 1
            pred_right += ok
            k = by_kind.setdefault(kind, [0, 0])
            k[0] += ok
            k[1] += 1
            if verbose and not ok:
                print(f"WRONG {kind} {name}: {text[s0:e0][:90]!r}")
        for g in gold:
            gold_n += 1
            size = sum(e - s for s, e in g["content"])
            hits = [p for p in pred if inside(p[0], p[1], g["content"]) >= 0.5 * (p[1] - p[0])]
            covered = sum(inside(p[0], p[1], g["content"]) for p in hits)
            content = " … ".join(text[s:e] for s, e in g["content"])
            source = " ".join(text[s:e] for s, e in g["source"])
            if not size or covered < 0.5 * size:
                if verbose:
                    print(f"MISS {name}: [{source}] {content[:110]!r}")
                continue
            found += 1
            _, _, sp, _ = max(hits, key=lambda p: p[1] - p[0])
            last = ((sp or {}).get("name") or "").split()
            ok = bool(sp) and (
                any(sp["start"] < e and sp["end"] > s for s, e in g["source"])
                or (bool(last) and last[-1].lower() in source.lower().split()))
            speaker_right += ok
            if verbose and not ok:
                print(f"SPEAKER {name}: {content[:60]!r} got {sp and sp['text']!r}/{sp and sp['name']!r} want {source!r}")
    def frac(x, y):
        return x / y if y else 0.0
    kinds = ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(by_kind.items(), key=str))
    print(f"polnear all attributions: {len(docs)} docs, {gold_n} gold; found {frac(found, gold_n):.3f}; "
          f"predictions right {frac(pred_right, pred_n):.3f} ({kinds}); "
          f"speaker on found {frac(speaker_right, found):.3f}")


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("split")
    ap.add_argument("-v", action="store_true", help="print every miss")
    ap.add_argument("--all", action="store_true", help="score every attribution, indirect included")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--cli", default=os.path.join("target", "release", "article-analyzer"))
    a = ap.parse_args()
    texts = sorted(glob.glob(os.path.join(a.split, "text", "*.txt")))
    if a.limit:
        texts = texts[: a.limit]
    docs = []
    for path in texts:
        name = os.path.basename(path)[:-4]
        anns = sorted(glob.glob(os.path.join(a.split, "attributions", glob.escape(name) + "_*.ann")))
        if not anns:
            continue
        text = open(path, encoding="utf-8").read()
        spans, rels = parse_ann(anns[0])
        if a.all:
            docs.append((name, text, attributions_for(spans, rels)))
        else:
            docs.append((name, text, gold_for(text, spans, rels)))
    payload = "".join(json.dumps({"id": n, "text": t}, ensure_ascii=False) + "\n" for n, t, _ in docs)
    r = subprocess.run([a.cli, "--jsonl", "--offsets", "chars"], input=payload.encode(), capture_output=True)
    if r.returncode != 0:
        sys.exit(f"analyzer failed: {r.stderr.decode()[-400:]}")
    result = {}
    for line in r.stdout.decode().splitlines():
        row = json.loads(line)
        result[row["id"]] = row.get("analysis") or {}
    if a.all:
        score_all(docs, result, a.v)
        return
    gold_n = found = right = attributed = attributed_hit = attributed_right = 0
    for name, text, gold in docs:
        quotes = [q for q in result.get(name, {}).get("quotes", []) if q.get("kind") != "indirect"]
        pred = [((q["start"], q["end"]), q.get("speaker")) for q in quotes]

        def speaker_ok(sp, g):
            if not sp:
                return False
            if any(overlaps((sp["start"], sp["end"]), s) for s in g["source"]):
                return True
            last = (sp.get("name") or "").split()
            src = " ".join(text[s0:s1] for s0, s1 in g["source"])
            return bool(last) and re.search(r"\b" + re.escape(last[-1]) + r"\b", src) is not None

        for g in gold:
            gold_n += 1
            hits = [p for p in pred if overlaps(p[0], g["range"])]
            if not hits:
                if a.v:
                    print(f"MISS {name}: {text[g['range'][0]:g['range'][1]][:70]!r}")
                continue
            found += 1
            sp = next((p[1] for p in hits if p[1]), None)
            if speaker_ok(sp, g):
                right += 1
            elif a.v:
                src = " ".join(text[s0:s1] for s0, s1 in g["source"])
                print(f"SPEAKER {name}: {text[g['range'][0]:g['range'][1]][:50]!r} got {sp and sp['text']!r}/{sp and sp['name']!r} want {src!r}")
        for rng, sp in pred:
            if not sp:
                continue
            attributed += 1
            hit = [g for g in gold if overlaps(rng, g["range"])]
            if hit:
                attributed_hit += 1
                if any(speaker_ok(sp, g) for g in hit):
                    attributed_right += 1
            elif a.v:
                print(f"EXTRA {name}: {text[rng[0]:rng[1]][:50]!r} speaker {sp['text']!r}")
    def frac(x, y):
        return x / y if y else 0.0
    rec, acc = frac(found, gold_n), frac(right, found)
    prec, strict = frac(attributed_hit, attributed), frac(attributed_right, attributed)
    f1 = 2 * strict * frac(right, gold_n) / (strict + frac(right, gold_n)) if strict + frac(right, gold_n) else 0.0
    print(f"polnear {os.path.basename(os.path.normpath(a.split))}: {len(docs)} docs, {gold_n} gold quotes; "
          f"recall {rec:.3f}; speaker accuracy {acc:.3f}; attributed-quote precision {prec:.3f} "
          f"(with right speaker {strict:.3f}); attributed-quote F1 {f1:.3f}")


if __name__ == "__main__":
    main()
