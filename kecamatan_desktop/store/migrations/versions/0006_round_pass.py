"""round_pass: one row per pass of a round through a step, for the history views

A cache derived from the events (not history): statistics, the monitoring form and the
period workbook read it with set-based queries instead of replaying every round. Filled for
the rounds already recorded by the migration runner once the schema is at its head, in the
migration's one transaction, by the same code that rebuilds it (`check --rebuild`).

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "round_pass",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("round_id", sa.Integer(), sa.ForeignKey("round.id", ondelete="RESTRICT"),
                  nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("sop_id", sa.Integer(), nullable=False),
        sa.Column("revision_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("officer", sa.String(), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("handed_at", sa.DateTime(), nullable=True),
        sa.Column("left_at", sa.DateTime(), nullable=True),
        sa.Column("decision", sa.String(), nullable=True),
        sa.Column("done_by", sa.String(), nullable=True),
        sa.Column("output", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("working_minutes", sa.Integer(), nullable=True),
        sa.Column("standard_minutes", sa.Integer(), nullable=True),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("corrected", sa.Boolean(), nullable=False),
        sa.Column("held", sa.Boolean(), nullable=False),
        sa.UniqueConstraint("round_id", "ordinal"),
    )
    op.create_index("ix_round_pass_round_id", "round_pass", ["round_id"])
    op.create_index("ix_round_pass_revision_position", "round_pass",
                    ["revision_id", "position", "working_minutes", "handed_at", "late",
                     "decision"])
    op.create_index("ix_round_pass_sop_position", "round_pass", ["sop_id", "position"])
    op.create_index("ix_round_started_at", "round", ["started_at"])
    # the rounds recorded so far get their passes from the migration runner, at the head and
    # in this same transaction (store/migrate.py: CACHES_SINCE): this file stands alone


def downgrade() -> None:
    op.drop_index("ix_round_started_at", "round")
    op.drop_table("round_pass")
