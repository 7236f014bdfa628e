"""The pages beside the clinic list: Overview, Walkthrough, Compare (with its ranking chart),
What matters to you (weights) and Deciding together."""
