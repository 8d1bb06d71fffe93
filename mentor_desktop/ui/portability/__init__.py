"""File > Import…, Export… and Backups…: dialogs that run their work off the GUI thread."""
