import json
import sys
from importlib import resources
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# The tests are in folders that mirror the package (text/, extractors/,
# link/, evaluate/, batch/); what they share (this module, floors, support)
# is imported from here by name.
sys.path.insert(0, str(Path(__file__).resolve().parent))
CORPUS = ROOT / "corpus"
GOLD = ROOT / "gold"


@pytest.fixture(scope="session")
def schema_validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(resources.files("bhxh_extract").joinpath("data/record.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="session")
def corpus_records():
    """Every corpus article extracted once for the whole session."""
    from bhxh_extract import extract_file
    return {p.stem: extract_file(p) for p in sorted(CORPUS.glob("*.txt"))}
