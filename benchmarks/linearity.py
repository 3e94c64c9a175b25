"""Does extraction time grow linearly with input size, even on hostile input?

For each pathological family (long runs of digits and separators, thousands
of `ngày` / `số` / `%`, a line with no spaces, deeply nested quotes, one
sentence holding thousands of mentions, ...) and for real article text, the
benchmark times `extract()` at n characters and at factor x n, and prints the
ratio of the two times. The target: 10x the input costs less than 15x the time.

    python benchmarks/linearity.py                        # every family, 10k and 100k characters
    python benchmarks/linearity.py --size 100000 ngay real_text
    python benchmarks/linearity.py --limit 30 --list

Each measurement runs in a forked child with a time limit (`--limit`), so a
super-linear family is reported as `> LIMIT s` instead of hanging the run.
Timings under 50 ms are repeated and averaged (a ratio of two noise-sized
numbers means nothing). Exit code 1 when any family misses the target.

`tests/test_hostile.py` runs the same families (at the sizes of the issue)
through `extract()` to check that each finishes; it asserts no speed.
"""
from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_RATIO = 15.0
MIN_TIMING = 0.05   # seconds; shorter timings are repeated and averaged


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: unit * max(1, n // len(unit))


def _nested(opening: str, inner: str, closing: str) -> Callable[[int], str]:
    def build(n: int) -> str:
        depth = max(1, (n - len(inner)) // (len(opening) + len(closing)))
        return opening * depth + inner + closing * depth
    return build


def _framed(filler: str) -> Callable[[int], str]:
    """A run of `filler` between two words (a document of only whitespace is
    refused when loading, not by extract())."""
    return lambda n: "Tiêu đề\n" + filler * n + "\nhết"


def real_text(n: int) -> str:
    """The corpus articles' bodies (title and site chrome after the article
    dropped), repeated to n characters under one title."""
    from bhxh_extract.text.article import END_MARKER
    bodies = []
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        text = path.read_text("utf-8")
        end = END_MARKER.search(text)
        bodies.append(text[:end.start() if end else len(text)].split("\n", 1)[-1])
    body = "\n".join(bodies)
    return "BHXH tỉnh ra quân tuyên truyền\n" + (body * (n // len(body) + 1))[:n]


# name -> text of about n characters. The first block is the list.
FAMILIES: dict[str, Callable[[int], str]] = {
    "digits_dots": _repeat("1."),                 # 1.1.1.1...
    "digits_commas": _repeat("1,"),               # 1,1,1,1...
    "digits_slashes": _repeat("1/"),              # 1/1/1/1...
    "ngay": _repeat("ngày "),
    "so": _repeat("số "),
    "percent_signs": _repeat("%"),
    "thang": _repeat("tháng "),
    "nghi_quyet_so": _repeat("Nghị quyết số "),
    "no_spaces": _repeat("bảohiểmxãhội"),         # one line, no space
    "nested_quotes": _nested("“", "BHXH tự nguyện", "”"),
    "nested_brackets": _nested("(", "925 người", ")"),
    "real_text": real_text,
    # more of the same kind
    "digits_dashes": _repeat("1-"),
    "digits_plain": _repeat("7"),
    "thousand_groups": lambda n: "1" + ".000" * max(1, n // 4),
    "nam": _repeat("năm "),
    "no_spaces_triggers": _repeat("BHXH12%số1/2ngày3tháng"),
    "nested_mixed": _nested("“([", "12,5%", "])”"),
    "blank_lines": _framed("\n"),
    "spaces": _framed(" "),
    # one sentence holding thousands of mentions
    "percents": _repeat("5% "),
    "counts": _repeat("12 người, "),
    "dates": _repeat("ngày 1/1/2020 "),
    "doc_refs": _repeat("Nghị quyết số 12/2020/NQ-CP "),
    "money": _repeat("12,5 tỷ đồng "),
    "ranges": _repeat("1 - 2 "),
    "long_dates": _repeat("ngày 1 tháng 2 năm 2020 "),
    "scheme_words": _repeat("BHXH, BHYT, "),
    "quoted_schemes": _repeat("“BHXH tự nguyện” đạt 5%, "),
    "clauses": _repeat("12 người tham gia BHYT; "),
    "provinces": _repeat("tỉnh Trà Vinh "),
    "campaign_words": _repeat("Lễ ra quân Tháng vận động "),
}


def _time_extract(text: str) -> float:
    from bhxh_extract import extract
    runs, total = 0, 0.0
    while runs == 0 or (total < MIN_TIMING * 4 and runs < 20 and total / runs < MIN_TIMING):
        start = time.perf_counter()
        extract(text)
        total += time.perf_counter() - start
        runs += 1
    return total / runs


def _child(family: str, size: int, conn) -> None:
    text = FAMILIES[family](size)
    try:
        conn.send(("ok", _time_extract(text)))
    except Exception as err:   # reported, not fatal: the other families still run
        conn.send(("error", f"{type(err).__name__}: {err}"))


def measure(family: str, size: int, limit: float) -> tuple[str, float | str]:
    """('ok', seconds), ('timeout', limit) or ('error', message), in a forked child."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(family, size, child))
    proc.start()
    child.close()
    ready = parent.poll(limit)
    result = parent.recv() if ready else ("timeout", limit)
    if proc.is_alive():
        proc.kill()
    proc.join()
    return result


def _cell(result: tuple[str, float | str]) -> str:
    status, value = result
    if status == "ok":
        return f"{value:9.3f} s"
    if status == "timeout":
        return f"> {value:5.0f} s  "
    return "   error   "


def _ratio(small, large) -> tuple[str, bool]:
    if small[0] != "ok":
        return "-", small[0] == "error"
    if large[0] == "timeout":
        return f"> {large[1] / small[1]:.0f}", False
    if large[0] != "ok":
        return "-", False
    ratio = large[1] / small[1]
    return f"{ratio:.1f}", ratio < TARGET_RATIO


def warm_up() -> None:
    """Import everything (underthesea included) once, before forking."""
    from bhxh_extract import extract
    extract("Tiêu đề\nNgày 11/7/2020 trường nhận 12 bàn ghế, đạt 95% kế hoạch.")   # bàn ghế: underthesea


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("families", nargs="*", help="families to run (default: all)")
    parser.add_argument("--size", type=int, default=10_000, help="n, in characters (default 10000)")
    parser.add_argument("--factor", type=int, default=10, help="the larger size is factor x n (default 10)")
    parser.add_argument("--limit", type=float, default=120.0, help="seconds allowed per measurement (default 120)")
    parser.add_argument("--list", action="store_true", help="list the families and exit")
    args = parser.parse_args(argv)
    if args.list:
        print("\n".join(FAMILIES))
        return 0
    unknown = [f for f in args.families if f not in FAMILIES]
    if unknown:
        parser.error(f"unknown families: {', '.join(unknown)} (see --list)")
    warm_up()
    large_size = args.size * args.factor
    print(f"{'family':20} {'n':>9} {'time':>11} {'n x' + str(args.factor):>9} {'time':>11} {'ratio':>7}  target < {TARGET_RATIO:g}")
    failures = 0
    for family in args.families or FAMILIES:
        small = measure(family, args.size, args.limit)
        large = measure(family, large_size, args.limit) if small[0] == "ok" else ("skipped", 0.0)
        ratio, ok = _ratio(small, large)
        failures += not ok
        n_small, n_large = len(FAMILIES[family](args.size)), len(FAMILIES[family](large_size))
        note = "" if ok else "  SUPER-LINEAR" if small[0] == "ok" and large[0] != "error" else f"  {small[1] if small[0] == 'error' else large[1]}"
        print(f"{family:20} {n_small:9d} {_cell(small)} {n_large:9d} {_cell(large) if large[0] != 'skipped' else '-':>11} {ratio:>7}{note}",
              flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
