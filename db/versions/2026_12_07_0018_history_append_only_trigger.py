"""history append-only: no reviewer deletes it, even through a cascade

Revision ID: 2026_12_07_0018
Revises: 2026_12_07_0017
Create Date: 2026-12-07

Reviewers hold only SELECT and INSERT on the claim history, and the program
no longer deletes a claim, article or session that has history. But a
reviewer typing SQL can still delete a session, an article or a claim, and
PostgreSQL runs the foreign keys' ON DELETE CASCADE as the table's owner:
the history would go with it. A row trigger fires on cascaded deletes too,
and ``session_user`` is still the reviewer there, so the history refuses to
be changed or deleted by anyone but the owner (or a member of the owner's
role, or a superuser). SQLite has no roles: nothing to do there.
"""
from alembic import op

revision = '2026_12_07_0018'
down_revision = '2026_12_07_0017'
branch_labels = None
depends_on = None

_FUNCTION = """
CREATE OR REPLACE FUNCTION claim_history_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    owner name;
BEGIN
    SELECT pg_get_userbyid(relowner) INTO owner FROM pg_class WHERE oid = TG_RELID;
    IF NOT pg_has_role(session_user, owner, 'MEMBER') THEN
        RAISE EXCEPTION 'the claim history is append-only: only its owner % may change or delete it', owner
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'Removing an article or a session in the workbench keeps its history; ask the owner to purge.';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$
"""

_TRIGGER = """
CREATE TRIGGER claim_history_append_only BEFORE UPDATE OR DELETE ON claim_history
FOR EACH ROW EXECUTE FUNCTION claim_history_append_only()
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(_FUNCTION)
        op.execute(_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP TRIGGER IF EXISTS claim_history_append_only ON claim_history")
        op.execute("DROP FUNCTION IF EXISTS claim_history_append_only()")
