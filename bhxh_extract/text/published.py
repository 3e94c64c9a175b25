"""A publication date given by a caller — the API's `published=`, a JSONL
document's `published` field, a dataframe column, spaCy's `doc._.published`,
the `--published` option, a page's metadata — read into the record's form.

The record's `published` is ISO 8601 *local* time without a zone,
`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (the schema's `isoOrNull` pattern), as a
Vietnamese dateline shows it. Accepted:

    2020-07-12                      ISO date
    2020-07-12T08:30, 2020-07-12 08:30:15.5    ISO date-time, seconds dropped
    2020-07-12T01:30:00Z, ...+07:00, ...+0700  with a zone: converted to Vietnam's time
    12/07/2020, 12-07-2020          day first, as Vietnamese writes dates
    12/07/2020 08:30                with a time
    date, datetime, pandas Timestamp objects

Anything else is a ValueError that names the value.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import Any

# Vietnam keeps UTC+7 all year (ICT, no summer time): a time given in
# another zone is moved to the clock a Vietnamese reader saw.
VIETNAM = timezone(timedelta(hours=7))

_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
                  r"(?:[T ](?P<hh>\d{2}):(?P<mm>\d{2})(?::\d{2}(?:[.,]\d+)?)?"
                  r"\s*(?P<zone>Z|[+\-]\d{2}(?::?\d{2})?)?)?")
_DMY = re.compile(r"(?P<d>\d{1,2})(?P<sep>[/\-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})"
                  r"(?:(?:\s+|\s*[,|]\s*|\s+-\s+|T)(?P<hh>\d{1,2}):(?P<mm>\d{2})(?::\d{2})?)?")
ACCEPTED = ("ISO 8601 (2020-07-12, 2020-07-12T08:30, with or without a zone such as +07:00 or Z), "
            "DD/MM/YYYY, DD-MM-YYYY or DD/MM/YYYY HH:MM")


def normalize_published(value: Any) -> str | None:
    """`value` as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (Vietnam's local time);
    None for no value (None, "", NaN, NaT). A time of exactly midnight is
    dropped: content systems that store only a day write it as 00:00."""
    if value is None or (isinstance(value, str) and not value.strip()) or _is_missing(value):
        return None
    if isinstance(value, datetime):
        return _local(value)
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        raise ValueError(f"published {value!r} is not a date: give a string in {ACCEPTED}, or a date/datetime")
    text = value.strip()
    match = _ISO.fullmatch(text) or _DMY.fullmatch(text)
    if match is None:
        raise ValueError(f"published {value!r} is not a date in any accepted form: {ACCEPTED}")
    parts = match.groupdict()
    try:
        when = datetime(int(parts["y"]), int(parts["m"]), int(parts["d"]),
                        int(parts["hh"] or 0), int(parts["mm"] or 0))
    except ValueError as err:   # 31/02/2020, 25:00
        raise ValueError(f"published {value!r} is not a calendar date ({err})") from None
    zone = parts.get("zone")
    if zone:
        when = when.replace(tzinfo=_zone(zone))
    return _local(when) if parts["hh"] is not None else when.date().isoformat()


def _zone(text: str) -> timezone:
    if text == "Z":
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)))


def _local(when: datetime) -> str:
    if when.tzinfo is not None:
        when = when.astimezone(VIETNAM).replace(tzinfo=None)
    if when.hour == 0 and when.minute == 0:
        return when.date().isoformat()
    return when.strftime("%Y-%m-%dT%H:%M")


def _is_missing(value: Any) -> bool:
    """NaN and pandas' NaT / NA, without importing pandas."""
    try:
        return bool(value != value)   # NaN, NaT
    except (TypeError, ValueError):   # pandas.NA refuses to be a bool
        return type(value).__name__ == "NAType"
