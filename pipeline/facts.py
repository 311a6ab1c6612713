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

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span, Token

from .lang.pt import facts as words
from .textutil import fold

_MAX_PATH = 4  # how far up the parse an amount's action may be
# `em` phrases that say when or how much, not what for (`R$ 10 por dia em média`)
_NOT_PURPOSE = frozenset(
    ["compensação", "mês", "ano", "média", "dia", "semana", "total", "parcela", "parcelas", "etapa", "parte",
     "partes", "início", "fim", "meio", "período", "prazo", "forma", "conta", "recurso", "dinheiro"]
)  # fmt: skip
_QUANTIFIERS = frozenset(["cada", "todo", "toda", "todos", "todas", "qualquer", "vários", "várias", "muitos", "muitas"])
_PER_UNIT = frozenset(["habitante", "unidade", "quilo", "hora", "pessoa"])  # `R$ 1,80 por habitante`
_TIME_WORDS = frozenset(["ano", "anos", "mês", "meses", "dia", "dias", "semana", "semanas", "semestre"])
_GIVING = frozenset(["transfer", "investment", "budget"])
_OF = frozenset(["de", "da", "do", "das", "dos"])
_NOT_PARTIES = tuple(fold(w).lower() for w in words.NOT_PARTIES)
_NOT_PARTY_CHARS = max(map(len, _NOT_PARTIES))


def _not_party(name: str) -> bool:
    """A gazette and the like (`NOT_PARTIES`); only the name's first letters are folded (every
    entity of every document with money is asked)."""
    return fold(name[:_NOT_PARTY_CHARS]).lower().startswith(_NOT_PARTIES)


_LENT = frozenset(["debt", "investment"])
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
    money = [span for span in doc.ents if span.label_ == "MONEY"]
    if not money:
        return []  # nothing to tie: skip mapping every token to its entity
    to_original = to_original or (lambda s, e: (s, e))
    text = doc.text if text is None else text
    entity_of = _entity_index(doc, entities, to_original)
    # a gazette publishes, it neither pays nor receives (`Portaria publicada no Diário Oficial da União autoriza`)
    ignored = {i for i, e in enumerate(entities) if _not_party(e["canonical"])}
    if ignored:
        entity_of = [None if i in ignored else i for i in entity_of]
    ctx = _Context(doc, to_original, text, entities, entity_of, published_at, None)
    ctx.dateline = _dateline(ctx)
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
    # the words' offsets as plain lists: a Token object per word costs more than the lookup itself
    for idx, length in doc.to_array([IDX, LENGTH]).tolist():
        start, end = to_original(idx, idx + length)
        k = bisect_right(starts, start) - 1
        lowest = k - 2  # the three mentions starting at or before the token
        found = None
        while k >= 0 and k >= lowest:
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
    verb, noun, below = _action(span)
    after, after_prep = _noun_after(span)
    if verb is None and noun is None and after is None:
        return None
    verb_lemma = _lemma(verb) if verb is not None else None
    if verb_lemma in words.MENTION_VERBS:
        return None  # `o salário de R$ 1.412 foi citado`: only mentioned
    if verb_lemma in words.DIRECT_ONLY and below is not None and below not in span:
        return None  # `contratar entrevistadores com recursos de 2 milhões de reais`: not what is contracted
    embedded = span.root.dep_ == "nmod" and any(c.dep_ == "case" for c in span.root.children)
    if (
        embedded
        and below is not None
        and below.dep_ == "nsubj"
        and below is not noun
        and verb is not None
        and below.lemma_.lower() not in words.AMOUNT_NOUNS
    ):
        return None  # `as famílias, com renda de até R$ 2.640, pagarão …`: the amount describes the subject
    sent = span.sent
    window_end = min(following, sent.end)
    kind, subject_role = words.VERBS.get(verb_lemma, (None, None)) if verb is not None else (None, None)
    inner = next((c for c in verb.children if c.dep_ == "xcomp"), None) if verb_lemma in words.HEDGES else None
    if inner is not None and _lemma(inner) in words.VERBS:
        # `A primeira parcela, de R$ 11,4 milhões, deve ser depositada`: the verb after the modal acts
        verb, verb_lemma = inner, _lemma(inner)
        kind, subject_role = words.VERBS[verb_lemma]
    elif inner is not None:
        kind, subject_role = None, None  # `O contrato de R$ 300 milhões deve substituir …`: no debt
    with_share = noun is None and below is not None and _case(below) == "com"  # `ficou com a maior parte (R$ …)`
    if verb is not None and verb_lemma in words.RECEIVING_WITH and (_case(span.root) == "com" or with_share):
        kind, subject_role = "transfer", "recipient"  # `Janaúba e Salinas ficaram com R$ 2,1 milhões`
    if verb is not None and verb_lemma in words.IMPOSING and noun is None and _fine_before(span, verb):
        kind = "fine"  # `aplicou multa de R$ 38 mil ao ex-gestor`, the amount parsed on the verb
    after_acts = False
    if noun is None and after is not None:
        direct = (
            kind is not None
            and verb_lemma not in words.SUPPORT_VERBS
            and below is not None
            and below.dep_ in ("obj", "nsubj:pass", "nsubj")
        )
        if after_prep == "de" and not direct:
            noun, after_acts = after, True  # `entrou com R$ 250 mil de contrapartida`
        elif (
            kind is not None
            and words.NOUNS[after.lemma_.lower()] in words.OVERRIDING_NOUN_KINDS
            and (after_prep == "de" or verb_lemma in words.IMPOSING)
        ):
            kind = words.NOUNS[after.lemma_.lower()]  # `aplicou R$ 52 milhões em multas`: fines
    if verb is None and noun is None:
        return None
    noun_acts = noun is not None and (
        after_acts
        or kind is None
        or verb_lemma in words.SUPPORT_VERBS
        or (below is not None and below.dep_ not in ("obj", "nsubj:pass", "nsubj", "conj"))
    )
    if noun_acts and _word_before(span) == "até":
        return None  # `com receita bruta de até R$ 360 mil`, `salários de até R$ 4.500`: a limit
    if noun_acts:
        # `O investimento é de R$ 12,8 milhões`, `prevê repasses de R$ 1,5 milhão`, `aponta déficit de`,
        # `pagos …, com custo mensal de R$ 412 mil`
        action_token = noun
        kind, subject_role = words.NOUNS[noun.lemma_.lower()], None
    elif kind is not None:
        action_token = verb
        if noun is not None and words.NOUNS[noun.lemma_.lower()] in words.OVERRIDING_NOUN_KINDS:
            kind = words.NOUNS[noun.lemma_.lower()]  # `pagou a multa de R$ 500`: a fine
    else:
        return None

    payer = recipient = purpose = None
    agreement = action_token is noun and noun.lemma_.lower() in words.AGREEMENTS
    paid = action_token is verb and verb_lemma in words.PAYING and not _passive(verb)
    spending = action_token is verb and verb_lemma in words.SPENDING  # `gastou 420 mil euros em reparações`
    deposited = action_token is verb and verb_lemma in words.DEPOSITING  # `depositou R$ 41 milhões no Fundo`
    raised = action_token is verb and verb_lemma in words.RAISING  # `capta R$ 7,5 milhões na Finep`
    flags = {"agreement": agreement, "paid": paid, "spending": spending, "deposited": deposited, "raised": raised}
    tail = _tail(ctx, span, window_end, kind, **flags)
    recipient, purpose, place_in, source, source_adjacent = tail
    if verb_lemma in words.SECURING and source is not None and action_token is verb:
        subject_role = "recipient"  # `A Câmara de Évora garantiu 2,8 milhões de euros do Alentejo 2030`
    if kind == "cut" and recipient is None and source is not None:
        # `cortou R$ 12 milhões do orçamento do hospital`: whose money is cut is the one it was for
        recipient, source = source, None
    if recipient is None:
        recipient = _beneficiaries(ctx, span, sent.end)
    if action_token is verb:
        # in the passive (`foram repassados R$ 2 milhões … pelo governo`) the agent is the subject's part
        subject = _agent(ctx, verb) if _passive(verb) else _subject(ctx, verb)
        if subject is None and not _passive(verb):
            subject = _headline_subject(ctx, verb)
        if subject is None and verb.i == span.end and span.root.head != verb and span.root.head.pos_ in ("VERB", "AUX"):
            # a participle after the amount: the governing verb's subject receives or is affected
            # (`a cidade soma R$ 7,8 milhões recebidos`, `a UFPI teve R$ 9 milhões bloqueados pelo MEC`)
            affected = _subject(ctx, span.root.head)
            if subject_role == "payer":
                subject = _agent(ctx, verb)
                recipient = recipient if recipient is not None else affected
            else:
                subject = affected
        gapped = _gapped_party(ctx, span)
        item = _list_item_party(ctx, span) if gapped is None else None
        if gapped is not None:
            # `Janaúba receberá R$ 820 mil e Pirapora, R$ 760 mil`: the name stands for the verb's subject
            if subject_role == "recipient":
                subject = gapped
            else:
                recipient = recipient if recipient is not None else gapped
        if item is not None:
            # `A autarquia dividiu os recursos: Quixadá (R$ 4,2 milhões), …`: the item's name
            # receives, whoever shares the money out gives it
            recipient = recipient if recipient is not None else item
            subject_role = "payer" if subject is not None and subject["entity"] != item["entity"] else subject_role
        if subject_role == "payer" and verb_lemma in words.SECURING and recipient is None and _secures(ctx, subject):
            subject_role = "recipient"  # `O Consórcio de Saúde do Cariri garantiu R$ 4,8 milhões para ampliar`
        if subject_role == "payer":
            payer = subject
        elif subject_role == "recipient":
            if verb_lemma in words.BUYER_AFTER_TO:
                payer = recipient  # `vender até R$ 15 mil ao PAA`: the one after `a` buys
                recipient = subject
            else:
                # `O Governo da Paraíba recebeu R$ 24 milhões … para ações no Curimataú`: who receives
                # is the subject; a place in the purpose is where the money goes
                recipient = subject if subject is not None else recipient
                # `obteve do BNDES um crédito de R$ 85 milhões`, `os R$ 7,2 milhões que a Sesa prometeu`
                payer = source or _source_before(ctx, verb, span) or _relative_payer(ctx, span)
        if recipient is None:
            recipient = _recipient_before(ctx, verb, span, relative=verb.i > span.end)
        if verb_lemma in words.ENDOWING:
            # `seis municípios do Cariri são contemplados com R$ 10,8 milhões`
            endowed = _passive_subject(ctx, verb) if _passive(verb) else _object_party(ctx, verb, span, noun)
            if endowed is None and _passive(verb):
                endowed = _name_before(ctx, verb)  # `Além dos clubes da capital, a ASA será beneficiada`
            recipient = recipient if recipient is not None else endowed
        if kind == "fine" and verb_lemma in words.IMPOSING and _passive(verb):
            # `a concessionária foi multada em R$ 1,6 milhão pelo Procon`: the one fined pays
            payer, recipient = _passive_subject(ctx, verb), subject
        elif kind == "fine" and verb_lemma in words.IMPOSING:
            # `o Procon multou a operadora em R$ 7,4 milhões`: the subject receives, the one fined pays
            payer = _object_party(ctx, verb, span, noun) or (recipient if recipient is not subject else None)
            recipient = subject
        elif verb_lemma in words.PAYER_AFTER_TO:
            payer, recipient = recipient, None  # `custou R$ 84 milhões ao Estado`
        elif verb_lemma in words.APPROVING and noun is not None and words.NOUNS[noun.lemma_.lower()] in _LENT:
            payer = source if source_adjacent else subject  # `o BID aprovou empréstimo de US$ 150 milhões`
        elif verb_lemma in words.APPROVING and noun is None and subject is not None and _funds(ctx, subject):
            payer = subject  # `Fundo Amazônia aprova R$ 45 milhões para bombeiros`: a funder approves what it pays
        if payer is None and source is not None and source_adjacent and subject_role != "recipient":
            payer = source  # `sendo R$ 4,2 milhões da Funasa`, `aprova R$ 60 milhões do FNE`
    else:
        payer = source if source_adjacent else None
        if recipient is None:
            # `a complementação … a municípios do Maranhão caiu de`, `que para Sobral soma R$ 11,2 milhões`
            recipient = _noun_recipient(ctx, noun, span) or (_recipient_before(ctx, verb, span) if verb else None)
        if recipient is None and noun.lemma_.lower() in words.COLLECTING:
            recipient = _collector(ctx, noun, span)  # `a arrecadação do ICMS em Goiás somou R$ 2,1 bilhões`
        if recipient is None and kind == "debt":
            recipient = _creditor(ctx, noun)  # `a dívida dos municípios com o INSS chegou a R$ 248 bilhões`
        if payer is None and kind in _GIVING | {"debt"}:
            payer = _noun_payer(ctx, noun, span)  # `a contrapartida do município será de US$ 37,5 milhões`
        if noun.lemma_.lower() in words.LOANS and (lender := _lender(ctx, noun, verb)) is not None:
            # `a Caema assinou contrato de financiamento de R$ 1,2 bilhão com o BNDES`: the bank lends,
            # the one that signs or negotiates borrows
            borrower = _subject(ctx, verb) if verb is not None else None
            payer = lender
            if borrower is not None and borrower["entity"] != lender["entity"]:
                recipient = borrower
            elif recipient is not None and recipient["entity"] == lender["entity"]:
                recipient = None
        signed = kind in _LENT or kind == "transfer"  # not a budget: `a universidade tinha orçamento de`
        entitled = noun.lemma_.lower() == "direito" and verb_lemma in words.SUPPORT_VERBS
        if entitled and recipient is None:
            recipient = _subject(ctx, verb)  # `O Pará terá direito a R$ 162 milhões`
        elif payer is None and verb_lemma in words.SUPPORT_VERBS and signed and not _is_subject(below):
            payer = _subject(ctx, verb)  # `A Sudam assinou convênio de R$ 45 milhões`
        if agreement and recipient is not None and _funds(ctx, recipient) and not (payer and _funds(ctx, payer)):
            payer, recipient = recipient, payer  # `contrato de R$ 1,6 milhão com a Secretaria de Educação`
    if payer is None and action_token is verb and verb_lemma in words.COMING:
        payer = _coming_from(ctx, verb)  # `R$ 2 milhões vêm do Ministério da Saúde`
    if payer is None and kind in _GIVING:
        # `a Paraíba recebeu R$ 412 milhões nessa modalidade, repassados pelo FNDE`
        payer = _participle_agent(ctx, span, sent.end)
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
            "lemma": _lemma(action_token),
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


def _action(span: Span) -> tuple[Token | None, Token | None, Token | None]:
    """The verb that governs the amount, the action noun on the way to it (`repasses de R$`), and
    the verb's child on that way (how the noun hangs on the verb). (None, None, None) where a noun
    that is no action stands between (`com valores entre R$ 100 mil e R$ 200 mil`)."""
    noun = None
    root = span.root
    # `O investimento é de R$ 12,8 milhões`: the amount is the predicate, its subject the action
    if any(c.dep_ == "cop" for c in root.children):
        for child in root.children:
            if child.dep_.startswith("nsubj") and child.lemma_.lower() in words.NOUNS:
                return None, child, None
    if root.head.ent_type_ == "MONEY" and root.head not in span:
        # `financiamento de US$ 5 milhões … e contrapartida estadual de R$ 750 mil` parsed with the
        # second amount on the first: the noun right before it is its action
        before = _noun_before(span)
        if before is not None:
            return None, before, None
        whole = _amount_at(root.head)
        if whole is not None and any(c.lower_ == "sendo" for c in root.children) and whole.root.head == whole.root:
            # `O investimento total é de R$ 12,8 milhões, sendo R$ 9,35 milhões da Funasa`: a part
            # takes the action of the whole
            verb, noun, _ = _action(whole)
            return verb, noun, None
    relative = _relative_verb(span)
    if relative is not None:
        return relative, None, None  # `os R$ 900 mil que o Estado transferiu ao município`
    if root.dep_ == "nmod" and any(c.dep_ == "case" for c in root.children):
        # `recebeu R$ 41 milhões dos R$ 68 milhões previstos para custeio`: the participle acts
        participle = _participle_after(span)
        if participle is not None and _lemma(participle) not in words.PURPOSE_PARTICIPLES | words.FUNDING_PARTICIPLES:
            return participle, None, None
    token, below = root, root
    share = None
    for _ in range(_MAX_PATH):
        if token.head == token:
            break
        below, token = token, token.head
        if token in span:
            continue
        lemma = _lemma(token)
        if token.pos_ in ("VERB", "AUX") or lemma in words.VERBS:
            if lemma in words.NEGATING_VERBS:
                continue
            if share is not None and noun is None and lemma not in words.VERBS and lemma not in words.RECEIVING_WITH:
                return None, share, below  # `a primeira parcela, de R$ 410 mil, vence em 2027`
            if noun is None and lemma not in words.VERBS:
                # `Encontramos R$ 87,4 milhões aplicados em fundos`: the participle after the amount acts
                participle = _participle_after(span)
                if participle is not None:
                    return participle, None, None
            if noun is None and lemma in words.SUPPORT_VERBS:
                # `o investimento federal chega a R$ 18 milhões`: the verb's subject is the action;
                # `o cofinanciamento, que caiu de R$ 1,1 bilhão`: the noun the clause hangs on
                for child in token.children:
                    if child.dep_.startswith("nsubj"):
                        subject = token.head if child.lower_ == "que" and token.dep_ == "acl:relcl" else child
                        if subject.lower_ == "que":
                            subject = _noun_left_of(subject)  # the relative clause parsed as another clause
                        if subject is not None and subject.lemma_.lower() in words.NOUNS:
                            return token, subject, child
                    # `prevê repasses de R$ 1,5 milhão` parsed with the amount on the verb
                    if child.dep_ == "obj" and child.lemma_.lower() in words.NOUNS and 0 < span.start - child.i <= 3:
                        return token, child, child
            return token, noun, below
        if token.pos_ in ("NOUN", "PROPN") and noun is None:
            if lemma in words.SHARES and share is None:
                share = token  # `ficou com a menor das três parcelas (R$ 4,3 milhões)`: the verb acts
            elif lemma in words.NOUNS:
                noun = token
            elif lemma in words.NOT_ACTIONS and _case(token) not in words.INTRODUCED_BY.get(lemma, ()):
                return None, None, None
    if noun is None and share is not None:
        return None, share, below
    if noun is None:
        # `Os recursos serão distribuídos assim: R$ 1 milhão para Picos, …`; a headline the parse
        # breaks (`Caixa contrata R$ 48 milhões para …`)
        fallback = _verb_before_colon(span) or _verb_before(span)
        if fallback is not None:
            return fallback, None, None
    return None, noun, below


def _relative_verb(span: Span) -> Token | None:
    """The money verb of a relative clause whose object is the amount (`os R$ 900 mil que o
    Estado transferiu`), parsed as a relative clause or, as the model often does, as a clause
    of its own that `que` opens."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ != "que":
        return None
    verb = doc[span.end].head
    if verb.i <= span.end or _lemma(verb) not in words.VERBS or verb.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ == "obj" and c.lower_ != "que" for c in verb.children):
        return None  # `R$ 5 milhões que a prefeitura usou a verba`: the verb has its own object
    return verb


def _verb_before_colon(span: Span) -> Token | None:
    """The money verb of the clause that a list after a colon hangs on (`distribuídos assim: R$ 1
    milhão para Picos, R$ 800 mil para Oeiras`); bullets (`- R$ 18 milhões para …`) included."""
    doc = span.doc
    colon = None
    for k in range(span.start - 1, max(span.start - 80, 0) - 1, -1):
        if doc[k].text == ":":
            colon = k
            break
        if doc[k].text in ".!?":
            return None
    if colon is None:
        return None
    for k in range(colon - 1, max(colon - 25, 0) - 1, -1):
        tok = doc[k]
        if tok.text in ".;!?":
            break
        if tok.pos_ in ("VERB", "AUX", "ADJ") and _lemma(tok) in words.VERBS:
            return tok
    return None


def _verb_before(span: Span) -> Token | None:
    """A money verb right before the amount, skipping a preposition or an adverb (`apoia com`)."""
    doc = span.doc
    for k in range(span.start - 1, max(span.start - 3, span.sent.start) - 1, -1):
        tok = doc[k]
        if tok.pos_ in ("ADP", "DET", "ADV"):
            continue
        if tok.pos_ in ("VERB", "AUX", "ADJ") and _lemma(tok) in words.VERBS:
            return tok
        return None
    return None


def _source_before(ctx: _Context, verb: Token, span: Span) -> dict | None:
    """A `de` oblique of the verb between it and the amount (`deve receber da prefeitura R$ 4 milhões`)."""
    for child in verb.children:
        if child.dep_ in ("obl", "obj", "iobj") and verb.i < child.i < span.start:  # `obteve do BNDES`: obj
            cases = [c.lower_ for c in child.children if c.dep_ == "case"]
            if cases and cases[0] in words.FROM and cases[0] not in ("pela", "pelo", "pelas", "pelos"):
                return _party(ctx, _phrase(child), "preposition")
    return None


def _relative_payer(ctx: _Context, span: Span) -> dict | None:
    """The subject of a relative clause on the amount (`os R$ 7,2 milhões que a Sesa prometeu`)."""
    for clause in (c for t in span for c in t.children):
        if clause.dep_ == "acl:relcl" and clause.lemma_.lower() in words.PROMISING:
            for child in clause.children:
                if child.dep_ == "nsubj" and child.lower_ != "que":
                    return _party(ctx, _phrase(child), "subject")
    return None


def _list_item_party(ctx: _Context, span: Span) -> dict | None:
    """The name an item of a list opens with: `Quixadá (R$ 4,2 milhões)`, `- Apae de Três Corações:
    R$ 500 mil para …`."""
    doc, k = ctx.doc, span.start - 1
    if k < 1:
        return None
    if doc[k].text == "(" and _is_party(ctx, doc[k - 1]):
        return _entity_ref(ctx, doc[k - 1], "list")
    if doc[k].text != ":":
        return None
    j = k - 1
    while j >= 0 and k - j <= 12 and "\n" not in doc[j].text and doc[j].text not in _ITEM_MARKS:
        j -= 1
    if (j >= 0 and k - j > 12) or j + 1 == k:
        return None  # no item: a clause before the colon (`distribuídos assim:`)
    return _party(ctx, list(doc[j + 1 : k]), "list")


_ITEM_MARKS = frozenset(["-", "–", "•", "*", ";", "."])


def _gapped_party(ctx: _Context, span: Span) -> dict | None:
    """A name and a comma before the amount, the verb left out (`João Pessoa fica com R$ 6,1 milhões
    e Campina Grande, com R$ 4,3 milhões`; `Ceará, R$ 118 milhões; Bahia, R$ 97 milhões`)."""
    doc, k = ctx.doc, span.start - 1
    if k >= 0 and doc[k].lower_ == "com":
        k -= 1
    if k < 1 or doc[k].text != ",":
        return None
    last = k - 1
    if doc[last].text == ")":  # `e o Clube de Regatas Brasil (CRB), com R$ 180 mil`: the name before its acronym
        opening = next((j for j in range(last - 1, max(last - 4, 0), -1) if doc[j].text == "("), None)
        last = opening - 1 if opening is not None else last
    if not _is_party(ctx, doc[last]):
        return None
    first = last
    while first > 0 and ctx.entity_of[first - 1] == ctx.entity_of[last]:
        first -= 1
    if first > 1 and doc[first - 1].lower_ in ("o", "a", "os", "as"):
        first -= 1  # `e o Murici Futebol Clube, com R$ 180 mil`
    before = doc[first - 1] if first > 0 else None
    if before is not None and before.lower_ not in _GAP_OPENERS and "\n" not in before.text:
        return None  # `Em Picos, R$ 2 milhões …`: a place the clause is about, no gapped subject
    return _entity_ref(ctx, doc[last], "list")


_GAP_OPENERS = frozenset([",", ";", ":", "e"])


def _is_subject(token: Token | None) -> bool:
    return token is not None and token.dep_.startswith("nsubj")


def _noun_left_of(que: Token) -> Token | None:
    """The action noun a relative `que` stands for (`o cofinanciamento federal do SUAS, que caiu`)."""
    for k in range(que.i - 1, max(que.i - 7, que.sent.start) - 1, -1):
        tok = que.doc[k]
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in words.NOUNS:
            return tok
    return None


def _amount_at(token: Token) -> Span | None:
    for ent in token.doc.ents:
        if ent.label_ == "MONEY" and ent.start <= token.i < ent.end:
            return ent
    return None


def _word_before(span: Span) -> str | None:
    """The word right before the amount, lower case."""
    return span.doc[span.start - 1].lower_ if span.start > 0 else None


def _noun_before(span: Span) -> Token | None:
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ != "de":
        return None
    for k in range(span.start - 2, max(span.start - 5, 0) - 1, -1):
        tok = doc[k]
        if tok.pos_ == "ADJ":
            continue
        return tok if tok.pos_ == "NOUN" and tok.lemma_.lower() in words.NOUNS else None
    return None


def _noun_after(span: Span) -> tuple[Token | None, str | None]:
    """An action noun right after the amount (`R$ 250 mil de contrapartida`, `R$ 52 milhões em
    multas`) and its preposition."""
    doc = span.doc
    k = span.end
    if k + 1 < len(doc) and doc[k].lower_ in ("de", "em"):
        j = k + 1
        while j < len(doc) and doc[j].pos_ == "DET":
            j += 1
        if j < len(doc) and doc[j].pos_ == "NOUN" and doc[j].lemma_.lower() in words.NOUNS:
            return doc[j], doc[k].lower_
    return None, None


def _case(token: Token) -> str | None:
    cases = [c.lower_ for c in token.children if c.dep_ == "case"]
    return cases[0] if cases else None


def _lemma(token: Token) -> str:
    """The lemma, with a participle the lemmatiser kept as an adjective read as its verb (`orçado`)."""
    lemma = token.lemma_.lower()
    if token.lower_ in words.FORMS:
        return words.FORMS[token.lower_]
    if token.pos_ not in ("ADJ", "VERB"):
        return lemma
    if lemma == token.lower_ and lemma not in words.VERBS:
        # a headline's present tense the lemmatiser left as it is (`empresta`, `bloqueia`, `transfere`)
        for guess in _infinitives(lemma):
            if guess in words.VERBS:
                return guess
    return words.PARTICIPLES.get(token.lower_, lemma)


def _infinitives(form: str) -> list[str]:
    """Infinitives a present-tense form may belong to: `empresta` -> `emprestar`, `transfere` ->
    `transferir`, `bloqueia` -> `bloquear`, `liberam` -> `liberar`."""
    out = [form + "r", form[:-1] + "er", form[:-1] + "ir"]
    if form.endswith("eia"):
        out.append(form[:-3] + "ear")
    if form.endswith(("am", "em")):
        out += [form[:-2] + "ar", form[:-2] + "er", form[:-2] + "ir"]
    return out


def _participle_after(span: Span) -> Token | None:
    doc = span.doc
    if span.end < len(doc):
        tok = doc[span.end]
        if _lemma(tok) in words.VERBS and "Part" in tok.morph.get("VerbForm"):
            return tok
    return None


def _depth(span: Span, verb: Token) -> int:
    token, n = span.root, 0
    while token != verb and token.head != token and n < 10:
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
    """The first entity that may pay or receive among `tokens`, or what an anaphor stands for; none
    where the phrase lists several places (`as cidades-sede (Dourados, Três Lagoas e Corumbá)`)."""
    head = next((t for t in tokens if t.pos_ != "DET"), None)
    if head is not None and head.pos_ == "NOUN" and how == "object":
        for child in head.children:  # `multou o ex-prefeito de Itaporanga, Gilvan Rocha Medeiros`: the person
            if child.dep_ == "appos" and _is_party(ctx, child) and _label(ctx, child) == "PER":
                return _entity_ref(ctx, child, how)
    if head is not None and _is_party(ctx, head):
        return _entity_ref(ctx, head, how)  # `O Hospital Regional do Sertão, em Serra Talhada (PE), recebeu`
    places = {ctx.entity_of[t.i] for t in tokens if _is_party(ctx, t)}
    if len(places) > 2:
        return None
    for tok in tokens:
        i = ctx.entity_of[tok.i]
        if i is not None and ctx.entities[i]["label"] in words.PARTY_LABELS:
            return _entity_ref(ctx, tok, how)
    for tok in tokens:
        if tok.pos_ in ("NOUN", "PROPN"):
            if "Plur" in tok.morph.get("Number") or any(c.lower_ in _QUANTIFIERS for c in tok.children):
                return None  # `cada município`, `os municípios`: none of them in particular
            return _anaphor(ctx, tok)
    return None


def _entity_ref(ctx: _Context, tok: Token, how: str) -> dict | None:
    """The entity at `tok`; one whose name is only an anaphor word (`o Estado` tagged as an entity
    named `Estado`) stands for the entity it refers to."""
    name = fold(ctx.entities[ctx.entity_of[tok.i]]["canonical"]).lower()
    if name in _ANAPHOR_WORDS:
        return _anaphor(ctx, tok)
    return _ref(ctx, tok, how)


_ANAPHOR_WORDS = frozenset(fold(w).lower() for w in words.ANAPHORS)


def _folded_needs(needed):
    """An anaphor's alternatives with their words folded once, not at every entity compared."""
    if isinstance(needed, tuple):  # word tuples, or COMPANY / NOT_GOVERNMENT among them
        return tuple(alt if isinstance(alt, str) else tuple(fold(w).lower() for w in alt) for alt in needed)
    return needed


_ANAPHOR_RULES = {noun: (labels, _folded_needs(needed)) for noun, (labels, needed) in words.ANAPHORS.items()}
# a hurried hand's `o municipio`, `a camara` (the spelling step leaves some lost accents)
_ANAPHOR_RULES.update({fold(noun): rule for noun, rule in _ANAPHOR_RULES.items() if fold(noun) not in _ANAPHOR_RULES})


def _label(ctx: _Context, tok: Token) -> str | None:
    i = ctx.entity_of[tok.i]
    return None if i is None else ctx.entities[i]["label"]


def _coming_from(ctx: _Context, verb: Token) -> dict | None:
    """The party of a verb's `de` phrase (`vêm do Ministério da Saúde`, `saem do Fundo`)."""
    for child in verb.children:
        if child.dep_ in ("obl", "obj") and _case(child) in _OF and _is_party(ctx, child):
            return _entity_ref(ctx, child, "preposition")
    return None


def _is_party(ctx: _Context, tok: Token) -> bool:
    i = ctx.entity_of[tok.i]
    return i is not None and ctx.entities[i]["label"] in words.PARTY_LABELS


def _anaphor(ctx: _Context, tok: Token) -> dict | None:
    """`a prefeitura` after `Prefeitura de Maceió`: the nearest entity before it that fits."""
    rule = _ANAPHOR_RULES.get(tok.lemma_.lower()) or _ANAPHOR_RULES.get(tok.lower_)
    if rule is None:
        return None
    if tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].lower_ in words.NOT_ANAPHOR_AFTER:
        return None  # `o governo federal`: not the state named before
    labels, needed = rule
    start, _ = ctx.to_original(tok.idx, tok.idx + len(tok))
    sent_start, _ = ctx.to_original(tok.sent.start_char, tok.sent.start_char + 1)
    best, best_at = None, -1
    for alternative in needed if isinstance(needed, tuple) else (needed,):
        for i, ent in enumerate(ctx.entities):
            if ent["label"] not in labels or not _fits(ctx, ent, alternative):
                continue
            before = [m["start"] for m in ent["mentions"] if m["start"] < start]
            if labels == {"LOC"} and ent["attributes"].get("kind") not in ("municipality", "city"):
                # a place no gazetteer knew counts after `em` in the same sentence (`Em Goiânia (GO), … a capital`)
                before = [b for b in before if b >= sent_start and _after_em(ctx, b)]
            if before and max(before) > best_at:
                best, best_at = i, max(before)
        if best is not None:
            break  # `a autarquia`: a câmara named before, else a federal agency
    if labels == {"LOC"}:
        # `o município` where the municipality is only named in its body (`Prefeitura de Parnamirim`)
        for i, ent in enumerate(ctx.entities):
            name = fold(ent["canonical"]).lower()
            if ent["label"] == "ORG" and name.startswith(_MUNICIPAL_ORGS):
                before = [m["start"] for m in ent["mentions"] if m["start"] < start]
                if before and max(before) > best_at:
                    best, best_at = i, max(before)
    if best is None and labels != {"LOC"} and tok.lemma_.lower() in words.MUNICIPAL_BODIES:
        return _anaphor_place(ctx, start, sent_start)  # `a prefeitura` in `Em Bacabal (MA), … a prefeitura`
    return {"entity": best, "via": "anaphor"} if best is not None else None


_MUNICIPAL_ORGS = tuple(fold(w).lower() + " " for w in words.MUNICIPAL_ORG_PREFIXES)
_GOVERNMENT = tuple(fold(w).lower() for w in words.GOVERNMENT_BODIES)


def _fits(ctx: _Context, ent: dict, needed: tuple[str, ...] | str | None) -> bool:
    """Does the entity fit what an anaphor needs (`ANAPHORS`): a word of its name (of a person's
    roles), or a company?"""
    if needed is None:
        return True
    if needed == words.COMPANY:
        return _company(ctx, ent)
    if needed == words.NOT_GOVERNMENT:
        return not fold(ent["canonical"]).lower().startswith(_GOVERNMENT)
    if ent["label"] == "PER":
        name = fold(" ".join(ent["attributes"].get("roles", []))).lower()
    else:
        name = fold(ent["canonical"]).lower()
    return any(w in name for w in needed)  # `needed` folded already (`_ANAPHOR_RULES`)


_SECURING_FOR_ITSELF = tuple(fold(w) for w in words.SECURING_FOR_ITSELF)


def _secures(ctx: _Context, party: dict | None) -> bool:
    """Is a subject that `garante` money one that secures it for itself (`SECURING_FOR_ITSELF`)?"""
    if party is None or party.get("entity") is None:
        return False
    ent = ctx.entities[party["entity"]]
    return ent["label"] == "LOC" or fold(ent["canonical"]).lower().startswith(_SECURING_FOR_ITSELF)


_LENDER_WORDS = tuple(fold(w).lower() for w in words.LENDERS)


_FUNDER_WORDS = _LENDER_WORDS + tuple(fold(w).lower() for w in words.FUNDERS)


def _funds(ctx: _Context, ref: dict) -> bool:
    """Is the party a body that funds (a ministry, a secretariat, a government, a fund, a bank)? Not
    a state's name: `com municípios do Oeste do Paraná` names the state inside the party."""
    ent = ctx.entities[ref["entity"]]
    names = (ent["canonical"], ent["attributes"].get("acronym") or "")  # `Finep`: the lenders' table has it
    return ent["label"] == "ORG" and any(fold(name).lower().startswith(_FUNDER_WORDS) for name in names)


def _lender(ctx: _Context, noun: Token, verb: Token | None) -> dict | None:
    """A bank that a loan is made `com` (`negocia com a Caixa um empréstimo`, `contrato de
    financiamento … com o BNDES`): the `com` phrase of the loan, of what it specifies, or of the verb."""
    hosts = {noun.i, noun.head.i} | ({verb.i} if verb is not None else set())
    for tok in noun.sent:
        if tok.lower_ != "com" or tok.dep_ != "case" or tok.head.head.i not in hosts or not _is_party(ctx, tok.head):
            continue
        ref = _entity_ref(ctx, tok.head, "preposition")
        if ref is not None:
            ent = ctx.entities[ref["entity"]]
            names = [fold(ent["canonical"]).lower(), fold(ent["attributes"].get("acronym", "")).lower()]
            if any(name.startswith(_LENDER_WORDS) for name in names if name):
                return ref
    return None


def _company(ctx: _Context, ent: dict) -> bool:
    """A company: its name holds a company's word (`Itaipu Binacional`), or the text introduces it
    with one (`a construtora Solar Prime`)."""
    if not words.COMPANY_NAME_WORDS.isdisjoint(ent["canonical"].lower().split()):
        return True
    for m in ent["mentions"]:
        before = ctx.text[max(0, m["start"] - 20) : m["start"]].split()
        if before and before[-1].lower() in words.COMPANY_CUES:
            return True
    return False


def _after_em(ctx: _Context, start: int) -> bool:
    """Does a place's mention at `start` follow `em` (`Em Timon, …`), not `de` (`secretário de Saúde`)?"""
    return ctx.text[max(0, start - 3) : start].lower() == "em "


def _anaphor_place(ctx: _Context, start: int, sent_start: int) -> dict | None:
    best, best_at = None, -1
    for i, ent in enumerate(ctx.entities):
        if ent["label"] != "LOC":
            continue
        before = [m["start"] for m in ent["mentions"] if m["start"] < start]
        if ent["attributes"].get("kind") not in ("municipality", "city"):
            # a place no gazetteer knew, after `em` in the same sentence (`Em Timon, a prefeitura deixou de receber`)
            before = [b for b in before if b >= sent_start and _after_em(ctx, b)]
        if before and max(before) > best_at:
            best, best_at = i, max(before)
    return {"entity": best, "via": "anaphor"} if best is not None else None


def _subject(ctx: _Context, verb: Token) -> dict | None:
    token = verb
    for _ in range(3):  # `vai repassar`, `deve receber`, `deixou de receber`: the subject may sit higher
        for child in token.children:
            if child.dep_ in ("nsubj",):
                if child.lower_ == "que" and token.dep_ == "acl:relcl":
                    child = token.head  # `o BID, que aprovou empréstimo de US$ 5 milhões`
                    found = _party(ctx, [t for t in _phrase(child) if t.i < token.i], "subject")
                    if found is None and child.dep_ == "appos" and child.pos_ == "NOUN":
                        # `o Instituto de Saúde e Gestão Hospitalar (ISGH), organização social que recebe`
                        found = _party(ctx, [t for t in _phrase(child.head) if t.i < child.i], "subject")
                    return found
                if child.lower_ == "que":
                    return _antecedent(ctx, child)  # the relative clause parsed as another clause
                if child.pos_ == "NOUN" and child.lemma_.lower() in words.PEOPLE_NOUNS:
                    return None  # `estudantes … de Roraima recebem`: people, not Roraima
                return _party(ctx, _phrase(child), "subject")
        if token.dep_ in ("xcomp", "advcl") and token.head.lemma_.lower() in words.OBJECT_CONTROL:
            # `condenou a Prefeitura de Ipatinga a pagar R$ 80 mil`: who pays is the object, not the court
            # (`o município foi condenado a pagar`: the passive's subject)
            obj = next((c for c in token.head.children if c.dep_ in ("obj", "nsubj:pass")), None)
            if obj is None:
                return None
            if _is_party(ctx, obj):
                return _entity_ref(ctx, obj, "subject")
            return _anaphor(ctx, obj)  # `o município`; `ex-prefeito de Apodi` is no party (not Apodi)
        if token.dep_ in ("xcomp", "ccomp") or token.head.lemma_.lower() in words.HEDGES | words.NEGATING_VERBS:
            token = token.head
        elif token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"):
            token = token.head  # `O Saae arrecada … e prevê investir R$ 95 milhões`: the subject is shared
        elif token.dep_ == "parataxis" and any(t.text == ":" for t in ctx.doc[token.head.i : token.i]):
            token = token.head  # `O município de Quixadá foi o mais beneficiado: vai receber R$ 3,1 milhões`
        else:
            break
    return None


def _passive_subject(ctx: _Context, verb: Token) -> dict | None:
    for child in verb.children:
        if child.dep_ == "nsubj:pass":
            if child.pos_ == "NOUN" and child.lemma_.lower() in words.PEOPLE_NOUNS:
                return None
            return _party(ctx, _phrase(child), "subject")
    return None


def _headline_subject(ctx: _Context, verb: Token) -> dict | None:
    """`Caixa contrata R$ 48 milhões …`: in a headline the parse breaks, the name right before the
    verb at the start of the sentence."""
    k = _before_auxiliaries(ctx, verb)  # `Piauí vai receber R$ 22 milhões`
    if k < 0 or verb.i - verb.sent.start > 8 or not _is_party(ctx, ctx.doc[k]):
        return None
    first = ctx.doc[verb.sent.start]
    while first.i < k and (first.pos_ in ("DET", "PUNCT", "SYM") or first.is_space or first.text == "#"):
        first = ctx.doc[first.i + 1]  # `# Governo de Sergipe anuncia …` in Markdown
    opening = ctx.doc[first.i : k + 1]
    body_opening = len(opening) <= 4 and all(t.pos_ in ("NOUN", "PROPN", "ADP") for t in opening)
    if ctx.entity_of[first.i] != ctx.entity_of[k] and not (body_opening and first.lower_ in words.ANAPHORS):
        return None  # the name must open the sentence (or `Governo de Sergipe`, `Prefeitura de Caruaru`)
    return _entity_ref(ctx, ctx.doc[k], "subject")


def _before_auxiliaries(ctx: _Context, verb: Token) -> int:
    """The index of the word before a verb and the auxiliaries before it, within its sentence."""
    k = verb.i - 1
    while k > verb.sent.start and ctx.doc[k].pos_ == "AUX":
        k -= 1
    return k


def _name_before(ctx: _Context, verb: Token) -> dict | None:
    """The name right before a verb and its auxiliaries (`a Agremiação Sportiva Arapiraquense (ASA)
    será beneficiada`), where the parse gave the verb no subject."""
    k = _before_auxiliaries(ctx, verb)
    if ctx.doc[k].text == ")" and k - 2 >= verb.sent.start and ctx.doc[k - 2].text == "(":
        k -= 3  # an acronym in brackets after the name
    return _entity_ref(ctx, ctx.doc[k], "subject") if k >= verb.sent.start and _is_party(ctx, ctx.doc[k]) else None


def _antecedent(ctx: _Context, que: Token) -> dict | None:
    """What a relative `que` stands for: the party right before it (`A Codevasf, que investiu`)."""
    doc = ctx.doc
    for k in range(que.i - 1, max(que.i - 4, que.sent.start) - 1, -1):
        tok = doc[k]
        if tok.is_punct:
            continue
        if _is_party(ctx, tok):
            return _entity_ref(ctx, tok, "subject")
        return _party(ctx, [tok], "subject") if tok.pos_ == "NOUN" else None
    return None


def _fine_before(span: Span, verb: Token) -> bool:
    """Is the verb's object a fine noun right before the amount (`multa de`, `multa individual no
    valor de`)? The noun may hang elsewhere in the verb's clause: `aplicou ao ex-gestor multa de
    R$ 43,5 mil` is parsed with `multa` under `ex-gestor`."""
    doc = span.doc
    for k in range(span.start - 1, max(span.start - 7, -1), -1):
        noun = doc[k]
        if words.NOUNS.get(noun.lemma_.lower()) == "fine":
            near = span.start - k <= 2 or _introduces(doc[k + 1 : span.start])
            return near and (noun.head == verb or verb in noun.ancestors)
    return False


def _introduces(words_between: Span) -> bool:
    """Only adjectives and the words that introduce an amount (`individual no valor de`)?"""
    return all(t.pos_ == "ADJ" or t.lower_ in words.AMOUNT_INTRO_WORDS for t in words_between)


def _object_party(ctx: _Context, verb: Token, span: Span, noun: Token | None) -> dict | None:
    for child in verb.children:
        if child.dep_ == "obj" and child not in span and child != noun:
            return _party(ctx, _phrase(child), "object")
    return None


def _noun_recipient(ctx: _Context, noun: Token, span: Span) -> dict | None:
    """The `a`/`para` phrase of an action noun before the amount (`a complementação … a municípios do
    Maranhão`)."""
    for child in noun.children:
        if child.dep_ == "nmod" and child not in span and child.i < span.start and _case(child) in words.TO:
            body = [t for t in _phrase(child) if (t.pos_ != "DET" and t.dep_ != "case") or t == child]
            body = [t for t in body if t.i >= child.i]
            if body:
                return _named(ctx, body)
    return None


def _collector(ctx: _Context, noun: Token, span: Span) -> dict | None:
    """The place a collection is said to be in (`a arrecadação do ICMS em Goiás`)."""
    for tok in noun.subtree:
        if tok in span or not _is_party(ctx, tok) or _case(tok) not in words.IN | _OF:
            continue  # `em Goiás`; `a receita da Bahia com royalties`
        if ctx.entities[ctx.entity_of[tok.i]]["label"] in words.PLACE_LABELS:
            return _entity_ref(ctx, tok, "preposition")
    return None


def _creditor(ctx: _Context, noun: Token) -> dict | None:
    """The `com` phrase of a debt: whom it is owed to."""
    for child in noun.children:
        if any(c.dep_ == "case" and c.lower_ == "com" for c in child.children):
            return _party(ctx, _phrase(child), "preposition")
    return None


def _noun_payer(ctx: _Context, noun: Token, span: Span) -> dict | None:
    """The `de` phrase of a giving noun (`a contrapartida do município`, `o empréstimo da Caixa`)."""
    if noun.lemma_.lower() not in words.PAYER_OF:
        return None  # `a complementação do Fundeb`: the fund is complemented, it does not pay
    for child in noun.children:
        if child.dep_ == "nmod" and child not in span and child.i > noun.i and _case(child) in words.FROM:
            phrase = []
            for t in _phrase(child):
                if t.i > child.i and t.pos_ == "ADP" and t.lower_ in words.TO | words.IN:
                    break  # `a complementação da União ao Fundeb`: the payer ends where the recipient starts
                if t not in span:
                    phrase.append(t)
            return _party(ctx, phrase, "preposition")
    return None


def _beneficiaries(ctx: _Context, span: Span, end: int) -> dict | None:
    """`…, beneficiando 17 municípios do Sertão do Pajeú`: the place after the plural noun."""
    doc = ctx.doc
    for k in range(span.end, end):
        tok = doc[k]
        if _lemma(tok) in words.BENEFITING and "Ger" in tok.morph.get("VerbForm"):
            for j in range(k + 1, min(k + 5, end - 2)):
                if doc[j].pos_ == "NOUN" and "Plur" in doc[j].morph.get("Number"):
                    if doc[j + 1].lower_ in words.FROM and _is_party(ctx, doc[j + 2]):
                        named = {ctx.entity_of[t.i] for t in doc[j + 2 : end] if _is_party(ctx, t)}
                        if len(named) > 1:
                            return None  # `27 municípios do Agreste e do Sertão`: not one of them
                        return _entity_ref(ctx, doc[j + 2], "preposition")
                    return None
            return None
    return None


def _agent(ctx: _Context, verb: Token) -> dict | None:
    for child in verb.children:
        if child.dep_ == "obl:agent":
            return _party(ctx, _phrase(child), "agent")
    return None


def _participle_agent(ctx: _Context, span: Span, end: int) -> dict | None:
    """The agent of a giving verb's participle that follows the amount in its clause (`R$ 412
    milhões nessa modalidade, repassados pelo FNDE`); nothing past a finite verb or another amount."""
    for token in span.doc[span.end : min(span.end + _PARTICIPLE_REACH, end)]:
        if token.ent_type_ == "MONEY" or "Fin" in token.morph.get("VerbForm"):
            return None
        giving = words.VERBS.get(_lemma(token), (None, None))[1] == "payer"  # `pagos`: the lemmatiser's own
        if giving and token.pos_ == "VERB" and token.dep_ == "acl" and "Part" in token.morph.get("VerbForm"):
            return _agent(ctx, token)
    return None


_PARTICIPLE_REACH = 8


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("aux:pass", "nsubj:pass", "obl:agent") for c in verb.children)


def _phrase(token: Token) -> list[Token]:
    """A noun phrase's words, up to its first clause or parenthesis (`o governo do Tocantins`)."""
    return [t for t in token.subtree if not (t.dep_ in ("acl", "acl:relcl", "appos") and t != token)][:12]


def _recipient_before(ctx: _Context, verb: Token, span: Span, *, relative: bool = False) -> dict | None:
    """`repassou ao município R$ 2 milhões`: an oblique of the verb before the amount; or after the
    verb where the amount is its subject (`2,4 milhões de euros cabem ao município de Chaves`) or
    the object of its relative clause (`os R$ 900 mil que o Estado transferiu ao município`)."""
    subject = relative or span.root.dep_.startswith("nsubj") or span.root.head.dep_.startswith("nsubj")
    for child in verb.children:
        if child.dep_ in ("obl", "iobj", "obj") and (child.i < span.start or (subject and child.i > verb.i)):
            cases = [c.lower_ for c in child.children if c.dep_ == "case"]
            if cases and cases[0] in words.TO:
                party = _party(ctx, _phrase(child), "preposition")
                if party is not None:
                    return party
    return None


def _tail(
    ctx: _Context,
    span: Span,
    end: int,
    kind: str,
    *,
    agreement: bool = False,
    paid: bool = False,
    spending: bool = False,
    deposited: bool = False,
    raised: bool = False,
) -> tuple:
    """What the words right after the amount say: recipient (`para X`, `ao município de X`), purpose
    (`para custear …`, `destinados à merenda`, `em obras`), place (`em Castanhal`), source (`do MEC`),
    and whether the source comes right after the amount (`R$ 9,35 milhões da Funasa`)."""
    doc = ctx.doc
    recipient = purpose = place = source = None
    source_adjacent = False
    i = next_free = span.end
    while i < end:
        tok = doc[i]
        low = tok.lower_
        if tok.text in _STOP and tok.text not in "()":
            if tok.text in ".;:!?":
                break
            following = doc[i + 1] if i + 1 < end else None
            # `, e uma parceria …`, `, incluindo …`, `, que …`: another clause
            if following is not None and _lemma(following) in words.PURPOSE_PARTICIPLES | words.FUNDING_PARTICIPLES:
                i += 1  # `, destinados a estudos ambientais`, `, financiado pela ANMP`
                continue
            if following is None or following.pos_ in ("CCONJ", "VERB", "AUX", "PRON") or following.lower_ == "que":
                break
            if following.pos_ in ("NOUN", "ADJ", "DET", "NUM"):
                break  # `R$ 98 milhões, seguida de Anápolis`: what follows the comma is another phrase
            if purpose is not None or recipient is not None or source is not None:
                break
            if next_free == i:
                next_free = i + 1
            i += 1
            continue
        if "\n" in tok.text_with_ws and i > span.end:
            break  # a headline ends at its line (`… em compensação por usinas eólicas` + the date line)
        if i > span.end and ctx.entity_of[i] is not None and ctx.entity_of[i] == ctx.entity_of[i - 1]:
            i += 1  # a word inside a name (`do Programa Nacional de Apoio ao Transporte`): not the clause's `ao`
            continue
        if tok.pos_ == "CCONJ" and i + 1 < end and doc[i + 1].pos_ in ("DET", "PRON"):
            break  # `custa R$ 11,3 milhões e a diferença será paga …`: another clause
        if low in words.ASIDES and tok.pos_ in _PREPOSITION and next_free == i:
            j = _phrase_end(doc, i + 1, end)
            next_free = i = j  # `, até 2026, na reabilitação de …`: a time aside before the purpose
            continue
        if low in words.ATTRIBUTIONS or (low == "que" and tok.pos_ in ("PRON", "SCONJ")):
            break  # `, conforme portaria do Ministério da Saúde`; `por família que obtiver …`
        if _lemma(tok) in words.FUNDING_PARTICIPLES and "Part" in tok.morph.get("VerbForm") and source is None:
            j = _phrase_end(doc, i + 1, end)
            inner = _inner_source(ctx, list(doc[i:j]))  # `financiado pela ANMP`, `assegurado em parte pelo Camões`
            if inner is not None:
                source, source_adjacent = inner, True
            i = j
            continue
        if low == "com" and i + 1 < end and doc[i + 1].lemma_.lower() in ("recurso", "recursos") and source is None:
            j = _phrase_end(doc, i + 1, end)
            found = {ref["entity"] for k in range(i, j) if (ref := _source_at(ctx, doc, k, j)) is not None}
            several = any(t.lower_ == "e" for t in doc[i:j])
            if (
                len(found) == 1 and not several
            ):  # `com recursos do FIE-MS`; two sources (`do município e da Caixa`): none
                source, source_adjacent = {"entity": found.pop(), "via": "preposition"}, True
            i = j
            continue
        if low == "com" and agreement and recipient is None and tok.pos_ in _PREPOSITION:
            j = _phrase_end(doc, i + 1, end, source=True)
            body = [t for t in doc[i + 1 : j] if t.pos_ != "DET"]
            recipient = _named(ctx, body) if body else None  # `convênio de R$ 45 milhões com o Cimcero`
            i = j
            continue
        # the model tags `a` before a name DET (`repassa R$ 8 milhões a Caruaru`)
        is_prep = tok.pos_ in _PREPOSITION or (tok.dep_ == "case" and low in words.TO)
        if i == span.end and low in ("a", "as") and tok.dep_ == "det" and (paid or kind == "transfer"):
            is_prep = True  # `pagou R$ 2,1 milhões a empresa Rota Potiguar`: `à` typed without its accent
        if paid and low in words.PAID_FOR and purpose is None and is_prep:
            j = _phrase_end(doc, i + 1, end)
            body = [t for t in doc[i + 1 : j] if t.pos_ != "DET"]
            if (
                body
                and body[0].pos_ == "NOUN"
                and body[0].lemma_.lower() not in _NOT_PURPOSE | words.PEOPLE_NOUNS | _PER_UNIT
                and _named(ctx, body) is None
            ):
                purpose = _span(ctx, doc[i:j])  # `vai pagar R$ 31 milhões pelos remédios`
                i = j
                continue
        if low in words.SPENDING_ON and kind == "other" and purpose is None and tok.pos_ in _PREPOSITION:
            j = _phrase_end(doc, i + 1, end)
            if j > i + 1:
                purpose = _span(ctx, doc[i:j])  # `gastaram R$ 10,9 bilhões com o pagamento do piso`
            i = j
            continue
        if (is_prep and low in words.TO | words.FROM | words.IN) or (
            tok.lemma_.lower() in words.PURPOSE_PARTICIPLES and tok.pos_ in ("VERB", "ADJ")
        ):
            j = _phrase_end(doc, i + 1, end, source=low in words.FROM)
            body = [t for t in doc[i + 1 : j] if t.pos_ != "DET"]
            if not body:
                i = j
                continue
            first = body[0]
            party = _named(ctx, body)
            if not is_prep:  # `destinados à merenda escolar`
                inner = body[1:] if len(body) > 1 and body[0].lower_ in words.TO else []
                named = _named(ctx, inner) if inner else None
                if named is not None and recipient is None:
                    recipient = named  # `destinados ao município de Caucaia`
                elif purpose is None:
                    purpose = _span(ctx, doc[i:j])
            elif low == "em" and len(body) > 2 and body[0].lower_ == "favor" and body[1].lower_ in words.FROM:
                if recipient is None:
                    recipient = _named(ctx, body[2:])  # `depositou R$ 150 mil em favor de Josué Campelo`
            elif low in words.TO and i > 0 and doc[i - 1].lower_ == "junto":
                if party is not None and source is None:
                    source = party  # `captou R$ 7,5 milhões junto à Finep`: where it comes from
                    source_adjacent = i - 1 == span.end
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
                    and (thing := next((t for t in body if t.pos_ != "NUM"), first)).pos_ in ("VERB", "NOUN", "ADJ")
                    and thing.lemma_.lower() not in words.PEOPLE_NOUNS  # `para vereadores`: who, not what
                    and not any(t.lower_ in _TIME_WORDS for t in _head_words(body)[:3])
                ):
                    purpose = _span(ctx, doc[i:j])
            elif low in words.FROM:
                if party is not None and source is None:
                    source = party
                    source_adjacent = i == span.end
            elif low in words.IN:
                label = ctx.entities[party["entity"]]["label"] if party is not None else None
                if label in words.PLACE_LABELS and place is None:
                    place = {"entity": party["entity"], "from_context": False}
                elif deposited and label in ("ORG", "PROGRAM") and recipient is None:
                    recipient = party  # `aportou R$ 800 mil no Fundo de Aval Feirense`
                elif raised and label == "ORG" and source is None and _funds(ctx, party):
                    source = party  # `capta R$ 7,5 milhões na Finep`: where it comes from
                    source_adjacent = i == span.end
                elif (
                    party is None
                    and (thing := next((t for t in body if t.pos_ != "NUM"), first)).pos_ == "NOUN"
                    and purpose is None
                    and thing.lemma_.lower() not in _NOT_PURPOSE
                    and thing.lemma_.lower() not in words.NOUNS  # `R$ 52 milhões em multas`: what kind, not what for
                    and (kind in _GIVING or spending)
                    and i == next_free
                ):
                    purpose = _span(ctx, doc[i:j])
                if source is None and (inner := _inner_source(ctx, body)) is not None:
                    source = inner  # `em obras hídricas do Ministério da Integração`
            budget = low not in words.FROM or first.lemma_.lower() in words.BUDGETS
            if party is not None or (i == next_free and budget):
                next_free = j  # an `em` phrase right after the amount or a party may say what for
            i = j
            continue
        i += 1
    return recipient, purpose, place, source, source_adjacent


def _named(ctx: _Context, body: list[Token]) -> dict | None:
    """The party a prepositional phrase names: an entity first (`para Maceió`), or an anaphor
    noun, with the entity after its `de` when there is one (`ao município de Arapiraca`, `do
    governo de Alagoas`); `para pesquisas no Amapá` names no party."""
    if len(body) > 1 and body[0].pos_ == "NUM":
        body = body[1:]  # `a dez municípios do Alto Tâmega`
    first = body[0]
    if _is_party(ctx, first):
        return _entity_ref(ctx, first, "preposition")
    if first.pos_ not in ("NOUN", "PROPN"):
        return None
    if first.pos_ == "PROPN":
        # `à Cooperativa dos Cajucultores de Picos (Coopcaju)`: a name no rule knew, its acronym
        for k, tok in enumerate(body[:-1]):
            if tok.text == "(" and _is_party(ctx, body[k + 1]):
                return _entity_ref(ctx, body[k + 1], "preposition")
    if first.lemma_.lower() in words.NAMING_NOUNS and len(body) > 1 and _is_party(ctx, body[1]):
        return _entity_ref(ctx, body[1], "preposition")  # `do programa Pé-de-Meia`
    if first.pos_ == "NOUN" and len(body) > 1 and _label(ctx, body[1]) == "PER":
        return _entity_ref(ctx, body[1], "preposition")  # `ao agricultor Josué Ribeiro Campelo`
    coffers = first.lemma_.lower() in words.COFFERS or first.lower_ in words.COFFERS  # the lemmatiser's `cofr`
    if coffers and len(body) > 2 and body[1].lower_ in words.FROM:
        # `aos cofres do município`: the owner; `do orçamento de 2025 da UEG`: past the year
        owner = next((t for t in body[2:6] if _is_party(ctx, t)), None)
        return _entity_ref(ctx, owner, "preposition") if owner is not None else _named(ctx, body[2:])
    if (words.ANAPHORS.get(first.lemma_.lower()) or words.ANAPHORS.get(first.lower_)) is None:
        if (
            first.pos_ == "NOUN"
            and "Plur" in first.morph.get("Number")
            and len(body) > 2
            and body[1].lower_ in words.FROM
            and _is_party(ctx, body[2])
            # people are paid as themselves, unless the phrase names where they are
            and (first.lemma_.lower() not in words.PEOPLE_NOUNS or _label(ctx, body[2]) in words.PLACE_LABELS)
        ):
            return _entity_ref(ctx, body[2], "preposition")  # `a hospitais de Arapiraca`, `a agricultores do Semiárido`
        if first.lemma_.lower() in words.SERVICE_NETWORKS:
            # `para a rede de urgência e emergência do Norte de Minas`: the place the network serves
            for k in range(1, min(len(body) - 1, 8)):
                if (
                    body[k].lower_ in _OF
                    and _is_party(ctx, body[k + 1])
                    and _label(ctx, body[k + 1]) in words.PLACE_LABELS
                ):
                    return _entity_ref(ctx, body[k + 1], "preposition")
        return None
    for tok in body[1:6]:
        if _is_party(ctx, tok):
            return _ref(ctx, tok, "preposition")
    if len(body) > 2 and body[1].lower_ in _OF:
        return None  # `o município de …` with a name no rule knew: no guess (`à cooperativa pelo …` is one)
    if "Plur" in first.morph.get("Number"):
        return None  # `aos municípios`: not one of them
    return _anaphor(ctx, first)


def _source_at(ctx: _Context, doc: Doc, k: int, end: int) -> dict | None:
    if doc[k].lower_ in words.FROM and k + 1 < end:
        body = [t for t in doc[k + 1 : min(end, k + 6)] if t.pos_ != "DET"]
        if body:
            return _named(ctx, body)
    return None


def _inner_source(ctx: _Context, body: list[Token]) -> dict | None:
    body = [t for t in body if t.pos_ != "DET"]
    for k, tok in enumerate(body[:-1]):
        inside = ctx.entity_of[tok.i] is not None and ctx.entity_of[tok.i] == ctx.entity_of[body[k + 1].i]
        if tok.lower_ in words.FROM and tok.lower_ != "de" and not inside:  # not `Serra da Ibiapaba`
            # `pelo Camões - Instituto da Cooperação e da Língua`: a name no rule knew, then its long form
            for nxt in body[k + 1 : k + 4]:
                if _is_party(ctx, nxt):
                    return _ref(ctx, nxt, "preposition")
                if nxt.pos_ not in ("PROPN", "PUNCT"):
                    break
            if body[k + 1].pos_ == "NOUN" and "Sing" in body[k + 1].morph.get("Number"):
                found = _anaphor(ctx, body[k + 1])  # `pagos integralmente pela autarquia`
                if found is not None:
                    return found
    return None


def _purpose_clause(ctx: _Context, verb: Token, span: Span) -> dict | None:
    """`… para reformar escolas` where the parse hangs it on the verb: a `para` clause after the amount."""
    for child in verb.children:
        between = ctx.doc[span.end : child.i]
        finite = any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in between)
        if child.dep_ == "advcl" and child.i > span.end and not finite:
            marks = [c for c in child.children if c.dep_ == "mark" and c.lower_ in words.PURPOSE_MARKERS]
            if marks:
                end = _phrase_end(ctx.doc, child.i, child.sent.end)
                return _span(ctx, ctx.doc[marks[0].i : end])
    return None


def _phrase_end(doc: Doc, i: int, end: int, *, source: bool = False) -> int:
    """Where a prepositional phrase starting at `i` ends: punctuation, another amount's
    conjunction (`e R$ 1 milhão`), or the window's end."""
    j = i
    while j < end:
        tok = doc[j]
        if tok.text in _STOP and tok.text not in "()":
            break
        if "\n" in tok.text_with_ws:
            break  # a phrase never runs past the end of its line
        if tok.lower_ == "e" and j + 1 < end and doc[j + 1].ent_type_ == "MONEY":
            break
        if source and j > i and tok.pos_ in _PREPOSITION and tok.lower_ in words.TO | words.IN:
            break  # `do município em obras de drenagem`: the source ends where the purpose starts
        if j > i and tok.pos_ in _PREPOSITION and tok.lower_ in words.PURPOSE_MARKERS:
            break  # `à Prefeitura de Fortaleza para obras de drenagem`: whom, then what for
        if (
            j > i
            and tok.pos_ in _PREPOSITION
            and tok.lower_ in words.TO | words.IN
            and (doc[j - 1].pos_ == "NUM" or doc[j - 1].ent_type_ == "DATE")
        ):
            break  # `em 2025 na troca de redes antigas`: a date, then what for
        j += 1
    return j


def _head_words(body: list[Token]) -> list[Token]:
    """A phrase's words up to its first preposition (`custeio` in `custeio neste ano`)."""
    out = []
    for t in body:
        if t.pos_ == "ADP" and out:
            break
        out.append(t)
    return out


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
        if token.head == token:
            break
        head = token.head
        if token.dep_ not in ("xcomp", "ccomp") and head.lemma_.lower() not in words.HEDGES:
            break  # `deixou o cargo depois de ser denunciado de cobrar R$ 10 mil`: not `deixou de cobrar`
        if head.lemma_.lower() in words.NEGATING_VERBS and head.pos_ in ("VERB", "AUX"):
            return True
        token = head
    return False


def _conditional(token: Token) -> bool:
    return "Cnd" in token.morph.get("Mood")


def _hedged(action: Token) -> bool:
    """`pode liberar`, `deve repassar`; and the conditional, which news uses for what is alleged or
    supposed, not confirmed (`a empresa teria doado`, `o governo liberaria`)."""
    if _conditional(action) or any(
        c.dep_ == "aux" and (c.lemma_.lower() in words.HEDGES or _conditional(c)) for c in action.children
    ):
        return True
    head = action.head
    return head != action and action.dep_ == "xcomp" and head.lemma_.lower() in words.HEDGES
