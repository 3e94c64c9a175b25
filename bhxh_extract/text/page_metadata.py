"""What a page says about its article in metadata: the publication date
(article:published_time, JSON-LD, itemprop, Dublin Core; never another
article's in a list or chrome), the site's names, a usable title, and the
value of a visible dateline."""
from __future__ import annotations

import json
import re
from typing import Any, Iterator

from .page_blocks import BLOCK_TAGS, Block, is_chrome
from .published import normalize_published

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
DATELINE_MAX_CHARS = 120



# --- metadata -------------------------------------------------------------------------
def metadata_published(tree, notes: list[str]) -> tuple[str | None, str | None]:
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
    return any(a.tag in ("li", "dd") or is_chrome(a) for a in element.iterancestors() if isinstance(a.tag, str))


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


def trafilatura_date(value: Any, notes: list[str]) -> str | None:
    try:
        return normalize_published(value)
    except ValueError as err:
        notes.append(f"the date trafilatura found, {err}; ignored")
        return None


def names_of_site(tree, found: dict) -> set[str]:
    """Names the page gives its site: og:site_name, application-name,
    trafilatura's sitename, the part of <title> shared with them."""
    names = {found.get("sitename") or ""}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or "").lower()
        if key in ("og:site_name", "application-name", "apple-mobile-web-app-title", "twitter:site"):
            names.add(element.get("content") or "")
    return {site_key(n) for n in names if n and n.strip()}


def usable_title(title: str | None, site_names: set[str]) -> str | None:
    """A page title (trafilatura's, <title>'s) without the site's name, or
    None when it is only the site's name."""
    if not title or not title.strip():
        return None
    parts = [p for p in TITLE_SEPARATORS.split(title.strip()) if p.strip()]
    kept = [p for p in parts if site_key(p) not in site_names and not SITE_TITLE.match(p)]
    if not kept:
        return None
    return " - ".join(kept) if len(kept) < len(parts) else title.strip()


def site_key(text: str) -> str:
    import unicodedata
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())




_BRACKETS = re.compile(r"^[\s(\[]+|[\s)\]]+$")
_ISO_IN_TEXT = re.compile(r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?")


def dateline_value(block: Block) -> str | None:
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
    from ..extractors import date_values, dates
    from ..extractors.rules import Occupancy
    from . import article
    line = _BRACKETS.sub("", text)
    if not article.is_dateline(line) and not _labelled_date(line):
        return None
    for cand in dates.extract_candidates(line, [(0, len(line))], Occupancy()):
        value, _ = date_values.resolve(cand.parsed, None)
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


