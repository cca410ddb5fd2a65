"""The `admin` commands, run with the owner's URL of a server database: the office role the
PCs use and one server login per person (store/server_roles.py)."""

from __future__ import annotations

import getpass
import os

from kecamatan_desktop.domain.errors import InputError

PASSWORD_ENV = "KECAMATAN_SERVER_PASSWORD"


def add_admin_commands(sub) -> None:
    p = sub.add_parser("admin", help="pengelolaan server PostgreSQL, dengan URL pemilik "
                                     "basis data (--db): peran kantor dan login per orang")
    admin = p.add_subparsers(dest="admin_command", required=True)
    grant = admin.add_parser("grant-office", help="perbarui skema lalu buat atau perbarui "
                                                  "peran kantor yang dipakai PC: baca dan "
                                                  "tambah riwayat, ubah hanya keadaan kini; "
                                                  "tanpa DDL dan TRUNCATE")
    grant.add_argument("role", metavar="PERAN")
    login = admin.add_parser("add-login", help="login server untuk satu orang, anggota peran "
                                               f"kantor; sandinya dari {PASSWORD_ENV} atau "
                                               "ditanyakan tanpa tampil")
    login.add_argument("name", metavar="NAMA")
    login.add_argument("--office", metavar="PERAN", required=True,
                       help="peran kantor (dari admin grant-office)")


def admin_command(args, db_path) -> int:
    from kecamatan_desktop.paths import ServerDatabase
    from kecamatan_desktop.services.session import open_catalogue
    from kecamatan_desktop.store import server_roles
    from kecamatan_desktop.store.database import transaction

    if not isinstance(db_path, ServerDatabase):
        raise InputError("Perintah admin hanya untuk basis data di server PostgreSQL "
                         "(--db postgresql+psycopg://pemilik:sandi@server/nama); tidak ada "
                         "yang diubah.")
    # names and the password are checked before the server is touched
    if args.admin_command == "grant-office":
        server_roles.role_name(args.role)
    else:
        server_roles.role_name(args.name, "Nama login")
        server_roles.role_name(args.office)
        password = _new_password(args.name)
    db = open_catalogue(db_path)  # the owner migrates and seeds; an office login is refused
    try:
        with db.guard(), db.session() as session, transaction(session):
            conn = session.connection()
            if not server_roles.may_migrate(conn):
                raise InputError(f"Pengguna {db_path.user} bukan pemilik basis data "
                                 f"{db_path.database}: perintah admin memakai URL pemilik; "
                                 "tidak ada yang diubah.")
            if args.admin_command == "grant-office":
                granted = server_roles.grant_office(conn, args.role)
            else:
                made = server_roles.add_login(conn, args.name, password, args.office)
    finally:
        db.close()
    if args.admin_command == "grant-office":
        for table, rights in granted.items():
            print(f"{table}: {', '.join(rights)}")
        print(f"Peran kantor {args.role} siap di {db_path}: {len(granted)} tabel.")
    else:
        done = "dibuat" if made else "diperbarui sandinya"
        print(f"Login {args.name} {done}, anggota peran kantor {args.office}.")
    return 0


def _new_password(name: str) -> str:
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        password = getpass.getpass(f"Sandi login {name}: ")
        if getpass.getpass("Ulangi sandi: ") != password:
            raise InputError("Kedua sandi tidak sama; tidak ada yang diubah.")
    if not password:
        raise InputError("Sandi login tidak boleh kosong; tidak ada yang diubah.")
    return password
