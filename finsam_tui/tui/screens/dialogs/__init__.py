"""The dialogs: ``base`` holds what every dialog and full screen over the main one shares
(Escape closes, keys in the app's language); ``questions`` the dialogs that ask something
and dismiss with the answer (a choice of buttons, yes/no)."""
