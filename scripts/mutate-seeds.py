#!/usr/bin/env python3
"""Proves that tests/seeds.rs asserts every value of the seed expectations: changes each
value of tests/fixtures/*.expected.json in turn (a string gets an `x`, a number +1, a
null becomes a number; the prose keys are left alone), runs the seeds test, and lists
every change the test did not notice. Restores each file after its run.

Run from the project root: python3 scripts/mutate-seeds.py (about a minute). Exit 1 when
a change survived."""
import glob, json, subprocess, sys

PROSE = {"about", "why", "year_from", "needs"}  # as tests/seeds.rs: notes for the reader


def test_binary():
    out = subprocess.run(["cargo", "test", "--release", "--test", "seeds", "--no-run",
                          "--message-format=json"], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        msg = json.loads(line)
        if msg.get("reason") == "compiler-artifact" and msg["target"]["name"] == "seeds" and msg.get("executable"):
            return msg["executable"]
    sys.exit("no seeds test binary")


def leaves(value, path=()):
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in PROSE and path + (key,) != ("article",):
                yield from leaves(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from leaves(item, path + (i,))
    else:
        yield path, value


def changed(value):
    if isinstance(value, str):
        return value + "x"
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    return 1999  # null


def main():
    binary = test_binary()
    if subprocess.run([binary, "--quiet"], capture_output=True).returncode != 0:
        sys.exit("the seeds test fails before any change")
    total, survived = 0, []
    for path in sorted(glob.glob("tests/fixtures/*.expected.json")):
        original = open(path, encoding="utf-8").read()
        try:
            for where, value in list(leaves(json.loads(original))):
                data = json.loads(original)
                node = data
                for step in where[:-1]:
                    node = node[step]
                node[where[-1]] = changed(value)
                with open(path, "w", encoding="utf-8") as f:
                    json.dump(data, f, ensure_ascii=False)
                total += 1
                if subprocess.run([binary, "--quiet"], capture_output=True).returncode == 0:
                    survived.append(f"{path} {list(where)} = {value!r}")
        finally:
            with open(path, "w", encoding="utf-8") as f:
                f.write(original)
    print(f"mutate-seeds: {total} values changed one at a time, {total - len(survived)} made the test fail")
    for line in survived:
        print("  not noticed:", line)
    sys.exit(1 if survived else 0)


if __name__ == "__main__":
    main()
