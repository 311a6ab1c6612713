"""The 27 Brazilian federative units (IBGE codes and regions)."""

# (UF, name, IBGE code, region)
STATES: tuple[tuple[str, str, int, str], ...] = (
    ("RO", "Rondônia", 11, "Norte"),
    ("AC", "Acre", 12, "Norte"),
    ("AM", "Amazonas", 13, "Norte"),
    ("RR", "Roraima", 14, "Norte"),
    ("PA", "Pará", 15, "Norte"),
    ("AP", "Amapá", 16, "Norte"),
    ("TO", "Tocantins", 17, "Norte"),
    ("MA", "Maranhão", 21, "Nordeste"),
    ("PI", "Piauí", 22, "Nordeste"),
    ("CE", "Ceará", 23, "Nordeste"),
    ("RN", "Rio Grande do Norte", 24, "Nordeste"),
    ("PB", "Paraíba", 25, "Nordeste"),
    ("PE", "Pernambuco", 26, "Nordeste"),
    ("AL", "Alagoas", 27, "Nordeste"),
    ("SE", "Sergipe", 28, "Nordeste"),
    ("BA", "Bahia", 29, "Nordeste"),
    ("MG", "Minas Gerais", 31, "Sudeste"),
    ("ES", "Espírito Santo", 32, "Sudeste"),
    ("RJ", "Rio de Janeiro", 33, "Sudeste"),
    ("SP", "São Paulo", 35, "Sudeste"),
    ("PR", "Paraná", 41, "Sul"),
    ("SC", "Santa Catarina", 42, "Sul"),
    ("RS", "Rio Grande do Sul", 43, "Sul"),
    ("MS", "Mato Grosso do Sul", 50, "Centro-Oeste"),
    ("MT", "Mato Grosso", 51, "Centro-Oeste"),
    ("GO", "Goiás", 52, "Centro-Oeste"),
    ("DF", "Distrito Federal", 53, "Centro-Oeste"),
)

# Names that are also a capital city's name: a bare mention is ambiguous.
CITY_NAMESAKES: frozenset[str] = frozenset({"SP", "RJ"})

# Names that are ordinary Portuguese words when written in lower case or without accent
# (`para` the preposition against `Pará`): only matched capitalised and accented.
NEEDS_CAPITAL_AND_ACCENT: frozenset[str] = frozenset({"PA"})

# UF codes that are also common words or abbreviations in running text (`AL` in `et al`,
# `TO` in English, `ES` in Spanish, `PI` the number, `MA`, `SE` the conjunction, `DF`): only
# matched where the context says they are codes. `MS` is also the Ministério da Saúde.
AMBIGUOUS_CODES: frozenset[str] = frozenset(
    {"PA", "AL", "TO", "ES", "SE", "MA", "PI", "AM", "AP", "CE", "PE", "RN", "PR", "SC", "MS"}
)

# Demonyms (masculine singular; feminine and plural forms are derived): evidence that a text is
# about a state, kept in the STATE entity's attributes, never a mention of the state.
DEMONYMS: dict[str, str] = {
    "acreano": "AC",
    "acriano": "AC",
    "alagoano": "AL",
    "amapaense": "AP",
    "amazonense": "AM",
    "baiano": "BA",
    "cearense": "CE",
    "brasiliense": "DF",
    "capixaba": "ES",
    "espírito-santense": "ES",
    "goiano": "GO",
    "maranhense": "MA",
    "mato-grossense": "MT",
    "sul-mato-grossense": "MS",
    "mineiro": "MG",
    "norte-mineiro": "MG",
    "sul-mineiro": "MG",
    "paraense": "PA",
    "paraibano": "PB",
    "paranaense": "PR",
    "pernambucano": "PE",
    "piauiense": "PI",
    "fluminense": "RJ",
    "potiguar": "RN",
    "norte-rio-grandense": "RN",
    "gaúcho": "RS",
    "sul-rio-grandense": "RS",
    "rondoniense": "RO",
    "roraimense": "RR",
    "catarinense": "SC",
    "paulista": "SP",
    "sergipano": "SE",
    "tocantinense": "TO",
}
