"""The model explorer dock: a searchable tree of the organisation."""
