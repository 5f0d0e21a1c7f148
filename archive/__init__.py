"""The malinews archive: schema, storage, search and the `malinews` command line."""
