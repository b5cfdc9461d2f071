"""The inbox web app: log in, see and filter cases, claim, change status, add notes,
export to CSV, read the audit log. Started by `make run` (python -m inbox.app)."""
from __future__ import annotations

import datetime as dt
import logging
import os
import secrets
from pathlib import Path

import jinja2
from aiohttp import web

from bot.zaken import behandeling
from bot.zaken.behandeling import Filter
from bot.zaken.model import SOORTEN, STATUSSEN
from bot.zaken.opslag import CaseStore
from inbox.sessies import COOKIE, Sessies

TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True
)
LOGIN_CSRF = "inbox_login_csrf"
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; "
                               "form-action 'self'; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def render(name: str, **context) -> web.Response:
    return web.Response(text=TEMPLATES.get_template(name).render(**context), content_type="text/html")


@web.middleware
async def security(request: web.Request, handler):
    response = await handler(request)
    response.headers.update(SECURITY_HEADERS)
    return response


@web.middleware
async def authentication(request: web.Request, handler):
    if request.path in ("/login", "/gezond", "/favicon.ico"):
        return await handler(request)
    session = request.app["sessies"].read(request.cookies.get(COOKIE))
    if session is None:
        raise web.HTTPFound("/login")
    if request.method == "POST":
        form = await request.post()
        if not secrets.compare_digest(str(form.get("csrf", "")), session["csrf"]):
            raise web.HTTPForbidden(text="Ongeldig formulier (CSRF). Laad de pagina opnieuw.")
    request["sessie"] = session
    return await handler(request)


def store(request: web.Request) -> CaseStore:
    return request.app["store"]


def user(request: web.Request) -> str:
    return request["sessie"]["gebruiker"]


def filters_from(query) -> Filter:
    def date(value):
        try:
            return dt.date.fromisoformat(value) if value else None
        except ValueError:
            return None
    return Filter(status=query.get("status") or None, soort=query.get("soort") or None,
                  van=date(query.get("van")), tot=date(query.get("tot")))


async def login_page(request: web.Request) -> web.Response:
    if request.method == "POST":
        form = await request.post()
        token = request.cookies.get(LOGIN_CSRF, "")
        valid = token and secrets.compare_digest(str(form.get("csrf", "")), token)
        name, password = str(form.get("naam", "")), str(form.get("wachtwoord", ""))
        if valid and behandeling.verify_user(store(request), name, password):
            behandeling.audit(store(request), name, "inloggen")
            response = web.HTTPFound("/")
            response.set_cookie(COOKIE, request.app["sessies"].make(name), httponly=True,
                                samesite="Strict", secure=request.app["secure"],
                                max_age=request.app["sessies"].seconds)
            raise response
        fout = "Naam of wachtwoord klopt niet."
    else:
        fout = None
    # Reuse the token: a second GET (the browser's favicon request, another tab) must
    # not invalidate the form that is already on screen.
    token = request.cookies.get(LOGIN_CSRF) or secrets.token_urlsafe(24)
    response = render("login.html", csrf=token, fout=fout)
    response.set_cookie(LOGIN_CSRF, token, httponly=True, samesite="Strict", secure=request.app["secure"])
    return response


async def logout(request: web.Request) -> web.Response:
    response = web.HTTPFound("/login")
    response.del_cookie(COOKIE)
    raise response


async def case_list(request: web.Request) -> web.Response:
    filters = filters_from(request.query)
    return render("lijst.html", zaken=behandeling.cases(store(request), filters), filter=filters,
                  dode_brieven=len(behandeling.dead_letters(store(request))),
                  statussen=STATUSSEN, soorten=SOORTEN, gebruiker=user(request),
                  csrf=request["sessie"]["csrf"], query=request.query_string)


async def case_page(request: web.Request) -> web.Response:
    referentie = request.match_info["referentie"]
    zaak = behandeling.case(store(request), referentie)
    if zaak is None:
        raise web.HTTPNotFound(text="Deze zaak bestaat niet.")
    behandeling.audit(store(request), user(request), "bekijken", zaak.id)
    return render("zaak.html", zaak=zaak, gebruiker=user(request), csrf=request["sessie"]["csrf"],
                  collega=behandeling.user_names(store(request)),
                  volgende=sorted(behandeling.OVERGANGEN.get(zaak.status, ())))


async def case_action(request: web.Request) -> web.Response:
    referentie, action = request.match_info["referentie"], request.match_info["actie"]
    form = await request.post()
    if behandeling.case(store(request), referentie) is None:
        raise web.HTTPNotFound(text="Deze zaak bestaat niet.")
    if action == "toewijzen":
        behandeling.claim(store(request), referentie, user(request), str(form.get("aan") or "") or None)
    elif action == "status":
        behandeling.set_status(store(request), referentie, str(form.get("status")), user(request))
    elif action == "notitie" and str(form.get("tekst", "")).strip():
        behandeling.add_note(store(request), referentie, str(form["tekst"]).strip(), user(request))
    elif action == "wissen" and form.get("bevestig") == "ja":
        behandeling.erase_case(store(request), referentie, user(request))
    raise web.HTTPFound(f"/zaken/{referentie}")


async def dead_letters(request: web.Request) -> web.Response:
    """Cases the store refused from the outbox: the team helps these people by hand."""
    brieven = [(b, behandeling.letter_fields(b)) for b in behandeling.dead_letters(store(request))]
    behandeling.audit(store(request), user(request), "dode_brieven_bekijken", details=f"{len(brieven)}")
    return render("dode_brieven.html", brieven=brieven, gebruiker=user(request), csrf=request["sessie"]["csrf"])


async def dead_letter_handled(request: web.Request) -> web.Response:
    behandeling.resolve_dead_letter(store(request), int(request.match_info["id"]), user(request))
    raise web.HTTPFound("/dode-brieven")


async def export(request: web.Request) -> web.Response:
    text = behandeling.export_csv(store(request), filters_from(request.query), user(request))
    return web.Response(text=text, content_type="text/csv", charset="utf-8",
                        headers={"Content-Disposition": 'attachment; filename="zaken.csv"'})


async def audit_page(request: web.Request) -> web.Response:
    return render("audit.html", regels=behandeling.audit_log(store(request)), gebruiker=user(request),
                  csrf=request["sessie"]["csrf"])


async def health(request: web.Request) -> web.Response:
    return web.Response(text="ok")


async def no_icon(request: web.Request) -> web.Response:
    return web.Response(status=204)


def make_app(case_store: CaseStore | None = None, sessies: Sessies | None = None) -> web.Application:
    app = web.Application(middlewares=[security, authentication], client_max_size=64 * 1024)
    app["store"] = case_store or CaseStore()
    app["store"].migrate()
    app["sessies"] = sessies or Sessies()
    app["secure"] = os.environ.get("INBOX_SECURE_COOKIE", "0") == "1"
    app.add_routes([
        web.get("/gezond", health),
        web.get("/favicon.ico", no_icon),
        web.route("*", "/login", login_page),
        web.post("/uitloggen", logout),
        web.get("/", case_list),
        web.get("/export.csv", export),
        web.get("/audit", audit_page),
        web.get("/dode-brieven", dead_letters),
        web.post("/dode-brieven/{id:[0-9]+}/afgehandeld", dead_letter_handled),
        web.get("/zaken/{referentie}", case_page),
        web.post("/zaken/{referentie}/{actie:(toewijzen|status|notitie|wissen)}", case_action),
    ])
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host=os.environ.get("INBOX_HOST", "127.0.0.1"),
                port=int(os.environ.get("INBOX_PORT", 8081)), access_log=None)
