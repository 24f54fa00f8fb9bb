"""Lucene query subset for the Solr stand-in (dev/test only; production runs real Solr).

Covers what CKAN 2.12 sends: ``field:value``, ``field:"phrase"``, ``AND``/``OR``/``NOT``,
``&&``/``||``/``!``, ``+``/``-``, parentheses, ``field:(a OR b)``, ``[a TO b]``/``{a TO b}``,
``*:*``, ``field:*`` and ``*``/``?`` wildcards. Boosts (``^2``) and fuzziness (``~``) are
parsed and ignored. Field types follow CKAN's ``schema.xml``: ``string`` fields match exactly,
``text`` fields match analysed tokens (lower-cased, accent-folded, light plural stemming).
"""
from __future__ import annotations

import fnmatch
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from devportal.solr_ranges import in_range

MUST, SHOULD, MUST_NOT = "+", "", "-"

TEXT_FIELDS = {
    "text", "title", "notes", "author", "author_email", "maintainer", "maintainer_email",
    "res_name", "res_description", "urls", "title_ngram", "name_ngram", "depends_on",
    "dependency_of", "derives_from", "has_derivation", "links_to", "linked_from",
    "child_of", "parent_of",
}
TEXT_PREFIXES = ("extras_", "res_extras_")
# Solr copyField sources for the catch-all ``text`` field (from CKAN's schema.xml).
COPY_TO_TEXT = (
    "url", "ckan_url", "download_url", "res_url", "name", "title", "text", "license", "notes",
    "tags", "groups", "organization", "res_name", "res_description", "maintainer", "author",
)
COPY_PREFIXES_TO_TEXT = ("extras_", "res_extras_", "vocab_")


class QuerySyntaxError(ValueError):
    """Raised for a query the subset parser cannot read (Solr answers 400)."""


@dataclass
class Leaf:
    field: str | None  # None = default field(s)
    kind: str  # term | phrase | wild | range | all | exists
    value: Any = None


@dataclass
class BoolQ:
    clauses: list[tuple[str, Any]] = field(default_factory=list)
    min_should: int = 0


def is_text_field(name: str) -> bool:
    return name in TEXT_FIELDS or name.startswith(TEXT_PREFIXES)


def analyse(value: Any) -> list[str]:
    """Tokenise like a (much simplified) Solr ``text`` field type."""
    folded = unicodedata.normalize("NFKD", str(value))
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return [_stem(t) for t in re.findall(r"[^\W_]+", folded)]


def _stem(token: str) -> str:
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


# --------------------------------------------------------------------------- tokenizer
_TOKEN_RE = re.compile(
    r"""\s*(?:
      (?P<lpar>\() | (?P<rpar>\)) |
      (?P<range>[\[{](?:[^\]}"\\]|\\.|"[^"]*")*?\s+TO\s+(?:[^\]}"\\]|\\.|"[^"]*")*?[\]}]) |
      (?P<phrase>"(?:[^"\\]|\\.)*") |
      (?P<op>&&|\|\|) |
      (?P<word>(?:[^\s()"\\\[\]{}]|\\.)+)
    )(?P<boost>\^[0-9.]+|~[0-9.]*)?""",
    re.VERBOSE,
)


def _tokenize(q: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    pos = 0
    while pos < len(q):
        if q[pos:].strip() == "":
            break
        m = _TOKEN_RE.match(q, pos)
        if not m or m.end() == pos:
            raise QuerySyntaxError(f"cannot parse query near: {q[pos:pos + 30]!r}")
        pos = m.end()
        kind = next(k for k in ("lpar", "rpar", "range", "phrase", "op", "word") if m.group(k))
        tokens.extend(_split_word(m.group(kind)) if kind == "word" else [(kind, m.group(kind))])
    return tokens


def _split_word(word: str) -> list[tuple[str, str]]:
    """Split ``+field:value`` into modifier, field and value tokens."""
    out: list[tuple[str, str]] = []
    if word in ("AND", "OR", "NOT"):
        return [("op", word)]
    if word[0] in "+-!" and len(word) > 1:
        out.append(("mod", word[0]))
        word = word[1:]
    elif word in ("+", "-", "!"):
        return [("mod", word)]
    m = re.match(r"((?:[^:\\]|\\.)+):(.*)$", word)
    if m and word != "*:*":
        out.append(("field", m.group(1)))
        if m.group(2):
            out.append(("word", m.group(2)))
    else:
        out.append(("word", word))
    return out


# --------------------------------------------------------------------------- parser
class _Parser:
    def __init__(self, tokens: list[tuple[str, str]], default_op: str):
        self.tokens, self.pos, self.default_op = tokens, 0, default_op

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def parse_bool(self, fld: str | None, until_rpar: bool = False) -> BoolQ:
        """Lucene classic ``addClause`` rules: AND/OR rewrite the neighbouring clauses."""
        clauses: list[list[Any]] = []
        conj = None
        while (tok := self.peek()) is not None:
            if tok[0] == "rpar":
                if not until_rpar:
                    raise QuerySyntaxError("unbalanced ')'")
                break
            if tok[0] == "op" and tok[1] in ("AND", "&&", "OR", "||"):
                self.take()
                conj = "AND" if tok[1] in ("AND", "&&") else "OR"
                continue
            mod = None
            if tok[0] == "mod" or (tok[0] == "op" and tok[1] == "NOT"):
                self.take()
                mod = "-" if tok[1] in ("-", "!", "NOT") else "+"
            node = self.parse_clause(fld)
            self._add_clause(clauses, conj, mod, node)
            conj = None
        return BoolQ([(c[0], c[1]) for c in clauses])

    def _add_clause(self, clauses: list[list[Any]], conj: str | None, mod: str | None,
                    node: Any) -> None:
        if clauses and conj == "AND" and clauses[-1][0] != MUST_NOT:
            clauses[-1][0] = MUST
        if clauses and conj == "OR" and self.default_op == "AND" and clauses[-1][0] != MUST_NOT:
            clauses[-1][0] = SHOULD
        if mod == "-":
            occur = MUST_NOT
        elif mod == "+":
            occur = MUST
        elif self.default_op == "OR":
            occur = MUST if conj == "AND" else SHOULD
        else:
            occur = SHOULD if conj == "OR" else MUST
        clauses.append([occur, node])

    def parse_clause(self, fld: str | None) -> Any:
        kind, val = self.take()
        if kind == "field":
            return self.parse_clause(_unescape(val))
        if kind == "lpar":
            inner = self.parse_bool(fld, until_rpar=True)
            if not self.peek() or self.take()[0] != "rpar":
                raise QuerySyntaxError("missing ')'")
            return inner
        if kind == "phrase":
            return Leaf(fld, "phrase", _unescape(val[1:-1]))
        if kind == "range":
            return Leaf(fld, "range", _parse_range(val))
        if kind == "word":
            return _word_leaf(fld, val)
        raise QuerySyntaxError(f"unexpected {val!r}")


def _word_leaf(fld: str | None, val: str) -> Leaf:
    if val == "*:*" or (fld == "*" and val == "*"):
        return Leaf(None, "all")
    if val == "*" and fld:
        return Leaf(fld, "exists")
    if re.search(r"(?<!\\)[*?]", val):
        return Leaf(fld, "wild", val)
    return Leaf(fld, "term", _unescape(val))


def _unescape(s: str) -> str:
    return re.sub(r"\\(.)", r"\1", s)


def _parse_range(text: str) -> tuple[bool, str, str, bool]:
    m = re.match(r"([\[{])\s*(.*?)\s+TO\s+(.*?)\s*([\]}])$", text, re.S)
    if not m:
        raise QuerySyntaxError(f"bad range {text!r}")
    lo, hi = (_unescape(v.strip('"')) for v in (m.group(2), m.group(3)))
    return m.group(1) == "[", lo, hi, m.group(4) == "]"


def parse(q: str, default_op: str = "OR") -> BoolQ:
    """Parse a Lucene query string into a tree of ``BoolQ``/``Leaf`` nodes."""
    return _Parser(_tokenize(q or "*:*"), default_op.upper()).parse_bool(None)


def min_should_match(mm: str | None, n: int) -> int:
    """Solr ``mm`` spec subset: ``N``, ``N%``, ``-N`` and conditional ``a<b c<d`` lists."""
    if not mm or n == 0:
        return 1 if n else 0
    spec = mm.strip()
    if "<" in spec:
        chosen = None
        for part in spec.split():
            limit, _, rule = part.partition("<")
            if n > int(limit):
                chosen = rule
        if chosen is None:
            return n
        spec = chosen
    if spec.endswith("%"):
        pct = int(spec[:-1])
        val = int(n * abs(pct) / 100)
        return n - val if pct < 0 else val
    val = int(spec)
    return max(1, min(n, n + val if val < 0 else val))


# --------------------------------------------------------------------------- matching
def field_values(doc: dict[str, Any], name: str) -> list[Any]:
    """Values of a field, with ``text`` built from Solr's copyField sources."""
    if name == "text":
        vals: list[Any] = []
        for key, val in doc.items():
            if key in COPY_TO_TEXT or key.startswith(COPY_PREFIXES_TO_TEXT):
                vals.extend(val if isinstance(val, list) else [val])
        return vals
    val = doc.get(name)
    if val is None:
        return []
    return val if isinstance(val, list) else [val]


def _leaf_matches(doc: dict[str, Any], fld: str, leaf: Leaf) -> bool:
    values = [v for v in field_values(doc, fld) if v is not None and v != ""]
    if leaf.kind == "exists":
        return bool(values)
    if leaf.kind == "range":
        return any(in_range(v, leaf.value) for v in values)
    if not is_text_field(fld):
        if leaf.kind == "wild":
            return any(fnmatch.fnmatchcase(str(v), leaf.value) for v in values)
        return any(str(v) == leaf.value for v in values)
    if leaf.kind == "wild":
        pat = leaf.value.lower()
        return any(fnmatch.fnmatchcase(t, pat) for v in values
                   for t in re.findall(r"[^\W_]+", str(v).lower()))
    wanted = analyse(leaf.value)
    if not wanted:
        return False
    return any(_contains_seq(analyse(v), wanted) for v in values)


def _contains_seq(tokens: list[str], wanted: list[str]) -> bool:
    n = len(wanted)
    return any(tokens[i:i + n] == wanted for i in range(len(tokens) - n + 1))


Weights = dict[str, float]


def evaluate(node: Any, doc: dict[str, Any], default_fields: Weights) -> tuple[bool, float]:
    """Match a parsed query against one document; return (matched, score)."""
    if isinstance(node, Leaf):
        if node.kind == "all":
            return True, 1.0
        fields = {node.field: 1.0} if node.field else default_fields
        score = sum(w for f, w in fields.items() if _leaf_matches(doc, f, node))
        return score > 0, score
    return _evaluate_bool(node, doc, default_fields)


def _evaluate_bool(node: BoolQ, doc: dict[str, Any], fields: Weights) -> tuple[bool, float]:
    score, has_must, should_total, should_hit = 0.0, False, 0, 0
    for occur, child in node.clauses:
        ok, s = evaluate(child, doc, fields)
        if occur == MUST_NOT:
            if ok:
                return False, 0.0
        elif occur == MUST:
            has_must = True
            if not ok:
                return False, 0.0
            score += s
        else:
            should_total += 1
            should_hit += ok
            score += s
    if node.min_should and should_hit < node.min_should:
        return False, 0.0
    if not has_must and should_total and not should_hit:
        return False, 0.0
    if not has_must and not should_total:  # purely negative: Solr adds *:*
        return True, 1.0
    return True, score or 1.0


def apply_mm(query: BoolQ, mm: str | None) -> BoolQ:
    """Give a dismax query's optional clauses a minimum-should-match."""
    n = sum(1 for occur, _ in query.clauses if occur == SHOULD)
    if n:
        query.min_should = min_should_match(mm, n)
    return query


def parse_qf(qf: str | None, fallback: str = "text") -> Weights:
    """``name^4 title^4 text`` → {"name": 4.0, "title": 4.0, "text": 1.0}."""
    weights: Weights = {}
    for part in (qf or fallback).split():
        name, _, boost = part.partition("^")
        weights[name] = float(boost) if boost else 1.0
    return weights


def matcher(q: str, *, def_type: str = "lucene", qf: str | None = None, df: str = "text",
            q_op: str = "OR", mm: str | None = None) -> Callable[[dict], tuple[bool, float]]:
    """Build a matcher for the main query, honouring dismax/edismax like CKAN uses them."""
    dismax = def_type in ("dismax", "edismax")
    fields = parse_qf(qf, df) if dismax else {df: 1.0}
    q = (q or "").strip() or "*:*"
    if def_type == "dismax" and q != "*:*":
        tree = apply_mm(parse(_dismax_safe(q), "OR"), mm)
    elif dismax and ":" not in q and q != "*:*":
        tree = apply_mm(parse(q, "OR"), mm)
    else:
        tree = parse(q, q_op)
    return lambda doc: evaluate(tree, doc, fields)


def _dismax_safe(q: str) -> str:
    """Dismax treats ``:`` and brackets as plain text; keep only quotes and +/-."""
    return re.sub(r"""([:()\[\]{}\\^~&|!])""", r"\\\1", q).replace(" AND ", " ").replace(
        " OR ", " ")


def filters(fqs: Iterable[str], q_op: str = "OR") -> list[Callable[[dict], tuple[bool, float]]]:
    """Filter queries are plain Lucene; like Solr, ``q.op`` applies to them too."""
    return [matcher(fq, q_op=q_op) for fq in fqs if fq and fq.strip()]
