"""Reading and writing whole libraries: recap-json and Recap's own markdown posts."""
