//! The event coder: dictionaries + dependency trees → CAMEO events.
