"""Opleidingscheques for JoJo/VeVe participants: the single source of truth for rules and amounts.

Pure standard library, so the same package runs natively (tests, site build) and in the
browser through Pyodide.
"""

from .berekening import BEDRAG_VELDEN, bereken
from .invoer import OngeldigeInvoer

__all__ = ["bereken", "OngeldigeInvoer", "BEDRAG_VELDEN"]
__version__ = "1.1.1"
