"""The command line as a user runs it: a real subprocess each time."""
import json
import subprocess
import sys

import floors
from conftest import CORPUS, GOLD, ROOT

ARTICLE = CORPUS / "001_7943801ec36e4764.txt"


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "bhxh_extract", *map(str, args)], input=stdin,
                          capture_output=True, text=True, cwd=ROOT, encoding="utf-8")


def test_one_file_prints_indented_utf8_json(schema_validator):
    out = run(ARTICLE)
    assert out.returncode == 0, out.stderr
    assert "\\u" not in out.stdout and "Trà Vinh" in out.stdout
    record = json.loads(out.stdout)
    schema_validator.validate(record)
    assert record["doc_id"] == ARTICLE.stem
    assert "rule" not in record["mentions"][0]


def test_several_files_print_jsonl():
    out = run(ARTICLE, CORPUS / "005.txt")
    lines = out.stdout.strip().split("\n")
    assert out.returncode == 0 and [json.loads(l)["doc_id"] for l in lines] == [ARTICLE.stem, "005"]


def test_stdin():
    out = run("-", stdin="Ngày 11/7/2020, có 925 người tham gia BHXH tự nguyện.")
    record = json.loads(out.stdout)
    assert [m["text"] for m in record["mentions"]] == ["11/7/2020", "925 người"]


def test_explain_names_the_rule():
    record = json.loads(run("--explain", ARTICLE).stdout)
    assert all(m["rule"] for m in record["mentions"])
    assert all(c["rule"] for c in record["campaigns"])


def test_a_failed_document_is_reported_and_the_others_still_output(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = run(ARTICLE, tmp_path / "missing.txt", empty)
    assert out.returncode == 1
    lines = [json.loads(l) for l in out.stdout.strip().split("\n")]
    assert lines[0]["doc_id"] == ARTICLE.stem
    assert lines[1]["error"].startswith("cannot read") and lines[2]["error"] == "empty document"
    assert "missing.txt" in out.stderr and "1 ok, 2 failed" in out.stderr


def test_usage_error_exits_2():
    assert run().returncode == 2
    assert run("--no-such-option", ARTICLE).returncode == 2


def test_help_explains_every_option_with_examples():
    text = run("--help").stdout
    for option in ("--explain", "--jsonl", "--max-bytes", "examples:"):
        assert option in text
    assert "--fail-under" in run("evaluate", "--help").stdout


def test_evaluate_prints_the_report_and_fail_under_exits_3():
    out = run("evaluate", "--gold", GOLD, CORPUS)
    assert out.returncode == 0, out.stderr
    for part in ("partial", "exact", "strict", "Field accuracy", "Campaigns", "Article fields"):
        assert part in out.stdout
    assert run("evaluate", "--gold", GOLD, CORPUS, "--fail-under", "1.01").returncode == 3


def test_evaluate_accepts_jsonl_and_lists_errors(tmp_path):
    records = tmp_path / "records.jsonl"
    records.write_text(run("--explain", "--jsonl", *sorted(CORPUS.glob("*.txt"))).stdout, encoding="utf-8")
    as_json = json.loads(run("evaluate", "--gold", GOLD, records, "--json").stdout)
    # the records read back from JSONL score exactly as the articles themselves ...
    direct = json.loads(run("evaluate", "--gold", GOLD, CORPUS, "--json").stdout)
    assert as_json == direct
    assert as_json["mentions"]["all"]["strict"]["f1"] >= floors.STRICT_F1["all"]
    # ... and --errors lists each error of the in-process evaluation, once
    from bhxh_extract import evaluate as ev, extract_file
    result = ev.evaluate(ev.load_records_dir(GOLD), {p.stem: extract_file(p).to_dict()
                                                     for p in sorted(CORPUS.glob("*.txt"))})
    listed = [line for line in run("evaluate", "--gold", GOLD, records, "--errors").stdout.splitlines()
              if line.lstrip().startswith(("MISSED", "SPURIOUS", "WRONG", "PERIOD", "CAMPAIGN"))]
    assert len(listed) == len(result.mention_errors) + len(result.campaign_errors) > 0


def test_help_lists_every_subcommand_with_an_example():
    from bhxh_extract.cli import SUBCOMMANDS
    text = run("--help").stdout
    for name in SUBCOMMANDS:
        assert f"python -m bhxh_extract {name} " in text, name
        assert run(name, "--help").returncode == 0
    assert "{evaluate,show,export,import,dataset}" in text.splitlines()[1]


def test_a_mistyped_subcommand_is_a_usage_error_naming_the_nearest(tmp_path):
    out = run("evalute", "--gold", GOLD, CORPUS)
    assert out.returncode == 2 and "did you mean 'evaluate'?" in out.stderr and out.stdout == ""
    assert "did you mean 'dataset'?" in run("datset", CORPUS, "-o", tmp_path / "x.csv").stderr
    # a path is never taken for a subcommand: a missing file stays a missing file ...
    missing = run("evalute.txt")
    assert missing.returncode == 1 and "cannot read: No such file" in missing.stderr
    # ... and a file that is there is read, whatever its name
    (tmp_path / "evalute").write_text("Ngày 11/7/2020 có 925 người tham gia BHXH tự nguyện.", encoding="utf-8")
    here = subprocess.run([sys.executable, "-m", "bhxh_extract", "evalute"], capture_output=True, text=True,
                          cwd=tmp_path, encoding="utf-8")
    assert here.returncode == 0 and json.loads(here.stdout)["doc_id"] == "evalute"


def test_evaluate_with_no_matching_gold_is_a_usage_error(tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.txt").write_text("Ngày 11/7/2020 có 925 người.", encoding="utf-8")
    out = run("evaluate", "--gold", GOLD, other)
    assert out.returncode == 2 and "no predicted document has a gold file" in out.stderr and "'x'" in out.stderr
    assert out.stdout == ""
