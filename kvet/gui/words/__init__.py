"""The window's words for what the core says in English: each ``*words`` module marks the core's
templates for translation and translates them at display; ``tr`` marks words where they are
written. No widgets and nothing of the other rooms, so every room may use them."""
