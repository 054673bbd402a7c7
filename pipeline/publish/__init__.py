"""What is published beside the tables: the dataset card, the Frictionless data package, the
executed notebooks."""
