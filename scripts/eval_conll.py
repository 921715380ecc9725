#!/usr/bin/env python3
"""Scores the entity recognizer on CoNLL-2003 English (exact span and type, PER/ORG/LOC).

    python3 scripts/eval_conll.py ../shared/corpora/conll2003/eng.testa [-v] [--errors N]

Each `-DOCSTART-` document is rebuilt as readable text, one sentence a line, punctuation
attached to its word and quotes hugging their words, and sent to the release CLI
(`target/release/article-analyzer --jsonl`, built first). Every predicted mention is
mapped back to the tokens it covers; a mention whose ends fall inside a token matches
nothing. A prediction counts when its token range and type equal a gold entity's.
MISC is set aside: gold MISC entities and predicted `misc` mentions are not scored.
The corpus is research-only: it is read from the path given, never copied here.
"""
import argparse, collections, json, os, subprocess, sys

TYPES = {"person": "PER", "organization": "ORG", "location": "LOC"}
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "'", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "[", "{", "$"}


def read_docs(path):
    """Documents as lists of sentences, each a list of (word, IOB1 tag)."""
    docs, doc, sent = [], None, []
    for line in open(path, encoding="utf-8", errors="replace"):
        parts = line.split()
        if not parts:
            if sent and doc is not None:
                doc.append(sent)
            sent = []
            continue
        if parts[0] == "-DOCSTART-":
            if doc:
                docs.append(doc)
            doc = []
            continue
        sent.append((parts[0], parts[-1]))
    if sent and doc is not None:
        doc.append(sent)
    if doc:
        docs.append(doc)
    return docs


def rebuild(doc):
    """The text, and each token's (start, end) in code points, sentence by sentence."""
    text, offsets = "", []
    for sent in doc:
        line, quote_open, glue = "", False, True
        for word, _ in sent:
            space = not glue and word not in NO_SPACE_BEFORE
            if word == '"':
                space = not quote_open and not glue
                if quote_open:
                    space = False
                quote_open = not quote_open
                glue_next = quote_open
            else:
                glue_next = word in NO_SPACE_AFTER
            if space:
                line += " "
            start = len(text) + len(line)
            line += word
            offsets.append((start, start + len(word)))
            glue = glue_next
        text += line + "\n"
    return text, offsets


def gold_entities(doc):
    """(first token, end token, type) from IOB1 tags, tokens numbered across the doc."""
    out, i, cur = set(), 0, None
    for sent in doc:
        for word, tag in sent:
            kind = tag[2:] if tag != "O" else None
            starts = tag.startswith("B-") or (cur and cur[2] != kind)
            if cur and (kind is None or starts):
                out.add((cur[0], i, cur[2]))
                cur = None
            if kind and cur is None:
                cur = [i, i + 1, kind]
            i += 1
        if cur:
            out.add((cur[0], i, cur[2]))
            cur = None
    return out


def u16_to_cp(text):
    table, u = {}, 0
    for i, ch in enumerate(text):
        table[u] = i
        u += 2 if ord(ch) > 0xFFFF else 1
    table[u] = len(text)
    return table


def predicted(analysis, text, offsets):
    table = u16_to_cp(text)
    by_start = {s: i for i, (s, _) in enumerate(offsets)}
    by_end = {e: i + 1 for i, (_, e) in enumerate(offsets)}
    out = set()
    for ent in analysis.get("entities", []):
        kind = TYPES.get(ent.get("type"))
        if not kind:
            continue
        for m in ent.get("mentions", []):
            s, e = table.get(m["start"]), table.get(m["end"])
            a, b = by_start.get(s), by_end.get(e)
            out.add((a, b, kind) if a is not None and b is not None else (s, e, kind + "?"))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("-v", action="store_true", help="print the misses of each type")
    ap.add_argument("--errors", type=int, default=40, help="how many misses to print with -v")
    a = ap.parse_args()
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    r = subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "article-analyzer"], cwd=root)
    if r.returncode:
        sys.exit("cannot build the CLI")
    docs = read_docs(a.corpus)
    rebuilt = [rebuild(d) for d in docs]
    payload = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, (t, _) in enumerate(rebuilt))
    cli = os.path.join(root, "target", "release", "article-analyzer")
    out = subprocess.run([cli, "--jsonl"], input=payload.encode(), capture_output=True, check=True)
    results = {}
    for line in out.stdout.decode().splitlines():
        row = json.loads(line)
        results[row["id"]] = row.get("analysis") or {}
    tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
    misses = collections.defaultdict(list)
    for i, doc in enumerate(docs):
        text, offsets = rebuilt[i]
        words = [w for s in doc for w, _ in s]
        gold = {g for g in gold_entities(doc) if g[2] != "MISC"}
        pred = predicted(results.get(i, {}), text, offsets)
        for p in pred:
            kind = p[2].rstrip("?")
            if p in gold:
                tp[kind] += 1
            else:
                fp[kind] += 1
                said = " ".join(words[p[0]:p[1]]) if not p[2].endswith("?") else text[p[0]:p[1]]
                truth = next((g[2] for g in gold if g[:2] == p[:2]), "-")
                misses["fp " + kind].append(f"{said!r} (gold {truth})")
        for g in gold - pred:
            fn[g[2]] += 1
            got = next((p[2] for p in pred if p[:2] == g[:2]), "-")
            misses["fn " + g[2]].append(f"{' '.join(words[g[0]:g[1]])!r} (got {got})")
    print(f"CoNLL-2003 {os.path.basename(a.corpus)}: {len(docs)} documents, exact span + type, MISC aside")
    print(f"{'type':5} {'prec':>6} {'recall':>6} {'F1':>6} {'tp':>6} {'fp':>6} {'fn':>6}")
    for kind in ("PER", "ORG", "LOC", "all"):
        t, f, n = (sum(c.values()) for c in (tp, fp, fn)) if kind == "all" else (tp[kind], fp[kind], fn[kind])
        p = t / (t + f) if t + f else 0.0
        r = t / (t + n) if t + n else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{kind:5} {p:6.3f} {r:6.3f} {f1:6.3f} {t:6} {f:6} {n:6}")
    if a.v:
        for k in sorted(misses):
            c = collections.Counter(misses[k])
            print(f"\n{k}: " + "; ".join(f"{m} x{n}" for m, n in c.most_common(a.errors)))


if __name__ == "__main__":
    main()
