"""finsam serve: the terminal interface in a web browser, through textual-serve.

Every browser tab that opens the page gets its own `finsam tui` process, run by textual-serve.
The server binds 127.0.0.1 unless told otherwise and has no login: it is reached from another
machine through an SSH tunnel. textual-serve (and so aiohttp) is imported only in run().
"""

from __future__ import annotations

import ipaddress
import shlex
import sys
from pathlib import Path
from urllib.parse import urlsplit

from finsam_tui.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    add_lang_arg,
    add_records_arg,
    language,
    not_a_records_folder,
)
from finsam_tui.cli.parser import words
from finsam_tui.core.i18n.cli import Labels
from finsam_tui.core.io.load import read_settings
from finsam_tui.core.io.scan import is_records_folder

NAME = "serve"

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
# Host names a browser on this machine (or at the local end of an SSH tunnel) uses for the server.
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")

def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        import argparse

        # (in English: argparse's error message around it is English)
        raise argparse.ArgumentTypeError(Labels("en").fmt("serve.bad_port", value=value))
    return port


def register(parser) -> None:
    H = words(parser)
    add_records_arg(parser)
    parser.add_argument("--port", type=_port, default=DEFAULT_PORT, help=H.fmt("serve:--port", port=DEFAULT_PORT))
    parser.add_argument("--host", default=DEFAULT_HOST, help=H.fmt("serve:--host", host=DEFAULT_HOST))
    parser.add_argument("--public-url", metavar="URL", help=H["serve:--public-url"])
    add_lang_arg(parser)


def is_loopback(host: str) -> bool:
    """True for localhost and addresses in 127.0.0.0/8 or ::1."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def url_for(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}"


def tui_command(root: Path, lang: str | None) -> str:
    """The shell command textual-serve runs for each browser tab: this Python's finsam tui on root."""
    parts = [sys.executable, "-m", "finsam_tui", "tui", str(root.resolve())]
    if lang:
        parts += ["--lang", lang]
    return " ".join(shlex.quote(p) for p in parts)


def run(args) -> int:
    root = Path(args.dir)
    if not is_records_folder(root):
        not_a_records_folder(root, language(args), "serve.not_folder_hint")
        return EXIT_USAGE
    settings = read_settings(root)
    L = Labels(language(args, settings))
    public_url = (args.public_url or url_for(args.host, args.port)).rstrip("/")
    if not is_loopback(args.host):
        print(L.fmt("serve.exposed", host=args.host), file=sys.stderr)
        if not args.public_url:
            print(L.fmt("serve.public_url", url=public_url), file=sys.stderr)
    name = settings.get("name") if isinstance(settings.get("name"), str) else "finsam"
    lines = [L.fmt("serve.serving", name=name, dir=root.resolve(), url=public_url)]
    if is_loopback(args.host):
        lines.append(L.fmt("serve.local_only", port=args.port, url=public_url))
    lines.append(L["serve.stop"])
    try:
        _serve(tui_command(root, args.lang), args.host, args.port, public_url, title=f"finsam – {name}",
               words=L, banner="\n".join(lines))
    except OSError as err:  # the port is taken, the address is not this machine's, …
        print(L.fmt("serve.cannot_listen", host=args.host, port=args.port, reason=err.strerror or err),
              file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def allowed_hosts(host: str, port: int, public_url: str) -> set[tuple[str, int]]:
    """The (host name, port) pairs a browser may use for this server: the loopback names and the
    listening host on the listening port, and the public URL's host and port."""
    hosts = {*LOOPBACK_NAMES, host.strip("[]").lower()}
    pairs = {(h, port) for h in hosts}
    public = urlsplit(public_url)
    if public.hostname:
        pairs.add((public.hostname.lower(), public.port or (443 if public.scheme == "https" else 80)))
    return pairs


def request_allowed(host_header: str | None, origin: str | None, allowed: set[tuple[str, int]]) -> str | None:
    """None when a request may go on, else "host" or "origin" (what was wrong).

    Without a login, two checks keep other web pages in the user's browser out: the Host header must
    name this server (a DNS-rebinding page names its own domain), and a browser's Origin, when sent,
    must be a page of this server (another site's page may not open the websocket that drives the TUI).
    """
    if not host_header or _host_port(f"//{host_header}", 80) not in allowed:
        return "host"
    if origin is not None and _host_port(origin, None) not in allowed:
        return "origin"
    return None


def _host_port(url: str, default_port: int | None) -> tuple[str, int] | None:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if not parts.hostname:
        return None
    if port is None:
        port = default_port if default_port is not None else (443 if parts.scheme == "https" else 80)
    return parts.hostname.lower(), port


def _serve(command: str, host: str, port: int, public_url: str, *, title: str, words: Labels, banner: str) -> None:
    """Run textual-serve until Ctrl+C (imported here: the other commands never load aiohttp)."""
    from aiohttp import web
    from textual_serve.server import Server

    allowed = allowed_hosts(host, port, public_url)

    @web.middleware
    async def guard(request, handler):
        problem = request_allowed(request.headers.get("Host"), request.headers.get("Origin"), allowed)
        if problem == "host":
            raise web.HTTPForbidden(text=words.fmt("serve.bad_host", host=request.headers.get("Host")))
        if problem == "origin":
            raise web.HTTPForbidden(text=words.fmt("serve.bad_origin", origin=request.headers.get("Origin")))
        return await handler(request)

    class FinsamServer(Server):
        async def _make_app(self):
            app = await super()._make_app()
            app.middlewares.append(guard)
            return app

        async def on_startup(self, app) -> None:  # instead of textual-serve's logo: say where it is
            print(banner, flush=True)

    FinsamServer(command, host=host, port=port, title=title, public_url=public_url).serve()
