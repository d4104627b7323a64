"""The Dutch words for every document and warning id, kept in one place.

The calculator returns ids; the web page, the CLI and the guide show these texts, so a
participant reads the same sentence everywhere. Links are site-relative URL-contract paths.
"""

from __future__ import annotations

DOCUMENTEN: dict[str, dict[str, str]] = {
    "aanvraagformulier_terugbetaling": {
        "titel": "Het aanvraagformulier voor terugbetaling, met de stempel van je opleidingsinstelling",
        "uitleg": "Je vindt het formulier op www.agodi.be/jojo-project. Laat het afstempelen door je opleidingsinstelling.",
        "link": "/terugbetaling/#formulier",
    },
    "inschrijvings_en_betalingsbewijs": {
        "titel": "Je inschrijvingsbewijs en betalingsbewijs van de opleiding",
        "uitleg": "Hierop staat wat je opleiding kost en wat je betaald hebt.",
        "link": "/bijlagen/inschrijvingsbewijs/",
    },
    "bevestigingsmail_wse": {
        "titel": "De bevestigingsmail van het WSE-loket",
        "uitleg": "Hierin staat voor hoeveel euro je opleidingscheques hebt aangevraagd.",
        "link": "/bijlagen/bevestigingsmail/",
    },
    "goedkeuringsmail_wse": {
        "titel": "De goedkeuringsmail van het WSE-loket",
        "uitleg": "Hierin staat dat je aanvraag is goedgekeurd.",
        "link": "/bijlagen/goedkeuringsmail/",
    },
    "bewijs_geen_cheques_aanvaard": {
        "titel": "Een bewijs op papier dat je opleidingsinstelling geen opleidingscheques aanvaardt",
        "uitleg": "Vraag dit bewijs aan je opleidingsinstelling.",
        "link": "/terugbetaling/#let-op-bewijs",
    },
    "bewijs_weigering": {
        "titel": "Een bewijs op papier dat je aanvraag voor opleidingscheques geweigerd is",
        "uitleg": "Bewaar of print de weigering van het WSE-loket.",
        "link": "/terugbetaling/#let-op-bewijs",
    },
}

WAARSCHUWINGEN: dict[str, dict[str, str]] = {
    "cheques_voor_start": {
        "titel": "Vraag je cheques aan vóór je opleiding begint",
        "uitleg": "Opleidingscheques voor een opleiding die al begonnen is, kan je niet meer gebruiken.",
        "link": "/stappenplan/#stap-3",
    },
    "boven_plafond": {
        "titel": "Je opleiding kost meer dan je aan cheques kan aanvragen",
        "uitleg": "Het deel boven je maximum betaal je zelf aan de opleidingsinstelling. Je krijgt het terug van de JoJo/VeVe-coördinatie.",
        "link": "/waar-heb-ik-recht-op/",
    },
    "plafond_bereikt": {
        "titel": "Je maximum voor dit schooljaar is al bereikt",
        "uitleg": "Je kan dit schooljaar geen opleidingscheques meer aanvragen. Je betaalt de opleiding zelf en vraagt het geld terug bij de JoJo/VeVe-coördinatie.",
        "link": "/waar-heb-ik-recht-op/",
    },
    "bewijs_op_papier": {
        "titel": "Vraag een bewijs op papier",
        "uitleg": "Zonder dat bewijs kan de JoJo/VeVe-coördinatie je inschrijving niet terugbetalen.",
        "link": "/terugbetaling/#let-op-bewijs",
    },
    "niets_terug_te_vragen": {
        "titel": "Je hoeft niets terug te vragen",
        "uitleg": "Je betaalt zelf niets voor je inschrijving. Je hoeft dus geen terugbetaling aan te vragen.",
        "link": "/stappenplan/#stap-7",
    },
    "niet_terugbetaald": {
        "titel": "Studiemateriaal en vervoer krijg je niet terug",
        "uitleg": "De JoJo/VeVe-coördinatie betaalt geen vervoer terug, en geen studiemateriaal dat niet op je inschrijvingsbewijs staat.",
        "link": "/terugbetaling/#wat-niet",
    },
}
