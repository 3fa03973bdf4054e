"""A printable worksheet from the same view: the quiz's own questions (`model.lessons.quiz.generate`, used
read-only), so worksheet number N on these areas is exactly the online quiz `/quiz?seed=N&n=…&areas=…`.

Plain data, no Streamlit. The quiz number is worked out from the chosen areas and proposals (`worksheet_seed`), so
the same lesson link always prints the same worksheet; a teacher can also pass a number. The quiz draws on every
proposal in the data for the chosen areas (it has no choice of proposals), as the online quiz does."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Sequence
from urllib.parse import urlencode

from model.data.loader import Catalogue
from model.lessons.quiz import Question, generate

QUESTIONS = 6          # a few questions: one side of paper with room to write
SEED_MAX = 9999        # the quiz page's own numbers run 1…9999


@dataclass(frozen=True)
class Worksheet:
    seed: int
    n: int
    areas: tuple[str, ...] | None   # None: every area (as the quiz page writes it)
    questions: tuple[Question, ...]

    @property
    def quiz_link(self) -> str:
        """The online quiz with the same questions (relative to the app)."""
        params = {"seed": self.seed, "n": self.n, **({"areas": ",".join(self.areas)} if self.areas else {})}
        return f"/quiz?{urlencode(params, safe=',')}"


def quiz_areas(areas: Sequence[str], all_areas: Sequence[str]) -> tuple[str, ...] | None:
    """The areas as the quiz page passes them: None when every area is chosen."""
    return None if set(areas) >= set(all_areas) else tuple(areas)


def worksheet_seed(proposal_ids: Sequence[str], areas: Sequence[str]) -> int:
    """A quiz number (1…9999) fixed by the lesson's proposals and areas."""
    digest = hashlib.sha256(("|".join(proposal_ids) + "#" + "|".join(areas)).encode("utf-8")).digest()
    return 1 + int.from_bytes(digest[:4], "big") % SEED_MAX


def worksheet(catalogue: Catalogue, areas: Sequence[str], proposal_ids: Sequence[str] = (), seed: int | None = None,
              n: int = QUESTIONS) -> Worksheet:
    """The worksheet of a lesson: the quiz number `seed` (default: `worksheet_seed`) on `areas`."""
    chosen = quiz_areas(areas, catalogue.taxonomy.area_keys)
    number = int(seed) if seed is not None else worksheet_seed(proposal_ids, areas)
    questions = tuple(generate(catalogue, number, n, chosen)) if chosen != () else ()
    return Worksheet(number, n, chosen, questions)
