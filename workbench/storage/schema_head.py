"""The schema revision this program writes, known without loading Alembic.

A window or command opening a database that is already at this revision
needs nothing of Alembic, whose import alone took over 0.4 s of every
start. A new migration changes this line too; a test compares it with
Alembic's own head, so the two cannot drift apart.
"""

HEAD_REVISION = "2026_12_07_0019"
