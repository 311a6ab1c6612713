"""Stage 5, facts: each amount of money tied to what the text says happens to it.

`O Ministério da Saúde liberou R$ 12,5 milhões para o município de Castanhal (PA) custear
cirurgias eletivas` -> one fact: the amount (the MONEY entity), the action (`liberar`, a
transfer), the payer (`Ministério da Saúde`), the recipient (`Castanhal`), the purpose (`custear
cirurgias eletivas`), the place, the date, whether it is negated or hedged, the sentence.

It reads the dependency parse the shipped model makes (the verb that governs the amount, its
subject, its passive agent) and the words right after the amount (`R$ 3 milhões para X e R$ 1
milhão para Y`: each amount takes the `para` phrase that follows it, which survives a parse that
gets the coordination wrong). Its words are tables in `pipeline/lang/pt/facts.py`. An amount that
no action word governs gets no fact; its MONEY entity stays.

Offsets in the facts are into the ORIGINAL text, as everywhere in the record; entity references
are indices into the record's `entities` list.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .lang.pt import facts as words
from .textutil import fold

_MAX_PATH = 4  # how far up the parse an amount's action may be
# `em` phrases that say when or how much, not what for (`R$ 10 por dia em média`)
_NOT_PURPOSE = frozenset(["mês", "ano", "média", "dia", "semana", "total", "parcela", "parcelas", "etapa"])
_PREPOSITION = frozenset(["ADP", "SCONJ"])  # `para reformar`: the model tags `para` SCONJ before a verb
_STOP = frozenset(',;:.!?()"“”')


@dataclass
class _Context:
    doc: Doc
    to_original: Callable[[int, int], tuple[int, int]]
    text: str
    entities: list[dict]
    entity_of: list[int | None]  # token index -> entity index
    published_at: str | None
    dateline: int | None


def facts(
    doc: Doc,
    entities: list[dict],
    *,
    to_original: Callable[[int, int], tuple[int, int]] | None = None,
    text: str | None = None,
    published_at: str | None = None,
) -> list[dict]:
    """The record's `facts` for an annotated document and its entities (the record's list).

    `to_original` maps a span of the Doc's text to the original text (`Normalised.to_original`);
    `text` is the original text. Without them, the Doc's text is the original.
    """
    if not doc.has_annotation("DEP"):
        return []  # no parse (`--model blank`): no say on who pays whom
    to_original = to_original or (lambda s, e: (s, e))
    text = doc.text if text is None else text
    ctx = _Context(doc, to_original, text, entities, _entity_index(doc, entities, to_original), published_at, None)
    ctx.dateline = _dateline(ctx)
    money = [span for span in doc.ents if span.label_ == "MONEY"]
    out = []
    for n, span in enumerate(money):
        following = money[n + 1].start if n + 1 < len(money) else len(doc)
        fact = _fact(ctx, span, following)
        if fact is not None:
            out.append(fact)
    return out


def _entity_index(doc: Doc, entities: list[dict], to_original) -> list[int | None]:
    spans = sorted((m["start"], m["end"], i) for i, e in enumerate(entities) for m in e["mentions"])
    starts = [s for s, _, _ in spans]
    out: list[int | None] = []
    for tok in doc:
        start, end = to_original(tok.idx, tok.idx + len(tok))
        k = bisect_right(starts, start) - 1
        found = None
        while k >= 0 and k >= bisect_right(starts, start) - 3:
            s, e, i = spans[k]
            if s <= start < e or s < end <= e:
                found = i
                break
            k -= 1
        out.append(found)
    return out


def _fact(ctx: _Context, span: Span, following: int) -> dict | None:
    amount_entity = _span_entity(ctx, span)
    if amount_entity is None or ctx.entities[amount_entity]["label"] != "MONEY":
        return None
    verb, noun = _action(span)
    if verb is None and noun is None:
        return None
    sent = span.sent
    window_end = min(following, sent.end)
    kind, subject_role = words.VERBS.get(verb.lemma_.lower(), (None, None)) if verb is not None else (None, None)
    if kind is not None:
        action_token = verb
    elif noun is not None and (verb is None or verb.lemma_.lower() in words.SUPPORT_VERBS):
        action_token = noun  # `O investimento é de R$ 12,8 milhões`, `prevê repasses de R$ 1,5 milhão`
    else:
        return None  # `o salário de R$ 1.412 foi citado`: only mentioned
    if kind is None or (noun is not None and words.NOUNS[noun.lemma_.lower()] in words.OVERRIDING_NOUN_KINDS):
        kind = words.NOUNS[noun.lemma_.lower()]

    payer = recipient = purpose = None
    tail = _tail(ctx, span, window_end, kind)
    recipient, purpose, place_in, source = tail
    if action_token is verb:
        # in the passive (`foram repassados R$ 2 milhões … pelo governo`) the agent is the subject's part
        subject = _agent(ctx, verb) if _passive(verb) else _subject(ctx, verb)
        if subject_role == "payer":
            payer = subject
        elif subject_role == "recipient":
            recipient = recipient if recipient is not None else subject
            payer = source
        if recipient is None:
            recipient = _recipient_before(ctx, verb, span)
    else:
        payer = source
    if payer is not None and recipient is not None and payer["entity"] == recipient["entity"]:
        payer = None if subject_role != "payer" else payer
        recipient = recipient if payer is None else None

    if purpose is None and action_token is verb:
        purpose = _purpose_clause(ctx, verb, span)

    attrs = ctx.entities[amount_entity]["attributes"]
    a_start, a_end = _original(ctx, span.start_char, span.end_char)
    v_start, v_end = _original(ctx, action_token.idx, action_token.idx + len(action_token))
    s_start, s_end = _original(ctx, sent.start_char, sent.end_char)
    place = _place(ctx, recipient, place_in)
    found = sum(x is not None for x in (payer, recipient, purpose))
    confidence = (0.6 if action_token is verb else 0.45) + 0.1 * found
    if verb is not None and action_token is verb and _depth(span, verb) > 2:
        confidence -= 0.15
    return {
        "amount": {
            "entity": amount_entity,
            "start": a_start,
            "end": a_end,
            "text": ctx.text[a_start:a_end],
            "value": attrs.get("value"),
            "currency": attrs.get("currency"),
            "min": attrs.get("min"),
            "max": attrs.get("max"),
        },
        "action": {
            "lemma": action_token.lemma_.lower(),
            "kind": kind,
            "start": v_start,
            "end": v_end,
            "text": ctx.text[v_start:v_end],
        },
        "payer": payer,
        "recipient": recipient,
        "purpose": purpose,
        "place": place,
        "date": _date(ctx, sent, action_token),
        "negated": _negated(action_token),
        "hedged": _hedged(action_token),
        "sentence": {"start": s_start, "end": s_end},
        "confidence": round(min(confidence, 0.95), 2),
    }


def _action(span: Span) -> tuple[Token | None, Token | None]:
    """The verb that governs the amount, and the action noun on the way to it (`repasses de R$`)."""
    noun = None
    root = span.root
    # `O investimento é de R$ 12,8 milhões`: the amount is the predicate, its subject the action
    if any(c.dep_ == "cop" for c in root.children):
        for child in root.children:
            if child.dep_.startswith("nsubj") and child.lemma_.lower() in words.NOUNS:
                return None, child
    token = root
    for _ in range(_MAX_PATH):
        if token.head is token:
            break
        token = token.head
        if token in span:
            continue
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX"):
            if lemma in words.NEGATING_VERBS:
                continue
            return token, noun
        if token.pos_ in ("NOUN", "PROPN") and noun is None and lemma in words.NOUNS:
            noun = token
    return None, noun


def _depth(span: Span, verb: Token) -> int:
    token, n = span.root, 0
    while token is not verb and token.head is not token and n < 10:
        token, n = token.head, n + 1
    return n


def _span_entity(ctx: _Context, span: Span) -> int | None:
    for tok in span:
        if ctx.entity_of[tok.i] is not None:
            return ctx.entity_of[tok.i]
    return None


def _original(ctx: _Context, start: int, end: int) -> tuple[int, int]:
    start, end = ctx.to_original(start, end)
    while start < end and ctx.text[start].isspace():
        start += 1
    while end > start and ctx.text[end - 1].isspace():
        end -= 1
    return start, end


def _ref(ctx: _Context, token: Token, how: str) -> dict:
    return {"entity": ctx.entity_of[token.i], "via": how}


def _party(ctx: _Context, tokens: list[Token], how: str) -> dict | None:
    """The first entity that may pay or receive among `tokens`, or what an anaphor stands for."""
    for tok in tokens:
        i = ctx.entity_of[tok.i]
        if i is not None and ctx.entities[i]["label"] in words.PARTY_LABELS:
            return _ref(ctx, tok, how)
    for tok in tokens:
        if tok.pos_ in ("NOUN", "PROPN"):
            return _anaphor(ctx, tok)
    return None


def _is_party(ctx: _Context, tok: Token) -> bool:
    i = ctx.entity_of[tok.i]
    return i is not None and ctx.entities[i]["label"] in words.PARTY_LABELS


def _anaphor(ctx: _Context, tok: Token) -> dict | None:
    """`a prefeitura` after `Prefeitura de Maceió`: the nearest entity before it that fits."""
    rule = words.ANAPHORS.get(tok.lemma_.lower()) or words.ANAPHORS.get(tok.lower_)
    if rule is None:
        return None
    labels, needed = rule
    start, _ = ctx.to_original(tok.idx, tok.idx + len(tok))
    best, best_at = None, -1
    for i, ent in enumerate(ctx.entities):
        if ent["label"] not in labels or (needed and needed not in fold(ent["canonical"]).lower()):
            continue
        if labels == {"LOC"} and ent["attributes"].get("kind") not in ("municipality", "city"):
            continue
        before = [m["start"] for m in ent["mentions"] if m["start"] < start]
        if before and max(before) > best_at:
            best, best_at = i, max(before)
    return {"entity": best, "via": "anaphor"} if best is not None else None


def _subject(ctx: _Context, verb: Token) -> dict | None:
    token = verb
    for _ in range(3):  # `vai repassar`, `deve receber`, `deixou de receber`: the subject may sit higher
        for child in token.children:
            if child.dep_ in ("nsubj",):
                return _party(ctx, _phrase(child), "subject")
        if token.dep_ in ("xcomp", "ccomp") or token.head.lemma_.lower() in words.HEDGES | words.NEGATING_VERBS:
            token = token.head
        else:
            break
    return None


def _agent(ctx: _Context, verb: Token) -> dict | None:
    for child in verb.children:
        if child.dep_ == "obl:agent":
            return _party(ctx, _phrase(child), "agent")
    return None


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("aux:pass", "nsubj:pass", "obl:agent") for c in verb.children)


def _phrase(token: Token) -> list[Token]:
    """A noun phrase's words, up to its first clause or parenthesis (`o governo do Tocantins`)."""
    return [t for t in token.subtree if not (t.dep_ in ("acl", "acl:relcl", "appos") and t is not token)][:12]


def _recipient_before(ctx: _Context, verb: Token, span: Span) -> dict | None:
    """`repassou ao município R$ 2 milhões`: an oblique of the verb before the amount."""
    for child in verb.children:
        if child.dep_ in ("obl", "iobj") and child.i < span.start:
            cases = [c.lower_ for c in child.children if c.dep_ == "case"]
            if cases and cases[0] in words.TO:
                party = _party(ctx, _phrase(child), "preposition")
                if party is not None:
                    return party
    return None


def _tail(ctx: _Context, span: Span, end: int, kind: str) -> tuple[dict | None, dict | None, dict | None, dict | None]:
    """What the words right after the amount say: recipient (`para X`, `ao município`), purpose
    (`para custear …`, `destinados à merenda`), place (`em Castanhal`), source (`do MEC`)."""
    doc = ctx.doc
    recipient = purpose = place = source = None
    i = span.end
    while i < end:
        tok = doc[i]
        low = tok.lower_
        if tok.text in _STOP and tok.text not in "()":
            if tok.text in ".;:!?":
                break
            if purpose is not None or recipient is not None:
                break
            i += 1
            continue
        if (tok.pos_ in _PREPOSITION and low in words.TO | words.FROM | words.IN) or (
            tok.lemma_.lower() in words.PURPOSE_PARTICIPLES and tok.pos_ in ("VERB", "ADJ")
        ):
            j = _phrase_end(doc, i + 1, end)
            body = [t for t in doc[i + 1 : j] if t.pos_ != "DET"]
            if not body:
                i = j
                continue
            first = body[0]
            party_tok = next(
                (
                    t
                    for t in body[:6]
                    if ctx.entity_of[t.i] is not None
                    and ctx.entities[ctx.entity_of[t.i]]["label"] in words.PARTY_LABELS
                ),
                None,
            )
            if party_tok is not None and first.pos_ == "VERB":
                party_tok = None  # `para atender Maceió`: a purpose that names a place
            party = _ref(ctx, party_tok, "preposition") if party_tok is not None else None
            if party is None and first.pos_ in ("NOUN", "PROPN"):
                party = _anaphor(ctx, first)
            if tok.pos_ not in _PREPOSITION:  # `destinados à merenda escolar`
                if purpose is None:
                    purpose = _span(ctx, doc[i:j])
            elif low in words.TO:
                if party is not None and recipient is None:
                    recipient = party
                    rest = _infinitive_after(doc, first.i, j)
                    if rest is not None and purpose is None:
                        purpose = _span(ctx, doc[rest:j])
                elif (
                    party is None
                    and purpose is None
                    and low in words.PURPOSE_MARKERS
                    and first.pos_ in ("VERB", "NOUN", "ADJ")
                ):
                    purpose = _span(ctx, doc[i:j])
            elif low in words.FROM:
                if party is not None and party_tok is not None and source is None:
                    source = party
            elif low in words.IN:
                label = ctx.entities[party["entity"]]["label"] if party is not None else None
                if label in words.PLACE_LABELS and place is None:
                    place = {"entity": party["entity"], "from_context": False}
                elif (
                    party is None
                    and first.pos_ == "NOUN"
                    and purpose is None
                    and first.lemma_.lower() not in _NOT_PURPOSE
                    and kind in ("investment", "transfer", "budget")
                ):
                    purpose = _span(ctx, doc[i:j])
            i = j
            continue
        i += 1
    return recipient, purpose, place, source


def _purpose_clause(ctx: _Context, verb: Token, span: Span) -> dict | None:
    """`… para reformar escolas` where the parse hangs it on the verb: a `para` clause after the amount."""
    for child in verb.children:
        if child.dep_ == "advcl" and child.i > span.end:
            marks = [c for c in child.children if c.dep_ == "mark" and c.lower_ in words.PURPOSE_MARKERS]
            if marks:
                end = _phrase_end(ctx.doc, child.i, child.sent.end)
                return _span(ctx, ctx.doc[marks[0].i : end])
    return None


def _phrase_end(doc: Doc, i: int, end: int) -> int:
    """Where a prepositional phrase starting at `i` ends: punctuation, another amount's
    conjunction (`e R$ 1 milhão`), or the window's end."""
    j = i
    while j < end:
        tok = doc[j]
        if tok.text in _STOP and tok.text not in "()":
            break
        if tok.lower_ == "e" and j + 1 < end and doc[j + 1].ent_type_ == "MONEY":
            break
        j += 1
    return j


def _infinitive_after(doc: Doc, start: int, end: int) -> int | None:
    for j in range(start + 1, end):
        if doc[j].pos_ == "VERB" and "Inf" in doc[j].morph.get("VerbForm"):
            return j
    return None


def _span(ctx: _Context, tokens: Span) -> dict | None:
    if len(tokens) == 0:
        return None
    start, end = _original(ctx, tokens.start_char, tokens.end_char)
    if start >= end:
        return None
    return {"start": start, "end": end, "text": ctx.text[start:end]}


def _place(ctx: _Context, recipient: dict | None, place: dict | None) -> dict | None:
    if recipient is not None and ctx.entities[recipient["entity"]]["label"] in words.PLACE_LABELS:
        return {"entity": recipient["entity"], "from_context": False}
    if place is not None:
        return place
    if ctx.dateline is not None:
        return {"entity": ctx.dateline, "from_context": True}
    return None


_DATELINE = re.compile(r"^\s*([A-ZÀ-Ý][^\n,–—-]{1,40}?)\s*(?:\([A-Z]{2}\)|/[A-Z]{2}|-[A-Z]{2})?\s*[–—-]\s", re.M)


def _dateline(ctx: _Context) -> int | None:
    """The place of a dateline (`CASTANHAL (PA) – O Ministério …`), as an entity, or None."""
    for m in _DATELINE.finditer(ctx.text[:2000]):
        for i, ent in enumerate(ctx.entities):
            if ent["label"] in words.PLACE_LABELS and any(m.start(1) <= x["start"] < m.end(0) for x in ent["mentions"]):
                return i
    return None


def _date(ctx: _Context, sent: Span, action: Token) -> dict | None:
    best, distance = None, None
    for tok in sent:
        i = ctx.entity_of[tok.i]
        if (
            i is not None
            and ctx.entities[i]["label"] == "DATE"
            and (distance is None or abs(tok.i - action.i) < distance)
        ):
            best, distance = i, abs(tok.i - action.i)
    if best is not None:
        return {"entity": best, "value": ctx.entities[best]["attributes"].get("value"), "from_publication": False}
    if ctx.published_at:
        return {"entity": None, "value": ctx.published_at[:10], "from_publication": True}
    return None


def _negated(action: Token) -> bool:
    token = action
    for _ in range(3):
        if any(c.lower_ in words.NEGATIONS and c.dep_ == "advmod" for c in token.children):
            return True
        if token.head is token:
            break
        head = token.head
        if head.lemma_.lower() in words.NEGATING_VERBS and head.pos_ in ("VERB", "AUX"):
            return True
        if token.dep_ not in ("xcomp", "ccomp") and head.lemma_.lower() not in words.HEDGES:
            break
        token = head
    return False


def _hedged(action: Token) -> bool:
    if any(c.dep_ == "aux" and c.lemma_.lower() in words.HEDGES for c in action.children):
        return True
    head = action.head
    return head is not action and action.dep_ == "xcomp" and head.lemma_.lower() in words.HEDGES
