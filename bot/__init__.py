"""A safeguarding assistant that teaches young people how grooming into exploitation works."""
