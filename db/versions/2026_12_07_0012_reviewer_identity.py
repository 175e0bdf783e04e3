"""reviewer identity: the role that wrote each history row, display names, window state per reviewer

Revision ID: 2026_12_07_0012
Revises: 0003
Create Date: 2026-12-07

``claim_history.db_role`` is the database role that inserted the row. On
PostgreSQL a trigger fills it with ``current_user``, whatever the client
sends, so a reviewer cannot write history in another's name; a SQLite file
has no roles and leaves it empty. ``reviewer`` holds each role's display
name (set once per role, not per machine). ``window_state`` keeps what each
reviewer had open in a session, so colleagues do not move each other's
place. Migrations never import live models: the tables are declared here.
"""
from alembic import op
import sqlalchemy as sa

revision = '2026_12_07_0012'
down_revision = '0003'
branch_labels = None
depends_on = None

# Runs as the inserting role (SECURITY INVOKER), so current_user is the reviewer.
_HISTORY_ROLE_FUNCTION = """
CREATE OR REPLACE FUNCTION claim_history_db_role() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.db_role := current_user;
    RETURN NEW;
END
$$
"""
_HISTORY_ROLE_TRIGGER = """
CREATE TRIGGER claim_history_db_role BEFORE INSERT ON claim_history
FOR EACH ROW EXECUTE FUNCTION claim_history_db_role()
"""
# Anyone on the team reads every display name; a reviewer writes only their own.
# The owner of the table bypasses these policies.
_REVIEWER_POLICIES = [
    "ALTER TABLE reviewer ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY reviewer_read ON reviewer FOR SELECT USING (true)",
    "CREATE POLICY reviewer_own ON reviewer FOR ALL USING (role = current_user) WITH CHECK (role = current_user)",
]


def upgrade() -> None:
    with op.batch_alter_table('claim_history', schema=None) as batch_op:
        batch_op.add_column(sa.Column('db_role', sa.String(length=200), nullable=True))

    op.create_table('reviewer',
    sa.Column('role', sa.String(length=200), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('role', name=op.f('pk_reviewer'))
    )
    op.create_table('window_state',
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('reviewer', sa.String(length=200), nullable=False),
    sa.Column('ui_state', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['review_session.id'], name=op.f('fk_window_state_session_id_review_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('session_id', 'reviewer', name=op.f('pk_window_state'))
    )
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(_HISTORY_ROLE_FUNCTION)
        op.execute(_HISTORY_ROLE_TRIGGER)
        for statement in _REVIEWER_POLICIES:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP TRIGGER IF EXISTS claim_history_db_role ON claim_history")
        op.execute("DROP FUNCTION IF EXISTS claim_history_db_role()")
    op.drop_table('window_state')
    op.drop_table('reviewer')
    with op.batch_alter_table('claim_history', schema=None) as batch_op:
        batch_op.drop_column('db_role')
