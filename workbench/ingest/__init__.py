"""Article ingest: fetch a URL or read a file or pasted text, extract the article."""
