"""`goalsmith lsp`: a language server over stdio (pygls). Each goal line of the documents a
client opens (by default `*.goals`, `*.md`, `*.txt`) gets diagnostics; hover shows the goal's
SMART checklist and score; code actions apply a suggested replacement or a rewrite.
Settings come from `initializationOptions` and `workspace/didChangeConfiguration`."""

from __future__ import annotations

from dataclasses import dataclass, field

from lsprotocol import types
from pygls.lsp.server import LanguageServer

import assistant
from assistant import GoalsmithError
from assistant.result import GoalAnalysis

from .document import GoalLine, Issue, check_lines, goal_issues, goal_lines, is_goal
from .lsp import (
    EditorSettings,
    code_actions,
    diagnostic,
    goal_at,
    hover_text,
    is_checked,
    read_settings,
)


@dataclass
class CheckedDocument:
    """The last check of one open document: the lines that read as goals with their
    analyses, their issues, and every line's analysis by its text (so that an edit
    re-analyses only the lines it changed)."""

    text: str = ""
    goals: list[tuple[GoalLine, GoalAnalysis]] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    analyses: dict[str, GoalAnalysis] = field(default_factory=dict)


class GoalServer(LanguageServer):
    """The language server and what it knows: settings and the open documents' checks."""

    def __init__(self, defaults: EditorSettings) -> None:
        super().__init__(name="goalsmith", version=assistant.__version__)
        self.defaults = defaults
        self.settings = defaults
        self.checked: dict[str, CheckedDocument] = {}

    def configure(self, raw: object) -> None:
        """Take the client's settings over the current ones; a bad value is shown to the
        user and the settings in force stay."""
        try:
            self.settings = read_settings(raw, self.settings)
        except GoalsmithError as exc:
            self.window_show_message(types.ShowMessageParams(
                type=types.MessageType.Error, message=f"Goalsmith settings: {exc.message}"
            ))
            return
        for checked in self.checked.values():
            checked.analyses.clear()

    def check(self, uri: str) -> None:
        """Analyse the document's goal lines and publish their diagnostics."""
        document = self.workspace.get_text_document(uri)
        if not is_checked(uri, self.settings.file_types):
            self.checked.pop(uri, None)
            self.publish(uri, document.version, [])
            return
        previous = self.checked.get(uri, CheckedDocument())
        text = document.source
        goals = goal_lines(text)
        analyses = self.analyse(goals, previous.analyses)
        pairs = [(goal, analyses[goal.text]) for goal in goals
                 if goal.text in analyses and is_goal(analyses[goal.text])]
        issues = [issue for goal, analysis in pairs for issue in goal_issues(goal, analysis)]
        self.checked[uri] = CheckedDocument(text, pairs, issues, analyses)
        count = document.position_codec.client_num_units
        self.publish(uri, document.version, [diagnostic(text, i, count) for i in issues])

    def analyse(
        self, goals: list[GoalLine], known: dict[str, GoalAnalysis]
    ) -> dict[str, GoalAnalysis]:
        """Each line text's analysis, reusing `known`; lines that cannot be analysed (over
        the length limit) are left out."""
        texts = list(dict.fromkeys(goal.text for goal in goals))
        new = [GoalLine(0, text) for text in texts if text not in known]
        outcomes = check_lines(new, self.settings.options)
        fresh = {g.text: o for g, o in zip(new, outcomes, strict=True) if not isinstance(
            o, GoalsmithError)}
        return {text: known.get(text) or fresh[text] for text in texts
                if text in known or text in fresh}

    def publish(self, uri: str, version: int | None, found: list[types.Diagnostic]) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=found)
        )


def build_server(defaults: EditorSettings) -> GoalServer:
    """A server with its handlers registered."""
    server = GoalServer(defaults)

    @server.feature(types.INITIALIZE)
    def initialize(params: types.InitializeParams) -> None:
        server.configure(params.initialization_options)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def change_configuration(params: types.DidChangeConfigurationParams) -> None:
        server.configure(params.settings)
        for uri in list(server.workspace.text_documents):
            server.check(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        server.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        server.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        server.checked.pop(params.text_document.uri, None)
        server.publish(params.text_document.uri, None, [])

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        checked = server.checked.get(uri)
        if checked is None:
            return []
        count = server.workspace.get_text_document(uri).position_codec.client_num_units
        return code_actions(uri, checked.text, checked.issues, params.range, count)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(params: types.HoverParams) -> types.Hover | None:
        checked = server.checked.get(params.text_document.uri)
        found = goal_at(checked.goals, params.position.line) if checked else None
        if found is None:
            return None
        content = types.MarkupContent(kind=types.MarkupKind.Markdown, value=hover_text(found[1]))
        return types.Hover(contents=content)

    return server


def serve_stdio(defaults: EditorSettings) -> None:
    """Serve one client over standard input and output until it exits."""
    build_server(defaults).start_io()
