"""Which encoding a document's bytes are in, and what cannot be read at all.

`text.decode_document` asks three questions here:

* `binary_kind(data)`: is it a PDF, an image, an archive rather than text?
* `single_byte_reading(data)`: bytes that are not UTF-8, read as Windows-1258
  when that gives Vietnamese, else as charset-normalizer guesses.
* `legacy_encoding(view, reference)`: is it Vietnamese typed in a legacy
  font encoding (TCVN3/ABC or VNI) that no Python codec reads?

and `repair_mojibake(text)` undoes UTF-8 that was read as Windows-1252 (ftfy).

Every answer is judged by the same yardstick, `vietnamese_syllables`: how
many words of a reading are well-formed Vietnamese syllables with
diacritics. The right reading of a Vietnamese article gives hundreds; a
wrong one gives few, because a wrong byte-to-letter mapping breaks the strict
shape of a syllable (onset, vowel cluster, final consonant, one tone mark).
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache

import regex

# --- Vietnamese syllables --------------------------------------------------------------
# The five tone marks (huyền, sắc, ngã, hỏi, nặng) as combining characters;
# the circumflex, breve and horn are part of the vowel letter, not tones.
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_ONSET = r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?"
# Vowel clusters that may take a final consonant, and those that end the
# syllable themselves (their last letter is a glide: `ai`, `ươi`, `iêu`).
_OPEN_VOWELS = "uyê iê yê uô ươ oa oă oe uâ uê uy ua ưa a ă â e ê i o ô ơ u ư y".split()
_CLOSED_VOWELS = ("oai oay oao oeo uây uôi ươi ươu iêu yêu uya uyu ai ao au ay âu ây eo êu ia iu "
                  "oi ôi ơi ui ưi ưu uơ").split()
_FINAL = r"(?:ng|nh|ch|[cmnpt])"
_SYLLABLE = regex.compile(
    rf"{_ONSET}(?:(?:{'|'.join(_CLOSED_VOWELS)})|(?:{'|'.join(_OPEN_VOWELS)}){_FINAL}?)")
_LONGEST_SYLLABLE = 7          # `nghiêng`, `khuyếch`
_WORD = regex.compile(r"\p{L}+")
# Scoring reads at most this much of a document: an encoding is a property
# of the whole file, and the start of it is enough to tell.
SAMPLE_CHARS = 200_000


@lru_cache(maxsize=65536)
def is_vietnamese_syllable(word: str) -> bool:
    """A lower-case NFC word shaped like a Vietnamese syllable (at most one tone mark)."""
    if len(word) > _LONGEST_SYLLABLE:
        return False
    decomposed = unicodedata.normalize("NFD", word)
    if sum(ch in TONE_MARKS for ch in decomposed) > 1:
        return False
    toneless = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONE_MARKS))
    return _SYLLABLE.fullmatch(toneless) is not None


def vietnamese_syllables(text: str) -> int:
    """How many words of text are Vietnamese syllables written with diacritics.
    Plain ASCII words prove nothing (`Vinh`, `Nam` are English-shaped too),
    nor do one-letter words: a legacy reading turns lone symbols (`½`, `÷`,
    `¶`) into the vowels `ẵ`, `ữ`, `ả`."""
    words = Counter(_WORD.findall(unicodedata.normalize("NFC", text[:SAMPLE_CHARS]).lower()))
    return sum(n for word, n in words.items()
               if len(word) > 1 and not word.isascii() and is_vietnamese_syllable(word))


def _with_tone(base: str, tone: str) -> str:
    return unicodedata.normalize("NFC", base + tone)


# Tone marks in the order the legacy code charts list them.
_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT = "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"

# --- TCVN3 (TCVN 5712:1993 VN3, "ABC", the .VnTime fonts) -----------------------------
# One byte per letter, in the Latin-1 range, so a TCVN3 file read as Latin-1
# (or pasted into a Unicode file) shows `B¶o hiÓm x· héi` for `Bảo hiểm xã
# hội`. 0xA1-0xA7 are the capital base letters, 0xA8-0xAE the small ones;
# each toned vowel has a byte in the order grave, hook, tilde, acute, dot
# below. There are no capital toned letters: headings used the `.VnTimeH`
# font, which draws the small-letter bytes as capitals.
_TCVN3_BASES = {"\xa1": "Ă", "\xa2": "Â", "\xa3": "Ê", "\xa4": "Ô", "\xa5": "Ơ", "\xa6": "Ư", "\xa7": "Đ",
                "\xa8": "ă", "\xa9": "â", "\xaa": "ê", "\xab": "ô", "\xac": "ơ", "\xad": "ư", "\xae": "đ"}
_TCVN3_TONED = {  # vowel: its five toned letters' bytes (grave, hook, tilde, acute, dot)
    "a": "µ¶·¸¹", "ă": "»¼½¾Æ", "â": "ÇÈÉÊË", "e": "ÌÎÏÐÑ", "ê": "ÒÓÔÕÖ", "i": "×ØÜÝÞ",
    "o": "ßáâãä", "ô": "åæçèé", "ơ": "êëìíî", "u": "ïñòóô", "ư": "õö÷øù", "y": "úûüýþ",
}
TCVN3: dict[str, str] = dict(_TCVN3_BASES)
for _vowel, _surfaces in _TCVN3_TONED.items():
    for _surface, _tone in zip(_surfaces, (_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT)):
        TCVN3[_surface] = _with_tone(_vowel, _tone)
_TCVN3_TABLE = str.maketrans(TCVN3)


def tcvn3_reading(view: str) -> str:
    """The text a TCVN3 document means, from its bytes read as Latin-1."""
    return view.translate(_TCVN3_TABLE)


# --- VNI (VNI-Windows, the VNI-Times fonts) ---------------------------------------------
# A toned vowel is its base letter followed by one or two mark characters
# from the Latin-1 range: `Vieät Nam` is `Việt Nam`, `ngöôøi` is `người`.
# Marks (small / capital): grave ø Ø, acute ù Ù, hook û Û, tilde õ Õ, dot ï Ï;
# circumflex â Â, and with a tone à á å ã ä (À Á Å Ã Ä); breve ê Ê, and with
# a tone è é ú ü ë (È É Ú Ü Ë). ơ ư đ are single characters (ô ö ñ, Ô Ö Ñ),
# and so are the i's that Latin-1 lacks: ỉ æ, ĩ ó, ị ò (Æ Ó Ò); ì and í are
# themselves.
_VNI_TONES = {_GRAVE: "øØ", _ACUTE: "ùÙ", _HOOK: "ûÛ", _TILDE: "õÕ", _DOT: "ïÏ"}
_VNI_CIRCUMFLEX = {"": "âÂ", _GRAVE: "àÀ", _ACUTE: "áÁ", _HOOK: "åÅ", _TILDE: "ãÃ", _DOT: "äÄ"}
_VNI_BREVE = {"": "êÊ", _GRAVE: "èÈ", _ACUTE: "éÉ", _HOOK: "úÚ", _TILDE: "üÜ", _DOT: "ëË"}
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "æ": "ỉ", "ó": "ĩ", "ò": "ị",
               "Ô": "Ơ", "Ö": "Ư", "Ñ": "Đ", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị"}


def _vni_table() -> dict[str, str]:
    table = dict(_VNI_SINGLE)
    for case in (0, 1):
        def cased(s: str) -> str:
            return s.upper() if case else s
        for base, written in (("a", "a"), ("e", "e"), ("o", "o"), ("u", "u"), ("y", "y"),
                              ("ơ", "ô"), ("ư", "ö"), ("i", "i")):
            for tone, marks in _VNI_TONES.items():
                table[cased(written) + marks[case]] = cased(_with_tone(base, tone))
        for base in "aeo":
            for tone, marks in _VNI_CIRCUMFLEX.items():
                table[cased(base) + marks[case]] = cased(_with_tone(base + "\u0302", tone))
        for tone, marks in _VNI_BREVE.items():
            table[cased("a") + marks[case]] = cased(_with_tone("a\u0306", tone))
    return table


VNI: dict[str, str] = _vni_table()
_VNI_SEQUENCE = regex.compile("|".join(regex.escape(s) for s in sorted(VNI, key=len, reverse=True)))


def vni_reading(view: str) -> str:
    """The text a VNI document means, from its bytes read as Latin-1."""
    return unicodedata.normalize("NFC", _VNI_SEQUENCE.sub(lambda m: VNI[m.group()], view))


# Characters a legacy document is full of and a Unicode Vietnamese one never
# contains as letters (Vietnamese uses none of ä å æ ç ë î ï ñ ö ø û ü þ ...):
# without any of them, neither reading needs to be tried.
_LEGACY_ONLY = regex.compile(
    "[\xa1-\xa8\xaa\xab\xac\xad\xae\xb5\xb6\xb7\xb8\xb9\xbb\xbc\xbd\xbe"
    "ÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïñö÷øûüþÄÅ]")
LEGACY_READINGS = {"TCVN3": tcvn3_reading, "VNI": vni_reading}
LEGACY_NAMES = {"TCVN3": "TCVN3 (ABC, .VnTime fonts)", "VNI": "VNI (VNI-Times fonts)"}
# A legacy reading wins when it gives at least this many Vietnamese
# syllables, and more than twice as many as the reading taken so far.
MIN_LEGACY_SYLLABLES = 2
LEGACY_MARGIN = 2


def legacy_encoding(view: str, reference: str | None = None) -> str | None:
    """'TCVN3' or 'VNI' when `view` (text, or bytes read as Latin-1) reads as
    Vietnamese far better in that legacy encoding than the `reference`
    reading does (by default view itself, as Unicode); None otherwise."""
    sample = view[:SAMPLE_CHARS]
    if len(_LEGACY_ONLY.findall(sample)) < MIN_LEGACY_SYLLABLES:   # not even two legacy letters
        return None
    scores = {name: vietnamese_syllables(read(sample)) for name, read in LEGACY_READINGS.items()}
    name, score = max(scores.items(), key=lambda kv: kv[1])
    if score < MIN_LEGACY_SYLLABLES:
        return None
    return name if score > LEGACY_MARGIN * vietnamese_syllables(sample if reference is None else reference) else None


def legacy_example(view: str, name: str) -> str | None:
    """`héi` → `hội`: the first word of view whose legacy reading is a Vietnamese syllable."""
    read = LEGACY_READINGS[name]
    for word in regex.finditer(r"\S{2,12}", view[:SAMPLE_CHARS]):
        meant = read(word.group()).strip(".,;:!?\"'()")
        if meant != word.group() and not meant.isascii() and is_vietnamese_syllable(meant.lower()):
            return f"`{word.group()}` reads as `{meant}`"
    return None


# --- single-byte encodings ---------------------------------------------------------------
def _windows_1258(data: bytes) -> str | None:
    """Windows-1258 writes most tone marks as combining characters after the
    vowel (`a` + 0xD2 = `ả`): decoded, then composed (NFC)."""
    try:
        return unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        return None


def _display_name(codec: str) -> str:
    """charset-normalizer's `cp1250` is known to users as `windows-1250`."""
    codec = codec.replace("_", "-")
    return f"windows-{codec[2:]}" if regex.fullmatch(r"cp125\d", codec) else codec


def single_byte_reading(data: bytes) -> tuple[str, str] | None:
    """(text, encoding name) for bytes that are not UTF-8: Windows-1258 when
    it reads as Vietnamese (charset-normalizer, a general detector, guesses
    wildly on a short Vietnamese text: `Bảo hiểm` in Windows-1258 came out as
    Urdu cp1006), else charset-normalizer's best guess; None when nothing fits."""
    text = _windows_1258(data)
    if text is not None and _reads_as_vietnamese(text):
        return text, "windows-1258"
    import charset_normalizer   # imported on first need: most documents are UTF-8
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return None
    return str(best), _display_name(best.encoding)


def _reads_as_vietnamese(text: str) -> bool:
    """At least half the words written with non-ASCII letters are Vietnamese syllables."""
    accented = [w for w in _WORD.findall(text[:SAMPLE_CHARS].lower()) if len(w) > 1 and not w.isascii()]
    return bool(accented) and vietnamese_syllables(text) * 2 >= len(accented)


# --- mojibake -------------------------------------------------------------------------------
# What UTF-8 read in another code page leaves behind, one of which ftfy
# needs to see before it changes anything: a lead byte's letter (`Ã`, `Â`,
# `á` of `áº£`) followed by a continuation byte's character as Windows-1252
# or Latin-1 show it (`º`, `»`, `€`, `™`, a C1 control ...), a lone C1
# control, or the box-drawing characters of DOS code pages.
MAYBE_MOJIBAKE = regex.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
    "|[\u0080-\u009f]|[\u2500-\u259f]")


def repair_mojibake(text: str) -> tuple[str, str | None]:
    """(text, note): UTF-8 that was once read as Windows-1252 or Latin-1
    (`Báº£o hiá»ƒm`) repaired with ftfy, which changes text only when the
    repaired form is far more plausible; the note says what was done."""
    if not MAYBE_MOJIBAKE.search(text):
        return text, None          # clean text: no need to load ftfy (some 30 ms)
    import ftfy
    fixed = ftfy.fix_encoding_and_explain(text)
    if fixed.text == text or not fixed.explanation:
        return text, None
    wrong = next((arg for step, arg in fixed.explanation if step == "encode"), None)
    if wrong is not None:
        return fixed.text, f"repaired mojibake (UTF-8 that had been read as {wrong.replace('sloppy-', '')}) with ftfy"
    steps = ", ".join(f"{step} {arg}" for step, arg in fixed.explanation)
    return fixed.text, f"repaired mojibake with ftfy ({steps})"


# --- not text at all ----------------------------------------------------------------------------
# File signatures ("magic numbers") of formats people mistake for text.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a DOCX/XLSX/ODT/EPUB document)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Microsoft Office 97-2003 document (DOC/XLS/PPT)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "an executable program"),
)


def binary_kind(data: bytes) -> str | None:
    """What a non-text file is, by its signature: 'a PDF file', 'a PNG image'..."""
    return next((kind for magic, kind in MAGIC if data.startswith(magic)), None)
