#!/usr/bin/env python3
"""Latency of `copydesk lsp`: the time from a didChange to the
publishDiagnostics for that version, on a 5,000-word draft.

Usage: bench/lsp_latency.py [path/to/copydesk] [--runs N] [--words N]
(default: target/release/copydesk; build it with `cargo build --release`).
Needs pygls (`python3 -m venv target/lsp-venv && target/lsp-venv/bin/pip install pygls`).

Each change is a keystroke after a quiet moment, which the server checks at
once; a burst of keystrokes is checked once typing pauses for the debounce
(150 ms), reported separately.
"""

import argparse
import asyncio
import os
import pathlib
import random
import statistics
import tempfile
import time

from lsprotocol import types as t
from pygls.lsp.client import LanguageClient

SENTENCES = [
    "The minister said on Tuesday that the budget would rise by 4 per cent.",
    "Officials reportedly met in Genève — “behind closed doors” — for three hours.",
    "At least 60 people were killed in the strikes, the health ministry said.",
    "Readers can send an e-mail to the desk or call the newsroom.",
    "The web site was down for most of the morning, the company said.",
    "Protesters gathered outside the café 😀 near the square on Friday.",
    "The attack was claimed by al-Qaida, according to a statement.",
    "Prices rose sharply in March and fell again in April, the data showed.",
]


def draft(words):
    rng = random.Random(7)
    out, n, para = ["---", "date: 2025-06-20", "---", "", "# A long draft", ""], 0, []
    while n < words:
        s = rng.choice(SENTENCES)
        para.append(s)
        n += len(s.split())
        if len(para) == 5:
            out.append(" ".join(para))
            out.append("")
            para = []
    out.append(" ".join(para))
    return "\n".join(out) + "\n", n


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary", nargs="?", default="target/release/copydesk")
    ap.add_argument("--runs", type=int, default=40)
    ap.add_argument("--words", type=int, default=5000)
    args = ap.parse_args()

    root = pathlib.Path(tempfile.mkdtemp(prefix="copydesk-bench-"))
    text, words = draft(args.words)
    path = root / "long.md"
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()

    client = LanguageClient("copydesk-bench", "1")
    published = asyncio.Queue()

    @client.feature(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params):
        published.put_nowait((time.perf_counter(), params))

    async def wait_version(v):
        while True:
            at, p = await asyncio.wait_for(published.get(), 10)
            if p.uri == uri and p.version == v:
                return at, p

    await client.start_io(os.path.abspath(args.binary), "lsp")
    await client.initialize_async(
        t.InitializeParams(process_id=os.getpid(), root_uri=root.as_uri(),
                           capabilities=t.ClientCapabilities())
    )
    client.initialized(t.InitializedParams())
    client.text_document_did_open(t.DidOpenTextDocumentParams(
        t.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)))
    _, p = await wait_version(1)
    findings = len(p.diagnostics)

    version = 1
    lines = text.count("\n")

    def change(line):
        nonlocal version
        version += 1
        client.text_document_did_change(t.DidChangeTextDocumentParams(
            text_document=t.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[t.TextDocumentContentChangePartial(
                range=t.Range(t.Position(line, 0), t.Position(line, 0)), text="x")]))
        return time.perf_counter()

    single = []
    for i in range(args.runs):
        await asyncio.sleep(0.2)  # a quiet moment
        sent = change(6 + (i * 7) % (lines - 8))
        at, _ = await wait_version(version)
        single.append((at - sent) * 1000)

    burst = []
    for i in range(5):
        await asyncio.sleep(0.3)
        for k in range(10):
            sent = change(6 + k)
            await asyncio.sleep(0.02)
        at, _ = await wait_version(version)
        burst.append((at - sent) * 1000)

    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()

    single.sort()
    p95 = single[min(len(single) - 1, int(len(single) * 0.95))]
    print(f"draft: {words} words, {len(text.encode())} bytes, {findings} findings")
    print(f"didChange -> publishDiagnostics, one keystroke after a pause ({len(single)} runs): "
          f"median {statistics.median(single):.1f} ms, p95 {p95:.1f} ms, max {max(single):.1f} ms")
    print(f"after a burst of 10 keystrokes 20 ms apart (debounced, 5 runs): "
          f"median {statistics.median(burst):.1f} ms after the last one")
    ok = p95 < 100
    print(f"{'ok' if ok else 'SLOW'}: p95 {'<' if ok else '>='} 100 ms")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
