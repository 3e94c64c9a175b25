"""Batch runs end to end, as a user runs them: real subprocesses for the
command line (inputs, outputs, interruption and --resume), the library for
the parallel engine's guarantees (order, streaming, a worker that dies)."""
import fcntl
import json
import multiprocessing
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import time
from itertools import count, islice
from pathlib import Path

import pytest

from bhxh_extract import batch
from bhxh_extract.batch import Options, Task, iso_published, run_tasks, scan_output
from conftest import CORPUS, ROOT

ARTICLES = sorted(CORPUS.glob("*.txt"))


def run(*args, stdin=None, cwd=ROOT, **kwargs):
    return subprocess.run([sys.executable, "-m", "bhxh_extract", *map(str, args)], input=stdin,
                          capture_output=True, text=True, cwd=cwd, encoding="utf-8", **kwargs)


def lines(path):
    return [json.loads(l) for l in Path(path).read_text(encoding="utf-8").splitlines() if l.strip()]


def write_jsonl(path, docs):
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


def corpus_docs(repeat=1):
    return [{"id": f"{p.stem}-{r}", "text": p.read_text(encoding="utf-8")}
            for r in range(repeat) for p in ARTICLES]


PAGE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>{title} - Cổng thông tin điện tử</title>
<meta property="og:title" content="{title}"><meta name="author" content="Ngọc Hân">
<meta property="article:published_time" content="2020-07-13T09:15:00+07:00"></head>
<body><header><nav><a href="/">Trang chủ</a> | <a href="/tin">Tin tức</a> | <a href="/lh">Liên hệ</a></nav></header>
<main><article><h1>{title}</h1>{body}</article></main>
<aside><h3>Tin liên quan</h3><ul><li><a href="/a">BHXH tỉnh X đạt 99% kế hoạch năm 2019</a></li></ul></aside>
<footer>Bản quyền © 2020 BHXH Việt Nam. Địa chỉ: 7 Tràng Thi, Hà Nội.</footer></body></html>"""


def html_page(article: Path) -> str:
    import html
    title, *paragraphs = article.read_text(encoding="utf-8").split("\n")
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p.strip())
    return PAGE.format(title=html.escape(title), body=body)


# --- inputs ---------------------------------------------------------------------------
def test_directories_are_searched_recursively_and_doc_ids_stay_distinct(tmp_path, schema_validator):
    pytest.importorskip("trafilatura")
    corpus = tmp_path / "in"
    for sub in ("a", "b"):
        (corpus / sub).mkdir(parents=True)
        (corpus / sub / "x.txt").write_text(ARTICLES[1].read_text(encoding="utf-8"), encoding="utf-8")
    (corpus / "page.html").write_text(html_page(ARTICLES[1]), encoding="utf-8")
    write_jsonl(corpus / "docs.jsonl", [{"id": "j1", "text": "Ngày 11/7/2020 có 925 người tham gia."}])
    (corpus / ".hidden").mkdir()
    (corpus / ".hidden" / "y.txt").write_text("Ngày 1/1/2020.", encoding="utf-8")
    (corpus / "notes.md").write_text("Ngày 1/1/2020.", encoding="utf-8")
    out = run(corpus, "-o", tmp_path / "out.jsonl", "--jobs", "2")
    assert out.returncode == 0, out.stderr
    records = lines(tmp_path / "out.jsonl")
    assert [r["doc_id"] for r in records] == ["j1", "page", "a/x", "b/x"]   # sorted, a folder's files before its subfolders
    for record in records:
        schema_validator.validate(record)
    assert records[2]["mentions"] == records[3]["mentions"] and records[2]["mentions"]


def test_quoted_glob_patterns_are_expanded(tmp_path):
    out = run(str(CORPUS / "00[0-2]*.txt"), "--jsonl")
    assert out.returncode == 0, out.stderr
    assert [json.loads(l)["doc_id"] for l in out.stdout.splitlines()] == [p.stem for p in ARTICLES[:3]]
    missing = run(str(tmp_path / "nothing" / "*.txt"))
    assert missing.returncode == 1 and "no file matches" in missing.stderr


def test_jsonl_documents_with_custom_fields_and_a_malformed_line(tmp_path, schema_validator):
    docs = tmp_path / "docs.jsonl"
    docs.write_text("\n".join([
        json.dumps({"key": "a", "body": "Ngày 11/7, có 925 người tham gia BHXH tự nguyện.",
                    "published": "2020-07-12T08:30:00+07:00", "url": "https://example.vn/a"}),
        '{"key": "broken", "body": "Ngày',
        "",
        json.dumps({"key": 7, "body": "Thu 12,76 triệu đồng.", "title": "Tiêu đề do nguồn cho"}),
        json.dumps({"key": "no-text"}),
        json.dumps(["not", "an", "object"]),
    ]) + "\n", encoding="utf-8")
    out = run(docs, "--text-field", "body", "--id-field", "key", "-o", tmp_path / "out.jsonl", "-j", "1")
    assert out.returncode == 1
    records = lines(tmp_path / "out.jsonl")
    assert [r["doc_id"] for r in records] == ["a", "docs:2", "7", "no-text", "docs:6"]
    first, broken, third, no_text, not_object = records
    schema_validator.validate(first)
    assert first["published"] == "2020-07-12T08:30" and first["reference_date"] == "2020-07-12"
    assert first["mentions"][0]["value"] == "2020-07-11" and first["url"] == "https://example.vn/a"
    assert third["title"] == "Tiêu đề do nguồn cho"          # the source's title, not the first line
    assert broken["line"] == 2 and broken["error"].startswith("not valid JSON")
    assert "'body'" in no_text["error"] and "JSON object" in not_object["error"]
    assert f"{docs}:2: not valid JSON" in out.stderr
    assert "2 ok, 3 failed" in out.stderr


def test_jsonl_on_standard_input(tmp_path):
    stdin = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in corpus_docs()[:3])
    out = run("-", "--input-format", "jsonl", stdin=stdin)
    assert out.returncode == 0, out.stderr
    assert [json.loads(l)["doc_id"] for l in out.stdout.splitlines()] == [f"{p.stem}-0" for p in ARTICLES[:3]]


def test_html_page_main_text_title_date_author_and_include_text(tmp_path, schema_validator):
    pytest.importorskip("trafilatura")
    page = tmp_path / "trang.html"
    page.write_text(html_page(ARTICLES[1]), encoding="utf-8")
    out = run(page, "--include-text")
    assert out.returncode == 0, out.stderr
    record = json.loads(out.stdout)
    schema_validator.validate(record)
    text = record["text"]
    assert record["title"] == ARTICLES[1].read_text(encoding="utf-8").split("\n")[0]
    assert record["author"] == "Ngọc Hân" and record["published"] == "2020-07-13T09:15"   # article:published_time, +07:00
    assert "Bản quyền" not in text and "Trang chủ" not in text      # site chrome left out
    # the page's article text gives the same mentions as the text file itself
    from bhxh_extract import extract_file
    assert [(m["type"], m["text"], m.get("value")) for m in record["mentions"]] == [
        (m.type, m.text, m.get("value")) for m in extract_file(ARTICLES[1]).mentions]
    assert all(text[m["start"]:m["end"]] == m["text"] for m in record["mentions"])
    assert "text" not in json.loads(run(page).stdout)
    piped = json.loads(run("-", "--input-format", "html", stdin=page.read_text(encoding="utf-8")).stdout)
    assert piped["doc_id"] == "stdin" and piped["mentions"] == record["mentions"]


# --- outputs --------------------------------------------------------------------------
def test_json_array_and_jsonl_hold_the_same_records(tmp_path):
    files = ARTICLES[:4]
    assert run(*files, "-o", tmp_path / "out.jsonl").returncode == 0
    assert run(*files, "-o", tmp_path / "out.json").returncode == 0      # format from the extension
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8")) == lines(tmp_path / "out.jsonl")
    stdout = run(*files, "--format", "json").stdout
    assert json.loads(stdout) == lines(tmp_path / "out.jsonl")


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tables_in_a_directory(tmp_path, fmt):
    pd = pytest.importorskip("pandas")
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    from bhxh_extract.frames import META
    out = run(*ARTICLES[:5], tmp_path / "missing.txt", "-o", tmp_path / "tables", "--format", fmt)
    assert out.returncode == 1 and "5 ok, 1 failed" in out.stderr
    names = sorted(p.name for p in (tmp_path / "tables").iterdir())
    assert names == sorted([f"campaigns.{fmt}", f"documents.{fmt}", f"mentions.{fmt}", "records.jsonl"])
    read = pd.read_csv if fmt == "csv" else pd.read_parquet
    documents, mentions = read(tmp_path / "tables" / f"documents.{fmt}"), read(tmp_path / "tables" / f"mentions.{fmt}")
    assert list(documents.columns) == list(META["documents"].columns)
    assert list(mentions.columns) == list(META["mentions"].columns)
    assert documents["doc_id"].tolist() == [p.stem for p in ARTICLES[:5]] + ["missing"]
    assert documents["error"].notna().tolist() == [False] * 5 + [True]
    records = lines(tmp_path / "tables" / "records.jsonl")
    assert len(mentions) == sum(len(r.get("mentions", [])) for r in records)
    if fmt == "parquet":   # the dtypes survive the file
        assert mentions.dtypes.equals(META["mentions"].dtypes)


def test_usage_errors_exit_2(tmp_path):
    assert run(ARTICLES[0], "--format", "csv").returncode == 2                 # tables need -o DIR
    assert run(ARTICLES[0], "--resume").returncode == 2                        # nothing to resume on stdout
    (tmp_path / "d").mkdir()
    assert run(ARTICLES[0], "-o", tmp_path / "d").returncode == 2              # a directory, no table format
    assert run(ARTICLES[0], ARTICLES[1], "--jobs", "0").returncode == 2


def test_failures_become_error_lines_and_the_batch_goes_on_in_parallel(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02" * 10)
    docs = corpus_docs(repeat=3)                          # enough documents for the pool
    docs[30]["text"] = "   "
    jsonl = write_jsonl(tmp_path / "docs.jsonl", docs)
    inputs = [ARTICLES[0], tmp_path / "missing.txt", empty, jsonl, binary]
    out = run(*inputs, "-o", tmp_path / "out.jsonl", "--jobs", "2")
    assert out.returncode == 1
    records = lines(tmp_path / "out.jsonl")
    expected = [ARTICLES[0].stem, "missing", "empty", *[d["id"] for d in docs], "binary"]
    assert [r["doc_id"] for r in records] == expected                  # input order kept
    errors = {r["doc_id"]: r["error"] for r in records if "error" in r}
    assert set(errors) == {"missing", "empty", docs[30]["id"], "binary"}
    assert errors["empty"] == errors[docs[30]["id"]] == "empty document"
    assert errors["missing"].startswith("cannot read")
    assert "60 ok, 4 failed" in out.stderr and "missing.txt" in out.stderr and f"{jsonl}:31" in out.stderr


# --- interruption and --resume ----------------------------------------------------------
def wait_for_lines(path: Path, n: int, proc, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if path.exists() and path.read_bytes().count(b"\n") >= n:
            return
        time.sleep(0.02)
    raise AssertionError(f"{path} never had {n} lines (exit code {proc.poll()})")


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL], ids=["SIGTERM", "SIGINT", "SIGKILL"])
@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_an_interrupted_run_leaves_a_partial_file_and_resume_finishes_it(tmp_path, how, fmt):
    docs = write_jsonl(tmp_path / "docs.jsonl", corpus_docs(repeat=8))     # 160 documents
    out = tmp_path / f"out.{fmt}"
    partial = tmp_path / f"out.{fmt}.partial"
    command = [sys.executable, "-m", "bhxh_extract", str(docs), "-o", str(out), "--jobs", "2"]
    # A shell may have started the test suite with SIGINT ignored; a user's terminal does not.
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    wait_for_lines(partial, 20, proc)
    proc.send_signal(how)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == (-how if how == signal.SIGKILL else 128 + how), stderr
    assert not out.exists() and partial.exists()          # nothing that looks whole
    if how != signal.SIGKILL:
        assert "--resume" in stderr and str(partial) in stderr
    written = scan_output(partial, fmt)[0]
    assert 0 < len(written) < 160

    refused = run(docs, "-o", out)                         # a partial is never silently overwritten
    assert refused.returncode == 2 and "--resume" in refused.stderr
    resumed = run(docs, "-o", out, "--jobs", "2", "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert "already in the output" in resumed.stderr and not partial.exists()
    records = json.loads(out.read_text(encoding="utf-8")) if fmt == "json" else lines(out)
    assert [r["doc_id"] for r in records] == [d["id"] for d in corpus_docs(repeat=8)]   # each once, in order
    assert out.read_bytes() == uninterrupted(fmt)


_UNINTERRUPTED = {}


def uninterrupted(fmt):
    """The output of the same run, never interrupted (made once per format)."""
    if fmt not in _UNINTERRUPTED:
        import tempfile
        with tempfile.TemporaryDirectory() as folder:
            docs = write_jsonl(Path(folder) / "docs.jsonl", corpus_docs(repeat=8))
            assert run(docs, "-o", Path(folder) / f"out.{fmt}", "--jobs", "2").returncode == 0
            _UNINTERRUPTED[fmt] = (Path(folder) / f"out.{fmt}").read_bytes()
    return _UNINTERRUPTED[fmt]


def test_an_interrupted_table_run_resumes(tmp_path):
    pytest.importorskip("pandas")
    docs = write_jsonl(tmp_path / "docs.jsonl", corpus_docs(repeat=10))
    out = tmp_path / "tables"
    proc = subprocess.Popen([sys.executable, "-m", "bhxh_extract", str(docs), "-o", str(out), "--format", "csv"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for_lines(out / "records.jsonl.partial", 20, proc)
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=60)
    assert proc.returncode == 143
    assert not any(out.glob("*.csv"))                      # no table until the run is complete
    resumed = run(docs, "-o", out, "--format", "csv", "--resume")
    assert resumed.returncode == 0, resumed.stderr
    import pandas as pd
    documents = pd.read_csv(out / "documents.csv")
    assert documents["doc_id"].tolist() == [d["id"] for d in corpus_docs(repeat=10)]
    assert not list(out.glob("*.partial"))


def test_resume_extends_a_complete_output_with_new_documents(tmp_path):
    out = tmp_path / "out.jsonl"
    assert run(*ARTICLES[:3], "-o", out).returncode == 0
    before = out.read_bytes()
    extended = run(*ARTICLES[:6], "-o", out, "--resume")
    assert extended.returncode == 0 and "3 ok, 0 failed, 3 already in the output" in extended.stderr
    assert out.read_bytes().startswith(before)
    assert [r["doc_id"] for r in lines(out)] == [p.stem for p in ARTICLES[:6]]


def test_scan_output_cuts_what_an_interrupted_write_left(tmp_path):
    good = json.dumps({"doc_id": "a", "text_sha256": "0" * 64})
    path = tmp_path / "out.jsonl.partial"
    path.write_text(good + "\n" + '{"doc_id": "b", "text_sh', encoding="utf-8")
    assert scan_output(path) == ({"a"}, len(good) + 1, 1)
    path.write_text(good + "\n" + good.replace('"a"', '"b"'), encoding="utf-8")   # no newline yet: cut
    assert scan_output(path) == ({"a"}, len(good) + 1, 1)
    path.write_text("[\n" + good + ",\n" + good.replace('"a"', '"b"') + ",\n{\"doc", encoding="utf-8")
    done, end, records = scan_output(path, "json")
    assert done == {"a", "b"} and records == 2 and path.read_text(encoding="utf-8")[:end].endswith("}")


# --- the parallel engine ------------------------------------------------------------------
def text_tasks(n):
    texts = [p.read_text(encoding="utf-8") for p in ARTICLES]
    return [Task(doc_id=f"d{i}", source="mem", text=texts[i % len(texts)]) for i in range(n)]


def test_parallel_records_equal_serial_records_in_input_order():
    tasks = text_tasks(30)
    serial = [o.to_dict() for o in run_tasks(tasks, Options(), jobs=1)]
    parallel = [o.to_dict() for o in run_tasks(tasks, Options(), jobs=2, min_parallel=0)]
    assert parallel == serial and [r["doc_id"] for r in parallel] == [f"d{i}" for i in range(30)]


def test_documents_stream_through_the_pool_in_bounded_memory():
    pulled = count()

    def endless():          # a corpus that never ends: materialising it would never return
        for i in pulled:
            yield Task(doc_id=f"d{i}", source="mem", text="Ngày 11/7/2020 có 925 người tham gia BHXH.")

    outcomes = run_tasks(endless(), Options(), jobs=2)
    first = list(islice(outcomes, 100))
    outcomes.close()
    assert [o.doc_id for o in first] == [f"d{i}" for i in range(100)]
    in_flight = 2 * batch.WINDOW_PER_JOB * batch.CHUNK
    assert next(pulled) <= max(100, batch.PARALLEL_FROM) + in_flight + batch.CHUNK + 1


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="patches the worker through fork")
def test_a_worker_that_dies_costs_only_its_document(monkeypatch):
    real = batch.run_task

    def deadly(task, options):
        if task.doc_id == "d5":
            os._exit(1)      # as if killed by the OOM killer
        return real(task, options)

    monkeypatch.setattr(batch.pool, "run_task", deadly)   # where the pool looks it up
    outcomes = list(run_tasks(text_tasks(12), Options(), jobs=2, min_parallel=0))
    assert [o.doc_id for o in outcomes] == [f"d{i}" for i in range(12)]
    assert [o.doc_id for o in outcomes if o.error] == ["d5"]
    assert "worker process died" in outcomes[5].error


# --- progress bar ---------------------------------------------------------------------
def run_with_terminal_stderr(*args, stdout_too=False):
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))   # a 100-column terminal
    proc = subprocess.Popen([sys.executable, "-m", "bhxh_extract", *map(str, args)], cwd=ROOT,
                            stdout=follower if stdout_too else subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(leader)
    return proc.returncode, b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_only():
    code, terminal = run_with_terminal_stderr(*ARTICLES[:6], "--jobs", "1")
    assert code == 0 and "doc/s" in terminal and "6/6" in terminal
    code, quiet = run_with_terminal_stderr(*ARTICLES[:6], "--jobs", "1", "--quiet")
    assert code == 0 and "doc/s" not in quiet and quiet.strip() == ""
    piped = run(*ARTICLES[:6], "--jobs", "1")
    assert "doc/s" not in piped.stderr and "6 ok, 0 failed" in piped.stderr


# --- small pieces -------------------------------------------------------------------------
@pytest.mark.parametrize("given,iso", [
    ("2020-07-12", "2020-07-12"), ("2020-07-12T08:30:00+07:00", "2020-07-12T08:30"),
    ("2020-07-12 08:30", "2020-07-12T08:30"), ("12/7/2020", "2020-07-12"),
    ("12/07/2020 08:30", "2020-07-12T08:30"), (None, None), ("", None)])
def test_published_dates_given_with_documents(given, iso):
    assert iso_published(given) == iso


def test_an_unreadable_published_date_is_noted_not_fatal():
    with pytest.raises(ValueError, match="hôm qua"):
        iso_published("hôm qua")
    outcome = batch.run_task(Task(doc_id="x", source="mem", text="Ngày 11/7 có 9 người.", published="hôm qua"))
    assert outcome.record["published"] is None and "hôm qua" in outcome.record["errors"][0]


def test_resume_refuses_a_partial_written_in_the_other_format(tmp_path):
    out = tmp_path / "out.jsonl"
    (tmp_path / "out.jsonl.partial").write_text('[\n{"doc_id": "a", "text_sha256": "0"}', encoding="utf-8")
    refused = run(ARTICLES[0], ARTICLES[1], "-o", out, "--resume")
    assert refused.returncode == 2 and "JSON array" in refused.stderr
    assert (tmp_path / "out.jsonl.partial").read_text(encoding="utf-8").startswith("[\n{")   # untouched


def test_a_pipe_named_with_o_is_written_not_replaced(tmp_path):
    import stat
    import threading
    fifo = tmp_path / "records.fifo"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    out = run(*ARTICLES[:3], "-o", fifo)
    reader.join(timeout=60)
    assert out.returncode == 0, out.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)                   # still the pipe, not a file renamed onto it
    assert [json.loads(l)["doc_id"] for l in received[0].splitlines()] == [p.stem for p in ARTICLES[:3]]


def test_batch_keeps_how_a_document_was_read(tmp_path):
    """A Windows-1258 file in a batch is decoded, and its record says so."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "cp.txt").write_bytes(b"Ba\xd2o hi\xea\xd2m x\xe3 h\xf4\xf2i\nC\xf3 925 ng\xfd\xf4\xf2i tham gia.\n")
    (folder / "ok.txt").write_text("Tiêu đề\nCó 925 người tham gia.\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "bhxh_extract", str(folder), "--quiet"],
                         capture_output=True, text=True, encoding="utf-8")
    records = {r["doc_id"]: r for r in map(json.loads, out.stdout.splitlines())}
    assert out.returncode == 0, out.stderr
    assert records["cp"]["errors"] == ["decoded as windows-1258 (not UTF-8)"]
    assert "errors" not in records["ok"]


def test_duplicate_doc_ids_are_reported_and_made_unique_so_resume_keeps_every_document(tmp_path):
    docs = write_jsonl(tmp_path / "docs.jsonl", [
        {"id": "a", "text": "Ngày 11/7/2020 có 925 người."}, {"id": "b", "text": "Ngày 12/7/2020 có 3 người."},
        {"id": "a", "text": "Ngày 13/7/2020 có 7 người."}, {"id": "a#2", "text": "Ngày 14/7/2020 có 1 người."}])
    out = tmp_path / "out.jsonl"
    done = run(docs, "-o", out)
    assert done.returncode == 0, done.stderr
    assert "docs.jsonl:3: doc_id 'a' is used by an earlier document of this batch: this one is 'a#2'" in done.stderr
    records = lines(out)
    assert [r["doc_id"] for r in records] == ["a", "b", "a#2", "a#2#2"]
    assert [r["mentions"][0]["value"] for r in records] == ["2020-07-11", "2020-07-12", "2020-07-13", "2020-07-14"]
    assert "is used by an earlier document" in records[2]["errors"][0]
    # an interrupted run that had written only the first document: --resume adds the other three
    out.unlink()
    (tmp_path / "out.jsonl.partial").write_text(json.dumps(records[0], ensure_ascii=False) + "\n", encoding="utf-8")
    resumed = run(docs, "-o", out, "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert [r["doc_id"] for r in lines(out)] == ["a", "b", "a#2", "a#2#2"]
    assert "1 already in the output" in resumed.stderr


def run_on_one_terminal(*args):
    """stdout and stderr on the same terminal, as in an interactive shell."""
    return run_with_terminal_stderr(*args, stdout_too=True)


def test_no_progress_bar_over_records_on_the_same_terminal(tmp_path):
    code, screen = run_on_one_terminal(*ARTICLES[:6], "--jobs", "1")
    assert code == 0 and "doc/s" not in screen and screen.count('"doc_id"') == 6
    code, screen = run_on_one_terminal(*ARTICLES[:6], "--jobs", "1", "-o", tmp_path / "out.jsonl")
    assert code == 0 and "doc/s" in screen and "6/6" in screen       # records to a file: the bar is back
