"""Spreadsheets: reading uploads (`read`) and writing reports (`write`)."""
