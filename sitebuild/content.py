"""What the pages are made of besides their Markdown: every rule, amount, table, worked example,
document list, drawing and deep link comes from calculator/ through jinja2, so the guide and the
calculator can never disagree."""

from __future__ import annotations

import functools
import json
import logging
import re
import sys

from .layout import CONTRACT_URLS, ROOT, TEMPLATES

_log = logging.getLogger("mkdocs.hooks.opleidingscheques")


def _calculator():
    sys.path.insert(0, str(ROOT))
    import calculator  # noqa: F401  (imported lazily: the hook module loads before anything else)
    from calculator import bedragen, berekening, regels, teksten
    return calculator, bedragen, berekening, regels, teksten


@functools.lru_cache(maxsize=1)
def jinja_templates():
    import jinja2
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _markdown_env():
    """Markdown pages use {{ }} and {% %}; `{#` stays free for attribute lists like `{ #stap-1 }`."""
    import jinja2
    return jinja2.Environment(
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        comment_start_string="{##",
        comment_end_string="##}",
    )


def context(datum=None, site_url: str = "http://127.0.0.1:8000/", taal: str = "nl") -> dict:
    """What every page and template may use: rules, amounts and texts, all from calculator/, in the
    words of `taal` (calculator/teksten/<taal>.json, talen/<taal>/). Amounts keep the Dutch way of
    writing them (€ 1.234,50) in every language: that is how the WSE-loket, Edenred and the school
    write them, and the answer's DOM contract says so.

    Prose never restates a rule value: shares in words, the school year's dates, caps and every
    amount in a table or example come from the parameters through `bereken`.
    """
    import datetime as dt
    _, bedragen, berekening, regels_mod, teksten_mod = _calculator()
    datum = datum or dt.date.today()
    regels = regels_mod.regels_op(datum)
    teksten = teksten_mod.teksten(taal)
    from .woordenlijst import site_texts
    site = site_texts(taal)

    def in_woorden(datum_, met_jaar=True):
        return teksten_mod.datum_in_woorden(datum_, met_jaar=met_jaar, taal=taal)

    def bereken_op(op, opleiding, inschrijvingsgeld, al_aangevraagd=0, aanvaardt_cheques=True,
                   aanvraag_geweigerd=False):
        return berekening.bereken({
            "opleiding": opleiding, "inschrijvingsgeld": str(inschrijvingsgeld),
            "al_aangevraagd": str(al_aangevraagd), "aanvaardt_cheques": aanvaardt_cheques,
            "aanvraag_geweigerd": aanvraag_geweigerd, "datum": op.isoformat(),
        })

    def bereken(*args, **kwargs):
        return bereken_op(datum, *args, **kwargs)

    ctx = {
        "regels": regels,
        "teksten": teksten,
        "opleidingen": soorten_op(datum, regels_mod, teksten, bereken_op),
        "euro": bedragen.euro_kort,
        "md_link": md_link,
        "euro_lang": bedragen.euro,
        "taal": taal,
        "site": site,
        "aandeel_in_woorden": lambda aandeel, zin=False: teksten_mod.aandeel_in_woorden(aandeel, zin=zin, taal=taal),
        "datum_in_woorden": in_woorden,
        "aandeel_zin": lambda aandeel: teksten_mod.aandeel_in_woorden(aandeel, zin=True, taal=taal),
        "aandeel_verhoogd": regels.aandelen["verhoogd"],
        "digitaal_sinds": in_woorden(regels_mod.eerste_datum()),
        "documenten": teksten["documenten"],
        "waarschuwingen": teksten["waarschuwingen"],
        "bereken": bereken,
        "schooljaar": regels.schooljaar(datum),
        "schooljaar_periode": schooljaar_periode(regels, teksten_mod, taal),
        "regels_start": in_woorden(regels.start),
        "gecontroleerd_op": in_woorden(dt.date.fromisoformat(regels.gecontroleerd_op))
        if regels.gecontroleerd_op else "",
        "site_url": site_url,
        "voorbeeld_adressen": is_example_site_url(site_url),
    }
    ctx["rijen"] = list(ctx["opleidingen"].values())
    ctx["plafonds_in_gebruik"] = sorted({rij["maximum"] for rij in ctx["rijen"]})
    ctx["wijzigingen"] = [
        {"datum": in_woorden(later),
         "rijen": list(soorten_op(later, regels_mod, teksten, bereken_op).values())}
        for later in regels_mod.wijzigingen_na(datum)
    ]
    for wijziging in ctx["wijzigingen"]:
        _log.info("Regels veranderen op %s: de tabellen tonen ook wat dan geldt.", wijziging["datum"])

    def render(template, **extra):
        return jinja_templates().get_template(template).render(**ctx, **extra)

    def md_zin(sjabloon, uitvoer):
        return teksten_mod.vul_in(sjabloon, uitvoer, bedrag=bedragen.euro_kort,
                                  nadruk=lambda tekst: f"**{tekst}**")

    ctx["zin"] = md_zin
    ctx["rechten_tabel"] = lambda: render("rechten_tabel.md.j2")
    ctx["voorbeeld"] = lambda *a, **k: render(
        "voorbeeld.md.j2", invoer={"opleiding": a[0], "inschrijvingsgeld": a[1], **k},
        opleiding=ctx["opleidingen"][a[0]], uitvoer=bereken(*a, **k))
    ctx["documenten_lijst"] = lambda route="cheques": render(
        "documenten_lijst.md.j2", ids=_documenten_voor(bereken, route))
    basis_url = site_url if taal == "nl" else site_url.rstrip("/").rsplit("/", 1)[0] + "/"
    ctx["deeplinks"] = lambda: render("deeplinks.md.j2", links=deeplinks(basis_url, site, taal),
                                      andere_talen=other_language_links(basis_url, site, taal))
    voor = "" if taal == "nl" else f"/{taal}"
    ctx["handout"] = lambda: render("handout.md.j2", links=[
        link for link in deeplinks(basis_url, site, taal) if link["url"].startswith(f"{voor}/stappenplan/#")
        or link["url"] in (f"{voor}/waar-heb-ik-recht-op/", f"{voor}/rekenhulp/", f"{voor}/terugbetaling/")])
    ctx["voorbeeld_melding"] = lambda: render("voorbeeld_adressen.md.j2") if ctx["voorbeeld_adressen"] else ""
    ctx["illustratie"] = lambda naam: render("illustratie.md.j2", naam=naam, **illustraties(taal)[naam])
    ctx["teksten_json"] = lambda: json.dumps(pagina_teksten(teksten), ensure_ascii=False).replace("</", "<\\/")
    return ctx


# Texts only the build uses (for the guide's prose); the calculator page does not need them.
_ALLEEN_GIDS = ("aandelen", "aandeel_zin", "periode", "dag_en_maand")


def pagina_teksten(teksten: dict) -> dict:
    """The texts the calculator page's script renders the answer with (embedded in the page)."""
    pagina = {k: v for k, v in teksten.items() if k not in _ALLEEN_GIDS}
    pagina["opleidingen"] = {code: {"label": o["label"]} for code, o in teksten["opleidingen"].items()}
    return pagina


def soorten_op(datum, regels_mod, teksten: dict, bereken_op) -> dict:
    """Each kind of training in force on `datum`: its words, and its cap and shares as `bereken`
    answers them for an enrolment that costs exactly the cap (never re-multiplied here)."""
    regels = regels_mod.regels_op(datum)
    soorten = {}
    for code in regels.opleidingen:
        maximum = regels.maximum(code)
        uit = bereken_op(datum, code, maximum)
        soorten[code] = {
            "code": code, **teksten["opleidingen"][code],
            "maximum": maximum, "aandeel": regels.aandeel(code),
            "plafond_categorie": regels.opleidingen[code].plafond,
            "aandeel_categorie": regels.opleidingen[code].aandeel_deelnemer,
            "eigen_bijdrage_max": uit["eigen_bijdrage"], "overheid_max": uit["overheid"],
        }
    return soorten


def schooljaar_periode(regels, teksten_mod, taal: str = "nl") -> str:
    """'1 september tot 31 augustus': the school year as the parameters define it."""
    import datetime as dt
    maand, dag = regels.schooljaar_begin
    begin = dt.date(2001, maand, dag)  # any year that is not a leap year: 1 March - 28 February
    einde = begin.replace(year=2002) - dt.timedelta(days=1)
    return teksten_mod.teksten(taal)["periode"].format(
        begin=teksten_mod.datum_in_woorden(begin, met_jaar=False, taal=taal),
        einde=teksten_mod.datum_in_woorden(einde, met_jaar=False, taal=taal))


def illustraties(taal: str = "nl") -> dict:
    """Alt text and caption per drawing in docs/assets/illustraties/ (one place per language)."""
    return json.loads((ROOT / "talen" / taal / "illustraties.json").read_text(encoding="utf-8"))


def md_link(url: str) -> str:
    """A site URL of the contract ('/terugbetaling/#formulier') as a link MkDocs validates."""
    pad, _, anker = url.partition("#")
    pad = pad.strip("/")
    doel = f"/{pad}.md" if pad else "/index.md"
    if pad and not (ROOT / "docs" / f"{pad}.md").exists() and (ROOT / "docs" / pad / "index.md").exists():
        doel = f"/{pad}/index.md"
    return doel + (f"#{anker}" if anker else "")


def other_language_links(basis_url: str, site: dict, taal: str) -> list[dict]:
    """For the coordinators' page: each other language's start page (with its QR code) and its own
    coordinators' page, where every link of that language is listed."""
    from .talen import languages
    from .woordenlijst import site_texts
    uit = []
    for t in languages():
        if t["code"] == taal:
            continue
        hun = site_texts(t["code"])
        start = deeplinks(basis_url, hun, t["code"])[0]
        voor = "" if t["code"] == "nl" else f"/{t['code']}"
        uit.append({"code": t["code"], "naam": t["naam"], "richting": t.get("richting", ""), "start": start,
                    "coordinatoren": f"{basis_url.rstrip('/')}{voor}/voor-coordinatoren/",
                    "alle_links": hun["taal"]["alle_links"]})
    return uit


def _kop_tekst(kop: str) -> str:
    """A heading as plain text for a list or a leaflet (a translation puts Dutch labels in bold)."""
    return re.sub(r"\*\*(.+?)\*\*|\*(.+?)\*", lambda m: m.group(1) or m.group(2), kop).strip()


def deeplinks(site_url: str, site: dict | None = None, taal: str = "nl") -> list[dict]:
    """Every deep link of the URL contract in one language with its title (read from the pages
    themselves) and QR code; a language other than Dutch has the same paths under /<taal>/."""
    basis = site_url.rstrip("/")
    docs = ROOT / "docs" if taal == "nl" else ROOT / "talen" / taal / "docs"
    voor = "" if taal == "nl" else f"/{taal}"
    links = []
    for url, anchors in CONTRACT_URLS.items():
        pad = url.strip("/")
        bron = docs / (f"{pad}.md" if pad else "index.md")
        if not bron.exists():
            bron = docs / pad / "index.md"
        tekst = bron.read_text(encoding="utf-8")
        titel = _kop_tekst(re.search(r"^# (.+)$", tekst, re.M).group(1))
        links.append({"url": voor + url, "titel": titel, "niveau": 1})
        for anchor in anchors:
            kop = re.search(rf"^#+ (.+?)\s*\{{ *#{re.escape(anchor)} *\}}\s*$", tekst, re.M)
            links.append({"url": f"{voor}{url}#{anchor}", "titel": _kop_tekst(kop.group(1)), "niveau": 2})
    for link in links:
        link["volledig"] = basis + link["url"]
        link["qr"] = qr_svg(link["volledig"], (site or {}).get("sjablonen", {}).get("qr_voor", "QR-code voor {adres}"))
    return links


_LOCAL_HOSTS = {"localhost", "0.0.0.0", "::1", "::"}


def is_example_site_url(site_url: str) -> bool:
    """True when the links would only work on the machine that built the site: no SITE_URL was
    set (mkdocs.yml's default is http://127.0.0.1:8000/), or it names this computer itself."""
    from urllib.parse import urlsplit
    host = (urlsplit(site_url or "").hostname or "").lower()
    return (not host or host in _LOCAL_HOSTS or host.endswith(".localhost")
            or host.split(".")[0] == "127" and host.replace(".", "").isdigit())


def qr_svg(data: str, label: str = "QR-code voor {adres}") -> str:
    """An inline SVG QR code (no file, no request), readable by any phone camera."""
    import segno
    svg = segno.make(data, error="m").svg_inline(scale=4, border=4, dark="#000", light="#fff",
                                                  omitsize=True, title=None, svgclass="qr")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label.replace("{adres}", data)}" ', 1)


def _documenten_voor(bereken, route: str) -> list[str]:
    """The document list of a typical case of a route, straight from `bereken`."""
    if route == "cheques":
        return bereken("andere", 400)["documenten"]
    return bereken("andere", 400, aanvaardt_cheques=False, aanvraag_geweigerd=True)["documenten"]


# ---------------------------------------------------------------- the list check's example file

VOORBEELD_NAMEN = ("Amina Voorbeeld", "Bram Voorbeeld", "Chloé Voorbeeld", "Dries Voorbeeld",
                   "Eline Voorbeeld", "Fatima Voorbeeld", "Gert Voorbeeld", "Hanne Voorbeeld")


def voorbeeldbestand(datum=None) -> bytes:
    """/voor-coordinatoren/controle/'s example list, as Belgian Excel saves a CSV (';', UTF-8 with
    BOM): one row per kind of training in force on `datum` (the codes come from the parameters,
    never typed by hand), its cap as the fee, the optional columns with the values they accept.
    The columns are the ones calculator/controle.py reads, so the example always checks."""
    import csv
    import datetime as dt
    import io
    _calculator()
    from calculator import controle, regels as regels_mod
    datum = datum or dt.date.today()
    regels = regels_mod.regels_op(datum)
    kop = ["naam", *controle.INVOER_KOLOMMEN]
    rijen = []
    for i, code in enumerate(regels.opleidingen):
        maximum = regels.maximum(code)
        rijen.append([VOORBEELD_NAMEN[i % len(VOORBEELD_NAMEN)], code, f"{maximum + 50 * (i % 3)}",
                      "0" if i % 4 else "", "ja" if i % 5 else "nee", "nee",
                      datum.strftime("%d/%m/%Y").lstrip("0") if i % 2 else datum.isoformat()])
    uit = io.StringIO(newline="")
    csv.writer(uit, delimiter=";", lineterminator="\r\n").writerows([kop, *rijen])
    return uit.getvalue().encode("utf-8-sig")
