"""claim anchor outcome: how each claim fared when its article was re-checked

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26

Migrations declare the tables they touch as they are at this revision;
they never import the live models.
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.add_column(sa.Column('anchor_outcome', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('anchor_confidence', sa.Double(), nullable=True))
        batch_op.add_column(sa.Column('anchor_detail', sa.JSON(none_as_null=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.drop_column('anchor_detail')
        batch_op.drop_column('anchor_confidence')
        batch_op.drop_column('anchor_outcome')
