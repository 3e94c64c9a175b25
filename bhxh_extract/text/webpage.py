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

import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterator

from .published import normalize_published
from .reading import DocumentError

# Elements whose content is never article text.
DROPPED_TAGS = {"script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas",
                "button", "select", "option", "input", "textarea", "head", "title", "meta", "link"}
# Elements that start a new block of text; everything else is inline.
BLOCK_TAGS = {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
              "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
              "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "nav", "ol", "p", "pre",
              "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "br"}
# Site chrome by its HTML5 element or ARIA role.
CHROME_TAGS = {"nav", "aside", "footer"}
CHROME_ROLES = {"navigation", "complementary", "contentinfo", "banner", "search", "menu", "menubar"}
# Site chrome by the words of its class or id (`footer`, `Footer-Text`,
# `box-related`, `tinlienquan`, `td.Other` of a list of other news, `sidebar`,
# `ms-navheader`); only words, so `navigator-item` is no `nav`.
CHROME_WORDS = {"footer", "sidebar", "aside", "related", "relate", "lienquan", "tinlienquan", "tinkhac",
                "other", "others", "comment", "comments", "binhluan", "menu", "nav", "navbar", "navheader",
                "breadcrumb", "breadcrumbs", "widget", "share", "social", "sharing", "tags", "advert",
                "ads", "banner", "marquee", "copyright"}
# ... or a class name that starts with one (`OtherTitle`: the heading of a
# list of other news; `tinkhac-box`, `footerlink`).
CHROME_PREFIXES = ("tinkhac", "tinlienquan", "footer", "other", "related", "sidebar")
# ... but not when the element is a part of the article (`post-footer`,
# `article-footer`, `entry-meta`: its byline and date).
ARTICLE_PART_WORDS = {"post", "article", "entry", "story", "detail"}
# Headings of lists of other articles, as Vietnamese sites label them: the
# article ends before one.
LIST_HEADING = re.compile(
    r"(?i)^\W*(?:(?:các\s+)?(?:tin|bài|tin\s+bài|bài\s+viết|văn\s+bản)\s+(?:liên\s+quan|khác|đã\s+đưa|mới\s+hơn|"
    r"cũ\s+hơn|cùng\s+chuyên\s+mục|mới(?:\s+nhất)?|xem\s+nhiều(?:\s+nhất)?|đọc\s+nhiều(?:\s+nhất)?|nổi\s+bật|"
    r"tiêu\s+điểm)|(?:đọc|xem)\s+nhiều(?:\s+nhất)?|mới\s+nhất|tiêu\s+điểm|xem\s+thêm|đọc\s+thêm|liên\s+kết\s+website|"
    r"ý\s+kiến\s+bạn\s+đọc|bình\s+luận|gửi\s+bình\s+luận)\W*$")
# A headline by the words of its class, id or itemprop (`p.Title`,
# `h1.article-title`, `div.tieude`, `itemprop=headline`) ...
HEADLINE_WORDS = {"title", "headline", "tieude", "tieu", "heading"}
# ... unless another word says it is some other title (a site's, a box's,
# a list's, a sapo shown as a subtitle).
NOT_HEADLINE_WORDS = {"site", "page", "logo", "brand", "sub", "subtitle", "other", "box", "cate", "category",
                      "folder", "widget", "related", "hit", "link", "linkweb", "nav", "footer", "s4",
                      "sapo", "lead", "block", "section", "list", "item", "search", "ms"}
# Metadata that gives an article's publication date, most specific first.
DATE_META = ("article:published_time", "og:article:published_time", "og:published_time", "datepublished",
             "published_time", "pubdate", "publishdate", "publish-date", "publish_date", "dc.date.issued",
             "dcterms.issued", "dcterms.created", "dc.date", "citation_publication_date", "parsely-pub-date",
             "sailthru.date", "date")
ARTICLE_TYPES = {"newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                 "report", "webpage", "liveblogposting", "socialmediaposting"}
# Generic names of a site's front page, which trafilatura (or <title>) may
# give as the title of an article page.
SITE_TITLE = re.compile(
    r"(?i)^\s*(?:home|trang\s+chủ|trang\s+chu|homepage|index|default|tin\s+tức|"
    r"(?:cổng|trang)\s+thông\s+tin(?:\s+điện\s+tử)?\b.*|website\b.*|portal\b.*)\s*$")
TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:»]\s+")

PROSE_MIN_CHARS = 40          # a block shorter than this is a label, a counter, a caption at most
ZONE_BEFORE = 8               # blocks before the body searched for the headline and the dateline
ZONE_AFTER = 4                # blocks after the body searched for a dateline that follows it
DATELINE_REACH = 3            # how far from the headline (in blocks) a dateline may be
DATELINE_MAX_CHARS = 120
HEADLINE_MAX_CHARS = 300
SIGNATURE_LINES = 3           # short lines after the prose still read as the article's (byline, credit)
SIGNATURE_MAX_CHARS = 80


@dataclass
class Block:
    """A piece of text that the page shows on a line of its own."""
    text: str
    element: Any                  # the nearest block-level element
    link_chars: int = 0
    chrome: bool = False          # inside site chrome (nav, footer, sidebar, lists of other news)
    headline_rank: int = 0        # 3: h1, 2: marked as a title/headline or h2, 1: h3; 0: no heading
    time_value: str | None = None  # the datetime of a <time> element in it

    @property
    def link_density(self) -> float:
        return self.link_chars / max(len(self.text), 1)

    @property
    def is_links(self) -> bool:
        """Mostly link text: a menu entry, another article's title."""
        return len(self.text) >= 4 and self.link_density > 0.6


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
    meta_date, meta_name = _metadata_published(tree, notes)
    site_names = _site_names(tree, found)
    titles = [found.get("title"), _meta_content(tree, "og:title"), _title_element(tree)]
    _drop_invisible(tree)
    blocks = page_blocks(tree)
    body = find_body(blocks)
    headline = dateline = None
    if body is not None:
        headline = find_headline(blocks, body, site_names)
        dateline = find_dateline(blocks, body, headline)
    title = blocks[headline].text if headline is not None else \
        next((t for t in (_usable_title(t, site_names) for t in titles) if t), None)
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
        published, origin = _trafilatura_date(date, notes), "trafilatura"
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


# --- metadata -------------------------------------------------------------------------
def _metadata_published(tree, notes: list[str]) -> tuple[str | None, str | None]:
    """The publication date the page's metadata gives for its article: meta
    tags and itemprop first (in DATE_META order), then JSON-LD. Microdata of
    the items of a list (other articles, each with its datePublished) or of
    site chrome is not the article's."""
    found: dict[str, str] = {}
    for element in tree.iter("meta", "time", "span", "div", "p", "abbr"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        if key in DATE_META and key not in found and not _in_list_or_chrome(element):
            value = element.get("content") or element.get("datetime") or (element.text_content() or "").strip()
            if value:
                found[key] = value
    candidates = [(key, found[key]) for key in DATE_META if key in found]
    candidates += [("JSON-LD datePublished", value) for value in _json_ld_dates(tree)]
    for name, value in candidates:
        try:
            iso = normalize_published(value)
        except ValueError as err:
            notes.append(f"page metadata {name}: {err}; ignored")
            continue
        if iso:
            return iso, name
    return None, None


def _in_list_or_chrome(element) -> bool:
    return any(a.tag in ("li", "dd") or _is_chrome(a) for a in element.iterancestors() if isinstance(a.tag, str))


def _json_ld_dates(tree) -> Iterator[str]:
    """datePublished of the article objects of the page's JSON-LD scripts
    (top level, lists, @graph), article types first."""
    objects = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.extend(item["@graph"] if isinstance(item["@graph"], list) else [item["@graph"]])
                if isinstance(item.get("datePublished"), str):
                    objects.append(item)
    def is_article(item: dict) -> bool:
        kinds = item.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        return any(isinstance(k, str) and k.lower() in ARTICLE_TYPES for k in kinds)
    for item in sorted(objects, key=lambda item: not is_article(item)):
        yield item["datePublished"]


def _trafilatura_date(value: Any, notes: list[str]) -> str | None:
    try:
        return normalize_published(value)
    except ValueError as err:
        notes.append(f"the date trafilatura found, {err}; ignored")
        return None


def _site_names(tree, found: dict) -> set[str]:
    """Names the page gives its site: og:site_name, application-name,
    trafilatura's sitename, the part of <title> shared with them."""
    names = {found.get("sitename") or ""}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or "").lower()
        if key in ("og:site_name", "application-name", "apple-mobile-web-app-title", "twitter:site"):
            names.add(element.get("content") or "")
    return {_key(n) for n in names if n and n.strip()}


def _usable_title(title: str | None, site_names: set[str]) -> str | None:
    """A page title (trafilatura's, <title>'s) without the site's name, or
    None when it is only the site's name."""
    if not title or not title.strip():
        return None
    parts = [p for p in TITLE_SEPARATORS.split(title.strip()) if p.strip()]
    kept = [p for p in parts if _key(p) not in site_names and not SITE_TITLE.match(p)]
    if not kept:
        return None
    return " - ".join(kept) if len(kept) < len(parts) else title.strip()


def _key(text: str) -> str:
    import unicodedata
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


# --- the page as blocks --------------------------------------------------------------
_HIDDEN_STYLE = re.compile(r"(?i)(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b")


def _drop_invisible(tree) -> None:
    """What a reader never sees: scripts and styles, comments, and elements
    hidden by `hidden`, `aria-hidden` or an inline display:none (an archive's
    toolbar, a CMS's edit menu)."""
    from lxml import etree
    doomed = []
    for element in tree.iter():
        if not isinstance(element.tag, str):           # a comment or processing instruction
            doomed.append(element)
        elif (element.tag.lower() in DROPPED_TAGS or element.get("hidden") is not None
              or (element.get("aria-hidden") or "").lower() == "true"
              or _HIDDEN_STYLE.search(element.get("style") or "")):
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            if isinstance(element, etree._Comment) or not isinstance(element.tag, str):
                _drop_keeping_tail(element)
            else:
                element.drop_tree()


def _drop_keeping_tail(element) -> None:
    parent, tail = element.getparent(), element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _words(element, camel: bool = False) -> set[str]:
    """The words of an element's class, id and itemprop: `Footer-Text` →
    footer, text; `tbtinkhac` stays whole; with `camel`, `OtherTitle` →
    other, title (for headlines only: `allowMenuPost`, a CMS flag on a
    headline, is no menu)."""
    raw = " ".join(element.get(name) or "" for name in ("class", "id", "itemprop"))
    if camel:
        raw = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", raw)
    return {w for w in re.split(r"[\s\-_:.]+", raw.lower()) if w}


def _is_chrome(element) -> bool:
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if tag in ("html", "body"):
        return False
    if tag in CHROME_TAGS or (element.get("role") or "").lower() in CHROME_ROLES:
        return True
    words = _words(element)
    if words & ARTICLE_PART_WORDS or (tag in ("footer", "header") and _inside(element, "article")):
        return False   # an article's own footer or header: its byline, its date
    return bool(words & CHROME_WORDS) or any(w.startswith(CHROME_PREFIXES) for w in words)


def _inside(element, tag: str) -> bool:
    return any(a.tag == tag for a in element.iterancestors())


def _headline_rank(element) -> int:
    tag = element.tag.lower()
    words = _words(element, camel=True)
    marked = bool(words & HEADLINE_WORDS) and not words & NOT_HEADLINE_WORDS
    if tag == "h1" or (element.get("itemprop") or "").lower() == "headline":
        return 3
    if marked or tag == "h2":
        return 2
    return 1 if tag == "h3" else 0


def _data_rows(tree) -> set:
    """Rows of data tables (every row's cells hold only inline text, at
    least two rows): such a row is one line, its cells joined by ` | `."""
    rows = set()
    for table in tree.iter("table"):
        own = [tr for tr in table.iter("tr") if _nearest(tr, "table") is table]
        if len(own) < 2:
            continue
        leaf = all(not any(isinstance(d.tag, str) and d.tag.lower() in BLOCK_TAGS - {"br"} for d in tr.iterdescendants()
                           if d.tag not in ("td", "th")) for tr in own)
        if leaf and all(len(tr.findall("td") + tr.findall("th")) >= 2 for tr in own):
            rows.update(own)
    return rows


def _nearest(element, tag: str):
    parent = element.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


class _Collector:
    """Walks the tree once (iteratively: pages nest deeply) and cuts its text
    into blocks at every block-level element."""

    def __init__(self, data_rows: set):
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.link_chars = 0
        self.time_value: str | None = None
        self.containers: list[Any] = []    # the stack of open block-level elements
        self.chrome_depth = 0
        self.link_depth = 0
        self.data_rows = data_rows
        self.row_depth = 0                 # inside a data row: cells are inline

    def add(self, text: str | None) -> None:
        if text:
            self.parts.append(text)
            if self.link_depth:
                self.link_chars += len(" ".join(text.split()))

    def flush(self) -> None:
        text = " ".join(" ".join(self.parts).split())
        if text and self.containers:
            element = self.containers[-1]
            self.blocks.append(Block(text=text, element=element, link_chars=min(self.link_chars, len(text)),
                                     chrome=self.chrome_depth > 0, headline_rank=self._rank(),
                                     time_value=self.time_value))
        self.parts, self.link_chars, self.time_value = [], 0, None

    def _rank(self) -> int:
        return max((_headline_rank(e) for e in self.containers[-2:]), default=0)

    def start(self, element) -> None:
        tag = element.tag.lower()
        if self.row_depth and tag in ("td", "th"):
            self.parts.append(" | ")
        elif element in self.data_rows:
            self.flush()
            self.containers.append(element)
            self.row_depth += 1
        elif tag in BLOCK_TAGS and not self.row_depth:
            self.flush()
            self.containers.append(element)
        if _is_chrome(element):
            self.chrome_depth += 1
        if tag == "a" and element.get("href") is not None:
            self.link_depth += 1
        if tag == "time" and element.get("datetime"):
            self.time_value = element.get("datetime")
        self.add(element.text)

    def end(self, element) -> None:
        tag = element.tag.lower()
        if tag == "a" and element.get("href") is not None:
            self.link_depth -= 1
        if _is_chrome(element):
            self.chrome_depth -= 1
        if element in self.data_rows:
            self.flush()
            self.containers.pop()
            self.row_depth -= 1
        elif tag in BLOCK_TAGS and not self.row_depth:
            self.flush()
            self.containers.pop()
        self.add(element.tail)


def page_blocks(tree) -> list[Block]:
    """The visible text of a page as blocks in reading order."""
    from lxml import etree
    collector = _Collector(_data_rows(tree))
    for event, element in etree.iterwalk(tree, events=("start", "end")):
        if isinstance(element.tag, str):
            (collector.start if event == "start" else collector.end)(element)
    collector.flush()
    return collector.blocks


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
        if _key(block.text) in site_names or SITE_TITLE.match(block.text) or _dateline_value(block):
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
        value = _dateline_value(blocks[i])
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


_BRACKETS = re.compile(r"^[\s(\[]+|[\s)\]]+$")
_ISO_IN_TEXT = re.compile(r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?")


def _dateline_value(block: Block) -> str | None:
    """The ISO date-time of a block that is a dateline, or that holds one as
    an element of its own (`<span class="date">` beside the author's name)."""
    if block.time_value:
        try:
            value = normalize_published(block.time_value)
            if value:
                return value
        except ValueError:
            pass
    if block.is_links:
        return None
    value = _dateline_text_value(block.text)
    if value:
        return value
    for element in block.element.iterdescendants():
        if isinstance(element.tag, str) and element.tag not in BLOCK_TAGS:
            value = _dateline_text_value(" ".join((element.text_content() or "").split()))
            if value:
                return value
    return None


def _dateline_text_value(text: str) -> str | None:
    if not text or len(text) > DATELINE_MAX_CHARS:
        return None
    from . import article
    from ..extractors import dates, date_values
    from ..extractors.rules import Occupancy
    line = _BRACKETS.sub("", text)
    if not article.is_dateline(line) and not _labelled_date(line):
        return None
    for cand in dates.extract_candidates(line, [(0, len(line))], Occupancy()):
        value, _ = date_values.resolve(cand.values["expr"], None)
        if value and len(value) >= 10 and "/" not in value:   # a whole day, not a period
            return value
    iso = _ISO_IN_TEXT.search(line)
    if iso:
        try:
            return normalize_published(iso.group(0))
        except ValueError:
            return None
    return None


# A date after a label that says it is the article's (`Ngày đăng: 12/05/2021
# | Lượt xem: 120`, `Cập nhật: 2021-05-12 08:30`): a byline block of portals.
_DATE_LABEL = re.compile(
    r"(?i)(?:ngày\s+đăng|đăng\s+ngày|ngày\s+xuất\s+bản|xuất\s+bản|đăng\s+lúc|cập\s+nhật(?:\s+lúc)?|ngày\s+cập\s+nhật|"
    r"thời\s+gian\s+đăng|published|posted|updated)\s*:?\s*(?:lúc\s+|ngày\s+)?"
    r"(?:thứ\s+\S+\s*,?\s*|chủ\s+nhật\s*,?\s*)?(?:\d{1,2}:\d{2}\s*,?\s*)?\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}")


def _labelled_date(line: str) -> bool:
    return bool(_DATE_LABEL.search(line))


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
