"""What every room is built from: the window's shared state (the open store and what is
selected), plain-text labels, wrapping rows, focus, colours, fitting the screen, the form for one
checklist question, and error messages in plain words. Nothing here knows a page or a dialog."""
