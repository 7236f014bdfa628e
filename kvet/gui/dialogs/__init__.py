"""The dialogs opened from the menus: add or edit a clinic, call mode, pre-screen, country,
"Need help now?", About, the guide's pages, and the calm box for an error kvet did not expect."""
