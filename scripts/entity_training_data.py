#!/usr/bin/env python3
"""Writes the entity model's training stories as JSON lines, for `train-entities`.

    python3 scripts/entity_training_data.py CONLL_ENG_TRAIN GUM_DIR > /tmp/entity-train.jsonl

Each line is one story: `{"source", "held_out", "text", "gold": [[start, end, type]],
"propn": [[start, end]]}` with UTF-8 byte offsets and types PER/ORG/LOC/MISC/O.
- CoNLL-2003 documents are rebuilt as `scripts/eval_conll.py` rebuilds them (one
  sentence a line), gold entities from the IOB1 tags.
- GUM documents are rebuilt as `../shared/tools/gum-check.py` rebuilds them; every
  annotated mention is gold (person, place, organization; `time` is O; every other
  type, named or not, MISC), and `propn` lists the proper-noun tokens.
Held out, never trained on: every tenth CoNLL document (index % 10 == 9) and every
fifth GUM document in name order (index % 5 == 4). The corpora are read from the
paths given and never copied into the repository.
"""
import glob, json, os, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from eval_conll import gold_entities, read_docs, rebuild  # noqa: E402

GUM_TYPES = {"person": "PER", "place": "LOC", "organization": "ORG", "time": "O"}


def byte_offsets(text):
    """Code-point offset -> UTF-8 byte offset."""
    table, b = [], 0
    for ch in text:
        table.append(b)
        b += len(ch.encode("utf-8"))
    table.append(b)
    return table


def conll_stories(path):
    for i, doc in enumerate(read_docs(path)):
        text, offsets = rebuild(doc)
        to_byte = byte_offsets(text)
        gold = [[to_byte[offsets[a][0]], to_byte[offsets[b - 1][1]], kind]
                for a, b, kind in sorted(gold_entities(doc))]
        yield {"source": "conll", "held_out": i % 10 == 9, "text": text, "gold": gold, "propn": []}


def read_gum(path):
    """Text, mentions (type, first token, last token) and tokens (start, end, propn)."""
    text, toks, open_ents, mentions = "", [], {}, []
    mwt_last, mwt_space = 0, True
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# newpar") and text and not line.startswith("# newpar_block"):
            text += "\n"
        if not line or line.startswith("#"):
            if not line and text and not text.endswith("\n"):
                text += "\n"
            mwt_last = 0
            continue
        cols = line.split("\t")
        if "." in cols[0]:
            continue
        misc = dict(kv.split("=", 1) for kv in cols[9].split("|") if "=" in kv)
        if "-" in cols[0]:
            mwt_last, mwt_space = int(cols[0].split("-")[1]), misc.get("SpaceAfter") != "No"
            continue
        if text and not text.endswith(("\n", " ")) and toks and toks[-1][3]:
            text += " "
        start = len(text)
        text += cols[1]
        space = misc.get("SpaceAfter") != "No"
        if int(cols[0]) < mwt_last:
            space = False
        elif int(cols[0]) == mwt_last:
            space = mwt_space
        toks.append((start, len(text), cols[3] == "PROPN", space))
        i = len(toks) - 1
        for m in re.finditer(r"\((\d+)-([^()|]*?)(\)?)(?=\(|\)|$)|(\d+)\)", misc.get("Entity", "")):
            if m.group(1):
                rec = [m.group(2).split("-")[0], i, i]
                if m.group(3):
                    mentions.append(rec)
                else:
                    open_ents.setdefault(m.group(1), []).append(rec)
            elif open_ents.get(m.group(4)):
                rec = open_ents[m.group(4)].pop()
                rec[2] = i
                mentions.append(rec)
    return text, mentions, toks


def gum_stories(folder):
    for i, path in enumerate(sorted(glob.glob(os.path.join(folder, "GUM_*.conllu")))):
        text, mentions, toks = read_gum(path)
        to_byte = byte_offsets(text)
        gold = [[to_byte[toks[a][0]], to_byte[toks[b][1]], GUM_TYPES.get(kind, "MISC")]
                for kind, a, b in mentions]
        propn = [[to_byte[s], to_byte[e]] for s, e, p, _ in toks if p]
        yield {"source": "gum", "held_out": i % 5 == 4, "text": text, "gold": gold, "propn": propn}


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    for story in list(conll_stories(sys.argv[1])) + list(gum_stories(sys.argv[2])):
        print(json.dumps(story, ensure_ascii=False))


if __name__ == "__main__":
    main()
