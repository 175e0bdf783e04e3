"""Turning page bytes into text: which encoding, in which order of trust.

Order (as browsers do it): a byte order mark wins, then the charset the HTTP
header declares, then the document's own ``<meta>`` (or XML declaration),
then statistical detection with charset-normalizer. Labels are mapped the
way the WHATWG Encoding Standard maps them (``iso-8859-1`` really means
windows-1252 on the web, ``shift_jis`` means Windows-31J, and so on), because
that is what the pages were written against.

A declared charset is used only if it names a text encoding a web page can
be written in: Python's codec registry also knows ``rot13``, ``base64``,
``zlib``, ``idna`` and the like, which a hostile or broken page may declare.
Such a declaration is ignored (the next declaration, or detection, decides)
and the result carries a note saying so.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace

from charset_normalizer import from_bytes

from workbench.domain.errors import DecodeError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# WHATWG label aliases that Python names differently or treats more strictly.
_WEB_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "ms_kanji": "cp932",
    "windows-31j": "cp932",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "big5": "big5hkscs",
    # A page cannot declare UTF-16 in its own meta (it would not be readable
    # as ASCII to find the tag); browsers treat that as UTF-8.
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
}

# Text encodings in Python's sense that no web page is written in: they
# raise on ordinary bytes (``idna``, ``undefined``), read escapes or markup
# as code (``unicode_escape``, ``utf-7``: a known XSS trick) or map nothing.
_NOT_PAGE_ENCODINGS = frozenset(
    {"idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape", "utf-7", "charmap"}
)

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:\-]+)""", re.IGNORECASE
)
_XML_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:\-]+)""")
# Where browsers look for <meta charset>; real pages put long scripts first,
# so we look further than the standard's 1024 bytes.
_PRESCAN_BYTES = 16_384
# Valid UTF-8 multi-byte sequences: their presence in bytes that do not
# decode as UTF-8 means a UTF-8 page with a few stray bytes, not another charset.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# Above this share of replaced characters the result is not worth showing.
_MAX_REPLACED_SHARE = 0.02


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # Python codec name actually used
    source: str  # "bom" | "header" | "meta" | "detected" | "default"
    replaced: int = 0  # bytes that could not be decoded and became U+FFFD
    note: str | None = None  # why a declared charset was not used, for the article's record


def normalise_label(label: str | None) -> str | None:
    """A Python codec name for an encoding label, or None if unknown or not a page encoding."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _WEB_ALIASES.get(label, label)
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError):  # ValueError: a NUL in the label (found by the fuzz run)
        return None
    # _is_text_encoding is False for bytes-to-bytes codecs (base64, zlib, rot13...);
    # it is private but documented in codecs.CodecInfo and set on every codec since 3.4.
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_PAGE_ENCODINGS:
        return None
    return info.name


def bom_encoding(raw: bytes) -> tuple[str, int] | None:
    """The encoding a byte order mark announces and the mark's length."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return encoding, len(bom)
    return None


def meta_charset(raw: bytes) -> str | None:
    """The charset a document declares for itself in ``<meta>`` or ``<?xml ...?>``."""
    head = raw[:_PRESCAN_BYTES]
    match = _XML_DECLARATION.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii", "replace") if match else None


def decode_html(raw: bytes, headers_charset: str | None = None) -> Decoded:
    """Decode page bytes; raise DecodeError if they are not text in any encoding."""
    bom = bom_encoding(raw)
    if bom:
        encoding, length = bom
        return _decode_lenient(raw[length:], encoding, "bom")
    labels = [(headers_charset, "header"), (meta_charset(raw), "meta")]
    declared = [(normalise_label(label), source) for label, source in labels]
    note = _ignored_note(labels, declared)
    for encoding, source in declared:
        if encoding is None:
            continue
        try:
            return Decoded(raw.decode(encoding), encoding, source, note=note)
        except UnicodeError:
            # A declared charset the bytes break: a UTF-8 page with stray
            # bytes keeps UTF-8; otherwise the declaration is wrong, detect.
            if encoding == "utf-8" and _UTF8_MULTIBYTE.search(raw):
                return replace(_decode_lenient(raw, encoding, source), note=note)
            break
    decoded = _detect(raw, fallback=next((e for e, _ in declared if e), None))
    return replace(decoded, note=note) if note else decoded


def _ignored_note(labels: list[tuple[str | None, str]], declared: list[tuple[str | None, str]]) -> str | None:
    """Say which declared charsets were ignored because they name no page encoding."""
    ignored = [
        f"{'The HTTP header' if source == 'header' else 'The page'} declares the charset "
        f"\u201c{label.strip()[:40]}\u201d, which is not a known text encoding; it was ignored."
        for (label, source), (encoding, _) in zip(labels, declared, strict=True)
        if label and label.strip() and encoding is None
    ]
    return " ".join(ignored) or None


def decode_text_file(raw: bytes) -> Decoded:
    """Decode a plain-text file: UTF-8 exactly if it is UTF-8, else detect.

    The BOM, if any, is kept as U+FEFF so offsets index exactly what a
    UTF-8 reader of the file sees.
    """
    bom = bom_encoding(raw)
    if bom and bom[0] != "utf-8":
        return _decode_lenient(raw[bom[1] :], bom[0], "bom")
    try:
        return Decoded(raw.decode("utf-8"), "utf-8", "default")
    except UnicodeDecodeError:
        if _UTF8_MULTIBYTE.search(raw):
            return _decode_lenient(raw, "utf-8", "default")
        return _detect(raw, fallback=None)


def _detect(raw: bytes, fallback: str | None) -> Decoded:
    if b"\x00" in raw[:4096] and raw.count(b"\x00") > len(raw) // 100:
        raise _undecodable()
    best = from_bytes(raw[:200_000]).best()
    if best is not None and best.encoding:
        encoding = normalise_label(best.encoding) or best.encoding
        return _decode_lenient(raw, encoding, "detected")
    if fallback:
        return _decode_lenient(raw, fallback, "default")
    raise _undecodable()


def _decode_lenient(raw: bytes, encoding: str, source: str) -> Decoded:
    text = raw.decode(encoding, errors="replace")
    replaced = text.count("\ufffd") - raw.decode(encoding, errors="ignore").count("\ufffd")
    if text and replaced / len(text) > _MAX_REPLACED_SHARE:
        raise _undecodable()
    return Decoded(text, encoding, source, replaced)


def _undecodable() -> DecodeError:
    return DecodeError(
        "The page's bytes cannot be read as text in any known character encoding.",
        "The file may be binary or damaged. Open it in a browser; if it shows the "
        "article, save it again as HTML (UTF-8) or copy and paste the text.",
    )
