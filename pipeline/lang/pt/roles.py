"""Words that name a person's role or office: the head of a role phrase (`presidente da AMAMS`)."""


def _words(text: str) -> list[str]:
    return text.split()


# Masculine and feminine forms, lower case, without `vice-`/`ex-`/`sub` prefixes (those are
# accepted in front of any of them). Compound titles are listed whole.
ROLE_HEADS: frozenset[str] = frozenset(
    _words(
        """
    presidente presidenta superintendente secretário secretária secretário-executivo
    secretária-executiva secretário-geral secretária-geral subsecretário subsecretária
    prefeito prefeita governador governadora ministro ministra deputado deputada
    deputado-federal deputada-federal deputado-estadual deputada-estadual senador senadora
    vereador vereadora diretor diretora diretor-presidente diretora-presidente diretor-geral
    diretora-geral diretor-executivo diretora-executiva coordenador coordenadora
    coordenador-geral coordenadora-geral assessor assessora consultor consultora técnico
    técnica gerente chefe juiz juíza desembargador desembargadora procurador procuradora
    procurador-geral procuradora-geral promotor promotora defensor defensora delegado
    delegada comandante reitor reitora analista especialista professor professora
    pesquisador pesquisadora conselheiro conselheira auditor auditora ouvidor ouvidora
    controlador controladora tesoureiro tesoureira administrador administradora engenheiro
    engenheira médico médica enfermeiro enfermeira psicólogo psicóloga advogado advogada
    economista porta-voz líder gestor gestora titular interventor interventora relator
    relatora fundador fundadora embaixador embaixadora cônsul cônsul-geral capitão
    coronel general tenente major sargento bispo arcebispo padre pastor
    """
    )
)

# Words after which an untagged `Fábio Zambite` is a person (`components/names.py`): a speech
# verb (`disse Teodor Malescanu`, `Explica Américo Ramalho:`).
SPEECH_VERBS: frozenset[str] = frozenset(
    _words(
        """
    disse diz dizia afirmou afirma explicou explica declarou declara contou conta acrescentou
    lembrou lembra comentou comenta observou ressaltou ressalta destacou destaca sugeriu segundo
    garantiu garante informou admitiu defendeu avaliou avalia questionou criticou
    """
    )
)

# Words that may open a role phrase before the head (`o então presidente`, `a atual secretária`).
ROLE_MODIFIERS: frozenset[str] = frozenset(_words("então atual actual novo nova ex vice primeiro primeira"))

# Words inside a role phrase after its head that keep it going (`de`, `da`, `do`, `e`).
ROLE_LINKS: frozenset[str] = frozenset(_words("de da do das dos em no na nos nas e para"))

# Lower-case words that belong to a title before a name (`o secretário municipal de Saúde`).
OFFICE_ADJECTIVES: frozenset[str] = frozenset(
    _words(
        """
    municipal estadual federal nacional regional distrital geral executivo executiva adjunto
    adjunta interino interina substituto substituta titular licenciado licenciada eleito eleita
    """
    )
)
