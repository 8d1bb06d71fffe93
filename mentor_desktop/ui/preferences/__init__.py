"""The Preferences dialog (Edit > Preferences…): a list of pages beside the page shown.

Adding a page, for another area (Reminders, Privacy…):

1. Subclass `PreferencesPage` (ui/preferences/page.py). Give it a `title`, build its form in
   `__init__` (use `add_row(name, label, widget)` so each field has its error line under it)
   and implement `apply() -> bool`: save what changed through a service or the settings;
   on bad input call `show_errors({name: message})` and return False (nothing is saved,
   the dialog stays open on that page). `apply()` runs on OK and on Apply, page by page.
2. Register a factory where the window is built (`app_window.py`, `build_window`):

       preferences.add_page("Reminders", lambda: RemindersPage(services.reminders, settings))

   Pages are built fresh each time the dialog opens, so a page shows the saved values and
   an unsaved edit dies with Cancel. `order` places the page (General is 0; default 100).

`PreferencesDialog.add_page(page)` adds a built page to one open dialog (tests use it).
"""
