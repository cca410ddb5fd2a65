"""revision note: a line saying where a revision came from

- sop_revision.note: e.g. "Prosedur disalin dari Penyusunan Rencana Kerja (Renja) (Kecamatan
  Poncokusumo), revisi 1", written with the revision and never changed; NULL for every
  revision saved before (and for those with nothing to say).

A plain ADD COLUMN: the table is not copied (lanes and steps hang off it).

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("sop_revision", sa.Column("note", sa.String(), nullable=True))


def downgrade() -> None:
    op.drop_column("sop_revision", "note")
