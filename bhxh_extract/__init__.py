"""bhxh_extract: structured records from Vietnamese news about social insurance.

    >>> from bhxh_extract import extract
    >>> record = extract("Ngày 11/7/2020, BHXH tỉnh vận động được 925 người tham gia BHXH tự nguyện.")
    >>> [(m.type, m.text) for m in record.mentions]
    [('date', '11/7/2020'), ('count', '925 người')]
"""
from .pipeline import extract, extract_file
from .records import Campaign, Mention, Record
from .text import DocumentError

__all__ = ["extract", "extract_file", "Record", "Mention", "Campaign", "DocumentError"]
__version__ = "0.1.0"
