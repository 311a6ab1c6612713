"""ptpipe: Portuguese press releases -> one structured JSON record each.

>>> import pipeline
>>> record = pipeline.process("O Governo da Bahia liberou R$ 2.321.286.890.")
>>> [e["attributes"]["value"] for e in record["entities"] if e["label"] == "MONEY"]
[2321286890]
>>> [e["attributes"]["uf"] for e in record["entities"] if e["label"] == "STATE"]
['BA']
"""

__version__ = "0.1.0"

from .annotate import load
from .runner import process, process_many

__all__ = ["__version__", "load", "process", "process_many"]
