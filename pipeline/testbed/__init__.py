"""The project's own test bed: the loopback copy of the site (``mirror``), the bundled sample's
pages (``sample``), and the benchmark with its generated corpus (``bench``)."""
