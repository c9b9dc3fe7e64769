"""A throwaway OpenLDAP server (Debian's slapd) with the demo directory.

`make ldap-demo` runs this script: it starts slapd on 127.0.0.1 (a free port,
or LDAP_PORT), loads the demo people and groups, and prints the environment
that points the site at it. The tests (tests/directory/slapd.py) start their
servers with the same `Slapd` class.

Everything lives in one temporary folder: a slapd.conf (no cn=config, no
root-owned system configuration), an MDB database, a self-signed certificate
made with openssl (ldaps:// on a second port, StartTLS on the first).
"""

from pathlib import Path

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time


SLAPD = shutil.which("slapd") or "/usr/sbin/slapd"
SLAPADD = shutil.which("slapadd") or "/usr/sbin/slapadd"
SCHEMA = Path("/etc/ldap/schema")
MODULES = Path("/usr/lib/ldap")

SUFFIX = "dc=bo,dc=gov,dc=vn"
ADMIN_DN = f"cn=admin,{SUFFIX}"
ADMIN_PASSWORD = "ldap-admin"  # noqa: S105 - a throwaway demo server
PEOPLE = f"ou=people,{SUFFIX}"
GROUPS = f"ou=groups,{SUFFIX}"
DEMO_PASSWORD = "qms-demo"  # noqa: S105 - the demo accounts' password

# uid -> (full name, directory groups, unit attribute `ou`)
PEOPLE_DATA = {
    "ld.iso.secretary": ("Nguyễn Thị Thư", ("GRP-THUKY-ISO",), "khcn"),
    "ld.leader": ("Trần Văn Lãnh", ("GRP-LANHDAO-BO",), ""),
    "ld.vp.head": ("Lê Văn Hải", ("GRP-VP-LANHDAO",), "vp"),
    "ld.vp.officer": ("Phạm Thị Oanh", ("GRP-VP-ISO",), "vp"),
    "ld.vp.staff": ("Hoàng Văn Sơn", ("GRP-VP-CANBO",), "vp"),
    "ld.khcn.head": ("Vũ Thị Hạnh", ("GRP-KHCN-LANHDAO",), "khcn"),
    "ld.khcn.officer": ("Đỗ Văn Ích", ("GRP-KHCN-ISO",), "khcn"),
    "ld.khcn.staff": ("Bùi Thị Sen", ("GRP-KHCN-CANBO",), "khcn"),
    "ld.phapche.head": ("Ngô Văn Hùng", ("GRP-PHAPCHE-LANHDAO",), "phapche"),
    "ld.phapche.officer": ("Đặng Thị Ổn", ("GRP-PHAPCHE-ISO",), "phapche"),
    "ld.phapche.staff": ("Lý Văn Sáng", ("GRP-PHAPCHE-CANBO",), "phapche"),
    "ld.auditor": (
        "Trịnh Văn Đức",
        ("GRP-DANHGIA-NOIBO", "GRP-VP-CANBO"),
        "vp",
    ),
    # locked in the directory (pwdAccountLockedTime): may not sign in
    "ld.locked": ("Tạ Văn Khóa", ("GRP-VP-CANBO",), "vp"),
}
LOCKED = ("ld.locked",)

# The setting that maps the demo directory's groups onto the QMS groups.
GROUP_MAP = {
    "GRP-THUKY-ISO": "qms-secretariat",
    "GRP-LANHDAO-BO": "qms-leaders",
    "GRP-DANHGIA-NOIBO": "qms-auditors",
    **{
        f"GRP-{unit.upper()}-{kind}": f"{unit}-{suffix}"
        for unit in ("vp", "khcn", "phapche")
        for kind, suffix in (
            ("CANBO", "staff"),
            ("ISO", "officers"),
            ("LANHDAO", "heads"),
        )
    },
}


def group_map_lines() -> str:
    return "\n".join(f"{source} = {target}" for source, target in GROUP_MAP.items())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ldif_entry(dn: str, **attrs) -> str:
    import base64

    lines = [f"dn: {dn}"]
    for name, values in attrs.items():
        for value in values if isinstance(values, list | tuple) else [values]:
            if value.isascii() and not value.startswith((" ", ":", "<")):
                lines.append(f"{name}: {value}")
            else:
                encoded = base64.b64encode(value.encode()).decode()
                lines.append(f"{name}:: {encoded}")
    return "\n".join(lines) + "\n"


def demo_ldif(with_groups: bool = True) -> str:
    """The demo directory; without its groups when `with_groups` is false."""
    entries = [
        ldif_entry(SUFFIX, objectClass=["dcObject", "organization"], dc="bo", o="Bộ"),
        ldif_entry(PEOPLE, objectClass="organizationalUnit", ou="people"),
        ldif_entry(GROUPS, objectClass="organizationalUnit", ou="groups"),
        ldif_entry(
            f"cn=default,ou=policies,{SUFFIX}",
            objectClass=["organizationalRole", "pwdPolicy"],
            cn="default",
            pwdAttribute="userPassword",
            pwdLockout="TRUE",
        ),
    ]
    entries.insert(
        3,
        ldif_entry(
            f"ou=policies,{SUFFIX}", objectClass="organizationalUnit", ou="policies"
        ),
    )
    members: dict[str, list[str]] = {}
    for uid, (name, groups, unit) in PEOPLE_DATA.items():
        attrs = {
            "objectClass": "inetOrgPerson",
            "uid": uid,
            "cn": name,
            "sn": name.split()[0],
            "givenName": name.split()[-1],
            "mail": f"{uid}@bo.gov.vn",
            "userPassword": DEMO_PASSWORD,
        }
        if unit:
            attrs["ou"] = unit
        if uid in LOCKED:
            attrs["pwdAccountLockedTime"] = "000001010000Z"
        entries.append(ldif_entry(f"uid={uid},{PEOPLE}", **attrs))
        for group in groups:
            members.setdefault(group, []).append(f"uid={uid},{PEOPLE}")
    for group in sorted(set(GROUP_MAP) | set(members)) if with_groups else ():
        entries.append(
            ldif_entry(
                f"cn={group},{GROUPS}",
                objectClass="groupOfNames",
                cn=group,
                # groupOfNames needs a member: the admin (no person) keeps
                # a group valid when its last person leaves
                member=[ADMIN_DN, *members.get(group, [])],
            )
        )
    return "\n".join(entries)


def groups_ldif() -> str:
    """The demo directory's groups alone."""
    everything = demo_ldif().split("\n\n")
    return "\n\n".join(e for e in everything if e.startswith("dn: cn=GRP-"))


CONF = """\
include {schema}/core.schema
include {schema}/cosine.schema
include {schema}/nis.schema
include {schema}/inetorgperson.schema
pidfile {folder}/slapd.pid
argsfile {folder}/slapd.args
modulepath {modules}
moduleload back_mdb
moduleload ppolicy
TLSCertificateFile {folder}/server.crt
TLSCertificateKeyFile {folder}/server.key
database mdb
maxsize 33554432
suffix "{suffix}"
rootdn "{admin}"
rootpw {password}
directory {folder}/data
index objectClass,uid,cn,member eq
overlay ppolicy
ppolicy_default "cn=default,ou=policies,{suffix}"
ppolicy_use_lockout
access to attrs=userPassword
  by self write
  by anonymous auth
  by * none
access to *
  by * read
"""


class Slapd:
    """slapd of its own, in a temporary folder, on loopback ports:
    `uri` (ldap://, StartTLS offered) and `ldaps_uri` (ldaps://)."""

    def __init__(
        self,
        folder: Path | None = None,
        port: int | None = None,
        require_tls: bool = False,
        member_of: bool = False,
    ):
        assert os.path.exists(SLAPD), "slapd is not installed: run `make ldap`"
        self.folder = Path(folder or tempfile.mkdtemp(prefix="qms-slapd-"))
        self.port = port or free_port()
        self.tls_port = free_port()
        self.process = None
        self.host = "127.0.0.1"
        # refuse every operation outside TLS (ldaps:// or StartTLS)
        self.require_tls = require_tls
        # people carry memberOf (the memberof overlay), as in Active
        # Directory: the groups are added to the running server, which
        # fills it (slapadd would not)
        self.member_of = member_of

    @property
    def uri(self) -> str:
        return f"ldap://{self.host}:{self.port}"

    @property
    def ldaps_uri(self) -> str:
        return f"ldaps://127.0.0.1:{self.tls_port}"

    @property
    def certificate(self) -> Path:
        return self.folder / "server.crt"

    def prepare(self) -> None:
        (self.folder / "data").mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
             "-days", "30", "-subj", "/CN=localhost",
             "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
             "-keyout", str(self.folder / "server.key"),
             "-out", str(self.certificate)],
            check=True, capture_output=True,
        )  # fmt: skip
        conf = CONF
        if self.member_of:
            conf = conf.replace(
                "moduleload ppolicy\n", "moduleload ppolicy\nmoduleload memberof\n"
            ).replace("overlay ppolicy\n", "overlay memberof\noverlay ppolicy\n")
        (self.folder / "slapd.conf").write_text(
            conf.format(
                schema=SCHEMA,
                modules=MODULES,
                folder=self.folder,
                suffix=SUFFIX,
                admin=ADMIN_DN,
                password=ADMIN_PASSWORD,
            )
            + ("security tls=1\n" if self.require_tls else "")
        )
        (self.folder / "demo.ldif").write_text(
            demo_ldif(with_groups=not self.member_of), encoding="utf-8"
        )
        # slapadd: the data goes in before the server runs (no bind needed)
        subprocess.run(
            [SLAPADD,
             "-f", str(self.folder / "slapd.conf"),
             "-l", str(self.folder / "demo.ldif")],
            check=True, capture_output=True, text=True,
        )  # fmt: skip

    def start(self) -> None:
        first = not (self.folder / "slapd.conf").exists()
        if first:
            self.prepare()
        urls = f"ldap://127.0.0.1:{self.port}/ ldaps://127.0.0.1:{self.tls_port}/"
        log = open(self.folder / "slapd.log", "ab")  # noqa: SIM115
        self.process = subprocess.Popen(  # noqa: S603 - Debian's slapd
            [SLAPD, "-d", "0", "-f", str(self.folder / "slapd.conf"), "-h", urls],
            stdout=log,
            stderr=log,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log()
            with contextlib.suppress(OSError):
                socket.create_connection(("127.0.0.1", self.port), 1).close()
                socket.create_connection(("127.0.0.1", self.tls_port), 1).close()
                break
            time.sleep(0.1)
        else:
            self.stop()
            raise AssertionError(f"slapd did not answer: {self.log()}")
        if first and self.member_of:
            try:
                self.ldap("ldapadd", groups_ldif())
            except BaseException:
                self.stop()  # leave nothing running
                raise

    def log(self) -> str:
        path = self.folder / "slapd.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def ldap(self, command: str, ldif: str) -> None:
        """ldapmodify/ldapadd as the directory's administrator."""
        done = subprocess.run(
            [command, "-x", "-H", self.uri, "-D", ADMIN_DN, "-w", ADMIN_PASSWORD],
            input=ldif, capture_output=True, text=True,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr

    def move(self, uid: str, old_group: str, new_group: str) -> None:
        """Move a person from one directory group to another."""
        member = f"uid={uid},{PEOPLE}"
        self.ldap(
            "ldapmodify",
            f"dn: cn={new_group},{GROUPS}\nchangetype: modify\n"
            f"add: member\nmember: {member}\n\n"
            f"dn: cn={old_group},{GROUPS}\nchangetype: modify\n"
            f"delete: member\nmember: {member}\n",
        )

    def pause(self) -> None:
        """SIGSTOP: the server accepts connections and never answers."""
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        self.process.send_signal(signal.SIGCONT)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def environment(self) -> dict[str, str]:
        """The settings that point the site at this server."""
        return {
            "QMS_LDAP_URI": self.uri,
            "QMS_LDAP_BIND_DN": ADMIN_DN,
            "QMS_LDAP_BIND_PASSWORD": ADMIN_PASSWORD,
            "QMS_LDAP_USERS_BASE": PEOPLE,
            "QMS_LDAP_GROUPS_BASE": GROUPS,
            "QMS_LDAP_GROUP_MAP": "; ".join(f"{s} = {t}" for s, t in GROUP_MAP.items()),
        }


def main() -> None:
    port = int(os.environ.get("LDAP_PORT") or 0) or free_port()
    server = Slapd(port=port)
    try:  # Ctrl+C at any moment after this: nothing left running
        server.start()
        env = server.environment()
        print()
        print(f"  OpenLDAP (slapd) with the demo directory: {server.uri}")
        print(f"  (ldaps: {server.ldaps_uri}, certificate {server.certificate})")
        print(f"  Data and log in {server.folder}")
        print(f"  Directory people (password {DEMO_PASSWORD}):")
        print("    " + " ".join(uid for uid in PEOPLE_DATA if uid not in LOCKED))
        print("    ld.locked is locked in the directory and may not sign in.")
        print()
        print("  In another terminal, start the site pointed at it:")
        print()
        exports = " ".join(f"{k}='{v}'" for k, v in env.items())
        print(f"    {exports} make start")
        print()
        print("  Stop with Ctrl+C.")
        sys.stdout.flush()
        server.process.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.remove()


if __name__ == "__main__":
    main()
