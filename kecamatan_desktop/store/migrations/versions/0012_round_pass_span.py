"""round_pass.span_minutes: a round's working time through one Waktu over several steps

A book may merge one Waktu cell over several steps (step.time_span, 0011): the standard is
the span's, and its working time runs from the span's first step being received to its
last being handed on. Each pass through such a span keeps the working minutes of its run
through the span up to its end (for a pass still on a desk, up to its reception), so the
dashboard, the statistics and the workbook compare the span once, without replaying the
rounds. NULL for a pass at a step outside every span: every pass stored before.

The cache is refilled from the events at the head by the migration runner (store/migrate.py:
CACHES_SINCE), so rounds already run on such an SOP get the span's figures and every
holder of a step drawn in several lanes; this file stands alone.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("round_pass", sa.Column("span_minutes", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("round_pass") as batch_op:
        batch_op.drop_column("span_minutes")
