"""drafts: sop_revision.is_draft, decision branches that have no target yet

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:12:40.118204
"""

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

# sop_revision is altered in place, never copied: with foreign keys on, dropping the old
# table in a batch copy would cascade and delete every lane and step. Nothing refers to
# branch, so that table may be copied to change its column.


def upgrade() -> None:
    op.add_column('sop_revision', sa.Column('is_draft', sa.Boolean(), nullable=False,
                                            server_default=sa.false()))
    with op.batch_alter_table('branch', schema=None) as batch_op:
        batch_op.alter_column('target_step_id', existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    # 0001 knows only complete decisions: a draft's half-made one becomes a plain step.
    op.execute("DELETE FROM branch WHERE step_id IN "
               "(SELECT step_id FROM branch WHERE target_step_id IS NULL)")
    with op.batch_alter_table('branch', schema=None) as batch_op:
        batch_op.alter_column('target_step_id', existing_type=sa.Integer(), nullable=False)
    op.drop_column('sop_revision', 'is_draft')
