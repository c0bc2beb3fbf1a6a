"""Why a save, a move or a delete was refused (``core/io/saving.py``'s SaveConflict), Swedish
(default) and English: the file changed on disk, exists already, or is gone; or, done but with
a conflict copy: another program changed the file in the very moment, and its version was kept
next to the record."""

from __future__ import annotations

from finsam_tui.core.i18n.catalogue import Catalogue

SV: dict[str, str] = {
    "move_exists": ("Kunde inte flytta posten till {path}: det finns redan en fil med det namnet där. Inget har "
                    "skrivits eller tagits bort, och den befintliga filen har inte skrivits över. Välj ett annat "
                    "datum (eller organ), eller spara utan att flytta."),
    "delete_missing": ("Kunde inte ta bort {path}: filen finns inte längre (den har redan tagits bort eller "
                       "flyttats). Läs in igen för att se det aktuella läget."),
    "delete_changed": ("Kunde inte ta bort {path}: filen har ändrats på disken sedan du öppnade den (kanske i ett "
                       "annat fönster, av en git pull eller av någon annan). Inget har tagits bort. Läs in filen "
                       "igen och granska den aktuella versionen innan du tar bort den."),
    "create_exists": ("Kunde inte skapa {path}: det finns redan en fil med det namnet. Inget har skrivits. Läs in "
                      "den befintliga filen, eller behåll din version och spara igen när du har granskat "
                      "skillnaderna (eller välj ett annat namn)."),
    "save_missing": ("Kunde inte spara {path}: filen har tagits bort eller flyttats sedan du öppnade den. Dina "
                     "ändringar har inte sparats. Läs in igen för att se det aktuella läget, eller behåll din "
                     "version och spara igen när du har granskat (filen skapas då på nytt)."),
    "save_changed": ("Kunde inte spara {path}: filen har ändrats på disken sedan du öppnade den (kanske i ett annat "
                     "fönster, av en git pull eller av någon annan). Dina ändringar har inte sparats. Läs in filen "
                     "igen för att se den aktuella versionen, eller behåll din version och spara igen när du har "
                     "granskat skillnaderna."),
    "save_copied": ("Sparade {path}, men ett annat program ändrade filen i samma ögonblick. Den versionen har inte "
                    "skrivits över: den ligger kvar som {copy}. Jämför den med posten och för in det som ska vara "
                    "kvar; ta sedan bort kopian."),
    "move_copied": ("Flyttade posten till {path}, men ett annat program ändrade den gamla filen i samma ögonblick. "
                    "Den versionen har inte tagits bort: den ligger kvar som {copy}. Jämför den med posten och för "
                    "in det som ska vara kvar; ta sedan bort kopian."),
    "delete_copied": ("Ett annat program ändrade {path} medan den togs bort. Den ändrade versionen har inte tagits "
                      "bort: den ligger kvar som {copy}. Granska den och ta bort kopian när den inte behövs."),
    "overwrite_copied": ("Sparade din version av {path}. Versionen på disken gick inte att läsa som en post (den "
                         "var inte UTF-8-text eller hade ett syntaxfel), så den har inte skrivits över utan ligger "
                         "kvar som {copy}. Granska den och ta bort kopian när den inte behövs."),
}

EN: dict[str, str] = {
    "move_exists": ("Could not move the record to {path}: a file with that name already exists there. Nothing was "
                    "written or removed, and the existing file was not overwritten. Choose another date (or "
                    "organ), or save without moving."),
    "delete_missing": ("Could not delete {path}: the file no longer exists (it was already deleted or moved). "
                       "Reload to see the current state."),
    "delete_changed": ("Could not delete {path}: the file was changed on disk after you opened it (perhaps in "
                       "another window, by a git pull or by another person). Nothing was deleted. Reload the file "
                       "and review the current version before deleting it."),
    "create_exists": ("Could not create {path}: a file with that name already exists. Nothing was written. Reload "
                      "to open the existing file, or keep yours and save again after reviewing the differences (or "
                      "choose another name)."),
    "save_missing": ("Could not save {path}: the file was deleted or moved after you opened it. Your changes have "
                     "not been saved. Reload to see the current state, or keep yours and save again after "
                     "reviewing (the file will then be created anew)."),
    "save_changed": ("Could not save {path}: the file was changed on disk after you opened it (perhaps in another "
                     "window, by a git pull or by another person). Your changes have not been saved. Reload the "
                     "file to see the current version, or keep yours and save again after reviewing the "
                     "differences."),
    "save_copied": ("Saved {path}, but another program changed the file at the same moment. That version was not "
                    "overwritten: it is kept as {copy}. Compare it with the record and merge what should stay; then "
                    "delete the copy."),
    "move_copied": ("Moved the record to {path}, but another program changed the old file at the same moment. That "
                    "version was not removed: it is kept as {copy}. Compare it with the record and merge what should "
                    "stay; then delete the copy."),
    "delete_copied": ("Another program changed {path} while it was being deleted. The changed version was not "
                      "removed: it is kept as {copy}. Review it and delete the copy when it is not needed."),
    "overwrite_copied": ("Saved your version of {path}. The version on disk could not be read as a record (it was "
                         "not UTF-8 text or had a syntax error), so it was not overwritten: it is kept as {copy}. "
                         "Review it and delete the copy when it is not needed."),
}

CATALOGUE: dict[str, dict[str, str]] = {"sv": SV, "en": EN}


class Labels(Catalogue):
    """The refusals of a save in one language."""

    CATALOGUE = CATALOGUE
