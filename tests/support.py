"""What the examples-as-tests share: extracting an example, checking every
record against the schema, picking a mention by its text."""
import unicodedata

import pytest

from bhxh_extract import extract
from bhxh_extract.text import encodings

DOCREF_FIELDS = ("kind", "number", "symbol", "ref", "issued", "issuer")


def of_type(text, kind, published=None):
    record = extract(text, "example", published=published)
    validate(record)
    return [m for m in record.mentions if m.type == kind]


def validate(record):
    """Every record the test suite produces is checked against the schema."""
    jsonschema = pytest.importorskip("jsonschema")
    from importlib import resources
    import json
    global VALIDATOR
    if VALIDATOR is None:
        schema = json.loads(resources.files("bhxh_extract").joinpath("data/record.schema.json").read_text("utf-8"))
        VALIDATOR = jsonschema.Draft202012Validator(schema)
    VALIDATOR.validate(record.to_dict())


VALIDATOR = None


def published_of(reference):
    """Examples give their reference date; a full one acts as the dateline."""
    return reference if reference and len(reference) == 10 else None





LINK_TITLE = "Tin địa phương\n"


def mention(text, written, published="2020-04-08"):
    """The mention whose text is `written` (`text#n`: its n-th occurrence).
    The example is the body of an article under a neutral title (an
    article's first line is its title, never a lead-in or heading)."""
    written, _, nth = written.partition("#")
    found = [m for m in extract(LINK_TITLE + text, "example", published=published).mentions if m.text == written]
    assert len(found) >= int(nth or 1), f"no mention {written!r} in {text!r}"
    return found[int(nth or 1) - 1]


def evidence_of(text, written):
    return mention(text, written).evidence




def to_windows_1258(text: str) -> bytes:
    """As Windows writes Vietnamese in code page 1258: a precomposed letter
    where the code page has one, else the letter without its tone followed by
    the combining tone mark (`ả` = `a` + 0xD2)."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in decomposed if c in encodings.TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in encodings.TONE_MARKS))
        out += (base + tone).encode("cp1258")
    return bytes(out)
