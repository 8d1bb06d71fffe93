"""Matplotlib charts drawn from plain data; Matplotlib is imported only when a chart is drawn."""
