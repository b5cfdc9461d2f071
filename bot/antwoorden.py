"""Turns the engines' advice into short Dutch text (B1): the verdict or phase first,
then why, then what to do, then the sources."""
from __future__ import annotations

from typing import Any

from bot import routes, werktoedeling
from bot.routes import Profiel, Route, RouteAdvies
from bot.werktoedeling import WEET_NIET, Advies, Situatie


def bronnenlijst(bronnen: list) -> str:
    """The sources as a short list, one per line: a single long "Bronnen:" sentence of 60 to
    100 words was hard to read (issue 16, B1)."""
    return "\n".join(["Bronnen:", *(f"- {b.kort()}" for b in bronnen)])


def _bronnen(advies: Advies) -> str:
    return bronnenlijst(advies.bronnen)


def _indicatoren(advies: Advies) -> list[str]:
    lines = []
    for indicator in advies.indicatoren:
        if indicator.antwoord == WEET_NIET:
            lines.append(
                f"Je wist niet zeker of er sprake is van {indicator.naam}. "
                "Dan ga ik ervan uit dat dit speelt. Twijfel je? Overleg met het deskundigenteam."
            )
        elif indicator.signalen:
            lines.append(f"Dit speelt: {indicator.naam} ({', '.join(indicator.signalen)}).")
        else:
            lines.append(f"Dit speelt: {indicator.naam}.")
    return lines


def werktoedeling_tekst(advies: Advies) -> str:
    parts = [advies.kop, "", f"Waarom: {advies.waarom}", *_indicatoren(advies)]
    if advies.voorwaarden:
        parts += ["", "Voorwaarden:", *(f"- {v}" for v in advies.voorwaarden)]
    parts += [f"Let op: {n}" for n in advies.notities]
    parts += ["", _bronnen(advies)]
    return "\n".join(parts)


def werktoedeling_waarom(advies: Advies, regels: dict[str, Any]) -> str:
    """The longer explanation behind "Waarom?": the norm (both renderings of the sources),
    the rule, and where it is written."""
    magazine = regels["norm_weergave_magazine"]
    parts = [
        "De norm van de verantwoorde werktoedeling heeft drie delen. Het Kwaliteitskader Jeugd zegt:",
        *(f"{deel['deel']}. {deel['tekst']}" for deel in regels["norm"]),
        "Het magazine over professionalisering (2018) nummert ze anders:",
        *(f"{deel['deel']}. {deel['tekst']}" for deel in magazine["delen"]),
        "",
        f"Voor jouw taak geldt: {advies.waarom}",
        *_indicatoren(advies),
        "",
        "Waar staat dit?",
        *(f"- {b.kort()}" + (f": {b.plaats}" if b.plaats else "") + (f" ({b.url})" if b.url else "")
          for b in advies.bronnen),
    ]
    return "\n".join(parts)


def werktoedeling_samenvatting(situatie: Situatie, omschrijving: str | None, geraden: set[str]) -> str:
    """What the assistant understood before it advises. A guessed fact ends in a question mark."""
    data = werktoedeling.rules()

    def line(label: str, value: str, fact: str) -> str:
        return f"- {label}: {value}" + ("?" if fact in geraden else ".")

    lines = ["Dit heb ik begrepen:"]
    if situatie.onderwerp and situatie.onderwerp != "geen":
        lines.append(line("Je vraag gaat over", werktoedeling.entry("onderwerpen", situatie.onderwerp)["naam"], "onderwerp"))
    task = werktoedeling.entry("taken", situatie.taak)
    if task:
        lines.append(line("Taak", task["naam"], "taak"))
    elif situatie.taaksoort and omschrijving:
        lines.append(line("Taak", f"{omschrijving} ({data['taaksoorten'][situatie.taaksoort]})", "taak"))
    worker = werktoedeling.entry("medewerkers", situatie.medewerker)
    if worker:
        lines.append(line("Wie het doet", worker["naam"], "medewerker"))
    # Only BIG as one of the four professions counts (Besluit Jeugdwet art. 1.1): say so, so that a
    # "?" (read from "hij staat in het BIG") is confirmed knowingly (issue 16 audit).
    registration = {"ja": "de medewerker staat zelf in het Kwaliteitsregister Jeugd (SKJ). Of in het BIG-register "
                          "voor zorgberoepen, als arts, verpleegkundige, gz-psycholoog of psychotherapeut",
                    "nee": "de medewerker staat zelf niet in het Kwaliteitsregister Jeugd (SKJ). Ook niet in het "
                           "BIG-register voor zorgberoepen, als arts, verpleegkundige, gz-psycholoog of psychotherapeut",
                    "weet_niet": "je weet niet of de medewerker geregistreerd is"}.get(situatie.geregistreerd or "")
    if registration:
        lines.append(line("Registratie", registration, "geregistreerd"))
    if situatie.opleiding in ("ja", "nee"):
        lines.append(line("Opleiding die tot registratie leidt", situatie.opleiding, "opleiding"))
    responsible = {"ja": "een geregistreerde collega draagt de verantwoordelijkheid",
                   "nee": "er is geen geregistreerde collega die de verantwoordelijkheid draagt",
                   "weet_niet": "je weet niet of een geregistreerde collega de verantwoordelijkheid draagt"
                   }.get(situatie.verantwoordelijke or "")
    if responsible:
        lines.append(line("Verantwoordelijkheid", responsible, "verantwoordelijke"))
    setting = werktoedeling.entry("werkvelden", situatie.werkveld)
    if setting:
        lines.append(line("Werkveld", setting["naam"], "werkveld"))
    lines += _situatie_kind(situatie, geraden)
    ground = werktoedeling.entry("tenzij_gronden", situatie.tenzij_grond)
    if ground:
        lines.append(line("Reden om juist deze medewerker in te zetten", ground["naam"], "tenzij_grond"))
    elif situatie.tenzij_grond == "anders":
        lines.append("- Reden om juist deze medewerker in te zetten: een eigenschap van de medewerker.")
    lines.append("Klopt dit? Je kunt ook typen wat er anders is.")
    if geraden:
        lines.append("Waar een vraagteken staat, heb ik het afgeleid uit wat je typte.")
    return "\n".join(lines)


def _situatie_kind(situatie: Situatie, geraden: set[str]) -> list[str]:
    data = werktoedeling.rules()
    answers = werktoedeling.indicator_answers(situatie)
    signal_names = {k: v["naam"] for k, v in data["signalen"].items()}
    plays, unsure, not_playing = [], [], []
    for indicator in data["indicatoren"]:
        answer = answers.get(indicator["id"])
        own = [signal_names[s] for s in situatie.signalen if s in indicator["omvat"] and s != indicator["id"]]
        name = indicator["naam"] + (f" ({', '.join(own)})" if own else "")
        name += "?" if indicator["id"] in geraden else ""
        {"ja": plays, "weet_niet": unsure, "nee": not_playing}.get(answer or "", []).append(name)
    denied = [signal_names[s] for s in situatie.ontkend
              if answers.get(data["signalen"][s]["indicator"]) != "nee"]
    lines = []
    if plays:
        lines.append("- Dit speelt: " + "; ".join(plays) + ".")
    if unsure:
        lines.append("- Dit weet je niet zeker: " + "; ".join(unsure) + ".")
    if not_playing or denied:
        lines.append("- Dit speelt niet: " + "; ".join(not_playing + denied) + ".")
    return lines


# --- route advice ----------------------------------------------------------------

REGISTRATIE_TEKST = {"geldig": "je bent nu geregistreerd", "verlopen": "je was vroeger geregistreerd",
                     "geen": "je bent niet geregistreerd",
                     "big": "je staat in het BIG-register, het register voor zorgberoepen"}
BIG_BEROEP_TEKST = {"art3": "arts, verpleegkundige, gezondheidszorgpsycholoog of psychotherapeut",
                    "ander": "een ander beroep", "weet_niet": "dat weet je niet"}
ANDER_REGISTER_TEKST = {"registerplein": "bij Registerplein",
                       "nip_nvo": "bij het NIP (beroepsvereniging van psychologen) of de NVO (beroepsvereniging van pedagogen)",
                       "vaktherapie": "in het Register Vaktherapie", "ander": "in een ander register"}
BEROEP_TEKST = {"vaktherapeut": "vaktherapeut", "paramedicus": "paramedicus, zoals logopedist of fysiotherapeut",
                "verpleegkundige": "verpleegkundige",
                "big_zorgberoep": "gz-psycholoog, psychotherapeut of arts"}
WERKT_ALS_TEKST = {"eigen_vak": "in je eigen vak", "jgp": "als jeugd- en gezinsprofessional",
                   "weet_niet": "dat weet je nog niet"}
AMBITIE_TEKST = {"registratie": "een registratie halen, of een baan waarvoor dat nodig is",
                 "nu_starten": "nu aan de slag, zonder registratie"}
JA_NEE = {"ja": "ja", "nee": "nee"}


def route_samenvatting(profiel: Profiel, geraden: set[str] | None = None) -> str:
    """What the assistant understood, in short lines the user can check. A fact that was only
    derived from what the person typed ends in a question mark."""
    geraden = geraden or set()

    def end(fact: str) -> str:
        return "?" if fact in geraden else "."

    lines = ["Dit heb ik begrepen:"]
    if profiel.registratie:
        registration = REGISTRATIE_TEKST[profiel.registratie]
        if profiel.registratie == "geen" and profiel.ander_register:
            registration = ("je staat niet in het Kwaliteitsregister Jeugd (SKJ) of het BIG-register, het register "
                            f"voor zorgberoepen; wel {ANDER_REGISTER_TEKST[profiel.ander_register]}")
        lines.append(f"- Registratie: {registration}{end('registratie')}")
    if profiel.registratie == "big" and profiel.big_beroep:
        lines.append(f"- Beroep in het BIG-register: {BIG_BEROEP_TEKST[profiel.big_beroep]}{end('big_beroep')}")
    if profiel.beroep in BEROEP_TEKST:
        lines.append(f"- Beroep: {BEROEP_TEKST[profiel.beroep]}{end('beroep')}")
    if profiel.beroep in ("vaktherapeut", "paramedicus") and profiel.werkt_als in WERKT_ALS_TEKST:
        lines.append(f"- Je wilt in de jeugdhulp werken: {WERKT_ALS_TEKST[profiel.werkt_als]}{end('werkt_als')}")
    if profiel.ambitie:
        lines.append(f"- Je wilt: {AMBITIE_TEKST[profiel.ambitie]}{end('ambitie')}")
    entry = routes.diploma(profiel.diploma)
    if entry:
        status = {"ja": ", afgerond", "nee": ", niet afgerond"}.get(profiel.afgerond or "", "")
        name = entry["naam"]
        if profiel.diploma_tekst and entry["soort"] == "onduidelijk":
            name = f"{profiel.diploma_tekst} (die opleiding ken ik niet)"
        lines.append(f"- Opleiding: {name}{status}{end('diploma')}")
    if profiel.diploma_recent:
        when = {"ja": "minder dan 5 jaar geleden", "nee": "meer dan 5 jaar geleden",
                "weet_niet": "je weet niet precies wanneer"}[profiel.diploma_recent]
        lines.append(f"- Diploma gehaald: {when}{end('diploma_recent')}")
    if profiel.werk or profiel.werkervaring_maanden:
        parts = [p for p in (_duur(profiel.werkervaring_maanden), profiel.werk) if p]
        lines.append("- Werk: " + ", ".join(parts) + end("werk"))
    if profiel.werkt_in_jeugdzorg:
        lines.append(f"- Je werkt nu in de jeugdhulp of jeugdbescherming: {profiel.werkt_in_jeugdzorg}"
                     f"{end('werkt_in_jeugdzorg')}")
    if profiel.hbo_functie:
        answer = {"ja": "ja", "nee": "nee", "weet_niet": "weet je niet"}[profiel.hbo_functie]
        lines.append("- Minstens een jaar op hbo-niveau in de jeugdzorg, met taken waarvoor registratie "
                     f"nodig is: {answer}{end('hbo_functie')}")
    lines.append("Klopt dit? Je kunt ook typen wat er anders is.")
    if geraden:
        lines.append("Waar een vraagteken staat, heb ik het afgeleid uit wat je typte.")
    return "\n".join(lines)


def _duur(maanden: float | None) -> str:
    if not maanden:
        return ""
    if maanden < 12:
        return f"{round(maanden)} maanden"
    jaren = maanden / 12
    if abs(jaren - round(jaren)) < 0.25:
        return f"{round(jaren)} jaar"
    return f"{jaren:.1f} jaar".replace(".", ",")


def route_tekst(advies: RouteAdvies) -> str:
    parts = [
        f"Jouw fase: {advies.fase_naam}. {advies.fase_zin}",
        "",
        f"Waarom: {advies.waarom}",
        *(f"Let op: {o}" for o in advies.opmerkingen),
        *(["", "Routes die bij jou passen:", *(f"- {r.naam}: {r.wat}" for r in advies.routes)]
          if advies.routes else []),
        *(["", "Functies waarin je nu al kunt werken, zonder registratie:", *(f"- {f}" for f in advies.functies)]
          if advies.functies else []),
        "",
        "Wat kun je deze week doen?",
        *(f"{i}. {s}" for i, s in enumerate(advies.stappen, start=1)),
        "",
        bronnenlijst(advies.bronnen),
    ]
    return "\n".join(parts)


def route_kosten_duur(advies: RouteAdvies) -> str:
    """The advice's own routes; without an advice yet, what is known of the main routes."""
    if advies.klaar and advies.routes:
        return "\n".join(_kosten_duur(advies.routes))
    overzicht, bronnen = routes.overzicht()
    return "\n".join([
        "Wat een route kost en hoe lang die duurt, verschilt per route en per aanbieder. "
        "Dit weten we uit onze bronnen:",
        "",
        *_kosten_duur(overzicht),
        "",
        "Welke route bij jou past, hangt af van je diploma en je werk. "
        "Kies 'Waar begin ik?', dan zoeken we het samen uit.",
        "",
        bronnenlijst(bronnen),
    ])


def _kosten_duur(items: list[Route]) -> list[str]:
    return [line for r in items for line in (f"{r.naam}:", f"- Duur: {r.duur}", f"- Kosten: {r.kosten}")]
