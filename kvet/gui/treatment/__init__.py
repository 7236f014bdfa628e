"""My treatment: the window of its own for one course, with its session log, the PHQ-9
check-in, the weekly check and the chart of the course."""
