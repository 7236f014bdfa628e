"""The main window itself: starting the app, the menus and what their commands do, the clinic
list, and the language of the window.

The one room that may reach into every other: it builds the pages and opens the dialogs."""
