"""Reading and laying out text: files and encodings (`reading`,
`encodings`), HTML pages (`webpage`), Vietnamese number and word facts
(`vietnamese`), the article's parts and fields (`article`: title, dateline,
byline, province, reference date), the places it names (`provinces`,
`districts`) and `published` in every written form (`published`)."""
from .reading import DEFAULT_MAX_BYTES, DocumentError, load_document, normalize, sha256

__all__ = ["DEFAULT_MAX_BYTES", "DocumentError", "load_document", "normalize", "sha256"]
