#!/usr/bin/env python3
"""Extracts the interface's texts from the Rust tables into Fluent files.

The texts of the web interface live today in Rust: one struct of
`&'static str` fields per part of the interface, with one static per
language (`crates/kyoso-web/src/i18n*.rs`), and the reasons of a ranking in
words, as `lang.pick([en, ja, th, vi])` arrays and per-language `format!`
strings (`crates/kyoso-service/src/matching/words.rs`). This script reads
those files and writes

    crates/kyoso-i18n/locales/{en,ja,th,vi}/web.ftl       (i18n.rs)
                                            matching.ftl  (i18n_matching.rs)
                                            network.ftl   (i18n_network.rs)
                                            programs.ftl  (i18n_programs.rs)
                                            reasons.ftl   (words.rs)
    scripts/i18n/map.json   where each Rust text went: its Fluent id

then checks every .ftl file under crates/kyoso-i18n/locales (also the
hand-written codes.ftl and cli.ftl, which it never writes): each parses, the
four languages hold the same ids, and each message uses the same
`$variables` in every language. It prints the count of messages per file
and language, and exits non-zero on any problem.

Usage (from anywhere; only the Python standard library is needed):

    python3 scripts/i18n/extract.py            # extract, write, check
    python3 scripts/i18n/extract.py --check    # only check the .ftl files

If the `fluent.syntax` package (the reference parser of Project Fluent) can
be imported, the files are also parsed with it and compared.

Ids. A field `sign_in` of `Texts` becomes `web-sign-in`: every id is
prefixed with its file's area (web, matching, network, programs, reasons)
so that ids stay unique across files. A label array indexed by an enum
gives one message per variant, named by the variant's keyword (the text of
`keyword_enum!` in kyoso-domain, as in the API): `matching-need-kind-
business-partner`. The strings of words.rs have no field name: their ids
are chosen below in WORDS, keyed by the English text; a string found in
words.rs that WORDS does not name stops the script, so that a change there
gets an id chosen by a person.

Placeholders. Rust `{n}` (filled by `.replace` or `format!`) becomes the
Fluent variable `{ $name }`, renamed where the Rust name says little
(PLACEHOLDERS and WORDS). English gets a plural selector only where the
English text itself changes with the number (EN_PLURALS and WORDS); the
`*[other]` variant is then checked to be the original text. Everything else
is kept exactly, literal braces escaped and leading or trailing spaces kept
as string literals (`{", "}`), since Fluent trims them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "crates/kyoso-i18n/locales"
MAP = ROOT / "scripts/i18n/map.json"
DOMAIN = ROOT / "crates/kyoso-domain/src"
LANGS = ["en", "ja", "th", "vi"]
RUST_LANGS = {"En": "en", "Ja": "ja", "Th": "th", "Vi": "vi"}
DRAFT = "### Draft translation by the kyoso team: to be reviewed by a native speaker."
ID_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9_-]*$")
PLURAL_KEYS = {"zero", "one", "two", "few", "many", "other"}


class Fail(Exception):
    """A problem that stops the script, with what to fix."""


# --------------------------------------------------------------------------
# The tables: what each source file holds and how its ids are made.
# --------------------------------------------------------------------------

@dataclass
class Table:
    source: str  # path from the repository root
    struct: str
    area: str  # the id prefix, and the .ftl file's name
    about: str  # the file's `###` comment
    # Headings (`##`) of the groups, by the first field of each group.
    groups: dict[str, str] = field(default_factory=dict)
    # Label arrays whose ids are not named after their enum.
    array_prefix: dict[str, str] = field(default_factory=dict)
    # Names of the elements of a tuple array, in order.
    tuple_names: dict[str, tuple[str, ...]] = field(default_factory=dict)


TABLES = [
    Table(
        source="crates/kyoso-web/src/i18n.rs",
        struct="Texts",
        area="web",
        about="The web interface's common texts: navigation, signing in, people, "
        "organizations, ties, forms and personal data.",
        groups={
            "tagline": "Navigation and signing in",
            "recent_activity": "Home, search and profiles",
            "edit": "Forms and messages",
            "download_my_data": "Personal data and erasure",
            "list_hint": "Ties and the audit log",
            "vis_private": "Visibility",
            "female": "Gender",
            "studied_at": "Group headings of a profile's ties, by kind",
        },
    ),
    Table(
        source="crates/kyoso-web/src/i18n_matching.rs",
        struct="MatchingTexts",
        area="matching",
        about="The matching pages' texts: needs, candidates, the pipeline, the "
        "technology catalogue and assignment rounds.",
        groups={
            "needs": "Needs",
            "candidates": "Candidates and introductions",
            "pipeline": "The pipeline",
            "catalogue": "Technologies and partners",
            "assignment": "Assignment rounds",
        },
        array_prefix={"factors": "factor"},
    ),
    Table(
        source="crates/kyoso-web/src/i18n_network.rs",
        struct="NetworkTexts",
        area="network",
        about="The network pages' texts: warm introductions, brokers, "
        "communities, the core group and growth.",
        groups={
            "network": "Warm introductions",
            "studied_together": "Two people tied the same way to one organization",
            "brokers": "Brokers",
            "communities": "Communities and the core group",
            "growth": "Growth",
        },
        array_prefix={"verbs": "verb"},
        tuple_names={"verbs": ("forward", "backward")},
    ),
    Table(
        source="crates/kyoso-web/src/i18n_programs.rs",
        struct="ProgramTexts",
        area="programs",
        about="The program pages' texts: programs, participants' journeys, the "
        "work list, technical intern training, grievances, follow-ups and outcomes.",
        groups={
            "programs": "Programs and participants",
            "work_list": "The work list",
            "provider": "Technology demonstrations",
            "placements": "Technical intern training",
            "follow_ups": "Follow-ups and outcomes",
        },
    ),
]

# The headings of the label arrays, by field.
ARRAY_HEADINGS = {
    "need_kinds": "Need kinds",
    "need_statuses": "Need statuses",
    "match_statuses": "Match statuses",
    "outcomes": "Match outcomes",
    "offer_kinds": "Offer kinds",
    "seek_names": "What a provider seeks",
    "factors": "Ranking factors",
    "verbs": "What a tie says, read from its first end (forward) and from its "
    "second (backward), by kind",
    "category_names": "Grievance categories",
    "grievance_status_names": "Grievance statuses",
    "channel_names": "Follow-up channels",
    "follow_up_status_names": "Follow-up statuses",
    "outcome_names": "Outcomes after return",
    "state_names": "Journey states",
    "role_names": "Participant roles",
    "type_names": "Program types",
    "stage_names": "Development stages",
    "source_names": "Funding sources",
}

# Placeholders of the table texts: the Fluent variable each Rust `{name}`
# becomes, with what it holds (written above the message for translators).
# Keyed by (struct, field), or (struct, "*") for every field of the struct.
PLACEHOLDERS: dict[tuple[str, str], dict[str, tuple[str, str]]] = {
    ("MatchingTexts", "candidates_intro"): {
        "n": ("shown", "how many candidates are shown (a number)"),
        "pool": ("pool", "how many candidates were ranked (a number)"),
    },
    ("MatchingTexts", "expires_soon"): {
        "date": ("date", "the deadline, as YYYY-MM-DD"),
    },
    ("NetworkTexts", "reach_intro"): {
        "from": ("from", "the name of the person or organization the paths start from"),
    },
    ("NetworkTexts", "*"): {
        "org": ("organization", "the organization's name"),
    },
    ("NetworkTexts", "sampled"): {
        "k": ("sources", "how many sources were sampled (a number)"),
        "error": ("error", "the error bound, a decimal such as 0.0123"),
    },
    ("NetworkTexts", "core_intro"): {
        "k": ("k", "the k of the k-core: each member's least number of ties inside it (a number, 0 or more)"),
        "size": ("size", "how many members the core has (a number)"),
    },
    ("ProgramTexts", "overdue_hint"): {
        "months": ("months", "the follow-up period, in months (a number from 1 to 60)"),
    },
}

# English texts that change with a number: the selector's variable (by its
# Rust name) and the `[one]` variant, written like the Rust text. The
# `*[other]` variant is the Rust text itself.
EN_PLURALS: dict[tuple[str, str], tuple[str, dict[str, str]]] = {
    ("ProgramTexts", "overdue_hint"): (
        "months",
        {"one": "Returned, or last followed up, more than {months} month ago."},
    ),
    ("NetworkTexts", "core_intro"): (
        "k",
        {
            "one": "The {k}-core: {size} members, each with at least {k} tie to "
            "other members — the committed core."
        },
    ),
}

# Helper functions that match on the language and return a text, by
# (source, fn): the id, or None for a value that is no text for people.
LANGUAGE_MATCHES: dict[tuple[str, str], str | None] = {
    ("crates/kyoso-web/src/i18n.rs", "code"): None,  # "en", "ja": codes, not texts
    ("crates/kyoso-web/src/i18n.rs", "own_name"): "web-language-own-name",
    ("crates/kyoso-service/src/matching/words.rs", "code"): None,
    ("crates/kyoso-service/src/matching/words.rs", "list_separator"): "reasons-list-separator",
}
# Where the id of a language match goes: (area, heading, comment).
LANGUAGE_MATCH_PLACES = {
    "web-language-own-name": (
        "web",
        "Language switcher",
        "The language's own name, for the switcher: each language's file "
        "gives its own (look it up in each language to list the switcher).",
    ),
}

WORDS_SOURCE = "crates/kyoso-service/src/matching/words.rs"


@dataclass
class Word:
    """The id of a words.rs text, and how its placeholders are named."""

    id: str
    group: str
    variables: dict[str, tuple[str, str]] = field(default_factory=dict)
    # The selector (Rust name) and the English `[one]` variant, if any.
    plural: tuple[str, dict[str, str]] | None = None
    comment: str = ""


# The texts of words.rs, keyed by their English text (for a `format!`, its
# format string; for a language name, "language:" and the code; for a
# separator, its English value).
WORDS: dict[str, Word] = {
    ", ": Word(
        "reasons-list-separator",
        "Lists",
        comment='Between the skills of a list. Spaces at its ends go inside a '
        'string literal, as in {", "}: Fluent trims them otherwise.',
    ),
    "; ": Word(
        "reasons-languages-separator",
        "Lists",
        comment='Between the languages of a reason. Spaces at its ends go '
        'inside a string literal, as in {"; "}: Fluent trims them otherwise.',
    ),
    "language:ja": Word("reasons-language-name-ja", "Language names"),
    "language:en": Word("reasons-language-name-en", "Language names"),
    "language:th": Word("reasons-language-name-th", "Language names"),
    "language:vi": Word("reasons-language-name-vi", "Language names"),
    "language:id": Word("reasons-language-name-id", "Language names"),
    "language:zh": Word("reasons-language-name-zh", "Language names"),
    "language:es": Word("reasons-language-name-es", "Language names"),
    "language:fr": Word("reasons-language-name-fr", "Language names"),
    "native": Word(
        "reasons-level-native",
        "Language names",
        comment="The level \"native\" of a language; other levels (B2, N2) "
        "are shown as written.",
    ),
    "No skills asked for": Word("reasons-skills-none-asked", "Skills"),
    "Has none of the {n} skills asked for": Word(
        "reasons-skills-none-held",
        "Skills",
        variables={"n": ("asked", "how many skills the need asks for (a number, 1 or more)")},
        plural=("n", {"one": "Does not have the {n} skill asked for"}),
    ),
    "Has {k} of the {n} skills asked for: {list}": Word(
        "reasons-skills-held",
        "Skills",
        variables={
            "k": ("held", "how many of them the candidate has (a number, 1 or more)"),
            "n": ("asked", "how many skills the need asks for (a number, 1 or more)"),
            "list": ("list", "the skills held, joined with reasons-list-separator"),
        },
        plural=("n", {"one": "Has {k} of the {n} skill asked for: {list}"}),
    ),
    "Works in a sector the need names": Word("reasons-sectors-exact", "Sectors"),
    "Works in a related sector (the same category)": Word("reasons-sectors-related", "Sectors"),
    "No sector in common": Word("reasons-sectors-none", "Sectors"),
    "No language asked for": Word("reasons-languages-none-asked", "Languages"),
    "{name} {held} (asked: {asked})": Word(
        "reasons-language-held",
        "Languages",
        comment="One language of the need; several are joined with "
        "reasons-languages-separator.",
        variables={
            "name": ("language", "the language's name (reasons-language-name-*)"),
            "held": ("held", "the candidate's level, such as B2 or N2 (or reasons-level-native)"),
            "asked": ("asked", "the level asked for, written the same way"),
        },
    ),
    "no {name} recorded (asked: {asked})": Word(
        "reasons-language-missing",
        "Languages",
        comment="One language of the need that the candidate has no record of.",
        variables={
            "name": ("language", "the language's name (reasons-language-name-*)"),
            "asked": ("asked", "the level asked for, such as B2 or N2 (or reasons-level-native)"),
        },
    ),
    "No country named": Word("reasons-country-none-named", "Country"),
    "Has lived or worked in {name}": Word(
        "reasons-country-known",
        "Country",
        variables={"name": ("country", "the country's name, in the reader's language")},
    ),
    "No time in {name} recorded": Word(
        "reasons-country-unknown",
        "Country",
        variables={"name": ("country", "the country's name, in the reader's language")},
    ),
    "Available for dispatch": Word("reasons-availability-dispatch", "Availability"),
    "Open to mentoring": Word("reasons-availability-mentoring", "Availability"),
    "Open: listed and taking requests": Word("reasons-availability-open", "Availability"),
    "Not marked as available": Word("reasons-availability-not-marked", "Availability"),
    "No past matches yet (counted as average)": Word("reasons-track-record-none", "Track record"),
    "{successes} successful of {matches} past matches ({concluded} concluded)": Word(
        "reasons-track-record",
        "Track record",
        variables={
            "successes": ("successes", "how many past matches ended in success (a number)"),
            "matches": ("matches", "how many past matches the candidate had (a number, 1 or more)"),
            "concluded": ("concluded", "how many of them are concluded (a number)"),
        },
        plural=(
            "matches",
            {"one": "{successes} successful of {matches} past match ({concluded} concluded)"},
        ),
    ),
    "Not within three introductions of the poster": Word("reasons-network-out-of-reach", "Network"),
    "Tied directly to the poster": Word("reasons-network-direct", "Network"),
    "{n} steps from the poster: a warm introduction": Word(
        "reasons-network-steps",
        "Network",
        variables={"n": ("steps", "how many steps (a number, 2 or more: 1 is reasons-network-direct)")},
    ),
}

FILE_ABOUT = {
    "reasons": "A ranking's reasons in words, shared by the pages, the API and "
    "`kyoso match --explain`.",
}

# --------------------------------------------------------------------------
# A small Rust lexer: enough for string tables and simple functions.
# --------------------------------------------------------------------------

@dataclass
class Tok:
    kind: str  # ident, str, num, punct, lifetime, char, doc
    value: str
    line: int
    start: int
    end: int


PUNCT3 = ("..=", "...", "<<=", ">>=")
PUNCT2 = ("=>", "->", "::", "==", "!=", "<=", ">=", "&&", "||", "..", "+=", "-=", "*=", "/=", "<<", ">>")


def lex(src: str) -> list[Tok]:
    toks: list[Tok] = []
    i, n, line = 0, len(src), 1

    def err(msg: str) -> Fail:
        return Fail(f"lexer: {msg} at line {line}")

    while i < n:
        c = src[i]
        if c == "\n":
            line += 1
            i += 1
            continue
        if c.isspace():
            i += 1
            continue
        if src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            text = src[i:j]
            if text.startswith("///") and not text.startswith("////"):
                toks.append(Tok("doc", text[3:].strip(), line, i, j))
            i = j
            continue
        if src.startswith("/*", i):
            depth, j = 1, i + 2
            while depth and j < n:
                if src.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif src.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            line += src.count("\n", i, j)
            i = j
            continue
        # Raw strings: r"..", r#".."#, br"..".
        m = re.match(r'b?r(#*)"', src[i:i + 300])
        if m:
            hashes = m.group(1)
            close = '"' + hashes
            j = src.find(close, i + m.end())
            if j < 0:
                raise err("unterminated raw string")
            value = src[i + m.end():j]
            toks.append(Tok("str", value, line, i, j + len(close)))
            line += value.count("\n")
            i = j + len(close)
            continue
        if c == '"' or (c == "b" and src.startswith('b"', i)):
            start, j = i, i + (2 if c == "b" else 1)
            start_line = line
            out = []
            while True:
                if j >= n:
                    raise err("unterminated string")
                ch = src[j]
                if ch == '"':
                    j += 1
                    break
                if ch == "\\":
                    nxt = src[j + 1]
                    if nxt == "\n":
                        # A line continuation: the newline and the next
                        # line's leading whitespace are dropped.
                        j += 2
                        line += 1
                        while j < n and src[j] in " \t\r\n":
                            line += src[j] == "\n"
                            j += 1
                        continue
                    simple = {"n": "\n", "r": "\r", "t": "\t", "\\": "\\", "0": "\0", "'": "'", '"': '"'}
                    if nxt in simple:
                        out.append(simple[nxt])
                        j += 2
                        continue
                    if nxt == "x":
                        out.append(chr(int(src[j + 2:j + 4], 16)))
                        j += 4
                        continue
                    if nxt == "u":
                        k = src.index("}", j)
                        out.append(chr(int(src[j + 3:k].replace("_", ""), 16)))
                        j = k + 1
                        continue
                    raise err(f"unknown escape \\{nxt}")
                if ch == "\n":
                    line += 1
                out.append(ch)
                j += 1
            toks.append(Tok("str", "".join(out), start_line, start, j))
            i = j
            continue
        if c == "'":
            # A char literal ('a', '\n', '\u{..}') or a lifetime ('static).
            if src[i + 1] == "\\":
                j = src.index("'", i + 2)
                toks.append(Tok("char", src[i:j + 1], line, i, j + 1))
                i = j + 1
                continue
            if i + 2 < n and src[i + 2] == "'":
                toks.append(Tok("char", src[i + 1], line, i, i + 3))
                i += 3
                continue
            m = re.match(r"'[A-Za-z_][A-Za-z0-9_]*", src[i:])
            if not m:
                raise err("stray quote")
            toks.append(Tok("lifetime", m.group(0), line, i, i + m.end()))
            i += m.end()
            continue
        m = re.match(r"(r#)?[A-Za-z_][A-Za-z0-9_]*", src[i:i + 200])
        if m:
            toks.append(Tok("ident", m.group(0).removeprefix("r#"), line, i, i + m.end()))
            i += m.end()
            continue
        m = re.match(r"[0-9][0-9_]*(\.[0-9][0-9_]*)?([eE][+-]?[0-9_]+)?[a-z0-9]*", src[i:i + 100])
        if m:
            toks.append(Tok("num", m.group(0), line, i, i + m.end()))
            i += m.end()
            continue
        for p in PUNCT3 + PUNCT2:
            if src.startswith(p, i):
                toks.append(Tok("punct", p, line, i, i + len(p)))
                i += len(p)
                break
        else:
            toks.append(Tok("punct", c, line, i, i + 1))
            i += 1
    return toks


def code_toks(toks: list[Tok]) -> list[Tok]:
    """The tokens without doc comments."""
    return [t for t in toks if t.kind != "doc"]


def without_tests(toks: list[Tok]) -> list[Tok]:
    """The tokens less every `#[cfg(test)]` item (a test module, a test
    helper): tests hold no texts for people."""
    out, k = [], 0
    while k < len(toks):
        if (is_p(toks[k], "#") and k + 6 < len(toks) and is_p(toks[k + 1], "[")
                and is_i(toks[k + 2], "cfg") and is_p(toks[k + 3], "(")
                and is_i(toks[k + 4], "test") and is_p(toks[k + 5], ")")):
            j = closing(toks, k + 1) + 1
            while j < len(toks) and not (is_p(toks[j], "{") or is_p(toks[j], ";")):
                j += 1
            k = (closing(toks, j) if is_p(toks[j], "{") else j) + 1
            continue
        out.append(toks[k])
        k += 1
    return out


def closing(toks: list[Tok], at: int) -> int:
    """The index of the bracket closing the one at `at`."""
    pairs = {"(": ")", "[": "]", "{": "}"}
    depth = 0
    for k in range(at, len(toks)):
        t = toks[k]
        if t.kind != "punct":
            continue
        if t.value in pairs:
            depth += 1
        elif t.value in pairs.values():
            depth -= 1
            if depth == 0:
                return k
    raise Fail(f"unbalanced bracket from line {toks[at].line}")


def is_p(t: Tok, value: str) -> bool:
    return t.kind == "punct" and t.value == value


def is_i(t: Tok, value: str | None = None) -> bool:
    return t.kind == "ident" and (value is None or t.value == value)


# --------------------------------------------------------------------------
# Structs, statics and enums.
# --------------------------------------------------------------------------

@dataclass
class Field:
    name: str
    kind: str  # str, array, tuples
    size: int
    line: int
    doc: list[str]


def parse_struct(toks: list[Tok], name: str) -> list[Field]:
    for k, t in enumerate(toks):
        if is_i(t, "struct") and is_i(toks[k + 1], name) and is_p(toks[k + 2], "{"):
            end = closing(toks, k + 2)
            body = toks[k + 3:end]
            break
    else:
        raise Fail(f"struct {name} not found")
    fields, doc, k = [], [], 0
    while k < len(body):
        t = body[k]
        if t.kind == "doc":
            doc.append(t.value)
            k += 1
            continue
        if is_p(t, "#"):  # an attribute
            k = k + 1 + (closing(body, k + 1) - (k + 1)) + 1
            continue
        if is_i(t, "pub"):
            k += 1
            if is_p(body[k], "("):
                k = closing(body, k) + 1
            continue
        if t.kind == "ident" and is_p(body[k + 1], ":"):
            j, depth = k + 2, 0
            while j < len(body) and not (depth == 0 and is_p(body[j], ",")):
                if body[j].kind == "punct" and body[j].value in "([{<":
                    depth += 1
                elif body[j].kind == "punct" and body[j].value in ")]}>":
                    depth -= 1
                j += 1
            ty = " ".join(x.value for x in body[k + 2:j])
            if ty == "& 'static str":
                kind, size = "str", 1
            elif m := re.fullmatch(r"\[ & 'static str ; (\d+) \]", ty):
                kind, size = "array", int(m.group(1))
            elif m := re.fullmatch(r"\[ \( & 'static str , & 'static str \) ; (\d+) \]", ty):
                kind, size = "tuples", int(m.group(1))
            else:
                raise Fail(f"{name}.{t.value}: type {ty!r} is not a text")
            fields.append(Field(t.value, kind, size, t.line, doc))
            doc = []
            k = j + 1
            continue
        raise Fail(f"struct {name}: unexpected {t.value!r} at line {t.line}")
    return fields


def parse_value(toks: list[Tok], k: int):
    """A static's value at `k`: a string (value, line), or a list or tuple of
    values. Returns (value, next index)."""
    t = toks[k]
    if t.kind == "str":
        return (t.value, t.line), k + 1
    if is_p(t, "[") or is_p(t, "("):
        end = closing(toks, k)
        items, j = [], k + 1
        while j < end:
            item, j = parse_value(toks, j)
            items.append(item)
            if is_p(toks[j], ","):
                j += 1
        return (list(items) if t.value == "[" else tuple(items)), end + 1
    raise Fail(f"unexpected {t.value!r} in a table at line {t.line}")


def parse_static(toks: list[Tok], name: str, struct: str) -> dict:
    for k, t in enumerate(toks):
        if (is_i(t, "static") and is_i(toks[k + 1], name) and is_p(toks[k + 2], ":")
                and is_i(toks[k + 3], struct) and is_p(toks[k + 4], "=")):
            open_at = k + 6
            if not (is_i(toks[k + 5], struct) and is_p(toks[open_at], "{")):
                raise Fail(f"static {name}: not a struct literal")
            end = closing(toks, open_at)
            break
    else:
        raise Fail(f"static {name}: {struct} not found")
    values, j = {}, open_at + 1
    while j < end:
        if not (toks[j].kind == "ident" and is_p(toks[j + 1], ":")):
            raise Fail(f"static {name}: unexpected {toks[j].value!r} at line {toks[j].line}")
        fname = toks[j].value
        value, j = parse_value(toks, j + 2)
        values[fname] = value
        if is_p(toks[j], ","):
            j += 1
    return values


def domain_enums() -> tuple[dict[str, list[tuple[str, str]]], dict[str, list[str]]]:
    """Each keyword enum's (variant, keyword) in `ALL` order, and each enum's
    variants in declaration order (the order of `as usize`)."""
    keywords: dict[str, list[tuple[str, str]]] = {}
    declared: dict[str, list[str]] = {}
    for path in sorted(DOMAIN.glob("*.rs")):
        toks = code_toks(without_tests(lex(path.read_text())))
        for k, t in enumerate(toks):
            if (is_i(t, "keyword_enum") and is_p(toks[k + 1], "!") and is_p(toks[k + 2], "(")
                    and is_i(toks[k + 3])):
                end = closing(toks, k + 2)
                open_at = next(j for j in range(k, end) if is_p(toks[j], "{"))
                pairs, j = [], open_at + 1
                while j < end and not is_p(toks[j], "}"):
                    if is_i(toks[j]) and is_p(toks[j + 1], "=>") and toks[j + 2].kind == "str":
                        pairs.append((toks[j].value, toks[j + 2].value))
                        j += 3
                    else:
                        j += 1
                keywords[toks[k + 3].value] = pairs
            if is_i(t, "enum") and is_i(toks[k + 1]) and is_p(toks[k + 2], "{"):
                end = closing(toks, k + 2)
                names, j = [], k + 3
                while j < end:
                    if is_p(toks[j], "#"):
                        j = closing(toks, j + 1) + 1
                        continue
                    if is_i(toks[j]) and (is_p(toks[j + 1], ",") or j + 1 == end):
                        names.append(toks[j].value)
                    elif is_i(toks[j]) and toks[j + 1].kind == "punct" and toks[j + 1].value in "({=":
                        names.append(toks[j].value)
                        if toks[j + 1].value in "({":
                            j = closing(toks, j + 1)
                    j += 1
                declared[toks[k + 1].value] = names
    return keywords, declared


def array_orders(toks: list[Tok], fields: list[Field], keywords, declared) -> dict[str, tuple[str, list[str]]]:
    """For each label array of a struct, the enum it is indexed by and the
    keyword of each index, read from the struct's helper functions:
    `self.FIELD[param as usize]` (declaration order),
    `pick(Enum::ALL, &self.FIELD, ..)` (ALL order), or a string array
    literal searched for a `&str` parameter (its own order)."""
    arrays = {f.name for f in fields if f.kind != "str"}
    found: dict[str, tuple[str, list[str]]] = {}
    for k, t in enumerate(toks):
        if not (is_i(t, "fn") and is_i(toks[k + 1]) and is_p(toks[k + 2], "(")):
            continue
        pend = closing(toks, k + 2)
        params, j = {}, k + 3
        while j < pend:
            if is_i(toks[j]) and is_p(toks[j + 1], ":"):
                name, ty = toks[j].value, []
                j += 2
                while j < pend and not is_p(toks[j], ","):
                    ty.append(toks[j].value)
                    j += 1
                params[name] = "".join(ty)
            j += 1
        body_at = next(j for j in range(pend, len(toks)) if is_p(toks[j], "{"))
        body_end = closing(toks, body_at)
        body = toks[body_at:body_end]
        for b, bt in enumerate(body[:-5]):
            # self.FIELD[param as usize]
            if (is_i(bt, "self") and is_p(body[b + 1], ".") and body[b + 2].value in arrays
                    and is_p(body[b + 3], "[") and body[b + 4].value in params
                    and is_i(body[b + 5], "as")):
                enum = params[body[b + 4].value]
                order = [dict(keywords[enum])[v] for v in declared[enum]]
                if [v for v, _ in keywords[enum]] != declared[enum]:
                    raise Fail(f"{enum}: ALL order differs from the declaration order")
                found[body[b + 2].value] = (enum, order)
            # pick(Enum::ALL, &self.FIELD, value)
            if (is_i(bt, "pick") and is_p(body[b + 1], "(") and is_i(body[b + 2])
                    and is_p(body[b + 3], "::") and is_i(body[b + 4], "ALL")):
                name_at = b + 6
                while not (is_i(body[name_at], "self") and is_p(body[name_at + 1], ".")):
                    name_at += 1
                enum = body[b + 2].value
                found[body[name_at + 2].value] = (enum, [kw for _, kw in keywords[enum]])
            # ["a", "b", ...].iter().position(..) ... self.FIELD[at]
            if is_p(bt, "[") and body[b + 1].kind == "str" and "&str" in params.values():
                end = closing(body, b)
                keys = [x.value for x in body[b + 1:end] if x.kind == "str"]
                for c in range(end, len(body) - 3):
                    if (is_i(body[c], "self") and is_p(body[c + 1], ".")
                            and body[c + 2].value in arrays and is_p(body[c + 3], "[")):
                        found[body[c + 2].value] = ("", keys)
    missing = arrays - set(found)
    if missing:
        raise Fail(f"no helper tells which enum indexes {sorted(missing)}")
    return found


# --------------------------------------------------------------------------
# Messages, and their Fluent text.
# --------------------------------------------------------------------------

@dataclass
class Message:
    id: str
    # Per language: the Fluent pattern (already serialized).
    values: dict[str, str]
    # Per language: the expected text of the default variant, with
    # variables written `{$name}`: checked against what the file parses to.
    expected: dict[str, str]
    comment: list[str] = field(default_factory=list)
    group: str | None = None


def kebab(name: str) -> str:
    name = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", name)
    return name.replace("_", "-").lower()


def fluent_literal(text: str) -> str:
    return '{"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"}'


def split_placeholders(text: str, renames: dict[str, str], where: str, format_string: bool):
    """Parts of a Rust text: ("text", s) and ("var", fluent name). In a
    `format!` string, `{{` and `}}` are literal braces."""
    parts: list[tuple[str, str]] = []
    buf, i = [], 0
    while i < len(text):
        if format_string and text.startswith("{{", i):
            buf.append("{")
            i += 2
            continue
        if format_string and text.startswith("}}", i):
            buf.append("}")
            i += 2
            continue
        m = re.match(r"\{([A-Za-z_][A-Za-z0-9_]*)\}", text[i:])
        if m:
            if m.group(1) not in renames:
                raise Fail(f"{where}: placeholder {{{m.group(1)}}} has no Fluent name")
            if buf:
                parts.append(("text", "".join(buf)))
                buf = []
            parts.append(("var", renames[m.group(1)]))
            i += m.end()
            continue
        if format_string and text[i] in "{}":
            raise Fail(f"{where}: a format! argument other than {{name}}: {text!r}")
        buf.append(text[i])
        i += 1
    if buf:
        parts.append(("text", "".join(buf)))
    return parts


def serialize(parts: list[tuple[str, str]], indent: str = "    ") -> str:
    """A Fluent pattern holding exactly `parts`: braces escaped, leading and
    trailing whitespace kept in string literals, lines after the first
    indented, and a continuation line that would start with `[`, `*` or `.`
    started with a string literal."""
    out: list[str] = []
    for kind, value in parts:
        if kind == "var":
            out.append("{ $" + value + " }")
            continue
        lines = value.split("\n")
        pieces = []
        for li, line in enumerate(lines):
            esc = line.replace("{", "\x00").replace("}", "\x01")
            esc = esc.replace("\x00", '{"{"}').replace("\x01", '{"}"}')
            pieces.append(esc)
        out.append("\n".join(pieces))
    text = "".join(out)
    if (len(parts) == 1 and parts[0][0] == "text" and len(parts[0][1]) <= 4
            and "\n" not in parts[0][1] and parts[0][1] != parts[0][1].strip()):
        # A short text with spaces at its ends, such as a separator: one
        # string literal reads best.
        return fluent_literal(parts[0][1])
    # Leading and trailing spaces of the whole pattern, which Fluent trims.
    m = re.match(r"^[ \t]+", text)
    if m:
        text = fluent_literal(m.group(0)) + text[m.end():]
    m = re.search(r"[ \t]+$", text)
    if m:
        text = text[:m.start()] + fluent_literal(m.group(0))
    lines = text.split("\n")
    fixed = [lines[0]]
    for line in lines[1:]:
        if line == "":
            raise Fail("a text with an empty line: not supported")
        lead = re.match(r"^[ \t]*", line).group(0)
        rest = line[len(lead):]
        if lead:
            line = fluent_literal(lead) + rest
        elif rest[:1] in ("[", "*", "."):
            line = fluent_literal(rest[0]) + rest[1:]
        fixed.append(indent + line)
    if len(fixed) > 1:
        # A multi-line value starts on its own line, so all lines share the
        # indent that Fluent removes.
        return "\n" + indent + fixed[0] + "\n" + "\n".join(fixed[1:])
    return fixed[0]


def expected_text(parts: list[tuple[str, str]]) -> str:
    return "".join(v if k == "text" else "{$" + v + "}" for k, v in parts)


def make_message(mid, texts, renames, where, format_string, plural=None, comment=(), group=None):
    """A message from its Rust text per language. `plural` is the selector's
    Rust name and the English variants other than `other`."""
    values, expected = {}, {}
    for lang in LANGS:
        parts = split_placeholders(texts[lang], renames, f"{where} ({lang})", format_string)
        if not parts:
            raise Fail(f"{where} ({lang}): empty text")
        expected[lang] = expected_text(parts)
        if lang == "en" and plural:
            selector, variants = plural
            lines = ["", "    { $" + renames[selector] + " ->"]
            for key, variant in variants.items():
                if key not in PLURAL_KEYS:
                    raise Fail(f"{where}: {key} is no plural category")
                vparts = split_placeholders(variant, renames, f"{where} [{key}]", format_string)
                lines.append(f"        [{key}] " + serialize(vparts, " " * 12))
            lines.append("       *[other] " + serialize(parts, " " * 12))
            lines.append("    }")
            values[lang] = "\n".join(lines)
        else:
            values[lang] = serialize(parts)
    return Message(mid, values, expected, list(comment), group)


def variables_comment(renames: dict[str, tuple[str, str]], used: set[str]) -> list[str]:
    return [f"${name}: {about}" for rust, (name, about) in renames.items() if rust in used]


# --------------------------------------------------------------------------
# Extraction.
# --------------------------------------------------------------------------

def extract_table(table: Table, keywords, declared, mapping: list, snippets: list) -> list[Message]:
    path = ROOT / table.source
    src = path.read_text()
    all_toks = without_tests(lex(src))
    toks = code_toks(all_toks)
    fields = parse_struct(all_toks, table.struct)
    statics = {lang: parse_static(toks, lang.upper(), table.struct) for lang in LANGS}
    orders = array_orders(toks, fields, keywords, declared)
    messages: list[Message] = []
    for f in fields:
        for lang in LANGS:
            if f.name not in statics[lang]:
                raise Fail(f"{table.struct} {lang.upper()}: no {f.name}")
        group = table.groups.get(f.name)
        if f.kind == "str":
            renames = dict(PLACEHOLDERS.get((table.struct, "*"), {}))
            renames.update(PLACEHOLDERS.get((table.struct, f.name), {}))
            texts = {lang: statics[lang][f.name][0] for lang in LANGS}
            used = {p for t in texts.values() for p in re.findall(r"\{([A-Za-z_]\w*)\}", t)}
            renames = {r: v for r, v in renames.items() if r in used}
            # A doc saying which placeholders a text holds is replaced by the
            # variables' comment; the doc of a group's first field by the
            # group's heading.
            doc = [] if group else [d for d in f.doc if not d.startswith("Holds")]
            doc = [re.sub(r"`\{(\w+)\}`", lambda m: "$" + renames.get(m.group(1), (m.group(1),))[0], d)
                   for d in doc]
            mid = f"{table.area}-{kebab(f.name)}"
            msg = make_message(
                mid, texts, {r: v[0] for r, v in renames.items()},
                f"{table.struct}.{f.name}", False,
                plural=EN_PLURALS.get((table.struct, f.name)),
                comment=doc + variables_comment(renames, used), group=group,
            )
            messages.append(msg)
            entry = {"file": table.source, "struct": table.struct, "field": f.name,
                     "id": mid, "line": f.line}
            if renames:
                entry["variables"] = {v[0]: "{" + r + "}" for r, v in renames.items()}
                entry["note"] = ("Rust fills the placeholders with .replace(); pass them "
                                 "as Fluent arguments instead")
                if (table.struct, f.name) in EN_PLURALS:
                    sel = EN_PLURALS[(table.struct, f.name)][0]
                    entry["note"] += (f"; ${renames[sel][0]} must be passed as a number, "
                                      "English selects a plural form on it")
            mapping.append(entry)
            continue
        enum, keys = orders[f.name]
        if len(keys) != f.size:
            raise Fail(f"{table.struct}.{f.name}: {f.size} texts for {len(keys)} keys")
        prefix = table.array_prefix.get(f.name) or kebab(enum)
        heading = ARRAY_HEADINGS.get(f.name, f.name.replace("_", " ").capitalize())
        variants = {kw: v for v, kw in keywords[enum]} if enum else {}
        for index, key in enumerate(keys):
            names = table.tuple_names.get(f.name, ("",)) if f.kind == "tuples" else ("",)
            for element, suffix in enumerate(names):
                mid = f"{table.area}-{prefix}-{kebab(key)}" + (f"-{suffix}" if suffix else "")
                texts = {}
                for lang in LANGS:
                    value = statics[lang][f.name][index]
                    texts[lang] = value[element][0] if f.kind == "tuples" else value[0]
                messages.append(make_message(
                    mid, texts, {}, f"{table.struct}.{f.name}[{index}]", False,
                    group=heading if index == 0 and element == 0 else None,
                ))
                entry = {"file": table.source, "struct": table.struct, "field": f.name,
                         "id": mid, "line": f.line, "index": index}
                if enum:
                    entry["enum"] = enum
                    entry["variant"] = variants[key]
                else:
                    entry["key"] = key
                if f.kind == "tuples":
                    entry["element"] = element
                mapping.append(entry)
    # Helper functions that match on the language.
    for site in language_matches(table.source, toks, src):
        mid = LANGUAGE_MATCHES.get((table.source, site["fn"]), "missing")
        if mid == "missing":
            raise Fail(f"{table.source}:{site['line']}: fn {site['fn']} matches on the "
                       "language; name its id in LANGUAGE_MATCHES (or None)")
        if mid is None:
            continue
        area, heading, comment = LANGUAGE_MATCH_PLACES[mid]
        if area != table.area:
            raise Fail(f"{mid}: belongs to {area}")
        messages.append(make_message(mid, site["texts"], {}, site["fn"], False,
                                     comment=[comment], group=heading))
        snippets.append({"file": table.source, "line": site["line"], "rust_snippet": site["snippet"],
                         "id": mid, "variables": {}})
    for key in LANGUAGE_MATCHES:
        if key[0] == table.source and key[1] not in {s["fn"] for s in language_matches(table.source, toks, src)}:
            raise Fail(f"LANGUAGE_MATCHES names {key}, which is not in the source any more")
    return messages


def enclosing_fn(toks: list[Tok], at: int) -> str:
    for k in range(at, -1, -1):
        if is_i(toks[k], "fn"):
            return toks[k + 1].value
    return ""


def language_matches(source: str, toks: list[Tok], src: str) -> list[dict]:
    """`match self/lang { Lang::En => "..", .., _ => ".." }` whose arms all
    give a string for a language: one text per language."""
    sites = []
    for k, t in enumerate(toks):
        if not (is_i(t, "match") and is_i(toks[k + 1]) and is_p(toks[k + 2], "{")):
            continue
        end = closing(toks, k + 2)
        arms, j, ok = {}, k + 3, True
        while j < end:
            # PATH::Variant => "text" ,   or   _ => "text" ,
            pat = []
            while j < end and not is_p(toks[j], "=>"):
                pat.append(toks[j])
                j += 1
            if j >= end or toks[j + 1].kind != "str":
                ok = False
                break
            names = [p.value for p in pat if p.kind == "ident"]
            if pat and is_i(pat[0], "_") and len(pat) == 1:
                arms["_"] = toks[j + 1].value
            elif names and names[-1] in RUST_LANGS and all(
                    p.kind == "ident" or is_p(p, "::") for p in pat):
                arms[RUST_LANGS[names[-1]]] = toks[j + 1].value
            else:
                ok = False
                break
            j += 2
            if j < end and is_p(toks[j], ","):
                j += 1
        if not ok or not arms:
            continue
        texts = {lang: arms.get(lang, arms.get("_")) for lang in LANGS}
        if any(v is None for v in texts.values()):
            raise Fail(f"{source}:{t.line}: a language match without every language")
        sites.append({"fn": enclosing_fn(toks, k), "line": t.line, "texts": texts,
                      "snippet": src[t.start:toks[end].end]})
    return sites


def extract_words(mapping_snippets: list) -> list[Message]:
    src = (ROOT / WORDS_SOURCE).read_text()
    toks = code_toks(without_tests(lex(src)))
    sites: list[dict] = []  # key, texts, line, snippet, format, rust vars
    # 1. lang.pick(["en", "ja", "th", "vi"])
    for k, t in enumerate(toks):
        if is_i(t, "pick") and is_p(toks[k + 1], "(") and is_p(toks[k + 2], "["):
            if toks[k + 3].kind != "str":
                continue  # the definition of pick itself
            end = closing(toks, k + 1)
            strs = [x for x in toks[k + 2:end] if x.kind == "str"]
            if len(strs) != 4:
                raise Fail(f"{WORDS_SOURCE}:{t.line}: a pick of {len(strs)} texts")
            sites.append({"key": strs[0].value, "texts": dict(zip(LANGS, (s.value for s in strs))),
                          "line": t.line, "snippet": src[toks[k - 2].start:toks[end].end],
                          "format": False})
    # 2. "code" => Some(["en", "ja", "th", "vi"]) in language_name
    for k, t in enumerate(toks):
        if (t.kind == "str" and is_p(toks[k + 1], "=>") and is_i(toks[k + 2], "Some")
                and is_p(toks[k + 3], "(") and is_p(toks[k + 4], "[")):
            end = closing(toks, k + 3)
            strs = [x for x in toks[k + 4:end] if x.kind == "str"]
            if len(strs) != 4:
                raise Fail(f"{WORDS_SOURCE}:{t.line}: a name in {len(strs)} languages")
            sites.append({"key": "language:" + t.value, "texts": dict(zip(LANGS, (s.value for s in strs))),
                          "line": t.line, "snippet": src[t.start:toks[end].end], "format": False})
    # 3. match arms `En => format!("..")`, `(true, En) => format!("..")`:
    #    four consecutive arms, En Ja Th Vi, with the same rest of pattern.
    arms = []
    for k, t in enumerate(toks):
        if not (is_i(t, "format") and is_p(toks[k + 1], "!") and is_p(toks[k + 2], "(")):
            continue
        if not is_p(toks[k - 1], "=>"):
            raise Fail(f"{WORDS_SOURCE}:{t.line}: a format! outside a language match")
        j, depth = k - 2, 0
        while True:
            tj = toks[j]
            if tj.kind == "punct" and tj.value in ")]}":
                depth += 1
            elif tj.kind == "punct" and tj.value in "([{":
                if depth == 0:
                    break
                depth -= 1
            elif is_p(tj, ",") and depth == 0:
                break
            j -= 1
        pat = toks[j + 1:k - 1]
        langs = [p.value for p in pat if p.kind == "ident" and p.value in RUST_LANGS]
        if len(langs) != 1:
            raise Fail(f"{WORDS_SOURCE}:{t.line}: no language in the arm pattern")
        rest = " ".join("*" if p.value in RUST_LANGS else p.value for p in pat)
        end = closing(toks, k + 2)
        if toks[k + 3].kind != "str":
            raise Fail(f"{WORDS_SOURCE}:{t.line}: format! without a literal")
        arms.append({"lang": RUST_LANGS[langs[0]], "rest": rest, "fmt": toks[k + 3].value,
                     "line": t.line, "start": pat[0].start, "end": toks[end].end,
                     "extra": [x for x in toks[k + 4:end] if not is_p(x, ",")]})
    a = 0
    while a < len(arms):
        group = arms[a:a + 4]
        if [g["lang"] for g in group] != LANGS or len({g["rest"] for g in group}) != 1:
            raise Fail(f"{WORDS_SOURCE}:{arms[a]['line']}: expected four arms En, Ja, Th, Vi")
        if any(g["extra"] for g in group):
            raise Fail(f"{WORDS_SOURCE}:{group[0]['line']}: format! with positional arguments")
        sites.append({"key": group[0]["fmt"], "texts": {g["lang"]: g["fmt"] for g in group},
                      "line": group[0]["line"], "format": True,
                      "snippet": src[group[0]["start"]:group[-1]["end"]]})
        a += 4
    # 4. Language matches in helper functions (the list separator).
    for site in language_matches(WORDS_SOURCE, toks, src):
        mid = LANGUAGE_MATCHES.get((WORDS_SOURCE, site["fn"]), "missing")
        if mid == "missing":
            raise Fail(f"{WORDS_SOURCE}:{site['line']}: fn {site['fn']} matches on the "
                       "language; name its id in LANGUAGE_MATCHES (or None)")
        if mid is None:
            continue
        sites.append({"key": site["texts"]["en"], "texts": site["texts"], "line": site["line"],
                      "snippet": site["snippet"], "format": False, "id": mid})
    # 5. if lang == Ja { ".." } else { ".." }
    for k, t in enumerate(toks):
        if (is_i(t, "if") and is_i(toks[k + 1], "lang") and is_p(toks[k + 2], "==")
                and is_i(toks[k + 3]) and toks[k + 3].value in RUST_LANGS and is_p(toks[k + 4], "{")
                and toks[k + 5].kind == "str" and is_p(toks[k + 6], "}") and is_i(toks[k + 7], "else")
                and is_p(toks[k + 8], "{") and toks[k + 9].kind == "str" and is_p(toks[k + 10], "}")):
            one = RUST_LANGS[toks[k + 3].value]
            texts = {lang: toks[k + 5].value if lang == one else toks[k + 9].value for lang in LANGS}
            sites.append({"key": texts["en"], "texts": texts, "line": t.line, "format": False,
                          "snippet": src[t.start:toks[k + 10].end]})
    # Every site needs an id; every id a site.
    keys = [s["key"] for s in sites]
    unknown = [s for s in sites if s["key"] not in WORDS]
    if unknown:
        raise Fail("texts of words.rs without an id in WORDS: " +
                   "; ".join(f"line {s['line']}: {s['key']!r}" for s in unknown))
    stale = set(WORDS) - set(keys)
    if stale:
        raise Fail(f"WORDS names texts no longer in words.rs: {sorted(stale)}")
    if len(keys) != len(set(keys)):
        raise Fail("words.rs: two sites with the same English text")
    messages: list[Message] = []
    last_group = None
    group_order = list(dict.fromkeys(w.group for w in WORDS.values()))
    for site in sorted(sites, key=lambda s: (group_order.index(WORDS[s["key"]].group), s["line"])):
        word = WORDS[site["key"]]
        if site.get("id") and site["id"] != word.id:
            raise Fail(f"{site['key']!r}: LANGUAGE_MATCHES and WORDS disagree")
        used = {p for t in site["texts"].values() for p in re.findall(r"\{([A-Za-z_]\w*)\}", t)}
        if site["format"] and used != set(word.variables):
            raise Fail(f"{word.id}: placeholders {sorted(used)} but WORDS names {sorted(word.variables)}")
        renames = {r: v[0] for r, v in word.variables.items()}
        comment = ([word.comment] if word.comment else []) + variables_comment(word.variables, used)
        if word.plural:
            comment.append(f"English selects a plural form on ${renames[word.plural[0]]}; "
                           "add a selector where your language needs one.")
        group = word.group if word.group != last_group else None
        last_group = word.group
        messages.append(make_message(word.id, site["texts"], renames, word.id, site["format"],
                                     plural=word.plural, comment=comment, group=group))
        entry = {"file": WORDS_SOURCE, "line": site["line"], "rust_snippet": site["snippet"],
                 "id": word.id, "variables": {renames[r]: r for r in word.variables}}
        if word.plural:
            entry["note"] = (f"${renames[word.plural[0]]} must be passed as a number: "
                             "English selects a plural form on it")
        if site["key"].startswith("language:"):
            entry["note"] = ("when the code has no message, keep the fallback "
                             "code.name() as today")
        mapping_snippets.append(entry)
    return messages


# --------------------------------------------------------------------------
# Writing.
# --------------------------------------------------------------------------

def render_file(lang: str, about: str, messages: list[Message]) -> str:
    out = [f"### {about}"]
    if lang != "en":
        out.append(DRAFT)
    out.append("")
    for msg in messages:
        if msg.group:
            if out[-1] != "":
                out.append("")
            out.append(f"## {msg.group}")
            out.append("")
        if msg.comment and out[-1] != "":
            out.append("")
        for line in msg.comment:
            out.append(f"# {line}")
        value = msg.values[lang]
        out.append(f"{msg.id} =" + ("" if value.startswith("\n") else " ") + value)
        if msg.comment or "\n" in value:
            out.append("")
    while out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------
# A Fluent parser, for the check: Fluent Syntax 1.0, as the reference
# parser reads it (dedentation of block text, trimming of the trailing
# blank of a pattern).
# --------------------------------------------------------------------------

class FtlError(Exception):
    pass


class FtlParser:
    """Parses a resource into messages: id -> (pattern, attributes), where a
    pattern is a list of elements: str, ("var", name), ("lit", text),
    ("num", text), ("msg", id), ("term", id), ("fn", name, args) or
    ("select", selector, [(key, pattern, default)])."""

    def __init__(self, text: str):
        self.s = text.replace("\r\n", "\n")
        self.i = 0

    # -- helpers
    def ch(self, k: int = 0) -> str:
        j = self.i + k
        return self.s[j] if j < len(self.s) else ""

    def line(self) -> int:
        return self.s.count("\n", 0, self.i) + 1

    def fail(self, msg: str):
        raise FtlError(f"line {self.line()}: {msg}")

    def expect(self, c: str):
        if self.ch() != c:
            self.fail(f"expected {c!r}, found {self.ch()!r}")
        self.i += 1

    def blank_inline(self) -> str:
        j = self.i
        while self.ch() == " ":
            self.i += 1
        return self.s[j:self.i]

    def blank(self):
        while self.ch() in (" ", "\n") and self.ch() != "":
            self.i += 1

    def identifier(self) -> str:
        m = re.compile(r"[a-zA-Z][a-zA-Z0-9_-]*").match(self.s, self.i)
        if not m:
            self.fail("expected an identifier")
        self.i = m.end()
        return m.group(0)

    # -- resource
    def parse(self):
        messages, terms, comments = {}, {}, []
        while self.i < len(self.s):
            c = self.ch()
            if c == "\n":
                self.i += 1
                continue
            if c == " ":
                # Blank lines may hold spaces; anything else indented is junk.
                j = self.i
                self.blank_inline()
                if self.ch() in ("\n", ""):
                    continue
                self.i = j
                self.fail("an entry must start at the beginning of a line")
            if c == "#":
                m = re.compile(r"(#{1,3})(?: ([^\n]*))?(?=\n|$)").match(self.s, self.i)
                if not m:
                    self.fail("a comment needs a space after its #")
                comments.append((len(m.group(1)), m.group(2) or "", self.line()))
                self.i = m.end()
                continue
            is_term = c == "-"
            if is_term:
                self.i += 1
            line = self.line()
            name = self.identifier()
            self.blank_inline()
            self.expect("=")
            pattern = self.maybe_pattern()
            attrs = {}
            while True:
                j = self.i
                self.blank()
                if self.ch() == "." and self.s[self.s.rfind("\n", 0, self.i) + 1:self.i].strip() == "":
                    self.i += 1
                    aname = self.identifier()
                    self.blank_inline()
                    self.expect("=")
                    apattern = self.maybe_pattern()
                    if apattern is None:
                        self.fail(f"attribute {aname} has no value")
                    attrs[aname] = apattern
                    continue
                self.i = j
                break
            if pattern is None and (is_term or not attrs):
                self.fail(f"{name} has no value")
            target = terms if is_term else messages
            if name in target:
                self.fail(f"{name} is defined twice")
            target[name] = (pattern, attrs, line)
            if self.ch() not in ("\n", ""):
                self.fail(f"unexpected {self.ch()!r} after {name}")
        return messages, terms, comments

    # -- patterns
    def is_value_continuation(self) -> bool:
        """At the start of a line: whether it continues a pattern."""
        j = self.i
        indent = self.blank_inline()
        c = self.ch()
        self.i = j
        if c == "{":
            return True
        if not indent:
            return False
        return c not in ("", "\n", "}", "[", "*", ".")

    def skip_blank_block(self) -> str:
        """Skips blank lines; returns their newlines. Stops at the start of
        the first line that is not blank."""
        out = []
        while True:
            j = self.i
            self.blank_inline()
            if self.ch() == "\n":
                self.i += 1
                out.append("\n")
                continue
            self.i = j
            return "".join(out)

    def maybe_pattern(self):
        self.blank_inline()
        if self.ch() not in ("\n", ""):
            return self.pattern(block=False)
        j = self.i
        if self.ch() == "\n":
            self.i += 1
            self.skip_blank_block()
            if self.is_value_continuation():
                return self.pattern(block=True)
        self.i = j
        return None

    def pattern(self, block: bool):
        elements = []  # str | ("indent", text) | placeable
        common = None
        if block:
            indent = self.blank_inline()
            elements.append(("indent", indent))
            common = len(indent)
        while self.ch() != "":
            c = self.ch()
            if c == "\n":
                j = self.i
                self.i += 1
                blank_lines = "\n" + self.skip_blank_block()
                if self.is_value_continuation():
                    indent = self.blank_inline()
                    common = len(indent) if common is None else min(common, len(indent))
                    elements.append(("indent", blank_lines + indent))
                    continue
                self.i = j
                break
            if c == "}":
                self.fail("an unmatched } in a pattern")
            if c == "{":
                elements.append(self.placeable())
                continue
            m = re.compile(r"[^{}\n]+").match(self.s, self.i)
            elements.append(m.group(0))
            self.i = m.end()
        # Dedent, join text, trim the trailing blank.
        common = common or 0
        out = []
        for e in elements:
            if isinstance(e, tuple) and e[0] == "indent":
                text = e[1][:len(e[1]) - common]
                if not text:
                    continue
                e = text
            if isinstance(e, str) and out and isinstance(out[-1], str):
                out[-1] += e
            else:
                out.append(e)
        if out and isinstance(out[-1], str):
            out[-1] = out[-1].rstrip(" \n")
            if not out[-1]:
                out.pop()
        return out

    def placeable(self):
        self.expect("{")
        self.blank()
        expr = self.inline_expression()
        self.blank()
        if self.ch() == "-" and self.ch(1) == ">":
            if expr[0] not in ("var", "lit", "num", "fn", "termattr"):
                self.fail("this expression cannot select")
            self.i += 2
            self.blank_inline()
            variants = []
            while True:
                j = self.i
                self.blank()
                default = False
                if self.ch() == "*":
                    default = True
                    self.i += 1
                if self.ch() != "[":
                    self.i = j
                    break
                self.i += 1
                self.blank()
                m = re.compile(r"-?[0-9]+(\.[0-9]+)?|[a-zA-Z][a-zA-Z0-9_-]*").match(self.s, self.i)
                if not m:
                    self.fail("a variant key must be a number or an identifier")
                key = m.group(0)
                self.i = m.end()
                self.blank()
                self.expect("]")
                value = self.maybe_pattern()
                if value is None:
                    self.fail(f"variant [{key}] has no value")
                variants.append((key, value, default))
            if not variants:
                self.fail("a select expression without variants")
            if sum(1 for v in variants if v[2]) != 1:
                self.fail("a select expression needs exactly one default variant (*)")
            self.blank()
            self.expect("}")
            return ("select", expr, variants)
        self.expect("}")
        return expr

    def inline_expression(self):
        c = self.ch()
        if c == '"':
            self.i += 1
            out = []
            while True:
                c = self.ch()
                if c in ("", "\n"):
                    self.fail("unterminated string literal")
                self.i += 1
                if c == '"':
                    break
                if c == "\\":
                    e = self.ch()
                    if e in ('"', "\\"):
                        out.append(e)
                        self.i += 1
                    elif e == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", self.s[self.i + 1:self.i + 5]):
                        out.append(chr(int(self.s[self.i + 1:self.i + 5], 16)))
                        self.i += 5
                    elif e == "U" and re.fullmatch(r"[0-9a-fA-F]{6}", self.s[self.i + 1:self.i + 7]):
                        out.append(chr(int(self.s[self.i + 1:self.i + 7], 16)))
                        self.i += 7
                    else:
                        self.fail(f"unknown escape \\{e}")
                    continue
                out.append(c)
            return ("lit", "".join(out))
        if c == "-" and self.ch(1).isdigit() or c.isdigit():
            m = re.compile(r"-?[0-9]+(\.[0-9]+)?").match(self.s, self.i)
            self.i = m.end()
            return ("num", m.group(0))
        if c == "$":
            self.i += 1
            return ("var", self.identifier())
        if c == "{":
            return self.placeable()
        is_term = c == "-"
        if is_term:
            self.i += 1
        name = self.identifier()
        attr = None
        if self.ch() == ".":
            self.i += 1
            attr = self.identifier()
        j = self.i
        self.blank()
        if self.ch() == "(":
            if not is_term and (attr or not re.fullmatch(r"[A-Z][A-Z0-9_-]*", name)):
                self.fail(f"{name} is not a function name")
            args = self.call_arguments()
            return ("termattr" if is_term and attr else "term" if is_term else "fn", name, args)
        self.i = j
        if is_term:
            return ("termattr" if attr else "term", name)
        return ("msg", name + ("." + attr if attr else ""))

    def call_arguments(self):
        self.expect("(")
        args = []
        while True:
            self.blank()
            if self.ch() == ")":
                self.i += 1
                return args
            if re.compile(r"[a-zA-Z][a-zA-Z0-9_-]*\s*:").match(self.s, self.i):
                self.identifier()
                self.blank()
                self.expect(":")
                self.blank()
            args.append(self.inline_expression())
            self.blank()
            if self.ch() == ",":
                self.i += 1


def pattern_variables(pattern) -> set[str]:
    out: set[str] = set()

    def walk(e):
        if isinstance(e, str):
            return
        if e[0] == "var":
            out.add(e[1])
        elif e[0] == "select":
            walk(e[1])
            for _, p, _ in e[2]:
                for x in p:
                    walk(x)
        elif e[0] in ("fn", "term", "termattr") and len(e) > 2:
            for a in e[2]:
                walk(a)
    for el in pattern or []:
        walk(el)
    return out


def pattern_references(pattern) -> set[str]:
    out: set[str] = set()

    def walk(e):
        if isinstance(e, str):
            return
        if e[0] == "msg":
            out.add(e[1].split(".")[0])
        elif e[0] == "select":
            walk(e[1])
            for _, p, _ in e[2]:
                for x in p:
                    walk(x)
    for el in pattern or []:
        walk(el)
    return out


def default_text(pattern) -> str:
    """The text a pattern gives for its default variants, variables written
    `{$name}`."""
    out = []
    for e in pattern:
        if isinstance(e, str):
            out.append(e)
        elif e[0] == "lit":
            out.append(e[1])
        elif e[0] == "var":
            out.append("{$" + e[1] + "}")
        elif e[0] == "select":
            out.append(default_text(next(p for _, p, d in e[2] if d)))
        else:
            out.append("{" + str(e) + "}")
    return "".join(out)


def select_keys(pattern) -> list[tuple[str, list[str]]]:
    """(selector variable, keys) of every select expression."""
    out = []
    for e in pattern or []:
        if isinstance(e, tuple) and e[0] == "select":
            out.append((e[1][1] if e[1][0] == "var" else str(e[1]), [k for k, _, _ in e[2]]))
            for _, p, _ in e[2]:
                out.extend(select_keys(p))
    return out


def check(expected: dict[tuple[str, str], dict[str, str]] | None = None) -> int:
    """Checks every .ftl file; prints counts. Returns the number of problems."""
    problems: list[str] = []
    files = sorted({p.name for lang in LANGS for p in (LOCALES / lang).glob("*.ftl")})
    parsed: dict[tuple[str, str], dict] = {}
    for name in files:
        for lang in LANGS:
            path = LOCALES / lang / name
            where = f"{lang}/{name}"
            if not path.exists():
                problems.append(f"{where}: missing (the other languages have it)")
                continue
            text = path.read_text(encoding="utf-8")
            if "\t" in text:
                problems.append(f"{where}: holds a tab")
            try:
                messages, terms, comments = FtlParser(text).parse()
            except FtlError as e:
                problems.append(f"{where}: {e}")
                continue
            for mid, (_, _, line) in messages.items():
                if not ID_RE.match(mid):
                    problems.append(f"{where}:{line}: bad id {mid}")
            # The resource comments the house style asks for.
            head = text.split("\n")
            if not head[0].startswith("### "):
                problems.append(f"{where}: does not begin with a ### comment")
            if lang != "en" and DRAFT not in head[:3]:
                problems.append(f"{where}: lacks the draft-translation comment")
            if lang == "en" and DRAFT in head[:3]:
                problems.append(f"{where}: the English file is no draft translation")
            parsed[(name, lang)] = messages
            for mid, (pattern, attrs, line) in messages.items():
                for sel, keys in select_keys(pattern):
                    # A selector on a number has plural categories (and exact
                    # numbers) as keys; one on a keyword has other words. A
                    # mix is most likely a misspelt category ([One], [others]).
                    plural = [k for k in keys if k in PLURAL_KEYS or re.fullmatch(r"-?\d+(\.\d+)?", k)]
                    if plural and len(plural) != len(keys):
                        odd = sorted(set(keys) - set(plural))
                        problems.append(f"{where}:{line}: {mid}: ${sel} mixes plural categories "
                                        f"with {odd}")
                missing = pattern_references(pattern) - set(messages)
                if missing:
                    problems.append(f"{where}:{line}: {mid} refers to {sorted(missing)}, not in this file")
                if expected and (name, lang) in expected and mid in expected[(name, lang)]:
                    want = expected[(name, lang)][mid]
                    got = default_text(pattern)
                    if got != want:
                        problems.append(f"{where}:{line}: {mid} reads {got!r}, not {want!r}")
            if expected and (name, lang) in expected:
                lost = set(expected[(name, lang)]) - set(messages)
                if lost:
                    problems.append(f"{where}: lost {sorted(lost)}")
        present = [lang for lang in LANGS if (name, lang) in parsed]
        if len(present) < 2:
            continue
        ids = {lang: set(parsed[(name, lang)]) for lang in present}
        base = ids["en"] if "en" in ids else ids[present[0]]
        for lang in present:
            only_here = ids[lang] - base
            only_en = base - ids[lang]
            if only_here:
                problems.append(f"{lang}/{name}: ids not in en: {sorted(only_here)}")
            if only_en:
                problems.append(f"{lang}/{name}: ids of en missing: {sorted(only_en)}")
        for mid in sorted(base):
            variables = {}
            for lang in present:
                if mid in parsed[(name, lang)]:
                    pattern, attrs, _ = parsed[(name, lang)][mid]
                    v = pattern_variables(pattern)
                    for a in attrs.values():
                        v |= pattern_variables(a)
                    variables[lang] = v
            if len({frozenset(v) for v in variables.values()}) > 1:
                problems.append(f"{name}: {mid} uses different variables: " +
                                ", ".join(f"{lang} {sorted(v)}" for lang, v in variables.items()))
    # One id is one message across the files of a language.
    for lang in LANGS:
        seen: dict[str, str] = {}
        for name in files:
            for mid in parsed.get((name, lang), {}):
                if mid in seen:
                    problems.append(f"{lang}: {mid} is in both {seen[mid]} and {name}")
                seen[mid] = name
    # The reference parser, when it is there.
    try:
        from fluent.syntax import FluentParser, ast as fast  # type: ignore
    except ImportError:
        fast = None
        print("(fluent.syntax not installed: checked with this script's parser only)")
    if fast is not None:
        ref = FluentParser(with_spans=False)
        for (name, lang), messages in parsed.items():
            res = ref.parse((LOCALES / lang / name).read_text(encoding="utf-8"))
            junk = [e for e in res.body if isinstance(e, fast.Junk)]
            for j in junk:
                problems.append(f"{lang}/{name}: fluent.syntax: {j.annotations[0].message}: {j.content[:60]!r}")
            ref_ids = {e.id.name for e in res.body if isinstance(e, fast.Message)}
            if ref_ids != set(messages) and not junk:
                problems.append(f"{lang}/{name}: fluent.syntax reads other ids")
            for e in res.body:
                if isinstance(e, fast.Message) and e.id.name in messages and e.value is not None:
                    mine = default_text(messages[e.id.name][0])
                    theirs = ref_default_text(e.value, fast)
                    if mine != theirs:
                        problems.append(f"{lang}/{name}: {e.id.name}: fluent.syntax reads "
                                        f"{theirs!r}, this script {mine!r}")
        print(f"fluent.syntax: parsed {len(parsed)} files")
    # Counts.
    width = max(len(n) for n in files) if files else 8
    print(f"{'file':<{width}}  " + "  ".join(f"{lang:>4}" for lang in LANGS))
    totals = dict.fromkeys(LANGS, 0)
    for name in files:
        counts = [len(parsed.get((name, lang), {})) for lang in LANGS]
        for lang, c in zip(LANGS, counts):
            totals[lang] += c
        print(f"{name:<{width}}  " + "  ".join(f"{c:>4}" for c in counts))
    print(f"{'total':<{width}}  " + "  ".join(f"{totals[lang]:>4}" for lang in LANGS))
    for p in problems:
        print("PROBLEM:", p)
    print(f"{len(problems)} problems" if problems else "every file parses; ids and variables agree")
    return len(problems)


def ref_default_text(pattern, fast) -> str:
    out = []
    for e in pattern.elements:
        if isinstance(e, fast.TextElement):
            out.append(e.value)
            continue
        x = e.expression
        if isinstance(x, fast.StringLiteral):
            out.append(x.parse()["value"])
        elif isinstance(x, fast.VariableReference):
            out.append("{$" + x.id.name + "}")
        elif isinstance(x, fast.SelectExpression):
            out.append(ref_default_text(next(v.value for v in x.variants if v.default), fast))
        else:
            out.append("{?}")
    return "".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="only check the .ftl files")
    args = ap.parse_args()
    if args.check:
        return 1 if check() else 0
    keywords, declared = domain_enums()
    fields_map: list[dict] = []
    snippets: list[dict] = []
    files: dict[str, tuple[str, list[Message]]] = {}
    for table in TABLES:
        files[table.area] = (table.about,
                             extract_table(table, keywords, declared, fields_map, snippets))
    files["reasons"] = (FILE_ABOUT["reasons"], extract_words(snippets))
    expected: dict[tuple[str, str], dict[str, str]] = {}
    all_ids: dict[str, str] = {}
    for area, (about, messages) in files.items():
        for m in messages:
            if m.id in all_ids:
                raise Fail(f"{m.id} made twice ({all_ids[m.id]}, {area})")
            if not ID_RE.match(m.id):
                raise Fail(f"bad id {m.id}")
            all_ids[m.id] = area
        for lang in LANGS:
            path = LOCALES / lang / f"{area}.ftl"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(render_file(lang, about, messages), encoding="utf-8")
            expected[(f"{area}.ftl", lang)] = {m.id: m.expected[lang] for m in messages}
    MAP.write_text(json.dumps({
        "about": "Where each Rust text went: its Fluent id. Written by "
                 "scripts/i18n/extract.py; the .ftl files are under "
                 "crates/kyoso-i18n/locales/{en,ja,th,vi}/. fields: the struct "
                 "fields of the tables (a label array gives one id per index, "
                 "named by the enum variant's keyword; a tuple array one per "
                 "element). snippets: the other texts, with their Rust source. "
                 "variables: Fluent variable -> Rust placeholder (for fields, the "
                 "{name} text that .replace() fills; for snippets, the format! "
                 "argument).",
        "ftl_file_by_area": {area: f"{area}.ftl" for area in files},
        "fields": fields_map,
        "snippets": snippets,
    }, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(files) * len(LANGS)} .ftl files and {MAP.relative_to(ROOT)} "
          f"({len(fields_map)} fields, {len(snippets)} snippets)")
    return 1 if check(expected) else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Fail as e:
        print(f"error: {e}", file=sys.stderr)
        sys.exit(2)
