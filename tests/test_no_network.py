"""No network access at run time (issue 8): the whole pipeline, underthesea
included, runs in a fresh process whose sockets are blocked before anything
is imported. Every attempt is recorded, so one that a library catches and
works around (a model download falling back to a cache) still fails the test."""
import json
import subprocess
import sys

from conftest import CORPUS, ROOT
from support import to_windows_1258

CHILD = r"""
import contextlib, io, json, socket, sys

attempts = []


def refuse(what):
    def blocked(*args, **kwargs):
        attempts.append(f"{what} {args!r}"[:200])
        raise OSError(f"network access blocked by the test: {what}")
    return blocked


class BlockedSocket(socket.socket):
    # Creating and binding a socket is no network access (urllib3, imported
    # by underthesea, probes IPv6 support by binding ::1); reaching out is.
    connect = refuse("socket.connect")
    connect_ex = refuse("socket.connect_ex")
    sendto = refuse("socket.sendto")
    sendmsg = refuse("socket.sendmsg")


socket.socket = BlockedSocket
for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "create_server"):
    setattr(socket, name, refuse(name))

from bhxh_extract import extract, extract_file           # imported under the block
from bhxh_extract.cli import main

corpus, tmp = sys.argv[1], sys.argv[2]
# `bàn ghế` is in no lexicon of amounts.py: underthesea's word dictionary has it.
record = extract("Tiêu đề\nNgày 11/7/2020, trường nhận 12 bàn ghế và 925 người tham gia BHXH tự nguyện.")
counts = [(m.text, m.rule) for m in record.mentions if m.type == "count"]
# Reading files: Windows-1258, another code page (charset-normalizer), mojibake (ftfy).
files = [extract_file(f"{tmp}/{name}.txt").errors for name in ("cp1258", "cp1252", "mojibake")]
with contextlib.redirect_stdout(io.StringIO()) as out:
    code = main(["--jsonl", *sorted(f"{corpus}/{n}" for n in ("001_7943801ec36e4764.txt", "005.txt", "012.txt"))])
print(json.dumps({"attempts": attempts, "counts": counts, "files": files, "cli_exit": code,
                  "cli_records": len(out.getvalue().splitlines()),
                  "underthesea_loaded": "underthesea" in sys.modules}))
"""


def test_the_whole_pipeline_runs_with_sockets_blocked(tmp_path):
    text = "Tiêu đề\nNgày 1/7/2020 trường nhận 12 bàn ghế mới, tăng 5%."
    (tmp_path / "cp1258.txt").write_bytes(to_windows_1258(text))
    (tmp_path / "cp1252.txt").write_bytes("Café crème brûlée, naïve façade — déjà vu.".encode("cp1252"))
    (tmp_path / "mojibake.txt").write_text(text.encode("utf-8").decode("latin-1"), encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", CHILD, str(CORPUS), str(tmp_path)],
                         capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["attempts"] == []
    assert not report["underthesea_loaded"]      # its dictionary file is read; no model is loaded
    assert ["12 bàn ghế", "count: number + counted word (word dictionary)"] in report["counts"]
    cp1258, other, mojibake = report["files"]
    assert cp1258 == ["decoded as windows-1258 (not UTF-8)"]
    assert len(other) == 1 and other[0].endswith("(not UTF-8; guessed by charset-normalizer)")
    assert mojibake == ["repaired mojibake (UTF-8 that had been read as latin-1) with ftfy"]
    assert report["cli_exit"] == 0 and report["cli_records"] == 3


def test_the_block_really_blocks(tmp_path):
    """The same block stops a real connection attempt (so an empty list
    above means no attempt, not a block that does nothing)."""
    probe = CHILD.split("from bhxh_extract")[0] + r"""
import urllib.request
try:
    urllib.request.urlopen("http://example.com", timeout=5)
except OSError:
    pass
print(json.dumps(attempts))
"""
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) != []
