"""HTML pages as articles: headline, publication date and text found by the
page's structure (bhxh_extract.text.webpage), on real stored portal pages and on
pages made in the shapes of other sites, with the traps of site chrome."""
import re
from pathlib import Path

import pytest

pytest.importorskip("trafilatura")

from bhxh_extract.batch import Options, Task, run_task        # noqa: E402
from bhxh_extract.text.page_metadata import usable_title   # noqa: E402
from bhxh_extract.text.webpage import read_page   # noqa: E402

PAGES = Path(__file__).resolve().parents[1] / "data" / "html"

# file, headline, published, where published comes from (SOURCES.md for p01–p06)
EXPECTED = [
    ("p01.html", "Krông Nô phát động hưởng ứng Ngày Môi trường thế giới năm 2019", "2019-06-11", "dateline"),
    ("p02.html", "Triển khai Tháng hành động phòng, chống ma túy năm 2019", "2019-08-05T16:57", "dateline"),
    ("p03.html", "Ban chỉ huy quân sự huyện Đắk Song tổ chức lễ phát động thi đua “luyện quân, lập công , quyết "
                 "thắng chào mừng kỷ niệm 65 năm ngày chiến thắng lịch sử Điện Biên Phủ", "2019-07-26T14:14", "dateline"),
    ("p04.html", "Phát động Tháng hành động vì an toàn thực phẩm năm 2019", "2019-04-23T14:34", "dateline"),
    ("p05.html", "UBND huyện Đăk Song tổ chức lễ phát động ngày chạy Olympic vì sức khỏe toàn dân và giải việt dã "
                 "truyền thống lần thứ XVIII năm 2019.", "2019-04-25T08:58", "dateline"),
    ("p06.html", "Hơn 700 đơn vị máu trong buổi lễ ra quân hiến máu tình nguyện tại huyện Đắk Mil", "2019-07-30",
     "dateline"),
    # article:published_time is UTC (10:50:57Z): Vietnam's clock is 17:50, as the visible dateline says
    ("s01_newspaper.html", "Quảng Ninh: Hơn 12.000 người tham gia BHXH tự nguyện mới", "2017-12-08T17:50",
     "metadata (article:published_time)"),
    ("s02_bhxh_portal.html", "BHXH tỉnh Lâm Đồng ra quân tuyên truyền BHXH tự nguyện tại huyện Đức Trọng",
     "2021-05-12T08:30", "dateline"),
    ("s03_date_after_body.html", "Hà Giang: Trao 500 thẻ BHYT cho học sinh có hoàn cảnh khó khăn",
     "2023-03-09T15:20", "dateline"),
    ("t01_related_and_footer_dates.html", "Nghệ An: Công đoàn hỗ trợ 1.500 đoàn viên tham gia BHXH tự nguyện",
     None, None),
    ("t02_title_in_metadata_only.html", "Bình Định tiêm vắc xin sởi cho 25.000 trẻ em", None, None),
    ("t03_date_only_in_url.html", "Đồng Tháp: Thu BHXH 6 tháng đạt 98% kế hoạch", "2022-06-15", "trafilatura"),
]

# Words of each page's chrome that must not reach the article text: lists of
# other articles, sidebars, headers with today's date, footers with licence dates.
CHROME = {
    "p01.html": ["TIN ĐÃ ĐƯA", "06/06/2019", "cấp ngày 03/11/2016", "Liên kết Website", "Xem chi tiết"],
    "p02.html": ["01/08/2019", "cấp ngày 22/5/2018", "captures", "27.7.1999"],
    "p03.html": ["8/4/2019-13:1 PM", "04/04/2019", "06/10/2013", "VĂN BẢN MỚI"],
    "p04.html": ["TIN MỚI HƠN", "22/04/2015", "cấp ngày 08/08/2013", "14/4/2019"],
    "p05.html": ["(28/02)", "31/12/9999", "Jul 2017", "Soạn bài viết", "Dashboard Designer", "Số lượt người xem"],
    "p06.html": ["TIN ĐÃ ĐƯA", "cấp ngày 03/11/2016"],
    "s01_newspaper.html": ["20/05/2024", "Đọc nhiều", "30/12/2016", "01/02/2016", "Trang chủ", "Báo Điện tử Thời Sự Biển"],
    "s02_bhxh_portal.html": ["21/05/2024", "505/QĐ-BHXH", "15/01/2021", "20/10/2015", "Các tin khác"],
    "s03_date_after_body.html": ["03/04/2023", "10/03/2023", "Bình luận", "11/11/2019", "rất ý nghĩa"],
    "t01_related_and_footer_dates.html": ["22/05/2024", "14/09/2023", "20/07/2023", "03/11/2016", "Từ khóa"],
    "t02_title_in_metadata_only.html": ["Sở Y tế tỉnh Bình Định", "05/06/2018", "Vì sức khỏe nhân dân"],
    "t03_date_only_in_url.html": ["Đọc nhiều nhất", "20/05/2022", "Trang chủ"],
}


def record_of(name: str, schema_validator=None):
    outcome = run_task(Task(doc_id=Path(name).stem, source=name, path=str(PAGES / name), kind="html"),
                       options=Options(include_text=True))
    assert outcome.error is None, outcome.error
    if schema_validator is not None:
        schema_validator.validate({k: v for k, v in outcome.record.items() if k != "text"})
    return outcome.record


@pytest.mark.parametrize("name,headline,published,origin", EXPECTED, ids=[e[0] for e in EXPECTED])
def test_headline_and_publication_date_of_each_page(name, headline, published, origin, schema_validator):
    page = read_page((PAGES / name).read_bytes(), name)
    assert page.title == headline
    assert page.published == published
    assert page.published_from == origin
    record = record_of(name, schema_validator)
    assert record["title"] == headline and record["published"] == published
    if published:   # partial dates are resolved against the page's own date, never a related article's
        assert record["reference_date"] == published[:10]


@pytest.mark.parametrize("name", sorted(CHROME), ids=sorted(CHROME))
def test_the_text_is_the_article_laid_out_like_a_corpus_file(name):
    record = record_of(name)
    text = record["text"]
    assert text.split("\n")[0] == record["title"]          # the headline first, as in corpus/*.txt
    for chrome in CHROME[name]:
        assert chrome not in text, chrome
    assert all(text[m["start"]:m["end"]] == m["text"] for m in record["mentions"])


def test_the_body_of_the_real_pages_is_whole():
    # first and last sentences of the articles as the pages show them (SOURCES.md)
    p01 = record_of("p01.html")["text"]
    assert p01.split("\n")[1] == "11/06/2019"                # the dateline on the second line
    assert "Sáng 5/6, tại Trung tâm văn hóa huyện Krông Nô" in p01
    assert p01.rstrip().endswith("Theo Báo Đắk Nông điện tử")    # the source credit closes it
    p06 = record_of("p06.html")["text"]
    assert "phối hợ\n" in p06 and p06.rstrip().endswith("kịp thời cho người bệnh.")
    p05 = record_of("p05.html")["text"].split("\n")        # the bold repeat of the headline is the body's
    assert p05[1] == "(25.04.2019 08:58)" and p05[3] == p05[0]


def test_event_dates_in_the_body_are_mentions_not_the_publication_date():
    record = record_of("p06.html")
    assert record["published"] == "2019-07-30"
    assert ("date", "27/6/2018", "2018-06-27") in [(m["type"], m["text"], m.get("value")) for m in record["mentions"]]


def test_metadata_first_then_json_ld_then_the_visible_dateline():
    page = (PAGES / "s01_newspaper.html").read_text(encoding="utf-8")
    without_meta = re.sub(r'<meta property="article:published_time"[^>]*>', "", page)
    found = read_page(without_meta, "s01")
    assert (found.published, found.published_from) == ("2017-12-08T17:50", "metadata (JSON-LD datePublished)")
    without_any = re.sub(r'<script type="application/ld\+json">.*?</script>', "", without_meta, flags=re.S)
    found = read_page(without_any, "s01")
    # the date is a <span> of its own beside the author's name: `Thứ 6, 08/12/2017 | 17:50:57 [GMT +7]`
    assert (found.published, found.published_from) == ("2017-12-08T17:50", "dateline")
    # dateModified and a WebSite's dateCreated are not the publication date
    modified_only = without_any.replace("</head>", '<meta itemprop="dateModified" content="2017-12-09"></head>')
    assert read_page(modified_only, "s01").published == "2017-12-08T17:50"


def test_microdata_of_other_articles_is_not_the_articles_metadata():
    # a sidebar before the article lists other articles as schema.org items, each with its datePublished
    page = (PAGES / "s02_bhxh_portal.html").read_text(encoding="utf-8").replace(
        '<li><a href="/vb1">', '<li itemscope itemtype="https://schema.org/NewsArticle">'
        '<meta itemprop="datePublished" content="2020-03-27"><a href="/vb1">')
    assert 'itemprop="datePublished" content="2020-03-27"' in page
    found = read_page(page, "s02")
    assert (found.published, found.published_from) == ("2021-05-12T08:30", "dateline")


def test_an_unreadable_metadata_date_is_noted_and_the_next_source_used():
    page = (PAGES / "s01_newspaper.html").read_text(encoding="utf-8").replace(
        'content="2017-12-08T10:50:57Z"', 'content="hôm qua"')
    found = read_page(page, "s01")
    assert found.published == "2017-12-08T17:50" and found.published_from == "metadata (JSON-LD datePublished)"
    assert any("hôm qua" in note and "article:published_time" in note for note in found.notes)


def test_a_list_item_date_next_to_the_headline_is_not_the_dateline():
    # the last item of a dated list ends right above the headline, in another column
    page = (PAGES / "t01_related_and_footer_dates.html").read_text(encoding="utf-8")
    assert "Ngày đăng: 02/05/2023</div></div>\n  </div>\n </div>\n <div class=\"col-9\">" in page
    assert read_page(page, "t01").published is None


@pytest.mark.parametrize("title,usable", [
    ("Home", None), ("Trang chủ", None), ("Cổng thông tin điện tử Bảo hiểm xã hội tỉnh Lâm Đồng", None),
    ("Trang thông tin điện tử huyện Đắkglong", None),
    ("Bình Định tiêm vắc xin sởi cho 25.000 trẻ em | Sở Y tế tỉnh Bình Định", "Bình Định tiêm vắc xin sởi cho 25.000 trẻ em"),
    ("Quảng Ninh: Hơn 12.000 người tham gia BHXH - Báo Biển", "Quảng Ninh: Hơn 12.000 người tham gia BHXH - Báo Biển"),
])
def test_a_page_title_that_is_the_sites_name_is_no_headline(title, usable):
    assert usable_title(title, {"sở y tế tỉnh bình định"}) == usable


def test_pages_that_hold_no_article(tmp_path):
    from bhxh_extract.text.reading import DocumentError
    with pytest.raises(DocumentError, match="empty document"):
        read_page(b"  ", "blank.html")
    with pytest.raises(DocumentError, match="no article text"):
        read_page("<html><body><img src='banner.png'><script>var x = 1;</script></body></html>", "image.html")


def test_deeply_nested_markup_is_read_without_recursion():
    # 240 levels: libxml2 (lxml's parser) keeps at most 256 and drops what is deeper
    page = "<html><body>" + "<div>" * 240 + "<h1>Tiêu đề bài viết</h1><p>" + \
           "Ngày 5/6/2020, BHXH tỉnh đã vận động được 925 người tham gia BHXH tự nguyện, đạt 132% kế hoạch. " * 3 + \
           "</p>" + "</div>" * 240 + "</body></html>"
    found = read_page(page, "deep.html")
    assert found.title == "Tiêu đề bài viết" and "925 người" in found.text


@pytest.mark.parametrize("name", [e[0] for e in EXPECTED], ids=[e[0] for e in EXPECTED])
def test_extract_file_reads_a_page_as_the_command_line_does(name):
    """`extract_file("page.html")` gives the record of the page's article (its
    headline, dateline and text), not of the HTML source: the same record as
    the command line."""
    from bhxh_extract import extract_file
    record = extract_file(PAGES / name).to_dict()
    assert record == {k: v for k, v in record_of(name).items() if k not in ("text", "url")}   # url: not a record field
    assert not any("<" in m["text"] or "_" in m["text"] for m in record["mentions"])
