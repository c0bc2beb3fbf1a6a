"""finsam serve: the TUI in a web browser through textual-serve, bound to 127.0.0.1.

The browser test loads the page in Debian's headless Chromium, driven over the DevTools protocol
on a pipe, and reads the terminal's text from xterm.js's buffer (the page draws it on a canvas,
so the DOM has no text to look at). Without Chromium it is skipped, and says why.
"""

from __future__ import annotations

import fcntl
import json
import os
import select
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from finsam_tui.cli import serve
from finsam_tui.cli.main import main

from .conftest import RECORDS, ROOT

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
NAME = "Samordningsförbundet Norra Mellanland"  # records/forbund.toml


# --- the server, started as a user would --------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served:
    def __init__(self, proc: subprocess.Popen, port: int, out_path: Path, records: Path):
        self.proc, self.port, self.out_path, self.records = proc, port, out_path, records
        self.url = f"http://127.0.0.1:{port}"

    def output(self) -> str:
        return self.out_path.read_text(encoding="utf-8", errors="replace")


def start_server(records: Path, port: int, tmp: Path, *extra: str) -> Served:
    out_path = tmp / f"serve-{port}.log"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("FINSAM_LANG", None)
    with open(out_path, "wb") as out:
        # a session of its own: the server, its shells and their TUIs end together (stop_server)
        proc = subprocess.Popen([sys.executable, "-m", "finsam_tui", "serve", "--records", str(records),
                                 "--port", str(port), *extra],
                                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
                                cwd=tmp, start_new_session=True)
    served = Served(proc, port, out_path, records)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"finsam serve exited with {proc.returncode}:\n{served.output()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return served
        except OSError:
            time.sleep(0.1)
    stop_server(served)
    raise AssertionError(f"finsam serve did not listen on {port} within 30 s:\n{served.output()}")


def stop_server(served: Served) -> None:
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(served.proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            served.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            continue
        # the TUIs of the tabs are in the same process group: make sure none is left behind
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and _group_alive(served.proc.pid):
            time.sleep(0.1)
        if not _group_alive(served.proc.pid):
            break


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
        return True
    except ProcessLookupError:
        return False


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("serve")
    # a path with a space and a non-ASCII letter: the TUI command is a shell string
    records = tmp / "förbund med mellanslag" / "records"
    shutil.copytree(RECORDS, records, ignore=shutil.ignore_patterns(".finsam-cache"))
    server = start_server(records, free_port(), tmp)
    yield server
    stop_server(server)
    assert not _group_alive(server.proc.pid), "processes of finsam serve were left running"


# --- a tiny DevTools-protocol client on --remote-debugging-pipe ---------------------------------


class Chromium:
    """Headless Chromium driven over the DevTools protocol on a pipe (fd 3 in, fd 4 out)."""

    def __init__(self, binary: str, profile: Path):
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        # Chromium reads fd 3 and writes fd 4: a small Python moves the pipes there (from fds >= 10,
        # so that neither move overwrites the other) and execs it.
        low = (to_chrome_r, from_chrome_w)
        high_r, high_w = (fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in low)
        for fd in low:
            os.close(fd)
        with open(profile.parent / "chromium.log", "wb") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-c", PIPE_EXEC, str(high_r), str(high_w),
                 binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe",
                 "--window-size=1280,800", "about:blank"],
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, pass_fds=(high_r, high_w),
                start_new_session=True)
        os.close(high_r)
        os.close(high_w)
        self._buffer = b""
        self._next_id = 0

    def send(self, method: str, params: dict | None = None, session: str | None = None,
             timeout: float = 20) -> dict:
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise AssertionError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def _read(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_chrome], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self._from_chrome, 1 << 16)
            if not chunk:
                raise AssertionError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def close(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait(timeout=10)
        os.close(self._to_chrome)
        os.close(self._from_chrome)


PIPE_EXEC = """
import os, sys
os.dup2(int(sys.argv[1]), 3)
os.dup2(int(sys.argv[2]), 4)
os.closerange(5, 1024)
os.execv(sys.argv[3], sys.argv[3:])
"""

# textual-serve's page keeps its xterm.js Terminal in a local variable. Before the page's scripts
# run, catch it where the page's terminal object stores it (`this.terminal = new Terminal(…)`).
CATCH_TERMINAL = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "terminal", {value, writable: true, enumerable: true, configurable: true});
    if (value && value.buffer && value.buffer.active) window.__finsamTerminal = value;
  },
});
"""
SCREEN_TEXT = """(() => {
  const t = window.__finsamTerminal;
  if (!t) return null;
  const b = t.buffer.active, rows = [];
  for (let i = 0; i < t.rows; i++) {
    const line = b.getLine(b.viewportY + i);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\\n");
})()"""


def chromium_or_skip() -> str:
    binary = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
    if binary is None:
        reason = ("Debian's chromium is not installed (no chromium on PATH, no /usr/bin/chromium); "
                  ".ci/run installs it with apt-get when it can")
        print(f"SKIPPED test_serve browser test: {reason}", file=sys.stderr)
        pytest.skip(reason)
    return binary


def screen_in_browser(url: str, expected: list[str], timeout: float = 30) -> str:
    """Open url in headless Chromium and wait until the terminal shows every string of expected;
    the terminal's text (the last seen, on a timeout)."""
    binary = chromium_or_skip()
    with tempfile.TemporaryDirectory(prefix="finsam-chromium-") as tmp:
        browser = Chromium(binary, Path(tmp) / "profile")
        text = None
        try:
            target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            browser.send("Page.enable", session=session)
            browser.send("Runtime.enable", session=session)
            browser.send("Page.addScriptToEvaluateOnNewDocument", {"source": CATCH_TERMINAL}, session=session)
            browser.send("Page.navigate", {"url": url}, session=session)
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                result = browser.send("Runtime.evaluate", {"expression": SCREEN_TEXT, "returnByValue": True},
                                      session=session)
                text = result.get("result", {}).get("value")
                if text and all(s in text for s in expected):
                    return text
                time.sleep(0.25)
        finally:
            browser.close()
        log = (Path(tmp) / "chromium.log").read_text(errors="replace")[-2000:]
    raise AssertionError(f"the terminal did not show {expected} within {timeout} s; it showed:\n{text}\n"
                         f"--- chromium's log (end) ---\n{log}")


# --- the tests -----------------------------------------------------------------------------------


def test_the_browser_shows_the_tui(served):
    start = time.monotonic()
    # the header with the förbund's name and the sidebar's sections, as the TUI paints them
    screen_in_browser(served.url + "/", [NAME, "1 Möten", "2 Medlemmar"])
    print(f"the TUI appeared in Chromium in {time.monotonic() - start:.1f} s")
    # the TUI runs on the copy, through a path with a space in it
    assert f"({served.records.resolve()})" in served.output()


def test_it_listens_on_127_0_0_1_only_by_default(served):
    out = served.output()
    assert f"på {served.url}" in out and f"ssh -L {served.port}:127.0.0.1:{served.port}" in out
    socket.create_connection(("127.0.0.1", served.port), timeout=2).close()
    # bound to 127.0.0.1, not to every address: another loopback address of this machine is refused
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.2", served.port), timeout=2).close()
    listening = _listening_addresses(served.port)
    if listening is not None:
        assert listening == {"127.0.0.1"}


def _listening_addresses(port: int) -> set[str] | None:
    """The local addresses of the TCP sockets listening on port, from /proc (None elsewhere)."""
    found = set()
    for name, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        try:
            lines = Path(name).read_text().splitlines()[1:]
        except OSError:
            return None if width == 8 else found
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            address, port_hex = local.split(":")
            if state == "0A" and int(port_hex, 16) == port:  # 0A: LISTEN
                if width == 8:
                    found.add(socket.inet_ntop(socket.AF_INET, bytes.fromhex(address)[::-1]))
                else:
                    found.add(f"ipv6:{address}")
    return found


def test_other_sites_and_host_names_are_refused(served):
    import asyncio

    import aiohttp

    async def check():
        async with aiohttp.ClientSession() as http:
            async with http.get(served.url + "/") as ok:
                assert ok.status == 200
            async with http.get(served.url + "/", headers={"Host": f"evil.example:{served.port}"}) as rebinding:
                assert rebinding.status == 403
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(served.url.replace("http", "ws") + "/ws",
                                      headers={"Origin": "https://evil.example"})
            assert refused.value.status == 403
            # the page's own origin, as the browser sends it, may open the websocket
            ws = await http.ws_connect(served.url.replace("http", "ws") + "/ws?width=80&height=24",
                                       headers={"Origin": f"http://localhost:{served.port}"})
            await ws.close()

    asyncio.run(check())


def test_a_folder_that_is_not_a_records_folder_is_refused(tmp_path):
    port = free_port()
    out = subprocess.run([sys.executable, "-m", "finsam_tui", "serve", "--records", str(tmp_path),
                          "--port", str(port)], capture_output=True, text=True, timeout=60, cwd=ROOT, check=False,
                         env={k: v for k, v in os.environ.items() if k != "FINSAM_LANG"})
    assert out.returncode == 2
    assert f"{tmp_path} är ingen arkivmapp för finsam (forbund.toml saknas)." in out.stderr
    assert "finsam serve --records" in out.stderr
    # the same message and status as finsam tui
    tui = subprocess.run([sys.executable, "-m", "finsam_tui", "tui", str(tmp_path)], capture_output=True, check=False,
                         text=True, timeout=60, cwd=ROOT, env={k: v for k, v in os.environ.items()
                                                                if k != "FINSAM_LANG"})
    assert tui.returncode == 2 and tui.stderr.splitlines()[0] == out.stderr.splitlines()[0]
    with socket.socket() as s:  # nothing was started
        assert s.connect_ex(("127.0.0.1", port)) != 0


@pytest.fixture
def started(monkeypatch):
    """Run `finsam serve` in-process with the server itself replaced: what would it start?"""
    calls = []
    monkeypatch.setattr(serve, "_serve", lambda *a, **kw: calls.append((a, kw)))
    monkeypatch.delenv("FINSAM_LANG", raising=False)
    return calls


def test_the_tui_command_is_quoted_for_the_shell(records_copy, tmp_path, started, capsys):
    spaced = tmp_path / "it's a folder" / "records"
    spaced.parent.mkdir()
    records_copy.rename(spaced)
    assert main(["serve", "--records", str(spaced), "--port", "8123", "--lang", "en"]) == 0
    (command, host, port, public_url), _kw = started[0]
    assert shlex.split(command) == [sys.executable, "-m", "finsam_tui", "tui", str(spaced.resolve()),
                                    "--lang", "en"]
    assert (host, port, public_url) == ("127.0.0.1", 8123, "http://127.0.0.1:8123")
    assert capsys.readouterr().err == ""  # no warning on loopback


def test_a_non_loopback_host_is_warned_about(records_copy, started, capsys):
    assert main(["serve", "--records", str(records_copy), "--host", "0.0.0.0"]) == 0
    err = capsys.readouterr().err
    assert "VARNING: 0.0.0.0 är ingen loopback-adress" in err and "ingen inloggning" in err
    assert started[0][0][1] == "0.0.0.0"
    assert main(["serve", "--records", str(records_copy), "--host", "192.0.2.7", "--lang", "en",
                 "--public-url", "http://192.0.2.7:8000/"]) == 0
    err = capsys.readouterr().err
    assert "WARNING: 192.0.2.7 is not a loopback address" in err and "no login" in err
    assert started[1][0][3] == "http://192.0.2.7:8000"
    for host in ("127.0.0.1", "localhost", "::1", "127.0.0.2"):
        assert serve.is_loopback(host)
    assert not serve.is_loopback("0.0.0.0") and not serve.is_loopback("example.org")


def test_a_bad_port_is_a_usage_error(records_copy, started, capsys):
    assert main(["serve", "--records", str(records_copy), "--port", "0"]) == 2
    assert main(["serve", "--records", str(records_copy), "--port", "http"]) == 2
    assert "invalid port" in capsys.readouterr().err and not started


def test_a_port_in_use_is_reported(records_copy):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        out = subprocess.run([sys.executable, "-m", "finsam_tui", "serve", "--records", str(records_copy),
                              "--port", str(port), "--lang", "en"], capture_output=True, text=True, timeout=60,
                             check=False)
    assert out.returncode == 2
    assert f"finsam serve: cannot listen on 127.0.0.1:{port}" in out.stderr


def test_requests_are_checked_against_this_server():
    allowed = serve.allowed_hosts("127.0.0.1", 8000, "http://127.0.0.1:9000")
    check = serve.request_allowed
    assert check("127.0.0.1:8000", None, allowed) is None
    assert check("localhost:8000", "http://localhost:8000", allowed) is None
    assert check("127.0.0.1:9000", "http://127.0.0.1:9000", allowed) is None  # through a tunnel on 9000
    assert check("[::1]:8000", "http://[::1]:8000", allowed) is None
    assert check("evil.example:8000", None, allowed) == "host"
    assert check(None, None, allowed) == "host"
    assert check("127.0.0.1:8000", "https://evil.example", allowed) == "origin"
    assert check("127.0.0.1:8000", "http://localhost:3000", allowed) == "origin"  # another local site
    assert check("127.0.0.1:8000", "null", allowed) == "origin"
