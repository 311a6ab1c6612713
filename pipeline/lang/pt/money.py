"""Currency markers, multiplier words and number words for amounts of money."""

# Marker written before the number -> ISO 4217 code.
CURRENCY_SYMBOLS: dict[str, str] = {
    "R$": "BRL",
    "R $": "BRL",  # a space typed inside the symbol
    "BRL": "BRL",
    "US$": "USD",
    "U$": "USD",
    "USD": "USD",
    "$": "USD",
    "€": "EUR",
    "EUR": "EUR",
    "£": "GBP",
    "GBP": "GBP",
}

# Currency word written after the number (singular and plural, with lost accents) -> ISO code.
CURRENCY_WORDS: dict[str, str] = {
    "real": "BRL",
    "reais": "BRL",
    "dólar": "USD",
    "dolar": "USD",
    "dólares": "USD",
    "dolares": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "libra": "GBP",
    "libras": "GBP",
    "libras esterlinas": "GBP",
    "iene": "JPY",
    "ienes": "JPY",
    "franco suíço": "CHF",
    "francos suíços": "CHF",
    "franco suico": "CHF",
    "francos suicos": "CHF",
    "yuan": "CNY",
    "yuans": "CNY",
}

# Symbols written after the number (PT-PT habit: `12,50 €`, `2,3 M€`) -> (ISO code, factor).
POSTFIX_SYMBOLS: dict[str, tuple[str, int]] = {"€": ("EUR", 1), "M€": ("EUR", 1_000_000)}

# Cents alone (`subiu 50 centavos`): the currency they are cents of.
CENTS_CURRENCY: dict[str, str] = {"centavo": "BRL", "centavos": "BRL", "cêntimo": "EUR", "cêntimos": "EUR"}

# Cents words: `15 reais e 50 centavos` is one amount.
CENTS_WORDS: frozenset[str] = frozenset({"centavo", "centavos", "cêntimo", "cêntimos", "cent", "cents"})

# Multiplier words, with and without accents, PT-BR and PT-PT. `mil milhões` (PT-PT) is 1e9.
MULTIPLIERS: dict[str, int] = {
    "mil": 1_000,
    "milhão": 1_000_000,
    "milhao": 1_000_000,
    "milhões": 1_000_000,
    "milhoes": 1_000_000,
    "mi": 1_000_000,
    "mln": 1_000_000,
    "bilhão": 1_000_000_000,
    "bilhao": 1_000_000_000,
    "bilhões": 1_000_000_000,
    "bilhoes": 1_000_000_000,
    "bi": 1_000_000_000,
    "trilhão": 1_000_000_000_000,
    "trilhao": 1_000_000_000_000,
    "trilhões": 1_000_000_000_000,
    "trilhoes": 1_000_000_000_000,
    "tri": 1_000_000_000_000,
    # English copy in releases and agency wires (`US$ 1.5 billion`)
    "thousand": 1_000,
    "million": 1_000_000,
    "millions": 1_000_000,
    "billion": 1_000_000_000,
    "billions": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "trillions": 1_000_000_000_000,
}

# Singular multipliers: the number before them is under 2 (`R$ 1.004 trilhão` is 1.004
# trillion, never 1,004). English has no such agreement (`1.5 million`), nor do `mil`, `mi`, `bi`.
SINGULAR_MULTIPLIERS: frozenset[str] = frozenset({"milhão", "milhao", "bilhão", "bilhao", "trilhão", "trilhao"})

# Currencies whose writers put a thousand of millions as `1.500 milhões` (PT-PT: `bilião` is 1e12
# there, so a billion is `mil milhões` or `1.500 milhões`). Elsewhere `R$ 2.073 trilhões` has a
# dot for a decimal comma, because a Brazilian writer steps up to the next multiplier instead.
THOUSANDS_OF_MILLIONS: frozenset[str] = frozenset({"EUR"})

# The largest believable amount per currency: about twice Brazil's GDP for BRL (R$ 10.9
# trillion in 2023), about twice the world's GDP for the others (US$ 105 trillion in 2023),
# in the currency's own units. An amount over it is flagged `implausible`, never dropped.
PLAUSIBLE_MAX: dict[str, int] = {
    "BRL": 20_000_000_000_000,
    "USD": 200_000_000_000_000,
    "EUR": 200_000_000_000_000,
    "GBP": 200_000_000_000_000,
    "CHF": 200_000_000_000_000,
    "CNY": 1_500_000_000_000_000,
    "JPY": 30_000_000_000_000_000,
}

# Words that may follow an amount whose currency (`R$ 40 milhões para a saúde e 13,5 milhões
# para a educação`) or whose last part (`R$ 4 bilhões e 100 milhões em obras`) comes from the
# context. Function words only: a noun after it (`3 mil empregos`, `2 milhões de pessoas`) says
# the number counts something else.
CONTEXT_FOLLOWERS: frozenset[str] = frozenset(
    {
        "para", "pra", "em", "no", "na", "nos", "nas", "num", "numa", "ao", "aos", "à", "às",
        "com", "por", "pelo", "pela", "pelos", "pelas", "até", "e", "ou", "do", "da", "dos", "das",
        "nesse", "neste", "nessa", "nesta", "naquele", "naquela", "contra", "sendo",
        "foram", "serão", "são", "será", "vão", "irão", "devem", "deverão", "destinados",
        "destinadas", "previstos", "previstas", "aproximados", "cada", "respectivamente",
    }
)  # fmt: skip

# What joins the amounts of a list, so that the later ones share the first one's currency:
# `, 13,5 milhões`, `e 13,5 milhões`, `; 2 bilhões`, `: 2,7 bilhões do Orçamento`.
LIST_JOINS: tuple[str, ...] = (",", ";", ":", "e", "ou", "mais", "e mais", "além de")

# Joins that only link an amount written right before (`de R$ 40 milhões para 55 milhões`,
# `R$ 7 a 8 bilhões`, `R$ 362 milhões contra 284 milhões`).
NEXT_JOINS: tuple[str, ...] = ("para", "a", "até", "contra", "ou", "-", "–")

# Number words that may stand for the number in an amount (`doze milhões de reais`).
NUMBER_WORDS: dict[str, float] = {
    "meio": 0.5,  # `meio milhão de reais`
    "um": 1,
    "uma": 1,
    "dois": 2,
    "duas": 2,
    "três": 3,
    "tres": 3,
    "quatro": 4,
    "cinco": 5,
    "seis": 6,
    "sete": 7,
    "oito": 8,
    "nove": 9,
    "dez": 10,
    "onze": 11,
    "doze": 12,
    "treze": 13,
    "catorze": 14,
    "quatorze": 14,
    "quinze": 15,
    "dezesseis": 16,
    "dezasseis": 16,
    "dezessete": 17,
    "dezassete": 17,
    "dezoito": 18,
    "dezenove": 19,
    "dezanove": 19,
    "vinte": 20,
    "trinta": 30,
    "quarenta": 40,
    "cinquenta": 50,
    "cinqüenta": 50,  # the spelling before the 2009 reform, in older releases and news
    "sessenta": 60,
    "setenta": 70,
    "oitenta": 80,
    "noventa": 90,
    "cem": 100,
    "cento": 100,
    "duzentos": 200,
    "duzentas": 200,
    "trezentos": 300,
    "trezentas": 300,
    "quatrocentos": 400,
    "quinhentos": 500,
    "seiscentos": 600,
    "setecentos": 700,
    "oitocentos": 800,
    "novecentos": 900,
}
