"""Words of dates and times: months, weekdays, number words, relative words, holidays, tense cues.

Brazilian and European spellings both (`dezesseis`/`dezasseis`, `catorze`/`quatorze`), with and
without accents (`março`/`marco` where the unaccented form is not an ordinary word in that place).
"""

from .money import NUMBER_WORDS as _MONEY_NUMBERS

MONTHS: dict[str, int] = {
    "janeiro": 1,
    "jan": 1,
    "fevereiro": 2,
    "fev": 2,
    "março": 3,
    "marco": 3,
    "mar": 3,
    "abril": 4,
    "abr": 4,
    "maio": 5,
    "mai": 5,
    "junho": 6,
    "jun": 6,
    "julho": 7,
    "jul": 7,
    "agosto": 8,
    "ago": 8,
    "setembro": 9,
    "set": 9,
    "outubro": 10,
    "out": 10,
    "novembro": 11,
    "nov": 11,
    "dezembro": 12,
    "dez": 12,
}
# Only full names are matched in running text: `mar`, `set`, `out` are ordinary words.
MONTHS_IN_TEXT: tuple[str, ...] = tuple(k for k in MONTHS if len(k) > 3)
# A month alone (`em março`) is a date only with its accent: `marco` alone is a landmark
# (`o marco legal`); with a day or a year (`marco de 2021`) it is the month typed in a hurry.
MONTHS_ALONE: tuple[str, ...] = tuple(k for k in MONTHS_IN_TEXT if k != "marco")

# Python's weekday(): Monday is 0.
WEEKDAYS: dict[str, int] = {
    "segunda-feira": 0,
    "segunda": 0,
    "terça-feira": 1,
    "terca-feira": 1,
    "terça": 1,
    "terca": 1,
    "quarta-feira": 2,
    "quarta": 2,
    "quinta-feira": 3,
    "quinta": 3,
    "sexta-feira": 4,
    "sexta": 4,
    "sábado": 5,
    "sabado": 5,
    "domingo": 6,
}
# Portuguese abbreviations by number: `2.ª-feira` is Monday, `6.ª feira` Friday.
WEEKDAY_NUMBERS: dict[str, int] = {"2": 0, "3": 1, "4": 2, "5": 3, "6": 4}
# Words before a weekday that anchor it to the week of publication.
THIS_WEEK: frozenset[str] = frozenset(
    {"nesta", "neste", "desta", "deste", "nessa", "nesse", "dessa", "desse", "esta", "este"}
)
NEXT: frozenset[str] = frozenset({"próxima", "proxima", "próximo", "proximo"})
LAST: frozenset[str] = frozenset({"última", "ultima", "último", "ultimo", "passada", "passado"})
# After a weekday, a month or a year: `quarta que vem`, `domingo passado`, `ano que vem`.
NEXT_AFTER: frozenset[str] = frozenset({"que vem", "próximo", "proximo", "próxima", "proxima"})
LAST_AFTER: frozenset[str] = frozenset({"passado", "passada"})
# Words before a weekday that make it every such day or any one, not a date (`toda terça-feira`,
# `cai num domingo`).
EVERY: frozenset[str] = frozenset(
    {"toda", "todas", "todo", "todos", "cada", "às", "as", "aos", "nas", "nos", "num", "numa", "um", "uma"}
)

# Number words a day or a count is written with (1 to 31), from the one table of number words
# (money's), so that a spelling added there is read here too.
_UNITS: dict[str, int] = {w: int(n) for w, n in _MONEY_NUMBERS.items() if n in range(1, 10)}
_TEENS: dict[str, int] = {w: int(n) for w, n in _MONEY_NUMBERS.items() if n in range(10, 20)}


def _number_words() -> dict[str, int]:
    out = {**_UNITS, **_TEENS, "vinte": 20, "trinta": 30}
    out.update({f"vinte e {w}": 20 + n for w, n in _UNITS.items()})
    out.update({f"trinta e {w}": 30 + n for w, n in _UNITS.items() if n == 1})
    return out


NUMBER_WORDS: dict[str, int] = _number_words()
# `primeiro de janeiro`, `1º de maio`: the first of a month is written as an ordinal.
FIRST_WORDS: frozenset[str] = frozenset({"primeiro", "primeira"})

# A day named by a word, as an offset in days from the publication date. `hoje` is a date only
# with a time or a day number after it (`hoje, às 15h`, `hoje (12)`): alone, in releases, it
# mostly means "nowadays" (`o Brasil de hoje`, `tem hoje 50 mil habitantes`).
DAY_OFFSETS: dict[str, int] = {
    "anteontem": -2,
    "antes de ontem": -2,
    "antes-de-ontem": -2,
    "ontem": -1,
    "hoje": 0,
    "amanhã": 1,
    "amanha": 1,
    "depois de amanhã": 2,
    "depois de amanha": 2,
    "depois-de-amanhã": 2,
}

# Units of `mês passado`, `há três semanas`, `fim do ano`.
UNITS: dict[str, str] = {
    "dia": "day",
    "dias": "day",
    "semana": "week",
    "semanas": "week",
    "mês": "month",
    "mes": "month",
    "meses": "month",
    "ano": "year",
    "anos": "year",
}
# Before a unit, the unit of publication (`este ano`, `nesta semana`) or the next one.
# `esse`/`nesse` are left out: in news they point back to a year already named
# (`Em 2019 ... Nesse ano`), not to the year of publication.
UNIT_THIS: frozenset[str] = frozenset({"este", "esta", "neste", "nesta", "deste", "desta"})
UNIT_NEXT: frozenset[str] = frozenset({"próximo", "proximo", "próxima", "proxima"})
# After a unit: `mês passado`, `ano que vem`, `ano corrente`.
UNIT_AFTER: dict[str, int] = {
    "passado": -1,
    "passada": -1,
    "que vem": 1,
    "corrente": 0,
    "em curso": 0,
}
# `há três semanas`, `faz cinco dias` look back; `daqui a dois meses`, `em 10 dias`, `dentro de
# 15 dias` look ahead; `três dias atrás` looks back from after the count.
OFFSET_BEFORE: dict[str, int] = {
    "há": -1,
    "faz": -1,
    "daqui a": 1,
    "daqui há": 1,
    "em": 1,
    "dentro de": 1,
}
OFFSET_AFTER: dict[str, int] = {"atrás": -1, "atras": -1}

# A part of a month or a year: `início de março` is its first ten days, `fim do ano` its last
# quarter (see resolve in components/dates.py).
PARTS: dict[str, str] = {
    "início": "start",
    "inicio": "start",
    "começo": "start",
    "comeco": "start",
    "princípio": "start",
    "principio": "start",
    "meados": "middle",
    "fim": "end",
    "final": "end",
    "fins": "end",
    "finais": "end",
}
# `primeiro dia de 2013`, `última semana de março`.
POSITIONS: dict[str, str] = {
    "primeiro": "first",
    "primeira": "first",
    "último": "last",
    "ultimo": "last",
    "última": "last",
    "ultima": "last",
}
# `segundo semestre`, `1º trimestre`.
ORDINALS: dict[str, int] = {
    "primeiro": 1,
    "1º": 1,
    "1°": 1,
    "1o": 1,
    "segundo": 2,
    "2º": 2,
    "2°": 2,
    "2o": 2,
    "terceiro": 3,
    "3º": 3,
    "3°": 3,
    "3o": 3,
    "quarto": 4,
    "4º": 4,
    "4°": 4,
    "4o": 4,
}

# Holidays. A one-word name is a date only after the words of its class (see HOLIDAY_LEADS):
# `Natal` alone is a capital city (`em Natal`, `Prefeitura de Natal`), `Tiradentes` a town and a
# street; `no Natal`, `a Páscoa`, `feriado de Tiradentes` are days. Names of two words or more
# (`Dia das Mães`, `véspera de Natal`) need nothing before them.
# Fixed: (month, day, class).
FIXED_HOLIDAYS: dict[str, tuple[int, int, str]] = {
    "natal": (12, 25, "m"),
    "ano novo": (1, 1, "m"),
    "ano-novo": (1, 1, "m"),
    "réveillon": (12, 31, "m"),
    "reveillon": (12, 31, "m"),
    "tiradentes": (4, 21, "day"),
    "finados": (11, 2, "day"),
    "dia do trabalho": (5, 1, ""),
    "dia do trabalhador": (5, 1, ""),
    "dia da independência": (9, 7, ""),
    "dia da independencia": (9, 7, ""),
    "dia de finados": (11, 2, ""),
    "dia das crianças": (10, 12, ""),
    "dia das criancas": (10, 12, ""),
    "dia dos namorados": (6, 12, ""),
    "dia da consciência negra": (11, 20, ""),
    "dia da consciencia negra": (11, 20, ""),
    "dia de tiradentes": (4, 21, ""),
    "proclamação da república": (11, 15, ""),
    "proclamacao da republica": (11, 15, ""),
    "dia de portugal": (6, 10, ""),
    "dia da liberdade": (4, 25, ""),
    "implantação da república": (10, 5, ""),
    "implantacao da republica": (10, 5, ""),
    "restauração da independência": (12, 1, ""),
    "restauracao da independencia": (12, 1, ""),
    "dia de todos os santos": (11, 1, ""),
    "véspera de natal": (12, 24, ""),
    "vespera de natal": (12, 24, ""),
    "noite de natal": (12, 24, ""),
    "véspera de ano novo": (12, 31, ""),
    "vespera de ano novo": (12, 31, ""),
}
# Movable, from Easter Sunday: (days after it, class); Carnaval is its Tuesday.
EASTER_HOLIDAYS: dict[str, tuple[int, str]] = {
    "páscoa": (0, "f"),
    "pascoa": (0, "f"),
    "domingo de páscoa": (0, ""),
    "domingo de pascoa": (0, ""),
    "carnaval": (-47, "m"),
    "terça-feira de carnaval": (-47, ""),
    "quarta-feira de cinzas": (-46, ""),
    "sexta-feira santa": (-2, ""),
    "sexta-feira da paixão": (-2, ""),
    "sexta-feira da paixao": (-2, ""),
    "corpus christi": (60, ""),
}
# Movable, the nth Sunday of a month (Brazil): (month, n).
NTH_SUNDAY_HOLIDAYS: dict[str, tuple[int, int]] = {
    "dia das mães": (5, 2),
    "dia das maes": (5, 2),
    "dia dos pais": (8, 2),
}
_DAY_LEADS = frozenset({"dia de", "feriado de", "feriado do", "feriado da", "véspera de", "vespera de"})
_AROUND = ("até", "após", "durante")
HOLIDAY_LEADS: dict[str, frozenset[str]] = {
    "m": _DAY_LEADS
    | {"o", "no", "do", "ao", "pelo", "este", "neste", "deste", "próximo", "proximo", "último", "ultimo"}
    | {f"{w} o" for w in _AROUND}
    | {"depois do", "antes do"},
    "f": _DAY_LEADS
    | {"a", "na", "da", "pela", "esta", "nesta", "desta", "próxima", "proxima", "última", "ultima"}
    | {f"{w} a" for w in _AROUND}
    | {"depois da", "antes da"},
    "day": _DAY_LEADS,
}

# Times of day: `ao meio-dia`, `à meia-noite` (hours).
TIME_WORDS: dict[str, int] = {"meio-dia": 12, "meia-noite": 0}

# Open intervals: `até 30 de junho` ends there, `a partir de 1º de abril` and `desde março`
# start there.
OPEN_END: frozenset[str] = frozenset({"até", "ate"})
OPEN_START: frozenset[str] = frozenset(
    {"a partir de", "a partir do", "a partir da", "a partir dos", "desde", "a contar de", "a contar do", "a contar da"}
)

# Words just before a date that say which way to look from the publication date when the date
# itself does not (`adiado para sexta-feira` is the next Friday, though `adiado` is past;
# `desde segunda-feira` the last Monday). They weigh more than the verb's tense.
LEAN_FORWARD: frozenset[str] = frozenset(
    {"para", "até", "ate", "a partir de", "a partir do", "a partir da", "a partir dos"}
)
LEAN_BACK: frozenset[str] = frozenset({"desde"})

# The verb's tense from the text alone, where the spaCy pipeline has no morphology
# (`spacy.blank`). Future: `vai`, `será`, and any `-rá`/`-rão` form; past: the irregular forms
# below and regular `-ou`, `-eu`, `-iu`, `-aram`, `-eram`, `-iram`.
FUTURE_WORDS: frozenset[str] = frozenset(
    {"vai", "vão", "vao", "irá", "irão", "ira", "irao", "vamos", "iremos", "será", "serão", "sera", "serao"}
)
PAST_WORDS: frozenset[str] = frozenset(
    {
        "foi", "foram", "fui", "fomos", "esteve", "estiveram", "teve", "tiveram", "fez", "fizeram", "disse",
        "disseram", "houve", "veio", "vieram", "deu", "deram", "pôde", "puderam", "quis", "quiseram", "trouxe",
        "trouxeram", "soube", "souberam", "pôs", "puseram", "viu", "viram", "fiz", "fizemos", "estive",
        "estivemos", "tive", "tivemos", "dissemos", "pude", "pudemos", "vim", "viemos", "dei", "demos",
        "trouxemos", "vimos",
    }
)  # fmt: skip
# The imperfect: past for which way to look, but `há 20 anos` after it is a duration
# (`esperávamos há 20 anos`), not a date; so after the present (`atua há 20 anos`).
IMPERFECT_WORDS: frozenset[str] = frozenset(
    {"era", "eram", "estava", "estavam", "tinha", "tinham", "havia", "haviam", "ia", "iam", "vinha", "vinham"}
)
IMPERFECT_ENDINGS: tuple[str, ...] = ("ava", "avam", "ávamos", "íamos", "iam")
DURATION_WORDS: frozenset[str] = frozenset(
    {
        "é", "são", "está", "estão", "existe", "existem", "atua", "atuam", "trabalha", "trabalham", "vive", "vivem",
        "funciona", "funcionam", "aguarda", "aguardam", "espera", "esperam", "luta", "lutam", "tem", "têm",
        "mora", "moram", "opera", "operam", "atende", "atendem", "acompanha", "acompanham", "dura", "duram",
        "vem", "vêm", "continua", "continuam", "permanece", "permanecem", "sofre", "sofrem",
    }
)  # fmt: skip
PAST_ENDINGS: tuple[str, ...] = ("ou", "eu", "iu", "aram", "eram", "iram", "íram")
FUTURE_ENDINGS: tuple[str, ...] = ("rá", "rão", "remos", "rei")
# Words with those endings that are no verbs (or no past or future ones).
NOT_TENSE_WORDS: frozenset[str] = frozenset(
    {
        "ou", "sou", "vou", "dou", "estou", "eu", "seu", "meu", "teu", "museu", "europeu", "jubileu", "liceu",
        "apogeu", "ateneu", "hebreu", "plebeu", "pigmeu", "fariseu", "pneu", "judeu", "ilhéu", "réu", "céu",
        "chapéu", "troféu", "mausoléu", "verão", "pará", "ipirá", "guará", "maracá", "cará", "jacará",
        "saguará", "panará", "itaperuçu", "abaeté", "pirão", "padrão", "ladrão", "patrão", "mourão", "barão",
        "extremos", "supremos", "remos", "grei",
    }
)  # fmt: skip

# Words just before a day and month that make them part of a name, not a date
# (`Rua 25 de Março`, `Avenida Sete de Setembro`, `Bairro Primeiro de Maio`).
NAME_LEADS: frozenset[str] = frozenset(
    {
        "rua", "r", "avenida", "av", "praça", "praca", "largo", "travessa", "tv", "alameda", "al", "estrada",
        "rodovia", "ponte", "viaduto", "parque", "bairro", "vila", "jardim", "conjunto", "escola", "colégio",
        "colegio", "estádio", "estadio", "ladeira", "beco", "esplanada", "terminal", "hospital", "edifício",
        "edificio", "residencial", "loteamento", "usina", "mercado", "praia", "ilha", "cidade", "município",
        "municipio", "distrito", "comunidade", "assentamento", "sítio", "sitio", "fazenda", "creche", "ginásio",
        "ginasio", "teatro", "cine", "clube", "sociedade", "associação", "associacao", "movimento", "revolução",
        "revolucao", "levante", "operação", "operacao",
    }
)  # fmt: skip
# Capitalised words that may stand before a date without making it a name (`Em 3 de Maio`).
DATE_LEADS: frozenset[str] = frozenset(
    {
        "em", "no", "na", "de", "do", "da", "desde", "até", "ate", "dia", "entre", "a", "à", "o", "após", "apos",
        "antes", "depois", "hoje", "ontem", "amanhã", "domingo", "sábado", "sabado", "publicado", "publicada",
        "atualizado", "atualizada", "data", "quando", "segunda-feira", "terça-feira", "quarta-feira",
        "quinta-feira", "sexta-feira", "pelo", "pela", "para", "por", "e", "ou", "lisboa", "brasília",
    }
)  # fmt: skip
# Nouns that make a short weekday an ordinal (`nesta segunda etapa`, `na quinta rodada`).
ORDINAL_NOUNS: frozenset[str] = frozenset(
    {
        "etapa", "etapas", "fase", "fases", "edição", "edicao", "parcela", "parcelas", "rodada", "dose", "doses",
        "série", "serie", "vez", "quinzena", "chamada", "onda", "colocação", "colocacao", "posição", "posicao",
        "instância", "instancia", "turma", "geração", "geracao", "via", "lugar", "temporada", "sessão", "sessao",
        "metade", "opção", "opcao", "maior", "mais", "menor", "melhor", "pior", "prova", "parte", "classe",
        "seção", "secao", "câmara", "camara", "vara", "turno", "volta", "colocada", "colocado", "mão", "mao",
        "divisão", "divisao", "região", "regiao", "categoria", "versão", "versao", "leva", "remessa", "lista",
        "semana", "feira", "economia", "cidade", "capital", "potência", "potencia", "tentativa", "ação", "acao",
    }
)  # fmt: skip
# Parts of the day as (first, last) times of day.
PARTS_OF_DAY: dict[str, tuple[str, str]] = {
    "madrugada": ("00:00", "05:59"),
    "manhã": ("06:00", "11:59"),
    "manha": ("06:00", "11:59"),
    "tarde": ("12:00", "17:59"),
    "noite": ("18:00", "23:59"),
}
