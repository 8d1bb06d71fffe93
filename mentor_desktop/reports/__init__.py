"""Printable documents: HTML + CSS templates laid out by QTextDocument and written as PDF."""
