"""Checklists of a few items in one section, for tests that check the score's and the ranking's
rules by hand (tests/test_scoring_mutants.py, tests/test_ranking_mutants.py)."""

from __future__ import annotations

from kvet.checklist import Checklist, Item, Kind, Section, Source


def checklist_of(kinds: list[Kind], weights: list[float], dealbreakers: set[int]) -> Checklist:
    """Item ``n`` has ``kinds[n]`` and ``weights[n]``; the red flags numbered in
    ``dealbreakers`` rule a clinic out when seen."""
    source = Source(key="S", title="S", citation="S")
    return Checklist(
        version="1.0.0",
        title="Small",
        formats=(),
        sources=(source,),
        sections=(Section(id="s", title="S", intro="I.", weight=1.0),),
        items=tuple(
            Item(
                id=f"i{n:02}",
                section="s",
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
