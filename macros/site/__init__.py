"""The site stage: the pages' HTML (generated pages, listings, the finder, charts,
the page macros) and the page-wide policy. Imports content and outputs, never MkDocs."""
