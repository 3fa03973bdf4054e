"""Citations of the data in APA (7th edition, data set), MLA (9th edition) and Chicago (17th edition, bibliography)
style, naming the data version, the date the data covers, the access date and the link to the view being cited.

The title and author come from `CITATION.cff`, the version from `_coverage.yaml`, the release date from the
version's changelog section. Each citation is (before, title, after): the title is set in italics where the
citation is shown, and `LINK` in `after` stands for the view's link, filled in where the link is known (the
browser's address bar, for "Cite this view")."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from model.analysis.release import APP_NAME, read_cff
from model.data.coverage import Coverage

LINK = "{link}"
STYLES = ("APA", "MLA", "Chicago")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MLA_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]


@dataclass(frozen=True)
class CiteMeta:
    author: str
    title: str
    version: str | None
    data_as_of: str
    released: str | None  # YYYY-MM-DD


def cite_meta(cff_text: str, coverage: Coverage, released: str | None) -> CiteMeta:
    cff = read_cff(cff_text)
    authors = [a.get("name") or " ".join(filter(None, [a.get("given-names"), a.get("family-names")]))
               for a in cff.get("authors", []) if isinstance(a, dict)]
    return CiteMeta(", ".join(a for a in authors if a) or f"{APP_NAME} project", str(cff.get("title") or APP_NAME),
                    coverage.data_version, coverage.data_as_of, released)


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def long_date(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def mla_date(day: dt.date) -> str:
    return f"{day.day} {MLA_MONTHS[day.month - 1]} {day.year}"


def _as_of(meta: CiteMeta) -> str:
    day = _date(meta.data_as_of)
    return long_date(day) if day else meta.data_as_of


def citations(meta: CiteMeta, accessed: dt.date, link: str = LINK) -> dict[str, tuple[str, str, str]]:
    """Style → (before the title, the title, after the title)."""
    released = _date(meta.released or "")
    year = str(released.year) if released else "n.d."
    version = f"Version {meta.version}" if meta.version else "Unversioned"
    author = meta.author.rstrip(".") + "."
    title = meta.title.rstrip(".")
    return {
        "APA": (f"{author} ({year}). ", title,
                f" ({version}; data as of {_as_of(meta)}) [Data set]. Retrieved {long_date(accessed)}, from {link}"),
        "MLA": (f"{author} ", title,
                f". {version}, {mla_date(released) if released else 'n.d.'}, {link}. Accessed {mla_date(accessed)}."),
        "Chicago": (f"{author} ", title,
                    f". {version} (data as of {_as_of(meta)}). Dataset, {year}. Accessed {long_date(accessed)}. {link}."),
    }


def plain(parts: tuple[str, str, str]) -> str:
    return "".join(parts)
