"""The Maths Hubs partnership casebook: content model, checks, macros and CLI.

mkdocs-macros imports this package (``modules: [macros]``) and calls
``define_env``; nothing imported here touches MkDocs.
"""

from .page_macros import define_env

__all__ = ["define_env"]
