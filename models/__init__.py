"""Goalsmith's trained artifacts (`<name>/model.skops`, `weights.json`, `meta.json`), installed
as the package data of `assistant.models`; `goalsmith train` writes them here."""
