"""Write bhxh_extract/data/districts.csv and communes_2025.csv from the
vietnamadminunits package (1.0.4, an offline SQLite table of Vietnam's
administrative units; a test dependency, not a runtime one).

    python tools/make_gazetteer.py          # rewrite both files
    python tools/make_gazetteer.py --check  # exit 1 if they differ from what the package gives

- districts.csv: the district-level units before 1 July 2025 (huyện,
  quận, thị xã, thành phố thuộc tỉnh), with their province in our 63-unit
  naming. `former` lists units that an existing one absorbed earlier
  (`hoanhbo`: huyện Hoành Bồ, merged into Hạ Long in 2019; `quan2`, `quan9`:
  districts of Hồ Chí Minh merged into Thủ Đức in 2021). The package keeps
  them only as unaccented keys, so they are matched by the unaccented form
  of a written name.
- communes_2025.csv: the communes, wards and special zones (xã, phường,
  đặc khu) of the 34 units since 1 July 2025, when the district level was
  abolished.

tests/test_gazetteer.py runs `--check`'s comparison whenever the package is
installed, so the files cannot drift from their source.
"""
from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))   # this checkout's bhxh_extract

DATA = Path(__file__).resolve().parent.parent / "bhxh_extract" / "data"
DISTRICTS = DATA / "districts.csv"
COMMUNES_2025 = DATA / "communes_2025.csv"

# The package names the unit by its 2025 name (Thừa Thiên Huế became the
# city of Huế on 1 January 2025); our 63-unit table keeps the older name.
OUR_PROVINCE_NAME = {"Huế": "Thừa Thiên Huế"}
# Prefixes of the package's unaccented alias keys: the former unit's kind.
_ALIAS_KINDS = ("thanhpho", "thixa", "huyen", "quan", "tp", "tx")


def _query(sql: str) -> list[tuple]:
    import sqlite3
    from vietnamadminunits.database.main import MODULE_DIR
    with sqlite3.connect(MODULE_DIR / "data" / "dataset.db") as conn:
        return conn.execute(sql).fetchall()


_KIND = re.compile(r"(?i)^(huyện|quận|thị xã|thành phố|xã|phường|đặc khu) (.+)$")


def _kind_and_name(full: str) -> tuple[str, str]:
    """`Huyện Krông Nô` → (`huyện`, `Krông Nô`); `Quận 1` → (`quận`, `1`).
    The kind is read from the name itself: four wards of the package have
    a type column that contradicts their name, and one row writes `Thành Phố`."""
    kind, name = _KIND.match(full).groups()
    return kind.lower(), name


def _former_units(alias_json: str | None, own_key: str) -> list[str]:
    """Unaccented keys of the units an existing one absorbed, from the
    package's aliases: `huyenhoanhbo` → `hoanhbo`, `quan02` → `2`. An alias
    is listed with and without its kind (`huyenquanguyen`, `quanguyen`): the
    bare one is no kind + name (`quan` + `guyen`), so bare keys are kept
    out before the kind is split off."""
    aliases = json.loads(alias_json) if alias_json else []
    split = [(alias, next((k for k in _ALIAS_KINDS if alias.startswith(k)), None)) for alias in aliases]
    remainders = {alias[len(kind):] for alias, kind in split if kind}
    keys = []
    for alias, kind in split:
        if kind is None or alias in remainders:
            continue
        rest = alias[len(kind):]
        if rest.isdigit():
            rest = str(int(rest))                 # `quan02` → `2`
        if rest and rest != own_key and rest not in keys:
            keys.append(rest)
    return keys


def district_rows() -> list[dict[str, str]]:
    from bhxh_extract.text.districts import unaccented_key
    rows = _query("SELECT DISTINCT provinceShort, district, districtAlias, districtCode "
                  "FROM admin_units_legacy ORDER BY districtCode")
    out = []
    for province, full, aliases, _code in rows:
        kind, name = _kind_and_name(full)
        out.append({"province": OUR_PROVINCE_NAME.get(province, province), "kind": kind, "name": name,
                    "former": "|".join(_former_units(aliases, unaccented_key(name)))})
    return out


def commune_rows() -> list[dict[str, str]]:
    rows = _query("SELECT DISTINCT provinceShort, ward, wardCode FROM admin_units ORDER BY wardCode")
    return [dict(zip(("province_2025", "kind", "name"), (province, *_kind_and_name(full))))
            for province, full, _code in rows]


def render(rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def main(argv: list[str]) -> int:
    wanted = {DISTRICTS: render(district_rows()), COMMUNES_2025: render(commune_rows())}
    if "--check" in argv:
        stale = [p.name for p, text in wanted.items() if p.read_text(encoding="utf-8") != text]
        print("stale: " + ", ".join(stale) if stale else "up to date")
        return 1 if stale else 0
    for path, text in wanted.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path} ({text.count(chr(10)) - 1} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
