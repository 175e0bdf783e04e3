"""source snapshots: every source archived when cited, and each re-check kept

Revision ID: 2026_12_07_0019
Revises: 2026_12_07_0018
Create Date: 2026-12-07

A source used to be only its address, title and publisher: when the page
changed or vanished, the evidence for a verdict went with it. Now every
fetch of a source is a ``source_snapshot`` row (the bytes, compressed, with
their SHA-256, the HTTP status, content type, final address, the extracted
text and its title, publisher and date, or the error that stopped it). A
source link records what the last re-check of its source found
(``source_check``) and whether its quoted passage was still on the page
(``passage_found``).

On PostgreSQL a team's reviewers (the ``workbench_reviewer`` group, which
default privileges give every new table in full) may read and add
snapshots, never change or delete them: the archive is evidence.

Columns are only added to ``evidence`` (SQLite adds them in place, without
rebuilding the table). Migrations declare what they touch as it is at this
revision; they never import the live models.
"""
from alembic import op
import sqlalchemy as sa

revision = '2026_12_07_0019'
down_revision = '2026_12_07_0018'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('source_snapshot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('fetched_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('fetched_by', sa.String(length=200), nullable=False),
    sa.Column('http_status', sa.Integer(), nullable=True),
    sa.Column('content_type', sa.String(length=200), nullable=True),
    sa.Column('final_url', sa.Text(), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('raw_zlib', sa.LargeBinary(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('publisher', sa.String(length=300), nullable=False),
    sa.Column('published', sa.String(length=40), nullable=True),
    sa.Column('text_missing', sa.Text(), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], name=op.f('fk_source_snapshot_source_id_source'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_source_snapshot'))
    )
    with op.batch_alter_table('source_snapshot', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_source_snapshot_source_id'), ['source_id'], unique=False)
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source_check', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('passage_found', sa.Boolean(), nullable=True))
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql' and bind.scalar(
        sa.text("SELECT 1 FROM pg_roles WHERE rolname = 'workbench_reviewer'")
    ):
        op.execute("REVOKE UPDATE, DELETE, TRUNCATE ON source_snapshot FROM workbench_reviewer")


def downgrade() -> None:
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_column('passage_found')
        batch_op.drop_column('source_check')
    with op.batch_alter_table('source_snapshot', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_source_snapshot_source_id'))
    op.drop_table('source_snapshot')
