"""ptpipe: Portuguese press releases -> one structured JSON record each.

>>> import pipeline
>>> record = pipeline.process("O Governo da Bahia liberou R$ 2.321.286.890.")
>>> record["entities"][1]["attributes"]["value"]
2321286890
"""

__version__ = "0.1.0"

from .annotate import load
from .runner import process, process_many

__all__ = ["__version__", "load", "process", "process_many"]
