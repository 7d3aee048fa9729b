"""The Declassification Workbench: review US diplomatic cables for release."""

__version__ = "0.1.0"
