"""The learned layer: scikit-learn models over `assistant.features`, stored with skops."""

from .confidence import learned_confidence

__all__ = ["learned_confidence"]
