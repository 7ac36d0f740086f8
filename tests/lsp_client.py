#!/usr/bin/env python3
"""Drives `copydesk lsp` with an independent LSP client (pygls and its
lsprotocol types), as an editor would: initialize with UTF-16 positions, open
a draft, receive diagnostics with UTF-16 ranges on a line with non-ASCII
characters, change the text, request and apply a quick fix, hover, shut down
and exit cleanly.

Usage: tests/lsp_client.py path/to/copydesk
Prints `N passed, N failed`; exits 1 if any check failed.
"""

import asyncio
import os
import pathlib
import sys
import tempfile

from lsprotocol import types as t
from pygls.lsp.client import LanguageClient

LINE = "Café — “x” 😀 then an e-mail"
passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok    {name}")
    else:
        failed += 1
        print(f"FAIL  {name}: {detail}")


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


def offset(text, pos):
    """Byte-free string index of an LSP position counted in UTF-16 units."""
    lines = text.split("\n")
    start = sum(len(l) + 1 for l in lines[: pos.line])
    units = 0
    for i, ch in enumerate(lines[pos.line] if pos.line < len(lines) else ""):
        if units >= pos.character:
            return start + i
        units += utf16_len(ch)
    return start + len(lines[pos.line]) if pos.line < len(lines) else len(text)


def apply(text, edits):
    for e in sorted(edits, key=lambda e: offset(text, e.range.start), reverse=True):
        a, b = offset(text, e.range.start), offset(text, e.range.end)
        text = text[:a] + e.new_text + text[b:]
    return text


async def main(binary):
    root = tempfile.mkdtemp(prefix="copydesk-lsp-")
    os.makedirs(os.path.join(root, "drafts"))
    path = os.path.join(root, "drafts", "a.md")
    with open(path, "w", encoding="utf-8") as f:
        f.write("On disk this draft is clean.\n")
    root_uri = pathlib.Path(root).as_uri()
    uri = pathlib.Path(path).as_uri()

    client = LanguageClient("copydesk-test", "1")
    published = asyncio.Queue()

    @client.feature(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: t.PublishDiagnosticsParams):
        published.put_nowait(params)

    async def diagnostics_for(u):
        while True:
            p = await asyncio.wait_for(published.get(), 10)
            if p.uri == u:
                return p

    await client.start_io(binary, "lsp")
    result = await client.initialize_async(
        t.InitializeParams(
            process_id=os.getpid(),
            root_uri=root_uri,
            capabilities=t.ClientCapabilities(
                general=t.GeneralClientCapabilities(
                    position_encodings=[t.PositionEncodingKind.Utf16]
                )
            ),
        )
    )
    client.initialized(t.InitializedParams())
    check(
        "initialize: UTF-16 positions",
        result.capabilities.position_encoding == t.PositionEncodingKind.Utf16,
        result.capabilities.position_encoding,
    )

    text = f"# Notes\n\n{LINE}.\n"
    client.text_document_did_open(
        t.DidOpenTextDocumentParams(
            t.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
        )
    )
    p = await diagnostics_for(uri)
    col = utf16_len(LINE[: LINE.index("e-mail")])
    d = p.diagnostics[0] if p.diagnostics else None
    check("didOpen: one diagnostic", len(p.diagnostics) == 1, p.diagnostics)
    check(
        "didOpen: UTF-16 range after é, —, “”, 😀",
        d is not None
        and d.range == t.Range(t.Position(2, col), t.Position(2, col + 6)),
        d and d.range,
    )
    check(
        "diagnostic: code, source, severity",
        d is not None
        and d.code == "e-mail"
        and d.source == "copydesk"
        and d.severity == t.DiagnosticSeverity.Information,
        d,
    )

    # Change: the e-mail is fixed by hand and an "on-line" typed in.
    client.text_document_did_change(
        t.DidChangeTextDocumentParams(
            text_document=t.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                t.TextDocumentContentChangePartial(
                    range=t.Range(t.Position(2, col), t.Position(2, col + 6)),
                    text="email",
                ),
                t.TextDocumentContentChangePartial(
                    range=t.Range(t.Position(2, 0), t.Position(2, 0)),
                    text="The on-line ",
                ),
            ],
        )
    )
    text = f"# Notes\n\nThe on-line {LINE.replace('e-mail', 'email')}.\n"
    p = await diagnostics_for(uri)
    check("didChange: diagnostics follow the new text", p.version == 2 and
          [(x.code, x.range.start.character) for x in p.diagnostics] == [("e-mail", 4)],
          p)

    actions = await client.text_document_code_action_async(
        t.CodeActionParams(
            text_document=t.TextDocumentIdentifier(uri=uri),
            range=p.diagnostics[0].range,
            context=t.CodeActionContext(diagnostics=p.diagnostics),
        )
    )
    titles = [a.title for a in actions or []]
    check(
        "codeAction: quick fix and disable-line offered",
        titles[:2] == ["Replace `on-line` with `online`", "Disable e-mail on this line"],
        titles,
    )
    fix = actions[0]
    check(
        "codeAction: quick fix is preferred",
        fix.kind == t.CodeActionKind.QuickFix and fix.is_preferred is True,
        fix,
    )
    fixed = apply(text, fix.edit.changes[uri])
    check(
        "codeAction: the edit fixes the text",
        fixed == f"# Notes\n\nThe online {LINE.replace('e-mail', 'email')}.\n",
        fixed,
    )
    client.text_document_did_change(
        t.DidChangeTextDocumentParams(
            text_document=t.VersionedTextDocumentIdentifier(uri=uri, version=3),
            content_changes=[t.TextDocumentContentChangeWholeDocument(text=fixed)],
        )
    )
    p = await diagnostics_for(uri)
    check("applied fix: no diagnostics left", len(p.diagnostics) == 0, p.diagnostics)

    disable = apply(text, actions[1].edit.changes[uri])
    check(
        "codeAction: disable comment above the line",
        "<!-- copydesk-disable-next-line e-mail -->\nThe on-line" in disable,
        disable,
    )

    client.text_document_did_change(
        t.DidChangeTextDocumentParams(
            text_document=t.VersionedTextDocumentIdentifier(uri=uri, version=4),
            content_changes=[t.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    await diagnostics_for(uri)
    hover = await client.text_document_hover_async(
        t.HoverParams(t.TextDocumentIdentifier(uri=uri), t.Position(2, 6))
    )
    value = hover.contents.value if hover else ""
    check("hover: explains the rule", "House style writes email" in value, value)

    await client.shutdown_async(None)
    client.exit(None)
    code = await asyncio.wait_for(client._server.wait(), 10)
    check("shutdown and exit: status 0", code == 0, code)
    await client.stop()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    try:
        asyncio.run(main(os.path.abspath(sys.argv[1])))
    except Exception as e:  # a hang or a crash is a failure, not a traceback
        failed += 1
        print(f"FAIL  the session ended early: {type(e).__name__}: {e}")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
