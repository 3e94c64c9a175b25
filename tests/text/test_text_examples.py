"""The EXAMPLES of the article fields (reference year, province, dateline,
author, layout), each through the whole pipeline."""
import pytest

from bhxh_extract import extract
from bhxh_extract.text import article
from support import validate



@pytest.mark.parametrize("text,year", article.REFERENCE_EXAMPLES, ids=[e[0][:50] for e in article.REFERENCE_EXAMPLES])
def test_reference_year_example(text, year):
    assert extract(text, "example").reference_date == year



@pytest.mark.parametrize("text,province", article.PROVINCE_EXAMPLES, ids=[e[0][:60] for e in article.PROVINCE_EXAMPLES])
def test_province_example(text, province):
    assert extract(text, "example").province == province


ARTICLE_BODY = "Ngày 5/9, BHXH tỉnh Bắc Ninh tổ chức hội nghị với 120 người tham gia."


@pytest.mark.parametrize("line,published", article.DATELINE_EXAMPLES, ids=[e[0] for e in article.DATELINE_EXAMPLES])
def test_dateline_example(line, published):
    record = extract(f"BHXH tỉnh Bắc Ninh tổ chức hội nghị\n{line}\n{ARTICLE_BODY}", "example")
    validate(record)
    assert record.published == published


@pytest.mark.parametrize("lines,author", article.AUTHOR_EXAMPLES, ids=[e[0] for e in article.AUTHOR_EXAMPLES])
def test_author_example(lines, author):
    assert extract(f"BHXH tỉnh Bắc Ninh tổ chức hội nghị\n{ARTICLE_BODY}\n{lines}", "example").author == author


@pytest.mark.parametrize("text,title,published,author", article.LAYOUT_EXAMPLES,
                         ids=[e[0][:50] for e in article.LAYOUT_EXAMPLES])
def test_layout_example(text, title, published, author):
    record = extract(text, "example")
    assert (record.title, record.published, record.author) == (title, published, author)


def test_article_examples_meet_the_issue():
    assert len(article.DATELINE_EXAMPLES) >= 15 and len(article.AUTHOR_EXAMPLES) >= 12
    assert len(article.PROVINCE_EXAMPLES) >= 20
    assert any(p is None for _, p in article.PROVINCE_EXAMPLES) and any(p is None for _, p in article.DATELINE_EXAMPLES)
