"""Spell checking with the system's dictionaries (Enchant: Hunspell, Aspell…).

`speller()` is the app's one checker. Its language follows the system locale unless
Preferences > Writing names one, or "Off". When Enchant or a dictionary for the language is
missing, nothing is checked and nothing is said: the text fields work as before. Words a
person adds go to a personal word list (`use_word_store`, set at start-up; without one they
are kept until the app quits); ignored words are forgotten when the app quits.

`misspelt(text)` leaves alone what is not prose: Markdown code spans and fenced code, URLs,
e-mail addresses, link targets, HTML tags and entities, words with digits, acronyms and
words with inner capitals (“iPhone”), single letters.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections.abc import Iterator
from typing import Any, Protocol

from PySide6.QtCore import QLocale, QObject, Qt, Signal

#: The choices kept in the settings besides a language code.
SYSTEM = ""
OFF = "off"
#: Suggestions offered in the context menu.
SUGGESTIONS = 6

_TOKENS = re.compile(
    r"(?P<skip>"
    r"`+[^`]*`*"  # a code span (or one still open)
    r"|<[^<>\n]*>"  # an HTML tag or <autolink>
    r"|&#?\w+;"  # an entity
    r"|\b(?:https?|ftp|file|mailto):\S*"  # a URL
    r"|\bwww\.\S+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an e-mail address
    r"|\]\([^)\n]*\)?"  # a link's target
    r"|^\s{0,3}\[[^\]\n]*\]:.*"  # a reference definition
    r"|[\w'’]*\d[\w'’]*"  # a word with digits
    r")|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)",
    re.MULTILINE,
)


class WordStore(Protocol):
    """Where the personal word list is kept."""

    def load(self) -> set[str]: ...

    def add(self, word: str) -> None: ...


def _enchant() -> Any:
    """The enchant module, or None when it or its C library is not installed."""
    try:
        import enchant
    except (ImportError, OSError):
        return None
    return enchant


def available_languages() -> list[str]:
    """The language codes ("en_US", "fr") with an installed dictionary, sorted."""
    enchant = _enchant()
    if enchant is None:
        return []
    try:
        return sorted(set(enchant.list_languages()))
    except Exception:  # a broken provider: the same as no dictionary
        return []


def language_name(code: str) -> str:
    """“English (United States)” for "en_US"; the code itself when Qt knows no name."""
    locale = QLocale(code)
    if locale.language() == QLocale.Language.C:
        return code
    name = QLocale.languageToString(locale.language())
    if "_" in code or "-" in code:
        name += f" ({QLocale.territoryToString(locale.territory())})"
    return name


def system_language(installed: list[str]) -> str:
    """The installed dictionary closest to the system locale ("" when there is none)."""
    wanted = QLocale.system().name()
    if wanted in ("C", "POSIX", ""):
        wanted = "en_US"
    if wanted in installed:
        return wanted
    prefix = wanted.split("_")[0]
    for code in installed:
        if code == prefix or code.startswith(prefix + "_"):
            return code
    return ""


def _open(choice: str) -> tuple[str, Any]:
    """The language code and the Enchant dictionary for `choice` (None when there is none)."""
    if choice == OFF:
        return "", None
    installed = available_languages()
    code = system_language(installed) if choice == SYSTEM else choice
    if code not in installed:
        return "", None
    try:
        return code, _enchant().Dict(code)
    except Exception:  # the provider failed to open it: check nothing
        return "", None


def _should_check(word: str) -> bool:
    if len(word) < 2:
        return False
    # acronyms (OKR, KPIs) and inner capitals (iPhone, McKinsey) are names, not prose
    return not any(letter.isupper() for letter in word[1:])


class _Relay(QObject):
    """Hands a dictionary opened in the background to its checker on the GUI thread. The
    thread holds only this (it lives as long as the app) and a weak reference to the
    checker, so a checker dropped meanwhile is never kept alive by, nor destroyed on, the
    background thread.

    Signals:
        opened(object, int, str, object): (weak reference to the checker, generation, code,
            dictionary or None).
    """

    opened = Signal(object, int, str, object)

    def __init__(self) -> None:
        super().__init__()
        self.opened.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def _deliver(
        self, checker: weakref.ref[Speller], generation: int, code: str, dictionary: Any
    ) -> None:
        alive = checker()
        if alive is not None:
            alive._take(generation, code, dictionary)


_relay: _Relay | None = None


class Speller(QObject):
    """The spell checker the text fields share (see the module).

    Signals:
        changed(): the language, the personal words or the ignored words changed.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._choice = SYSTEM
        self._language = ""
        self._dictionary: Any = None
        self._store: WordStore | None = None
        self._personal: set[str] = set()
        self._ignored: set[str] = set()
        self._known: dict[str, bool] = {}
        #: Counts the language changes, so a dictionary opened for an older one is dropped.
        self._generation = 0
        self._opening = -1

    # ------------------------------------------------------------ settings

    @property
    def choice(self) -> str:
        """What the settings say: SYSTEM, OFF or a language code."""
        return self._choice

    @property
    def language(self) -> str:
        """The language checked now ("" when nothing is checked, or not yet)."""
        self._start_opening()
        return self._language

    @property
    def active(self) -> bool:
        """True once a dictionary is open: it opens in the background on the first question,
        and `changed` says when it is there."""
        self._start_opening()
        return self._dictionary is not None

    def set_language(self, choice: str) -> None:
        """Check in `choice` (SYSTEM, OFF or a code) from now on."""
        self._choice = choice
        self._generation += 1
        self._dictionary = None
        self._language = ""
        self._known.clear()
        self.changed.emit()

    def use_word_store(self, store: WordStore | None) -> None:
        """Keep the personal words in `store` (None: in memory only)."""
        self._store = store
        self._personal = store.load() if store is not None else set()
        self._known.clear()
        self.changed.emit()

    def open_now(self) -> None:
        """Open the dictionary at once (a dictionary takes about a tenth of a second)."""
        if self._opening != self._generation:
            self._opening = self._generation
            self._take(self._generation, *_open(self._choice))

    def _start_opening(self) -> None:
        if self._opening == self._generation:
            return
        global _relay
        self._opening = generation = self._generation
        choice = self._choice
        relay = _relay = _relay or _Relay()
        checker = weakref.ref(self)

        def run() -> None:
            relay.opened.emit(checker, generation, *_open(choice))

        threading.Thread(target=run, name="spelling dictionary", daemon=True).start()

    def _take(self, generation: int, code: str, dictionary: Any) -> None:
        if generation != self._generation or dictionary is None:
            return
        self._dictionary = dictionary
        self._language = code
        self._known.clear()
        self.changed.emit()

    # ------------------------------------------------------------ checking

    def is_correct(self, word: str) -> bool:
        """True when `word` is spelt right (or nothing is checked)."""
        if not self.active:
            return True
        word = word.replace("’", "'")
        known = self._known.get(word)
        if known is None:
            known = (
                word in self._personal
                or word in self._ignored
                or word.lower() in self._personal
                or self._check(word)
            )
            self._known[word] = known
        return known

    def _check(self, word: str) -> bool:
        try:
            return bool(self._dictionary.check(word))
        except Exception:  # a word the provider cannot take: leave it alone
            return True

    def misspelt(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, length) of each misspelt word of `text`, outside code, links and tags."""
        if not self.active:
            return
        for match in _TOKENS.finditer(text):
            word = match.group("word")
            if word is not None and _should_check(word) and not self.is_correct(word):
                yield match.start(), len(word)

    def suggestions(self, word: str) -> list[str]:
        if not self.active:
            return []
        try:
            return list(self._dictionary.suggest(word.replace("’", "'")))[:SUGGESTIONS]
        except Exception:
            return []

    def ignore(self, word: str) -> None:
        """Take `word` as right until the app quits."""
        self._ignored.add(word.replace("’", "'"))
        self._known.clear()
        self.changed.emit()

    def add_word(self, word: str) -> None:
        """Take `word` as right from now on and keep it in the personal word list.

        Raises MentorDesktopError when the list cannot be written; the word still counts
        as right until the app quits.
        """
        word = word.replace("’", "'")
        self._personal.add(word)
        self._known.clear()
        self.changed.emit()
        if self._store is not None:
            self._store.add(word)


_speller: Speller | None = None


def speller() -> Speller:
    """The app's one spell checker (made on first use, following the system locale)."""
    global _speller
    if _speller is None:
        _speller = Speller()
    return _speller
