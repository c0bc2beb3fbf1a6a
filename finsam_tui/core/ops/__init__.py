"""Edit operations, the policy both front ends call (the CLI and the TUI editor).

- ``save``: saving an edited record (conflict-checked: the "changed on disk" outcome is a
  value), keeping one's version after a conflict, a meeting moved with the save;
- ``lock``: locking a justerad meeting (``finsam lock``, the editor's "Spara och lås");
- ``correct``: a rättelse to a locked meeting (``finsam correct``, the editor's dialog);
- ``move``: the references to a meeting that moves follow it;
- ``new_meeting``: a new meeting from the previous one of its organ;
- ``items``: § numbering, moving a § or a sub-item;
- ``edited``: the edited data cleaned, rendered into its text, validated, compared;
- ``places``: where an edited record lives, what a new record starts as;
- ``choices``: what a reference field can hold, the labels of values and entries;
- ``scaffold``: a new records folder (``finsam init``); ``canonical``: canonical formatting
  (``finsam fmt``).
"""
