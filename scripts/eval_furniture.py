#!/usr/bin/env python3
"""Reports what the anatomy stage takes for a web page's furniture in a folder of texts.

Usage: python3 scripts/eval_furniture.py TEXT_DIR [TEXT_DIR ...] [-v] [--show N]
e.g.   python3 scripts/eval_furniture.py ../shared/corpora/polnear/data/train/text \\
           ../shared/corpora/polnear/data/dev/text -v

Every `*.txt` is analyzed by `target/release/article-analyzer --jsonl` (build it
first). Printed: how many documents get a boilerplate span, a caption, a credit, a
standfirst, a byline (with and without a source) and a published date; with `-v`, every
such span with its document, so that a reader can judge what was removed (nothing of
the story may be) and, with `--show N`, the first N documents' openings and endings,
to see what was missed. There is no gold: this is a reading aid, not a score.
"""
import argparse, glob, json, os, subprocess, sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--show", type=int, default=0)
    a = ap.parse_args()
    docs = {}
    for d in a.dirs:
        for path in sorted(glob.glob(os.path.join(d, "*.txt"))):
            docs[os.path.basename(path)] = open(path, encoding="utf-8").read()
    payload = "".join(json.dumps({"id": k, "text": t}) + "\n" for k, t in docs.items())
    cmd = [os.path.join("target", "release", "article-analyzer"), "--jsonl"]
    r = subprocess.run(cmd, input=payload.encode(), capture_output=True)
    if r.returncode != 0:
        sys.exit(f"analyzer failed: {r.stderr.decode()[-400:]}")
    counts = {k: 0 for k in ["boilerplate", "captions", "credits", "standfirst", "byline",
                             "byline source", "published", "dateline", "any furniture"]}
    lines = []
    for n, line in enumerate(r.stdout.decode().splitlines()):
        row = json.loads(line)
        an = row.get("analysis") or {}
        found = False
        for key in ["boilerplate", "captions", "credits"]:
            if an.get(key):
                counts[key] += 1
                found = True
                for span in an[key]:
                    lines.append(f"{row['id']}  {key}: {span['text']!r}")
        for key in ["standfirst", "byline", "published", "dateline"]:
            if an.get(key):
                counts[key] += 1
                lines.append(f"{row['id']}  {key}: {an[key]['text']!r}")
        if (an.get("byline") or {}).get("source"):
            counts["byline source"] += 1
        counts["any furniture"] += found
        if n < a.show:
            text = docs[row["id"]]
            print(f"==== {row['id']}\n{text[:300]!r}\n  ...\n{text[-300:]!r}")
    if a.v:
        print("\n".join(lines))
    print(f"{len(docs)} documents: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
