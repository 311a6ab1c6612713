"""notebooks/: every notebook runs from top to bottom (nbclient) and gives the answers it promises."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

from tests.conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
STARTER = ROOT / "notebooks" / "explorar_comunicados.ipynb"


def _text(cell) -> str:
    parts = []
    for out in cell.get("outputs", []):
        parts.append(out.get("text", ""))
        parts.append(out.get("data", {}).get("text/plain", ""))
    return "".join(parts)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)


@pytest.mark.slow
def test_starter_notebook_runs(tmp_path, monkeypatch):
    monkeypatch.setenv("PTPIPE_SAIDA", str(tmp_path))  # the kernel inherits it: outputs go here
    nb = nbformat.read(STARTER, as_version=4)
    where = {"metadata": {"path": str(STARTER.parent)}}
    client = NotebookClient(nb, timeout=300, kernel_name="python3", resources=where)
    client.execute()

    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "34 registros" in _text(code[1])
    images = sum("image/png" in out.get("data", {}) for c in code for out in c.outputs)
    assert images == 3
    (query,) = [c for c in code if "consulta" in c.metadata.get("tags", [])]
    # the seed release names the Bahia and R$ 2.321.286.890
    assert "000_amams_roda_de_conversa_assistencia_social" in _text(query)
    assert "003_parana_fundeb" not in _text(query)  # Paraná only
    (money_facts,) = [c for c in code if "fatos" in c.metadata.get("tags", [])]
    # issue 18: the Pará received R$ 18 million from the Ministério da Saúde (012)
    assert "PA" in _text(money_facts) and "Ministério da Saúde" in _text(money_facts)
    page = (tmp_path / "relatorio.html").read_text(encoding="utf-8")
    assert 'id="documents"' in page and page.count('<article class="doc"') == 34
