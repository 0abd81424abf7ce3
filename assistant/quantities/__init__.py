"""Numbers, money and percentages in a goal; the choice of its target and its normalised value."""

from .quantity import Quantity, find_quantities
from .target import choose_target

__all__ = ["Quantity", "choose_target", "find_quantities"]
