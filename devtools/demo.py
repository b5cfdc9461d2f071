"""The demo page: a programme page of AlleKansenBenut! with the web widget on it.

`make run` starts it (python -m devtools.demo) and prints its address first: it is the
first thing a newcomer opens. It serves the page, the built widget (widget/dist) and
the page's stylesheet under the strict Content Security Policy the programme site
should use, so the widget is shown to work without 'unsafe-inline' or 'unsafe-eval'.

    RASA_PUBLIC_URL  the Rasa server as the browser sees it (default http://127.0.0.1:$RASA_PORT)
    DEMO_PORT        port of this page (default 8080), host 127.0.0.1 (DEMO_HOST)
"""
from __future__ import annotations

import html
import logging
import os
from pathlib import Path
from urllib.parse import urlsplit

from aiohttp import web

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "widget" / "demo"
DIST = ROOT / "widget" / "dist"
log = logging.getLogger("demo")


def rasa_url() -> str:
    default = f"http://127.0.0.1:{os.environ.get('RASA_PORT', '5005')}"
    parts = urlsplit(os.environ.get("RASA_PUBLIC_URL") or default)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SystemExit(f"RASA_PUBLIC_URL moet een http(s)-adres zijn, niet {parts.geturl()!r}")
    return f"{parts.scheme}://{parts.netloc}"


def security_headers(rasa: str) -> dict[str, str]:
    """The headers of every response; connect-src allows only the Rasa server
    (http for socket.io's polling, ws for its websocket)."""
    parts = urlsplit(rasa)
    socket = f"{'wss' if parts.scheme == 'https' else 'ws'}://{parts.netloc}"
    csp = "; ".join([
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        f"connect-src 'self' {rasa} {socket}",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ])
    return {
        "Content-Security-Policy": csp,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        "Cross-Origin-Opener-Policy": "same-origin",
        "X-Frame-Options": "DENY",
    }


@web.middleware
async def security(request: web.Request, handler):
    try:
        response = await handler(request)
    except web.HTTPException as error:  # 404s get the headers too
        response = error
    response.headers.update(request.app["headers"])
    response.headers.setdefault("Cache-Control", "no-cache")
    return response


async def index(request: web.Request) -> web.Response:
    page = (DEMO / "index.html").read_text(encoding="utf-8")
    page = page.replace("{{RASA_URL}}", html.escape(request.app["rasa"], quote=True))
    return web.Response(text=page, content_type="text/html", charset="utf-8")


def static_file(path: Path, content_type: str) -> web.FileResponse:
    if not path.is_file():
        raise web.HTTPNotFound(text=f"{path.name} ontbreekt; bouw de widget met `make widget`.")
    return web.FileResponse(path, headers={"Content-Type": content_type})


TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
         ".map": "application/json; charset=utf-8"}


async def widget_file(request: web.Request) -> web.FileResponse:
    name = request.match_info["name"]
    if "/" in name or name.startswith(".") or Path(name).suffix not in TYPES:
        raise web.HTTPNotFound()
    return static_file(DIST / name, TYPES[Path(name).suffix])


async def demo_css(request: web.Request) -> web.FileResponse:
    return static_file(DEMO / "demo.css", TYPES[".css"])


async def healthy(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok", "widget": (DIST / "wegwijzer.js").is_file()})


def make_app(rasa: str | None = None) -> web.Application:
    app = web.Application(middlewares=[security])
    app["rasa"] = rasa or rasa_url()
    app["headers"] = security_headers(app["rasa"])
    app.router.add_get("/", index)
    app.router.add_get("/widget/{name}", widget_file)
    app.router.add_get("/demo.css", demo_css)
    app.router.add_get("/gezond", healthy)
    return app


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    if not (DIST / "wegwijzer.js").is_file():
        log.warning("widget/dist/wegwijzer.js ontbreekt: bouw de widget met `make widget`.")
    app = make_app()
    log.info("Demo-pagina voor Rasa op %s", app["rasa"])
    web.run_app(app, host=os.environ.get("DEMO_HOST", "127.0.0.1"),
                port=int(os.environ.get("DEMO_PORT", 8080)), access_log=None, print=None)


if __name__ == "__main__":
    main()
