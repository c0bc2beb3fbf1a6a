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
    NOT_FOLDER,
    add_lang_arg,
    add_records_arg,
    forbund_settings,
    language,
)
from finsam_tui.core.io.scan import is_records_folder

NAME = "serve"
HELP = "serve the terminal interface in a web browser (on 127.0.0.1; reach it through an SSH tunnel)"
DESCRIPTION = ("Serve the terminal interface as a web page (textual-serve): every browser tab runs its own "
               "finsam tui on the records folder. The server listens on 127.0.0.1 only and has no login, so "
               "from another machine reach it through an SSH tunnel, e.g. ssh -L 8000:127.0.0.1:8000 SERVER, "
               "then open http://127.0.0.1:8000. Ctrl+C stops it.")
EXAMPLES = """examples:
  finsam serve                                  ./records (or $FINSAM_RECORDS) on http://127.0.0.1:8000
  finsam serve --records records --port 8080    another folder and port
  finsam serve --lang en                        with English labels
  ssh -L 8000:127.0.0.1:8000 SERVER             on your own machine, then open http://127.0.0.1:8000
  finsam serve --port 8000 --public-url http://127.0.0.1:9000
                                                the tunnel's local end is port 9000 (ssh -L 9000:127.0.0.1:8000)

exit status: 0 stopped normally (Ctrl+C), 2 DIR is not a records folder or the port cannot be used
"""

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
# Host names a browser on this machine (or at the local end of an SSH tunnel) uses for the server.
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")

WORDS = {
    "sv": {
        "hint": "Ange mappen med forbund.toml, t.ex. finsam serve --records records",
        "serving": "finsam serve: {name} ({dir}) på {url}",
        "local_only": "Bara den här datorn når adressen. Från din egen dator: "
                      "ssh -L {port}:127.0.0.1:{port} SERVER, öppna sedan {url}",
        "stop": "Ctrl+C avslutar.",
        "exposed": "finsam serve: VARNING: {host} är ingen loopback-adress. Alla som når den här datorn över "
                   "nätverket kan då läsa och ändra posterna — det finns ingen inloggning. Lyssna hellre på "
                   "127.0.0.1 och nå servern genom en SSH-tunnel.",
        "public_url": "finsam serve: en webbläsare öppnar sidan på {url}; ange --public-url med adressen den "
                      "använder om den är en annan.",
        "cannot_listen": "finsam serve: kan inte lyssna på {host}:{port}: {reason}",
        "bad_port": "ogiltig port {value!r}: ange ett tal 1–65535",
        "bad_host": "finsam serve: främmande värdnamn {host!r}; öppna adressen som skrevs när servern startade "
                    "(eller starta den med --public-url).",
        "bad_origin": "finsam serve: en sida från {origin!r} får inte styra programmet.",
    },
    "en": {
        "hint": "Name the folder that holds forbund.toml, e.g. finsam serve --records records",
        "serving": "finsam serve: {name} ({dir}) on {url}",
        "local_only": "Only this machine reaches that address. From your own machine: "
                      "ssh -L {port}:127.0.0.1:{port} SERVER, then open {url}",
        "stop": "Ctrl+C stops it.",
        "exposed": "finsam serve: WARNING: {host} is not a loopback address. Anyone who reaches this machine over "
                   "the network can then read and change the records — there is no login. Prefer 127.0.0.1 "
                   "and an SSH tunnel.",
        "public_url": "finsam serve: a browser opens the page at {url}; pass --public-url with the address it "
                      "uses if that differs.",
        "cannot_listen": "finsam serve: cannot listen on {host}:{port}: {reason}",
        "bad_port": "invalid port {value!r}: give a number 1–65535",
        "bad_host": "finsam serve: unexpected host name {host!r}; open the address printed when the server "
                    "started (or start it with --public-url).",
        "bad_origin": "finsam serve: a page from {origin!r} may not drive the program.",
    },
}


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        import argparse

        raise argparse.ArgumentTypeError(WORDS["en"]["bad_port"].format(value=value))
    return port


def register(parser) -> None:
    add_records_arg(parser)
    parser.add_argument("--port", type=_port, default=DEFAULT_PORT,
                        help=f"the port to listen on (default: {DEFAULT_PORT})")
    parser.add_argument("--host", default=DEFAULT_HOST,
                        help=f"the address to listen on (default: {DEFAULT_HOST}; anything else exposes the "
                             "records without a login)")
    parser.add_argument("--public-url", metavar="URL",
                        help="the address the browser uses, when it is not http://HOST:PORT (e.g. the local end "
                             "of an SSH tunnel on another port)")
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
        msg_lang = language(args)
        msg, _hint = NOT_FOLDER[msg_lang]
        print(f"finsam: {msg.format(dir=root)}\n{WORDS[msg_lang]['hint']}", file=sys.stderr)
        return EXIT_USAGE
    settings = forbund_settings(root)
    w = WORDS[language(args, settings)]
    public_url = (args.public_url or url_for(args.host, args.port)).rstrip("/")
    if not is_loopback(args.host):
        print(w["exposed"].format(host=args.host), file=sys.stderr)
        if not args.public_url:
            print(w["public_url"].format(url=public_url), file=sys.stderr)
    name = settings.get("name") if isinstance(settings.get("name"), str) else "finsam"
    lines = [w["serving"].format(name=name, dir=root.resolve(), url=public_url)]
    if is_loopback(args.host):
        lines.append(w["local_only"].format(port=args.port, url=public_url))
    lines.append(w["stop"])
    try:
        _serve(tui_command(root, args.lang), args.host, args.port, public_url, title=f"finsam – {name}",
               words=w, banner="\n".join(lines))
    except OSError as err:  # the port is taken, the address is not this machine's, …
        print(w["cannot_listen"].format(host=args.host, port=args.port, reason=err.strerror or err),
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


def _serve(command: str, host: str, port: int, public_url: str, *, title: str, words: dict, banner: str) -> None:
    """Run textual-serve until Ctrl+C (imported here: the other commands never load aiohttp)."""
    from aiohttp import web
    from textual_serve.server import Server

    allowed = allowed_hosts(host, port, public_url)

    @web.middleware
    async def guard(request, handler):
        problem = request_allowed(request.headers.get("Host"), request.headers.get("Origin"), allowed)
        if problem == "host":
            raise web.HTTPForbidden(text=words["bad_host"].format(host=request.headers.get("Host")))
        if problem == "origin":
            raise web.HTTPForbidden(text=words["bad_origin"].format(origin=request.headers.get("Origin")))
        return await handler(request)

    class FinsamServer(Server):
        async def _make_app(self):
            app = await super()._make_app()
            app.middlewares.append(guard)
            return app

        async def on_startup(self, app) -> None:  # instead of textual-serve's logo: say where it is
            print(banner, flush=True)

    FinsamServer(command, host=host, port=port, title=title, public_url=public_url).serve()
