"""`ptpipe report`: records -> one self-contained HTML page for people who would rather look.

    ptpipe report out/corpus.jsonl -o report.html

The page needs nothing from the internet: styles, charts (inline SVG, drawn here) and the small
filter script are all inside it. It has two sections:

- `#summary`: counts (documents, errors, words, entities by label, corrections by kind), bar
  charts of entities by label, documents by main theme and money (BRL) by state, and the most
  mentioned organisations and people; amounts flagged `implausible` are left out of the money
  chart and listed apart ("Valores fora das somas"), since one of them can outweigh all the rest;
- `#documents`: every document (up to `max_documents`) with its entities highlighted in the
  original text, displaCy-style, its corrections shown in place (what was written struck out,
  what the pipeline read after it), and its people, money, dates, themes and keywords.

Every piece of document text is escaped: a release containing `<script>` shows it as text.
The page is in Portuguese, like the texts and the people reading them.
"""

from __future__ import annotations

import html
import itertools
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import regex

from . import themes as themes_stage
from .emit import read_records

MAX_DOCUMENTS = 2000
# A theme is a document's main theme from this score on: about one term match per 140 words.
THEME_MIN = 0.5
TOP = 15  # rows in the "most mentioned" tables and bars in each chart

# displaCy's palette where it has the label; ours for the rest.
COLOURS = {
    "PER": "#aa9cfc",
    "ORG": "#7aecec",
    "LOC": "#ff9561",
    "STATE": "#feca74",
    "MONEY": "#e4e7d2",
    "DATE": "#bfe1d9",
    "PROGRAM": "#c887fb",
}
OTHER_COLOUR = "#dddddd"

LABEL_NAMES = {
    "PER": "pessoas",
    "ORG": "organizações",
    "LOC": "lugares",
    "STATE": "estados",
    "MONEY": "valores",
    "DATE": "datas",
    "PROGRAM": "programas",
}

# Corrections made only of these kinds change spacing or invisible characters: they are drawn
# faintly, not struck out (a release has dozens of doubled spaces).
QUIET_KINDS = frozenset({"whitespace", "line_breaks", "invisible", "unicode"})


def write(inputs: Iterable[str | Path], output: str | Path, **options) -> Summary:
    """Read records (JSONL files or Parquet folders) and write the page; returns the summary."""
    records = (rec for path in inputs for rec in read_records(str(path)))
    page, summary = render(records, **options)
    Path(output).write_text(page, encoding="utf-8")
    return summary


def render(
    records: Iterable[dict], *, title: str = "Relatório ptpipe", max_documents: int = MAX_DOCUMENTS
) -> tuple[str, Summary]:
    """The page for `records` (streamed: only the documents shown are kept) and its summary."""
    summary = Summary()
    shown: list[str] = []
    for rec in records:
        summary.add(rec)
        if len(shown) < max_documents:
            shown.append(_document(rec, len(shown)))
    return _page(title, summary, shown), summary


# --- the summary ---------------------------------------------------------------------------


@dataclass
class Summary:
    documents: int = 0
    errors: Counter = field(default_factory=Counter)
    warnings: Counter = field(default_factory=Counter)  # by type
    words: int = 0
    labels: Counter = field(default_factory=Counter)  # entities by label
    corrections: Counter = field(default_factory=Counter)  # by kind
    themes: Counter = field(default_factory=Counter)  # documents by main theme
    money_by_state: Counter = field(default_factory=Counter)  # BRL in documents naming the state
    names: dict[str, Counter] = field(default_factory=lambda: {"ORG": Counter(), "PER": Counter()})
    error_ids: list[tuple[str, str]] = field(default_factory=list)
    # MONEY amounts left out of sums: (doc id, mention as written, value, reason)
    money_flagged: list[tuple[str, str, float | None, str]] = field(default_factory=list)
    # money facts (issue 18): BRL of paid transfers and investments by the recipient's state, by payer
    facts_by_state: Counter = field(default_factory=Counter)
    facts_by_payer: Counter = field(default_factory=Counter)

    def add(self, rec: dict) -> None:
        self.documents += 1
        error = rec.get("error")
        if error:
            self.errors[error.get("type", "error")] += 1
            self.error_ids.append((rec.get("id", ""), error.get("message", "")))
        self.words += (rec.get("stats") or {}).get("tokens") or 0
        for warning in rec.get("warnings") or []:
            self.warnings[warning["type"]] += 1
        entities = rec.get("entities") or []
        for ent in entities:
            self.labels[ent["label"]] += 1
            if ent["label"] in self.names:
                self.names[ent["label"]][ent["canonical"]] += len(ent["mentions"])
        for corr in rec.get("corrections") or []:
            self.corrections[corr.get("kind", "?")] += 1
        main = [t for t in rec.get("themes") or [] if t["score"] >= THEME_MIN][:1]
        for theme in main:
            self.themes[theme["label"]] += 1
        money = [e for e in entities if e["label"] == "MONEY"]
        for ent in (e for e in money if e["attributes"].get("implausible")):
            attrs = ent["attributes"]
            written = ent["mentions"][0]["text"] if ent.get("mentions") else ent["canonical"]
            self.money_flagged.append(
                (rec.get("id", ""), written, attrs.get("value"), attrs.get("implausible_reason", ""))
            )
        for fact in rec.get("facts") or []:
            self._add_fact(fact, entities)
        brl = sum(_amount(e) for e in money if e["attributes"].get("currency") == "BRL" and not _flagged(e))
        for uf in {e["attributes"].get("uf") for e in entities if e["label"] == "STATE"} - {None}:
            self.money_by_state[uf] += brl

    def _add_fact(self, fact: dict, entities: list[dict]) -> None:
        amount = fact.get("amount") or {}
        if fact.get("negated") or amount.get("currency") != "BRL":
            return
        if (fact.get("action") or {}).get("kind") not in ("transfer", "investment"):
            return
        money = _entity(entities, amount)
        if money is None or _flagged(money):
            return
        value = _amount(money)
        recipient = _entity(entities, fact.get("recipient"))
        place = _entity(entities, fact.get("place")) if not (fact.get("place") or {}).get("from_context") else None
        uf = next((e["attributes"].get("uf") for e in (recipient, place) if e and e["attributes"].get("uf")), None)
        if uf:
            self.facts_by_state[uf] += value
        payer = _entity(entities, fact.get("payer"))
        if payer is not None:
            self.facts_by_payer[payer["canonical"]] += value


def _entity(entities: list[dict], ref: dict | None) -> dict | None:
    i = (ref or {}).get("entity")
    return entities[i] if isinstance(i, int) and 0 <= i < len(entities) else None


def _flagged(entity: dict) -> bool:
    return bool(entity["attributes"].get("implausible"))


def _amount(entity: dict) -> float:
    """A MONEY entity's value; an interval counts at its upper bound."""
    attrs = entity["attributes"]
    value = attrs.get("value")
    if value is None:
        value = attrs.get("max") or attrs.get("min") or 0
    return float(value)


def _summary(summary: Summary) -> str:
    counts = [
        ("documentos", _int(summary.documents)),
        ("com erro", _int(sum(summary.errors.values()))),
        ("palavras", _int(summary.words)),
        ("entidades", _int(sum(summary.labels.values()))),
        ("correções", _int(sum(summary.corrections.values()))),
    ]
    tiles = "".join(f'<div class="tile"><b>{value}</b><span>{_e(name)}</span></div>' for name, value in counts)
    theme_names = _theme_names()
    charts = [
        _chart(
            "Entidades por rótulo",
            [(_label_name(label), n, COLOURS.get(label, OTHER_COLOUR)) for label, n in summary.labels.most_common()],
            _int,
        ),
        _chart(
            f"Documentos por tema principal (pontuação ≥ {THEME_MIN:.1f})".replace(".", ","),
            [(theme_names.get(t, t), n, "#8fb8de") for t, n in summary.themes.most_common(TOP)],
            _int,
        ),
        _chart(
            "Repasses e investimentos (R$) por estado que recebe (fatos)",
            [(uf, v, COLOURS["STATE"]) for uf, v in summary.facts_by_state.most_common(TOP) if v > 0],
            _brl_short,
        ),
        _chart(
            "Repasses e investimentos (R$) por quem paga (fatos)",
            [(_cut(name, 40), v, COLOURS["ORG"]) for name, v in summary.facts_by_payer.most_common(TOP) if v > 0],
            _brl_short,
        ),
        _chart(
            "Dinheiro (R$) nos documentos que citam cada estado",
            [(uf, v, COLOURS["STATE"]) for uf, v in summary.money_by_state.most_common(TOP) if v > 0],
            _brl_short,
        ),
    ]
    tables = [_top_table(title, summary.names[label]) for label, title in (("ORG", "Organizações"), ("PER", "Pessoas"))]
    extra = [
        _count_table("Correções por tipo", sorted(summary.corrections.items())),
    ]
    if summary.warnings:
        extra.append(_count_table("Avisos por tipo", sorted(summary.warnings.items())))
    if summary.money_flagged:
        extra.append(_flagged_table(summary.money_flagged))
    if summary.error_ids:
        extra.append(_count_table("Erros por tipo", sorted(summary.errors.items())))
        rows = "".join(f"<li><code>{_e(i)}</code>: {_e(m)}</li>" for i, m in summary.error_ids[:100])
        extra.append(f'<div class="errors"><h3>Documentos com erro</h3><ul>{rows}</ul></div>')
    return (
        '<section id="summary"><h2>Resumo</h2>'
        f'<div class="tiles">{tiles}</div>'
        f'<div class="grid">{"".join(charts)}</div>'
        f'<div class="grid">{"".join(tables + extra)}</div></section>'
    )


def _chart(title: str, bars: list[tuple[str, float, str]], fmt) -> str:
    """A horizontal bar chart as inline SVG."""
    if not bars:
        return f'<figure class="chart"><figcaption>{_e(title)}</figcaption><p class="empty">nada</p></figure>'
    width, label_w, value_w, row = 500, 190, 90, 22
    top = max(v for _, v, _ in bars) or 1
    bar_w = width - label_w - value_w
    parts = []
    for n, (name, value, colour) in enumerate(bars):
        y = n * row
        w = max(1.0, bar_w * value / top)
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{_e(_cut(name, 25))}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row - 6}" fill="{colour}"><title>'
            f"{_e(name)}: {_e(fmt(value))}</title></rect>"
            f'<text x="{label_w + w + 4:.1f}" y="{y + 15}">{_e(fmt(value))}</text>'
        )
    height = row * len(bars)
    return (
        f'<figure class="chart"><figcaption>{_e(title)}</figcaption>'
        f'<svg role="img" aria-label="{_e(title)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">{"".join(parts)}</svg></figure>'
    )


# why an amount is left out of sums, in the page's language
FLAG_REASONS = {
    "over_limit": "acima do limite plausível (R$ 20 tri)",
    "multiplier": "em conflito com o multiplicador",
    "malformed": "número malformado",
}


def _flagged_table(rows: list[tuple[str, str, float | None, str]]) -> str:
    body = "".join(
        f"<tr><td><code>{_e(doc)}</code></td><td>{_e(written)}</td><td class='n'>{_e(_attr(value))}</td>"
        f"<td>{_e(FLAG_REASONS.get(reason, reason))}</td></tr>"
        for doc, written, value, reason in rows[:100]
    )
    head = "<tr><th>documento</th><th>escrito</th><th class='n'>lido</th><th>por quê</th></tr>"
    return f'<table class="counts flagged"><caption>Valores fora das somas</caption>{head}{body}</table>'


def _top_table(title: str, names: Counter) -> str:
    rows = [(name, n) for name, n in names.most_common(TOP)]
    return _count_table(f"{title} mais citadas", rows, header=("nome", "menções"))


def _count_table(title: str, rows: list[tuple[str, int]], header: tuple[str, str] = ("", "n")) -> str:
    body = "".join(f"<tr><td>{_e(name)}</td><td class='n'>{_int(n)}</td></tr>" for name, n in rows)
    head = f"<tr><th>{_e(header[0])}</th><th class='n'>{_e(header[1])}</th></tr>"
    return f'<table class="counts"><caption>{_e(title)}</caption>{head}{body}</table>'


# --- one document --------------------------------------------------------------------------


def _document(rec: dict, n: int) -> str:
    entities = rec.get("entities") or []
    labels = sorted({e["label"] for e in entities})
    text = rec.get("text") or ""
    title = rec.get("title") or rec.get("id") or f"documento {n + 1}"
    meta = [f"<code>{_e(rec.get('id', ''))}</code>"]
    if rec.get("published_at"):
        meta.append(_e(rec["published_at"]))
    stats = rec.get("stats") or {}
    if stats.get("tokens"):
        meta.append(f"{_int(stats['tokens'])} palavras")
    error = rec.get("error")
    parts = [
        f'<article class="doc" id="doc-{n}" data-labels="{_e(" ".join(labels))}">',
        f"<h3>{_e(title)}</h3>",
        f'<p class="meta">{" · ".join(meta)}</p>',
    ]
    if error:
        parts.append(f'<p class="error"><b>erro {_e(error.get("type", ""))}</b>: {_e(error.get("message", ""))}</p>')
    for warning in rec.get("warnings") or []:
        parts.append(f'<p class="warning"><b>aviso {_e(warning["type"])}</b>: {_e(warning["message"])}</p>')
    main_themes = [t for t in rec.get("themes") or [] if t["score"] >= THEME_MIN]
    names = _theme_names()
    parts.append(_chips("temas", [f"{names.get(t['label'], t['label'])} {t['score']:.2f}" for t in main_themes]))
    parts.append(_chips("palavras-chave", [k["text"] for k in rec.get("keywords") or []]))
    if text:
        parts.append(f'<div class="text">{highlight(text, entities, rec.get("corrections") or [])}</div>')
    if rec.get("facts"):
        parts.append(_fact_table(rec["facts"], entities))
    if entities:
        parts.append(_entity_table(entities))
    fixes = [c for c in rec.get("corrections") or [] if not _quiet(c)]
    if rec.get("corrections"):
        parts.append(_correction_list(rec["corrections"], len(fixes)))
    parts.append("</article>")
    return "".join(parts)


def _fact_table(facts: list[dict], entities: list[dict]) -> str:
    """Each money fact of the document: who gives how much to whom, for what, where and when."""

    def name(ref: dict | None) -> str:
        ent = _entity(entities, ref)
        return ent["canonical"] if ent else "—"

    rows = []
    for fact in facts:
        amount, action = fact.get("amount") or {}, fact.get("action") or {}
        flags = [w for w, on in (("não", fact.get("negated")), ("talvez", fact.get("hedged"))) if on]
        date = fact.get("date") or {}
        when = (date.get("value") or "—") + (" (publicação)" if date.get("from_publication") else "")
        place = name(fact.get("place")) + (" (local do texto)" if (fact.get("place") or {}).get("from_context") else "")
        cells = [
            amount.get("text", ""),
            f"{action.get('lemma', '')} ({action.get('kind', '')})" + (f" [{', '.join(flags)}]" if flags else ""),
            name(fact.get("payer")),
            name(fact.get("recipient")),
            (fact.get("purpose") or {}).get("text") or "—",
            place,
            when,
        ]
        rows.append("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th>{h}</th>" for h in ("valor", "ação", "quem paga", "quem recebe", "para quê", "onde", "quando"))
    return f'<table class="counts facts"><caption>Fatos de dinheiro</caption><tr>{head}</tr>{"".join(rows)}</table>'


def _chips(name: str, items: list[str]) -> str:
    if not items:
        return ""
    chips = "".join(f'<span class="chip">{_e(i)}</span>' for i in items)
    return f'<p class="chips"><span class="what">{_e(name)}:</span> {chips}</p>'


def _entity_table(entities: list[dict]) -> str:
    rows = []
    for ent in entities:
        attrs = ent.get("attributes") or {}
        details = "; ".join(f"{k}: {_attr(v)}" for k, v in attrs.items())
        rows.append(
            f'<tr><td><span class="lab" style="background:{_colour(ent["label"])}">{_e(ent["label"])}</span></td>'
            f"<td>{_e(ent['canonical'])}</td><td class='n'>{len(ent['mentions'])}</td><td>{_e(details)}</td></tr>"
        )
    return (
        '<details class="entities"><summary>entidades</summary><table>'
        "<tr><th>rótulo</th><th>nome</th><th class='n'>menções</th><th>atributos</th></tr>"
        f"{''.join(rows)}</table></details>"
    )


def _attr(value) -> str:
    if isinstance(value, list):
        return ", ".join(_attr(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _correction_list(corrections: list[dict], fixes: int) -> str:
    rows = "".join(
        f"<tr><td>{_e(c.get('kind', ''))}</td><td><del>{_e(_visible(c['original']))}</del></td>"
        f"<td><ins>{_e(_visible(c['replacement']))}</ins></td><td class='n'>{c.get('confidence', 1):.2f}</td>"
        f"<td class='n'>{c['start']}</td></tr>"
        for c in corrections
    )
    return (
        f'<details class="corrections"><summary>correções: {len(corrections)} ({fixes} além de espaços)'
        "</summary><table><tr><th>tipo</th><th>escrito</th><th>lido</th><th class='n'>confiança</th>"
        f"<th class='n'>posição</th></tr>{rows}</table></details>"
    )


def highlight(text: str, entities: list[dict], corrections: list[dict]) -> str:
    """The original text as HTML: mentions in <mark>, corrections as <del>written</del><ins>read</ins>.

    Offsets point into `text`. A correction is drawn whole, inside the mention its start falls
    in; mentions that overlap an earlier, longer one are left out (each character is drawn once).
    """
    mentions = _mentions(entities, len(text))
    pieces = _pieces(text, corrections, mentions)
    out: list[str] = []
    current = None
    for start, end, corr in pieces:
        owner = _owner(mentions, start, end, corr)
        if owner is not current:
            if current is not None:
                out.append(f'<span class="tag">{_e(current[2])}</span></mark>')
            if owner is not None:
                out.append(
                    f'<mark class="ent" data-label="{_e(owner[2])}" style="background:{_colour(owner[2])}" '
                    f'title="{_e(owner[2])}: {_e(owner[3])}">'
                )
            current = owner
        out.append(_correction(corr) if corr else _e(text[start:end]))
    if current is not None:
        out.append(f'<span class="tag">{_e(current[2])}</span></mark>')
    return "".join(out)


def _mentions(entities: list[dict], length: int) -> list[tuple[int, int, str, str]]:
    spans = sorted(
        (
            (m["start"], m["end"], e["label"], e["canonical"])
            for e in entities
            for m in e["mentions"]
            if 0 <= m["start"] < m["end"] <= length
        ),
        key=lambda s: (s[0], -s[1]),
    )
    kept: list[tuple[int, int, str, str]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _pieces(text: str, corrections: list[dict], mentions) -> list[tuple[int, int, dict | None]]:
    """Cut the text into plain runs and corrections; plain runs are also cut at mention edges."""
    pieces: list[tuple[int, int, dict | None]] = []
    cuts = sorted({b for m in mentions for b in m[:2]})
    pos = 0

    def plain(start: int, end: int) -> None:
        edges = [start, *(c for c in cuts if start < c < end), end]
        pieces.extend((a, b, None) for a, b in itertools.pairwise(edges) if b > a)

    for corr in sorted(corrections, key=lambda c: (c["start"], c["end"])):
        start, end = corr["start"], corr["end"]
        if start < pos or end > len(text) or end < start:
            continue  # overlapping or out of bounds: the list in the details still shows it
        plain(pos, start)
        pieces.append((start, end, corr))
        pos = end
    plain(pos, len(text))
    return pieces


def _owner(mentions, start: int, end: int, corr: dict | None):
    for mention in mentions:
        m_start, m_end = mention[0], mention[1]
        inside = m_start <= start < m_end if end > start else m_start < start < m_end
        if inside:
            return mention
        if m_start > start:
            break
    return None


def _correction(corr: dict) -> str:
    kind = corr.get("kind", "")
    title = f"{kind} ({corr.get('confidence', 1):.2f}): {_visible(corr['original'])} → {_visible(corr['replacement'])}"
    if _quiet(corr):
        return f'<span class="fix quiet" title="{_e(title)}">{_e(corr["replacement"])}</span>'
    return (
        f'<span class="fix" data-kind="{_e(kind)}" title="{_e(title)}"><del>{_e(corr["original"])}</del>'
        f"<ins>{_e(corr['replacement'])}</ins></span>"
    )


# --- the page ------------------------------------------------------------------------------


def _page(title: str, summary: Summary, documents: list[str]) -> str:
    legend = "".join(
        f'<label><input type="checkbox" class="only" value="{label}"> '
        f'<span class="lab" style="background:{colour}">{label}</span> {_e(LABEL_NAMES[label])}</label>'
        for label, colour in COLOURS.items()
    )
    more = summary.documents - len(documents)
    note = f'<p class="note">Mostrando os primeiros {_int(len(documents))} de {_int(summary.documents)} documentos.</p>'
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="pt"><head><meta charset="utf-8"><title>{_e(title)}</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<style>{_CSS}</style></head><body>"
        f"<header><h1>{_e(title)}</h1></header>"
        f"{_summary(summary)}"
        '<section id="documents"><h2>Documentos</h2>'
        f"{note if more > 0 else ''}"
        '<div class="filters"><input type="search" id="q" placeholder="filtrar por texto…"> '
        f'<span class="legend">só documentos com: {legend}</span> <span id="count"></span></div>'
        f"{''.join(documents)}</section>"
        f"<script>{_JS}</script></body></html>\n"
    )


_CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222}
body{margin:0 auto;max-width:1100px;padding:0 16px}
h1{font-size:1.6em;margin:.8em 0 .2em}
h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:1.5em}
.tiles{display:flex;gap:12px;flex-wrap:wrap}
.tile{background:#f4f6f8;border-radius:6px;padding:8px 16px;min-width:110px}
.tile b{display:block;font-size:1.5em}
.tile span{color:#555}
.grid{display:flex;flex-wrap:wrap;gap:24px;margin-top:16px;align-items:flex-start}
figure.chart{margin:0}
figcaption,caption{font-weight:600;text-align:left;margin-bottom:4px}
svg text{font-size:12px;fill:#333}
table{border-collapse:collapse;font-size:13px}
td,th{padding:2px 8px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
.n{text-align:right}
.doc{border:1px solid #ddd;border-radius:6px;padding:8px 16px;margin:16px 0}
.doc h3{margin:.3em 0}
.meta{color:#666;font-size:13px;margin:0}
.warning{background:#fff4d6;padding:4px 8px;border-radius:4px}
.error{background:#fde2e2;padding:4px 8px;border-radius:4px}
.chips{margin:4px 0}
.what{color:#666;font-size:13px}
.chip{display:inline-block;background:#eef1f5;border-radius:10px;padding:0 8px;margin:1px 2px;font-size:13px}
.text{white-space:pre-wrap;line-height:2.1;margin:8px 0}
mark.ent{padding:.15em .3em;border-radius:.35em;color:#111}
mark.ent .tag{font-size:.65em;font-weight:700;margin-left:.4em;text-transform:uppercase;vertical-align:middle}
.fix del{color:#b00;text-decoration:line-through}
.fix ins{color:#075;text-decoration:none;border-bottom:2px solid #3a3}
.fix.quiet{background:#f1f1f1}
.lab{border-radius:.3em;padding:0 .35em;font-size:12px;font-weight:700}
.filters{position:sticky;top:0;background:#fff;padding:8px 0;border-bottom:1px solid #eee;z-index:1}
.filters label{margin-right:6px;white-space:nowrap}
#q{width:220px}
.note{color:#666}
.hidden{display:none}
"""

# Filtering only hides articles; without scripts every document shows.
_JS = """
(function(){
  var q=document.getElementById('q'), boxes=[].slice.call(document.querySelectorAll('input.only'));
  var docs=[].slice.call(document.querySelectorAll('article.doc')), count=document.getElementById('count');
  function apply(){
    var text=q.value.toLowerCase(), need=boxes.filter(function(b){return b.checked}).map(function(b){return b.value});
    var shown=0;
    docs.forEach(function(d){
      var labels=(d.getAttribute('data-labels')||'').split(' ');
      var ok=need.every(function(l){return labels.indexOf(l)>=0})
        && (!text || d.textContent.toLowerCase().indexOf(text)>=0);
      d.classList.toggle('hidden',!ok); shown+=ok;
    });
    count.textContent=shown+' de '+docs.length+' documentos';
  }
  q.addEventListener('input',apply); boxes.forEach(function(b){b.addEventListener('change',apply)}); apply();
})();
"""


# --- small helpers -------------------------------------------------------------------------


# Characters a browser would obey rather than show: direction overrides could turn a release's
# text around on the page, control characters show as nothing. They are shown by their code.
_HIDDEN = regex.compile(r"[\p{Cc}\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069--[\t\n\r]]", flags=regex.V1)


def _e(value) -> str:
    """Escaped for HTML text and attributes, with invisible controls made visible."""
    return _HIDDEN.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", html.escape(str(value), quote=True))


def _theme_names() -> dict[str, str]:
    """Theme ids to names from the shipped taxonomy; ids of other taxonomies show as they are."""
    return {t.label: t.name for t in themes_stage.default_taxonomy()}


def _quiet(corr: dict) -> bool:
    return set(corr.get("kind", "").split("+")) <= QUIET_KINDS


def _colour(label: str) -> str:
    return COLOURS.get(label, OTHER_COLOUR)


def _label_name(label: str) -> str:
    return LABEL_NAMES.get(label, label)


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _visible(text: str) -> str:
    """Whitespace a reader can see in a table cell."""
    return text.replace("\n", "↵").replace("\t", "⇥").replace(" ", "·") if not text.strip() else text


def _int(n: float) -> str:
    """Brazilian thousands: 12.345."""
    return f"{int(n):,}".replace(",", ".")


def _brl_short(value: float) -> str:
    for size, unit in ((1e12, "tri"), (1e9, "bi"), (1e6, "mi"), (1e3, "mil")):
        if value >= size:
            return f"R$ {value / size:.1f} {unit}".replace(".", ",")
    return f"R$ {value:.0f}"
