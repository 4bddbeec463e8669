"""Test support for the API layer: a scripted stub HTTP server, a self-signed certificate,
the live reference server and their fixtures (the in-memory keyring is in
tests/keyring_fixtures.py).

tests/api/conftest.py only re-exports the fixtures (one `conftest` module name per mypy run).
"""

import datetime as dt
import importlib.util
import ipaddress
import json
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from desktop_app.api import ApiClient, ApiSettings, AuthSession, NoTokenStore
from desktop_app.server.database import Database
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.server.seed import seed_demo
from desktop_app.server.settings import ServerSettings

Json = dict[str, Any]

# --- scripted stub server ------------------------------------------------------------------


@dataclass
class Reply:
    status: int = 200
    body: bytes | str | Json | list[Any] = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0

    def payload(self) -> tuple[bytes, str]:
        if isinstance(self.body, bytes):
            return self.body, "application/octet-stream"
        if isinstance(self.body, str):
            return self.body.encode(), "text/html; charset=utf-8"
        return json.dumps(self.body).encode(), "application/json"


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    query: str = ""


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients that gave up (timeouts, TLS refusals) are expected here."""


class StubServer:
    """Answers (method, path) with scripted replies; the last reply of a script repeats."""

    def __init__(self, ssl_context: ssl.SSLContext | None = None) -> None:
        self.scripts: dict[tuple[str, str], list[Reply]] = {}
        self.requests: list[Recorded] = []
        self._lock = threading.Lock()
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                """Silent."""

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                path, _, query = self.path.partition("?")
                reply = stub.next_reply(Recorded(self.command, path, dict(self.headers), body,
                                                 query))
                if reply.delay:
                    time.sleep(reply.delay)
                content, content_type = reply.payload()
                self.send_response(reply.status)
                headers = {"Content-Type": content_type} | reply.headers
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            do_GET = do_POST = do_PUT = do_DELETE = _handle  # noqa: N815

        self._server = _QuietServer(("127.0.0.1", 0), Handler)
        if ssl_context is not None:
            self._server.socket = ssl_context.wrap_socket(self._server.socket, server_side=True)
        self.port: int = self._server.server_address[1]
        scheme = "https" if ssl_context is not None else "http"
        self.url = f"{scheme}://127.0.0.1:{self.port}"
        self.api = self.url + "/api/v1"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True,
                                        kwargs={"poll_interval": 0.05})
        self._thread.start()

    def script(self, method: str, path: str, *replies: Reply) -> None:
        with self._lock:
            self.scripts[(method, "/api/v1" + path)] = list(replies)

    def next_reply(self, recorded: Recorded) -> Reply:
        with self._lock:
            self.requests.append(recorded)
            replies = self.scripts.get((recorded.method, recorded.path))
            if not replies:
                return Reply(404, {"title": "Not Found", "status": 404},
                             {"Content-Type": "application/problem+json"})
            return replies.pop(0) if len(replies) > 1 else replies[0]

    def count(self, method: str, path: str) -> int:
        with self._lock:
            return sum(1 for r in self.requests
                       if r.method == method and r.path == "/api/v1" + path)

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


@pytest.fixture
def stub() -> Iterator[StubServer]:
    server = StubServer()
    yield server
    server.stop()


def fast_settings(base_url: str, **overrides: Any) -> ApiSettings:
    """Settings with short timeouts and a tiny backoff, so retry tests run quickly."""
    values: dict[str, Any] = {"connect_timeout": 2.0, "read_timeout": 5.0,
                              "max_retries": 3, "backoff_factor": 0.01,
                              "max_retry_after": 5.0}
    return ApiSettings(base_url, **(values | overrides))


ME: Json = {"user_id": "u-1", "username": "max.nord", "display_name": "Max Nord",
            "email": "max@example.test", "role": "partner_clerk",
            "tenant": {"id": "t-1", "name": "Nordlicht", "email": None, "parent_id": None,
                       "has_power_of_attorney": True, "is_provider": False}}
STUB_ACCESS = "stub-access-token-0123456789"
STUB_REFRESH = "stub-refresh-token-0123456789"


def token_pair(access: str = STUB_ACCESS, refresh: str = STUB_REFRESH) -> Json:
    return {"access_token": access, "refresh_token": refresh, "token_type": "bearer",
            "expires_in": 900, "refresh_expires_in": 86400}


def stub_client(stub: StubServer, **overrides: Any) -> ApiClient:
    """A client signed in at the stub (scripts /auth/token and /me if not scripted yet)."""
    stub.scripts.setdefault(("POST", "/api/v1/auth/token"), [Reply(200, token_pair())])
    stub.scripts.setdefault(("GET", "/api/v1/me"), [Reply(200, ME)])
    settings = fast_settings(stub.api, **overrides)
    auth = AuthSession(settings, NoTokenStore())
    auth.login("max.nord", "secret-password")
    return ApiClient(settings, auth)


# --- TLS -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Certificate:
    cert_file: Path
    key_file: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert_file, self.key_file)
        return context


def make_self_signed(directory: Path) -> Certificate:
    """A self-signed certificate for 127.0.0.1/localhost (usable as its own CA bundle)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "OrderDesk test CA")])
    now = dt.datetime.now(dt.UTC)
    public = key.public_key()
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(public).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=True, crl_sign=True,
                                         encipher_only=False, decipher_only=False),
                           critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(public),
                           critical=False)
            .add_extension(x509.SubjectAlternativeName([
                x509.DNSName("localhost"),
                x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = directory / "cert.pem", directory / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return Certificate(cert_file, key_file)


def make_self_signed_with_openssl(directory: Path) -> Certificate:
    """The same with the openssl command line, where cryptography is not installed."""
    cert_file, key_file = directory / "cert.pem", directory / "key.pem"
    subprocess.run(  # noqa: S603 (fixed arguments)
        [shutil.which("openssl") or "openssl", "req", "-x509", "-newkey", "ec",
         "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
         "-subj", "/CN=OrderDesk test CA", "-keyout", str(key_file), "-out", str(cert_file),
         "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
         "-addext", "basicConstraints=critical,CA:TRUE",
         "-addext", "keyUsage=critical,digitalSignature,keyCertSign,cRLSign"],
        check=True, capture_output=True)
    return Certificate(cert_file, key_file)


@pytest.fixture(scope="session")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Certificate:
    directory = tmp_path_factory.mktemp("tls")
    if importlib.util.find_spec("cryptography") is not None:
        return make_self_signed(directory)
    if shutil.which("openssl"):
        return make_self_signed_with_openssl(directory)
    pytest.skip("neither cryptography nor openssl is available to make a test certificate")


@pytest.fixture
def tls_stub(certificate: Certificate) -> Iterator[StubServer]:
    server = StubServer(certificate.server_context())
    yield server
    server.stop()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


# --- live reference server -----------------------------------------------------------------


@pytest.fixture(scope="session")
def api_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedServer]:
    path = tmp_path_factory.mktemp("api-server") / "server.sqlite3"
    url = f"sqlite:///{path}"
    database = Database(url)
    seed_demo(database)
    database.dispose()
    server = EmbeddedServer.start(ServerSettings(database_url=url, simulator_interval=0))
    yield server
    server.stop()
