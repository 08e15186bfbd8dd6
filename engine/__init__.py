"""mlprep: spaced-repetition drills for ML-engineering coding interviews."""

__version__ = "0.1.0"
