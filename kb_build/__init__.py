"""The build of the Chinese AI reasoning models knowledge base, as one MkDocs plugin.

``kb_build.plugin`` holds the plugin (registered as ``kb`` in mkdocs.yml) and reads as the
build's table of contents; every other module is one step or one source of it.
"""
