"""reporter: comparative summaries and fact-check briefings from news articles."""
__version__ = "0.1.0"
