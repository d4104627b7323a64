"""Filling in the calculator's form as a user does (tapping a choice's label, typing an amount),
for every browser test that needs an answer."""

from __future__ import annotations

KEUZEVELDEN = ("opleiding", "aanvaardt_cheques", "aanvraag_geweigerd")


def kies(page, veld: str, waarde: str) -> None:
    page.locator(f"label[for='{veld}-{waarde}']").click()


def vul_in(page, **antwoorden: str) -> None:
    """vul_in(page, opleiding="andere", inschrijvingsgeld="400"): choices tapped, amounts typed."""
    for veld, waarde in antwoorden.items():
        if veld in KEUZEVELDEN:
            kies(page, veld, waarde)
        else:
            page.fill(f"#{veld}", waarde)
