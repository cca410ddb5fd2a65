"""rounds: officer directory, rounds with their event log and lanes, the office calendar

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 18:52:09.399237
"""

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('calendar_year',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('year')
    )
    op.create_table('day_off',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('source', sa.String(), nullable=False),
    sa.Column('removed', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('day')
    )
    op.create_table('officer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('nip', sa.String(), nullable=False),
    sa.Column('jabatan', sa.String(), nullable=False),
    sa.Column('pangkat', sa.String(), nullable=False),
    sa.Column('office', sa.String(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('nip')
    )
    op.create_table('working_hours',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=False),
    sa.Column('start_minute', sa.Integer(), nullable=False),
    sa.Column('end_minute', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('round',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sop_id', sa.Integer(), nullable=False),
    sa.Column('revision_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('current_position', sa.Integer(), nullable=True),
    sa.Column('holder', sa.String(), nullable=True),
    sa.Column('since', sa.DateTime(), nullable=True),
    sa.Column('hold_started', sa.DateTime(), nullable=True),
    sa.Column('held_minutes', sa.Integer(), nullable=False),
    sa.Column('loops', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('last_event_at', sa.DateTime(), nullable=False),
    sa.Column('event_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['revision_id'], ['sop_revision.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['sop_id'], ['sop.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('round', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_round_revision_id'), ['revision_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_round_sop_id'), ['sop_id'], unique=False)
        batch_op.create_index('ix_round_status_since', ['status', 'since'], unique=False)

    op.create_table('round_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('occurred_at', sa.DateTime(), nullable=False),
    sa.Column('entered_at', sa.DateTime(), nullable=False),
    sa.Column('entered_by', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=True),
    sa.Column('officer', sa.String(), nullable=True),
    sa.Column('decision', sa.String(), nullable=True),
    sa.Column('note', sa.String(), nullable=False),
    sa.Column('output', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('round_id', 'seq')
    )
    with op.batch_alter_table('round_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_round_event_round_id'), ['round_id'], unique=False)

    op.create_table('round_lane',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('lane', sa.String(), nullable=False),
    sa.Column('officer', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('round_id', 'lane')
    )
    with op.batch_alter_table('round_lane', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_round_lane_round_id'), ['round_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('round_lane', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_round_lane_round_id'))

    op.drop_table('round_lane')
    with op.batch_alter_table('round_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_round_event_round_id'))

    op.drop_table('round_event')
    with op.batch_alter_table('round', schema=None) as batch_op:
        batch_op.drop_index('ix_round_status_since')
        batch_op.drop_index(batch_op.f('ix_round_sop_id'))
        batch_op.drop_index(batch_op.f('ix_round_revision_id'))

    op.drop_table('round')
    op.drop_table('working_hours')
    op.drop_table('officer')
    op.drop_table('day_off')
    op.drop_table('calendar_year')
