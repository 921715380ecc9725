#!/usr/bin/env bash
# Checks the README's Spark recipe (`sc.addFile` the CLI, `RDD.pipe` each partition
# through `article-analyzer --jsonl --threads 1`) on this machine: a local Spark cluster
# (`local-cluster[N,1,1024]`: a master, N executors of one core each, each in its own
# process and working folder, as on a real cluster) analyzes a generated archive of
# JSON lines, and its output must equal, byte for byte, the CLI's on the same archive.
# Prints the throughput with 1 and 2 executors.
#
#   bash scripts/check-spark.sh [ARTICLES]     (default 50000 articles, about 50 MB)
#
# Installs what it needs: pyspark (pinned, pip, into .tools/spark/venv, ignored) and a
# Java 17+ runtime (apt, openjdk-17-jre-headless, as root) when `java` is missing or
# older. Not part of scripts/test.sh: it downloads ~300 MB once and takes minutes.
# Outputs and Spark's logs go to target/spark/. Exits 1 when an output differs.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

articles="${1:-50000}"
pyspark_version=3.5.7
venv="$root/.tools/spark/venv"
out="$root/target/spark"

say() { printf 'spark: %s\n' "$*" >&2; }
die() { printf 'spark: error: %s\n' "$*" >&2; exit 1; }

# ---- what it needs ------------------------------------------------------------------
java_major() { java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }
if ! command -v java >/dev/null || [ "$(java_major)" -lt 17 ]; then
    [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null ||
        die "Spark needs Java 17 or later: apt-get install -y openjdk-17-jre-headless (as root)"
    say "installing a Java runtime (apt: openjdk-17-jre-headless)"
    apt="apt-get -o DPkg::Lock::Timeout=900 -y -q"
    DEBIAN_FRONTEND=noninteractive $apt install openjdk-17-jre-headless >/dev/null ||
        { $apt update >/dev/null && DEBIAN_FRONTEND=noninteractive $apt install openjdk-17-jre-headless >/dev/null; } ||
        die "could not install openjdk-17-jre-headless"
fi
if ! "$venv/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$pyspark_version')" 2>/dev/null; then
    say "installing pyspark $pyspark_version into ${venv#"$root/"} (pip)"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "pyspark==$pyspark_version" || die "pip could not install pyspark"
fi
say "java $(java_major), pyspark $pyspark_version"

cargo build --release --quiet --bin article-analyzer
cli="$root/target/release/article-analyzer"
mkdir -p "$out"

# ---- the archive: the shipped stories, cut into paragraphs and recombined -----------
# Each article takes 3 to 12 paragraphs of the stories (seeded, so reruns are equal),
# some with a reference date; a few lines are odd on purpose (an empty text, a missing
# text, text that is not a string), so error lines go through Spark too.
python3 - "$out/archive.jsonl" "$articles" <<'PY'
import json, pathlib, random, sys
path, count = sys.argv[1], int(sys.argv[2])
texts = [p.read_text() for d in ("tests/fixtures", "benches/stories") for p in sorted(pathlib.Path(d).glob("*.txt"))]
paragraphs = [p for t in texts for p in t.split("\n\n") if p.strip()]
rng = random.Random(16)
with open(path, "w", encoding="utf-8") as f:
    for i in range(count):
        line = {"id": f"article-{i:06}", "text": "\n\n".join(rng.choices(paragraphs, k=rng.randint(3, 12)))}
        if i % 3 == 0:
            line["reference_date"] = f"2024-{1 + i % 12:02}-{1 + i % 28:02}"
        if i % 5000 == 1:
            line["text"] = ""
        if i % 5000 == 2:
            del line["text"]
        if i % 5000 == 3:
            line["text"] = 42
        f.write(json.dumps(line, ensure_ascii=False) + "\n")
PY
bytes=$(stat -c %s "$out/archive.jsonl")
say "archive: $articles articles, $((bytes / 1000000)) MB"

# ---- the CLI alone, then the recipe under Spark --------------------------------------
start=$(date +%s.%N)
"$cli" --jsonl --threads 1 <"$out/archive.jsonl" >"$out/cli.jsonl"
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v b="$bytes" \
    'BEGIN { printf "CLI alone, 1 thread:  %6.1f s, %5.1f MB/s\n", e - s, b / 1e6 / (e - s) }'

failed=0
for executors in 1 2; do
    rm -rf "$out/analyzed-$executors"
    # The job is the README's recipe, with the archive and the output folder as paths.
    if ! SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON="$venv/bin/python" "$venv/bin/python" - \
        "local-cluster[$executors,1,1024]" "$cli" "$out/archive.jsonl" "$out/analyzed-$executors" "$bytes" 2>"$out/spark-$executors.log" <<'PY'
import sys, time
from pyspark import SparkConf, SparkContext

master, cli, archive, analyzed, size = sys.argv[1:6]
conf = SparkConf().setMaster(master).setAppName("article-analyzer check").set("spark.ui.enabled", "false")
conf.set("spark.ui.showConsoleProgress", "false")
sc = SparkContext(conf=conf)
sc.setLogLevel("ERROR")
# Every executor up before the clock starts: the time is the job's, not the cluster's.
executors = int(master.split("[")[1].split(",")[0])
while sc._jsc.sc().getExecutorMemoryStatus().size() < executors + 1:
    time.sleep(0.2)

start = time.time()
sc.addFile(cli)                                          # shipped to each executor's folder
lines = sc.textFile("file://" + archive, minPartitions=4)  # {"id", "text"} per line
result = lines.pipe("./article-analyzer --jsonl --threads 1")
result.saveAsTextFile("file://" + analyzed)
seconds = time.time() - start
print(f"Spark, {master}: {seconds:6.1f} s, {int(size) / 1e6 / seconds:5.1f} MB/s", flush=True)
sc.stop()
PY
    then
        tail -n 30 "$out/spark-$executors.log" >&2
        die "the Spark job failed with $executors executor(s) (log: ${out#"$root/"}/spark-$executors.log)"
    fi
    # Parts in partition order are the lines in input order.
    cat "$out/analyzed-$executors"/part-* >"$out/spark-$executors.jsonl"
    if cmp -s "$out/cli.jsonl" "$out/spark-$executors.jsonl"; then
        echo "same bytes as the CLI ($(wc -l <"$out/cli.jsonl") lines)"
    else
        echo "Spark's output with $executors executor(s) differs from the CLI's:"
        cmp "$out/cli.jsonl" "$out/spark-$executors.jsonl" || true
        failed=1
    fi
done
# local-cluster executors run in pyspark's own work/ folder; their copies of the CLI go.
rm -rf "$("$venv/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')/work"
exit $failed
