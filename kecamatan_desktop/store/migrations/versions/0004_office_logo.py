"""office logo: the image printed on identity sheets, chosen in the office profile

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN: office is never copied (its SOPs hang off it with ON DELETE CASCADE)
    op.add_column("office", sa.Column("logo", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    op.drop_column("office", "logo")
