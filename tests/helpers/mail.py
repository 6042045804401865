"""Real mail servers for the tests, on 127.0.0.1: an aiosmtpd SMTP server (AUTH, STARTTLS on
a certificate made here) and Dovecot (IMAP) with a throwaway config and a passwd-file user;
and a Secret Service (gnome-keyring on its own D-Bus session) for the keyring tests.

Each is started by a fixture (tests/mail/conftest.py) and stopped after its test.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email
import imaplib
import os
import shutil
import socket
import ssl
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

USER = "camille@example.com"
PASSWORD = "s3cret-pass"


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now (for servers that cannot bind port 0 and say which
    port they got, like Dovecot; or a server restarted on the port it had)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class Tls:
    """A throwaway CA and a server certificate for 127.0.0.1 and localhost it signed."""

    ca: Path
    cert: Path
    key: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert, self.key)
        return context


def make_tls(folder: Path) -> Tls:
    """Generate the CA and the server certificate with ``cryptography``."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "closer_desk test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]
            ),
            critical=False,
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .add_extension(x509.ExtendedKeyUsage([x509.OID_SERVER_AUTH]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    tls = Tls(folder / "ca.pem", folder / "server.pem", folder / "server.key")
    tls.ca.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    tls.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    tls.key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return tls


# -- SMTP ---------------------------------------------------------------------------------
#: What the server answers at the end of DATA for one message: "250 OK", "451 ...", ...
Answer = Callable[[bytes], str]


@dataclass
class Received:
    """One message the server accepted (or saw, for a refused one)."""

    mail_from: str
    rcpt_tos: list[str]
    data: bytes
    answer: str
    auth: str | None

    @property
    def message(self) -> EmailMessage:
        parsed = email.message_from_bytes(self.data, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed

    @property
    def message_id(self) -> str:
        return str(self.message["Message-ID"])


@dataclass
class _Handler:
    server: SmtpServer

    async def handle_DATA(self, _server: Any, session: Any, envelope: Any) -> str:
        data = bytes(envelope.original_content or envelope.content)
        answer = self.server.answer(data)
        login = session.auth_data.login.decode() if session.authenticated else None
        record = Received(envelope.mail_from, list(envelope.rcpt_tos), data, answer, login)
        with self.server.lock:
            self.server.seen.append(record)
            if answer.startswith("250"):
                self.server.accepted.append(record)
        if self.server.hold is not None and self.server.hold_if(data):
            # A test that kills the client while the server holds the message (the whole
            # DATA received, the answer not yet sent).
            self.server.holding.set()
            await _wait(self.server.hold)
        return answer

    async def handle_RCPT(
        self, _server: Any, _session: Any, envelope: Any, address: str, _options: Any
    ) -> str:
        if self.server.stall_rcpt is not None and self.server.stall_if(address):
            self.server.stalling.set()
            await _wait(self.server.stall_rcpt)
        envelope.rcpt_tos.append(address)
        return "250 OK"


async def _wait(event: threading.Event) -> None:
    import asyncio

    while not event.is_set():
        await asyncio.sleep(0.01)


class _PortZeroController(Controller):
    """aiosmtpd's Controller bound to port 0: the port the system gave is read back."""

    def _trigger_server(self) -> None:
        assert self.server is not None
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


@dataclass
class SmtpServer:
    """An aiosmtpd server on 127.0.0.1.

    Attributes:
        tls: STARTTLS on this certificate (None: no TLS).
        users: logins accepted by AUTH (empty: no AUTH offered).
        answer: what it answers at the end of DATA (default ``250 OK``).
        accepted: the messages it accepted; ``seen`` every message whose DATA ended.
        hold / stall_rcpt: set to an Event to make the server wait (until it is set) after
            the whole DATA of a message ``hold_if`` picks (holding), or at the RCPT of an
            address ``stall_if`` picks (stalling) — for the crash tests.
    """

    tls: Tls | None = None
    users: dict[str, str] = field(default_factory=dict)
    answer: Answer = lambda _data: "250 OK"
    port: int = 0
    accepted: list[Received] = field(default_factory=list)
    seen: list[Received] = field(default_factory=list)
    hold: threading.Event | None = None
    hold_if: Callable[[bytes], bool] = lambda _data: True
    holding: threading.Event = field(default_factory=threading.Event)
    stall_rcpt: threading.Event | None = None
    stall_if: Callable[[str], bool] = lambda _address: True
    stalling: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    _controller: Controller | None = None

    def _authenticate(
        self, _server: Any, _session: Any, _envelope: Any, _mechanism: str, data: Any
    ) -> AuthResult:
        if not isinstance(data, LoginPassword):
            return AuthResult(success=False, handled=False)
        ok = self.users.get(data.login.decode()) == data.password.decode()
        return AuthResult(success=ok, handled=False, auth_data=data)

    def start(self, port: int | None = None) -> SmtpServer:
        """Start on ``port`` (default: the one it had, or a free one the system picks)."""
        kwargs: dict[str, Any] = {}
        if self.tls is not None:
            kwargs["tls_context"] = self.tls.server_context()
            kwargs["require_starttls"] = True
        if self.users:
            kwargs["authenticator"] = self._authenticate
            kwargs["auth_required"] = True
            kwargs["auth_require_tls"] = self.tls is not None
        controller = _PortZeroController(
            _Handler(self),
            hostname="127.0.0.1",
            port=self.port if port is None else port,
            server_hostname="smtp.test",
            **kwargs,
        )
        controller.start()
        self.port = controller.port
        self._controller = controller
        return self

    def stop(self) -> None:
        """Stop listening (the port is left free for a restart)."""
        if self._controller is not None:
            if self.hold is not None:
                self.hold.set()
            if self.stall_rcpt is not None:
                self.stall_rcpt.set()
            self._controller.stop()
            self._controller = None

    def ids(self) -> list[str]:
        """The Message-IDs it accepted, in order."""
        with self.lock:
            return [r.message_id for r in self.accepted]


# -- IMAP (Dovecot) -------------------------------------------------------------------------
DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"

_DOVECOT_CONF = """\
protocols = imap
listen = 127.0.0.1
base_dir = {base}/run
state_dir = {base}/state
log_path = {base}/dovecot.log
ssl = {ssl}
{ssl_files}
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
first_valid_uid = 1
default_login_user = dovenull
default_internal_user = dovecot
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {base}/passwd
}}
userdb {{
  driver = static
  args = uid=dovecot gid=dovecot home={base}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
"""


@dataclass
class Dovecot:
    """A Dovecot IMAP server on 127.0.0.1 with one passwd-file user (``USER``).

    Its files live in a folder of their own that Dovecot's unprivileged users can read (a
    pytest tmp_path is private to root), removed at ``stop``.
    """

    tls: Tls | None = None
    port: int = 0
    base: Path | None = None
    _process: subprocess.Popen[bytes] | None = None

    def start(self) -> Dovecot:
        base = Path(tempfile.mkdtemp(prefix="closer-dovecot-"))
        base.chmod(0o755)
        (base / "home").mkdir()
        shutil.chown(base / "home", "dovecot", "dovecot")
        (base / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n")
        (base / "passwd").chmod(0o644)
        ssl_files = ""
        if self.tls is not None:
            ssl_files = f"ssl_cert = <{self.tls.cert}\nssl_key = <{self.tls.key}"
        self.port = free_port()
        (base / "dovecot.conf").write_text(
            _DOVECOT_CONF.format(
                base=base,
                port=self.port,
                ssl="yes" if self.tls else "no",
                ssl_files=ssl_files,
            )
        )
        self.base = base
        self._process = subprocess.Popen(
            [DOVECOT, "-F", "-c", str(base / "dovecot.conf")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"dovecot exited: {self.log()}")
            with contextlib.suppress(OSError, imaplib.IMAP4.error):
                box = imaplib.IMAP4("127.0.0.1", self.port, timeout=2)
                box.logout()
                return self
            time.sleep(0.05)
        raise RuntimeError(f"dovecot did not start: {self.log()}")

    def log(self) -> str:
        path = (self.base or Path("/nonexistent")) / "dovecot.log"
        return path.read_text()[-2000:] if path.exists() else ""

    def append(self, data: bytes) -> None:
        """Put a message in the user's INBOX with IMAP APPEND."""
        box = imaplib.IMAP4("127.0.0.1", self.port, timeout=10)
        try:
            if self.tls is not None:
                box.starttls(ssl.create_default_context(cafile=str(self.tls.ca)))
            box.login(USER, PASSWORD)
            status, detail = box.append("INBOX", None, None, data)
            assert status == "OK", detail
        finally:
            box.logout()

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None
        if self.base is not None:
            shutil.rmtree(self.base, ignore_errors=True)


# -- the Secret Service -------------------------------------------------------------------
def has_secret_service_tools() -> bool:
    return bool(shutil.which("dbus-daemon") and shutil.which("gnome-keyring-daemon"))


@contextlib.contextmanager
def secret_service(home: Path) -> Iterator[dict[str, str]]:
    """A D-Bus session with gnome-keyring's Secret Service, its login collection unlocked
    and made the default; yields the environment that reaches it."""
    data = home / "share"
    (data / "keyrings").mkdir(parents=True, exist_ok=True)
    # Without a default collection the keyring would ask to create one at a prompt.
    (data / "keyrings" / "default").write_text("login")
    runtime = home / "runtime-keyring"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = dict(os.environ, XDG_DATA_HOME=str(data), XDG_RUNTIME_DIR=str(runtime))
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    keyring_daemon = None
    try:
        assert bus.stdout is not None
        env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
        keyring_daemon = subprocess.Popen(
            ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        assert keyring_daemon.stdin is not None
        keyring_daemon.stdin.write(b"unlock-password")  # the login keyring's, made now
        keyring_daemon.stdin.close()
        _wait_for_secret_service(env)
        yield {k: env[k] for k in ("DBUS_SESSION_BUS_ADDRESS", "XDG_DATA_HOME", "XDG_RUNTIME_DIR")}
    finally:
        for process in (keyring_daemon, bus):
            if process is not None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        if bus.stdout is not None:
            bus.stdout.close()


def _wait_for_secret_service(env: dict[str, str]) -> None:
    probe = (
        "import secretstorage\n"
        "c = secretstorage.dbus_init()\n"
        "assert secretstorage.check_service_availability(c)\n"
        "assert not secretstorage.get_default_collection(c).is_locked()\n"
    )
    import sys

    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        done = subprocess.run(
            [sys.executable, "-c", probe], env=env, capture_output=True, timeout=20
        )
        if done.returncode == 0:
            return
        time.sleep(0.1)
    raise RuntimeError("the Secret Service did not start")
