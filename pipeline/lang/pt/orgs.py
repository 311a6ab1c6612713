"""Words for organisation names and acronyms."""

from pathlib import Path

# Small words inside a name that do not give the acronym a letter.
CONNECTORS: frozenset[str] = frozenset(
    {
        "de",
        "da",
        "do",
        "das",
        "dos",
        "e",
        "para",
        "a",
        "o",
        "à",
        "às",
        "ao",
        "aos",
        "em",
        "no",
        "na",
        "nos",
        "nas",
        "sobre",
    }
)

# First words of an organisation's name (`Prefeitura de Montes Claros`, `Secretaria de Saúde`).
ORG_HEADS: tuple[str, ...] = (
    "Agência",
    "Arquidiocese",
    "Assembleia Legislativa",
    "Associação",
    "Autarquia",
    "Banco",
    "Batalhão",
    "Casa Civil",
    "Centro",
    "Clube",
    "Comando",
    "Comissão",
    "Companhia",
    "Confederação",
    "Conselho",
    "Consórcio",
    "Controladoria",
    "Cooperativa",
    "Coordenadoria",
    "Corpo de Bombeiros",
    "Câmara dos Deputados",
    "Câmara Municipal",
    "Câmara de",  # `Câmara de Braga` (PT-PT: the municipal council), `Câmara de Vereadores de Picos`
    "Defensoria Pública",
    "Defesa Civil",
    "Delegacia",
    "Departamento",
    "Diocese",
    "Diretoria",
    "Empresa",
    "Viação",
    "Esporte Clube",
    "Federação",
    "Frente",
    "Fundação",
    "Fundo",
    "Fórum",
    "Gabinete",
    "Grêmio",
    "Hospital",
    "Instituto",
    "Irmandade",
    "Juizado",
    "Junta de Freguesia",
    "Ministério",
    "Ministério Público",
    "Observatório",
    "Ordem",
    "Organização",
    "Paróquia",
    "Polícia",
    "Prefeitura",
    "Procuradoria",
    "Santa Casa",
    "Secretaria",
    "Senado Federal",
    "Serviço",
    "Sindicato",
    "Sport Club",
    "Superintendência",
    "Supremo Tribunal",
    "Tribunal",
    "Universidade",
    "União",
    "Vara",
)


# Kinds in acronyms.tsv that name a programme, fund or tax rather than a body: labelled PROGRAM.
PROGRAM_KINDS: frozenset[str] = frozenset({"programme", "fund", "tax"})


def _read_acronyms() -> tuple[dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    kinds: dict[str, str] = {}
    path = Path(__file__).with_name("acronyms.tsv")
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            acronym, name, kind = line.split("\t")
            names[acronym] = name
            kinds[acronym] = kind
    return names, kinds


# Acronym -> canonical name (and kind) of common Brazilian and Portuguese bodies and programmes.
ACRONYMS, ACRONYM_KINDS = _read_acronyms()
