"""The screens: the main screen with the sections, and the dialogs pushed over it."""
