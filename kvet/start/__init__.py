"""What the first screen needs over the store: repairing a damaged database, and the sample
comparison."""
