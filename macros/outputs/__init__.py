"""The outputs stage: the files other than pages, from the index (JSON, CSV, Atom
feeds, the search index and its worker). Imports only the content stage."""
