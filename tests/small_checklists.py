"""Checklists of a few items in one section, for tests that check the score's and the ranking's
rules by hand (tests/test_scoring_mutants.py, tests/test_ranking_mutants.py)."""

from __future__ import annotations

from kvet.content.checklist import Checklist, Item, Kind, Section, Source


def checklist_of(
    kinds: list[Kind],
    weights: list[float],
    dealbreakers: set[int],
    sections: list[str] | None = None,
) -> Checklist:
    """Item ``n`` has ``kinds[n]`` and ``weights[n]``, and is in section ``sections[n]`` (all in
    one section "s" without it); the red flags numbered in ``dealbreakers`` rule a clinic out when
    seen. Sections come in the order they first appear, each of weight 1."""
    source = Source(key="S", title="S", citation="S")
    where = sections or ["s"] * len(kinds)
    return Checklist(
        version="1.0.0",
        title="Small",
        formats=(),
        sources=(source,),
        sections=tuple(
            Section(id=s, title=s.upper(), intro="I.", weight=1.0) for s in dict.fromkeys(where)
        ),
        items=tuple(
            Item(
                id=f"i{n:02}",
                section=where[n],
                kind=kind,
                statement=f"Statement {n}",
                how_to_ask=f"Question {n}?",
                why_it_matters="Because.",
                sources=("S",),
                weight=weight,
                dealbreaker=kind is Kind.RED_FLAG and n in dealbreakers,
            )
            for n, (kind, weight) in enumerate(zip(kinds, weights, strict=True))
        ),
    )
