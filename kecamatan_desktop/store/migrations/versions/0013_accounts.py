"""accounts: who may record, their signing keys, and a signature on every record

- account: one per officer who signs in (role admin, pelaksana or pemantau), the password's
  argon2id hash, failed attempts and the time a lock ends (kept here, so every PC sees it);
- account_key: each account's Ed25519 public key and its private key sealed under the
  password; the database refuses DELETE and any change of a key's owner, public key or
  start, and any change at all once a key is retired (valid_to set);
- record_signature: one signature per record signed (a round event, an SOP revision, a
  calendar change, a decree version), append-only like the rest of the history.

Self-contained: literal names and SQL only, in the migration's one transaction.

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

SIGNATURES = "record_signature"
KEYS = "account_key"


def _tables() -> None:
    op.create_table(
        "account",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("officer_id", sa.Integer(), sa.ForeignKey("officer.id", ondelete="RESTRICT"),
                  nullable=False, unique=True),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("password_hash", sa.String(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        KEYS,
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("account.id", ondelete="RESTRICT"),
                  nullable=False),
        sa.Column("public_key", sa.String(64), nullable=False, unique=True),
        sa.Column("salt", sa.String(32), nullable=False),
        sa.Column("sealed_key", sa.String(), nullable=False),
        sa.Column("valid_from", sa.DateTime(), nullable=False),
        sa.Column("valid_to", sa.DateTime(), nullable=True),
    )
    op.create_index(f"ix_{KEYS}_account_id", KEYS, ["account_id"])
    op.create_table(
        SIGNATURES,
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("subject", sa.String(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("key_id", sa.Integer(), sa.ForeignKey(f"{KEYS}.id", ondelete="RESTRICT"),
                  nullable=False),
        sa.Column("signature", sa.String(128), nullable=False),
        sa.UniqueConstraint("subject", "subject_id", name=f"uq_{SIGNATURES}_subject"),
    )
    op.create_index(f"ix_{SIGNATURES}_key_id", SIGNATURES, ["key_id"])


def _sqlite_guards() -> None:
    # the signatures as 0009 guards decree versions, repeated: a migration must not change
    # with a helper
    for action in ("UPDATE", "DELETE"):
        op.execute(f"CREATE TRIGGER {SIGNATURES}_no_{action.lower()} BEFORE {action} ON "
                   f"{SIGNATURES} BEGIN SELECT RAISE(ABORT, '{SIGNATURES} is append-only: "
                   f"{action} refused'); END")
    op.execute(f"CREATE TRIGGER {KEYS}_no_delete BEFORE DELETE ON {KEYS} BEGIN "
               f"SELECT RAISE(ABORT, '{KEYS} keeps its keys: DELETE refused'); END")
    op.execute(f"CREATE TRIGGER {KEYS}_fixed BEFORE UPDATE ON {KEYS} WHEN "
               "NEW.id IS NOT OLD.id OR NEW.account_id IS NOT OLD.account_id OR "
               "NEW.public_key IS NOT OLD.public_key OR NEW.valid_from IS NOT OLD.valid_from "
               "OR OLD.valid_to IS NOT NULL BEGIN "
               f"SELECT RAISE(ABORT, '{KEYS} keeps its keys: UPDATE refused'); END")


def _server_guards() -> None:
    op.execute(f"CREATE FUNCTION {SIGNATURES}_append_only() RETURNS trigger AS $$ BEGIN "
               f"RAISE EXCEPTION '{SIGNATURES} is append-only: % refused', TG_OP; END; "
               "$$ LANGUAGE plpgsql")
    op.execute(f"CREATE TRIGGER {SIGNATURES}_append_only BEFORE UPDATE OR DELETE ON "
               f"{SIGNATURES} FOR EACH ROW EXECUTE FUNCTION {SIGNATURES}_append_only()")
    op.execute(f"CREATE TRIGGER {SIGNATURES}_no_truncate BEFORE TRUNCATE ON {SIGNATURES} "
               f"FOR EACH STATEMENT EXECUTE FUNCTION {SIGNATURES}_append_only()")
    op.execute(
        f"CREATE FUNCTION {KEYS}_guard() RETURNS trigger AS $$ BEGIN "
        "IF TG_OP <> 'UPDATE' THEN "
        f"RAISE EXCEPTION '{KEYS} keeps its keys: % refused', TG_OP; END IF; "
        "IF NEW.id IS DISTINCT FROM OLD.id OR NEW.account_id IS DISTINCT FROM OLD.account_id "
        "OR NEW.public_key IS DISTINCT FROM OLD.public_key "
        "OR NEW.valid_from IS DISTINCT FROM OLD.valid_from OR OLD.valid_to IS NOT NULL THEN "
        f"RAISE EXCEPTION '{KEYS} keeps its keys: % refused', TG_OP; END IF; "
        "RETURN NEW; END; $$ LANGUAGE plpgsql")
    op.execute(f"CREATE TRIGGER {KEYS}_guard BEFORE UPDATE OR DELETE ON {KEYS} "
               f"FOR EACH ROW EXECUTE FUNCTION {KEYS}_guard()")
    op.execute(f"CREATE TRIGGER {KEYS}_no_truncate BEFORE TRUNCATE ON {KEYS} "
               f"FOR EACH STATEMENT EXECUTE FUNCTION {KEYS}_guard()")


def upgrade() -> None:
    _tables()
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_guards()
    else:
        _server_guards()


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        for table, function in ((SIGNATURES, f"{SIGNATURES}_append_only"),
                                (KEYS, f"{KEYS}_guard")):
            op.execute(f"DROP TRIGGER {function} ON {table}")
            op.execute(f"DROP TRIGGER {table}_no_truncate ON {table}")
            op.execute(f"DROP FUNCTION {function}()")
    op.drop_index(f"ix_{SIGNATURES}_key_id", SIGNATURES)
    op.drop_table(SIGNATURES)
    op.drop_index(f"ix_{KEYS}_account_id", KEYS)
    op.drop_table(KEYS)
    op.drop_table("account")
