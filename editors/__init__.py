"""Goalsmith where people already write: the goals of a whole document placed on its
characters (`editors.document`), LanguageTool's HTTP protocol (`editors.languagetool`, served
by `api/`) and a language server (`editors.server`, run by `goalsmith lsp`)."""
