"""`show`: the HTML view, its escaping, the error view, and the page in a real headless Chromium."""
import copy
import json
import re
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import CORPUS, GOLD
from bhxh_extract import extract
from bhxh_extract.show import Item, main, render_html, render_text
from bhxh_extract.text.reading import read_document

CHROMIUM = Path("/usr/bin/chromium")
needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="/usr/bin/chromium is absent (Debian: apt-get install -y chromium; CI installs it in .ci/run)")
DOC = "001_7943801ec36e4764"
HOSTILE = ('Ngày 11/7/2020 <b>đậm</b> & "x" </script><script>alert(1)</script> có 925 người '
           'tham gia BHXH tự nguyện, đạt 132,14% kế hoạch.')


class Marks(HTMLParser):
    """The <mark data-ref> elements of a page, the text of its article and of its tooltip."""

    def __init__(self):
        super().__init__()
        self.marks, self.ids, self.text, self.body, self.tip = [], [], [], {}, []
        self._article = 0        # element depth inside <article class="text">
        self._tip = 0            # element depth inside a visible <div id="tip">

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "body":
            self.body = attrs
        if self._article or tag == "article":
            self._article += 1
            if tag == "mark" and "data-ref" in attrs:
                self.marks.append(attrs)
            if "id" in attrs:
                self.ids.append(attrs["id"])
        if self._tip or (tag == "div" and attrs.get("id") == "tip" and "hidden" not in attrs):
            self._tip += 1

    def handle_endtag(self, tag):
        self._article = max(0, self._article - 1)
        self._tip = max(0, self._tip - 1)

    def handle_data(self, data):
        if self._article:
            self.text.append(data)
        if self._tip:
            self.tip.append(data)


def parse(page: str) -> Marks:
    parser = Marks()
    parser.feed(page)
    return parser


def _record(path):
    text = read_document(path)
    return text, extract(text, path.stem).to_dict(explain=True)


# --- the page, without a browser ---------------------------------------------------------
def test_every_mention_is_highlighted_once_with_its_type():
    text, record = _record(CORPUS / f"{DOC}.txt")
    page = parse(render_html(text, record))
    assert "".join(page.text) == text                        # the article, unchanged
    first = {m["id"]: m for m in page.marks if "id" in m}
    for i, mention in enumerate(record["mentions"]):
        assert f"t-{mention['type']}" in first[f"m{i}"]["class"].split()
    assert sorted(page.ids) == sorted(set(page.ids))        # one id per item, fragments share data-ref
    assert {f"c{i}" for i in range(len(record["campaigns"]))} <= set(first)


def test_each_campaign_shows_its_date_and_facts_with_their_evidence():
    import html as html_module
    text, record = _record(CORPUS / "001_7943801ec36e4764.txt")
    page = render_html(text, record)
    campaign = record["campaigns"][0]
    date_line = next(line for line in campaign["evidence"] if line.startswith("date "))
    assert f'class="evidence">{html_module.escape(date_line[len("date "):])}</div>' in page
    fact_lines = [line for line in campaign["evidence"] if line.startswith("fact ")]
    assert len(fact_lines) == len(campaign["facts"]) > 0
    for (start, end), line in zip(campaign["facts"], fact_lines):
        assert f"<li>{html_module.escape(text[start:end])}: {html_module.escape(line.split(': ', 1)[1])}</li>" in page


def test_text_and_data_are_escaped():
    record = extract(HOSTILE, "<doc&>").to_dict(explain=True)
    page = render_html(HOSTILE, record)
    assert page.count("<script") == 2                        # the data block and the page's script
    assert "alert(1)</script>" not in page
    assert "<b>đậm</b>" not in page and "&lt;b&gt;đậm&lt;/b&gt;" in page
    data = re.search(r'<script type="application/json" id="bhxh-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in data
    assert json.loads(data)["m0"]["head"] == "date · 11/7/2020"
    assert "".join(parse(page).text) == HOSTILE


def test_page_is_self_contained():
    text, record = _record(CORPUS / f"{DOC}.txt")
    page = render_html(text, record, json.loads((GOLD / f"{DOC}.json").read_text(encoding="utf-8")))
    assert not re.search(r"\b(src|srcset|action)=", page)
    assert "<link" not in page and "@import" not in page
    assert all(href.startswith("#") for href in re.findall(r'href="([^"]*)"', page))
    assert not re.search(r"https?://", page.split("<script>")[0].split('<main>')[0])


def test_crossing_items_are_split_into_fragments():
    items = [Item("a", 0, 6, "m t-date"), Item("b", 3, 9, "camp"), Item("c", 4, 5, "m t-count", "count")]
    out = render_text("0123456789", items)
    assert out == ('<mark class="m t-date" data-ref="a" id="a">012<mark class="camp" data-ref="b" id="b">3'
                   '<mark class="m t-count" data-ref="c" id="c">4<span class="lbl" data-l="count"></span></mark>'
                   '5</mark></mark><mark class="camp" data-ref="b">678</mark>9')


def _gold_with_errors(record_dict, gold):
    """Gold that disagrees with the extractor in three known ways."""
    gold = copy.deepcopy(gold)
    spurious = gold["mentions"].pop(4)                                  # the extractor finds it: spurious
    wrong = next(m for m in gold["mentions"] if m["type"] == "percent")
    wrong["measure"] = "coverage" if wrong["measure"] != "coverage" else "growth"
    gold["mentions"].append({"type": "count", "start": 0, "end": 4, "text": "BHXH", "value": 1, "total": None,
                             "value_max": None, "unit": "bhxh", "scheme": None, "comparator": None})
    gold["mentions"].sort(key=lambda m: (m["start"], m["end"]))
    return gold, spurious, wrong


def test_error_view_marks_missed_spurious_and_wrong():
    text, record = _record(CORPUS / f"{DOC}.txt")
    gold, spurious, wrong = _gold_with_errors(record, json.loads((GOLD / f"{DOC}.json").read_text("utf-8")))
    page = render_html(text, record, gold)
    marks = parse(page).marks
    by_span = {}
    for mark in marks:
        by_span.setdefault(mark["data-ref"], mark)

    def status(mention):
        i = next(i for i, m in enumerate(record["mentions"]) if (m["start"], m["end"]) == (mention["start"], mention["end"]))
        return by_span[f"m{i}"]["class"]

    assert "s-spurious" in status(spurious)
    assert "s-wrong" in status(wrong)
    missed = [m for m in marks if "s-missed" in m["class"] and "t-count" in m["class"]]
    assert [m["data-ref"] for m in missed] == ["g0"]
    tips = json.loads(re.search(r'id="bhxh-data">(.*?)</script>', page, re.S).group(1))
    wrong_id = next(m["data-ref"] for m in marks if "s-wrong" in m["class"] and m["class"].startswith("m "))
    assert f"measure: gold “{wrong['measure']}”" in tips[wrong_id]["notes"][0]
    ok = [m for m in marks if "id" in m and m["class"].startswith("m ") and "s-ok" in m["class"]]
    assert len(ok) == len(record["mentions"]) - 2


def test_command_line(tmp_path, capsys):
    out = tmp_path / "view.html"
    assert main([str(CORPUS / f"{DOC}.txt"), "-o", str(out), "--gold", str(GOLD)]) == 0
    assert "error view against gold" in out.read_text(encoding="utf-8")
    other = tmp_path / "other.json"
    other.write_text(json.dumps({**json.loads((GOLD / "005.json").read_text("utf-8")), "doc_id": DOC}),
                     encoding="utf-8")
    assert main([str(CORPUS / f"{DOC}.txt"), "-o", str(out), "--gold", str(other)]) == 1
    assert "other.json: was annotated on a different text" in capsys.readouterr().err
    assert main([str(tmp_path / "missing.txt"), "-o", str(out)]) == 1


def test_show_is_a_subcommand(tmp_path):
    import sys
    out = tmp_path / "v.html"
    done = subprocess.run([sys.executable, "-m", "bhxh_extract", "show", str(CORPUS / "005.txt"), "-o", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# --- in a real browser -------------------------------------------------------------------
def chromium(tmp_path, *args, timeout=90):
    profile = tmp_path / f"profile{len(list(tmp_path.glob('profile*')))}"
    command = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-dev-shm-usage", "--hide-scrollbars", f"--user-data-dir={profile}", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def error_view(tmp_path_factory):
    text, record = _record(CORPUS / f"{DOC}.txt")
    gold, _, _ = _gold_with_errors(record, json.loads((GOLD / f"{DOC}.json").read_text("utf-8")))
    path = tmp_path_factory.mktemp("view") / "view.html"
    path.write_text(render_html(text, record, gold), encoding="utf-8")
    return path, text, record


@needs_chromium
def test_highlights_are_in_the_browser_dom(error_view, tmp_path):
    path, text, record = error_view
    dom = parse(chromium(tmp_path, "--dump-dom", path.as_uri()))
    # the page's script ran to its end: it counts the hover tips it wired
    assert dom.body.get("data-ready") == str(len(record["mentions"]) + 1 + len(record["campaigns"]))
    assert "".join(dom.text) == text
    first = {m["id"]: m for m in dom.marks if "id" in m}
    for i, mention in enumerate(record["mentions"]):
        assert f"t-{mention['type']}" in first[f"m{i}"]["class"]
    assert "s-missed" in first["g0"]["class"]


@needs_chromium
def test_linked_address_pins_the_tooltip(error_view, tmp_path):
    path, _, record = error_view
    index = next(i for i, m in enumerate(record["mentions"]) if m["type"] == "count")
    dom = parse(chromium(tmp_path, "--dump-dom", f"{path.as_uri()}#m{index}"))
    tip = "".join(dom.tip)
    mention = record["mentions"][index]
    assert f"count · {mention['text']}" in tip and str(mention["value"]) in tip and mention["unit"] in tip


def _png_pixels(data: bytes):
    """(width, height, distinct colours, share of non-white pixels) of a screenshot."""
    try:
        from PIL import Image
    except ImportError:
        return _png_pixels_by_hand(data)
    import io
    image = Image.open(io.BytesIO(data)).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 24)                # [(count, (r, g, b)), ...]
    non_white = sum(count for count, rgb in colours if min(rgb) < 235)
    return image.width, image.height, len(colours), non_white / (image.width * image.height)


def _png_pixels_by_hand(data: bytes):
    # 8-bit RGB(A) PNG without PIL: read IHDR and the decompressed scanline bytes.
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    chunks, pos = [], 8
    while pos < len(data):
        size = int.from_bytes(data[pos:pos + 4], "big")
        if data[pos + 4:pos + 8] == b"IDAT":
            chunks.append(data[pos + 8:pos + 8 + size])
        pos += size + 12
    raw = zlib.decompress(b"".join(chunks))
    return width, height, len(set(raw[i:i + 3] for i in range(0, len(raw) - 3, 3))), 1 - raw.count(255) / len(raw)


@needs_chromium
def test_screenshot_is_not_blank(error_view, tmp_path):
    path, _, _ = error_view
    shot = tmp_path / "view.png"
    chromium(tmp_path, "--window-size=1280,900", f"--screenshot={shot}", path.as_uri())
    width, height, colours, ink = _png_pixels(shot.read_bytes())
    assert (width, height) == (1280, 900)
    assert colours > 200          # text, five highlight colours, anti-aliasing
    assert ink > 0.03             # not an empty white page
    try:
        from PIL import Image
    except ImportError:
        return
    seen = {rgb for _, rgb in Image.open(shot).convert("RGB").getcolors(maxcolors=1 << 24)}
    # the count highlight (#dcfce7) and the date highlight (#dbeafe) are on screen
    assert (0xdc, 0xfc, 0xe7) in seen and (0xdb, 0xea, 0xfe) in seen


# --- every input of the extract command ----------------------------------------------------
def test_an_html_page_is_shown_as_the_text_read_from_it(tmp_path):
    pytest.importorskip("trafilatura")
    page = Path(__file__).parent / "data" / "html" / "p01.html"
    out = tmp_path / "view.html"
    assert main([str(page), "-o", str(out)]) == 0
    view = out.read_text(encoding="utf-8")
    assert "Krông Nô phát động hưởng ứng Ngày Môi trường thế giới năm 2019" in view
    assert "tableforprint" not in view and "&lt;td" not in view and "TIN ĐÃ ĐƯA" not in view
    assert 'class="m ' in view                                   # the mentions are highlighted


def test_jsonl_documents_one_by_doc_or_all_into_a_directory(tmp_path, capsys):
    docs = tmp_path / "docs.jsonl"
    docs.write_text("".join(json.dumps({"id": i, "text": f"Tin {i}\nNgày 11/7/2020 có {n} người tham gia."},
                                       ensure_ascii=False) + "\n" for i, n in (("a", 925), ("b/c", 12))),
                    encoding="utf-8")
    assert main([str(docs), "-o", str(tmp_path / "one.html")]) == 2
    assert "2 documents: pick one with --doc" in capsys.readouterr().err
    assert main([str(docs), "--doc", "b/c", "-o", str(tmp_path / "one.html")]) == 0
    assert "12 người" in (tmp_path / "one.html").read_text(encoding="utf-8")
    assert main([str(docs), "--doc", "zz"]) == 2
    assert main([str(docs), "-o", str(tmp_path / "views") + "/"]) == 0
    assert sorted(p.name for p in (tmp_path / "views").iterdir()) == ["a.html", "b_c.html"]
