"""Language data: plain tables, no logic."""
