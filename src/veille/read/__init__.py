"""Inputs to Articles: records, text and HTML files, JSON Lines."""
