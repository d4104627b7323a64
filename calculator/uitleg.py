"""Which sentences tell an answer, as ids: the page, the CLI and the build only look them up.

Deciding what to say from the amounts belongs here, next to the rules, and nowhere else: a page
script that guessed from amounts once told a participant with a free NT2 course that they could
request no more cheques this school year. The words for each id are in calculator/teksten/.
"""

from __future__ import annotations

from decimal import Decimal

ROUTE_CHEQUES = "cheques"


def zinnen(b: dict[str, Decimal], route: str, kost: Decimal) -> list[str]:
    """The answer in a few sentences, in reading order."""
    if route != ROUTE_CHEQUES:
        if b["bijbetalen"] > 0:
            return ["geen_cheques", "zelf_betalen", "bewijs_terugbetaling", "netto_kost"]
        return ["gratis", "niets_terug", "netto_kost"]
    if b["chequebedrag"] > 0:
        ids = ["cheques_aanvragen", "edenred_betalen" if b["eigen_bijdrage"] > 0 else "edenred_niets"]
    elif kost == 0:
        ids = ["gratis"]
    else:
        ids = ["plafond_bereikt"]
    if b["bijbetalen"] > 0:
        ids.append("bijbetalen_bovenop" if b["chequebedrag"] > 0 else "zelf_betalen")
    ids.append("terugbetaling" if b["terugbetaling"] > 0 else "niets_terug")
    return ids + ["netto_kost"]


def tijdlijn(b: dict[str, Decimal], route: str) -> list[str]:
    """What the participant does, step by step, in the order it happens."""
    stappen = []
    if route != ROUTE_CHEQUES:
        if b["bijbetalen"] > 0:
            stappen += ["instelling_betalen", "bewijs_vragen"]
    elif b["chequebedrag"] > 0:
        stappen.append("cheques_aanvragen")
        if b["eigen_bijdrage"] > 0:
            stappen.append("edenred_betalen")
        stappen.append("instelling_met_cheques_en_zelf" if b["bijbetalen"] > 0 else "instelling_met_cheques")
    elif b["bijbetalen"] > 0:
        stappen.append("instelling_betalen")
    if b["terugbetaling"] > 0:
        return stappen + ["documenten_sturen", "geld_terug"]
    return stappen + ["klaar"]
