"""The inspector dock: a form for the selected entity, each edit one undoable command."""
