"""The Maths Hubs partnership casebook: files → validated case studies → index → pages and outputs.

The stages are sub-packages (see ARCHITECTURE.md): ``content`` reads and checks the
case studies and data, ``outputs`` writes the files other than pages (JSON, CSV,
feeds, the search index), ``site`` renders the pages, ``editing`` serves editors
(``casebook new``, the issue form, the CLI); ``plugin.py`` is the one MkDocs adapter.
Nothing is imported here, so a stage's module loads only what it uses (the search
worker's process, for one, starts in a tenth of the time).
"""
