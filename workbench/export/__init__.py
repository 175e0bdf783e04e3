"""Claim reports: CSV, session JSON (export and import), ClaimReview, printable HTML.

Every exporter writes to a file object it is given and knows nothing of the
window; the CLI and the GUI choose the file. The formats are listed in one
place, ``workbench.export.formats``, a module each. PDF is made from the HTML
report by ``workbench.gui.pdf_export`` (Qt's printing).
"""
