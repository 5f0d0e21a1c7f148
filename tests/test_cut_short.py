"""A page that stops early (`pipelines.htmltree.ends_early`) and a text that is another cut short
(`archive.cutshort.cut_from`): together they keep a truncated refetch from replacing a whole text."""
from __future__ import annotations

import pytest

from archive.cutshort import cut_from
from pipelines.htmltree import PAGE_END_WINDOW, ends_early

WHOLE = "Le Conseil des ministres s'est réuni mercredi.\nIl a adopté trois projets de loi sur la justice."


@pytest.mark.parametrize("new, expected", [
    ("Le Conseil des ministres s'est réuni mercredi.", True),         # the last paragraph lost
    ("Le Conseil des ministres s'est réuni mercredi.\nIl a adopté trois proj", True),  # cut mid-word
    (WHOLE, False),                                                    # the same text: no cut
    (WHOLE + "\nMise à jour : le texte a été amendé.", False),         # longer: an edit
    ("Le Conseil des ministres s'est réuni jeudi.", False),            # a changed word: an edit
    ("", False), (None, False),                                        # nothing: no article
    ("Il a adopté trois projets de loi sur la justice.", False),       # its end, not its start
])
def test_cut_from(new: str | None, expected: bool) -> None:
    assert cut_from(new, WHOLE) is expected


def test_cut_from_an_empty_archived_text() -> None:
    assert not cut_from("Le Conseil", "") and not cut_from("Le Conseil", None)


@pytest.mark.parametrize("html, expected", [
    ("<html><body><p>Texte</p></body></html>", False),
    ("<HTML><BODY><p>Texte</p></BODY >\n</HTML>\n\n", False),
    ("<html><body><p>Texte</p></body>", False),                        # no </html>: the </body> is enough
    ("<html><body><p>Texte</p>", True),
    ("<html><body><p>Texte</p><br />\n<b>Fatal error</b>: Allowed memory size exhausted in x.php", True),
    ("<html><body><p>Texte</p></body></html>" + "<!-- x -->" * (PAGE_END_WINDOW // 10 + 1), True),  # far too far
])
def test_ends_early(html: str, expected: bool) -> None:
    assert ends_early(html) is expected
