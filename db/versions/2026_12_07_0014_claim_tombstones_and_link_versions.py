"""claim tombstones, link versions, one source per session and address

Revision ID: 2026_12_07_0014
Revises: 2026_12_07_0013
Create Date: 2026-12-07

A deleted claim stays as a row marked deleted (``deleted_at``, ``deleted_by``),
so undoing the delete brings back the same claim with its history, its
sources and a version that keeps increasing. A source link gets a version of
its own, so a stale stance or passage edit is refused like a stale claim
edit. A session holds one source per address: two reviewers adding the same
link at once get one row. Sources already stored twice are merged first
(the oldest stays, the links of the others move to it).

Migrations declare the tables they touch as they are at this revision;
they never import the live models.
"""
from alembic import op
import sqlalchemy as sa

revision = '2026_12_07_0014'
down_revision = '2026_12_07_0013'
branch_labels = None
depends_on = None

_source = sa.table('source', sa.column('id', sa.Integer), sa.column('session_id', sa.Integer),
                   sa.column('url', sa.Text))
_evidence = sa.table('evidence', sa.column('id', sa.Integer), sa.column('claim_id', sa.Integer),
                     sa.column('source_id', sa.Integer))


def upgrade() -> None:
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.add_column(sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('deleted_by', sa.String(length=200), nullable=True))
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default='1'))
    _merge_duplicate_sources(op.get_bind())
    # A unique index, not a constraint: SQLite adds it in place, where a
    # constraint would rebuild the table and the drop of the old one would
    # cascade to every source link.
    op.create_index('uq_source_session_url', 'source', ['session_id', 'url'], unique=True)


def downgrade() -> None:
    op.drop_index('uq_source_session_url', table_name='source')
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_column('version')
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.drop_column('deleted_by')
        batch_op.drop_column('deleted_at')


def _merge_duplicate_sources(connection: sa.Connection) -> None:
    """Keep the oldest source of each (session, address); move the others' links to it."""
    keepers: dict[tuple[int, str], int] = {}
    rows = connection.execute(sa.select(_source.c.id, _source.c.session_id, _source.c.url).order_by(_source.c.id))
    for source_id, session_id, url in rows.all():
        keeper = keepers.setdefault((session_id, url), source_id)
        if keeper == source_id:
            continue
        linked = set(connection.scalars(sa.select(_evidence.c.claim_id).where(_evidence.c.source_id == keeper)))
        for evidence_id, claim_id in connection.execute(
            sa.select(_evidence.c.id, _evidence.c.claim_id).where(_evidence.c.source_id == source_id)
        ).all():
            if claim_id in linked:  # the claim cites both copies: one link is enough
                connection.execute(sa.delete(_evidence).where(_evidence.c.id == evidence_id))
            else:
                connection.execute(sa.update(_evidence).where(_evidence.c.id == evidence_id).values(source_id=keeper))
                linked.add(claim_id)
        connection.execute(sa.delete(_source).where(_source.c.id == source_id))
