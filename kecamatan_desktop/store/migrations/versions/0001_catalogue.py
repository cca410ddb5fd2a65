"""catalogue: offices, sops, revisions, lanes, steps, branches

Revision ID: 0001
Revises:
Create Date: 2026-11-23 18:33:01.645295
"""

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('office',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('government', sa.String(), nullable=False),
    sa.Column('address', sa.String(), nullable=True),
    sa.Column('city', sa.String(), nullable=True),
    sa.Column('postal_code', sa.String(), nullable=True),
    sa.Column('phone', sa.String(), nullable=True),
    sa.Column('email', sa.String(), nullable=True),
    sa.Column('website', sa.String(), nullable=True),
    sa.Column('camat_title', sa.String(), nullable=True),
    sa.Column('camat_name', sa.String(), nullable=True),
    sa.Column('camat_rank', sa.String(), nullable=True),
    sa.Column('camat_nip', sa.String(), nullable=True),
    sa.Column('book_year', sa.Integer(), nullable=True),
    sa.Column('cover_address', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('sop',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('slug')
    )
    with op.batch_alter_table('sop', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sop_office_id'), ['office_id'], unique=False)

    op.create_table('sop_revision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sop_id', sa.Integer(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('saved_at', sa.DateTime(), nullable=False),
    sa.Column('office_government', sa.String(), nullable=False),
    sa.Column('office_name', sa.String(), nullable=False),
    sa.Column('office_address', sa.String(), nullable=False),
    sa.Column('number', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('created', sa.Date(), nullable=False),
    sa.Column('revised', sa.Date(), nullable=True),
    sa.Column('effective', sa.Date(), nullable=False),
    sa.Column('approver_title', sa.String(), nullable=False),
    sa.Column('approver_name', sa.String(), nullable=False),
    sa.Column('approver_rank', sa.String(), nullable=False),
    sa.Column('approver_nip', sa.String(), nullable=False),
    sa.Column('legal_basis', sa.JSON(), nullable=False),
    sa.Column('qualifications', sa.JSON(), nullable=False),
    sa.Column('related', sa.JSON(), nullable=False),
    sa.Column('equipment', sa.JSON(), nullable=False),
    sa.Column('warnings', sa.JSON(), nullable=False),
    sa.Column('records', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['sop_id'], ['sop.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('sop_id', 'revision')
    )
    with op.batch_alter_table('sop_revision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sop_revision_sop_id'), ['sop_id'], unique=False)

    op.create_table('lane',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('revision_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['revision_id'], ['sop_revision.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('revision_id', 'name'),
    sa.UniqueConstraint('revision_id', 'position')
    )
    with op.batch_alter_table('lane', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lane_revision_id'), ['revision_id'], unique=False)

    op.create_table('step',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('revision_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('no', sa.String(), nullable=False),
    sa.Column('activity', sa.String(), nullable=False),
    sa.Column('lane_id', sa.Integer(), nullable=False),
    sa.Column('requirements', sa.String(), nullable=False),
    sa.Column('time', sa.String(), nullable=False),
    sa.Column('output', sa.String(), nullable=False),
    sa.Column('notes', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['lane_id'], ['lane.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['revision_id'], ['sop_revision.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('revision_id', 'position')
    )
    with op.batch_alter_table('step', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_step_lane_id'), ['lane_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_step_revision_id'), ['revision_id'], unique=False)

    op.create_table('branch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('step_id', sa.Integer(), nullable=False),
    sa.Column('answer', sa.String(), nullable=False),
    sa.Column('target_step_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['step_id'], ['step.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['target_step_id'], ['step.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('step_id', 'answer')
    )
    with op.batch_alter_table('branch', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_branch_step_id'), ['step_id'], unique=False)
        batch_op.create_index(
            batch_op.f('ix_branch_target_step_id'), ['target_step_id'], unique=False
        )



def downgrade() -> None:
    with op.batch_alter_table('branch', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_branch_target_step_id'))
        batch_op.drop_index(batch_op.f('ix_branch_step_id'))

    op.drop_table('branch')
    with op.batch_alter_table('step', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_step_revision_id'))
        batch_op.drop_index(batch_op.f('ix_step_lane_id'))

    op.drop_table('step')
    with op.batch_alter_table('lane', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lane_revision_id'))

    op.drop_table('lane')
    with op.batch_alter_table('sop_revision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sop_revision_sop_id'))

    op.drop_table('sop_revision')
    with op.batch_alter_table('sop', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sop_office_id'))

    op.drop_table('sop')
    op.drop_table('office')
