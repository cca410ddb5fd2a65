"""check_dismissals: findings of Periksa SOP set aside with a reason, kept as events

Append-only, as the round events are: a dismissal is a row; taking it back is a new row
naming it (`undoes`); the database refuses UPDATE and DELETE (a server TRUNCATE too).
Self-contained, in the migration's one transaction.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TABLE = "check_dismissal"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sop_slug", sa.String(), nullable=False),
        sa.Column("rule", sa.String(), nullable=False),
        sa.Column("place", sa.String(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("dismissed_by", sa.String(), nullable=False),
        sa.Column("dismissed_at", sa.DateTime(), nullable=False),
        sa.Column("undoes", sa.Integer(), sa.ForeignKey(f"{TABLE}.id", ondelete="RESTRICT"),
                  nullable=True),
    )
    op.create_index(f"ix_{TABLE}_sop_slug", TABLE, ["sop_slug"])
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
    op.drop_index(f"ix_{TABLE}_sop_slug", TABLE)
    op.drop_table(TABLE)
