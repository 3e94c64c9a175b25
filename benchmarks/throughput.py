"""Throughput and memory of bhxh_extract, against underthesea and dateparser
on the same texts; prints one Markdown table and the targets of the batch issue.

    python benchmarks/throughput.py                  # ~4 minutes on 2 cores
    python benchmarks/throughput.py --docs 300 --scale 10 --dateparser-budget 60
    python benchmarks/throughput.py --profile         # where bhxh_extract's time goes

The texts are the corpus articles repeated to --docs documents (each copy a
document of its own). bhxh_extract is measured as a user runs it: the command
line on a JSONL file, output to a file, wall time including start-up, with
the resident memory (RSS) of the whole process tree sampled every 100 ms.
underthesea `word_tokenize` and dateparser `search_dates(languages=["vi"])`
run in this process over the same full texts; dateparser stops after
--dateparser-budget seconds and its rate is extrapolated (said in the table).

Also: a plain scan of nine compiled patterns over the same texts (the
floor: what reading the text once costs), the stage budget (the share of
time of each stage of the pipeline, in-process), and the one-off latency of
the fastest and the slowest corpus article.

Targets (issue 16): bhxh_extract single-process >= 10x underthesea's
throughput (and >= 300 documents/s); --jobs 2 >= 1.8x --jobs 1; peak RSS
with --scale x more documents < 1.2x; the slowest one-off article within
1.5x the fastest.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


@dataclass
class Row:
    what: str
    docs: int
    seconds: float
    chars: int
    rss_mb: float | None = None
    note: str = ""
    cpu: float = 0.0        # CPU seconds of the run (all its processes)
    busy: float = 0.0       # CPU seconds the whole machine spent meanwhile

    @property
    def docs_per_cpu_s(self) -> float:
        """Throughput per CPU-second: what contention does not change."""
        return self.docs / self.cpu if self.cpu else float("nan")

    @property
    def cores(self) -> float:
        return self.cpu / self.seconds

    sampler: float = 0.0    # CPU seconds of this process's RSS sampling meanwhile

    @property
    def others(self) -> float:
        """Cores kept busy by other programs during the run: contention."""
        return max(self.busy - self.cpu - self.sampler, 0.0) / self.seconds

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds

    @property
    def chars_per_s(self) -> float:
        return self.chars / self.seconds


def corpus_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]


def repeated(texts: list[str], n: int) -> list[str]:
    return [texts[i % len(texts)] for i in range(n)]


def write_jsonl(path: Path, texts: list[str]) -> Path:
    with open(path, "w", encoding="utf-8") as out:
        for i, text in enumerate(texts):
            out.write(json.dumps({"id": f"d{i:07d}", "text": text}, ensure_ascii=False) + "\n")
    return path


# --- CPU accounting: ours, and everyone's (to show contention) ------------------------------
def machine_busy() -> float:
    """CPU seconds spent by the whole machine since boot (0 where /proc/stat is missing)."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except OSError:
        return 0.0
    user, nice, system, idle, iowait, irq, softirq, steal = (fields + [0] * 8)[:8]
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def cpu_seconds(who: int) -> float:
    import resource
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


class Meter:
    """Wall time, CPU time and the machine's CPU time over a block. CPU time
    is this process's (in-process runs) or its waited-for children's (the
    command line and its workers; the RSS sampler in this process is left out)."""

    def __init__(self, children: bool = False):
        import resource
        self.who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF

    def __enter__(self):
        self.wall, self.busy, self.cpu = time.perf_counter(), machine_busy(), cpu_seconds(self.who)
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.wall
        self.busy = machine_busy() - self.busy
        self.cpu = cpu_seconds(self.who) - self.cpu


def measured(row: Row, meter: Meter) -> Row:
    row.cpu, row.busy = meter.cpu, meter.busy
    return row


# --- bhxh_extract: the command line, timed and sampled ----------------------------------
def tree_rss(process) -> int:
    import psutil
    total = 0
    for p in [process, *process.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_cli(args: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS of the process tree in MB) of one CLI run."""
    import psutil
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "bhxh_extract", *args], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    watched, peak = psutil.Process(proc.pid), 0
    while proc.poll() is None:
        try:
            peak = max(peak, tree_rss(watched))
        except psutil.Error:
            pass
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    stderr = proc.stderr.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise SystemExit(f"bhxh_extract {' '.join(args)} failed ({proc.returncode}):\n{stderr}")
    return seconds, peak / 2**20


def bench_cli(jsonl: Path, texts: list[str], jobs: int, out: Path) -> Row:
    with Meter(children=True) as meter, Meter() as sampler:
        seconds, rss = run_cli([str(jsonl), "-o", str(out), "--jobs", str(jobs), "--quiet"])
    out.unlink()
    row = measured(Row(f"bhxh_extract --jobs {jobs} (command line)", len(texts), seconds,
                       sum(map(len, texts)), rss), meter)
    row.sampler = sampler.cpu
    return row


def bench_in_process(texts: list[str], label: str) -> Row:
    """bhxh_extract.extract in a fresh interpreter, after one warm-up text:
    no command line, no JSON; with fresh caches when the texts are distinct."""
    code = ("import json, sys, time\nfrom bhxh_extract import extract\nfrom bhxh_extract.batch import WARM_UP_TEXT\n"
            "texts = json.load(sys.stdin)\nextract(WARM_UP_TEXT)\nt = time.perf_counter()\n"
            "for i, text in enumerate(texts):\n    extract(text, str(i))\nprint(time.perf_counter() - t)\n")
    out = subprocess.run([sys.executable, "-c", code], input=json.dumps(texts), capture_output=True,
                         text=True, cwd=ROOT, check=True)
    return Row(label, len(texts), float(out.stdout), sum(map(len, texts)), note="start-up not timed")


def one_off(path: Path, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "bhxh_extract", str(path)], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


# --- the others, in this process ----------------------------------------------------------
# Nine patterns a reader of these articles would scan for: the floor of what
# any extractor must spend to look at the text once.
SCAN_PATTERNS = (r"\d+(?:[.,]\d+)*", r"\d{1,2}/\d{1,2}(?:/\d{4})?", r"\d+(?:,\d+)?\s?%",
                 r"(?i)tỷ|triệu|nghìn|đồng", r"(?i)BHXH|BHYT|BHTN", r"(?i)kế hoạch|nghị quyết|quyết định",
                 r"(?i)tỉnh|huyện|thành phố", r"(?i)lễ|chiến dịch|phong trào|tháng", r"[.;:]\s")


def bench_scan(texts: list[str]) -> Row:
    import regex
    patterns = [regex.compile(p) for p in SCAN_PATTERNS]
    with Meter() as meter:
        for text in texts:
            for pattern in patterns:
                for _ in pattern.finditer(text):
                    pass
    return measured(Row("plain scan: 9 compiled patterns (the floor)", len(texts), meter.seconds,
                        sum(map(len, texts))), meter)


def stage_budget(texts: list[str]) -> str:
    """The share of in-process time of each stage of the pipeline, timed
    by wrapping the function that runs it (pipeline.py names the stages)."""
    from bhxh_extract import extract, pipeline
    from bhxh_extract.batch import WARM_UP_TEXT
    stages = {
        "layout (article parts, title, dateline)": (pipeline.article, "find_layout"),
        "structure (blocks, sentences, clauses)": (pipeline.structure, "build"),
        "document references": (pipeline, "run_rules"),
        "dates": (pipeline.dates, "extract_candidates"),
        "reference date, date values": (pipeline.article, "infer_reference_year"),
        "issuers": (pipeline.issuers, "attach_issue_fields"),
        "campaign names": (pipeline.campaigns, "find"),
        "comparator, scheme, measure, period": (pipeline, "_link_amounts"),
        "campaign date, plans, facts": (pipeline.campaign_links, "link"),
        "province (places, districts)": (pipeline.article, "find_province"),
    }
    spent = dict.fromkeys(stages, 0.0)
    originals = {}
    for label, (owner, name) in stages.items():
        original = getattr(owner, name)
        originals[label] = (owner, name, original)

        def timed(*a, _label=label, _original=original, **k):
            started = time.perf_counter()
            try:
                return _original(*a, **k)
            finally:
                spent[_label] += time.perf_counter() - started
        setattr(owner, name, timed)
    extract(WARM_UP_TEXT)
    for v in spent:
        spent[v] = 0.0
    started = time.perf_counter()
    for i, text in enumerate(texts):
        extract(text, str(i))
    total = time.perf_counter() - started
    for owner, name, original in originals.values():
        setattr(owner, name, original)
    # run_rules is timed for document references and amounts together: split them apart
    lines = [f"Stage budget ({len(texts)} documents in-process, {total / len(texts) * 1000:.2f} ms each):\n",
             "| stage | ms/doc | share |", "|---|---:|---:|"]
    for label, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        shown = "document references, percents, money, counts (the rules)" if label == "document references" else label
        lines.append(f"| {shown} | {seconds / len(texts) * 1000:.2f} | {seconds / total:.0%} |")
    rest = total - sum(spent.values())
    lines.append(f"| the rest (normalising, mentions, the record) | {rest / len(texts) * 1000:.2f} | {rest / total:.0%} |")
    return "\n".join(lines)


def one_off_spread(runs: int = 1) -> tuple[float, Path, float, Path]:
    """The one-off command on every corpus article: the fastest and the slowest."""
    times = sorted((one_off(path, runs), path) for path in sorted(CORPUS.glob("*.txt")))
    (fast, fast_path), (slow, slow_path) = times[0], times[-1]
    return fast, fast_path, slow, slow_path


def bench_underthesea(texts: list[str]) -> Row:
    from underthesea import word_tokenize
    word_tokenize(texts[0])                       # load the model outside the timing
    with Meter() as meter:
        for text in texts:
            word_tokenize(text)
    return measured(Row("underthesea word_tokenize", len(texts), meter.seconds, sum(map(len, texts))), meter)


def bench_dateparser(texts: list[str], budget: float) -> Row:
    from dateparser.search import search_dates
    search_dates("ngày 11 tháng 7 năm 2020", languages=["vi"])   # load the language data
    started, done, chars = time.perf_counter(), 0, 0
    with Meter() as meter:
        for text in texts:
            search_dates(text, languages=["vi"])
            done, chars = done + 1, chars + len(text)
            if time.perf_counter() - started > budget:
                break
    note = "" if done == len(texts) else \
        f"stopped after {budget:.0f} s: {done} of {len(texts)} documents; the rate holds for all"
    return measured(Row('dateparser search_dates(languages=["vi"])', done, meter.seconds, chars, note=note), meter)


# --- where the time goes (--profile) ---------------------------------------------------------
def profile(texts: list[str]) -> None:
    """cProfile of bhxh_extract.extract over the texts, by module and by
    function, and the scanning cost of each rule's pattern on its own."""
    import cProfile
    import pstats
    from bhxh_extract import extract
    from bhxh_extract.batch import WARM_UP_TEXT
    extract(WARM_UP_TEXT)
    profiler = cProfile.Profile()
    profiler.runcall(lambda: [extract(t, str(i)) for i, t in enumerate(texts)])
    stats = pstats.Stats(profiler)
    total = sum(row[2] for row in stats.stats.values())
    by_module: dict[str, float] = {}
    for (path, _, name), (_, _, own, _, _) in stats.stats.items():
        if "bhxh_extract" in path:
            module = Path(path).name
        elif "regex" in path:
            module = "regex module, Python side (pattern cache, flags)"
        else:
            module = "built-ins (regex search/match, ...)" if path == "~" else "other"
        by_module[module] = by_module.get(module, 0.0) + own
    print(f"cProfile of {len(texts)} documents (profiler overhead inflates small calls):\n")
    print("| module (own time) | share |\n|---|---:|")
    for module, own in sorted(by_module.items(), key=lambda kv: -kv[1])[:10]:
        print(f"| {module} | {own / total:.0%} |")
    print()
    stats.sort_stats("tottime").print_stats(12)
    print(rule_costs(texts[:20]))


def rule_costs(texts: list[str]) -> str:
    """Each rule's pattern run alone over the texts: ms per document. The
    time of `finditer` is what the profile books as run_rules' own time."""
    from bhxh_extract.extractors import amounts, dates, docrefs
    rows = []
    for module in (dates, docrefs, amounts):
        for rule in module.RULES:
            started = time.perf_counter()
            found = sum(1 for t in texts for _ in rule.pattern.finditer(t))
            rows.append(((time.perf_counter() - started) / len(texts) * 1000, module.__name__.split(".")[-1],
                         rule.name, found))
    rows.sort(reverse=True)
    out = [f"Pattern scans, {sum(r[0] for r in rows):.2f} ms per document in all:\n",
           "| ms/document | module | rule | matches |", "|---:|---|---|---:|"]
    out += [f"| {ms:.2f} | {module} | {name} | {found} |" for ms, module, name, found in rows[:10]]
    return "\n".join(out)


# --- the report -----------------------------------------------------------------------------
def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal"))
        ram = f"{int(mem.split()[1]) / 2**20:.0f} GiB RAM"
    except (OSError, StopIteration):
        ram = "RAM unknown"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    versions = ", ".join(f"{name} {_version(name)}" for name in ("bhxh_extract", "underthesea", "dateparser", "regex"))
    return (f"{cpu}, {cores} cores, {ram}; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}; {versions}")


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


def table(rows: list[Row]) -> str:
    out = ["| run | documents | seconds | documents/s | characters/s | peak RSS (MB) | cores used | "
           "documents per CPU-second | other programs (cores) | note |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        rss = f"{r.rss_mb:.0f}" if r.rss_mb is not None else ""
        cores = f"{r.cores:.2f} | {r.docs_per_cpu_s:.1f} | {r.others:.2f}" if r.cpu else " | | "
        out.append(f"| {r.what} | {r.docs} | {r.seconds:.2f} | {r.docs_per_s:.1f} | {r.chars_per_s:,.0f} | {rss} | "
                   f"{cores} | {r.note} |")
    return "\n".join(out)


def verdict(name: str, value: float, target: float, below: bool = False) -> str:
    ok = value < target if below else value >= target
    sign = "<" if below else ">="
    return f"- {name}: {value:.2f}x (target {sign} {target}x): {'met' if ok else 'MISSED'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=300, help="documents in the base run (>= 300)")
    parser.add_argument("--scale", type=int, default=10, help="the memory run has this many times more")
    parser.add_argument("--dateparser-budget", type=float, default=60.0, metavar="SECONDS")
    parser.add_argument("--jobs", type=int, default=2, help="the parallel run's workers")
    parser.add_argument("--profile", action="store_true",
                        help="only show where bhxh_extract's time goes (cProfile, pattern scans)")
    args = parser.parse_args()
    if args.profile:
        profile(repeated(corpus_texts(), 100))
        return

    texts = corpus_texts()
    base, big = repeated(texts, args.docs), repeated(texts, args.docs * args.scale)
    load_before = os.getloadavg()[0]
    cli = {}
    with tempfile.TemporaryDirectory() as folder:
        files = {len(base): write_jsonl(Path(folder) / "base.jsonl", base),
                 len(big): write_jsonl(Path(folder) / "big.jsonl", big)}
        out = Path(folder) / "out.jsonl"
        # underthesea right beside bhxh_extract's single-process runs: the
        # same moment's machine for the ratio that matters.
        cli[(1, len(base))] = bench_cli(files[len(base)], base, 1, out)
        under = bench_underthesea(base)
        cli[(1, len(big))] = bench_cli(files[len(big)], big, 1, out)
        for n, t in ((len(base), base), (len(big), big)):
            cli[(args.jobs, n)] = bench_cli(files[n], t, args.jobs, out)
    rows = [*cli.values(),
            bench_in_process(base, "bhxh_extract.extract (in-process)"),
            bench_in_process(texts, f"bhxh_extract.extract, the {len(texts)} distinct articles, fresh caches"),
            under, bench_dateparser(base, args.dateparser_budget), bench_scan(base)]
    budget = stage_budget(base)
    fast, fast_path, slow, slow_path = one_off_spread()
    load_after = os.getloadavg()[0]

    serial, parallel = cli[(1, len(big))], cli[(args.jobs, len(big))]
    print(f"Machine: {machine()}")
    print(f"Texts: the {len(texts)} corpus articles ({sum(map(len, texts)):,} characters) repeated to "
          f"{len(base)} and {len(big)} documents; load average {load_before:.2f} before, {load_after:.2f} after.\n")
    print(table(rows))
    print(f"\nOne-off `python -m bhxh_extract ARTICLE` on each of the {len(texts)} corpus articles (start-up, imports "
          f"and one article, wall): fastest {fast:.2f} s ({fast_path.name}), slowest {slow:.2f} s ({slow_path.name}).\n")
    print(budget + "\n")
    busy = [r for r in rows if r.cpu and r.others > 0.2]
    if busy:
        print("Warning: other programs kept up to "
              f"{max(r.others for r in busy):.1f} cores busy during some runs (column 'other programs'): "
              "those figures are lower bounds; run again on an idle machine.\n")
    print("Targets:")
    print(verdict(f"single-process bhxh_extract ({len(big)} docs) / underthesea word_tokenize, documents/s",
                  serial.docs_per_s / under.docs_per_s, 10.0))
    print(verdict("the same per CPU-second (not skewed by other programs)",
                  serial.docs_per_cpu_s / under.docs_per_cpu_s, 10.0))
    print(f"- single-process documents/s: {serial.docs_per_s:.0f} (target >= 300): "
          f"{'met' if serial.docs_per_s >= 300 else 'MISSED'}")
    print(verdict(f"--jobs {args.jobs} / --jobs 1 ({len(big)} docs)", parallel.docs_per_s / serial.docs_per_s, 1.8))
    print(verdict("one-off, slowest / fastest corpus article", slow / fast, 1.5, below=True))
    for jobs in (1, args.jobs):
        print(verdict(f"peak RSS, {len(big)} / {len(base)} documents, --jobs {jobs}",
                      cli[(jobs, len(big))].rss_mb / cli[(jobs, len(base))].rss_mb, 1.2, below=True))


if __name__ == "__main__":
    main()
