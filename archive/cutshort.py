"""A refetched article whose page ended early: its text is the archived one cut short, not an edit."""
from __future__ import annotations


def cut_from(new_text: str | None, old_text: str | None) -> bool:
    """Whether `new_text` is `old_text` cut short: its words are the old text's first words, the last
    one possibly cut in the middle, and fewer of them.

    A server that dies mid-page (a PHP fatal error, a connection closed with no length said) gives
    such a text; stored as an edit, it would hide the whole article behind half of it.
    """
    new, old = (new_text or "").split(), (old_text or "").split()
    if not new or len(new) >= len(old):
        return False
    last = len(new) - 1
    return new[:last] == old[:last] and old[last].startswith(new[last])
