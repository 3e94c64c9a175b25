"""An HTML page as an article: its headline, its publication date and its
text, found by the page's structure (the `[html]` extra: lxml, trafilatura).

A news or portal page holds one article among site chrome: menus, a site
header (often with today's date), sidebars (`VĂN BẢN MỚI`, most read),
lists of other articles with their own dates (`TIN ĐÃ ĐƯA`, `Tin liên
quan`), and a footer (with a licence date: `Giấy phép số ... cấp ngày
03/11/2016`). Only the article's own parts are read:

    blocks     the page as a sequence of text blocks in reading order
               (paragraphs, cells, headings, list items), each knowing how
               much of its text is link text and whether it sits in chrome
    body       the run of blocks richest in prose, never crossing chrome nor
               a list of links
    headline   the heading just before the body (an h1-h3, an element
               marked as a title or headline), not the site's name
    published  the page's article metadata (article:published_time,
               JSON-LD datePublished, itemprop=datePublished, ...), else the
               visible dateline next to the headline (or right after the
               body), else trafilatura's date

The text handed to the extractor is laid out like a corpus article: the
headline on the first line, the dateline on the second, then the body, one
block per line; offsets index that text. When no body is found (a page of
another shape entirely), trafilatura's text is used instead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .page_blocks import Block, drop_invisible, page_blocks
from .page_metadata import (
    SITE_TITLE,
    dateline_value,
    metadata_published,
    names_of_site,
    site_key,
    trafilatura_date,
    usable_title,
)
from .reading import DocumentError

# Headings of lists of other articles, as Vietnamese sites label them: the
# article ends before one.
LIST_HEADING = re.compile(
    r"(?i)^\W*(?:(?:các\s+)?(?:tin|bài|tin\s+bài|bài\s+viết|văn\s+bản)\s+(?:liên\s+quan|khác|đã\s+đưa|mới\s+hơn|"
    r"cũ\s+hơn|cùng\s+chuyên\s+mục|mới(?:\s+nhất)?|xem\s+nhiều(?:\s+nhất)?|đọc\s+nhiều(?:\s+nhất)?|nổi\s+bật|"
    r"tiêu\s+điểm)|(?:đọc|xem)\s+nhiều(?:\s+nhất)?|mới\s+nhất|tiêu\s+điểm|xem\s+thêm|đọc\s+thêm|liên\s+kết\s+website|"
    r"ý\s+kiến\s+bạn\s+đọc|bình\s+luận|gửi\s+bình\s+luận)\W*$")

PROSE_MIN_CHARS = 40          # a block shorter than this is a label, a counter, a caption at most
ZONE_BEFORE = 8               # blocks before the body searched for the headline and the dateline
ZONE_AFTER = 4                # blocks after the body searched for a dateline that follows it
DATELINE_REACH = 3            # how far from the headline (in blocks) a dateline may be
HEADLINE_MAX_CHARS = 300
SIGNATURE_LINES = 3           # short lines after the prose still read as the article's (byline, credit)
SIGNATURE_MAX_CHARS = 80




@dataclass(frozen=True)
class WebPage:
    text: str
    title: str | None
    published: str | None
    published_from: str | None    # where `published` was read: metadata, dateline, trafilatura
    author: str | None = None
    url: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)


def read_page(page: bytes | str, source: str) -> WebPage:
    """The article of an HTML page; DocumentError naming `source` when the
    page holds no article text."""
    try:
        import trafilatura
        from trafilatura.utils import load_html
    except ImportError as err:
        raise DocumentError(source, f"reading HTML needs the [html] extra: pip install 'bhxh_extract[html]' "
                                    f"({err})") from None
    if not page or not page.strip():
        raise DocumentError(source, "empty document")
    tree = load_html(page)
    if tree is None:
        raise DocumentError(source, "not an HTML page (no element could be parsed)")
    # trafilatura for what it knows of the page as a whole: author, url, site
    # name, a title, and the text when the page's structure gives no body.
    found = trafilatura.bare_extraction(load_html(page), with_metadata=True, include_comments=False,
                                        include_tables=True, date_extraction_params=TRAFILATURA_DATES)
    if found is not None and not isinstance(found, dict):   # trafilatura >= 2 returns a Document
        found = found.as_dict()
    found = found or {}
    notes: list[str] = []
    meta_date, meta_name = metadata_published(tree, notes)
    site_names = names_of_site(tree, found)
    titles = [found.get("title"), _meta_content(tree, "og:title"), _title_element(tree)]
    drop_invisible(tree)
    blocks = page_blocks(tree)
    body = find_body(blocks)
    headline = dateline = None
    if body is not None:
        headline = find_headline(blocks, body, site_names)
        dateline = find_dateline(blocks, body, headline)
    title = blocks[headline].text if headline is not None else \
        next((t for t in (usable_title(t, site_names) for t in titles) if t), None)
    if body is not None:
        text = _article_text(blocks, body, headline, dateline, title)
    else:
        text = (found.get("text") or "").strip()
    if not text.strip():
        raise DocumentError(source, "no article text found in the HTML page")
    if meta_date:
        published, origin = meta_date, f"metadata ({meta_name})"
    elif dateline is not None:
        published, origin = dateline[1], "dateline"
    else:
        date = _article_date(blocks, body, headline, found) if body is not None else found.get("date")
        published, origin = trafilatura_date(date, notes), "trafilatura"
    return WebPage(text=text, title=title, published=published, published_from=origin if published else None,
                   author=found.get("author") or None, url=found.get("url") or None, notes=tuple(notes))


# trafilatura's date (htmldate) from the page's markup only (meta tags, <time>,
# date-like classes, the URL), never guessed from its free text; the original
# publication date rather than the last update.
TRAFILATURA_DATES = {"extensive_search": False, "original_date": True}


def _article_date(blocks: list[Block], body: tuple[int, int], headline: int | None, found: dict) -> str | None:
    """trafilatura's date for the article alone, from its headline to the end
    of its body: the lists of other news, sidebars and footers (whose
    date-like elements htmldate reads too) are left out."""
    try:
        from htmldate import find_date
    except ImportError:       # trafilatura without htmldate: keep its date
        return found.get("date")
    from lxml import html as lxml_html
    pruned = lxml_html.Element("html")
    kept: list[Any] = []
    first = min(body[0], headline) if headline is not None else body[0]
    for block in blocks[first:body[1]]:
        if block.chrome or any(block.element is k or block.element in k.iterdescendants() for k in kept):
            continue
        kept.append(block.element)
    body_element = lxml_html.Element("body")
    for element in kept:
        body_element.append(_copy(element))
    pruned.append(body_element)
    return find_date(pruned, url=found.get("url"), **TRAFILATURA_DATES)


def _copy(element):
    from copy import deepcopy
    copy = deepcopy(element)
    copy.tail = None
    return copy


def _meta_content(tree, key: str) -> str | None:
    for element in tree.iter("meta"):
        if (element.get("property") or element.get("name") or "").lower() == key:
            return element.get("content")
    return None


def _title_element(tree) -> str | None:
    title = next(tree.iter("title"), None)
    return title.text_content() if title is not None else None




# --- the article in the blocks -------------------------------------------------------------
def _is_boundary(blocks: list[Block], i: int) -> bool:
    """Where an article cannot go on: site chrome, or a list of links (two
    link blocks in a row: a menu, other articles' titles)."""
    block = blocks[i]
    if block.chrome or (len(block.text) <= 40 and LIST_HEADING.match(block.text)):
        return True
    if not block.is_links:
        return False
    return any(0 <= j < len(blocks) and blocks[j].is_links for j in (i - 1, i + 1))


def _prose_score(block: Block) -> int:
    """What a block adds to an article: prose counts by its length; short
    labels a little against; link text against."""
    if block.is_links:
        return -len(block.text) - PROSE_MIN_CHARS
    plain = len(block.text) - block.link_chars
    return plain - PROSE_MIN_CHARS


def find_body(blocks: list[Block]) -> tuple[int, int] | None:
    """(first, last + 1) of the run of blocks richest in prose (the largest
    sum of prose scores, Kadane's algorithm), between boundaries; None when
    no run has a paragraph of prose."""
    best, best_span = 0, None
    total, start = 0, 0
    for i, block in enumerate(blocks):
        if _is_boundary(blocks, i):
            total, start = 0, i + 1
            continue
        if total <= 0:
            total, start = 0, i
        total += _prose_score(block)
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span and _with_signature(blocks, best_span)


def _with_signature(blocks: list[Block], body: tuple[int, int]) -> tuple[int, int]:
    """The body and the few short lines without links that end it: a byline,
    a source credit (`Theo Báo Đắk Nông điện tử`), which score below prose."""
    end = body[1]
    while (end < min(body[1] + SIGNATURE_LINES, len(blocks)) and not _is_boundary(blocks, end)
           and blocks[end].link_chars == 0 and len(blocks[end].text) <= SIGNATURE_MAX_CHARS):
        end += 1
    return body[0], end


def _zone_before(blocks: list[Block], body: tuple[int, int]) -> list[int]:
    """Indexes of the blocks just before the body (nearest first) and the
    first ones of it, up to a boundary."""
    before = []
    for i in range(body[0] - 1, max(body[0] - 1 - ZONE_BEFORE, -1), -1):
        if _is_boundary(blocks, i):
            break
        before.append(i)
    return list(range(body[0], min(body[0] + 3, body[1]))) + before


def find_headline(blocks: list[Block], body: tuple[int, int], site_names: set[str]) -> int | None:
    """The article's headline: the highest-ranked heading near the start of
    the body (nearest on a tie), not a link to elsewhere, not the site's name."""
    best, best_key = None, None
    for order, i in enumerate(_zone_before(blocks, body)):
        block = blocks[i]
        if not block.headline_rank or block.is_links or len(block.text) > HEADLINE_MAX_CHARS:
            continue
        if site_key(block.text) in site_names or SITE_TITLE.match(block.text) or dateline_value(block):
            continue
        key = (block.headline_rank, -order)
        if best_key is None or key > best_key:
            best, best_key = i, key
    return best


def find_dateline(blocks: list[Block], body: tuple[int, int], headline: int | None) -> tuple[int, str] | None:
    """(index, ISO value) of the visible dateline: a short block that is a
    date line (guide 5) or a <time> element, next to the headline (at most
    DATELINE_REACH blocks away, nearest first), else at the end of the body
    or right after it (pages that date an article below it). A date that is
    an item of a list of links (`Tin A (11/06/2019)`) is that item's."""
    near = headline if headline is not None else body[0]
    around = [i for i in _zone_before(blocks, body) if abs(i - near) <= DATELINE_REACH]
    around.sort(key=lambda i: (abs(i - near), i < near))
    after = []
    for i in range(body[1], min(body[1] + ZONE_AFTER, len(blocks))):
        if _is_boundary(blocks, i):
            break
        after.append(i)
    for i in around + list(range(max(body[0], body[1] - 2), body[1])) + after:
        if i == headline or _is_item_date(blocks[i]):
            continue
        value = dateline_value(blocks[i])
        if value:
            return i, value
    return None


def _is_item_date(block: Block) -> bool:
    """A date written beside a link, as lists of other articles give each
    item's date: its element's neighbour is a link, or a good part of its
    own text is (a link to the author's page is short beside a dateline)."""
    neighbours = [block.element.getprevious(), block.element.getnext()]
    return block.link_density >= 0.3 or any(n is not None and _is_link_element(n) for n in neighbours)


def _is_link_element(element) -> bool:
    if not isinstance(element.tag, str):
        return False
    if element.tag == "a" and element.get("href") is not None:
        return True
    text = " ".join((element.text_content() or "").split())
    links = sum(len(" ".join((a.text_content() or "").split())) for a in element.iter("a") if a.get("href") is not None)
    return len(text) >= 4 and links / len(text) > 0.6




def _article_text(blocks: list[Block], body: tuple[int, int], headline: int | None,
                  dateline: tuple[int, str] | None, title: str | None) -> str:
    """The headline (or the title from the page's metadata), the dateline,
    then what follows the headline to the end of the body (a sapo or a byline
    between them included), one block per line."""
    lines = [title] if title else []
    if dateline is not None:
        lines.append(blocks[dateline[0]].text)
    first = headline + 1 if headline is not None and headline < body[1] else body[0]
    skip = {headline, dateline[0] if dateline else None}
    lines.extend(blocks[i].text for i in range(first, body[1]) if i not in skip)
    return "\n".join(lines)

