"""kb_build/dates.py: ISO dates in, each language's one written form out (via babel)."""
from __future__ import annotations

import datetime

import pytest

from kb_build.dates import IsoDate, format_date, parse, time_html


@pytest.mark.parametrize("iso, language, written", [
    ("2025-01-20", "ja", "2025年1月20日"),
    ("2025-01-20", "en", "20 January 2025"),
    ("2015-05-08", "en", "8 May 2015"),
    ("2025-01", "ja", "2025年1月"),
    ("2025-01", "en", "January 2025"),
])
def test_each_language_writes_a_date_its_way(iso, language, written):
    assert format_date(parse(iso), language) == written


def test_time_element_keeps_the_iso_date():
    assert time_html(parse("2024-11-20"), "en") == '<time datetime="2024-11-20">20 November 2024</time>'


def test_month_sorts_before_its_days():
    assert sorted([parse("2025-01-20"), parse("2025-01"), parse("2024-12-31")]) == [
        IsoDate(2024, 12, 31), IsoDate(2025, 1, 0), IsoDate(2025, 1, 20)]
    assert parse(datetime.date(2025, 1, 20)).precision == "day"
    assert parse("2025-01").precision == "month"


@pytest.mark.parametrize("bad", ["2025-02-30", "2025-13", "20 January 2025", "", None])
def test_a_date_that_is_not_iso_says_how_to_write_it(bad):
    with pytest.raises(ValueError):
        parse(bad)
