"""A page as text blocks in reading order (paragraphs, cells, headings, list
items), each knowing how much of its text is link text and whether it sits
in site chrome (menus, sidebars, footers, lists of other articles)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

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
# A headline by the words of its class, id or itemprop (`p.Title`,
# `h1.article-title`, `div.tieude`, `itemprop=headline`) ...
HEADLINE_WORDS = {"title", "headline", "tieude", "tieu", "heading"}
# ... unless another word says it is some other title (a site's, a box's,
# a list's, a sapo shown as a subtitle).
NOT_HEADLINE_WORDS = {"site", "page", "logo", "brand", "sub", "subtitle", "other", "box", "cate", "category",
                      "folder", "widget", "related", "hit", "link", "linkweb", "nav", "footer", "s4",
                      "sapo", "lead", "block", "section", "list", "item", "search", "ms"}



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



# --- the page as blocks --------------------------------------------------------------
_HIDDEN_STYLE = re.compile(r"(?i)(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b")


def drop_invisible(tree) -> None:
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


def is_chrome(element) -> bool:
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
        if is_chrome(element):
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
        if is_chrome(element):
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


