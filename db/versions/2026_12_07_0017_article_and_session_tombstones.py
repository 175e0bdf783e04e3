"""article and session tombstones: removing keeps the history

Revision ID: 2026_12_07_0017
Revises: 2026_12_07_0016
Create Date: 2026-12-07

Reviewers may only add to the claim history, but removing an article or
deleting a session used to delete it anyway, through the foreign keys'
ON DELETE CASCADE (which PostgreSQL runs as the table owner). Now a removed
article stays as a row marked removed (``removed_at``, ``removed_by``), its
claims marked deleted like a deleted claim, and a deleted session that holds
claims stays marked deleted (``deleted_at``, ``deleted_by``): every read
skips them, undo clears the mark, and the history is never touched.

Columns are only added (SQLite adds them in place, without rebuilding the
tables, so no cascade fires). Migrations declare what they touch as it is at
this revision; they never import the live models.
"""
from alembic import op
import sqlalchemy as sa

revision = '2026_12_07_0017'
down_revision = '2026_12_07_0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.add_column(sa.Column('removed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('removed_by', sa.String(length=200), nullable=True))
    with op.batch_alter_table('review_session', schema=None) as batch_op:
        batch_op.add_column(sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('deleted_by', sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('review_session', schema=None) as batch_op:
        batch_op.drop_column('deleted_by')
        batch_op.drop_column('deleted_at')
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.drop_column('removed_by')
        batch_op.drop_column('removed_at')
