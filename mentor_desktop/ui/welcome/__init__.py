"""The first start: a welcome page on an empty database, with three ways in.

Start my own (a short guided set-up: me, my first mentor and our rhythm, my first goal), try
the sample mentorship (a file of its own, opened in its own window with a way back), or
import a journal from jrnl, Day One or RedNotebook (the File > Import dialog).
"""
