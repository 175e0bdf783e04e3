"""team review: who a claim or article is assigned to, and the claim's review state

Revision ID: 2026_12_07_0013
Revises: 2026_12_07_0012
Create Date: 2026-12-07

Migrations declare the tables they touch as they are at this revision;
they never import the live models. Existing claims start unstarted and
unassigned (the server defaults fill the rows already there).
"""
from alembic import op
import sqlalchemy as sa

revision = '2026_12_07_0013'
down_revision = '2026_12_07_0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.add_column(sa.Column('assignee', sa.String(length=200), server_default='', nullable=False))
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.add_column(sa.Column('assignee', sa.String(length=200), server_default='', nullable=False))
        batch_op.add_column(
            sa.Column('review_state', sa.String(length=30), server_default='unstarted', nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.drop_column('review_state')
        batch_op.drop_column('assignee')
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.drop_column('assignee')
