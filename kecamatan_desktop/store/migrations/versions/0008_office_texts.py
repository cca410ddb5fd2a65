"""office texts: each office's own words on its sheets, and each SOP's cover title

- office.sheet_name: the office as its identity sheets name it ("Kantor Kecamatan
  Poncokusumo"; Ngantang prints "Kecamatan Ngantang", no "Kantor");
- office.cover_heading: the lines above an SOP cover's title (Ngantang's book has none);
- office.date_zero_pad, office.date_february: how the office writes dates ("04 Januari
  2018"; "1 Pebruari 2021");
- sop_cover: the title on an SOP's own cover as the book prints it (a table, not a column of
  sop: 0006 reads sop through today's model).

The two seed offices get them as data/offices.json said when this schema was made (written
out below, so the migration stands alone whatever the seed file or the services become);
any other office keeps what it printed before: the office name as written, the heading
"STANDART OPERATING PROCEDURE / (SOP)", "04 Februari".

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

PREVIOUS_HEADING = "STANDART OPERATING PROCEDURE\n(SOP)"
# the seed offices' own words, as data/offices.json held them at this revision
SEED_OFFICES = {
    "Kecamatan Poncokusumo": {
        "sheet_name": "Kantor Kecamatan Poncokusumo", "cover_heading": PREVIOUS_HEADING,
        "date_zero_pad": True, "date_february": "Februari",
    },
    "Kecamatan Ngantang": {
        "sheet_name": "Kecamatan Ngantang", "cover_heading": None,
        "date_zero_pad": False, "date_february": "Pebruari",
    },
}
SEED_COVERS = {
    "poncokusumo-2018-renstra": "PENYUSUNAN RENCANA STRATEGIS (RENSTRA)",
    "poncokusumo-2018-renja": "PENYUSUNAN RENCANA KERJA (RENJA)",
    "poncokusumo-2018-data-kinerja-musrenbangcam":
        "PENGUMPULAN DATA KINERJA\n( Indikator Partisipasi Delegasi Musrenbang Kecamatan )",
    "poncokusumo-2018-data-kinerja-adminduk":
        "PENGUMPULAN DATA KINERJA\n( Indikator Administrasi Kependudukan )",
    "poncokusumo-2018-data-kinerja-siskamling":
        "PENGUMPULAN DATA KINERJA\n( Indikator Keaktifan Kegiatan Siskamling )",
    "poncokusumo-2018-pemantauan-kinerja": "PEMANTAUAN KINERJA",
    "poncokusumo-2018-pengukuran-kinerja": "PENGUKURAN KINERJA",
    "poncokusumo-2018-evaluasi-data-kinerja": "EVALUASI DATA KINERJA",
    "poncokusumo-2018-lkj": "PENYUSUNAN LAPORAN KINERJA",
}


def upgrade() -> None:
    # plain ADD COLUMNs: neither table is copied (their children hang off them)
    op.add_column("office", sa.Column("sheet_name", sa.String(), nullable=True))
    op.add_column("office", sa.Column("cover_heading", sa.String(), nullable=True))
    op.add_column("office", sa.Column("date_zero_pad", sa.Boolean(), nullable=False,
                                      server_default="1"))
    op.add_column("office", sa.Column("date_february", sa.String(), nullable=False,
                                      server_default="Februari"))
    op.create_table(
        "sop_cover",
        sa.Column("sop_id", sa.Integer(), sa.ForeignKey("sop.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("title", sa.String(), nullable=False),
    )
    office = sa.table("office", sa.column("name"), sa.column("sheet_name"),
                      sa.column("cover_heading"), sa.column("date_zero_pad"),
                      sa.column("date_february"))
    sop = sa.table("sop", sa.column("id"), sa.column("slug"))
    cover = sa.table("sop_cover", sa.column("sop_id"), sa.column("title"))
    conn = op.get_bind()
    conn.execute(office.update().values(cover_heading=PREVIOUS_HEADING))
    for name, texts in SEED_OFFICES.items():
        conn.execute(office.update().where(office.c.name == name).values(**texts))
    for slug, title in SEED_COVERS.items():
        conn.execute(cover.insert().from_select(
            ["sop_id", "title"], sa.select(sop.c.id, sa.literal(title)).where(sop.c.slug == slug)))


def downgrade() -> None:
    op.drop_table("sop_cover")
    for column in ("date_february", "date_zero_pad", "cover_heading", "sheet_name"):
        op.drop_column("office", column)
