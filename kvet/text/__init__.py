"""kvet's own words: the reader's language, the error catalogue, counted words and dates."""
