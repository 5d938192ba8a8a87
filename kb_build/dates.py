"""Write ISO dates the one way each language of the site writes dates.

The editor's notes and the timeline keep dates as ISO strings, never as prose:
``2025-01-20`` (a day) or ``2025-01`` (a month, when the day is not known). A date is
then typed once and every page writes it alike, formatted for its locale by babel
(installed with Material): 2025年1月20日 / 20 January 2025, and 2025年1月 / January 2025.
Dates are emitted in ``<time datetime>`` so that tests (and readers' tools) can read them back.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from babel.dates import format_date as babel_format_date
from babel.dates import format_skeleton

_ISO = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
# The babel locale of each site language: British English, as the English pages are written.
LOCALES = {"ja": "ja", "en": "en_GB"}


@dataclass(frozen=True, order=True)
class IsoDate:
    year: int
    month: int
    day: int = 0  # 0: only the month is known (sorts before the month's days)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month"

    @property
    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")


def parse(value) -> IsoDate:
    """``"2025-01-20"``, ``"2025-01"`` or a ``datetime.date``; ValueError otherwise."""
    if isinstance(value, datetime.date):
        return IsoDate(value.year, value.month, value.day)
    match = _ISO.match(str(value).strip())
    if not match:
        raise ValueError(f"{value!r} is not an ISO date: write \"2025-01-20\" or, for a month, \"2025-01\"")
    year, month, day = int(match[1]), int(match[2]), int(match[3] or 0)
    datetime.date(year, month, day or 1)  # raises ValueError for 2025-13 or 2025-02-30
    return IsoDate(year, month, day)


def format_date(date: IsoDate, language: str) -> str:
    """The date as ``language`` writes it: a day in the long form, a month as month and year."""
    locale = LOCALES.get(language, language)
    if date.day:
        return babel_format_date(datetime.date(date.year, date.month, date.day), "long", locale=locale)
    return format_skeleton("yMMMM", datetime.date(date.year, date.month, 1), locale=locale)


def time_html(date: IsoDate, language: str) -> str:
    return f'<time datetime="{date.iso}">{format_date(date, language)}</time>'
