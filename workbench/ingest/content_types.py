"""Which responses and files hold a page we can read, and naming the ones that do not."""

from __future__ import annotations

from email.message import Message

from workbench.domain.errors import UnsupportedContentError

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
# Servers mislabel pages with these; the body is sniffed instead.
SNIFF_TYPES = frozenset({"", "application/octet-stream", "text/xml", "application/xml", "binary/octet-stream"})

_NAMED = {
    "application/pdf": "a PDF document",
    "application/json": "JSON data",
    "application/zip": "a ZIP archive",
    "application/gzip": "a gzip archive",
    "application/msword": "a Word document",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "a Word document",
    "application/vnd.ms-excel": "a spreadsheet",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "a spreadsheet",
    "application/rss+xml": "an RSS feed",
    "application/atom+xml": "an Atom feed",
    "application/javascript": "a script",
    "text/javascript": "a script",
    "text/css": "a style sheet",
    "text/csv": "a CSV table",
}
_FAMILIES = {"image": "an image", "video": "a video", "audio": "an audio file", "font": "a font"}

# Magic numbers of the usual non-pages, for files and for mislabelled responses.
_MAGIC = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"PK\x03\x04", "application/zip"),
    (b"\x1f\x8b", "application/gzip"),
    (b"RIFF", "application/octet-stream"),
)


def media_type(header: str | None) -> str | None:
    """``text/html`` from ``text/html; charset=utf-8``; None when absent."""
    if not header:
        return None
    return header.split(";", 1)[0].strip().lower() or None


def parameter(header: str | None, name: str) -> str | None:
    if not header:
        return None
    message = Message()
    message["Content-Type"] = header
    value = message.get_param(name)
    return value if isinstance(value, str) and value else None


def describe(media: str) -> str:
    """A reader's name for a media type: "a PDF document", "an image (image/png)"."""
    if media in _NAMED:
        name = _NAMED[media]
        return name if media == "application/pdf" else f"{name} ({media})"
    family = media.split("/", 1)[0]
    if family in _FAMILIES:
        return f"{_FAMILIES[family]} ({media})"
    return f"a file of type {media}"


def check_content_type(media: str | None, url: str) -> None:
    """Raise UnsupportedContentError unless the response may hold a readable page."""
    if media is None or media in HTML_TYPES or media in TEXT_TYPES or media in SNIFF_TYPES:
        return
    raise not_a_page(describe(media), url)


def sniff_binary(raw: bytes) -> str | None:
    """The media type of a known binary format, from its first bytes."""
    for magic, media in _MAGIC:
        if raw.startswith(magic):
            return media
    return None


def looks_like_html(raw: bytes) -> bool:
    head = raw[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml")):
        return True
    return any(tag in head for tag in (b"<html", b"<body", b"<p>", b"<div", b"<meta"))


def not_a_page(what: str, where: str) -> UnsupportedContentError:
    hint = (
        "Copy the PDF's text into a .txt file, or paste it, and open that instead."
        if what.startswith("a PDF")
        else "Give the address or file of the web page that shows the article."
    )
    return UnsupportedContentError(f"{where} is {what}, not a web page.", hint)
