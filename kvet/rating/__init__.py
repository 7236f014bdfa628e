"""Answers, scores, ranks, costs and verdicts: the rules behind every number a person sees."""
