"""Import a memo (a Word file or its Markdown export) into a note's data file and page (`make import`)."""
