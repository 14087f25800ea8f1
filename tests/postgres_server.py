"""A throwaway PostgreSQL server for the tests: ``initdb`` in a temporary folder, a
Unix socket in that folder and no network port, stopped and removed at the end.

PostgreSQL refuses to run as root (CI runs as root): then the server's programs
run as the ``postgres`` account that Debian's package creates, on a folder handed
to it. Connections use the socket with ``trust`` authentication, as the server's
superuser; Recap itself connects through the same kind of URL a user writes.

pytest-postgresql is not used: it starts the server on a TCP port and waits for
that port, and runs initdb as the current user, so it can neither stay off the
network nor run under root.
"""

import os
import pwd
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy import URL

SERVER_ACCOUNT = "postgres"  # who runs the server when the tests run as root
SUPERUSER = "postgres"  # the role initdb makes
# The one role that must give a password (to test logins); every other is trusted.
PASSWORD_ROLE = "recap_with_password"
# Speed over durability: the server and its data die with the test run.
SETTINGS = {
    "listen_addresses": "''",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "100",
    "shared_buffers": "'64MB'",
}
# Debian keeps the server programs out of PATH, one folder per major version.
DEBIAN_PROGRAMS = Path("/usr/lib/postgresql")


def server_programs() -> Path | None:
    """The folder holding initdb and pg_ctl (the newest Debian version first), or None."""
    folders = []
    if DEBIAN_PROGRAMS.is_dir():
        versions = [path for path in DEBIAN_PROGRAMS.iterdir() if path.name.isdigit()]
        folders += [path / "bin" for path in sorted(versions, key=lambda p: -int(p.name))]
    on_path = shutil.which("initdb")
    if on_path is not None:
        folders.append(Path(on_path).resolve().parent)
    for folder in folders:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    return None


@dataclass(frozen=True)
class Account:
    """Who runs the server's programs: keyword arguments for subprocess.run."""

    uid: int
    gid: int

    def run_options(self) -> dict[str, Any]:
        if self.uid == os.geteuid():
            return {}
        return {"user": self.uid, "group": self.gid, "extra_groups": []}


def server_account() -> Account:
    if os.geteuid() != 0:
        return Account(os.geteuid(), os.getegid())
    try:
        entry = pwd.getpwnam(SERVER_ACCOUNT)
    except KeyError:
        raise RuntimeError(
            f"The tests run as root and there is no '{SERVER_ACCOUNT}' account to run "
            "PostgreSQL as (Debian's postgresql package creates it)."
        ) from None
    return Account(entry.pw_uid, entry.pw_gid)


class ThrowawayServer:
    """One server for a test session; each test gets its own database on it."""

    def __init__(self, programs: Path) -> None:
        self.programs = programs
        self.account = server_account()
        self.folder = Path(tempfile.mkdtemp(prefix="recap-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.started = False
        self._numbers = 0

    def _run(self, *arguments: str) -> None:
        result = subprocess.run(
            [str(self.programs / arguments[0]), *arguments[1:]],
            cwd=self.folder,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
            **self.account.run_options(),
        )
        if result.returncode != 0:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            raise RuntimeError(
                f"{arguments[0]} failed ({result.returncode}): {result.stderr}{result.stdout}{log}"
            )

    def start(self) -> None:
        os.chown(self.folder, self.account.uid, self.account.gid)
        # No locale: the server must not need one for Recap's search to be right.
        self._run(
            "initdb",
            "--pgdata",
            str(self.data),
            "--username",
            SUPERUSER,
            "--auth",
            "trust",
            "--encoding",
            "UTF8",
            "--no-locale",
            "--no-sync",
        )
        settings = dict(SETTINGS, unix_socket_directories=f"'{self.folder}'")
        with (self.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.writelines(f"{name} = {value}\n" for name, value in settings.items())
        (self.data / "pg_hba.conf").write_text(
            f"local all {PASSWORD_ROLE} scram-sha-256\nlocal all all trust\n", encoding="utf-8"
        )
        self._run("pg_ctl", "start", "--pgdata", str(self.data), "--log", str(self.log), "--wait")
        self.started = True

    def pause(self) -> None:
        """Stop the server as a crash or a restart would, keeping its data."""
        self._run("pg_ctl", "stop", "--pgdata", str(self.data), "--mode", "fast", "--wait")

    def resume(self) -> None:
        self._run("pg_ctl", "start", "--pgdata", str(self.data), "--log", str(self.log), "--wait")

    def stop(self) -> None:
        if self.started:
            self._run("pg_ctl", "stop", "--pgdata", str(self.data), "--mode", "immediate")
            self.started = False
        shutil.rmtree(self.folder, ignore_errors=True)

    def version(self) -> str:
        with self.admin() as connection:
            row = connection.execute("SHOW server_version").fetchone()
        assert row is not None
        return str(row[0])

    # -- databases -------------------------------------------------------------------

    def url(self, database: str, user: str = SUPERUSER) -> URL:
        """The URL a user would give Recap for ``database`` on this server's socket."""
        return URL.create(
            "postgresql+psycopg", username=user, database=database, query={"host": str(self.folder)}
        )

    def admin(self, database: str = "postgres") -> psycopg.Connection[Any]:
        return psycopg.connect(
            host=str(self.folder), user=SUPERUSER, dbname=database, autocommit=True
        )

    def new_database_name(self, prefix: str = "recap_test") -> str:
        self._numbers += 1
        return f"{prefix}_{os.getpid()}_{self._numbers}"

    def create_database(self, name: str, template: str | None = None) -> None:
        assert re.fullmatch(r"[a-z0-9_]+", name)
        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        with self.admin() as connection:
            if template is not None:
                statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
                if connection.info.server_version >= 150000:
                    # A file copy of a small template is quicker than WAL-logging it.
                    statement += sql.SQL(" STRATEGY FILE_COPY")
            connection.execute(statement)

    def drop_database(self, name: str) -> None:
        with self.admin() as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
