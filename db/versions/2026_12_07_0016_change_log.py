"""change log: one row per committed write, so other windows see colleagues' changes

Revision ID: 2026_12_07_0016
Revises: 2026_12_07_0014
Create Date: 2026-12-07

Migrations declare the tables they touch as they are at this revision;
they never import the live models. The log starts empty: a window reads
only what is written after it opened.
"""
from alembic import op
import sqlalchemy as sa

revision = '2026_12_07_0016'
down_revision = '2026_12_07_0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('change_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('by', sa.String(length=200), nullable=False),
    sa.Column('writer', sa.String(length=64), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change_log'))
    )


def downgrade() -> None:
    op.drop_table('change_log')
