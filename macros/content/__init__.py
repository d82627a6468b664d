"""The content stage: case-study files and data/*.yml, read, checked and indexed.

Reads files and returns validated values (a Library, a CaseStudyIndex) or problems
for people; imports no other stage and never MkDocs. The body renderer is here
because the checks must read a body exactly as the renderer does (contract §5).
"""
