"""Editing a draft scheme in forms: each change is an :class:`Edit` on the document's plain data.

Edits are pure (no Django, no database): ``kaohe.schemes.actions.edit_draft`` applies one to a
draft in a transaction, checks the result with the engine and audits it.
"""
