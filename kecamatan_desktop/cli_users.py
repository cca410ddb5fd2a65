"""The command line's sign-in (`--user NIP`, the password from KECAMATAN_PASSWORD or a
prompt without echo) and its `user` commands over services/accounts.py."""

from __future__ import annotations

import getpass
import os

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.services.identity import PASSWORD_ENV

# the password of the account a `user add` or `user password` sets, when not prompted for
NEW_PASSWORD_ENV = "KECAMATAN_NEW_PASSWORD"


def add_user_commands(sub) -> None:
    p_user = sub.add_parser("user", help="pengguna yang boleh mencatat: tambah, ganti sandi, "
                                         "nonaktifkan, daftar (Admin; pengguna pertama: "
                                         "user add NIP --role admin)")
    users = p_user.add_subparsers(dest="user_command", required=True,
                                  parser_class=sub._parser_class)
    p_add = users.add_parser("add", help="akun untuk pegawai aktif dengan NIP itu")
    p_add.add_argument("nip", metavar="NIP")
    p_add.add_argument("--role", required=True, choices=("admin", "pelaksana", "pemantau"))
    p_password = users.add_parser("password", help="ganti sandi sendiri, atau (Admin) atur "
                                                   "ulang sandi pengguna lain")
    p_password.add_argument("nip", metavar="NIP")
    users.add_parser("deactivate", help="nonaktifkan akun").add_argument("nip", metavar="NIP")
    users.add_parser("list", help="daftar pengguna")


def password(prompt: str, env: str = PASSWORD_ENV) -> str:
    """From the environment (scripts, tests), else asked without echo."""
    given = os.environ.get(env)
    if given is not None:
        return given
    try:
        return getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt):
        raise InputError("Sandi tidak dimasukkan; tidak ada yang dilakukan") from None


def _new_password(args, who: str) -> str:
    """The password an account gets: KECAMATAN_NEW_PASSWORD, else (the first administrator,
    nobody signed in) KECAMATAN_PASSWORD, else asked twice."""
    if NEW_PASSWORD_ENV in os.environ:
        return os.environ[NEW_PASSWORD_ENV]
    if args.user is None and PASSWORD_ENV in os.environ:
        return os.environ[PASSWORD_ENV]
    first = password(f"Sandi baru untuk {who}: ", env=NEW_PASSWORD_ENV)
    if password("Ulangi sandi baru: ", env=NEW_PASSWORD_ENV) != first:
        raise InputError("Kedua sandi tidak sama; tidak ada yang diubah")
    return first


def sign_in(args, session) -> None:
    """`--user NIP`: signed in for this run, or refused (exit 2) with one line."""
    from kecamatan_desktop.services import accounts, identity

    identity.set_current(None)  # one run, one user: nobody from an earlier call in-process
    if args.user is None or args.read_only:  # read-only: nothing to write or sign
        return
    identity.set_current(accounts.sign_in(args.user, password(f"Sandi {args.user}: "),
                                          session=session))


def user_command(args, session) -> None:
    from kecamatan_desktop.services import accounts

    if args.user_command == "list":
        for user in accounts.list_users(session=session):
            state = "aktif" if user.active else "nonaktif"
            print(f"{user.nip:<24} {user.role.value:<10} {state:<9} {user.name}")
        return
    if args.user_command == "add":
        made = accounts.add_user(args.nip, args.role, _new_password(args, args.nip),
                                 session=session)
        print(f"Pengguna ditambahkan: {made.name} ({made.nip}), peran {made.role.value}")
    elif args.user_command == "password":
        changed = accounts.set_password(args.nip, _new_password(args, args.nip),
                                        session=session)
        print(f"Sandi {changed.name} ({changed.nip}) diganti")
    elif args.user_command == "deactivate":
        gone = accounts.deactivate(args.nip, session=session)
        print(f"Akun {gone.name} ({gone.nip}) dinonaktifkan")
