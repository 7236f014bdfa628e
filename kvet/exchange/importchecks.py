"""The values of a file pass the checks typed values pass, before anything is planned.

A file can hold what no one could type (a price of a billion, a "seen" on a question); it is
refused here in one sentence naming the question, as the window would refuse the typed value.
"""

from __future__ import annotations

from kvet.content.checklist import Kind
from kvet.exchange.errors import ExchangeError
from kvet.exchange.fileformat import AnswerDoc, ComparisonFile, DecisionDoc
from kvet.rating.answers import AnswerError, option
from kvet.store.api import Store
from kvet.store.errors import InvalidValueError
from kvet.store.validation import check_weights, clean_fact, weights_from_dict


def check_answers(store: Store, document: ComparisonFile) -> None:
    """Answers, decisions and settings must pass the checks typed values pass.

    An unknown item is kept as retired; a number goes through the store's own limit for its
    item (a price of at most 1,000,000, say), so a file cannot hold what the user could not type.
    """
    items = store.checklist.items_by_id
    given: list[AnswerDoc | DecisionDoc] = [
        answer for assessment in document.assessments for answer in assessment.answers
    ]
    for answer in [*given, *document.decisions]:
        item = items.get(answer.item_id)
        if item is None:
            continue
        if answer.choice is not None:
            try:
                option(item.kind, answer.choice)
            except AnswerError:
                raise ExchangeError("import.answer-misfit", item=item.statement) from None
        if answer.number is not None:
            if item.kind is not Kind.FACT:
                raise ExchangeError("import.number-for-choice", item=item.statement)
            try:
                clean_fact(item, answer.number)
            except InvalidValueError as exc:
                raise ExchangeError("import.value-refused", reason=exc.words) from None
    try:
        check_weights(weights_from_dict(document.comparison.settings.model_dump()))
    except InvalidValueError as exc:
        raise ExchangeError("import.weights-refused", reason=exc.words) from None
