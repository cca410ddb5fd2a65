"""real books: a step in several lanes, one Waktu over several steps, a second start, dates
as written

- step_lane: the other lanes of a step drawn in several (a shape in each), by position
  (1 = its second lane); a step's first lane stays step.lane_id.
- step.time_span: how many steps (this one first) its Waktu cell covers; 1 for every step
  saved before. step.is_start: a later step drawn as a start terminator; false before.
- sop_revision.created and .effective may be NULL (a book that writes no whole date), and
  created_text, revised_text, effective_text keep a date as the book writes it when it is
  not a whole date ("Oktober 2024"); NULL for every revision saved before.

Every existing SOP reads as it did: one lane a step, its own Waktu, one start, whole dates.
On SQLite, sop_revision is rebuilt by copying to drop the NOT NULLs; the migration runner
has foreign keys off meanwhile (so the copy's DROP cascades nowhere) and checks every key
before it commits.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "step_lane",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("step_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("lane_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["step_id"], ["step.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["lane_id"], ["lane.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("step_id", "position"),
    )
    op.create_index("ix_step_lane_step_id", "step_lane", ["step_id"])
    op.create_index("ix_step_lane_lane_id", "step_lane", ["lane_id"])
    op.add_column("step", sa.Column("time_span", sa.Integer(), nullable=False,
                                    server_default="1"))
    op.add_column("step", sa.Column("is_start", sa.Boolean(), nullable=False,
                                    server_default=sa.false()))
    for column in ("created_text", "revised_text", "effective_text"):
        op.add_column("sop_revision", sa.Column(column, sa.String(), nullable=True))
    with op.batch_alter_table("sop_revision") as batch_op:
        batch_op.alter_column("created", existing_type=sa.Date(), nullable=True)
        batch_op.alter_column("effective", existing_type=sa.Date(), nullable=True)


def downgrade() -> None:
    with op.batch_alter_table("sop_revision") as batch_op:
        batch_op.alter_column("created", existing_type=sa.Date(), nullable=False)
        batch_op.alter_column("effective", existing_type=sa.Date(), nullable=False)
    for column in ("created_text", "revised_text", "effective_text"):
        op.drop_column("sop_revision", column)
    op.drop_column("step", "is_start")
    op.drop_column("step", "time_span")
    op.drop_index("ix_step_lane_lane_id", "step_lane")
    op.drop_index("ix_step_lane_step_id", "step_lane")
    op.drop_table("step_lane")
