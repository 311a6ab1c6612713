"""Portuguese language data (PT-BR and PT-PT)."""
