"""Money facts (`pipeline/facts.py`): one sentence per case, with the shipped model's parse.

Each row: a sentence, the amount as written, and what its fact must say (None: no fact, the
MONEY entity stays). Names are compared with the referenced entity's canonical name.
"""

from __future__ import annotations

import pytest

import pipeline
from pipeline import facts as facts_stage
from tests.conftest import check_record

ROWS = [
    # active voice: payer subject, recipient after `para`, purpose an infinitive after it
    (
        "O Ministério da Saúde liberou R$ 12,5 milhões para o município de Castanhal (PA) custear cirurgias eletivas.",
        "R$ 12,5 milhões",
        {"lemma": "liberar", "kind": "transfer", "payer": "Ministério da Saúde", "recipient": "Castanhal",
         "purpose": "custear cirurgias eletivas"},
    ),
    # passive voice: the agent pays
    (
        "Foram repassados R$ 2 milhões ao município de Arapiraca pelo governo de Alagoas.",
        "R$ 2 milhões",
        {"lemma": "repassar", "kind": "transfer", "payer": "Alagoas", "recipient": "Arapiraca"},
    ),
    # several amounts in one sentence: each takes the `para` phrase after it
    (
        "O governo de Alagoas vai destinar R$ 3 milhões para Maceió e R$ 1 milhão para Arapiraca.",
        "R$ 3 milhões",
        {"lemma": "destinar", "kind": "transfer", "payer": "Alagoas", "recipient": "Maceió"},
    ),
    (
        "O governo de Alagoas vai destinar R$ 3 milhões para Maceió e R$ 1 milhão para Arapiraca.",
        "R$ 1 milhão",
        {"lemma": "destinar", "kind": "transfer", "recipient": "Arapiraca"},
    ),
    # a range, hedged by `poderá`
    (
        "Cada município poderá receber entre R$ 100 mil e R$ 200 mil para reformar escolas.",
        "R$ 100 mil",
        {"lemma": "receber", "kind": "transfer", "payer": None, "recipient": None,
         "purpose": "para reformar escolas", "hedged": True, "min": 100000, "max": 200000},
    ),
    # the one who receives as subject, the payer after `do`
    (
        "O município de Castanhal recebeu R$ 1,5 milhão do Ministério da Saúde.",
        "R$ 1,5 milhão",
        {"lemma": "receber", "kind": "transfer", "payer": "Ministério da Saúde", "recipient": "Castanhal"},
    ),
    # amounts that are not transfers: the amount's own noun says the kind
    (
        "O trabalhador recebe um salário de R$ 1.412 por mês.",
        "R$ 1.412",
        {"lemma": "receber", "kind": "salary"},
    ),
    (
        "O motorista pagou a multa de R$ 500 na semana passada.",
        "R$ 500",
        {"lemma": "pagar", "kind": "fine"},
    ),
    # negation
    (
        "A Prefeitura de Maceió não repassou os R$ 500 mil ao hospital.",
        "R$ 500 mil",
        {"lemma": "repassar", "negated": True, "payer": "Prefeitura de Maceió"},
    ),
    (
        "Os municípios deixaram de receber R$ 6,1 bilhões no semestre.",
        "R$ 6,1 bilhões",
        {"lemma": "receber", "negated": True},
    ),
    # hedging
    (
        "O Ministério da Saúde pode liberar R$ 2 milhões para a Bahia.",
        "R$ 2 milhões",
        {"lemma": "liberar", "hedged": True, "negated": False, "recipient": "Bahia"},
    ),
    # an action noun with a support verb
    (
        "O investimento total é de R$ 12,8 milhões.",
        "R$ 12,8 milhões",
        {"lemma": "investimento", "kind": "investment", "payer": None, "recipient": None},
    ),
    # a purpose after a participle
    (
        "O Ministério da Educação liberou R$ 2 milhões destinados à merenda escolar.",
        "R$ 2 milhões",
        {"lemma": "liberar", "payer": "Ministério da Educação", "purpose": "destinados à merenda escolar"},
    ),
    # the purpose of an investment after `em`; `a prefeitura` is the Prefeitura de Maceió said before
    (
        "A Prefeitura de Maceió entregou as obras. A prefeitura investiu R$ 350 mil na construção de uma praça.",
        "R$ 350 mil",
        {"lemma": "investir", "kind": "investment", "payer": "Prefeitura de Maceió",
         "purpose": "na construção de uma praça"},
    ),
    # only mentioned: no fact
    ("O salário de R$ 1.412 foi citado na reunião.", "R$ 1.412", None),
    ("Em 2023, o valor de referência era R$ 300.", "R$ 300", None),
    # issue 18, tuned on corpus/dev-facts: `a` before a name the model tags DET; purpose after the recipient
    (
        "O governo federal repassa R$ 8 milhões a Caruaru para conter encostas.",
        "R$ 8 milhões",
        {"lemma": "repassar", "recipient": "Caruaru", "purpose": "para conter encostas"},
    ),
    (
        "O Banco Interamericano de Desenvolvimento (BID) aprovou um empréstimo de US$ 150 milhões à Prefeitura de "
        "Fortaleza para obras de drenagem.",
        "US$ 150 milhões",
        {"lemma": "aprovar", "kind": "debt", "payer": "Banco Interamericano de Desenvolvimento",
         "recipient": "Prefeitura de Fortaleza", "purpose": "para obras de drenagem"},
    ),
    # headlines: present-tense forms the lemmatiser leaves as they are
    ("Governo bloqueia R$ 320 milhões do orçamento das universidades federais", "R$ 320 milhões",
     {"lemma": "bloquear", "kind": "cut"}),
    ("BNB empresta R$ 20 milhões a cooperativa de cajucultores do Piauí", "R$ 20 milhões",
     {"lemma": "emprestar", "kind": "debt"}),
    ("# Governo de Sergipe anuncia R$ 36 milhões para estradas e escolas", "R$ 36 milhões",
     {"lemma": "anunciar", "payer": "Sergipe", "purpose": "para estradas e escolas"}),
    # a list after a colon takes the verb before it
    (
        "Os recursos serão distribuídos assim: R$ 1 milhão para Picos, R$ 800 mil para Oeiras e R$ 500 mil para "
        "Floriano.",
        "R$ 800 mil",
        {"lemma": "distribuir", "kind": "transfer", "payer": None, "recipient": "Oeiras"},
    ),
    # the action noun after the amount; the source right after the amount pays
    (
        "A obra está orçada em R$ 5,1 milhões, sendo R$ 4,2 milhões da Funasa e R$ 900 mil de contrapartida da "
        "prefeitura.",
        "R$ 4,2 milhões",
        {"lemma": "orçar", "payer": "Fundação Nacional de Saúde"},
    ),
    (
        "O investimento total é de R$ 12,8 milhões, sendo R$ 9,35 milhões da Funasa e R$ 3,45 milhões de "
        "contrapartida do governo da Bahia.",
        "R$ 9,35 milhões",
        {"lemma": "investimento", "kind": "investment", "payer": "Fundação Nacional de Saúde"},
    ),
    (
        "A prefeitura de Xique-Xique entrou com R$ 250 mil de contrapartida.",
        "R$ 250 mil",
        {"lemma": "contrapartida", "kind": "transfer", "payer": "Xique-Xique"},
    ),
    # fines: the one who fines receives; costs: the one after `a` pays
    ("O Procon multou a operadora em R$ 7,4 milhões.", "R$ 7,4 milhões",
     {"lemma": "multar", "kind": "fine", "recipient": "Procon"}),
    (
        "O governo de Alagoas mantém o hospital, que custou R$ 84 milhões ao Estado em 2024.",
        "R$ 84 milhões",
        {"lemma": "custar", "kind": "price", "payer": "Alagoas", "recipient": None},
    ),
    # a relative `que` parsed as another clause; a subject shared by two coordinated verbs
    (
        "A Codevasf, que investiu R$ 5 milhões em três barragens, entregou as obras.",
        "R$ 5 milhões",
        {"lemma": "investir", "payer": "Companhia de Desenvolvimento dos Vales do São Francisco e do Parnaíba",
         "purpose": "em três barragens"},
    ),
    (
        "O Saae arrecada R$ 480 milhões por ano e prevê investir R$ 95 milhões em 2025 na troca de redes antigas.",
        "R$ 95 milhões",
        {"lemma": "investir", "payer": "Saae", "purpose": "na troca de redes antigas", "hedged": True},
    ),
    # who benefits; who ends up with the money
    (
        "A Sudene aprovou R$ 60 milhões para projetos de irrigação, beneficiando 17 municípios do Sertão do Pajeú.",
        "R$ 60 milhões",
        {"lemma": "aprovar", "recipient": "Sertão do Pajeú", "purpose": "para projetos de irrigação"},
    ),
    ("Janaúba e Salinas ficaram com R$ 2,1 milhões cada.", "R$ 2,1 milhões",
     {"lemma": "ficar", "kind": "transfer", "recipient": "Janaúba"}),
    # a participle's `a` phrase that names a party receives; `em recursos` is no purpose
    ("O Ministério da Saúde liberou R$ 3 milhões destinados ao município de Caucaia.", "R$ 3 milhões",
     {"lemma": "liberar", "payer": "Ministério da Saúde", "recipient": "Caucaia", "purpose": None}),
    ("O governo do Ceará anunciou R$ 5 milhões em recursos para Sobral.", "R$ 5 milhões",
     {"lemma": "anunciar", "payer": "Ceará", "recipient": "Sobral", "purpose": None}),
    # the passive subject of `contemplar` receives; `dividir` shares among its subject
    ("Seis municípios do Cariri são contemplados com R$ 10,8 milhões para estradas vicinais.", "R$ 10,8 milhões",
     {"lemma": "contemplar", "kind": "transfer", "recipient": "Cariri", "purpose": "para estradas vicinais"}),
    ("Petrolina e Juazeiro vão dividir R$ 14 milhões para a recuperação da ponte.", "R$ 14 milhões",
     {"lemma": "dividir", "recipient": "Petrolina", "purpose": "para a recuperação da ponte"}),
    # a participle after the amount: its agent pays; a headline's name before `vai receber` receives,
    # and the purpose stops at the end of the line
    ("A universidade teve R$ 9 milhões bloqueados pelo Ministério da Educação.", "R$ 9 milhões",
     {"lemma": "bloquear", "kind": "cut", "payer": "Ministério da Educação"}),
    ("Piauí vai receber R$ 22 milhões em compensação por usinas eólicas\n\n| 15 de Dezembro de 2025 - 10:00",
     "R$ 22 milhões", {"lemma": "receber", "recipient": "Piauí", "purpose": None}),
    # the `a` phrase of an action noun before the amount; a cooperative and its acronym (the town
    # it is from is no part of the acronym's syllables: one entity, named by its long form)
    ("A complementação da União a municípios do Maranhão caiu de R$ 3,4 bilhões para R$ 2,9 bilhões.",
     "R$ 3,4 bilhões", {"lemma": "complementação", "kind": "transfer", "recipient": "Maranhão"}),
    ("O Banco do Nordeste emprestou R$ 20 milhões à Cooperativa dos Cajucultores de Picos (Coopcaju).",
     "R$ 20 milhões", {"lemma": "emprestar", "kind": "debt", "payer": "Banco do Nordeste",
      "recipient": "Cooperativa dos Cajucultores de Picos"}),
    # people are no party: the students receive, not Roraima
    ("Os estudantes de Roraima receberam R$ 1.000 do programa Pé-de-Meia.", "R$ 1.000",
     {"lemma": "receber", "recipient": None}),
    # what a payment is for after `por`
    ("A Bahia vai pagar R$ 31 milhões pelos remédios.", "R$ 31 milhões",
     {"lemma": "pagar", "payer": "Bahia", "purpose": "pelos remédios"}),
    # a limit, and an amount a contracting verb does not govern: no fact
    ("Podem participar microempresas com receita bruta de até R$ 360 mil.", "R$ 360 mil", None),
    (
        "Cada um poderá contratar até dois entrevistadores com recursos de 2 milhões de reais do Fundo Estadual.",
        "2 milhões de reais",
        None,
    ),
    # anaphors (third batch of dev-facts): a federal agency, a ministry's or secretaria's `pasta`,
    # a company the text introduced as one, a member of parliament; a câmara first in PT-PT
    ("O Fundo Nacional de Desenvolvimento da Educação (FNDE) abriu o programa. A autarquia liberou R$ 3 milhões "
     "à Prefeitura de Tauá.", "R$ 3 milhões",
     {"lemma": "liberar", "payer": "Fundo Nacional de Desenvolvimento da Educação"}),
    ("A Secretaria de Estado da Saúde do Paraná (Sesa) foi procurada. A pasta afirmou que transferiu R$ 48 milhões ao "
     "Hospital Universitário de Londrina em 2024.", "R$ 48 milhões",
     {"lemma": "transferir", "payer": "Secretaria de Estado da Saúde do Paraná"}),
    ("O Procon multou a construtora Solar Prime Incorporações. Em acordo com o Ministério Público, a empresa vai "
     "devolver R$ 3,8 milhões aos compradores.", "R$ 3,8 milhões",
     {"lemma": "devolver", "payer": "Solar Prime Incorporações"}),
    ("A deputada federal Carla Ventura Resende visitou o hospital. A parlamentar destinou R$ 1 milhão ao Hospital "
     "Regional de Varginha.", "R$ 1 milhão", {"lemma": "destinar", "payer": "Carla Ventura Resende"}),
    # list items: the name before the amount in brackets, or before the colon of a bullet
    ("A autarquia dividiu os recursos: Quixadá (R$ 4,2 milhões), Canindé (R$ 3,6 milhões) e Tauá (R$ 2,7 milhões).",
     "R$ 3,6 milhões", {"lemma": "dividir", "recipient": "Canindé"}),
    # the one who pays in a `de` phrase before the amount; the person fined, not their town
    ("A Coopleite obteve do Banco Nacional de Desenvolvimento Econômico e Social (BNDES) um crédito de R$ 85 milhões "
     "para construir uma fábrica.", "R$ 85 milhões",
     {"lemma": "obter", "payer": "Banco Nacional de Desenvolvimento Econômico e Social"}),
    ("O Tribunal de Contas do Estado da Paraíba (TCE-PB) multou o ex-prefeito de Itaporanga, Gilvan Rocha Medeiros, "
     "em R$ 48 mil.", "R$ 48 mil", {"lemma": "multar", "kind": "fine", "payer": "Gilvan Rocha Medeiros"}),
    # who receives is the subject, not a place in the purpose; `junto a` says where money comes from
    ("O Governo da Paraíba recebeu R$ 24 milhões da Defesa Civil Nacional para ações de resposta à estiagem no "
     "Sertão e no Curimataú.", "R$ 24 milhões", {"lemma": "receber", "recipient": "Paraíba"}),
    ("A Universidade Federal do Cariri (UFCA) captou R$ 7,5 milhões junto à Financiadora de Estudos e Projetos "
     "(Finep) para construir um laboratório.", "R$ 7,5 milhões",
     {"lemma": "captar", "payer": "Financiadora de Estudos e Projetos", "recipient": "Universidade Federal do Cariri"}),
    # `garantir` with where the money comes from: the subject secured it; a cut from someone's budget
    ("A Câmara Municipal de Évora garantiu 2,8 milhões de euros do Fundo Ambiental para o novo centro de saúde.",
     "2,8 milhões de euros",
     {"lemma": "garantir", "payer": "Fundo Ambiental", "recipient": "Câmara Municipal de Évora"}),
    ("O Hospital Universitário de Londrina está em crise. No início do ano, o governo do Paraná cortou R$ 12 milhões "
     "do orçamento do hospital.", "R$ 12 milhões",
     {"lemma": "cortar", "kind": "cut", "payer": "Paraná", "recipient": "Hospital Universitário de Londrina"}),
    # a fine in the passive: the one fined pays; `o banco` after the Caixa; `a agência`
    ("A concessionária Luz Norte Distribuidora S.A. já havia sido multada em R$ 1,6 milhão pelo Procon do Acre.",
     "R$ 1,6 milhão", {"lemma": "multar", "kind": "fine", "payer": "Luz Norte Distribuidora S.A."}),
    ("A Caixa Econômica Federal entregou as casas. Em 2024, o banco contratou R$ 1,3 bilhão em habitação popular.",
     "R$ 1,3 bilhão", {"lemma": "contratar", "payer": "Caixa Econômica Federal"}),
    ("A Agência Nacional de Mineração (ANM) arrecadou a compensação. A agência distribuiu R$ 414 milhões ao "
     "município de Parauapebas.", "R$ 414 milhões",
     {"lemma": "distribuir", "payer": "Agência Nacional de Mineração", "recipient": "Parauapebas"}),
    # more money verbs (third round): `contar com`, `bancar`, `indicar` (a member's emendas)
    ("O Hospital São José de Lagarto vai contar com R$ 500 mil para ampliar o setor de hemodiálise.", "R$ 500 mil",
     {"lemma": "contar", "recipient": "Hospital São José de Lagarto"}),
    ("A Prefeitura de Rondonópolis vai bancar R$ 3 milhões em obras de drenagem.", "R$ 3 milhões",
     {"lemma": "bancar", "kind": "investment", "payer": "Prefeitura de Rondonópolis"}),
    ("A deputada federal Carla Ventura Resende indicou R$ 3,4 milhões para hospitais do Sul de Minas.",
     "R$ 3,4 milhões", {"lemma": "indicar", "payer": "Carla Ventura Resende"}),
    # the amount the object of a relative clause (parsed as a clause of its own that `que` opens)
    ("Na cerimônia, o prefeito agradeceu os R$ 900 mil que o Estado do Piauí transferiu ao município de Picos.",
     "R$ 900 mil", {"lemma": "transferir", "payer": "Piauí", "recipient": "Picos"}),
    # fourth round: a gapped subject (`e Pirapora, R$ 760 mil`); a person after a common noun;
    # `a entidade` is no body of government
    ("Janaúba receberá R$ 820 mil e Pirapora, R$ 760 mil, os dois maiores valores.", "R$ 760 mil",
     {"lemma": "receber", "recipient": "Pirapora"}),
    ("O Departamento Nacional de Infraestrutura de Transportes (DNIT) foi condenado a pagar R$ 380 mil ao agricultor "
     "Josué Ribeiro Campelo.", "R$ 380 mil", {"lemma": "pagar", "recipient": "Josué Ribeiro Campelo"}),
    ("A Associação de Pais e Amigos dos Excepcionais (Apae) de Arcoverde comemorou. A Secretaria de Desenvolvimento "
     "Social repassou R$ 700 mil à entidade para a compra de um micro-ônibus.", "R$ 700 mil",
     {"lemma": "repassar", "payer": "Secretaria de Desenvolvimento Social",
      "recipient": "Associação de Pais e Amigos dos Excepcionais"}),
    # `ter direito a`; a gapped subject after an article; `confirmou a liberação de`
    ("O Pará, maior beneficiado da região, terá direito a R$ 162 milhões.", "R$ 162 milhões",
     {"lemma": "direito", "recipient": "Pará"}),
    ("A Agremiação Sportiva Arapiraquense (ASA) será beneficiada com R$ 350 mil, e o Clube de Regatas Brasil (CRB), "
     "com R$ 180 mil.", "R$ 180 mil", {"lemma": "beneficiar", "recipient": "Clube de Regatas Brasil"}),
    ("A Secretaria da Saúde do Ceará (Sesa) confirmou a liberação de R$ 350 mil para a compra de uma ambulância.",
     "R$ 350 mil", {"lemma": "liberação", "payer": "Secretaria da Saúde do Ceará"}),
    # whom a debt is owed to (`com`); `em favor de`
    ("A dívida previdenciária dos municípios com o Instituto Nacional do Seguro Social (INSS) chegou a R$ 248 bilhões.",
     "R$ 248 bilhões", {"lemma": "dívida", "kind": "debt", "recipient": "Instituto Nacional do Seguro Social"}),
    ("O Departamento Nacional de Infraestrutura de Transportes (DNIT) depositou em juízo R$ 150 mil em favor de Josué "
     "Ribeiro Campelo em 2020.", "R$ 150 mil", {"lemma": "depositar", "recipient": "Josué Ribeiro Campelo"}),
    # a consortium that `garante` money secures it; a deputy gives it; one body `ao` another is two
    ("O Consórcio de Saúde do Cariri garantiu R$ 4,8 milhões para ampliar a Policlínica Regional.",
     "R$ 4,8 milhões", {"lemma": "garantir", "payer": None, "recipient": "Consórcio de Saúde do Cariri"}),
    ("O deputado federal Raimundo Sátiro Bezerra garantiu R$ 2,4 milhões para a compra de um tomógrafo.",
     "R$ 2,4 milhões", {"lemma": "garantir", "payer": "Raimundo Sátiro Bezerra"}),
    ("Os R$ 2,4 milhões serão transferidos pelo Ministério da Saúde ao Fundo Municipal de Saúde de Juazeiro do Norte.",
     "R$ 2,4 milhões", {"lemma": "transferir", "payer": "Ministério da Saúde",
                        "recipient": "Fundo Municipal de Saúde de Juazeiro do Norte"}),
    # the agent of a participle after the amount pays; `o municipio` typed in a hurry is an anaphor
    ("A Paraíba recebeu R$ 412 milhões nessa modalidade, repassados pelo Fundo Nacional de Desenvolvimento da "
     "Educação (FNDE).", "R$ 412 milhões", {"lemma": "receber", "recipient": "Paraíba",
                                          "payer": "Fundo Nacional de Desenvolvimento da Educação"}),
    ("O Tribunal de Contas condenou o ex-prefeito de Apodi. Ele terá de devolver R$ 1,4 milhão aos cofres do "
     "municipio.",
     "R$ 1,4 milhão", {"lemma": "devolver", "recipient": "Apodi"}),
    # `à cooperativa pelo …` (not `de`); a deposit `no Fundo`; `a autarquia` after a water service
    ("A Cooperativa Agrícola dos Produtores de Açaí de Igarapé-Miri cresceu. A Companhia Nacional de Abastecimento "
     "(Conab) pagou R$ 1,2 milhão à cooperativa pelo fornecimento de polpa.", "R$ 1,2 milhão",
     {"lemma": "pagar", "recipient": "Cooperativa Agrícola dos Produtores de Açaí de Igarapé-Miri"}),
    ("Pelo convênio, o município aportou R$ 800 mil no Fundo de Aval Feirense, que garante os empréstimos.",
     "R$ 800 mil", {"lemma": "aportar", "recipient": "Fundo de Aval Feirense"}),
    ("O Serviço Autônomo de Água e Esgoto de Quixadá faz a obra. A autarquia municipal fica ainda com R$ 900 mil para "
     "trocar hidrômetros.", "R$ 900 mil",
     {"lemma": "ficar", "recipient": "Serviço Autônomo de Água e Esgoto de Quixadá"}),
    # a relative clause on an apposition
    ("O hospital é administrado pelo Instituto de Saúde e Gestão Hospitalar (ISGH), organização social que recebe "
     "R$ 5,2 milhões por mês do governo do Ceará.", "R$ 5,2 milhões",
     {"lemma": "receber", "recipient": "Instituto de Saúde e Gestão Hospitalar"}),
    # the one condemned pays, not the court
    ("A 2ª Vara Cível da Comarca de Ipatinga condenou a Prefeitura de Ipatinga a pagar R$ 80 mil à comerciante "
     "Rosângela Vieira Campos.", "R$ 80 mil",
     {"lemma": "pagar", "payer": "Prefeitura de Ipatinga", "recipient": "Rosângela Vieira Campos"}),
    # a share of the money leaves the action to its verb; with no money verb, the share acts
    ("A Santa Casa de Marília ficou com a menor das três parcelas (R$ 4,3 milhões).", "R$ 4,3 milhões",
     {"lemma": "ficar", "recipient": "Santa Casa de Marília"}),
    ("O juro é de 4,5% ao ano e a primeira parcela, de R$ 410 mil, vence em 2027.", "R$ 410 mil",
     {"lemma": "parcela", "kind": "debt"}),
    # a loan made with a bank is the bank's money; the passive's subject is the one condemned
    ("A Companhia de Saneamento Ambiental do Maranhão (Caema) assinou contrato de financiamento de R$ 1,2 bilhão com o "
     "Banco Nacional de Desenvolvimento Econômico e Social (BNDES) para ampliar a rede de esgoto.", "R$ 1,2 bilhão",
     {"lemma": "financiamento", "payer": "Banco Nacional de Desenvolvimento Econômico e Social",
      "recipient": "Companhia de Saneamento Ambiental do Maranhão", "purpose": "para ampliar a rede de esgoto"}),
    ("A Prefeitura de Bacabal atrasou salários. O município também foi condenado pela Justiça do Trabalho a pagar "
     "R$ 430 mil a ex-contratados da saúde.", "R$ 430 mil", {"lemma": "pagar", "payer": "Prefeitura de Bacabal"}),
    # a passive the parse left without a subject: the name right before it
    ("Além dos dois clubes da capital, a Agremiação Sportiva Arapiraquense (ASA) será beneficiada com R$ 350 mil.",
     "R$ 350 mil", {"lemma": "beneficiar", "recipient": "Agremiação Sportiva Arapiraquense"}),
    # `autoriza o repasse de`: the noun acts, its source pays; a gazette is no party
    ("Portaria publicada nesta sexta-feira no Diário Oficial da União autoriza o repasse de R$ 12,4 milhões do "
     "Ministério da Integração e do Desenvolvimento Regional (MIDR) a dois municípios gaúchos.", "R$ 12,4 milhões",
     {"lemma": "repasse", "payer": "Ministério da Integração e do Desenvolvimento Regional"}),
    # a bus company is a company (`Viação`), `à empresa` stands for it
    ("A Viação Capim Dourado opera 70% das linhas. A prefeitura deixou de repassar à empresa R$ 7,3 milhões em "
     "subsídios.", "R$ 7,3 milhões", {"lemma": "repassar", "recipient": "Viação Capim Dourado", "negated": True}),
    # `pagos pela` read as pagar; a head word before an acronym's syllables is part of the long form
    ("Cada agremiação fica com R$ 4,5 milhões, pagos pela Secretaria de Estado de Cultura e Economia Criativa.",
     "R$ 4,5 milhões", {"lemma": "ficar", "payer": "Secretaria de Estado de Cultura e Economia Criativa"}),
    ("A Companhia de Saneamento do Paraná (Sanepar) vai ampliar a rede. Como contrapartida, a companhia pagará "
     "R$ 25 milhões à Prefeitura de Ponta Grossa.", "R$ 25 milhões",
     {"lemma": "pagar", "payer": "Companhia de Saneamento do Paraná", "recipient": "Prefeitura de Ponta Grossa"}),
    # a court's chamber imposing a fine receives it; a cut from a body's budget is that body's money
    ("O Tribunal de Contas do Estado de Pernambuco julgou as contas. Além do ressarcimento, o colegiado aplicou multa "
     "de R$ 38 mil ao ex-gestor.", "R$ 38 mil",
     {"lemma": "aplicar", "kind": "fine", "recipient": "Tribunal de Contas do Estado de Pernambuco"}),
    ("O Governo de Goiás contingenciou R$ 47 milhões do orçamento de 2025 da Universidade Estadual de Goiás (UEG).",
     "R$ 47 milhões", {"lemma": "contingenciar", "kind": "cut", "recipient": "Universidade Estadual de Goiás"}),
    ("A receita da Bahia com royalties do petróleo somou R$ 412 milhões no primeiro semestre.", "R$ 412 milhões",
     {"lemma": "receita", "recipient": "Bahia"}),
    # `vão para`; `estão reservados`; `um contingenciamento de`
    ("Do total, R$ 201 milhões vão para a Prefeitura de Goiânia.", "R$ 201 milhões",
     {"lemma": "ir", "recipient": "Prefeitura de Goiânia"}),
    ("Para a saúde estão reservados R$ 19,7 bilhões no orçamento de 2026.", "R$ 19,7 bilhões",
     {"lemma": "reservar", "kind": "budget"}),
    # `no valor de` only introduces the amount: the agreement or fine above it acts
    ("Na ocasião, o governador assina convênio do Programa Minha Casa, Minha Vida, no valor de R$ 2 milhões.",
     "R$ 2 milhões", {"lemma": "convênio", "kind": "transfer"}),
    # a body that funds, on the other side of an agreement, pays whoever signs; not a consortium
    ("Com a nova linha, a Coopagreste passa a contar com um contrato de R$ 1,6 milhão por ano com a Secretaria de "
     "Educação de Pernambuco para fornecer queijo.", "R$ 1,6 milhão",
     {"lemma": "contrato", "kind": "transfer", "payer": "Secretaria de Educação de Pernambuco",
      "recipient": "Coopagreste"}),
    ("A Sudam assinou convênio de R$ 45 milhões com o Cimcero.", "R$ 45 milhões",
     {"lemma": "convênio", "payer": "Superintendência do Desenvolvimento da Amazônia", "recipient": "Cimcero"}),
    # a modal is no debt: the verb after it acts, or the amount's own noun
    ("A primeira parcela, de R$ 11,4 milhões, deve ser depositada até outubro na conta do convênio.", "R$ 11,4 milhões",
     {"lemma": "depositar", "kind": "transfer", "hedged": True}),
    ("O contrato de R$ 300 milhões deve substituir os serviços emergenciais.", "R$ 300 milhões",
     {"lemma": "contrato", "kind": "transfer"}),
    # `deixar de` negates; leaving a post does not
    ("A prefeitura deixou de repassar R$ 2 milhões ao hospital.", "R$ 2 milhões",
     {"lemma": "repassar", "negated": True}),
    ("Severino deixou o cargo em 2005, depois de ser denunciado de cobrar R$ 10 mil para manter o restaurante.",
     "R$ 10 mil", {"lemma": "cobrar", "negated": False}),
    # a verb of coming: its `de` phrase pays
    ("Do total, R$ 2 milhões vêm do Ministério da Saúde.", "R$ 2 milhões",
     {"lemma": "vir", "payer": "Ministério da Saúde"}),
    # `o montante de` names the amount: as the subject it is the amount, not what it describes
    # the conditional: alleged, not confirmed
    ("A empresa M. Brasil teria doado R$ 100 mil ao Diretório Nacional do PT.", "R$ 100 mil",
     {"lemma": "doar", "kind": "transfer", "payer": "M. Brasil", "recipient": "Diretório Nacional do PT",
      "hedged": True}),
    ("Foi repassado aos clubes o montante de R$ 54 milhões.", "R$ 54 milhões",
     {"lemma": "repassar", "kind": "transfer"}),
    ("O FDNE realizou aportes, da ordem de R$ 1,8 bilhão, no projeto da fábrica.", "R$ 1,8 bilhão",
     {"lemma": "aporte", "kind": "investment"}),
    ("O TCE aplicou multa no valor de R$ 7.500 ao prefeito Gilmar Alves.", "R$ 7.500",
     {"lemma": "aplicar", "kind": "fine", "payer": "Gilmar Alves", "recipient": "Tribunal de Contas do Estado"}),
    ("A Fundarpe afirma que o atraso decorre de um contingenciamento de R$ 5 milhões no orçamento da Secretaria.",
     "R$ 5 milhões", {"lemma": "contingenciamento", "kind": "cut"}),
    ("A costureira Rosilene Santana Matos conseguiu R$ 15 mil para comprar duas máquinas industriais.", "R$ 15 mil",
     {"lemma": "conseguir", "recipient": "Rosilene Santana Matos"}),
    # a network the money goes to stands for the place it serves
    ("O secretário anunciou que o Estado vai repassar mais R$ 2,3 milhões para a rede de urgência e emergência do "
     "Norte de Minas até 30 de junho.", "R$ 2,3 milhões", {"lemma": "repassar", "recipient": "Norte de Minas"}),
    # people paid where they are: the place; people paid as themselves: no place
    ("O MDA libera R$ 412 milhões do Garantia-Safra a agricultores do Semiárido.", "R$ 412 milhões",
     {"lemma": "liberar", "recipient": "Semiárido"}),
    ("O instituto paga R$ 300 a estudantes de Roraima.", "R$ 300", {"lemma": "pagar", "recipient": "Roraima"}),
    # a fine noun the parse hangs under the one fined: the court that applies it collects it
    ("Além do débito, o Tribunal de Contas do Estado do Maranhão aplicou ao ex-gestor multa de R$ 43,5 mil.",
     "R$ 43,5 mil", {"lemma": "aplicar", "kind": "fine", "recipient": "Tribunal de Contas do Estado do Maranhão"}),
    # a funder approves what it pays; a legislature approving a budget pays nothing
    ("O Fundo Amazônia aprovou R$ 45 milhões para os bombeiros do Acre.", "R$ 45 milhões",
     {"lemma": "aprovar", "payer": "Fundo Amazônia"}),
    ("A Assembleia Legislativa aprovou R$ 45 milhões para a saúde.", "R$ 45 milhões",
     {"lemma": "aprovar", "payer": None}),
    # money raised `na Finep` comes from the Finep (a lender known by its acronym)
    ("A Universidade Federal do Cariri capta R$ 7,5 milhões na Finep para um laboratório.", "R$ 7,5 milhões",
     {"lemma": "captar", "payer": "Financiadora de Estudos e Projetos",
      "recipient": "Universidade Federal do Cariri"}),
    # `a` typed for `à` right after the amount paid
    ("Segundo a auditoria, a prefeitura pagou R$ 2,1 milhões a empresa Rota Potiguar Transportes Ltda. por rotas.",
     "R$ 2,1 milhões", {"lemma": "pagar", "recipient": "Rota Potiguar Transportes Ltda."}),
    # `ao` inside a programme's name is no recipient
    ("A gestão informou que gasta R$ 190 mil com o transporte e recebe R$ 310 mil por ano do Programa Nacional "
     "de Apoio ao Transporte do Escolar (Pnate), do FNDE.",
     "R$ 310 mil", {"lemma": "receber", "recipient": None}),
    # a court's division stands for the court named before
    ("A 3ª Vara Federal de Londrina repassa as penas às entidades. Em 2024, a vara distribuiu R$ 410 mil.",
     "R$ 410 mil", {"lemma": "distribuir", "payer": "Vara Federal de Londrina"}),
    # the clause after a colon shares the subject of the one before it
    ("O município de Quixadá foi o mais beneficiado: vai receber R$ 3,1 milhões da Secretaria das Cidades.",
     "R$ 3,1 milhões", {"lemma": "receber", "recipient": "Quixadá", "payer": "Secretaria das Cidades"}),
]  # fmt: skip


@pytest.fixture(scope="module")
def shipped():
    return pipeline.load()


def _fact(record: dict, amount: str) -> dict | None:
    found = [f for f in record["facts"] if f["amount"]["text"].startswith(amount)]
    assert len(found) <= 1
    return found[0] if found else None


@pytest.mark.parametrize(("text", "amount", "expected"), ROWS, ids=[f"{r[1]}:{r[0][:30]}" for r in ROWS])
def test_fact(shipped, text, amount, expected):
    record = check_record(pipeline.process(text, nlp=shipped, published_at="2024-03-12"))
    money = [e for e in record["entities"] if e["label"] == "MONEY"]
    # the MONEY entity is there, fact or not
    assert any(m["text"].startswith(amount) for e in money for m in e["mentions"])
    fact = _fact(record, amount)
    if expected is None:
        assert fact is None
        return
    assert fact is not None, record["facts"]
    entities = record["entities"]

    def name(ref):
        return None if ref is None else entities[ref["entity"]]["canonical"]

    assert entities[fact["amount"]["entity"]]["label"] == "MONEY"
    assert fact["action"]["lemma"] == expected["lemma"]
    for key in ("kind",):
        if key in expected:
            assert fact["action"][key] == expected[key]
    for key in ("payer", "recipient"):
        if key in expected:
            assert name(fact[key]) == expected[key], key
    if "purpose" in expected:
        got = fact["purpose"]["text"] if fact["purpose"] else None
        assert got == expected["purpose"] if expected["purpose"] is None else expected["purpose"] in (got or "")
    for key in ("negated", "hedged"):
        assert fact[key] is expected.get(key, False), key
    for key in ("min", "max"):
        if key in expected:
            assert fact["amount"][key] == expected[key]
    assert record["text"][fact["sentence"]["start"] : fact["sentence"]["end"]].strip()
    assert 0 < fact["confidence"] <= 1


def test_date_falls_back_to_publication(shipped):
    record = pipeline.process("O Ministério da Saúde liberou R$ 2 milhões.", nlp=shipped, published_at="2024-03-12")
    [fact] = record["facts"]
    assert fact["date"] == {"entity": None, "value": "2024-03-12", "from_publication": True}


def test_date_from_the_sentence(shipped):
    record = pipeline.process(
        "O Ministério da Saúde liberou R$ 2 milhões em 5 de março de 2024.", nlp=shipped, published_at="2024-03-12"
    )
    [fact] = record["facts"]
    assert fact["date"]["from_publication"] is False
    assert fact["date"]["value"] == "2024-03-05"


def test_offsets_point_into_the_original_text(shipped):
    # doubled spaces and a typo change the normalised text; every offset still holds in the original
    text = "O  Ministerio da Saúde liberou  R$ 12,5 milhões para o município de Castanhal  custear cirurgias."
    record = check_record(pipeline.process(text, nlp=shipped))
    [fact] = record["facts"]
    assert text[fact["amount"]["start"] : fact["amount"]["end"]] == "R$ 12,5 milhões"
    assert text[fact["action"]["start"] : fact["action"]["end"]] == "liberou"


def test_no_parse_no_facts(nlp):
    record = check_record(pipeline.process("O Ministério da Saúde liberou R$ 2 milhões.", nlp=nlp))
    assert record["facts"] == []
    assert any(e["label"] == "MONEY" for e in record["entities"])


def test_a_failing_facts_stage_keeps_the_record(shipped, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(facts_stage, "facts", broken)
    record = check_record(pipeline.process("O Ministério da Saúde liberou R$ 2 milhões.", nlp=shipped))
    assert record["error"] is None
    assert record["facts"] == []
    assert any(e["label"] == "MONEY" for e in record["entities"])
    assert [w["type"] for w in record["warnings"]] == ["facts_failed"]


def test_tables_are_consistent():
    from pipeline.lang.pt import facts as words

    kinds = set(words.KINDS)
    assert {kind for kind, _ in words.VERBS.values()} <= kinds
    assert set(words.NOUNS.values()) <= kinds
    assert {role for _, role in words.VERBS.values()} <= {"payer", "recipient", None}
