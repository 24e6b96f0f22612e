"""The text of a CSV file as Excel saves it: its encoding, delimiter and decimal mark.

Excel in Japan saves "CSV (コンマ区切り)" as CP932 (Shift_JIS) without a BOM,
"CSV UTF-8" as UTF-8 with a BOM, and "Unicode テキスト" as UTF-16 LE with a BOM and tabs;
Excel in much of Europe writes ';' between values and a decimal comma, 1,5. The loader
(:func:`nnviz.core.datasets.load_csv`) and the import dialog's preview both read a file
through these functions, so they agree on what a file says. Everything is linear in the text.
"""
from __future__ import annotations

import codecs
import re

__all__ = ["ENCODINGS", "ENCODING_NAMES", "DECIMALS", "decode", "sniff_delimiter", "comma_decimals", "to_point"]

#: Encodings a CSV file may be read in; "auto" tries: a BOM, strict UTF-8, strict CP932.
ENCODINGS = ("auto", "utf-8", "cp932", "utf-16")
#: How the encodings are named to a user.
ENCODING_NAMES = {"utf-8": "UTF-8", "cp932": "CP932 (Shift_JIS)", "utf-16": "UTF-16"}
#: Decimal marks: "auto" reads 1,5 as 1.5 only in a ';' or tab file without any 1.5.
DECIMALS = ("auto", "point", "comma")
_BOMS = ((codecs.BOM_UTF8, "utf-8", "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16", "utf-16"))
_COMMA_NUMBER = re.compile(r"^[ \t]*[+-]?(\d+,\d*|,\d+)([eE][+-]?\d+)?[ \t]*$", re.M)
_POINT_NUMBER = re.compile(r"^[ \t]*[+-]?(\d+\.\d*|\.\d+)", re.M)


_CP932_STRAYS = re.compile("[\x80\uf8f0-\uf8f3]")     # what Python's cp932 makes of 0x80, 0xa0, 0xfd-0xff


def _decode(raw, codec, final):
    text = codecs.getincrementaldecoder(codec)("strict").decode(raw, final)
    stray = _CP932_STRAYS.search(text) if codec == "cp932" else None
    if stray:                             # bytes no Shift_JIS text holds: not CP932 after all
        start = len(text[:stray.start()].encode("cp932", errors="replace"))
        error = UnicodeDecodeError("cp932", raw, start, start + 1, "not a CP932 character")
        raise error                       # as a codec's own; load_csv words it as a DataError
    return text


def _utf16_codec(raw):
    """UTF-16 without a BOM: the byte order whose high bytes are the NULs of ASCII text."""
    return "utf-16-be" if raw[0::2].count(0) > raw[1::2].count(0) else "utf-16-le"


def decode(raw, encoding="auto", final=True):
    """File bytes → (text, encoding), ``encoding`` one of :data:`ENCODINGS` but "auto".

    "auto" takes a BOM's word (UTF-8, UTF-16 LE or BE), else UTF-16 if the bytes hold NULs
    (text never does), else strict UTF-8, else strict CP932. A BOM is never part of the
    text. ``final=False`` decodes the head of a file: a character cut at its end is dropped.
    Raises UnicodeDecodeError (the first codec's, for "auto") when no encoding fits.
    """
    bom, name, codec = next(((b, n, c) for b, n, c in _BOMS if raw.startswith(b)), (b"", None, None))
    if encoding == "auto" and name:
        return _decode(raw, codec, final), name
    if encoding == "auto" and b"\0" in raw:
        return _decode(raw, _utf16_codec(raw), final), "utf-16"
    if encoding == "auto":
        try:
            return _decode(raw, "utf-8", final), "utf-8"
        except UnicodeDecodeError as first:
            try:
                return _decode(raw, "cp932", final), "cp932"
            except UnicodeDecodeError:
                raise first from None
    if encoding == "utf-16":
        return _decode(raw, "utf-16" if name == "utf-16" else _utf16_codec(raw), final), encoding
    return _decode(raw, "utf-8-sig" if encoding == "utf-8" else encoding, final), encoding


def sniff_delimiter(line):
    """The delimiter of a header ``line``: the most frequent of ',' ';' tab outside
    double quotes (a quoted name may hold commas); None when there is none."""
    outside = "".join(line.split('"')[0::2])
    return max(",;\t", key=outside.count) if any(c in outside for c in ",;\t") else None


def comma_decimals(columns, delimiter, decimal="auto"):
    """Whether the cells of ``columns`` (sequences of strings) use a decimal comma.

    "point" and "comma" say so; "auto" says yes only when the values are not separated
    by commas, some cell reads like 1,5 and no cell like 1.5.
    """
    if decimal != "auto":
        return decimal == "comma"
    if delimiter == ",":
        return False
    texts = ["\n".join(cells) for cells in columns]
    return (any("," in t and _COMMA_NUMBER.search(t) for t in texts)
            and not any("." in t and _POINT_NUMBER.search(t) for t in texts))


def to_point(cells):
    """Cells with a decimal comma → the same numbers with a decimal point: '1,5' → '1.5'."""
    return [c.replace(",", ".") for c in cells]
