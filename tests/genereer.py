"""Hypothesis examples as a plain list, to send to the browser's worker in one batch (one
page.evaluate instead of hundreds of round trips)."""

from __future__ import annotations

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st


def voorbeelden(strategie: st.SearchStrategy, aantal: int) -> list:
    gevonden: list = []

    @settings(max_examples=aantal, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(strategie)
    def verzamel(waarde):
        gevonden.append(waarde)

    verzamel()
    return gevonden
