"""Why a clinic's place is or is not fixed, in English templates
(kvet.rating.placesentence.place_sentence fills them).

Apart from the ranking's rules so they read alone. The sentences say nothing about a clinic being
good: only whether answers still to come could change the order.
"""

from __future__ import annotations

# The place sentences in English; kvet.gui.words.rankingwords marks the same strings for the
# translators and passes ``translate`` in (the core never imports Qt).
PLACE_RULED_OUT = (
    "Place {rank}: a clinic with a dealbreaker seen comes after every clinic without one, "
    "whatever its score."
)
PLACE_FOR_NOW = "Place {rank} for now: answers still to come could change it."
# Which clinic could swap places with this one: a clinic with one question left is not left to
# think that its own last answer could change its place.
PLACE_FOR_NOW_BELOW = (
    "Place {rank} for now: once more answers are in, {clinic} could still come above it."
)
PLACE_FOR_NOW_ABOVE = (
    "Place {rank} for now: once more answers are in, it could still come above {clinic}."
)
PLACE_NOT_VETTED = (
    "Place {rank} for now, not yet vetted: less than half of what matters has an answer, so it "
    "comes after any vetted clinic; {could_end}."
)
COULD_END = "its score could still end anywhere from {low} to {high}"
COULD_END_SETTLED = "its score is settled at {score}"  # the range rounds to one number
PLACE_ONLY = "The only clinic so far; {could_end}."
PLACE_OTHERS_OUT = (
    "Place {rank} whatever the answers still to come, because the other clinics are ruled out. "
    "That says nothing about how good this clinic is: {could_end}."
)
PLACE_ALL_ANSWERED = "Place {rank} whatever the answers still to come: every question is answered."
PLACE_NO_CROSS = (
    "Place {rank} whatever the answers still to come: no other clinic's score can cross this "
    "one's. That is about the order only: {could_end}."
)
PLACE_SENTENCES = (
    PLACE_RULED_OUT,
    PLACE_FOR_NOW,
    PLACE_FOR_NOW_BELOW,
    PLACE_FOR_NOW_ABOVE,
    PLACE_NOT_VETTED,
    COULD_END,
    COULD_END_SETTLED,
    PLACE_ONLY,
    PLACE_OTHERS_OUT,
    PLACE_ALL_ANSWERED,
    PLACE_NO_CROSS,
)
