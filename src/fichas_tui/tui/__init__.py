"""The Textual explorer: the app, its screens and widgets, and the terminal it runs in."""
