"""The lexicons find their words with an Aho-Corasick automaton over the
whole text; every range they are asked about must give exactly what the
lexicon's pattern gives on that range (the contract), whatever the case,
the spaces between words or where the range is cut."""
import random
from importlib import resources

import pytest
from hypothesis import given, settings, strategies as st

from bhxh_extract import lexicon
from bhxh_extract.text.reading import read_document
from conftest import CORPUS

NAMES = sorted(p.name[:-4] for p in resources.files("bhxh_extract.lexicon").iterdir() if p.name.endswith(".tsv"))
TEXTS = [read_document(p) for p in sorted(CORPUS.glob("*.txt"))[:8]]


def _hits(found):
    return [(h.start, h.end, h.phrase, h.meaning) for h in found]


@pytest.mark.parametrize("name", NAMES)
def test_every_range_of_corpus_text_finds_what_the_pattern_finds(name):
    lex = lexicon.load(name)
    rng = random.Random(name)
    for text in TEXTS:
        ranges = [(0, len(text))] + [tuple(sorted(rng.sample(range(len(text) + 1), 2))) for _ in range(60)]
        for start, end in ranges:
            assert _hits(lex.finditer(text, start, end)) == _hits(lex._search(text, start, end)), (start, end)


WORDS = [e.phrase for name in NAMES for e in lexicon.load(name).entries][:400]
pieces = st.one_of(st.sampled_from(WORDS), st.sampled_from(["  ", "\n", " ", ", ", "x", "đ", "1", "Ă", "İ"]))


@settings(max_examples=300, deadline=None)
@given(st.lists(pieces, max_size=30), st.sampled_from(NAMES), st.data())
def test_random_text_of_lexicon_words(parts, name, data):
    text = "".join(p.upper() if i % 3 == 0 else p for i, p in enumerate(parts))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    lex = lexicon.load(name)
    assert _hits(lex.finditer(text, start, end)) == _hits(lex._search(text, start, end))
