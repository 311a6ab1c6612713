"""Words of money facts (`pipeline/facts.py`): which verbs and nouns act on an amount, and what
the prepositions around it say (who pays, who receives, what for, where).

Plain tables, lower case, lemmas as the shipped model's lemmatiser gives them.
"""

# The kinds a fact's action may have (DESIGN.md).
KINDS: tuple[str, ...] = (
    "transfer", "investment", "budget", "cut", "debt", "revenue", "price", "salary", "fine", "other",
)  # fmt: skip

# Verb lemma -> (kind, what its subject is: "payer", "recipient" or None for neither).
# `receber R$ 2 milhões do ministério`: the subject receives; `liberar`: the subject pays.
VERBS: dict[str, tuple[str, str | None]] = {
    # transfers: the subject gives
    "liberar": ("transfer", "payer"),
    "repassar": ("transfer", "payer"),
    "transferir": ("transfer", "payer"),
    "destinar": ("transfer", "payer"),
    "disponibilizar": ("transfer", "payer"),
    "distribuir": ("transfer", "payer"),
    "pagar": ("transfer", "payer"),
    "enviar": ("transfer", "payer"),
    "conceder": ("transfer", "payer"),
    "garantir": ("transfer", "payer"),
    "assegurar": ("transfer", "payer"),
    "levar": ("transfer", "payer"),
    "complementar": ("transfer", "payer"),
    "anunciar": ("transfer", "payer"),
    "empenhar": ("transfer", "payer"),
    "autorizar": ("transfer", "payer"),
    "entregar": ("transfer", "payer"),
    "vir": ("transfer", None),  # `R$ 350 mil vieram de emenda parlamentar`
    "ir": ("transfer", None),  # `Do total, R$ 201 milhões vão para os municípios`
    "participar": ("investment", "payer"),  # `participa da operação com US$ 5 milhões`
    "contratar": ("transfer", "payer"),
    "atribuir": ("transfer", "payer"),  # PT-PT: `a CCDR atribuiu 12 milhões de euros a dez municípios`
    "apoiar": ("transfer", "payer"),  # `vai apoiar com 4 milhões de euros a reabilitação`
    "comparticipar": ("transfer", "payer"),
    "depositar": ("transfer", "payer"),
    "devolver": ("transfer", "payer"),
    "reforçar": ("transfer", "payer"),  # `reforça merenda com R$ 14 milhões`
    "sair": ("transfer", None),  # `800 mil euros saem do orçamento municipal`
    "indicar": ("transfer", "payer"),  # `a deputada indicou R$ 3,4 milhões para hospitais` (emendas)
    "patrocinar": ("transfer", "payer"),
    "doar": ("transfer", "payer"),  # `a empresa teria doado R$ 650 mil para as campanhas`
    "subsidiar": ("transfer", "payer"),
    "restituir": ("transfer", "payer"),
    "ressarcir": ("transfer", "payer"),
    "bancar": ("investment", "payer"),  # `vai bancar R$ 3 milhões em obras`
    "suportar": ("investment", "payer"),  # PT-PT: `serão suportados pela autarquia`
    "indenizar": ("other", "payer"),
    "recolher": ("revenue", "payer"),  # `a mineradora recolheu R$ 690 milhões em royalties`
    # transfers: the subject receives
    "receber": ("transfer", "recipient"),
    "obter": ("transfer", "recipient"),
    "ganhar": ("transfer", "recipient"),
    "conquistar": ("transfer", "recipient"),
    "conseguir": ("transfer", "recipient"),  # `a costureira conseguiu R$ 15 mil para comprar máquinas`
    "caber": ("transfer", "recipient"),
    "dividir": ("transfer", "recipient"),  # `Petrolina e Juazeiro vão dividir R$ 14 milhões`
    "contemplar": ("transfer", "payer"),  # passive: `são contemplados com R$ 10,8 milhões`
    "beneficiar": ("transfer", "payer"),  # `2,4 milhões de euros cabem ao município de Chaves`
    # investment
    "investir": ("investment", "payer"),
    "aplicar": ("investment", "payer"),
    "financiar": ("investment", "payer"),
    "cofinanciar": ("investment", "payer"),
    "aportar": ("investment", "payer"),
    "injetar": ("investment", "payer"),  # `o BNDES injetou R$ 2 bilhões na empresa`
    # budget
    "aprovar": ("budget", None),
    "orçar": ("budget", None),
    "reservar": ("budget", "payer"),
    "prever": ("budget", "payer"),
    "dotar": ("budget", None),
    "estimar": ("budget", None),
    "alocar": ("budget", "payer"),
    "remanejar": ("budget", "payer"),
    # cuts
    "bloquear": ("cut", "payer"),
    "cortar": ("cut", "payer"),
    "contingenciar": ("cut", "payer"),
    "reduzir": ("cut", "payer"),
    "congelar": ("cut", "payer"),
    "perder": ("cut", "recipient"),
    # debt
    "dever": ("debt", "payer"),
    "emprestar": ("debt", "payer"),
    "quitar": ("debt", "payer"),
    # revenue
    "arrecadar": ("revenue", "recipient"),
    "captar": ("revenue", "recipient"),
    "angariar": ("revenue", "recipient"),
    "movimentar": ("revenue", None),
    "faturar": ("revenue", "recipient"),
    "render": ("revenue", None),  # `a Cosip rendeu R$ 5,2 milhões ao município`
    # price
    "custar": ("price", None),
    "cobrar": ("price", "recipient"),
    "vender": ("price", "recipient"),
    # fine
    "multar": ("fine", "recipient"),
    # spending and the rest
    "gastar": ("other", "payer"),
    "desembolsar": ("other", "payer"),
    "consumir": ("other", None),  # `a obra já consumiu R$ 31 milhões`
    "economizar": ("other", None),
}

# Nouns that are themselves the action on an amount (`repasses de R$ 1,5 milhão`, `O
# investimento é de R$ 12,8 milhões`, `a multa de R$ 500`): lemma -> kind.
NOUNS: dict[str, str] = {
    "repasse": "transfer",
    "liberação": "transfer",  # `confirmou a liberação de R$ 350 mil`
    "direito": "transfer",  # `terá direito a R$ 162 milhões`: who has the right receives
    "transferência": "transfer",
    "convênio": "transfer",
    "contrato": "transfer",
    "auxílio": "transfer",
    "apoio": "transfer",
    "incentivo": "transfer",
    "contrapartida": "transfer",
    "comparticipação": "transfer",
    "complementação": "transfer",
    "assistência": "transfer",  # `a assistência financeira complementar … soma R$ 11,2 milhões`
    "emenda": "transfer",  # `emendas de R$ 2,3 milhões`
    "cota-parte": "transfer",
    "devolução": "transfer",
    "doação": "transfer",
    "desembolso": "transfer",
    "subvenção": "transfer",
    "patrocínio": "transfer",
    "ressarcimento": "transfer",
    "reembolso": "transfer",
    "aplicação": "investment",
    "aporte": "investment",  # `realizou aportes, da ordem de R$ 1,8 bilhão`
    "cofinanciamento": "transfer",
    "investimento": "investment",
    "financiamento": "investment",
    "orçamento": "budget",
    "dotação": "budget",
    "edital": "budget",
    "corte": "cut",
    "bloqueio": "cut",
    "contingenciamento": "cut",
    "perda": "cut",
    "queda": "cut",
    "dívida": "debt",
    "empréstimo": "debt",
    "déficit": "debt",
    "parcela": "debt",  # `a primeira parcela, de R$ 410 mil, vence em 2027`
    "arrecadação": "revenue",
    "captação": "revenue",
    "crédito": "debt",
    "débito": "debt",
    "despesa": "other",
    "gasto": "other",
    "custeio": "other",
    "indenização": "other",
    "economia": "other",  # `a economia … deve chegar a R$ 1,4 milhão`
    "impacto": "other",  # `o impacto na folha será de R$ 810 mil`
    "reajuste": "price",
    "receita": "revenue",
    "custo": "price",
    "preço": "price",
    "tarifa": "price",
    "taxa": "price",
    "diária": "price",
    "aluguel": "price",
    "mensalidade": "price",
    "prestação": "price",
    "salário": "salary",
    "piso": "salary",
    "bolsa": "salary",
    "remuneração": "salary",
    "subsídio": "salary",  # the pay of elected officials
    "adicional": "salary",
    "gratificação": "salary",
    "pensão": "salary",
    "honorários": "salary",
    "multa": "fine",
    "autuação": "fine",
}

# Verbs that only carry an action noun (`O investimento é de R$ 12,8 milhões`, `prevê repasses
# de R$ 1,5 milhão`, `conta com financiamento de US$ 5 milhões`): the noun is the action.
SUPPORT_VERBS: frozenset[str] = frozenset(
    ["ser", "estar", "ficar", "ter", "haver", "contar", "chegar", "somar", "totalizar", "prever", "incluir",
     "envolver", "representar", "atingir", "alcançar", "ultrapassar", "assinar", "firmar", "lançar", "abrir",
     "pedir", "solicitar", "passar", "entrar", "cair", "subir", "crescer", "continuar", "permanecer", "confirmar",
     "autorizar"]
)  # fmt: skip

# Nouns that stand between an amount and a verb without being an action on it (`com valores entre
# R$ 100 mil e R$ 200 mil`, `com renda de até R$ 2.640`, `no valor de`): no fact.
NOT_ACTIONS: frozenset[str] = frozenset(["valor", "renda", "limite", "teto", "patamar", "média", "faturamento"])
# ... except after these words, where the noun only introduces the amount and the action is above
# it (`gastou, em média, R$ 50`; `assina convênio no valor de R$ 2 milhões`, `multa no valor de`).
INTRODUCED_BY: dict[str, frozenset[str]] = {
    "média": frozenset(["em"]),
    "valor": frozenset(["no", "nos", "pelo", "pelos"]),
}
# Nouns that name the amount itself (`foi repassado aos clubes o montante de R$ 54 milhões`): as a
# verb's subject they are the amount, not someone the amount describes.
AMOUNT_NOUNS: frozenset[str] = frozenset(["montante", "quantia", "importância", "soma", "valor", "total"])
# The words of such an introduction, between a fine and its amount (`multa no valor total de`).
AMOUNT_INTRO_WORDS: frozenset[str] = frozenset(["no", "nos", "pelo", "pelos", "valor", "total", "de"])

# Verbs of coming from somewhere: their `de` phrase pays (`R$ 2 milhões vêm do Ministério da Saúde`).
COMING: frozenset[str] = frozenset(["vir", "sair", "provir"])

# Verbs that only mention an amount (`o salário de R$ 1.412 foi citado`): no fact.
MENTION_VERBS: frozenset[str] = frozenset(["citar", "mencionar", "comparar"])

# Verbs whose subject receives and whose `a`/`ao` phrase pays (`vender até R$ 15 mil ao PAA`).
BUYER_AFTER_TO: frozenset[str] = frozenset(["vender"])

# Nouns whose `de` phrase pays (`a contrapartida do município`, `o empréstimo da Caixa`, `repasses
# do MEC`), unlike `a complementação do Fundeb` or `o orçamento das universidades`.
PAYER_OF: frozenset[str] = frozenset(
    ["repasse", "transferência", "contrapartida", "investimento", "financiamento", "empréstimo", "apoio", "auxílio",
     "emenda", "doação", "aporte", "comparticipação", "assistência"]
)  # fmt: skip

# How the names of a municipality's own bodies start: `o município` may stand for `Prefeitura de
# Parnamirim` where the municipality is named only inside it.
MUNICIPAL_ORG_PREFIXES: tuple[str, ...] = (
    "Prefeitura de", "Prefeitura do", "Prefeitura da", "Câmara Municipal de", "Câmara de",
)  # fmt: skip

# Common nouns for a municipality's own body: with no such body named, `a prefeitura` is the
# municipality last named (`Em Bacabal (MA), a prefeitura deixou de receber …`).
MUNICIPAL_BODIES: frozenset[str] = frozenset(["prefeitura"])

# Verbs whose subject receives an amount introduced by `com` (`Janaúba e Salinas ficaram com R$ 2,1
# milhões cada`): with `com`, the support verb is the action.
RECEIVING_WITH: frozenset[str] = frozenset(["ficar", "contar"])  # `vai contar com R$ 500 mil`
# Verbs whose subject gives, unless the text says where the money comes from: then it secured the
# money and receives it (`garantiu 2,8 milhões de euros do programa Alentejo 2030`).
SECURING: frozenset[str] = frozenset(["garantir", "assegurar"])
# ...and without a source, when the subject is one of these (or a municipality), it secured money
# for itself (`O Consórcio de Saúde do Cariri garantiu R$ 4,8 milhões para ampliar a policlínica`);
# a person, a government or a funder that `garante` money gives it (`o deputado garantiu`).
SECURING_FOR_ITSELF: tuple[str, ...] = (
    "consórcio", "cooperativa", "associação", "universidade", "hospital", "santa casa", "apae", "instituto federal",
    "câmara municipal", "câmara de", "junta de freguesia", "escola", "fundação hospitalar",
)  # fmt: skip

# Verbs that approve a loan or a financing the subject itself grants (`o BID aprovou empréstimo de
# US$ 150 milhões`): with a debt or investment noun, the subject pays.
APPROVING: frozenset[str] = frozenset(["aprovar"])

# Verbs by which the subject imposes a fine (`o Procon multou a operadora em R$ 7,4 milhões`,
# `aplicou multa de R$ 35 mil ao ex-prefeito`): the subject receives, the object or the one after
# `a` pays.
IMPOSING: frozenset[str] = frozenset(["multar", "aplicar"])

# Verbs that act on an amount only when it is their own object or oblique (`contrata R$ 48 milhões`),
# not through a noun (`contratar entrevistadores com recursos de 2 milhões de reais`).
DIRECT_ONLY: frozenset[str] = frozenset(["contratar", "apoiar", "reforçar", "atribuir"])

# Verbs whose `em` phrase naming a body or a fund receives (`aportou R$ 800 mil no Fundo de Aval
# Feirense`, `depositou R$ 41 milhões no Fundo Soberano de Maricá`), where `em` names a place otherwise.
DEPOSITING: frozenset[str] = frozenset(["depositar", "aportar"])
# ...and verbs whose `em` funder is where the money comes from (`capta R$ 7,5 milhões na Finep`).
RAISING: frozenset[str] = frozenset(["captar", "obter", "conseguir"])

# Verbs whose object does what their infinitive says (`condenou a Prefeitura de Ipatinga a pagar`,
# `manda ex-prefeito devolver`): the infinitive's subject is that object, never theirs.
OBJECT_CONTROL: frozenset[str] = frozenset(["condenar", "obrigar", "mandar", "intimar", "autorizar"])

# Nouns of a share of money that leave the action to their verb (`Natal ganhou a maior parte: R$ 28,5
# milhões`, `ficou com a menor das três parcelas (R$ 4,3 milhões)`); with no money verb, the noun acts
# (`a primeira parcela, de R$ 410 mil, vence em 2027`).
SHARES: frozenset[str] = frozenset(["parte", "parcela", "fatia", "cota"])

# Nouns of a loan, and the first words of the names of lenders: a loan made `com` a lender is the
# lender's money (`assinou contrato de financiamento de R$ 1,2 bilhão com o BNDES`).
LOANS: frozenset[str] = frozenset(["financiamento", "empréstimo", "crédito", "operação"])
LENDERS: tuple[str, ...] = (
    "banco", "caixa econômica", "bndes", "bid", "bird", "bnb", "caf", "finep", "desenbahia", "brde", "bdmg",
    "banpará", "banrisul", "agência de fomento", "agence française", "kfw", "fundo constitucional",
)  # fmt: skip

# Bodies that fund (with the banks above): on the other side of an agreement from anyone else they
# pay, whoever signs (`a Coopagreste passa a contar com um contrato de R$ 1,6 milhão com a Secretaria
# de Educação`), where the agreement's rule alone would make them the recipient.
FUNDERS: tuple[str, ...] = (
    "ministério", "secretaria", "governo", "união", "fundo", "superintendência", "fundação nacional",
    "agência nacional", "departamento nacional",
    "comissão de coordenação",  # PT-PT: a CCDR manages the regional funds (`CCDR Centro aprova 7,8 milhões`)
)  # fmt: skip

# A network or system that money goes to stands for the place it serves (`repassar R$ 2,3 milhões para
# a rede de urgência e emergência do Norte de Minas`, `à rede estadual de ensino do Maranhão`).
SERVICE_NETWORKS: frozenset[str] = frozenset(["rede", "sistema"])

# Names that are no party to money: publications (`no Diário Oficial da União`).
NOT_PARTIES: tuple[str, ...] = ("diário oficial", "diario oficial")

# Spending verbs: their `em` phrase says what the money went on (`gastou 420 mil euros em reparações`).
SPENDING: frozenset[str] = frozenset(["gastar", "desembolsar", "pagar"])

# Verbs whose `por` phrase says what the money pays for (`vai pagar R$ 31 milhões pelos remédios`).
PAYING: frozenset[str] = frozenset(["pagar"])
PAID_FOR: frozenset[str] = frozenset(["por", "pelo", "pela", "pelos", "pelas"])

# Verbs whose object, or passive subject, receives (`são contemplados com R$ 10,8 milhões`).
ENDOWING: frozenset[str] = frozenset(["contemplar", "beneficiar"])

# Verbs whose `a` phrase pays (`o hospital custou R$ 84 milhões ao Estado`).
PAYER_AFTER_TO: frozenset[str] = frozenset(["custar"])

# Gerunds and verbs after the amount that say who benefits (`…, beneficiando 17 municípios do
# Sertão do Pajeú`): the place after the plural noun receives.
BENEFITING: frozenset[str] = frozenset(["beneficiar", "contemplar", "atender"])

# Plural nouns for people: a subject or a `para` phrase headed by one names no party
# (`estudantes de Roraima recebem`, `subsídio … para vereadores`).
PEOPLE_NOUNS: frozenset[str] = frozenset(
    ["estudante", "aluno", "agente", "família", "trabalhador", "professor", "servidor", "produtor", "agricultor",
     "morador", "beneficiário", "vereador", "paciente", "consumidor", "atleta", "pessoa", "cidadão"]
)  # fmt: skip

# Forms the lemmatiser gets wrong, read as their verb (`arrecada` -> `arrecar`).
FORMS: dict[str, str] = {
    "arrecada": "arrecadar", "arrecadam": "arrecadar",
    "distribuído": "distribuir", "distribuída": "distribuir",
    "distribuídos": "distribuir", "distribuídas": "distribuir",
}  # fmt: skip

# Participles the lemmatiser may keep as adjectives: the form -> the verb's lemma.
PARTICIPLES: dict[str, str] = {
    "orçado": "orçar", "orçada": "orçar", "orçados": "orçar", "orçadas": "orçar",
    "estimado": "estimar", "estimada": "estimar", "estimados": "estimar", "estimadas": "estimar",
    "previsto": "prever", "prevista": "prever", "previstos": "prever", "previstas": "prever",
    "destinado": "destinar", "destinada": "destinar", "destinados": "destinar", "destinadas": "destinar",
    "aplicado": "aplicar", "aplicada": "aplicar", "aplicados": "aplicar", "aplicadas": "aplicar",
    "repassado": "repassar", "repassada": "repassar", "repassados": "repassar", "repassadas": "repassar",
    "investido": "investir", "investida": "investir", "investidos": "investir", "investidas": "investir",
    "contemplado": "contemplar", "contemplada": "contemplar",
    "contemplados": "contemplar", "contempladas": "contemplar",
    "beneficiado": "beneficiar", "beneficiada": "beneficiar",
    "beneficiados": "beneficiar", "beneficiadas": "beneficiar",
    "reservado": "reservar", "reservada": "reservar", "reservados": "reservar", "reservadas": "reservar",
    "pago": "pagar", "paga": "pagar", "pagos": "pagar", "pagas": "pagar",
    "liberado": "liberar", "liberada": "liberar", "liberados": "liberar", "liberadas": "liberar",
    "transferido": "transferir", "transferida": "transferir",
    "transferidos": "transferir", "transferidas": "transferir",
    "concedido": "conceder", "concedida": "conceder", "concedidos": "conceder", "concedidas": "conceder",
}  # fmt: skip

# Participles whose agent pays (`um orçamento de € 640 mil, financiado pela ANMP`).
FUNDING_PARTICIPLES: frozenset[str] = frozenset(["financiar", "cofinanciar", "custear", "assegurar", "pagar", "bancar"])

# Words that open who says it, not who pays (`, conforme portaria do Ministério da Saúde`).
ATTRIBUTIONS: frozenset[str] = frozenset(["conforme", "segundo", "consoante"])

# The preposition of what spending is on (`gastaram R$ 10,9 bilhões com o pagamento do piso`).
SPENDING_ON: frozenset[str] = frozenset(["com"])

# Prepositions of asides between an amount and its purpose (`investir € 3,2 milhões, até 2026, na …`).
ASIDES: frozenset[str] = frozenset(["até", "desde", "durante"])

# Agreements: the party after `com` receives (`convênio de R$ 45 milhões com o Cimcero`).
AGREEMENTS: frozenset[str] = frozenset(["convênio", "contrato", "acordo", "parceria"])

# Kinds an amount's own noun overrides the verb with (`pagar a multa
# de R$ 500` is a fine, `receber o salário de R$ 1.412` a salary).
OVERRIDING_NOUN_KINDS: frozenset[str] = frozenset({"salary", "fine", "price", "debt"})

# Prepositions (as written, lower case, contractions included) before the one who receives.
TO: frozenset[str] = frozenset(["para", "pra", "a", "à", "ao", "aos", "às"])
# ... before the one who pays, after a verb whose subject receives (`recebeu R$ 1 milhão do MEC`).
FROM: frozenset[str] = frozenset(["de", "da", "do", "das", "dos", "pela", "pelo", "pelas", "pelos"])
# ... before a place (`em Castanhal`), or the thing invested in (`investir R$ 2 milhões em obras`).
IN: frozenset[str] = frozenset(["em", "no", "na", "nos", "nas"])
# Words that introduce what the money is for.
PURPOSE_MARKERS: frozenset[str] = frozenset(["para", "pra"])
# Participles that introduce a purpose after the amount (`destinados à merenda escolar`).
PURPOSE_PARTICIPLES: frozenset[str] = frozenset(["destinar", "reservar", "voltar", "aplicar", "direcionar"])

# Negation on the verb, and verbs that negate the verb they govern (`deixou de receber`).
NEGATIONS: frozenset[str] = frozenset(["não", "nunca", "jamais", "nem"])
NEGATING_VERBS: frozenset[str] = frozenset(["deixar"])
# Auxiliaries and governing verbs that make the money possible rather than paid.
HEDGES: frozenset[str] = frozenset(["poder", "dever", "pretender", "estimar", "prever", "planejar"])

# A common noun that stands for a named entity said before it (`a prefeitura` after `Prefeitura de
# Maceió`): the noun -> the labels it may refer to and the words one of which the entity's name
# (a person's: their roles) must hold, alternatives tried in turn (the nearest entity of the first
# that has one); None: any; COMPANY: a company (see COMPANY_CUES); NOT_GOVERNMENT: a body that
# is no ministry, secretaria, prefeitura... (GOVERNMENT_BODIES).
COMPANY = "company"
NOT_GOVERNMENT = "not government"
ANAPHORS: dict[str, tuple[frozenset[str], tuple[tuple[str, ...] | str, ...] | str | None]] = {
    "prefeitura": (frozenset({"ORG"}), (("prefeitura",),)),
    # PT-PT: the municipality's council; in Brazil a federal agency (FNDE, DNIT, Ibama, Sudene)
    "autarquia": (
        frozenset({"ORG"}),
        (("câmara",), ("fundo", "departamento", "instituto", "agência", "superintendência", "serviço")),
    ),
    "junta": (frozenset({"ORG"}), (("junta",),)),
    "ministério": (frozenset({"ORG"}), (("ministério",),)),
    "pasta": (frozenset({"ORG"}), (("ministério", "secretaria"),)),  # `a pasta`: a ministry or a secretaria
    "banco": (frozenset({"ORG"}), (("banco", "caixa"),)),  # `o banco` after `Caixa Econômica Federal`
    "agência": (frozenset({"ORG"}), (("agência",),)),
    "fundação": (frozenset({"ORG"}), (("fundação",),)),
    "instituto": (frozenset({"ORG"}), (("instituto",),)),
    "departamento": (frozenset({"ORG"}), (("departamento",),)),
    "superintendência": (frozenset({"ORG"}), (("superintendência",),)),
    "tribunal": (frozenset({"ORG"}), (("tribunal",),)),
    "vara": (frozenset({"ORG"}), (("vara",),)),  # a court's division: `a 3ª Vara Federal de Londrina`
    "colegiado": (frozenset({"ORG"}), (("tribunal", "câmara", "conselho"),)),  # a court's chamber
    "câmara": (frozenset({"ORG"}), (("câmara",),)),
    "assembleia": (frozenset({"ORG"}), (("assembleia",),)),
    "federação": (frozenset({"ORG"}), (("federação",),)),
    "corporação": (frozenset({"ORG"}), (("bombeiros", "polícia", "guarda"),)),  # `a corporação da cidade`
    "confederação": (frozenset({"ORG"}), (("confederação",),)),
    "fundo": (frozenset({"ORG", "PROGRAM"}), (("fundo",),)),
    "secretaria": (frozenset({"ORG"}), (("secretaria",),)),
    "governo": (frozenset({"STATE"}), None),
    "estado": (frozenset({"STATE"}), None),
    "município": (frozenset({"LOC"}), None),
    "cidade": (frozenset({"LOC"}), None),
    "capital": (frozenset({"LOC"}), None),
    "cooperativa": (frozenset({"ORG"}), (("cooperativa",),)),
    "associação": (frozenset({"ORG"}), (("associação",),)),
    "consórcio": (frozenset({"ORG"}), (("consórcio",),)),
    "universidade": (frozenset({"ORG"}), (("universidade",),)),
    "hospital": (frozenset({"ORG"}), (("hospital",),)),
    "companhia": (frozenset({"ORG"}), (("companhia",), COMPANY)),  # a Companhia named before, else a company
    "entidade": (frozenset({"ORG"}), NOT_GOVERNMENT),  # `repassada à entidade pela Secretaria`: the Apae
    "instituição": (frozenset({"ORG"}), NOT_GOVERNMENT),
    "empresa": (frozenset({"ORG"}), COMPANY),
    "estatal": (frozenset({"ORG"}), COMPANY),
    "construtora": (frozenset({"ORG"}), COMPANY),
    "mineradora": (frozenset({"ORG"}), COMPANY),
    "distribuidora": (frozenset({"ORG"}), COMPANY),
    "concessionária": (frozenset({"ORG"}), COMPANY),
    "operadora": (frozenset({"ORG"}), COMPANY),
    "usina": (frozenset({"ORG"}), COMPANY),
    "parlamentar": (frozenset({"PER"}), (("deputad", "senador", "vereador", "parlamentar"),)),
    "deputado": (frozenset({"PER"}), (("deputad",),)),
    "deputada": (frozenset({"PER"}), (("deputad",),)),
    "senador": (frozenset({"PER"}), (("senador",),)),
    "senadora": (frozenset({"PER"}), (("senador",),)),
}

# First words of the names of bodies of government and of banks (the ones `a entidade` does not
# stand for: `a entidade espera faturar` after `Banco do Nordeste` is the cooperative before it).
GOVERNMENT_BODIES: tuple[str, ...] = (
    "ministério", "secretaria", "prefeitura", "governo", "câmara", "tribunal", "assembleia", "procuradoria",
    "controladoria", "senado", "supremo", "superior", "presidência", "casa civil", "banco", "caixa econômica",
)  # fmt: skip

# A company: an organisation the text introduces with one of these nouns (`a construtora Solar
# Prime`), or whose name holds one of these words (`Itaipu Binacional`, `Vivaz Telecom`).
COMPANY_CUES: frozenset[str] = frozenset(
    ["empresa", "construtora", "mineradora", "distribuidora", "concessionária", "operadora", "usina", "estatal",
     "companhia", "incorporadora", "fabricante", "montadora", "varejista", "grupo"]
)  # fmt: skip
COMPANY_NAME_WORDS: frozenset[str] = frozenset(
    ["s.a.", "s/a", "sa", "ltda", "ltda.", "binacional", "incorporações", "telecom", "energia", "mineração",
     "participações", "engenharia", "construções", "construtora", "holding", "eireli", "me", "viação"]
)  # fmt: skip

# Verbs of a relative clause on an amount whose subject pays it (`os R$ 7,2 milhões que a Sesa prometeu`).
PROMISING: frozenset[str] = frozenset(
    ["prometer", "anunciar", "garantir", "assegurar", "empenhar", "liberar", "repassar", "transferir", "destinar"]
)

# Nouns that introduce a name right after them (`do programa Pé-de-Meia`): the name is the party;
# alone (`o programa prevê`), they stand for nothing.
NAMING_NOUNS: frozenset[str] = frozenset(["programa", "fundo", "projeto", "operação"])

# Where money comes from, not who pays: an `em` phrase after them still says what for (`investir 1,1
# milhões de euros do orçamento municipal nos arranjos exteriores`).
BUDGETS: frozenset[str] = frozenset(["orçamento", "tesouro", "caixa", "recurso", "verba"])

# Words after an anaphor noun that make it no anaphor (`o governo federal` is not the state named before).
NOT_ANAPHOR_AFTER: frozenset[str] = frozenset(["federal"])

# Nouns for where money is kept: the owner after `de` is the party (`aos cofres do município`, `do
# orçamento do hospital`).
COFFERS: frozenset[str] = frozenset(["cofre", "cofres", "caixa", "conta", "tesouro", "orçamento"])

# Nouns of collecting money: the place they happen in receives (`a arrecadação do ICMS em Goiás`).
COLLECTING: frozenset[str] = frozenset(["arrecadação", "receita"])

# Labels a payer or a recipient may have.
PARTY_LABELS: frozenset[str] = frozenset({"ORG", "PER", "LOC", "STATE", "PROGRAM"})
PLACE_LABELS: frozenset[str] = frozenset({"LOC", "STATE"})
