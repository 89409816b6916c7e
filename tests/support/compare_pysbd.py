#!/usr/bin/env python3
"""Sentence boundaries: factdesk against pySBD, category by category.

Reads the English Golden Rules (../shared/corpus/golden_rules_en.json), factdesk's written cases
(tests/fixtures/nlp/sentence_cases.json) and the hand-checked decisions in real pages
(tests/fixtures/nlp/corpus_checks.json with ../shared/corpus/readability), runs both segmenters on
each, and prints one Markdown table of passes per category (docs/SENTENCES.md keeps the result).

    python3 -m venv /tmp/py && /tmp/py/bin/pip install pysbd==0.3.4
    cargo build --release
    /tmp/py/bin/python tests/support/compare_pysbd.py [--list]

The comparison is the one the tests make: sentences trimmed, line breaks joined, compared
exactly; a boundary "after the mark at N" is a sentence ending right after it and its closers.
--list prints every case where the two disagree.
"""

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pysbd

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "corpus"
FACTDESK = ROOT / "target" / "release" / "factdesk"
CLOSERS = "\"'”’)]»“‘›«"


def joined(s):
    return " ".join(s.split())


def factdesk_spans(text, lang):
    out = subprocess.run(
        [str(FACTDESK), "sentences", "--lang", lang, "--json"],
        input=text.encode("utf-8"),
        capture_output=True,
        check=True,
    )
    return [(s["start"], s["end"]) for s in json.loads(out.stdout)]


def pysbd_spans(text, lang):
    seg = pysbd.Segmenter(language=lang, clean=False, char_span=True)
    spans = []
    for s in seg.segment(text):
        body = s.sent.strip()
        if not body:
            continue
        start = s.start + (len(s.sent) - len(s.sent.lstrip()))
        spans.append((start, start + len(body)))
    return spans


def sentences(text, spans):
    return [joined(text[a:b]) for a, b in spans]


def ends_after(text, spans, at):
    e = at + 1
    while e < len(text) and text[e] in CLOSERS:
        e += 1
    return any(at < b <= e for _, b in spans)


SEGMENTERS = {"factdesk": factdesk_spans, "pySBD": pysbd_spans}


def main():
    listing = "--list" in sys.argv
    rows = defaultdict(lambda: {"total": 0, "factdesk": 0, "pySBD": 0})
    differ = []

    def case(category, text, lang, ok):
        rows[category]["total"] += 1
        got = {}
        for name, spans_of in SEGMENTERS.items():
            spans = spans_of(text, lang)
            got[name] = ok(text, spans)
            rows[category][name] += got[name]
        if got["factdesk"] != got["pySBD"]:
            differ.append((category, text[:90].replace("\n", "⏎"), got))

    golden = json.loads((SHARED / "golden_rules_en.json").read_text())
    for rule in golden:
        want = [joined(s) for s in rule["expected"]]
        case(
            "Golden Rules (English)",
            rule["input"],
            "en",
            lambda t, sp, want=want: sentences(t, sp) == want,
        )

    written = json.loads((ROOT / "tests/fixtures/nlp/sentence_cases.json").read_text())
    for c in written["cases"]:
        want = [joined(s) for s in c["expected"]]
        case(
            f"written news cases ({c['lang']})",
            c["input"],
            c["lang"],
            lambda t, sp, want=want: sentences(t, sp) == want,
        )

    checks = json.loads((ROOT / "tests/fixtures/nlp/corpus_checks.json").read_text())
    for page in checks["pages"]:
        text = (SHARED / "readability" / page["page"] / "expected.txt").read_text()
        lang = page["lang"]
        for at in page["cuts"]:
            case(f"real pages, boundaries ({lang})", text, lang,
                 lambda t, sp, at=at: ends_after(t, sp, at))
        for at in page["joins"]:
            case(f"real pages, non-boundaries ({lang})", text, lang,
                 lambda t, sp, at=at: not ends_after(t, sp, at))
        if page.get("ends"):
            case(f"real pages, whole page ({lang})", text, lang,
                 lambda t, sp, want=page.get("ends"): [b for _, b in sp] == want)

    print("| category | cases | factdesk | pySBD 0.3.4 |")
    print("|---|---:|---:|---:|")
    for category, r in rows.items():
        print(f"| {category} | {r['total']} | {r['factdesk']} | {r['pySBD']} |")
    if listing:
        print()
        for category, text, got in differ:
            print(f"- {category}: {got} — {text}")


if __name__ == "__main__":
    main()
