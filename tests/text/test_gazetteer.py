"""The district and commune tables (bhxh_extract/data/districts.csv,
communes_2025.csv): generated from vietnamadminunits by
tools/make_gazetteer.py and checked here against our province tables and,
when the package is installed (the test extra), against the package itself."""
import importlib.util
from collections import Counter
from pathlib import Path

import pytest

from bhxh_extract.text import districts
from bhxh_extract.text.provinces import all_provinces, all_provinces_2025, find_provinces

ROOT = Path(__file__).resolve().parents[2]


def test_every_district_lies_in_one_of_our_63_provinces():
    ours = {p.name for p in all_provinces()}
    rows = districts.district_rows()
    assert len(rows) == 696   # district-level units on 30 June 2025
    assert {row["province"] for row in rows} == ours   # and every province has some
    assert {row["kind"] for row in rows} == {"huyện", "quận", "thị xã", "thành phố"}


def test_every_commune_lies_in_one_of_the_34_units():
    rows = districts.commune_rows_2025()
    assert len(rows) == 3321   # communes, wards and special zones from 1 July 2025
    assert {row["province_2025"] for row in rows} == set(all_provinces_2025())
    assert {row["kind"] for row in rows} == {"xã", "phường", "đặc khu"}


def test_a_unique_name_gives_its_province_and_a_shared_one_gives_several():
    counts = Counter(districts.name_key(row["name"]) for row in districts.district_rows())
    for row in districts.district_rows():
        found = districts.district_provinces(row["name"])
        assert row["province"] in found, row
        if counts[districts.name_key(row["name"])] == 1 and not row["former"]:
            # unique unless a unit absorbed elsewhere had the same unaccented name
            assert len(found) == 1 or districts.unaccented_key(row["name"]) in {
                f for r in districts.district_rows() for f in r["former"].split("|")}, row


@pytest.mark.parametrize("text", [
    "BHXH huyện Châu Thành",      # ten provinces
    "huyện Tân Phú",              # Hồ Chí Minh (quận) and Đồng Nai
    "huyện Kỳ Sơn",               # Nghệ An; Hòa Bình's until 2019
    "huyện Phú Tân",              # An Giang and Cà Mau
    "huyện Hòa Bình",             # Bạc Liêu, and the city of Hòa Bình
])
def test_a_shared_name_gives_nothing(text):
    assert districts.find_districts(text) == []


@pytest.mark.parametrize("text,name,province", [
    ("UBND huyện Krông Nô tổ chức", "Krông Nô", "Đắk Nông"),
    ("thị xã Gia Nghĩa (nay là thành phố)", "Gia Nghĩa", "Đắk Nông"),
    ("BHXH Gia Nghĩa cho biết", "Gia Nghĩa", "Đắk Nông"),
    ("huyện Đăk Glong", "Đăk Glong", "Đắk Nông"),
    ("huyện Đắk Glong", "Đắk Glong", "Đắk Nông"),
    ("huyện Đắk R’lấp", "Đắk R’lấp", "Đắk Nông"),
    ("BHXH quận 2 (cũ)", "2", "Hồ Chí Minh"),
    ("huyện Hoành Bồ", "Hoành Bồ", "Quảng Ninh"),
    ("huyện Quảng Ninh", "Quảng Ninh", "Quảng Bình"),
    ("TP. Buôn Ma Thuột", "Buôn Ma Thuột", "Đắk Lắk"),
    ("Huyện Ea H'leo và", "Ea H'leo", "Đắk Lắk"),
    ("huyện Mộc Châu Đăng cai", "Mộc Châu", "Sơn La"),   # the name cut to its known syllables
])
def test_find_districts(text, name, province):
    [found] = districts.find_districts(text)
    assert (found.text, found.province) == (name, province)
    assert text[found.start:found.end] == found.text


def test_a_district_named_like_a_province_is_not_that_province():
    assert [m.name for m in find_provinces("huyện Quảng Ninh, tỉnh Quảng Bình")] == ["Quảng Bình"]
    assert [m.name for m in find_provinces("BHXH huyện Hòa Bình")] == []
    assert [m.name for m in find_provinces("thành phố Hòa Bình")] == ["Hòa Bình"]


def test_communes_2025():
    [found] = districts.find_communes_2025("UBND xã Quảng Khê tổ chức")
    assert (found.text, found.province) == ("Quảng Khê", "Lâm Đồng")
    assert districts.find_communes_2025("xã Tân Lập") == []   # dozens of provinces


def test_the_files_are_what_the_package_gives():
    pytest.importorskip("vietnamadminunits")
    spec = importlib.util.spec_from_file_location("make_gazetteer", ROOT / "tools" / "make_gazetteer.py")
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    assert (ROOT / "bhxh_extract/data/districts.csv").read_text("utf-8") == make.render(make.district_rows())
    assert (ROOT / "bhxh_extract/data/communes_2025.csv").read_text("utf-8") == make.render(make.commune_rows())
