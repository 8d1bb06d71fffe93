"""The Learning journal tab."""
