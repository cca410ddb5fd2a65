"""decree_version: each office's Keputusan Camat as edited in the window, one row per save

Append-only, as the check dismissals are: a save is a new row numbered one past the office's
latest (`version`, unique per office) and naming the row it supersedes; the database refuses
UPDATE and DELETE (a server TRUNCATE too). The decree itself is its JSON text
(domain/decree.py reads and writes it). An office with no row prints its transcribed decree
or the template. Self-contained, in the migration's one transaction.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TABLE = "decree_version"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("office_id", sa.Integer(), sa.ForeignKey("office.id", ondelete="RESTRICT"),
                  nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("decree", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("supersedes", sa.Integer(), sa.ForeignKey(f"{TABLE}.id", ondelete="RESTRICT"),
                  nullable=True),
        sa.UniqueConstraint("office_id", "version", name=f"uq_{TABLE}_office_version"),
    )
    op.create_index(f"ix_{TABLE}_office_id", TABLE, ["office_id"])
    # the triggers as 0007 writes them, repeated: a migration must not change with a helper
    if op.get_bind().dialect.name == "sqlite":
        for action in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER {TABLE}_no_{action.lower()} BEFORE {action} ON {TABLE} "
                       f"BEGIN SELECT RAISE(ABORT, '{TABLE} is append-only: {action} refused'); "
                       "END")
    else:
        op.execute(f"CREATE FUNCTION {TABLE}_append_only() RETURNS trigger AS $$ BEGIN "
                   f"RAISE EXCEPTION '{TABLE} is append-only: % refused', TG_OP; END; "
                   "$$ LANGUAGE plpgsql")
        op.execute(f"CREATE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE} "
                   f"FOR EACH ROW EXECUTE FUNCTION {TABLE}_append_only()")
        op.execute(f"CREATE TRIGGER {TABLE}_no_truncate BEFORE TRUNCATE ON {TABLE} "
                   f"FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_append_only()")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.execute(f"DROP TRIGGER {TABLE}_append_only ON {TABLE}")
        op.execute(f"DROP TRIGGER {TABLE}_no_truncate ON {TABLE}")
        op.execute(f"DROP FUNCTION {TABLE}_append_only()")
    op.drop_index(f"ix_{TABLE}_office_id", TABLE)
    op.drop_table(TABLE)
