import unicodedata

import pytest

from bhxh_extract.text.provinces import (
    ProvinceMatch,
    _provinces_2025_rows,
    all_provinces,
    all_provinces_2025,
    canonical_province,
    find_provinces,
    province_2025,
)


# --- The tables ------------------------------------------------------------------

def test_63_units_before_and_34_after_the_2025_merger():
    provinces = all_provinces()
    assert len(provinces) == 63 == len({p.name for p in provinces})
    assert len(all_provinces_2025()) == 34 == len(set(all_provinces_2025()))
    assert {p.kind for p in provinces} == {"tinh", "thanh_pho"}
    assert {p.name for p in provinces if p.kind == "thanh_pho"} == {
        "Hà Nội", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}


def test_every_name_2025_is_one_of_the_34_and_each_of_the_34_is_used():
    assert {p.name_2025 for p in all_provinces()} == set(all_provinces_2025())


def test_names_are_nfc():
    for p in all_provinces():
        for form in (p.name, *p.aliases):
            assert unicodedata.is_normalized("NFC", form), form


def test_every_alias_resolves_to_its_own_unit_and_none_is_shared():
    seen = {}
    for p in all_provinces():
        for form in (p.name, *p.aliases):
            assert canonical_province(form) == p.name, form
            assert province_2025(form) == p.name_2025, form
            assert seen.setdefault(form.casefold(), p.name) == p.name, form


def test_both_tone_mark_placements_are_listed():
    old_to_new = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa"}
    for p in all_provinces():
        forms = {p.name, *p.aliases}
        for form in forms:
            for old, new in old_to_new.items():
                if old in form or new in form:
                    assert {form.replace(old, new), form.replace(new, old)} <= forms, form


# --- Looking names up --------------------------------------------------------------

@pytest.mark.parametrize("written, name", [
    ("TP.HCM", "Hồ Chí Minh"), ("TPHCM", "Hồ Chí Minh"), ("tp. hồ chí minh", "Hồ Chí Minh"),
    ("Thành phố Hồ Chí Minh", "Hồ Chí Minh"), ("TP.Hồ Chí Minh", "Hồ Chí Minh"),
    ("tỉnh Vĩnh Phúc", "Vĩnh Phúc"), ("TỈNH TRÀ VINH", "Trà Vinh"),
    ("Huế", "Thừa Thiên Huế"), ("thành phố Huế", "Thừa Thiên Huế"), ("TT-Huế", "Thừa Thiên Huế"),
    ("Hoà Bình", "Hòa Bình"), ("Thanh Hoá", "Thanh Hóa"), ("khánh hoà", "Khánh Hòa"),
    (unicodedata.normalize("NFD", "Đắk Lắk"), "Đắk Lắk"), ("Daklak", "Đắk Lắk"),
    ("Bà Rịa – Vũng Tàu", "Bà Rịa - Vũng Tàu"), ("BR-VT", "Bà Rịa - Vũng Tàu"),
    ("Bắc Cạn", "Bắc Kạn"),
])
def test_canonical_province(written, name):
    assert canonical_province(written) == name


@pytest.mark.parametrize("written", ["Hà Nami", "Sài Gòn Mới", "Việt Nam", "", "tỉnh"])
def test_canonical_province_unknown(written):
    assert canonical_province(written) is None


@pytest.mark.parametrize("written, unit_2025", [
    ("TP.HCM", "Hồ Chí Minh"), ("Vĩnh Phúc", "Phú Thọ"), ("Hòa Bình", "Phú Thọ"),
    ("Trà Vinh", "Vĩnh Long"), ("Bến Tre", "Vĩnh Long"), ("Thái Bình", "Hưng Yên"),
    ("Sóc Trăng", "Cần Thơ"), ("Hậu Giang", "Cần Thơ"), ("Bình Dương", "Hồ Chí Minh"),
    ("Bà Rịa - Vũng Tàu", "Hồ Chí Minh"), ("Kiên Giang", "An Giang"),
    ("Thừa Thiên Huế", "Huế"), ("Huế", "Huế"), ("Hà Nội", "Hà Nội"), ("Phú Thọ", "Phú Thọ"),
    ("xyz", None),
])
def test_province_2025(written, unit_2025):
    assert province_2025(written) == unit_2025


def test_every_post_merger_name_and_alias_maps_to_itself():
    for name, _, aliases in _provinces_2025_rows():
        for form in (name, *aliases):
            assert province_2025(form) == name, form


# --- Finding names in text -------------------------------------------------------------

def _find(text):
    found = find_provinces(text)
    for m in found:
        assert text[m.start:m.end] == m.text
    return found


def test_find_with_agency_cue():
    text = "Giám đốc BHXH tỉnh Vĩnh Phúc cho biết"
    assert _find(text) == [ProvinceMatch(19, 28, "Vĩnh Phúc", "Vĩnh Phúc", "bhxh tỉnh")]


@pytest.mark.parametrize("text, name, cue", [
    ("Giám đốc Bảo hiểm xã hội (BHXH) TP Cần Thơ cho biết", "Cần Thơ", "bảo hiểm xã hội (bhxh) tp"),
    ("Giám đốc Bảo hiểm xã hội (BHXH) TPHCM cho biết", "TPHCM", "bảo hiểm xã hội (bhxh)"),
    # a misspelt agency name: its acronym gloss still names the agency
    ("Giám đốc Bảo hiểm xh (BHXH) tỉnh Nghệ An cho biết", "Nghệ An", "(bhxh) tỉnh"),
    ("Chủ tịch Ủy ban nhân dân (UBND) tỉnh Lào Cai", "Lào Cai", "ủy ban nhân dân (ubnd) tỉnh"),
])
def test_find_after_parenthesised_agency(text, name, cue):
    [found] = _find(text)
    assert (found.text, found.cue) == (name, cue)


def test_find_unit_cue_and_longest_name():
    text = "các tỉnh Quảng Trị, tỉnh Thừa Thiên Huế."
    assert _find(text) == [
        ProvinceMatch(9, 18, "Quảng Trị", "Quảng Trị", "tỉnh"),
        ProvinceMatch(25, 39, "Thừa Thiên Huế", "Thừa Thiên Huế", "tỉnh"),
    ]


@pytest.mark.parametrize("text, cue, name", [
    ("Công an TPHCM khởi tố", "công an", "TPHCM"),
    ("Cục Hải quan Nghệ An", "cục hải quan", "Nghệ An"),
    ("UBND tỉnh Hưng Yên", "ubnd tỉnh", "Hưng Yên"),
    ("Bảo hiểm xã hội tỉnh Trà Vinh", "bảo hiểm xã hội tỉnh", "Trà Vinh"),
    ("tại TP. Hồ Chí Minh", "tp", "Hồ Chí Minh"),
    ("TP.Cần Thơ", "tp", "Cần Thơ"),
    ("Thành phố Hà Nội", "thành phố", "Hà Nội"),
    ("người dân TPHCM", None, "TPHCM"),
    ("tỉnh Hoà Bình", "tỉnh", "Hoà Bình"),
    ("BHXH Bà Rịa – Vũng Tàu", "bhxh", "Bà Rịa – Vũng Tàu"),
])
def test_find_cues(text, cue, name):
    [match] = _find(text)
    assert (match.cue, match.text) == (cue, name)


@pytest.mark.parametrize("text", [
    "vì hòa bình và hữu nghị",  # "peace", not the province
    "Hòa bình là khát vọng",  # sentence-initial capital only
    "bà Hà Nami",  # the name must not sit inside a longer word
    "anh Long Anh",
    "tư tưởng, đạo đức, phong cách Hồ Chí Minh",  # the President
    "lời dạy của Chủ tịch Hồ Chí Minh",
    "Hiệp định xuyên Thái Bình Dương",  # the Pacific, not Thái Bình or Bình Dương
    "số 10 Điện Biên Phủ",  # a street
])
def test_find_non_examples(text):
    assert _find(text) == []


def test_find_lists_every_mention_in_order():
    text = "như: Sơn La, Hưng Yên, Cà Mau, Hà Nam, Điện Biên."
    assert [m.name for m in _find(text)] == ["Sơn La", "Hưng Yên", "Cà Mau", "Hà Nam", "Điện Biên"]


# --- Cross-check with the vietnamadminunits package -----------------------------------

def _without_prefix(official: str) -> str:
    # The package writes the full official names: "Tỉnh Vĩnh Phúc", "Thành phố Hà Nội".
    for prefix in ("Thành phố ", "Tỉnh "):
        if official.startswith(prefix):
            return official[len(prefix):]
    return official


# The one real disagreement: Thừa Thiên Huế province became the centrally-run
# city of Huế on 1 January 2025 (resolution 1314/NQ-UBTVQH15), and the
# package's 63-unit list already shows the renamed unit.  Our 63-unit table
# keeps the name used before 2025 (what the corpus articles write).
PACKAGE_NAME_OF = {"Thừa Thiên Huế": "Huế"}


def test_agrees_with_vietnamadminunits():
    pytest.importorskip("vietnamadminunits")
    from vietnamadminunits import convert_address
    from vietnamadminunits.database import get_data

    def package_names(table):
        return {_without_prefix(row["province"]) for row in get_data("province", table)}

    ours = {p.name: p for p in all_provinces()}
    assert package_names("admin_units_legacy") == {PACKAGE_NAME_OF.get(n, n) for n in ours}
    assert package_names("admin_units") == set(all_provinces_2025())
    for name, p in ours.items():
        prefix = "Thành phố" if p.kind == "thanh_pho" else "Tỉnh"
        converted = convert_address(f"{prefix} {PACKAGE_NAME_OF.get(name, name)}")
        assert _without_prefix(converted.province) == p.name_2025, name
    # kinds: the package's prefix is the unit's kind
    def package_cities(table):
        return {_without_prefix(row["province"]) for row in get_data("province", table)
                if row["province"].startswith("Thành phố")}

    assert package_cities("admin_units_legacy") == {
        PACKAGE_NAME_OF.get(n, n) for n, p in ours.items() if p.kind == "thanh_pho"} | {"Huế"}
    assert package_cities("admin_units") == {
        name for name, kind, _ in _provinces_2025_rows() if kind == "thanh_pho"}
