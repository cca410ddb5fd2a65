"""records: history that cannot be lost or quietly changed

- rounds, lanes and events hang off their parents with ON DELETE RESTRICT (was CASCADE);
- the event log gets officer ids, corrections and a SHA-256 hash chain, and the database
  refuses UPDATE and DELETE on it (triggers), as on the new calendar change log;
- SOPs can be archived; offices keep their time zone; officers an acting marker and dates.

Revision ID: 0005
Revises: 0004
"""

import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from kecamatan_desktop.domain import ledger

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

APPEND_ONLY = ("round_event", "calendar_change")


def _round_columns() -> list:
    return [
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sop_id", sa.Integer(), sa.ForeignKey("sop.id", ondelete="RESTRICT"),
                  nullable=False),
        sa.Column("revision_id", sa.Integer(),
                  sa.ForeignKey("sop_revision.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("current_position", sa.Integer(), nullable=True),
        sa.Column("holder", sa.String(), nullable=True),
        sa.Column("holder_id", sa.Integer(), sa.ForeignKey("officer.id", ondelete="RESTRICT"),
                  nullable=True),
        sa.Column("since", sa.DateTime(), nullable=True),
        sa.Column("hold_started", sa.DateTime(), nullable=True),
        sa.Column("held_minutes", sa.Integer(), nullable=False),
        sa.Column("loops", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("last_event_at", sa.DateTime(), nullable=False),
        sa.Column("event_count", sa.Integer(), nullable=False),
    ]


def _lane_columns() -> list:
    return [
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("round_id", sa.Integer(), sa.ForeignKey("round.id", ondelete="RESTRICT"),
                  nullable=False),
        sa.Column("lane", sa.String(), nullable=False),
        sa.Column("officer", sa.String(), nullable=True),
        sa.Column("officer_id", sa.Integer(), sa.ForeignKey("officer.id", ondelete="RESTRICT"),
                  nullable=True),
        sa.UniqueConstraint("round_id", "lane"),
    ]


def _event_columns() -> list:
    return [
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("round_id", sa.Integer(), sa.ForeignKey("round.id", ondelete="RESTRICT"),
                  nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("entered_at", sa.DateTime(), nullable=False),
        sa.Column("entered_by", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=True),
        sa.Column("officer", sa.String(), nullable=True),
        sa.Column("officer_id", sa.Integer(), sa.ForeignKey("officer.id", ondelete="RESTRICT"),
                  nullable=True),
        sa.Column("decision", sa.String(), nullable=True),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("output", sa.String(), nullable=False),
        sa.Column("corrects_seq", sa.Integer(), nullable=True),
        sa.Column("changes", sa.JSON(), nullable=True),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.UniqueConstraint("round_id", "seq"),
    ]


OLD_COLUMNS = {
    "round": ("id, sop_id, revision_id, title, status, current_position, holder, since, "
              "hold_started, held_minutes, loops, started_at, last_event_at, event_count"),
    "round_lane": "id, round_id, lane, officer",
    "round_event": ("id, round_id, seq, kind, occurred_at, entered_at, entered_by, position, "
                    "officer, decision, note, output"),
}
INDEXES = {
    "round": (("ix_round_revision_id", ["revision_id"]), ("ix_round_sop_id", ["sop_id"]),
              ("ix_round_status_since", ["status", "since"]),
              ("ix_round_holder_id", ["holder_id"])),
    "round_lane": (("ix_round_lane_round_id", ["round_id"]),
                   ("ix_round_lane_officer_id", ["officer_id"])),
    "round_event": (("ix_round_event_round_id", ["round_id"]),
                    ("ix_round_event_officer_id", ["officer_id"])),
}


def _rebuild_sqlite(name: str, columns: list, extra_default: str = "") -> None:
    """SQLite cannot change a foreign key in place: copy into a new table and swap.

    `store.migrate` runs migrations with foreign keys off (a DROP would otherwise cascade
    into the children) and checks every key before it commits.
    """
    tmp = f"_new_{name}"
    op.create_table(tmp, *columns)
    old = OLD_COLUMNS[name]
    select = old + extra_default
    target = old + {"round_event": ", hash"}.get(name, "")
    op.execute(f"INSERT INTO {tmp} ({target}) SELECT {select} FROM {name}")
    op.drop_table(name)
    op.rename_table(tmp, name)
    for index, cols in INDEXES[name]:
        op.create_index(index, name, cols)


def _rebuild_postgresql(name: str, fks: dict[str, str]) -> None:
    for column, target in fks.items():
        op.drop_constraint(f"{name}_{column}_fkey", name, type_="foreignkey")
        op.create_foreign_key(f"{name}_{column}_fkey", name, target.split(".")[0], [column],
                              [target.split(".")[1]], ondelete="RESTRICT")


def _utc(value):
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _chain_existing_events(conn) -> None:
    rows = conn.execute(sa.text(
        "SELECT id, round_id, seq, kind, occurred_at, entered_at, entered_by, position, "
        "officer_id, officer, decision, note, output, corrects_seq, changes "
        "FROM round_event ORDER BY round_id, seq")).mappings().all()
    previous: dict[int, str] = {}
    for row in rows:
        fields = dict(row)
        try:
            fields["occurred_at"] = _utc(fields["occurred_at"])
            fields["entered_at"] = _utc(fields["entered_at"])
        except ValueError:
            raise RuntimeError(f"waktu kejadian #{row['seq']} putaran {row['round_id']} tidak "
                               "terbaca") from None
        if isinstance(fields["changes"], str):
            fields["changes"] = json.loads(fields["changes"])
        digest = ledger.event_hash(previous.get(row["round_id"]), fields)
        previous[row["round_id"]] = digest
        conn.execute(sa.text("UPDATE round_event SET hash = :h WHERE id = :id"),
                     {"h": digest, "id": row["id"]})


def _append_only_triggers(dialect: str) -> None:
    # PostgreSQL also refuses TRUNCATE (SQLite has none); changed here, not in a migration of
    # its own, because no server database existed before this program could open one
    for table in APPEND_ONLY:
        if dialect == "sqlite":
            for action in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: {action} refused'); "
                    "END")
        else:
            op.execute(
                f"CREATE FUNCTION {table}_append_only() RETURNS trigger AS $$ BEGIN "
                f"RAISE EXCEPTION '{table} is append-only: % refused', TG_OP; END; "
                "$$ LANGUAGE plpgsql")
            op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                       f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()")
            op.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                       f"FOR EACH STATEMENT EXECUTE FUNCTION {table}_append_only()")


def upgrade() -> None:
    conn = op.get_bind()
    dialect = conn.dialect.name
    op.add_column("office", sa.Column("time_zone", sa.String(), nullable=False,
                                      server_default="WIB"))
    op.add_column("sop", sa.Column("archived_at", sa.DateTime(), nullable=True))
    op.add_column("officer", sa.Column("acting", sa.String(), nullable=False,
                                       server_default=""))
    op.add_column("officer", sa.Column("holds_from", sa.Date(), nullable=True))
    op.add_column("officer", sa.Column("holds_to", sa.Date(), nullable=True))
    op.create_table(
        "calendar_change",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("changed_by", sa.String(), nullable=False),
        sa.Column("what", sa.String(), nullable=False),
    )
    if dialect == "sqlite":
        _rebuild_sqlite("round", _round_columns())
        _rebuild_sqlite("round_lane", _lane_columns())
        _rebuild_sqlite("round_event", _event_columns(), extra_default=", ''")
    else:
        op.add_column("round", sa.Column("holder_id", sa.Integer(),
                                         sa.ForeignKey("officer.id", ondelete="RESTRICT")))
        for table in ("round_lane", "round_event"):
            op.add_column(table, sa.Column("officer_id", sa.Integer(),
                                           sa.ForeignKey("officer.id", ondelete="RESTRICT")))
        op.add_column("round_event", sa.Column("corrects_seq", sa.Integer(), nullable=True))
        op.add_column("round_event", sa.Column("changes", sa.JSON(), nullable=True))
        op.add_column("round_event", sa.Column("hash", sa.String(64), nullable=False,
                                               server_default=""))
        _rebuild_postgresql("round", {"sop_id": "sop.id", "revision_id": "sop_revision.id"})
        _rebuild_postgresql("round_lane", {"round_id": "round.id"})
        _rebuild_postgresql("round_event", {"round_id": "round.id"})
        for table, index in (("round", "ix_round_holder_id"),
                             ("round_lane", "ix_round_lane_officer_id"),
                             ("round_event", "ix_round_event_officer_id")):
            op.create_index(index, table, ["holder_id" if table == "round" else "officer_id"])
    # officers by id: match the names written so far (the first officer of that name)
    for table, name_col, id_col in (("round", "holder", "holder_id"),
                                    ("round_lane", "officer", "officer_id"),
                                    ("round_event", "officer", "officer_id")):
        op.execute(f"UPDATE {table} SET {id_col} = (SELECT min(officer.id) FROM officer "
                   f"WHERE officer.name = {table}.{name_col}) WHERE {name_col} IS NOT NULL")
    _chain_existing_events(conn)
    _append_only_triggers(dialect)


def downgrade() -> None:
    raise NotImplementedError("0005 is not reversible: history is never dropped")
