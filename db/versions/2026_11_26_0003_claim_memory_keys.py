"""claim memory keys: normalised values and wording tokens of claims, indexed

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26

Migrations declare the tables they touch as they are at this revision;
they never import the live models. Claims that existed before this
revision are indexed by ``workbench.memory.indexing.index_unindexed``
(normalisation is program logic, not schema), so this stays pure schema.
"""
from alembic import op
import sqlalchemy as sa

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('claim_key',
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], name=op.f('fk_claim_key_claim_id_claim'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('claim_id', 'key', name=op.f('pk_claim_key'))
    )
    with op.batch_alter_table('claim_key', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_key_key'), ['key'], unique=False)

    op.create_table('claim_token',
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], name=op.f('fk_claim_token_claim_id_claim'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('claim_id', 'token', name=op.f('pk_claim_token'))
    )
    with op.batch_alter_table('claim_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_token_token'), ['token'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('claim_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_token_token'))
    op.drop_table('claim_token')
    with op.batch_alter_table('claim_key', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_key_key'))
    op.drop_table('claim_key')
