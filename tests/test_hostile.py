"""Hostile text (issue 8): pathological inputs finish, and still give sound records.

Every family of `benchmarks/linearity.py` goes through `extract()` at the
sizes of the issue (100k digits with separators, 50k repetitions of `ngày`,
`số`, `%`, `tháng`, `Nghị quyết số`, a 1 MB line without a space, deep
nesting, 1 MB of real text). All run in one child process with a generous
time limit: a regex in C cannot be interrupted by a signal, so the guard
against a hang is a process we can kill. No test asserts a speed; the
benchmark measures how time grows with size.
"""
import json
import subprocess
import sys

import pytest

from bhxh_extract import DocumentError, extract
from bhxh_extract.extractors import rules
from bhxh_extract.text.reading import normalize
from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import linearity  # noqa: E402

HANG_GUARD_SECONDS = 900
# The sizes of the issue; the other families (one sentence holding thousands
# of mentions, blank lines...) run smaller, as a check that they finish and
# stay sound: how their time grows is the benchmark's business.
SIZES = {
    "digits_dots": 200_000, "digits_commas": 200_000, "digits_slashes": 200_000,   # 100k digits
    "ngay": 250_000, "so": 150_000, "percent_signs": 50_000, "thang": 300_000,      # 50k repetitions
    "nghi_quyet_so": 700_000,
    "no_spaces": 1_000_000, "nested_quotes": 200_000, "nested_brackets": 200_000,
    "real_text": 1_000_000,
}
OTHER_SIZE = 5_000
PLAN = {family: SIZES.get(family, OTHER_SIZE) for family in linearity.FAMILIES}

CHILD = r"""
import json, sys, time
from importlib import resources
sys.path.insert(0, sys.argv[1])
import jsonschema
import linearity
from bhxh_extract import extract
from bhxh_extract.text.reading import normalize

schema = json.loads(resources.files("bhxh_extract").joinpath("data/record.schema.json").read_text("utf-8"))
validator = jsonschema.Draft202012Validator(schema)


def problems(record, text):
    found = [f"offsets of {m.type} {m.start}-{m.end} do not give {m.text!r}"
             for m in record.mentions if text[m.start:m.end] != m.text]
    by_type = {}
    for m in record.mentions:
        by_type.setdefault(m.type, []).append(m)
    for kind, ms in by_type.items():
        ms.sort(key=lambda m: m.start)
        found += [f"{kind} mentions overlap at {a.start}-{a.end} / {b.start}-{b.end}"
                  for a, b in zip(ms, ms[1:]) if b.start < a.end]
    data = record.to_dict()
    found += [f"schema: {e.message[:200]}" for e in validator.iter_errors(data)]
    try:
        json.dumps(data, allow_nan=False)
    except ValueError as err:
        found.append(f"not valid JSON: {err}"[:300])
    return found[:5]


for family, size in json.loads(sys.argv[2]).items():
    text = linearity.FAMILIES[family](size)
    print(json.dumps({"started": family}), flush=True)
    start = time.perf_counter()
    try:
        record = extract(text, family)
        result = {"family": family, "chars": len(text), "mentions": len(record.mentions),
                  "problems": problems(record, normalize(text))}
    except Exception as err:
        result = {"family": family, "chars": len(text), "problems": [f"raised {type(err).__name__}: {err}"[:300]]}
    result["seconds"] = round(time.perf_counter() - start, 3)
    print(json.dumps(result), flush=True)
"""


@pytest.fixture(scope="module")
def hostile_results():
    """{family: result} from one child process; a family missing from it
    did not finish within the guard's time."""
    try:
        out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT / "benchmarks"), json.dumps(PLAN)],
                             capture_output=True, text=True, cwd=ROOT, timeout=HANG_GUARD_SECONDS)
        stdout, stderr = out.stdout, out.stderr
    except subprocess.TimeoutExpired as err:
        stdout = err.stdout.decode() if isinstance(err.stdout, bytes) else (err.stdout or "")
        stderr = f"killed after {HANG_GUARD_SECONDS} s"
    lines = [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]
    results = {r["family"]: r for r in lines if "family" in r}
    started = [r["started"] for r in lines if "started" in r]
    hung = started[-1] if started and started[-1] not in results else None
    return results, hung, stderr


@pytest.mark.slow
@pytest.mark.parametrize("family", PLAN)
def test_pathological_input_finishes_with_a_sound_record(hostile_results, family):
    results, hung, stderr = hostile_results
    assert family != hung, f"{family} ({PLAN[family]} characters) did not finish: {stderr[-500:]}"
    assert family in results, f"not run: an earlier family hung or crashed the child: {stderr[-500:]}"
    assert results[family]["problems"] == [], results[family]


def test_families_are_the_sizes_the_issue_asks_for():
    assert linearity.FAMILIES["digits_dots"](SIZES["digits_dots"]).count("1") == 100_000
    assert linearity.FAMILIES["ngay"](SIZES["ngay"]).count("ngày") == 50_000
    assert linearity.FAMILIES["so"](SIZES["so"]).count("số") == 50_000
    assert linearity.FAMILIES["percent_signs"](SIZES["percent_signs"]).count("%") == 50_000
    assert linearity.FAMILIES["nghi_quyet_so"](SIZES["nghi_quyet_so"]).count("Nghị quyết số") == 50_000
    line = linearity.FAMILIES["no_spaces"](SIZES["no_spaces"])
    assert len(line) >= 999_000 and " " not in line and "\n" not in line
    assert linearity.FAMILIES["nested_quotes"](SIZES["nested_quotes"]).startswith("“" * 50_000)
    assert len(linearity.FAMILIES["real_text"](SIZES["real_text"])) > 1_000_000


def test_a_regex_timeout_is_a_document_error_not_a_hang(monkeypatch):
    """The last guard: a search running longer than REGEX_TIMEOUT_SECONDS
    fails its document with a clear reason."""
    monkeypatch.setattr(rules, "REGEX_TIMEOUT_SECONDS", 1e-6)
    with pytest.raises(DocumentError) as err:
        extract(linearity.real_text(300_000), "huge")
    assert err.value.doc == "huge" and "timed out" in err.value.reason


def test_a_normal_article_is_far_from_the_timeout():
    assert extract(linearity.real_text(20_000), "ok").mentions


# Digits no amount has: Python refuses to print an int of more than 4,300
# digits (json.dumps raises ValueError) and `999…9%` as a float is `inf`,
# which json.dumps writes as `Infinity`, not JSON.
# (vietnamese.parse_number refuses more than MAX_DIGITS digits.)
@pytest.mark.parametrize("text", [
    "9" * 5000 + " người", "9" * 5000 + " tỷ đồng", "1" + ".000" * 2000 + " đồng",
    "9" * 400 + "%", "1" + ".000" * 120 + "%",
])
def test_absurdly_long_numbers_still_give_valid_json(text):
    json.dumps(extract(text).to_dict(), allow_nan=False)


def test_whitespace_and_punctuation_only_text_gives_an_empty_record():
    for text in (" " * 10_000, "\n" * 10_000, "." * 10_000, "“”" * 5_000, "-" * 10_000):
        record = extract(text, "blank")
        assert record.mentions == () and record.campaigns == ()


def test_control_characters_and_private_use_text(schema_validator):
    text = "Tiêu đề\n" + "\x00\x07\ufeff\u200b\ue000 Ngày 11/7/2020 có 925 người\u2028tham gia BHXH. " * 200
    record = extract(text, "odd")
    schema_validator.validate(record.to_dict())
    normalised = normalize(text)
    assert [m.text for m in record.mentions] == [normalised[m.start:m.end] for m in record.mentions]
    assert {m.type for m in record.mentions} == {"date", "count"}
