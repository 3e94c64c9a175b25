"""Properties of every record (issue 8), over random Vietnamese-like text and
random bytes (hypothesis): extraction never raises; every mention's offsets
give its text on the normalised text; mentions of one type never overlap;
every record validates against the schema and is valid JSON; the same
input (and its NFD form) always gives the same record."""
import json
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bhxh_extract import DocumentError, extract
from bhxh_extract.text.reading import decode_document, normalize

SETTINGS = settings(max_examples=200, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
MORE = settings(SETTINGS, max_examples=500)

SYLLABLES = ("bảo hiểm xã hội y tế thất nghiệp tự nguyện bắt buộc người dân lao động tham gia "
             "tỉnh huyện thành phố cán bộ viên chức đơn vị doanh nghiệp hộ gia đình học sinh "
             "tuyên truyền vận động phát triển đạt tăng giảm so với cùng kỳ kế hoạch chỉ tiêu "
             "tỷ lệ bao phủ hơn gần khoảng trên dưới đến từ của và các những được đã sẽ có là "
             "Lễ ra quân Tháng vận động phong trào thi đua Hội nghị Quyết định Nghị quyết Kế hoạch "
             "Chỉ thị Công văn Thông tư Nghị định Bộ Chính trị Trà Vinh Hà Nội Đắk Lắk Việt Nam "
             "thẻ sổ pano áp phích bàn ghế giường bệnh xe máy nghìn ngàn triệu tỷ tỉ đồng ngày tháng năm số "
             "quý giai đoạn hai ba mươi lăm trăm mốt tư BHXH BHYT BHTN HSSV NLĐ UBND HĐND TP.HCM").split()
# Whole phrases, so that rules for document references, counts, money and
# campaigns fire (single syllables rarely line up into them).
PHRASES = ["Kế hoạch số", "Nghị quyết số", "Quyết định số", "Công văn số", "theo Kế hoạch", "ngày",
           "người tham gia BHXH tự nguyện", "người", "tỷ đồng", "triệu đồng", "nghìn đồng", "đạt", "% kế hoạch",
           "Lễ ra quân", "Tháng vận động", "hưởng ứng Ngày BHYT Việt Nam", "phong trào thi đua",
           "tỷ lệ bao phủ BHYT", "tăng", "so với cùng kỳ", "khoảng", "hơn", "gần", "của BHXH Việt Nam",
           "ban hành", "thẻ BHYT", "đơn vị", "lao động", "học sinh", "hộ gia đình"]
PUNCTUATION = [", ", ". ", "; ", ": ", " (", ") ", "“", "”", "\"", " - ", "–", "/", "%", "\n", "\n\n",
               "…", "!", "?", "+", "...", "*", "•"]


def _number() -> st.SearchStrategy[str]:
    small = st.integers(0, 9999).map(str)
    grouped = st.integers(1000, 10**13).map(lambda n: f"{n:,}".replace(",", "."))
    decimal = st.tuples(st.integers(0, 999), st.integers(0, 99)).map(lambda p: f"{p[0]},{p[1]}")
    date = st.tuples(st.integers(0, 40), st.integers(0, 14), st.integers(1990, 2040),
                     st.sampled_from(["{}/{}/{}", "{}-{}-{}", "{}.{}.{}", "ngày {} tháng {} năm {}"])).map(
        lambda d: d[3].format(*d[:3]))
    partial = st.tuples(st.integers(1, 31), st.integers(1, 12)).map(lambda d: f"{d[0]}/{d[1]}")
    doc_ref = st.tuples(st.integers(1, 9999), st.integers(2000, 2030), st.sampled_from(
        ["NĐ-CP", "KH-BHXH", "QĐ-UBND", "NQ/TW", "KHLT-BHXH-BĐVN", "TT-BLĐTBXH", "CT-TTg"])).map(
        lambda r: f"{r[0]}/{r[1]}/{r[2]}")
    quarter = st.tuples(st.sampled_from(["I", "II", "III", "IV"]), st.integers(2015, 2030)).map(
        lambda q: f"quý {q[0]}/{q[1]}")
    return st.one_of(small, grouped, decimal, date, partial, doc_ref, quarter,
                     st.sampled_from(["1.1.1.1", "1/1/1/1", "1,1,1", "11-12/7", "20- 30%", "9/9", "2016-2020"]))


# A number with the words that make it a mention of each type.
MENTION_LIKE = st.tuples(
    st.sampled_from(["Kế hoạch số {}", "Nghị quyết số {}", "Quyết định {}", "{} người", "{} tỷ đồng", "{}%",
                     "ngày {}", "đạt {}% kế hoạch", "{} cán bộ", "{} bàn ghế", "hơn {} lao động"]),
    _number()).map(lambda p: p[0].format(p[1]))
TOKEN = st.one_of(st.sampled_from(SYLLABLES), st.sampled_from(SYLLABLES).map(str.upper),
                  st.sampled_from(PHRASES), _number(), MENTION_LIKE, MENTION_LIKE, st.sampled_from(PUNCTUATION))
VIETNAMESE_LIKE = st.lists(TOKEN, min_size=8, max_size=120).flatmap(
    lambda tokens: st.lists(st.sampled_from([" ", " ", " ", "", "  ", "\n"]), min_size=len(tokens),
                            max_size=len(tokens)).map(lambda seps: "".join(t + s for t, s in zip(tokens, seps))))


def check_record(text: str, schema_validator) -> None:
    record = extract(text, "prop")
    normalised = normalize(text)
    for m in record.mentions:
        assert normalised[m.start:m.end] == m.text, m
    by_type: dict[str, list] = {}
    for m in record.mentions:
        by_type.setdefault(m.type, []).append(m)
    for mentions in by_type.values():
        mentions.sort(key=lambda m: m.start)
        for a, b in zip(mentions, mentions[1:]):
            assert b.start >= a.end, (a, b)
    data = record.to_dict()
    schema_validator.validate(data)
    json.dumps(data, allow_nan=False)
    assert extract(text, "prop").to_dict(explain=True) == record.to_dict(explain=True)
    assert extract(unicodedata.normalize("NFD", text), "prop").to_dict(explain=True) == record.to_dict(explain=True)


@MORE
@given(VIETNAMESE_LIKE)
def test_vietnamese_like_text(schema_validator, text):
    check_record(text, schema_validator)


@SETTINGS
@given(st.text(max_size=300))
def test_any_unicode_text(schema_validator, text):
    check_record(text, schema_validator)


@SETTINGS
@given(st.binary(max_size=400))
def test_random_bytes_are_text_or_a_document_error(schema_validator, data):
    try:
        decoded = decode_document(data, "bytes")
    except DocumentError as err:
        assert err.doc == "bytes" and err.reason
        return
    assert decoded.text == normalize(decoded.text) and decoded.text.strip()
    check_record(decoded.text, schema_validator)


@SETTINGS
@given(VIETNAMESE_LIKE, st.lists(st.tuples(st.integers(0, 10**6), st.binary(min_size=1, max_size=3)), max_size=4))
def test_text_with_corrupted_bytes(schema_validator, text, corruptions):
    data = bytearray(text.encode("utf-8"))
    for position, junk in corruptions:
        data[position % (len(data) + 1):position % (len(data) + 1)] = junk
    try:
        decoded = decode_document(bytes(data), "bytes")
    except DocumentError as err:
        assert err.reason
        return
    check_record(decoded.text, schema_validator)
