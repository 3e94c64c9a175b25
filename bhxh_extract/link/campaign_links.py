"""A campaign's date, plans and facts (guide section 4, settled cases of
section 5), read through the document structure; every link carries its
evidence for `--explain`.

Date: a date attached to a mention of the campaign (`Lễ ra quân ... ngày
11/7`, `Tháng vận động ... (từ 1/8 đến 15/9)`): for a drive its written
period wins over a launch day (NOTES H17); else the date opening the
sentence that reports it (`Sáng 14/5, ... tổ chức Lễ ra quân`); else the
year framing its paragraph (C5). Never the dateline's date, nor the date of
a clause about another event (a `Hội nghị` reviewing it, a cited document's
issue date).

Facts: the counts, percents and money about a campaign's turnout, scale,
results or targets (guide 4):
- figures of a sentence naming it: when a sentence names several campaigns,
  the one named nearest before the figure (`Mục tiêu của Tháng vận động là
  ... 1.500 người`);
- figures of a sentence that continues such a sentence (`Trong đó`, `Theo
  đó`, `Kết quả`, `Cụ thể`: the structure's continuation links);
- figures of a sentence using a campaign verb (`ra quân`, `phát động`,
  `hưởng ứng`, `ủng hộ`, `quyên góp`): the ceremony for `ngày ra quân`, else
  the article's drive;
- in an article about one drive (its title or lead names it), the body's
  figures after its first mention, unless a sentence turns to another report
  (`Cũng theo ...`);
never figures describing the situation before it (a date in the figure's
sentence earlier than the campaign's start: `Tính đến ngày 30/4, ...` before
a launch in May), figures inside a campaign's name, or a count of the
campaigns themselves.
"""
from __future__ import annotations

from ..extractors.campaigns import Found
from ..records import Campaign, Mention
from ..extractors.rules import compile_pattern
from .campaign_dates import date_of, in_span, share_coordinated_dates
from .campaign_facts import facts_of
from .structure import Document

# `theo quy trình tại Quyết định 595/...`: a rule the work follows, not a plan.
LEGAL_BASIS = compile_pattern(r"(?:quy trình|quy định|hướng dẫn)\s+tại\s*$")
# The kinds of document a campaign is held under.
PLAN_KINDS = {"Kế hoạch", "Kế hoạch liên tịch", "Chương trình", "Chương trình liên tịch", "Phương án",
              "Công văn", "Quyết định", "Hướng dẫn", "Công điện", "Thông báo", "Đề án"}
_JOINED = compile_pattern(r"\s*(?:,|và)\s*")


def link(found: list[Found], mentions: list[Mention], doc: Document, layout) -> list[Campaign]:
    dates = [m for m in mentions if m.type == "date" and not in_span(layout.dateline, m.start)]
    docs = [m for m in mentions if m.type == "doc_ref"]
    amounts = [m for m in mentions if m.type in ("count", "percent", "money")]
    campaign_dates = [date_of(f, dates, docs, doc, found) for f in found]
    share_coordinated_dates(found, campaign_dates, doc.text)
    plans = _plans(found, docs, doc)
    facts, reasons = facts_of(found, amounts, dates, docs, campaign_dates, doc, layout)
    return [Campaign(f.name, f.start, f.end, f.kind, campaign_dates[i][0] if campaign_dates[i] else None,
                     tuple(plans[i]), tuple(facts[i]), rule=f.rule,
                     evidence=_evidence(f, campaign_dates[i], plans[i], reasons[i], doc.text))
            for i, f in enumerate(found)]


def _evidence(f: Found, when, plans, fact_reasons, text: str) -> tuple[str, ...]:
    """For --explain: the mentions found, and why each link was made."""
    out = [f"mentioned as {text[s:e]!r}" for s, e in f.mentions[:6]]
    if not f.top_level:
        out.append("nested in another campaign's name: no plans, facts or sentence date of its own")
    if when:
        out.append(f"date {when[0]} ({when[1]})")
    out += [f"plan {ref}: a plan-type document in a sentence naming it" for ref in plans]
    out += fact_reasons
    return tuple(out)


# --- plans --------------------------------------------------------------------------
def _plans(found: list[Found], docs, doc: Document) -> list[list[str]]:
    """A plan-type document goes to the campaign its sentence names after it
    (`Kế hoạch ... về việc tổ chức Lễ ra quân`), else to the top-level
    campaigns its sentence named before it (`Lễ ra quân ... theo Kế hoạch ...`)."""
    text = doc.text
    plans: list[list[str]] = [[] for _ in found]
    mentions = sorted((s, e, i) for i, f in enumerate(found) for s, e in f.own_mentions)
    for ref in docs:
        if ref.get("kind") not in PLAN_KINDS or LEGAL_BASIS.search(text, max(0, ref.start - 20), ref.start):
            continue
        s, e = doc.sentence_of(ref.start)
        after = [(ms, me, i) for ms, me, i in mentions if ref.end <= ms < e and found[i].top_level]
        before = {i for ms, _, i in mentions if s <= ms < ref.start and found[i].top_level}
        for i in (_first_and_coordinated(after, text) if after else sorted(before)):
            if ref.get("ref") not in plans[i]:
                plans[i].append(ref.get("ref"))
    return plans


def _first_and_coordinated(after, text: str) -> list[int]:
    chosen = [after[0][2]]
    for (_, prev_end, _), (start, _, i) in zip(after, after[1:]):
        if not _JOINED.fullmatch(text, prev_end, start):
            break
        chosen.append(i)
    return chosen


