"""The ``ccin`` command line: ``main`` builds the app; one module per command group
(``extract``, ``nightly``, ``testbed``, ``research``, ``bench``). Heavy libraries are imported
inside the commands, so that ``ccin --help`` answers at once."""
