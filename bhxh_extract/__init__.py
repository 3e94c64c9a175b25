"""bhxh_extract: structured records from Vietnamese news about social insurance.

    >>> from bhxh_extract import extract
    >>> record = extract("Ngày 11/7/2020, BHXH tỉnh vận động được 925 người tham gia BHXH tự nguyện.")
    >>> [(m.type, m.text) for m in record.mentions]
    [('date', '11/7/2020'), ('count', '925 người')]
"""
from .pipeline import extract, extract_file
from .records import Campaign, Failure, Mention, Record
from .text.reading import DocumentError

__all__ = ["extract", "extract_file", "Record", "Failure", "Mention", "Campaign", "DocumentError"]
__version__ = "0.1.0"

# Tables of records need pandas: imported only when one of these is used.
_FRAMES_EXPORTS = ("to_frames", "read_records", "extract_frame", "Frames")
_INDICATOR_EXPORTS = ("indicators", "figures")


def __getattr__(name: str):
    if name in _FRAMES_EXPORTS:
        from . import frames
        return getattr(frames, name)
    if name in _INDICATOR_EXPORTS:
        import importlib
        return getattr(importlib.import_module(".indicator_table", __name__), name)
    raise AttributeError(f"module 'bhxh_extract' has no attribute {name!r}")
