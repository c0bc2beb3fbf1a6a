"""What a record is: the field definitions, where each record lives, references and how
they resolve, values at key paths, and the loaded archive."""
