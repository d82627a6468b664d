"""The editing stage: what serves editors (``casebook new``, the issue-form converter,
writing case-study files, the ``casebook`` CLI). Imports only the content stage."""
