"""One way to parse HTML with BeautifulSoup, for every module that reads pages."""

from __future__ import annotations

import warnings

from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning


def parse_html(html: str) -> BeautifulSoup:
    """Parse with lxml's HTML parser, whatever the page claims to be.

    Pages served as HTML sometimes start like XML (an XHTML prolog, or junk);
    bs4 then warns that it is using an HTML parser, which is exactly what we
    want: a page is read as a browser would read it.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return BeautifulSoup(html, "lxml")
