"""A hostile page shows as text only: no script runs or shows, nothing is loaded from the network."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

HOSTILE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Troops gather at the frontier</title>
<meta property="og:title" content="Troops gather at the frontier">
<link rel="stylesheet" href="{base}/style.css">
<script src="{base}/evil.js"></script>
<script>document.title = "SCRIPT-TITLE"; fetch("{base}/beacon");</script>
<style>p.lead::before {{ content: "CSS-INSERTED"; }} body {{ background: url({base}/bg.png); }}</style>
</head>
<body onload="document.body.innerHTML = 'ONLOAD-RAN'">
<article><h1>Troops gather at the frontier</h1>
<p class="lead" style="color:#ffffff;font-size:1px">About 12,000 troops gathered at the frontier on Friday,
the ministry said in a short statement to reporters in the capital.</p>
<img src="{base}/track.png" onerror="document.write('ONERROR-RAN')" width="1" height="1" alt="">
<p style="background-image:url({base}/bg2.png)">Officials said 40 tanks had been moved by rail overnight,
and that more units would follow during the coming week according to the plan.</p>
<p>Read the <a href="javascript:alert('LINK-RAN')">full statement</a> or
<a href="{base}/more" onclick="alert('CLICK-RAN')">more coverage</a> of the build-up.</p>
<script>document.write("<p>WRITTEN-BY-SCRIPT</p>")</script>
<p>Diplomats in neighbouring states asked for an explanation of the movements and for talks.</p>
<iframe src="{base}/frame"></iframe><object data="{base}/object"></object>
<video poster="{base}/poster.png" src="{base}/clip.mp4"></video>
<picture><source srcset="{base}/hero.webp"><img src="{base}/hero.jpg" alt=""></picture>
</article></body></html>"""

NEVER_SHOWN = ("SCRIPT-TITLE", "ONLOAD-RAN", "ONERROR-RAN", "LINK-RAN", "CLICK-RAN", "WRITTEN-BY-SCRIPT",
               "CSS-INSERTED", "document.", "alert(", "fetch(", "javascript:")
RESOURCES = ("/style.css", "/evil.js", "/beacon", "/bg.png", "/bg2.png", "/track.png", "/more", "/frame",
             "/object", "/poster.png", "/clip.mp4", "/hero.webp", "/hero.jpg")


def test_a_hostile_page_shows_as_text_and_loads_nothing(qtbot, open_window, db_path, httpserver):
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/hostile").respond_with_data(
        HOSTILE.format(base=base), content_type="text/html; charset=utf-8")
    for path in RESOURCES:  # served if asked for, so a request would show in the log
        httpserver.expect_request(path).respond_with_data("x", content_type="text/plain")
    window = open_window(db_path)
    window.address_bar.setText(httpserver.url_for("/hostile"))
    qtbot.keyClick(window.address_bar, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.claims_panel.model.rowCount() > 0 and not window.jobs.running, timeout=20_000)

    reader = window.reader
    shown = reader.toPlainText()
    assert "About 12,000 troops gathered at the frontier" in shown
    assert "Diplomats in neighbouring states" in shown
    assert "full statement" in shown  # a link's words stay as plain text
    for marker in NEVER_SHOWN:
        assert marker not in shown, marker
    assert window.windowTitle() != "SCRIPT-TITLE"

    # Text only: no images, no links, none of the page's styles in the document.
    document = reader.document().toHtml()
    for trace in ("<img", "<a ", "href=", "#ffffff", "font-size:1px", "url(", base):
        assert trace not in document, trace

    # Clicking where the links were and moving through the claims loads nothing either.
    start = shown.index("full statement")
    cursor = reader.textCursor()
    cursor.setPosition(start + 2)
    point = reader.cursorRect(cursor).center()
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(point.x(), point.y()))
    for _ in range(window.claims_panel.model.rowCount()):
        window.claims_panel.move(1)
    assert reader.document().toHtml().count("<img") == 0

    requested = [request.path for request, _response in httpserver.log]
    assert requested == ["/hostile"], requested
